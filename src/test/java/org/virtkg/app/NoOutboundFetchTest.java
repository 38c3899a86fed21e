package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.ConnectionWitness;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/** Safe by default: no request makes the server connect anywhere, and nothing is stored. */
class NoOutboundFetchTest {
    static TestServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, null), Duration.ofSeconds(5));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void serviceToAConstantOrBoundIriConnectsNowhere() {
        try (var witness = new ConnectionWitness()) {
            var constant = get(base + "/sparql?query=" + enc("SELECT * { SERVICE <" + witness.url("/sparql") + "> { ?s ?p ?o } }"));
            assertTrue(constant.statusCode() >= 400, constant.statusCode() + " " + constant.body());
            var bound = get(base + "/sparql?query=" + enc("SELECT * { BIND(<" + witness.url("/sparql") + "> AS ?svc) SERVICE ?svc { ?s ?p ?o } }"));
            assertTrue(bound.statusCode() >= 400, bound.statusCode() + " " + bound.body());
            assertEquals(0, witness.connections());
            assertEquals(200, get(base + "/api/health").statusCode());
        }
    }

    @Test
    void loadOfAUrlConnectsNowhere() {
        try (var witness = new ConnectionWitness()) {
            var r = post(base + "/update", "LOAD <" + witness.url("/data.ttl") + "> INTO GRAPH <https://w3id.org/virtkg/graph/user/l>",
                    "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
            assertEquals(403, r.statusCode());
            assertEquals(0, witness.connections());
        }
    }

    @Test
    void jsonLdWithARemoteContextIsRefusedWithoutFetching() {
        try (var witness = new ConnectionWitness()) {
            String doc = "{\"@context\": \"" + witness.url("/context.jsonld") + "\", \"@id\": \"https://w3id.org/virtkg/id/X\", \"name\": \"x\"}";
            var r = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + enc("https://w3id.org/virtkg/graph/user/jsonld")))
                    .PUT(HttpRequest.BodyPublishers.ofString(doc)), "Content-Type", "application/ld+json", "Authorization", "Bearer " + ADMIN);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(0, witness.connections());
            assertFalse(VirtkgServerTest.askAt(base, "GRAPH <https://w3id.org/virtkg/graph/user/jsonld> { ?s ?p ?o }"));
        }
    }

    @Test
    void jsonLdImportIsRefusedWithoutFetching() {
        try (var witness = new ConnectionWitness()) {
            String doc = "{\"@context\": {\"@version\": 1.1, \"@import\": \"" + witness.url("/import.jsonld") + "\"}, "
                    + "\"@id\": \"https://w3id.org/virtkg/id/Y\", \"http://example.org/p\": \"y\"}";
            var r = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + enc("https://w3id.org/virtkg/graph/user/jsonld2")))
                    .PUT(HttpRequest.BodyPublishers.ofString(doc)), "Content-Type", "application/ld+json", "Authorization", "Bearer " + ADMIN);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(0, witness.connections());
        }
    }

    @Test
    void fromClausesAreGraphNamesNeverFetched() {
        try (var witness = new ConnectionWitness()) {
            var r = get(base + "/sparql?query=" + enc("SELECT * FROM <" + witness.url("/g.ttl") + "> FROM NAMED <file:///etc/passwd> { ?s ?p ?o }"),
                    "Accept", "application/sparql-results+json");
            assertFalse(r.body().contains("root:"), "no file content");
            assertEquals(0, witness.connections());
        }
    }
}
