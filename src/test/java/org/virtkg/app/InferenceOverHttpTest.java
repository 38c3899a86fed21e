package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.post;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * Writes over HTTP are reasoned over before they commit: inferences appear with the write, go with
 * its removal, and a write that would make the knowledge base inconsistent is refused whole.
 */
class InferenceOverHttpTest {
    static TestServer server;
    static String base;
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String USER = "https://w3id.org/virtkg/graph/user/";

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
    void theShippedDataIsReasonedOverAtStart() {
        assertTrue(ask("GRAPH <https://w3id.org/virtkg/graph/inferred> { <" + ID + "KVM> <" + VKG + "supportedBy> <" + ID + "OpenStack> }"));
    }

    @Test
    void anUpdateBringsItsInferencesAndItsRemovalTakesThemAway() {
        String triple = "<" + ID + "Firecracker> <" + VKG + "supportedBy> <" + ID + "OpenNebula>";
        assertEquals(204, update("INSERT DATA { GRAPH <" + USER + "fc> { " + triple + " } }"));
        assertTrue(ask("<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Firecracker>"));
        assertEquals(204, update("DELETE DATA { GRAPH <" + USER + "fc> { " + triple + " } }"));
        assertFalse(ask("<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Firecracker>"), "no stale inference");
    }

    @Test
    void anInconsistentUpdateIsRefusedWithTheReasonerReport() throws Exception {
        var r = post(base + "/update", "INSERT DATA { GRAPH <" + USER + "bad> { <" + ID + "KVM> a <" + VKG + "CloudPlatform> } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(422, r.statusCode(), r.body());
        var body = Json.MAPPER.readTree(r.body());
        assertEquals("cax-dw", body.at("/report/0/rule").asText(), r.body());
        assertTrue(body.at("/report/0/explanations").size() > 0);
        assertFalse(ask("GRAPH <" + USER + "bad> { ?s ?p ?o }"), "nothing of the refused write is kept");
        // The reasoner was rolled back too: a later, valid write works and sees a consistent KB.
        assertEquals(204, update("INSERT DATA { GRAPH <" + USER + "ok> { <" + ID + "Proxmox> a <" + VKG + "CloudPlatform> } }"));
    }

    @Test
    void aVariableGraphUpdateCannotReachShippedOrInferredGraphs() {
        int status = update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }");
        assertEquals(403, status);
        assertTrue(ask("<" + ID + "OpenStack> <" + VKG + "supports> <" + ID + "KVM>"), "shipped data intact");
    }

    @Test
    void graphStoreWritesAreReasonedOverToo() {
        String g = USER + "gsp";
        String ttl = "<" + ID + "Podman> <" + VKG + "supportedBy> <" + ID + "OpenStack> .";
        var put = gsp("PUT", g, ttl, "text/turtle");
        assertEquals(201, put.statusCode(), put.body());
        assertTrue(ask("<" + ID + "OpenStack> <" + VKG + "supports> <" + ID + "Podman>"));

        var truncated = gsp("PUT", g, "<" + ID + "Podman> <" + VKG + "supportedBy> ", "text/turtle");
        assertEquals(400, truncated.statusCode());
        assertTrue(ask("<" + ID + "OpenStack> <" + VKG + "supports> <" + ID + "Podman>"), "a bad upload changes nothing");

        assertEquals(415, gsp("PUT", g, ttl, "text/plain").statusCode());
        assertEquals(403, gsp("PUT", "https://w3id.org/virtkg/graph/inferred", ttl, "text/turtle").statusCode());
        assertEquals(403, gsp("PUT", "https://w3id.org/virtkg/source/paper/table1/KVM/type", ttl, "text/turtle").statusCode());

        var del = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + enc(g))).DELETE(),
                "Authorization", "Bearer " + ADMIN);
        assertEquals(204, del.statusCode(), del.body());
        assertFalse(ask("<" + ID + "OpenStack> <" + VKG + "supports> <" + ID + "Podman>"));
    }

    private static java.net.http.HttpResponse<String> gsp(String method, String graph, String body, String type) {
        return Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + enc(graph)))
                .method(method, HttpRequest.BodyPublishers.ofString(body)), "Content-Type", type, "Authorization", "Bearer " + ADMIN);
    }

    private static int update(String u) {
        var r = post(base + "/update", u, "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        return r.statusCode();
    }

    private static boolean ask(String pattern) {
        return VirtkgServerTest.askAt(base, pattern);
    }
}
