package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The ontology makes open-source products and commercial services disjoint: a source that gives a
 * service an open-source licence contradicts the paper. Sourced, it is recorded as a dispute (the
 * product's licensing answers "disputed", never silently open source); unsourced, it is refused;
 * withdrawn, the answer is what it was.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class OpenSourceDisputeTest {
    static TestServer server;
    static String base;
    static final String SOURCE = "https://example.org/ec2-is-open-source";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        base = server.base();
    }

    static HttpResponse<String> send(String method, String path, String body) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Fixtures.send(b, "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static JsonNode licensing(String platform) {
        return json(get(base + "/api/platforms/" + platform), 200).get("licensing");
    }

    @Test
    void aSourceThatCallsAServiceOpenSourceIsADisputeNotAFact() {
        assertEquals("commercial-service", licensing("AmazonEC2").get("status").asText());

        // Unsourced: refused, naming what it contradicts.
        json(send("POST", "/api/claims", """
                {"subject": "AmazonEC2", "property": "licence", "object": "Apache2"}"""), 422);
        assertEquals("commercial-service", licensing("AmazonEC2").get("status").asText());

        // Sourced: recorded, and the answer says the sources disagree.
        JsonNode created = json(send("POST", "/api/claims", """
                {"subject": "AmazonEC2", "property": "licence", "object": "Apache2", "source": "%s",
                 "note": "A page claiming EC2 is Apache-licensed"}""".formatted(SOURCE)), 201);
        JsonNode l = licensing("AmazonEC2");
        assertEquals("disputed", l.get("status").asText(), l.toString());
        assertTrue(l.get("disputed").asBoolean(), l.toString());
        assertTrue(json(get(base + "/api/platforms/AmazonEC2"), 200).get("openSource").isNull(), "neither true nor false");
        assertJson(l).at("/licences").hasTextBelowContaining("Apache-2.0");
        // Still a service by the paper's word: the default lists still leave it out.
        JsonNode platforms = json(get(base + "/api/platforms?limit=500"), 200);
        assertJson(platforms).at("/excluded/services").hasItemWith("/id", "AmazonEC2");

        assertEquals(204, send("DELETE", "/api/claims/" + created.get("id").asText(), null).statusCode());
        assertEquals("commercial-service", licensing("AmazonEC2").get("status").asText());
    }
}
