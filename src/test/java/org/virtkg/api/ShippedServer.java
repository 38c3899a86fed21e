package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.virtkg.app.VirtkgServer;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.TestServer;

/** The real service over the shipped ontology, data and query library, in memory, on a random port. */
final class ShippedServer {
    private ShippedServer() {}

    static VirtkgServer start(AccessTokens tokens) {
        return TestServer.withShippedData(tokens).server();
    }

    static String base(VirtkgServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
