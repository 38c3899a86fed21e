package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.ConnectionWitness;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * Refusals a newcomer met in a library's words, or without the one fact they needed: SERVICE in an
 * update, a body of a type the endpoint does not take, a body over a size limit. Each is said in
 * our words — what was refused, and what to do instead — and changes nothing. Over HTTP, on a
 * server whose upload limit is set to 1 MiB (so the edge's own bound is 2 MiB and bodies stay small).
 */
class RefusalsSayWhatToDoTest {
    static TestServer server;
    static String base;
    static final String GRAPH = "https://w3id.org/virtkg/graph/user/refusals";
    static final String SERVICE_REFUSED = "SERVICE is disabled: virtkg never sends requests to other endpoints";

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, EDITOR), Map.of(Setting.MAX_UPLOAD, "1"));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The problem's detail, after checking it is a problem with that status and none of Jena's or Jetty's words. */
    static String detail(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode p = Json.MAPPER.readTree(r.body());
        String detail = p.get("detail").asText();
        for (String internal : List.of("jena", "ARQ#", "httpServiceAllowed", "Unsupported: [", "Exception"))
            assertFalse(detail.contains(internal), "no library words (" + internal + "): " + detail);
        return detail;
    }

    static HttpResponse<String> update(String text) {
        return Fixtures.post(base + "/update", text, "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
    }

    static boolean graphHoldsAnything() {
        return VirtkgServerTest.askAt(base, "GRAPH <" + GRAPH + "> { ?s ?p ?o }");
    }

    @Test
    void serviceInAnUpdateIsRefusedBeforeItRunsInTheWordsAndStatusOfAQuery() throws Exception {
        try (var witness = new ConnectionWitness()) {
            String endpoint = "<" + witness.url("/sparql") + ">";
            var query = Fixtures.get(base + "/sparql?query=" + enc("SELECT * WHERE { SERVICE " + endpoint + " { ?s ?p ?o } }"));
            int queryStatus = query.statusCode();
            assertTrue(detail(query, 400).contains(SERVICE_REFUSED));
            // The same rule wherever the SERVICE hides in a query: a subquery, FILTER EXISTS.
            for (String hidden : List.of("SELECT * WHERE { { SELECT * WHERE { SERVICE " + endpoint + " { ?s ?p ?o } } } }",
                    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE " + endpoint + " { ?s ?p ?o } } }"))
                assertTrue(detail(Fixtures.get(base + "/sparql?query=" + enc(hidden)), queryStatus).contains(SERVICE_REFUSED), hidden);

            // Every way an update's WHERE can hold a SERVICE: plain, SILENT in an OPTIONAL, in a
            // subquery, in FILTER EXISTS, with USING or WITH, in a DELETE/INSERT.
            for (String u : List.of(
                    "INSERT { GRAPH <" + GRAPH + "> { ?s ?p ?o } } WHERE { SERVICE " + endpoint + " { ?s ?p ?o } }",
                    "DELETE { GRAPH <" + GRAPH + "> { ?s ?p ?o } } INSERT { GRAPH <" + GRAPH + "> { ?s ?p 1 } } WHERE { OPTIONAL { SERVICE SILENT "
                            + endpoint + " { ?s ?p ?o } } }",
                    "INSERT { GRAPH <" + GRAPH + "> { ?s ?p ?o } } USING <" + GRAPH + "> WHERE { { SELECT * WHERE { SERVICE " + endpoint
                            + " { ?s ?p ?o } } } }",
                    "WITH <" + GRAPH + "> INSERT { <x:a> <x:b> ?o } WHERE { BIND(1 AS ?o) FILTER EXISTS { SERVICE " + endpoint + " { ?s ?p ?o } } }",
                    "INSERT DATA { GRAPH <" + GRAPH + "> { <x:a> <x:b> 1 } } ; INSERT { GRAPH <" + GRAPH + "> { ?s ?p ?o } } WHERE { SERVICE "
                            + endpoint + " { ?s ?p ?o } }")) {
                String said = detail(update(u), queryStatus);
                assertTrue(said.contains(SERVICE_REFUSED), u + " → " + said);
                assertFalse(graphHoldsAnything(), "nothing written, not even an earlier operation of the request: " + u);
            }
            assertEquals(0, witness.connections(), "no request was ever sent to the SERVICE's endpoint");
        }
        // The query's other rules hold in an update's WHERE too.
        String regex = detail(update("INSERT { GRAPH <" + GRAPH + "> { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(regex(str(?o), '(a+)+$')) }"), 400);
        assertTrue(regex.contains("nests quantifiers"), regex);
        assertFalse(graphHoldsAnything());
    }

    @Test
    void aBodyOfAnotherTypeIsToldWhichTypesTheEndpointTakes() throws Exception {
        for (String endpoint : List.of("/sparql", "/asserted/sparql")) {
            for (String type : List.of("text/plain", "application/json")) {
                String said = detail(Fixtures.post(base + endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "Content-Type", type), 415);
                assertTrue(said.contains("application/sparql-query") && said.contains("application/x-www-form-urlencoded")
                        && said.contains("GET") && said.contains("query=") && said.contains("(got " + type + ")"), said);
            }
            // No Content-Type at all on a body: the same answer, saying so.
            String none = detail(Fixtures.send(HttpRequest.newBuilder(URI.create(base + endpoint))
                    .POST(HttpRequest.BodyPublishers.ofString("ASK {}"))), 415);
            assertTrue(none.contains("application/sparql-query") && none.contains("(got no Content-Type)"), none);
        }
        String update = detail(Fixtures.post(base + "/update", "INSERT DATA { GRAPH <" + GRAPH + "> { <x:a> <x:b> 1 } }",
                "Content-Type", "text/plain", "Authorization", "Bearer " + ADMIN), 415);
        assertTrue(update.contains("application/sparql-update") && update.contains("application/x-www-form-urlencoded")
                && update.contains("update=") && update.contains("(got text/plain)"), update);
        // A query sent to the update endpoint, as an update is to the query endpoint: told where it goes.
        String query = detail(Fixtures.post(base + "/update", "ASK {}", "Content-Type", "application/sparql-query",
                "Authorization", "Bearer " + ADMIN), 400);
        assertEquals("This is a SPARQL query, not an update: send it to /sparql", query);
        assertTrue(detail(Fixtures.post(base + "/sparql", "INSERT DATA { GRAPH <" + GRAPH + "> { <x:a> <x:b> 1 } }", "Content-Type",
                "application/sparql-update"), 400).contains("send it to /update"));
        String graph = detail(Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + enc(GRAPH)))
                .PUT(HttpRequest.BodyPublishers.ofString("<x:a> <x:b> 1 .")), "Content-Type", "text/plain", "Authorization", "Bearer " + ADMIN), 415);
        assertTrue(graph.contains("text/turtle") && graph.contains("(got text/plain)"), graph);
        assertFalse(graphHoldsAnything());
    }

    /** A body of {@code bytes} bytes sent as a client sends a large one (asking first, so the early 413 is read, not reset). */
    static HttpResponse<String> sendBody(String method, String path, String type, byte[] body, String token) {
        return Fixtures.send(HttpRequest.newBuilder(URI.create(base + path)).expectContinue(true)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)), "Content-Type", type, "Authorization", "Bearer " + token);
    }

    /** {@code n} bytes of text the endpoint would otherwise read: a comment or a padded JSON string. */
    static byte[] padded(String type, int n) {
        String start = type.equals("application/json") ? "{\"id\": \"Padded\", \"label\": \"" : "# ";
        String end = type.equals("application/json") ? "\"}" : "\n";
        return (start + "x".repeat(n - start.length() - end.length()) + end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void every413NamesTheLimitThatAppliedAndTheSettingThatRaisesIt() throws Exception {
        record Endpoint(String method, String path, String type, String token, String limit, String setting) {}
        String oneMiB = "1 MiB (1,048,576 bytes)";
        for (Endpoint e : List.of(
                new Endpoint("POST", "/update", "application/sparql-update", ADMIN, oneMiB, "max-update"),
                new Endpoint("PUT", "/data?graph=" + enc(GRAPH), "text/turtle", ADMIN, oneMiB, "max-upload"),
                new Endpoint("POST", "/api/products", "application/json", EDITOR, oneMiB, "max-json"))) {
            // Just over the endpoint's own limit (read up to it: the few bytes left unread fit in the
            // socket's buffers, so the client reads the answer rather than a reset), and over every
            // limit (refused at the edge on its declared length, before any handler): the same
            // words, the endpoint's limit.
            String byRoute = detail(sendBody(e.method, e.path, e.type, padded(e.type, (1 << 20) + 100), e.token), 413);
            String byEdge = detail(sendBody(e.method, e.path, e.type, padded(e.type, 3 << 20), e.token), 413);
            for (String said : List.of(byRoute, byEdge))
                assertTrue(said.contains(e.limit) && said.contains("the setting " + e.setting) && said.contains("--" + e.setting)
                        && said.contains("VIRTKG_" + e.setting.toUpperCase(java.util.Locale.ROOT).replace('-', '_')), e + ": " + said);
            assertEquals(byRoute, byEdge, e.path);
        }
        // A query's limit is in characters.
        String longQuery = detail(Fixtures.post(base + "/sparql", "ASK {} #" + "x".repeat(200_000), "Content-Type",
                "application/sparql-query"), 413);
        String hugeQuery = detail(sendBody("POST", "/sparql", "application/sparql-query", padded("application/sparql-query", 3 << 20), ADMIN), 413);
        for (String said : List.of(longQuery, hugeQuery))
            assertTrue(said.contains("100,000 characters") && said.contains("the setting max-query-length"), said);
        assertEquals(longQuery, hugeQuery);
        assertFalse(graphHoldsAnything());
    }

    @Test
    void theEdgesBoundOnEveryBodyLeavesRoomForTheLongestQueryInBytes() {
        // A query's limit is in characters, and one character may take four bytes in UTF-8: the
        // edge must not refuse, as too large, a query its endpoint would take.
        var limits = new BodyLimits(ServerConfig.defaults().withSettings(Settings.resolve(
                Map.of(Setting.MAX_QUERY_LENGTH, "10000000"), Map.of(), null)));
        assertEquals(4L * 10_000_000 + (1 << 20), limits.edge.bytes());
        assertEquals((16L << 20) + (1 << 20), new BodyLimits(ServerConfig.defaults()).edge.bytes(), "by default: max-upload + 1 MiB");
    }
}
