package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** The paper's facts and current, dated sources side by side, over HTTP against the shipped data. */
class PaperAndPresentTest {
    static TestServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared;
        base = server.base();
    }

    static JsonNode json(String path, int status) throws Exception {
        var r = Fixtures.get(base + path);
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void lguestIsDiscontinuedTodayWhileThePaperStaysAsWritten() throws Exception {
        JsonNode all = json("/api/lifecycles/Lguest", 200);
        assertEquals("Discontinued", all.get("lifecycleStatus").asText());
        assertTrue(all.get("paper").size() > 0, "the paper's facts are kept");
        JsonNode removed = null;
        for (JsonNode f : all.get("current")) if (f.get("property").asText().equals("removedFromLinuxIn")) removed = f;
        assertEquals("4.14", removed.get("value").asText());
        assertTrue(removed.get("address").asText().startsWith("https://git.kernel.org/"), removed.toString());
        assertEquals("2017-11-12", removed.get("asOf").asText());
        // view=paper: only what the paper says — no lifecycle, nothing from outside.
        JsonNode paper = json("/api/lifecycles/Lguest?view=paper", 200);
        assertNull(paper.get("current"));
        assertEquals(all.get("paper"), paper.get("paper"));
        for (JsonNode f : paper.get("paper")) assertTrue(f.get("source").asText().startsWith("https://w3id.org/virtkg/source/paper/"), f.toString());
        JsonNode current = json("/api/lifecycles/Lguest?view=current", 200);
        assertNull(current.get("paper"));
        json("/api/lifecycles/Lguest?view=tomorrow", 400);
    }

    @Test
    void successorsAndForksAreNamed() throws Exception {
        JsonNode lxd = json("/api/lifecycles/LXD?view=current", 200);
        assertEquals("Forked", lxd.get("lifecycleStatus").asText());
        assertJson(lxd).at("/current").itemWith("/value", "Incus").at("/property").is("forkedInto");
        assertJson(json("/api/lifecycles/XCP?view=current", 200)).at("/current").hasItemWith("/value", "XCPng");
        assertJson(json("/api/lifecycles/OpenVZ?view=current", 200)).at("/current").hasItemWith("/value", "Virtuozzo");
        assertEquals("Discontinued", json("/api/lifecycles/Nimbus", 200).get("lifecycleStatus").asText());
        assertEquals("Discontinued", json("/api/lifecycles/Enomaly", 200).get("lifecycleStatus").asText());
    }

    @Test
    void aPropertyOfAnotherVocabularyIsNamedInWordsNotByItsIri() throws Exception {
        // Incus is described by a current source with rdfs:comment, which has no label in the knowledge base.
        assertJson(json("/api/lifecycles/Incus?view=current", 200)).at("/current")
                .itemWith("/property", "http://www.w3.org/2000/01/rdf-schema#comment").at("/propertyLabel").is("comment");
    }

    @Test
    void theProductPageShowsPaperAndPresentSideBySide() {
        var r = Fixtures.get(base + "/id/Lguest", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Paper and present"), "section present");
        assertTrue(r.body().contains("https://git.kernel.org/"), "current facts link their source");
        assertTrue(r.body().contains("as of 2017-11-12"));
        // TPlatform: named by the paper, no current source yet (docs/data-sources.md, "Not yet sourced").
        var paperOnly = Fixtures.get(base + "/id/TPlatform", "Accept", "text/html");
        assertEquals(200, paperOnly.statusCode());
        assertFalse(paperOnly.body().contains("Paper and present"), "no section where no current source speaks");
    }
}
