package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/** The whole service on a random port: health, SPARQL protocol, update auth, GSP, errors, metrics. */
class VirtkgServerTest {
    static TestServer server;
    static String base;

    static final String SELECT_KVM = "PREFIX vkg: <https://w3id.org/virtkg/ontology#> "
            + "SELECT ?p WHERE { ?p vkg:supports <https://w3id.org/virtkg/id/KVM> }";
    static final String USER_GRAPH = "https://w3id.org/virtkg/graph/user/test";

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, EDITOR), Duration.ofSeconds(5));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void healthReportsStoreAndGraphCounts() throws Exception {
        var r = get(base + "/api/health");
        assertEquals(200, r.statusCode());
        JsonNode body = json(r);
        assertEquals("up", body.get("status").asText());
        assertEquals(TestServer.remoteStore() ? "sparql" : "tdb2-scratch", body.at("/store/kind").asText());
        assertEquals(2, body.at("/triplesByRole/ontology").asLong() > 0 ? 2 : 0);
        assertEquals(2, body.at("/graphs").get("https://w3id.org/virtkg/source/paper/table1/KVM/type").asLong());
        assertFalse(body.get("version").asText().isEmpty());
    }

    @Test
    void sparqlSelectOverGetAndPostSeesTheUnionOfNamedGraphs() throws Exception {
        var viaGet = get(base + "/sparql?query=" + enc(SELECT_KVM), "Accept", "application/sparql-results+json");
        assertEquals(200, viaGet.statusCode(), viaGet.body());
        assertJson(viaGet).at("/results/bindings").hasItemWith("/p/value", "https://w3id.org/virtkg/id/OpenStack");

        var viaPost = post(base + "/sparql", SELECT_KVM, "Content-Type", "application/sparql-query",
                "Accept", "application/sparql-results+json");
        assertEquals(200, viaPost.statusCode());
        assertEquals(json(viaGet).at("/results/bindings"), json(viaPost).at("/results/bindings"));

        var viaForm = post(base + "/sparql", "query=" + enc(SELECT_KVM), "Content-Type",
                "application/x-www-form-urlencoded", "Accept", "text/csv");
        assertEquals(200, viaForm.statusCode());
        assertTrue(viaForm.body().startsWith("p"), viaForm.body());
        assertTrue(viaForm.body().contains("OpenStack"));
    }

    @Test
    void constructReturnsTurtleThatParses() {
        String q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
        var r = get(base + "/sparql?query=" + enc(q), "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
        assertTrue(m.size() >= 5, "expected the fixture triples, got " + m.size());
    }

    @Test
    void updateNeedsTheAdminToken() {
        String insert = "INSERT DATA { GRAPH <" + USER_GRAPH + "> { <https://w3id.org/virtkg/id/Firecracker> "
                + "<https://w3id.org/virtkg/ontology#basedOn> <https://w3id.org/virtkg/id/KVM> } }";
        var none = post(base + "/update", insert, "Content-Type", "application/sparql-update");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").isPresent());
        assertJson(none).at("/detail").textContains("Authorization: Bearer");

        var wrong = post(base + "/update", insert, "Content-Type", "application/sparql-update", "Authorization", "Bearer nope");
        assertEquals(401, wrong.statusCode());
        var editor = post(base + "/update", insert, "Content-Type", "application/sparql-update", "Authorization", "Bearer " + EDITOR);
        assertEquals(403, editor.statusCode());
        assertFalse(ask("<https://w3id.org/virtkg/id/Firecracker> ?p ?o"), "refused update must not write");

        var admin = post(base + "/update", insert, "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, admin.statusCode(), admin.body());
        assertTrue(ask("<https://w3id.org/virtkg/id/Firecracker> <https://w3id.org/virtkg/ontology#basedOn> <https://w3id.org/virtkg/id/KVM>"));
    }

    @Test
    void pathVariantsOfUpdateNeedTheSameToken() {
        for (String path : new String[] {"//update", "/UPDATE", "/update;x=1", "/./update", "/update/"}) {
            var r = post(base + path, "INSERT DATA { GRAPH <" + USER_GRAPH + "> { <a:x> <a:y> <a:z> } }",
                    "Content-Type", "application/sparql-update");
            assertEquals(401, r.statusCode(), path + " -> " + r.body());
        }
        assertFalse(ask("<a:x> <a:y> <a:z>"));
    }

    @Test
    void loadIsRefusedBeforeExecution() {
        var r = post(base + "/update", "LOAD <file:///etc/passwd> INTO GRAPH <" + USER_GRAPH + "-load>",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(403, r.statusCode());
        assertJson(r).at("/detail").textContains("LOAD is disabled");
        assertFalse(r.body().contains("root:"), "no file content in the message");
        assertFalse(ask("GRAPH <" + USER_GRAPH + "-load> { ?s ?p ?o }"));
    }

    @Test
    void writesToTheDefaultOrInferredGraphAreRefused() {
        var dflt = post(base + "/update", "INSERT DATA { <a:s> <a:p> <a:o> }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(400, dflt.statusCode());
        assertJson(dflt).at("/detail").textContains("name a graph");
        var inferred = post(base + "/update", "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/inferred> { <a:s> <a:p> <a:o> } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(403, inferred.statusCode());
        var syntax = post(base + "/update", "INSERT DATA { GRAPH <g:x> { <a:s> <a:p> ",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(400, syntax.statusCode());
        assertTrue(syntax.body().toLowerCase().contains("line"), syntax.body());
        assertFalse(ask("<a:s> <a:p> <a:o>"));
    }

    @Test
    void graphStoreProtocolReadsANamedGraphAndGuardsWrites() {
        var r = get(base + "/data?graph=" + enc("https://w3id.org/virtkg/source/paper/table2/OpenStack/hypervisors"),
                "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<https://w3id.org/virtkg/id/KVM>"), r.body());

        String ttl = "<https://w3id.org/virtkg/id/Proxmox> <http://www.w3.org/2000/01/rdf-schema#label> \"Proxmox VE\" .";
        var anon = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/data?graph=" + enc(USER_GRAPH + "-gsp")))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ttl)), "Content-Type", "text/turtle");
        assertEquals(401, anon.statusCode());
        var whole = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/data"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ttl)), "Content-Type", "text/turtle",
                "Authorization", "Bearer " + ADMIN);
        assertEquals(400, whole.statusCode(), "PUT without ?graph would replace the whole dataset");
        var ok = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/data?graph=" + enc(USER_GRAPH + "-gsp")))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ttl)), "Content-Type", "text/turtle",
                "Authorization", "Bearer " + ADMIN);
        assertTrue(ok.statusCode() == 201 || ok.statusCode() == 204 || ok.statusCode() == 200, ok.statusCode() + " " + ok.body());
        assertTrue(ask("<https://w3id.org/virtkg/id/Proxmox> ?p \"Proxmox VE\""));
    }

    @Test
    void serviceClauseIsRejected() {
        String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
        var r = get(base + "/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
    }

    @Test
    void unknownPathsGetAHelpfulProblem() throws Exception {
        var r = get(base + "/no/such/thing");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(json(r).get("detail").asText().contains("/sparql"));
        assertTrue(r.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void metricsCountRequestsPerRoute() {
        get(base + "/api/health");
        get(base + "/sparql?query=" + enc("ASK {}"));
        var r = get(base + "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("virtkg_http_requests_seconds_count{method=\"GET\",route=\"/api/health\",status=\"200\"}"), r.body());
        assertTrue(r.body().contains("route=\"/sparql\""), r.body());
    }

    /**
     * Each request is counted once, under the route that served it: a Fuseki path by its endpoint
     * (a variant of the path by the endpoint too), a Javalin route by its template, and an
     * address no route serves as {@code unmatched}, never by its raw path.
     */
    @Test
    void eachRequestIsCountedOnceUnderItsRouteTemplate() throws Exception {
        // (The fixtures have neither product: two 404s of the route, each explained by its handler.)
        double before = count(get(base + "/metrics").body(), "GET", "/api/technologies/{id}", "404");
        get(base + "/api/technologies/KVM");
        get(base + "/api/technologies/Xen");
        get(base + "/no/such/page-" + System.nanoTime());
        get(base + "//asserted/sparql?query=" + enc("ASK {}"));
        // A request is counted when its response has been sent, which its client may see first.
        String scrape = scrapeUntil(s -> count(s, "GET", "/api/technologies/{id}", "404") >= before + 2
                && count(s, "GET", "unmatched", "404") >= 1 && count(s, "GET", "/asserted/sparql", "404") >= 1);
        assertEquals(before + 2, count(scrape, "GET", "/api/technologies/{id}", "404"), scrape);
        assertTrue(count(scrape, "GET", "unmatched", "404") >= 1, scrape);
        assertTrue(count(scrape, "GET", "/asserted/sparql", "404") >= 1, scrape);
        assertFalse(scrape.contains("page-"), "no raw path becomes a label");
        assertFalse(scrape.contains("/api/technologies/KVM") || scrape.contains("//asserted"), "no raw path becomes a label");
    }

    /**
     * The metrics, scraped again (for up to ten seconds) until {@code done} holds of them: the
     * server counts a request once its response is sent, which the client can read a moment earlier.
     */
    private static String scrapeUntil(java.util.function.Predicate<String> done) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        String scrape = get(base + "/metrics").body();
        while (!done.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = get(base + "/metrics").body();
        }
        return scrape;
    }

    /** The count of {@code virtkg_http_requests_seconds_count} for one method, route and status (0 if absent). */
    static double count(String scrape, String method, String route, String status) {
        String key = "virtkg_http_requests_seconds_count{method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\"} ";
        for (String line : scrape.split("\n"))
            if (line.startsWith(key)) return Double.parseDouble(line.substring(key.length()).trim());
        return 0;
    }

    @Test
    void fusekiAndJavalinRunOnOneJettyVersion() {
        // If an upgrade splits the Jetty wiring, Fuseki's ee11 and Javalin's ee10 servlet layers
        // come from different Jetty releases; this pins them together.
        String core = jarOf(org.eclipse.jetty.server.Server.class);
        String ee10 = jarOf(org.eclipse.jetty.ee10.servlet.ServletContextHandler.class);
        String ee11 = jarOf(org.eclipse.jetty.ee11.servlet.ServletContextHandler.class);
        String v = version(core);
        assertEquals(v, version(ee10), ee10);
        assertEquals(v, version(ee11), ee11);
        assertEquals(v, org.eclipse.jetty.util.Jetty.VERSION);
    }

    private static String jarOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation().getPath();
    }

    private static String version(String jarPath) {
        var m = java.util.regex.Pattern.compile("-(\\d+\\.\\d+\\.\\d+[^/]*?)\\.jar$").matcher(jarPath);
        return m.find() ? m.group(1) : jarPath;
    }

    static boolean ask(String pattern) {
        return askAt(base, pattern);
    }

    static boolean askAt(String base, String pattern) {
        var r = get(base + "/sparql?query=" + enc("ASK { " + pattern + " }"), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        try {
            return json(r).get("boolean").asBoolean();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
