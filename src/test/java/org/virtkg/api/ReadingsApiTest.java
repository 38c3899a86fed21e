package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * What a user sees of the readings of issue 14 (docs/ontology.md, "How the tables were read" and
 * "Evaluations"), over HTTP against the shipped data: disputed readings come out disputed, editorial
 * sub-properties come out with their basis, and the paper's judgements have pages of their own.
 */
class ReadingsApiTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static JsonNode value(JsonNode values, String id) {
        for (JsonNode v : values) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError("no value " + id + " in " + values);
    }

    @Test
    void eucalyptusPublicAndHybridAreDisputedAgainstTable2() {
        JsonNode models = json(get(base + "/api/platforms/Eucalyptus"), 200).get("deploymentModels");
        for (String m : new String[] {"Public", "Hybrid"}) {
            JsonNode v = value(models, m);
            assertTrue(v.get("disputed").asBoolean(), v.toString());
            assertEquals("[\"https://w3id.org/virtkg/source/paper/section3/Eucalyptus/2\"]", v.get("sources").toString());
        }
        assertFalse(value(models, "Private").get("disputed").asBoolean(), "private is in the table and the text");
    }

    @Test
    void tplatformsLanguagesAreItsUsersLanguagesShownAsLanguages() {
        // Table 2 states vkg:applicationLanguage for TPlatform, a PaaS; the general vkg:language follows from it.
        JsonNode languages = json(get(base + "/api/platforms/TPlatform"), 200).get("languages");
        for (String l : new String[] {"Python", "C", "Java", "CPlusPlus"}) {
            JsonNode v = value(languages, l);
            assertEquals("inferred", v.get("basis").asText(), v.toString());
            assertEquals("[\"https://w3id.org/virtkg/source/paper/table2/TPlatform/language\"]", v.get("sources").toString());
        }
        // OpenStack's Python: stated by Table 2's cell (vkg:language) and, as its implementation language, by section 3.
        assertEquals("stated", value(json(get(base + "/api/platforms/OpenStack"), 200).get("languages"), "Python").get("basis").asText());
    }

    @Test
    void suitabilityVerdictsTheTextContradictsAreDisputed() {
        for (String[] t : new String[][] {{"LXC", "true", "true"}, {"OpenVZ", "false", "true"}, {"VirtualBox", "true", "true"},
                {"LXD", "false", "true"}, {"KVM", "true", "false"}, {"Xen", "true", "false"}, {"Lguest", "false", "false"}}) {
            JsonNode v = value(json(get(base + "/api/technologies/" + t[0]), 200).get("suitableForCloud"), t[1]);
            assertEquals(Boolean.parseBoolean(t[2]), v.get("disputed").asBoolean(), t[0] + ": " + v);
        }
    }

    @Test
    void anEvaluationHasItsOwnPageLinkedFromWhatItJudges() {
        var page = get(base + "/id/eval-KVM-vs-Xen-grid", "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("evaluation: KVM more promising than Xen for grid computing"), page.body());
        assertTrue(page.body().contains("Section 2.2") && page.body().contains("KVM is a more promising hypervisor for grid computing"),
                "the page cites the sentence");
        assertTrue(get(base + "/id/KVM", "Accept", "text/html").body().contains("eval-KVM-vs-Xen-grid"), "KVM's page links the evaluation");
        assertTrue(get(base + "/id/Xen", "Accept", "text/html").body().contains("eval-KVM-vs-Xen-grid"), "and so does Xen's");
    }
}
