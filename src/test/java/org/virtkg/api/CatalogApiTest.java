package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** Technologies, platforms and compatibility on the shipped data, inference included. */
class CatalogApiTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static JsonNode ok(String path) {
        return json(get(base + path), 200);
    }

    static List<String> ids(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.has("id") ? v.get("id").asText() : v.at("/platform/id").asText()));
        return out;
    }

    static JsonNode find(JsonNode values, String id) {
        for (JsonNode v : values) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError(id + " not in " + values);
    }

    @Test
    void technologiesListEveryKindOfVirtualizationTechnology() {
        JsonNode page = ok("/api/technologies?limit=500");
        List<String> ids = ids(page.get("items"));
        assertTrue(ids.containsAll(List.of("KVM", "Xen", "LXC", "OpenVZ", "LXD", "VirtualBox")), ids.toString());
        assertFalse(ids.contains("OpenStack"), "platforms are not technologies");
        assertEquals(ids.size(), page.get("total").asInt());
    }

    @Test
    void aTechnologyCarriesItsFactsWithInferredOnesFlagged() {
        JsonNode kvm = ok("/api/technologies/kvm"); // ids match ignoring case
        assertEquals("KVM", kvm.get("id").asText());
        assertEquals("https://w3id.org/virtkg/id/KVM", kvm.get("iri").asText());
        for (String field : List.of("kinds", "vmmType", "virtualization", "hostOS", "guestOS", "platforms", "basedOn", "features", "sources"))
            assertTrue(kvm.has(field), field);
        assertEquals("stated", find(kvm.get("kinds"), "Hypervisor").get("basis").asText());
        // Type1Hypervisor is a defined class: the reasoner puts KVM in it from its vmmType.
        assertEquals("inferred", find(kvm.get("kinds"), "Type1Hypervisor").get("basis").asText());
        assertTrue(ids(kvm.get("guestOS")).contains("Windows"));
        assertEquals("stated", find(kvm.get("platforms"), "OpenStack").get("basis").asText(), "Table 2 states it");
        assertTrue(kvm.get("sources").size() > 3);
        assertTrue(kvm.get("sources").toString().contains("Table 1"), kvm.get("sources").toString());
    }

    @Test
    void aPlatformCarriesItsFactsWithInferredOnesFlagged() {
        JsonNode os = ok("/api/platforms/OpenStack");
        for (String field : List.of("deploymentModels", "hypervisors", "operatingSystems", "languages", "serviceModels",
                "characteristics", "components", "interfaces", "organisations", "sources"))
            assertTrue(os.has(field), field);
        assertTrue(ids(os.get("hypervisors")).containsAll(List.of("KVM", "LXC", "LXD", "Xen")));
        assertTrue(ids(os.get("languages")).contains("Python"));
        // Nova's parts are components of OpenStack by transitivity, not by statement.
        assertEquals("inferred", find(os.get("components"), "NovaScheduler").get("basis").asText());
        assertEquals("stated", find(os.get("components"), "Nova").get("basis").asText());
        assertEquals("inferred", find(os.get("kinds"), "ContainerPlatform").get("basis").asText());
        // Table 2's "Supported languages", read two ways: OpenStack is written in Python (section 3);
        // TPlatform, a PaaS, lets users write applications in its languages.
        assertEquals("stated", find(os.get("implementationLanguages"), "Python").get("basis").asText());
        JsonNode tp = ok("/api/platforms/TPlatform");
        assertTrue(ids(tp.get("applicationLanguages")).containsAll(List.of("Java", "Python", "C", "CPlusPlus")), tp.get("applicationLanguages").toString());
        assertEquals(List.of(), ids(tp.get("implementationLanguages")));
        assertEquals("inferred", find(tp.get("languages"), "Java").get("basis").asText(), "the general property follows from the specific one");
    }

    @Test
    void platformsSupportingLxcOrAnyContainerTechnology() {
        assertTrue(ids(ok("/api/platforms?supports=LXC").get("items")).contains("OpenStack"));
        JsonNode byClass = ok("/api/platforms?supports=ContainerTechnology");
        List<String> ids = ids(byClass.get("items"));
        assertTrue(ids.containsAll(List.of("OpenStack", "OpenNode")), ids.toString());
        assertFalse(ids.contains("Eucalyptus"), ids.toString());
        assertTrue(ids(find(byClass.get("items"), "OpenNode").get("supports")).contains("OpenVZ"));
    }

    @Test
    void basedOnAloneDoesNotCarrySupport() {
        // The paper says KVM is based on QEMU and Eucalyptus supports KVM; nothing says Eucalyptus
        // supports QEMU, and since the chain is supports o runsGuestsThrough (docs/reasoning.md,
        // "Justifications") nothing concludes it either: unknown, not supported.
        JsonNode qemu = ok("/api/technologies/QEMU/platforms?limit=500");
        for (JsonNode item : qemu.get("items"))
            assertFalse(item.at("/platform/id").asText().equals("Eucalyptus"), qemu.toString());
        JsonNode c = ok("/api/compatibility?technology=QEMU&platform=Eucalyptus");
        assertEquals("unknown", c.get("status").asText());

        // OpenStack reaches LXC both ways: stated (section 3) and through LXD, which runs its guests through LXC; stated wins.
        JsonNode lxc = ok("/api/compatibility?technology=LXC&platform=OpenStack");
        assertEquals("supported", lxc.get("status").asText());
        assertEquals("stated", lxc.get("basis").asText());
    }

    @Test
    void compatibilityIsSupportedOrUnknownUnderTheOpenWorld() {
        JsonNode yes = ok("/api/compatibility?technology=KVM&platform=OpenStack");
        assertEquals("supported", yes.get("status").asText());
        assertEquals("stated", yes.get("basis").asText());
        assertTrue(yes.get("sources").size() >= 1);
        assertEquals("asserted", yes.at("/explanation/status").asText());

        JsonNode unknown = ok("/api/compatibility?technology=LXD&platform=Ganeti");
        assertEquals("unknown", unknown.get("status").asText());
        assertTrue(unknown.get("explanation").isNull());
        assertTrue(unknown.get("note").asText().contains("open-world"));
    }

    @Test
    void theMatrixCoversEveryPairInJsonAndCsv() throws Exception {
        JsonNode m = ok("/api/compatibility/matrix");
        int t = m.get("technologies").size();
        int p = m.get("platforms").size();
        assertEquals(t * p, m.get("cells").size());
        Set<String> statuses = new HashSet<>();
        String qemuOnEucalyptus = null;
        for (JsonNode c : m.get("cells")) {
            statuses.add(c.get("status").asText());
            if (c.get("technology").asText().equals("QEMU") && c.get("platform").asText().equals("Eucalyptus"))
                qemuOnEucalyptus = c.get("status").asText();
        }
        assertTrue(statuses.containsAll(List.of("supported", "unknown")), statuses.toString());
        assertEquals("unknown", qemuOnEucalyptus, "KVM based on QEMU does not carry support (the narrowed chain)");

        var csv = get(base + "/api/compatibility/matrix", "Accept", "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("technology,platform,status,basis", lines.get(0));
        assertEquals(t * p + 1, lines.size());
        assertTrue(lines.contains("QEMU,Eucalyptus,unknown,"), "an unknown answer has no basis: " + csv.body());
        assertTrue(lines.contains("KVM,OpenStack,supported,stated"));
    }

    @Test
    void listsArePaged() {
        JsonNode first = ok("/api/technologies?limit=5");
        assertEquals(5, first.get("items").size());
        assertEquals(5, first.get("limit").asInt());
        assertEquals(0, first.get("offset").asInt());
        String next = first.get("next").asText();
        assertEquals("/api/technologies?limit=5&offset=5", next);
        JsonNode second = ok(next);
        assertEquals(5, second.get("offset").asInt());
        assertFalse(ids(first.get("items")).contains(ids(second.get("items")).get(0)));
        JsonNode last = ok("/api/technologies?limit=5&offset=" + (first.get("total").asInt() - 1));
        assertEquals(1, last.get("items").size());
        assertTrue(last.get("next").isNull());
        assertEquals(Http.DEFAULT_LIMIT, ok("/api/platforms").get("limit").asInt());
        // Other parameters survive into the next link.
        assertTrue(ok("/api/platforms?supports=ContainerTechnology&limit=1").get("next").asText().contains("supports=ContainerTechnology"));
    }

    @Test
    void unknownIdsAnswer404WithSuggestions() {
        JsonNode p = json(get(base + "/api/technologies/KVMM"), 404);
        assertTrue(p.get("suggestions").toString().contains("KVM"), p.toString());
        assertEquals("/api/technologies/KVMM", p.get("instance").asText());
        JsonNode q = json(get(base + "/api/platforms/openstak"), 404);
        assertTrue(q.get("suggestions").toString().contains("OpenStack"), q.toString());
        JsonNode prefix = json(get(base + "/api/platforms/Euca"), 404);
        assertTrue(prefix.get("suggestions").toString().contains("Eucalyptus"), prefix.toString());
        // A known id of the wrong kind is not a technology: the answer says what it is and where.
        JsonNode platform = json(get(base + "/api/technologies/OpenStack"), 404);
        assertTrue(platform.get("detail").asText().contains("/api/platforms/OpenStack"), platform.toString());
        JsonNode technology = json(get(base + "/api/platforms/KVM"), 404);
        assertTrue(technology.get("detail").asText().contains("/api/technologies/KVM"), technology.toString());
        // Suggestions are of the kind asked for: technologies for a technology (KVMM suggested no feature or language).
        for (JsonNode s : p.get("suggestions"))
            assertEquals(200, get(base + "/api/technologies/" + s.asText()).statusCode(), "a technology: " + s);
        for (JsonNode s : json(get(base + "/api/technologies/Go"), 404).get("suggestions"))
            assertEquals(200, get(base + "/api/technologies/" + s.asText()).statusCode(), "a technology: " + s);
    }

    @Test
    void badParametersAnswer400NamingThem() {
        JsonNode missing = json(get(base + "/api/compatibility?technology=KVM"), 400);
        assertTrue(missing.get("detail").asText().contains("'platform'"), missing.toString());
        JsonNode unknown = json(get(base + "/api/compatibility?technology=KVN&platform=OpenStack"), 400);
        assertTrue(unknown.get("detail").asText().contains("'technology'"), unknown.toString());
        assertTrue(unknown.get("suggestions").toString().contains("KVM"), unknown.toString());
        JsonNode swapped = json(get(base + "/api/compatibility?technology=OpenStack&platform=KVM"), 400);
        assertTrue(swapped.get("detail").asText().contains("'technology'"), swapped.toString());
        // Suggestions of the kind the parameter takes: technologies for 'technology', never features or terms.
        JsonNode nope = json(get(base + "/api/compatibility?technology=Nope&platform=OpenStack"), 400);
        assertJson(nope).at("/suggestions").hasNoItem("NodeImageCaching").hasNoItem("Nova").hasNoItem("NoPrerequisiteHardware");
        JsonNode openNebulx = json(get(base + "/api/compatibility?technology=KVM&platform=OpenNebulx"), 400);
        assertJson(openNebulx).at("/suggestions").hasItem("OpenNebula");
        JsonNode kvmAsPlatform = json(get(base + "/api/compatibility?technology=KVM&platform=KVMM"), 400);
        assertJson(kvmAsPlatform).at("/suggestions").hasNoItem("KVM");
        JsonNode limit = json(get(base + "/api/technologies?limit=100000"), 400);
        assertTrue(limit.get("detail").asText().contains("'limit'"), limit.toString());
        JsonNode offset = json(get(base + "/api/technologies?offset=-1"), 400);
        assertTrue(offset.get("detail").asText().contains("'offset'"), offset.toString());
        JsonNode supports = json(get(base + "/api/platforms?supports=Containr"), 400);
        assertTrue(supports.get("detail").asText().contains("'supports'"), supports.toString());
    }

    @Test
    void getsCarryAnEtagPerKnowledgeBaseVersion() {
        var r = get(base + "/api/technologies/KVM");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("W/\"kb-\\d+\""), etag);
        var again = get(base + "/api/technologies/KVM", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertTrue(again.body().isEmpty());
        assertEquals(200, get(base + "/api/technologies/KVM", "If-None-Match", "W/\"kb-0\"").statusCode());
        assertEquals(304, get(base + "/api/compatibility/matrix", "If-None-Match", etag).statusCode());
        assertEquals(304, get(base + "/id/KVM", "If-None-Match", etag).statusCode());
        assertNull(get(base + "/api/health").headers().firstValue("ETag").orElse(null), "health is never cached");
        assertNull(get(base + "/api/technologies/KVMM").headers().firstValue("ETag").orElse(null), "errors carry no validator");
    }
}
