package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.TestServer;

/** Hostile and malformed queries get a clear 4xx, and the service keeps answering. */
class HostileQueryTest {
    static TestServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, null), Duration.ofMillis(800), 3);
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> query(String q) {
        return post(base + "/sparql", q, "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
    }

    static void refused(String q, int status, String messagePart) {
        var r = query(q);
        assertEquals(status, r.statusCode(), r.body());
        assertJson(r).at("/detail").textContains(messagePart);
        assertEquals(200, get(base + "/api/health").statusCode(), "the service still answers");
    }

    @Test
    void deepNestingGetsARealMessage() {
        refused("SELECT * WHERE " + "{".repeat(40_000) + "?s ?p ?o" + "}".repeat(40_000), 400, "nested too deeply");
        refused("SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(4500) + "}".repeat(4501), 400, "nested too deeply");
    }

    /**
     * Jena's query optimiser takes time exponential in how deep EXISTS / NOT EXISTS nest (20 levels:
     * seconds; 30: hours), before the query runs and out of the timeout's reach: a query of a few
     * hundred bytes would hold a worker indefinitely. Refused at once, saying the bound.
     */
    @Test
    void deeplyNestedExistsAreRefusedBeforeTheOptimiserSeesThem() {
        long t0 = System.nanoTime();
        refused("SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(30) + "} ".repeat(30) + "}", 400,
                "EXISTS and NOT EXISTS are nested more than " + org.virtkg.sparql.QueryPolicy.MAX_EXISTS_DEPTH + " levels deep");
        refused("SELECT * WHERE { ?s ?p ?o " + "BIND(NOT EXISTS { ?s ?p ?o ".repeat(30) + "} AS ?b) ".repeat(30) + "}", 400, "EXISTS");
        var update = post(base + "/update", "INSERT { GRAPH <https://w3id.org/virtkg/graph/user/exists> { ?s ?p ?o } } WHERE { ?s ?p ?o "
                + "FILTER EXISTS { ?s ?p ?o ".repeat(30) + "} ".repeat(30) + "}", "Content-Type", "application/sparql-update",
                "Authorization", "Bearer " + ADMIN);
        assertEquals(400, update.statusCode(), update.body());
        assertJson(update).at("/detail").textContains("EXISTS and NOT EXISTS are nested more than");
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "refused at once");
        // Within the bound, a query runs as before.
        var ok = query("SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(org.virtkg.sparql.QueryPolicy.MAX_EXISTS_DEPTH)
                + "} ".repeat(org.virtkg.sparql.QueryPolicy.MAX_EXISTS_DEPTH) + "} LIMIT 1");
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void syntaxErrorsSayWhere() {
        refused("SELECT * WHERE { ?s ?p }", 400, "line 1");
    }

    @Test
    void boundsOnLimitsRegexesAndLiterals() {
        refused("SELECT * { ?s ?p ?o } LIMIT 99999999999999999999999", 400, "99999999999999999999999");
        refused("SELECT * { ?s ?p ?o } OFFSET 5000000000", 400, "OFFSET is larger");
        refused("SELECT * { ?s ?p ?o FILTER(regex(str(?o), \"(a+)+$\")) }", 400, "nests quantifiers");
        refused("SELECT * { ?s ?p ?o FILTER(regex(str(?o), str(?s))) }", 400, "must be constants");
        refused("SELECT * { ?s ?p ?o FILTER(?o = " + "9".repeat(5000) + ") }", 400, "digits");
        refused("SELECT * { BIND(<http://jena.apache.org/ARQ/jsFunction#f>(1) AS ?x) }", 400, "script functions are disabled");
        refused("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 400, "SERVICE is disabled");
        assertEquals(413, query("SELECT * { ?s ?p ?o } #" + "x".repeat(200_000)).statusCode());
    }

    @Test
    void bigResultsAreCutAndSaySo() throws Exception {
        String q = "SELECT ?a ?b ?c ?d { VALUES ?a {1 2 3 4 5 6 7 8 9 10} VALUES ?b {1 2 3 4 5 6 7 8 9 10} "
                + "VALUES ?c {1 2 3 4 5 6 7 8 9 10} VALUES ?d {1 2 3 4 5 6 7 8 9 10} VALUES ?e {1 2 3 4 5 6} }";
        var r = query(q);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("X-Virtkg-Truncated").orElse("").startsWith("true"), r.headers().map().toString());
        assertEquals(org.virtkg.sparql.GuardedQuery.MAX_ROWS,
                org.virtkg.api.Json.MAPPER.readTree(r.body()).at("/results/bindings").size());
        var small = query("SELECT * { VALUES ?a {1 2 3} }");
        assertTrue(small.headers().firstValue("X-Virtkg-Truncated").isEmpty());
    }

    @Test
    void protocolMisuse() {
        assertEquals(400, get(base + "/sparql?query=" + enc("ASK {}") + "&query=" + enc("ASK {}")).statusCode());
        assertEquals(415, post(base + "/sparql", "ASK {}", "Content-Type", "text/plain").statusCode());
        assertEquals(405, get(base + "/update?update=" + enc("CLEAR GRAPH <g:x>"), "Authorization", "Bearer " + ADMIN).statusCode());
    }

    /** A query stopped at the time limit says so and what to do, not that the service failed (fourth walk-through). */
    @Test
    void aQueryStoppedAtTheTimeLimitSaysSoInWords() throws Exception {
        String values = "VALUES ?%s { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 } ";
        var r = query("SELECT (COUNT(*) AS ?n) WHERE { " + values.formatted("a") + values.formatted("b") + values.formatted("c")
                + values.formatted("d") + values.formatted("e") + values.formatted("f") + " }");
        assertEquals(503, r.statusCode(), r.body());
        String detail = org.virtkg.api.Json.MAPPER.readTree(r.body()).get("detail").asText();
        assertTrue(detail.startsWith("The query ran longer than this server's time limit for one query"), detail);
        assertFalse(detail.contains("failed") || detail.contains("timed out"), detail);
    }

    @Test
    void oneClientCannotHogTheWorkersAndHealthStaysFast() throws Exception {
        String values = "VALUES ?%s { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 } ";
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { " + values.formatted("a") + values.formatted("b") + values.formatted("c")
                + values.formatted("d") + values.formatted("e") + values.formatted("f") + " }";
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) calls.add(CompletableFuture.supplyAsync(() -> query(heavy).statusCode()));
        long t0 = System.nanoTime();
        assertEquals(200, get(base + "/api/health").statusCode());
        long healthMs = (System.nanoTime() - t0) / 1_000_000;
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
        assertTrue(statuses.contains(429), "past the per-client cap: 429, got " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 429 || s == 503), "the rest time out (503): " + statuses);
        assertTrue(healthMs < 2000, "health answered in " + healthMs + " ms while heavy queries ran");
        assertEquals(200, query("ASK {}").statusCode(), "the cap is released afterwards");
    }
}
