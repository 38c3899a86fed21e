package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** GET /api/compare over HTTP against the shipped data. */
class CompareApiTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static JsonNode property(JsonNode r, String name) {
        for (JsonNode p : r.get("properties")) if (p.get("property").asText().equals(name)) return p.get("values");
        throw new AssertionError("no property " + name + " in " + r);
    }

    static JsonNode value(JsonNode values, String id) {
        for (JsonNode v : values) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError("no value " + id + " in " + values);
    }

    @Test
    void kvmAndXenSideBySide() {
        JsonNode r = json(get(base + "/api/compare?ids=kvm,Xen"), 200);
        assertEquals("technology", r.get("kind").asText());
        assertEquals("KVM", r.at("/items/0/id").asText());
        // Table 1: both type 1; KVM full virtualization, Xen para-virtualization (stated, with the cell as source).
        JsonNode type = value(property(r, "vmmType").get("KVM"), "Type1");
        assertEquals("stated", type.get("basis").asText());
        assertJson(type).at("/sources").hasItemWith("/graph", "https://w3id.org/virtkg/source/paper/table1/KVM/vmmType")
                .itemWith("/graph", "https://w3id.org/virtkg/source/paper/table1/KVM/vmmType").at("/label").textContains("Type of VMM");
        assertEquals("stated", value(property(r, "virtualization").get("Xen"), "ParaVirtualization").get("basis").asText());
        // KVM's type 1 hypervisor class is inferred from that cell.
        assertEquals("inferred", value(property(r, "kinds").get("KVM"), "Type1Hypervisor").get("basis").asText());
        // The paper's HPC sentence compares them.
        assertJson(r).at("/narrative").hasTextBelowContaining("HPC (High Performance Computing)");
        for (JsonNode n : r.get("narrative")) assertTrue(n.get("mentions").size() >= 2, n.toString());
    }

    @Test
    void openStackAndCloudStackSideBySide() {
        JsonNode r = json(get(base + "/api/compare?ids=OpenStack,CloudStack"), 200);
        assertEquals("platform", r.get("kind").asText());
        JsonNode langs = property(r, "languages");
        assertEquals("stated", value(langs.get("OpenStack"), "Python").get("basis").asText());
        assertEquals("stated", value(langs.get("CloudStack"), "Java").get("basis").asText());
        assertTrue(value(property(r, "hypervisors").get("CloudStack"), "KVM").get("sources").size() >= 1);
        // The data keeps section 3's verdicts on each as separate quotes; section 4 names both together.
        assertTrue(r.get("narrative").size() >= 1, r.toString());
        for (JsonNode n : r.get("narrative"))
            assertJson(n).at("/mentions").hasItem("OpenStack").hasItem("CloudStack");
    }

    /** Side by side, a product no longer developed says so (fourth walk-through: Nimbus was compared with no word of it). */
    @Test
    void aComparedProductNoLongerDevelopedSaysSo() {
        JsonNode r = json(get(base + "/api/compare?ids=OpenStack,CloudStack,Nimbus"), 200);
        assertEquals("discontinued", r.at("/lifecycle/Nimbus/status").asText(), r.toString());
        assertEquals("maintained", r.at("/lifecycle/OpenStack/status").asText(), r.toString());
        assertEquals(1, r.get("cautions").size(), r.get("cautions").toString());
        assertTrue(r.get("cautions").get(0).asText().startsWith("Nimbus is discontinued (as of "), r.get("cautions").toString());
        assertEquals(0, json(get(base + "/api/compare?ids=OpenStack,CloudStack"), 200).get("cautions").size());
    }

    @Test
    void badComparisonsAreClearProblems() {
        JsonNode one = json(get(base + "/api/compare?ids=KVM"), 400);
        assertTrue(one.get("detail").asText().contains("2 to 4"), one.toString());
        json(get(base + "/api/compare?ids=KVM,Xen,LXC,LXD,OpenVZ"), 400);
        json(get(base + "/api/compare"), 400);
        JsonNode mixed = json(get(base + "/api/compare?ids=KVM,OpenStack"), 400);
        assertTrue(mixed.get("detail").asText().contains("OpenStack is a platform"), mixed.toString());
        json(get(base + "/api/compare?ids=KVM,kvm"), 400);
        // An unknown id in a parameter is a 400 naming it, as in every other parameter (the compatibility check's too),
        // with suggestions of products only.
        JsonNode unknown = json(get(base + "/api/compare?ids=KVM,Xenn"), 400);
        assertJson(unknown).at("/suggestions").hasItem("Xen").root().at("/items").isMissing();
        assertJson(unknown).at("/parameter").is("ids");
        JsonNode nope = json(get(base + "/api/compare?ids=KVM,Nope"), 400);
        assertJson(nope).at("/suggestions").hasNoItem("NodeImageCaching").hasNoItem("Nova");
    }
}
