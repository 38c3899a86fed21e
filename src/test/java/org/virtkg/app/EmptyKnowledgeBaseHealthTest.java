package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * A knowledge base that holds no ontology answers every question with nothing; its health says
 * so (503, {@code degraded}, and why) instead of {@code up}.
 */
class EmptyKnowledgeBaseHealthTest {
    @Test
    void healthIsDegradedWithAReasonOnceTheKnowledgeBaseIsEmpty() throws Exception {
        try (TestServer server = TestServer.withShippedData(AccessTokens.of(ADMIN, null))) {
            String base = server.base();
            JsonNode up = Json.MAPPER.readTree(Fixtures.get(base + "/api/health").body());
            assertEquals("up", up.get("status").asText(), up.toString());

            // Revert the change that loaded the shipped files: the store is left with no ontology.
            JsonNode changes = Json.MAPPER.readTree(Fixtures.get(base + "/api/changes?since=0").body());
            long sync = -1;
            for (JsonNode c : changes.get("items")) if ("sync".equals(c.get("kind").asText())) sync = c.get("id").asLong();
            assertTrue(sync > 0, changes.toString());
            var reverted = Fixtures.post(base + "/api/changes/" + sync + "/revert", "", "Authorization", "Bearer " + ADMIN);
            assertEquals(200, reverted.statusCode(), reverted.body());

            var health = Fixtures.get(base + "/api/health");
            assertEquals(503, health.statusCode(), health.body());
            JsonNode body = Json.MAPPER.readTree(health.body());
            assertEquals("degraded", body.get("status").asText(), body.toString());
            assertTrue(body.get("reason").asText().contains("holds no ontology"), body.toString());
        }
    }
}
