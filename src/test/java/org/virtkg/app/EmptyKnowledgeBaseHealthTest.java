package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.kb.ChangeKind;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.Graphs;
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

            // No request can empty it: a revert of the sync that loaded the shipped files is refused
            // (ChangeLogTest). A store that lost its ontology under the service (a restore gone
            // wrong, another tool writing a remote store) is stood in for by a write of the kind
            // restores are, which may write every asserted graph, taking the ontology out.
            var kb = server.server().knowledgeBase();
            kb.write(ChangeKind.LOAD, "test", "the ontology taken out", dsg ->
                    dsg.deleteAny(Graphs.node(Graphs.ONTOLOGY), Node.ANY, Node.ANY, Node.ANY));

            var health = Fixtures.get(base + "/api/health");
            assertEquals(503, health.statusCode(), health.body());
            JsonNode body = Json.MAPPER.readTree(health.body());
            assertEquals("degraded", body.get("status").asText(), body.toString());
            assertTrue(body.get("reason").asText().contains("holds no ontology"), body.toString());
        }
    }
}
