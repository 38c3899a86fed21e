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
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Open source versus commercial service (issue 14, item 3) on the shipped data: the survey selects
 * among open-source platforms, so platform lists, the matrix and the wizard leave out the public
 * clouds it names only as examples (Amazon EC2, Windows Azure, ...) unless {@code include=services}
 * brings them back; and every platform says whether it is open source, under which licence, and
 * which source says so.
 */
class OpenSourceApiTest {
    static VirtkgServer server;
    static String base;

    /** The survey's public-cloud examples (section 1). */
    static final Set<String> SERVICES = Set.of("AmazonEC2", "IBMBlueCloud", "SunCloud", "GoogleAppEngine", "WindowsAzure");
    static final String PAPER = "https://w3id.org/virtkg/source/paper/";
    static final String OUTSIDE = "https://w3id.org/virtkg/source/outside/";
    static final String CURRENT = "https://w3id.org/virtkg/source/current/";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static JsonNode ok(String path) {
        return json(get(base + path), 200);
    }

    static Set<String> ids(JsonNode values) {
        Set<String> out = new TreeSet<>();
        values.forEach(v -> out.add(v.has("id") ? v.get("id").asText() : v.at("/platform/id").asText()));
        return out;
    }

    static JsonNode item(JsonNode items, String id) {
        for (JsonNode v : items) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError(id + " not in " + ids(items));
    }

    static JsonNode select(String query, String body) {
        return json(post(base + "/api/selection?limit=500" + query, body, "Content-Type", "application/json"), 200);
    }

    static Set<String> platformsOf(JsonNode selection) {
        Set<String> out = new TreeSet<>();
        selection.get("items").forEach(i -> out.add(i.at("/platform/id").asText()));
        return out;
    }

    // ---- platform lists ----

    @Test
    void platformListLeavesOutTheCommercialServicesAndSaysWhichByDefault() {
        JsonNode page = ok("/api/platforms?limit=500");
        Set<String> listed = ids(page.get("items"));
        for (String s : SERVICES) assertFalse(listed.contains(s), s + " is a commercial service: " + listed);
        assertTrue(listed.containsAll(List.of("OpenStack", "CloudStack", "OpenNebula", "Eucalyptus", "Nimbus", "Ganeti", "ApacheVCL",
                "TPlatform", "XCP", "Enomaly", "OpenNode")), listed.toString());
        assertEquals(listed.size(), page.get("total").asInt());
        assertEquals(SERVICES, ids(page.at("/excluded/services")), "the answer names what it left out");
        for (JsonNode p : page.get("items"))
            assertTrue(p.get("openSource").asBoolean(), p.get("id").asText() + " is listed by default, so it is open source: " + p.get("licensing"));
    }

    @Test
    void includeServicesBringsThemBackFlaggedAsServicesWithTheSentenceThatSaysSo() {
        JsonNode open = ok("/api/platforms?limit=500");
        JsonNode all = ok("/api/platforms?limit=500&include=services");
        assertEquals(open.get("total").asInt() + SERVICES.size(), all.get("total").asInt());
        assertTrue(ids(all.get("items")).containsAll(SERVICES), ids(all.get("items")).toString());
        assertEquals(0, all.at("/excluded/services").size());
        for (String s : SERVICES) {
            JsonNode p = item(all.get("items"), s);
            assertFalse(p.get("openSource").asBoolean(true), s + ": " + p);
            assertTrue(p.get("openSource").isBoolean(), "false, not unknown: " + p);
            JsonNode l = p.get("licensing");
            assertEquals("commercial-service", l.get("status").asText(), s);
            assertEquals("stated", l.get("basis").asText(), s);
            assertEquals(List.of(PAPER + "section1/PublicCloudServices/1"), strings(l.get("sources")), s);
            assertEquals(0, l.get("licences").size(), "a service one rents has no licence here: " + l);
        }
    }

    @Test
    void theSupportsFilterAndATechnologysPlatformsLeaveOutServicesToo() {
        // Table 1 says Amazon EC2 runs KVM and Xen; the survey's open-source options are the default.
        assertFalse(ids(ok("/api/platforms?supports=KVM&limit=500").get("items")).contains("AmazonEC2"));
        assertEquals(Set.of("AmazonEC2"), ids(ok("/api/platforms?supports=KVM&limit=500").at("/excluded/services")));
        assertTrue(ids(ok("/api/platforms?supports=KVM&limit=500&include=services").get("items")).contains("AmazonEC2"));

        JsonNode kvm = ok("/api/technologies/KVM/platforms?limit=500");
        assertFalse(ids(kvm.get("items")).contains("AmazonEC2"), kvm.toString());
        assertEquals(Set.of("AmazonEC2"), ids(kvm.at("/excluded/services")));
        assertTrue(ids(ok("/api/technologies/KVM/platforms?limit=500&include=services").get("items")).contains("AmazonEC2"));
    }

    // ---- licences and their sources ----

    /** Each platform's licence (SPDX id) and the source graph it is taken from; none for those no source licenses as a whole. */
    static final Map<String, String> PLATFORM_LICENCES = Map.of(
            "OpenStack", "Apache-2.0", "CloudStack", "Apache-2.0", "OpenNebula", "Apache-2.0", "Nimbus", "Apache-2.0",
            "ApacheVCL", "Apache-2.0", "Eucalyptus", "GPL-3.0-only", "Ganeti", "BSD-2-Clause");

    @Test
    void everyPlatformSaysWhetherItIsOpenSourceAndWhichSourceSaysSo() {
        JsonNode all = ok("/api/platforms?limit=500&include=services");
        List<String> unknown = new ArrayList<>();
        for (JsonNode p : all.get("items")) {
            JsonNode l = p.get("licensing");
            String id = p.get("id").asText();
            if (l.get("status").asText().equals("unknown")) unknown.add(id);
            assertTrue(l.get("sources").size() > 0 || l.get("status").asText().equals("unknown"), id + ": " + l);
            assertEquals(SERVICES.contains(id) ? "commercial-service" : "open-source", l.get("status").asText(), id + ": " + l);
        }
        assertEquals(List.of(), unknown, "platforms no source classifies");

        for (var e : PLATFORM_LICENCES.entrySet()) {
            JsonNode l = ok("/api/platforms/" + e.getKey()).get("licensing");
            assertEquals(1, l.get("licences").size(), e.getKey() + ": " + l);
            JsonNode licence = l.at("/licences/0");
            assertEquals(e.getValue(), licence.get("spdx").asText(), e.getKey());
            assertEquals("stated", licence.get("basis").asText());
            assertEquals(List.of(OUTSIDE + e.getKey() + "/licence"), strings(licence.get("sources")), e.getKey());
        }
    }

    @Test
    void thePapersOwnWordsAndTheLicenceBothMakeAPlatformOpenSource() {
        // Section 3 lists OpenStack among its open-source options; its licence file says Apache-2.0.
        JsonNode os = ok("/api/platforms/OpenStack").get("licensing");
        assertEquals("stated", os.get("basis").asText());
        assertTrue(strings(os.get("sources")).contains(PAPER + "section3/OpenSource/1"), os.toString());
        // XCP, TPlatform and Enomaly: the paper says open source, and no licence for the whole is recorded.
        // Section 3 lists all three as open-source options and section 4 XCP and TPlatform among the open-source
        // platforms it covered; section 3's paragraph on Enomaly also calls it "an open source tool".
        Map<String, List<String>> said = Map.of("XCP", List.of(PAPER + "section3/OpenSource/1", PAPER + "section4/Scope/2"),
                "TPlatform", List.of(PAPER + "section3/OpenSource/1", PAPER + "section4/Scope/2"),
                "Enomaly", List.of(PAPER + "section3/Enomaly/1", PAPER + "section3/OpenSource/1"));
        for (var e : said.entrySet()) {
            String p = e.getKey();
            JsonNode l = ok("/api/platforms/" + p).get("licensing");
            assertEquals("open-source", l.get("status").asText(), p);
            assertEquals(e.getValue(), strings(l.get("sources")).stream().sorted().toList(), p);
            assertEquals(0, l.get("licences").size(), p);
        }
        assertEquals(List.of(PAPER + "section5/OpenNode/1"), strings(ok("/api/platforms/OpenNode").at("/licensing/sources")));
        assertEquals(List.of(CURRENT + "XCPng/licence"), strings(ok("/api/platforms/XCPng").at("/licensing/sources")));
    }

    @Test
    void technologiesCarryTheirLicencesAndALicenceAloneMakesOneOpenSource() {
        // The survey's time (data/outside.trig), and licences changed since beside them (data/current.trig).
        Map<String, Set<String>> expected = Map.of("Xen", Set.of("GPL-2.0-only"), "KVM", Set.of("GPL-2.0-only"), "QEMU", Set.of("GPL-2.0-only"),
                "Lguest", Set.of("GPL-2.0-only"), "VirtualBox", Set.of("GPL-2.0-only", "GPL-3.0-only"), "LXC", Set.of("LGPL-2.1-or-later"),
                "LXD", Set.of("Apache-2.0", "AGPL-3.0-only"), "Incus", Set.of("Apache-2.0"));
        for (var e : expected.entrySet()) {
            JsonNode t = ok("/api/technologies/" + e.getKey());
            Set<String> spdx = new HashSet<>();
            for (JsonNode l : t.at("/licensing/licences")) {
                spdx.add(l.get("spdx").asText());
                List<String> sources = strings(l.get("sources"));
                assertFalse(sources.isEmpty(), e.getKey() + ": " + l);
                assertTrue(List.of(OUTSIDE + e.getKey() + "/licence", CURRENT + e.getKey() + "/licence").containsAll(sources), e.getKey() + ": " + sources);
            }
            assertEquals(e.getValue(), spdx, e.getKey());
            assertTrue(t.get("openSource").asBoolean(), e.getKey());
        }
        assertEquals(List.of(CURRENT + "VirtualBox/licence"), strings(licence(ok("/api/technologies/VirtualBox"), "GPL-3.0-only").get("sources")),
                "VirtualBox 7.0's GPL version 3 is current knowledge");
        assertEquals(List.of(OUTSIDE + "VirtualBox/licence"), strings(licence(ok("/api/technologies/VirtualBox"), "GPL-2.0-only").get("sources")));
        assertEquals(List.of(CURRENT + "LXD/licence"), strings(licence(ok("/api/technologies/LXD"), "AGPL-3.0-only").get("sources")));
        // Today's side of the product: the changed licence, dated.
        JsonNode today = ok("/api/lifecycles/VirtualBox?view=current").get("current");
        var gpl3 = assertJson(today).itemWith("/value", "GPL3Only");
        gpl3.at("/property").is("licence");
        gpl3.at("/asOf").textStartsWith("20");
        // No sentence calls LXC open source: its licence does, through the ontology's "released under some
        // open-source licence implies open-source product". Section 2 calls QEMU an "open source machine emulator".
        JsonNode lxc = ok("/api/technologies/LXC").get("licensing");
        assertEquals("inferred", lxc.get("basis").asText(), "LXC: " + lxc);
        assertTrue(strings(lxc.get("sources")).contains(OUTSIDE + "LXC/licence"), "LXC: " + lxc);
        JsonNode qemu = ok("/api/technologies/QEMU").get("licensing");
        assertEquals("stated", qemu.get("basis").asText(), "QEMU: " + qemu);
        assertTrue(strings(qemu.get("sources")).contains(PAPER + "section2/KVM/4"), "QEMU: " + qemu);
        JsonNode kvm = ok("/api/technologies/KVM").get("licensing");
        assertEquals("stated", kvm.get("basis").asText(), "section 2 calls KVM an open source hypervisor");
        assertTrue(strings(kvm.get("sources")).contains(PAPER + "section2/OpenSource/1"), kvm.toString());
        // The explanation of an inferred membership ends in the licence's source and the ontology axiom.
        JsonNode why = ok("/api/explain?s=LXC&p=rdf:type&o=vkg:OpenSourceProduct");
        assertJson(why).hasTextBelow(OUTSIDE + "LXC/licence");
    }

    // ---- the matrix ----

    @Test
    void theMatrixShowsOpenSourcePlatformsUnlessServicesAreIncluded() {
        JsonNode m = ok("/api/compatibility/matrix");
        Set<String> columns = ids(m.get("platforms"));
        for (String s : SERVICES) assertFalse(columns.contains(s), s);
        assertEquals(SERVICES, ids(m.at("/excluded/services")));
        assertEquals(m.get("technologies").size() * m.get("platforms").size(), m.get("cells").size());
        for (JsonNode c : m.get("cells")) assertFalse(SERVICES.contains(c.get("platform").asText()), c.toString());

        JsonNode all = ok("/api/compatibility/matrix?include=services");
        assertEquals(columns.size() + SERVICES.size(), all.get("platforms").size());
        assertEquals(0, all.at("/excluded/services").size());
        boolean ec2Kvm = false;
        for (JsonNode c : all.get("cells"))
            if (c.get("platform").asText().equals("AmazonEC2") && c.get("technology").asText().equals("KVM"))
                ec2Kvm = c.get("status").asText().equals("supported");
        assertTrue(ec2Kvm, "Table 1: KVM on Amazon EC2 for on-demand service");

        // The paper's own view leaves them out the same way.
        JsonNode paper = ok("/api/compatibility/matrix?view=paper");
        assertEquals(SERVICES, ids(paper.at("/excluded/services")));
        assertTrue(ids(ok("/api/compatibility/matrix?view=paper&include=services").get("platforms")).containsAll(SERVICES));
    }

    @Test
    void theCsvMatrixFollowsTheSameDefault() {
        HttpResponse<String> csv = get(base + "/api/compatibility/matrix", "Accept", "text/csv");
        assertEquals(200, csv.statusCode());
        assertFalse(csv.body().contains(",AmazonEC2,"), "no service column by default");
        assertTrue(csv.body().contains("KVM,OpenStack,supported,stated"));
        HttpResponse<String> all = get(base + "/api/compatibility/matrix?include=services", "Accept", "text/csv");
        assertTrue(all.body().contains("KVM,AmazonEC2,supported,stated"), "Table 1 states it");
        assertEquals(csv.body().lines().count() + (long) SERVICES.size() * ok("/api/compatibility/matrix").get("technologies").size(),
                all.body().lines().count());
    }

    // ---- the selection wizard ----

    @Test
    void theWizardRanksOpenSourcePlatformsUnlessServicesAreIncludedOrNamed() {
        JsonNode r = select("", "{}");
        assertTrue(platformsOf(r).stream().noneMatch(SERVICES::contains), platformsOf(r).toString());
        // Amazon EC2 runs KVM and Xen (Table 1): two pairs left out, and counted.
        assertEquals(2, r.at("/excluded/services").asInt(), r.get("excluded").toString());

        JsonNode all = select("&include=services", "{}");
        assertTrue(platformsOf(all).contains("AmazonEC2"), platformsOf(all).toString());
        assertEquals(r.get("total").asInt() + 2, all.get("total").asInt());
        assertEquals(0, all.at("/excluded/services").asInt());
        assertTrue(strings(all.get("include")).contains("services"));

        // Naming the service in the platform filter is asking for it.
        assertEquals(Set.of("AmazonEC2"), platformsOf(select("&platform=AmazonEC2", "{}")));
        // A class in the filter is not: the services stay out.
        assertTrue(platformsOf(select("&platform=CloudPlatform", "{}")).stream().noneMatch(SERVICES::contains));
        // include combines with the must tiers.
        JsonNode both = select("&include=violated,unknown,services", "{\"guestOS\": {\"value\": \"Windows\", \"weight\": \"must\"}}");
        assertTrue(platformsOf(both).contains("AmazonEC2"), platformsOf(both).toString());
    }

    @Test
    void includeIsCheckedAndDeclared() {
        JsonNode bad = json(get(base + "/api/platforms?include=violated"), 400);
        assertEquals("include", bad.get("parameter").asText());
        assertTrue(bad.get("detail").asText().contains("services"), bad.toString());
        assertEquals("include", json(get(base + "/api/compatibility/matrix?include=everything"), 400).get("parameter").asText());
        JsonNode sel = json(post(base + "/api/selection?include=servics", "{}", "Content-Type", "application/json"), 400);
        assertEquals("include", sel.get("parameter").asText());
        assertTrue(sel.get("detail").asText().contains("services"), sel.toString());
        // A misspelt parameter name is refused, the declared one is not.
        assertEquals(400, get(base + "/api/platforms?includes=services").statusCode());
        for (String path : List.of("/api/platforms", "/api/technologies/{id}/platforms", "/api/compatibility/matrix")) {
            JsonNode doc = ok("/openapi.json").at("/paths/" + path.replace("/", "~1") + "/get/parameters");
            boolean declared = false;
            for (JsonNode p : doc) declared |= p.get("name").asText().equals("include");
            assertTrue(declared, path + " declares include");
        }
    }

    @Test
    void aLicenceIsAVocabularyTermWithItsSpdxIdentifier() {
        HttpResponse<String> apache = get(base + "/id/Apache2", "Accept", "text/turtle");
        assertEquals(200, apache.statusCode(), apache.body());
        assertTrue(apache.body().contains("\"Apache-2.0\"") && apache.body().contains("http://spdx.org/licenses/Apache-2.0"), apache.body());
        assertTrue(apache.body().contains("OpenSourceLicence"), apache.body());
    }

    static JsonNode licence(JsonNode product, String spdx) {
        for (JsonNode l : product.at("/licensing/licences")) if (l.get("spdx").asText().equals(spdx)) return l;
        throw new AssertionError(spdx + " not in " + product.get("licensing"));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
