package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.TestServer;

/** The query timeout is real: a runaway query is cancelled and the server keeps answering. */
class QueryLimitsTest {
    static TestServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.none(), Duration.ofMillis(800));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCrossProductIsCancelledAtTheTimeout() {
        String values = "VALUES ?%s { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 } ";
        String q = "SELECT (COUNT(*) AS ?n) WHERE { " + values.formatted("a") + values.formatted("b") + values.formatted("c")
                + values.formatted("d") + values.formatted("e") + values.formatted("f") + " }";
        long t0 = System.nanoTime();
        var r = get(base + "/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(ms < 10_000, "cancelled near the 0.8 s timeout, took " + ms + " ms");
        assertEquals(200, get(base + "/api/health").statusCode(), "the service still answers");
    }

    @Test
    void anExplodingPropertyPathIsCancelledAtTheTimeout() {
        // Every node reaches every node through any predicate; three such closures side by side explode.
        String path = "(!<urn:x:none>|^!<urn:x:none>)*";
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a " + path + " ?b . ?c " + path + " ?d . ?e " + path + " ?f . ?g " + path + " ?h }";
        long t0 = System.nanoTime();
        var r = get(base + "/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(ms < 10_000, "cancelled near the 0.8 s timeout, took " + ms + " ms");
        assertEquals(200, get(base + "/api/health").statusCode(), "the service still answers");
    }
}
