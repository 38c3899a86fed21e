package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The paper's own disputed claims (vkg:Dispute notes in data/paper-table1.trig) are disputed in
 * every view that shows them, and only those claims: a note on "KVM: para-virtualization" leaves
 * Xen's and UML's para-virtualization, stated by the same sentence of section 1, plain facts.
 */
class PaperDisputesInEveryViewTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static JsonNode valueIn(JsonNode values, String id) {
        for (JsonNode v : values) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError(id + " not in " + values);
    }

    /** The data-disputed flag of the page's value {@code valueId} under the property {@code property}. */
    static boolean disputedOnPage(String page, String property, String valueId) {
        int dt = page.indexOf("href=\"https://w3id.org/virtkg/ontology#" + property + "\"");
        assertTrue(dt >= 0, property + " on the page");
        int end = page.indexOf("<dt>", dt);
        String section = page.substring(dt, end < 0 ? page.length() : end);
        var m = Pattern.compile("<dd data-basis=\"\\w+\"( data-disputed=\"true\")?><a [^>]*href=\"/id/" + valueId + "\"").matcher(section);
        assertTrue(m.find(), valueId + " under " + property);
        return m.group(1) != null;
    }

    @Test
    void kvmTypeOneAndParaVirtualizationAreDisputedEverywhere() {
        // The catalogue.
        JsonNode kvm = json(get(base + "/api/technologies/KVM"), 200);
        assertTrue(valueIn(kvm.get("vmmType"), "Type1").get("disputed").asBoolean(), kvm.get("vmmType").toString());
        assertTrue(valueIn(kvm.get("virtualization"), "ParaVirtualization").get("disputed").asBoolean());
        assertTrue(valueIn(kvm.get("hostOS"), "NetBSD").get("disputed").asBoolean(), "only the NetBSD host is disputed");
        assertFalse(valueIn(kvm.get("hostOS"), "Linux").get("disputed").asBoolean());
        // Inferred from a disputed fact: KVM is a type 1 hypervisor only because of the disputed type.
        JsonNode type1 = valueIn(kvm.get("kinds"), "Type1Hypervisor");
        assertEquals("inferred", type1.get("basis").asText());
        assertTrue(type1.get("disputed").asBoolean(), "an inference resting on a disputed claim is disputed: " + type1);
        // The same sentence's other claims are not tainted.
        JsonNode xen = json(get(base + "/api/technologies/Xen"), 200);
        assertFalse(valueIn(xen.get("virtualization"), "ParaVirtualization").get("disputed").asBoolean(), xen.toString());
        JsonNode uml = json(get(base + "/api/technologies/UML"), 200);
        assertFalse(valueIn(uml.get("virtualization"), "ParaVirtualization").get("disputed").asBoolean());
        assertFalse(valueIn(xen.get("vmmType"), "Type1").get("disputed").asBoolean());

        // The page.
        String page = get(base + "/id/KVM", "Accept", "text/html").body();
        assertTrue(disputedOnPage(page, "vmmType", "Type1"));
        assertTrue(disputedOnPage(page, "virtualization", "ParaVirtualization"));
        assertTrue(page.contains("The paper calls KVM a type 1 VMM"), "the note is shown");
        assertFalse(disputedOnPage(get(base + "/id/Xen", "Accept", "text/html").body(), "virtualization", "ParaVirtualization"));
        // The page's "Paper and present" section and /api/lifecycles mark it too.
        assertTrue(page.contains("VMM type: <strong>type 1</strong> <strong class=\"badge disputed\">disputed</strong>"), "paper and present");
        JsonNode sides = json(get(base + "/api/lifecycles/KVM"), 200);
        boolean seen = false;
        for (JsonNode f : sides.get("paper"))
            if (f.get("property").asText().equals("vmmType")) {
                assertTrue(f.get("disputed").asBoolean(), f.toString());
                seen = true;
            }
        assertTrue(seen, sides.toString());

        // The compare view.
        JsonNode compare = json(get(base + "/api/compare?ids=KVM,Xen"), 200);
        for (JsonNode p : compare.get("properties")) {
            if (!p.get("property").asText().equals("vmmType")) continue;
            assertTrue(valueIn(p.get("values").get("KVM"), "Type1").get("disputed").asBoolean(), p.toString());
            assertFalse(valueIn(p.get("values").get("Xen"), "Type1").get("disputed").asBoolean(), p.toString());
            // And why: the paper's own dispute note, as the technology's values give it.
            assertJson(valueIn(p.get("values").get("KVM"), "Type1").get("disputes")).itemWith("/kind", "dispute")
                    .at("/note").textContains("type 1");
            assertTrue(valueIn(p.get("values").get("Xen"), "Type1").get("disputes").isEmpty(), p.toString());
        }

        // Selection: a requirement met only by a disputed claim says so.
        JsonNode sel = json(post(base + "/api/selection?technology=KVM&platform=OpenStack", "{\"vmmType\": \"Type1\"}",
                "Content-Type", "application/json"), 200);
        JsonNode verdict = sel.get("items").get(0).get("requirements").get(0);
        assertEquals("satisfied", verdict.get("status").asText(), verdict.toString());
        assertTrue(verdict.get("disputed").asBoolean(), verdict.toString());
        assertJson(verdict).at("/disputes").hasTextBelowContaining("type 1");

        // LXD: full virtualization disputed; the OS-level virtualization the ontology gives it is not.
        JsonNode lxd = json(get(base + "/api/technologies/LXD"), 200);
        assertTrue(valueIn(lxd.get("virtualization"), "FullVirtualization").get("disputed").asBoolean());
        assertFalse(valueIn(lxd.get("virtualization"), "OSLevelVirtualization").get("disputed").asBoolean());
    }

    @Test
    void aClaimStatedOnlyTheOtherWayRoundIsStatedAndExplainedAsStated() {
        // Table 1 says KVM is supported by Amazon EC2; nothing states "Amazon EC2 supports KVM" in that direction.
        JsonNode c = json(get(base + "/api/compatibility?technology=KVM&platform=AmazonEC2"), 200);
        assertEquals("supported", c.get("status").asText());
        assertEquals("stated", c.get("basis").asText());
        assertEquals("asserted", c.at("/explanation/status").asText(), "the explanation agrees with the basis: " + c.get("explanation"));
        assertJson(c).at("/sources").hasItemWith("/graph", "https://w3id.org/virtkg/source/paper/table1/KVM/supportedBy");
    }
}
