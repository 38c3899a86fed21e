package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.Graphs;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * {@code /api/health} right after each kind of write: its counts are those of the version it reports,
 * which is the version the write produced, and they equal what a SPARQL count of every graph gives
 * at that version. Health no longer counts every graph after a write (it follows the changes), so
 * this is what says that following is exact.
 */
class HealthCountsTest {
    static TestServer server;
    static String base;

    @BeforeAll
    static void start() {
        // A server of its own: the counts of every graph are compared, so no other class may write here.
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode sparql(String query) throws Exception {
        var r = post(base + "/sparql", query, "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body()).at("/results/bindings");
    }

    /** Every named graph's triple count, as a SPARQL query counts them. */
    private static Map<String, Long> sparqlCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode b : sparql("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
            counts.put(b.at("/g/value").asText(), b.at("/n/value").asLong());
        return counts;
    }

    /** The knowledge-base version as the store records it. */
    private static long storedVersion() throws Exception {
        JsonNode rows = sparql("SELECT ?v WHERE { GRAPH <" + Graphs.SYSTEM + "> { <" + Graphs.BASE + "system#knowledgeBase> <"
                + Graphs.BASE + "system#version> ?v } }");
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0).at("/v/value").asLong();
    }

    /** Health now says what a full count says, at the version {@code expected} (when known) the store records. */
    private static JsonNode assertHealthIsAFullCount(String after, long expected) throws Exception {
        var r = get(base + "/api/health");
        assertEquals(200, r.statusCode(), after + ": " + r.body());
        JsonNode health = Json.MAPPER.readTree(r.body());
        long version = storedVersion();
        if (expected > 0) assertEquals(expected, version, after + ": the write's version");
        assertEquals(version, health.get("knowledgeBaseVersion").asLong(), after + ": health reports the version just written");
        Map<String, Long> full = sparqlCounts();
        Map<String, Long> graphs = new TreeMap<>();
        health.get("graphs").properties().forEach(e -> graphs.put(e.getKey(), e.getValue().asLong()));
        assertEquals(full, graphs, after + ": graphs");
        Map<String, Long> byRole = new TreeMap<>();
        full.forEach((g, n) -> byRole.merge(Graphs.role(g), n, Long::sum));
        Map<String, Long> healthByRole = new TreeMap<>();
        health.get("triplesByRole").properties().forEach(e -> healthByRole.put(e.getKey(), e.getValue().asLong()));
        assertEquals(byRole, healthByRole, after + ": triplesByRole");
        assertEquals(full.values().stream().mapToLong(Long::longValue).sum(), health.get("triples").asLong(), after + ": triples");
        return health;
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Fixtures.send(b, headers);
    }

    private static long latestChange() throws Exception {
        return Json.MAPPER.readTree(get(base + "/api/changes").body()).at("/items/0/id").asLong();
    }

    @Test
    void afterEachKindOfWriteHealthCountsWhatTheStoreHoldsAtTheVersionWritten() throws Exception {
        String user = Graphs.USER;
        JsonNode start = assertHealthIsAFullCount("at start", 0);

        // A product: its own graph appears, and what the reasoner concludes from it.
        var created = send("POST", "/api/products", "{\"kind\": \"ContainerTechnology\", \"id\": \"HealthW1\", \"label\": \"Health W1\", "
                + "\"hostOS\": [\"Linux\"], \"platforms\": [\"OpenStack\"]}",
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode afterCreate = assertHealthIsAFullCount("a product created", latestChange());
        assertTrue(afterCreate.get("knowledgeBaseVersion").asLong() > start.get("knowledgeBaseVersion").asLong());
        assertTrue(afterCreate.at("/graphs").has(user + "HealthW1"), afterCreate.toString());
        assertTrue(afterCreate.get("triples").asLong() > start.get("triples").asLong(), "the counts moved with the write");

        // Replaced: some triples go (conclusions may go with them or stay on another derivation).
        var replaced = send("PUT", "/api/products/HealthW1", "{\"kind\": \"ContainerTechnology\", \"label\": \"Health W1\", "
                + "\"hostOS\": [\"Linux\"], \"platforms\": [\"OpenNebula\"]}",
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertHealthIsAFullCount("a product replaced", latestChange());

        // SPARQL Update: a literal and an inference in a new graph.
        var updated = post(base + "/update", "PREFIX vkg: <https://w3id.org/virtkg/ontology#> "
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> INSERT DATA { GRAPH <" + user + "health-update> { "
                + "<https://w3id.org/virtkg/id/HealthW2> a vkg:ContainerTechnology ; rdfs:label \"Health W2\"@en ; "
                + "vkg:hostOS <https://w3id.org/virtkg/id/Linux> } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, updated.statusCode(), updated.body());
        long updateChange = latestChange();
        assertHealthIsAFullCount("a SPARQL update", updateChange);

        // Graph Store: a graph put, then replaced, then deleted.
        String g = "/data?graph=" + Fixtures.enc(user + "health-gsp");
        String[] auth = {"Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN};
        var put = send("PUT", g, "<urn:ex:a> <urn:ex:p> <urn:ex:b> , <urn:ex:c> ; <urn:ex:q> \"x\" .", auth);
        assertTrue(put.statusCode() == 201 || put.statusCode() == 204, put.statusCode() + " " + put.body());
        assertHealthIsAFullCount("a Graph Store PUT", latestChange());
        var again = send("PUT", g, "<urn:ex:a> <urn:ex:p> <urn:ex:b> .", auth);
        assertEquals(204, again.statusCode(), again.body());
        assertHealthIsAFullCount("a Graph Store PUT replacing a graph", latestChange());
        var deleted = send("DELETE", g, null, "Authorization", "Bearer " + ADMIN);
        assertEquals(204, deleted.statusCode(), deleted.body());
        JsonNode afterGspDelete = assertHealthIsAFullCount("a Graph Store DELETE", latestChange());
        assertTrue(!afterGspDelete.at("/graphs").has(user + "health-gsp"), "a deleted graph is no longer listed");

        // A revert of the SPARQL update.
        var reverted = post(base + "/api/changes/" + updateChange + "/revert", "", "Authorization", "Bearer " + ADMIN);
        assertEquals(200, reverted.statusCode(), reverted.body());
        assertHealthIsAFullCount("a revert", Json.MAPPER.readTree(reverted.body()).get("version").asLong());

        // The product deleted.
        assertEquals(204, send("DELETE", "/api/products/HealthW1", null, "Authorization", "Bearer " + EDITOR).statusCode());
        JsonNode afterDelete = assertHealthIsAFullCount("a product deleted", latestChange());
        assertTrue(!afterDelete.at("/graphs").has(user + "HealthW1"), afterDelete.toString());

        // A refused write changes nothing, health included.
        var refused = post(base + "/update", "PREFIX vkg: <https://w3id.org/virtkg/ontology#> INSERT DATA { GRAPH <" + user
                + "health-refused> { <https://w3id.org/virtkg/id/KVM> a vkg:CloudPlatform } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(afterDelete, assertHealthIsAFullCount("a refused write", afterDelete.get("knowledgeBaseVersion").asLong()));
    }
}
