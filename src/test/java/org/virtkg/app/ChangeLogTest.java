package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.TestServer;

/** Every accepted change is logged as an RDF Patch with who and when, and an admin can revert it. */
class ChangeLogTest {
    static TestServer server;
    static String base;
    static final String T = "<https://w3id.org/virtkg/id/Kata> <https://w3id.org/virtkg/ontology#supportedBy> <https://w3id.org/virtkg/id/OpenStack>";

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, EDITOR), Duration.ofSeconds(5));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aChangeIsLoggedAndCanBeReverted() throws Exception {
        var r = post(base + "/update", "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/kata> { " + T + " } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, r.statusCode(), r.body());

        JsonNode list = Json.MAPPER.readTree(get(base + "/api/changes").body());
        JsonNode newest = list.at("/items/0");
        assertEquals("admin", newest.get("who").asText());
        assertEquals(1, newest.get("added").asInt());
        assertFalse(newest.get("when").asText().isEmpty());
        long id = newest.get("id").asLong();

        var patch = get(base + "/api/changes/" + id, "Accept", "application/rdf-patch");
        assertTrue(patch.body().contains("A <https://w3id.org/virtkg/id/Kata>"), patch.body());

        // A no-op write is not a change.
        post(base + "/update", "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/kata> { " + T + " } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(list.get("total").asLong(), Json.MAPPER.readTree(get(base + "/api/changes").body()).get("total").asLong());

        assertEquals(401, post(base + "/api/changes/" + id + "/revert", "").statusCode());
        assertEquals(403, post(base + "/api/changes/" + id + "/revert", "", "Authorization", "Bearer " + EDITOR).statusCode());
        var revert = post(base + "/api/changes/" + id + "/revert", "", "Authorization", "Bearer " + ADMIN);
        assertEquals(200, revert.statusCode(), revert.body());
        assertFalse(VirtkgServerTest.askAt(base, T), "the reverted triple is gone");
        assertFalse(VirtkgServerTest.askAt(base, "<https://w3id.org/virtkg/id/OpenStack> <https://w3id.org/virtkg/ontology#supports> <https://w3id.org/virtkg/id/Kata>"),
                "and so are its inferences");
        JsonNode revertEntry = Json.MAPPER.readTree(get(base + "/api/changes").body()).at("/items/0");
        assertEquals(id, revertEntry.get("reverts").asLong());

        assertEquals(404, post(base + "/api/changes/99999/revert", "", "Authorization", "Bearer " + ADMIN).statusCode());
        assertEquals(400, get(base + "/api/changes?limit=0").statusCode());
    }

    /**
     * The shipped knowledge is read-only to users, an admin's revert included: a revert of the
     * sync that loaded ontology/ and data/ once took the whole knowledge base out (and /api/health
     * to 503). It is refused as a Graph Store write to a shipped graph is (403, the graph, why, and
     * what to do instead), and nothing changes.
     */
    @Test
    void aRevertOfTheShippedDataSyncIsRefusedAndChangesNothing() throws Exception {
        long sync = -1;
        for (JsonNode c : Json.MAPPER.readTree(get(base + "/api/changes?since=0").body()).get("items"))
            if ("sync".equals(c.get("kind").asText())) sync = c.get("id").asLong();
        assertTrue(sync > 0, "the fixtures were loaded by a sync");
        JsonNode before = Json.MAPPER.readTree(get(base + "/api/health").body());

        var refused = post(base + "/api/changes/" + sync + "/revert", "", "Authorization", "Bearer " + ADMIN);
        assertEquals(403, refused.statusCode(), refused.body());
        JsonNode problem = Json.MAPPER.readTree(refused.body());
        assertEquals("forbidden", problem.get("kind").asText(), problem.toString());
        String detail = problem.get("detail").asText();
        assertTrue(detail.contains("Change " + sync + " cannot be reverted") && detail.contains("is read-only")
                && detail.contains("shipped") && detail.contains("ontology/ or data/"), detail);

        var health = get(base + "/api/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode after = Json.MAPPER.readTree(health.body());
        assertEquals(before.get("knowledgeBaseVersion"), after.get("knowledgeBaseVersion"), "no change was made");
        assertEquals(before.get("graphs"), after.get("graphs"), "every graph holds what it held");
    }

    /**
     * A revert undoes exactly what its change did, or nothing: once a later change took away
     * what it added, undoing it would leave a state no write made (half a graph), so it is refused
     * naming why, and the later change reverted first makes it possible again.
     */
    @Test
    void aChangeLaterChangesOverlapIsNotRevertedByHalves() throws Exception {
        String g = "https://w3id.org/virtkg/graph/user/overlap";
        String first = "<urn:ex:o1> <urn:ex:p> \"one\" . <urn:ex:o1> <urn:ex:q> \"two\" .";
        assertEquals(204, post(base + "/update", "INSERT DATA { GRAPH <" + g + "> { " + first + " } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN).statusCode());
        long added = Json.MAPPER.readTree(get(base + "/api/changes").body()).at("/items/0/id").asLong();
        assertEquals(204, post(base + "/update", "DELETE DATA { GRAPH <" + g + "> { <urn:ex:o1> <urn:ex:q> \"two\" } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN).statusCode());
        long removed = Json.MAPPER.readTree(get(base + "/api/changes").body()).at("/items/0/id").asLong();
        var refused = post(base + "/api/changes/" + added + "/revert", "", "Authorization", "Bearer " + ADMIN);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("took away 1 of the statements it added (change " + removed + ")")
                        && refused.body().contains("Revert those later changes first"),
                refused.body());
        assertTrue(VirtkgServerTest.askAt(base, "<urn:ex:o1> <urn:ex:p> \"one\""), "nothing was changed");
        assertEquals(200, post(base + "/api/changes/" + removed + "/revert", "", "Authorization", "Bearer " + ADMIN).statusCode());
        assertEquals(200, post(base + "/api/changes/" + added + "/revert", "", "Authorization", "Bearer " + ADMIN).statusCode());
        assertFalse(VirtkgServerTest.askAt(base, "<urn:ex:o1> <urn:ex:p> \"one\""), "reverted whole, newest first");
    }
}
