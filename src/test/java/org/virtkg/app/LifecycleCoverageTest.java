package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Every product the paper names, and every technology a shipped Nova driver targets, has a
 * lifecycle status from a dated, addressed current source, over HTTP against the shipped data,
 * except the products docs/data-sources.md lists as not yet sourced. The list is read from the
 * doc, so the doc and the data cannot drift apart: a listed product that gains a status, or a
 * listed id that names no such product, fails too.
 */
class LifecycleCoverageTest {
    static final String ID = "https://w3id.org/virtkg/id/";
    static TestServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared;
        base = server.base();
    }

    /** The ids bound to {@code ?x} by a SELECT over the SPARQL endpoint, only those under id:. */
    static Set<String> ids(String select) throws Exception {
        var r = Fixtures.post(base + "/sparql", select, "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        Set<String> out = new TreeSet<>();
        for (JsonNode b : Json.MAPPER.readTree(r.body()).at("/results/bindings")) {
            String uri = b.at("/x/value").asText();
            if (uri.startsWith(ID)) out.add(uri.substring(ID.length()));
        }
        return out;
    }

    static final String PREFIXES = "PREFIX vkg: <https://w3id.org/virtkg/ontology#>\n"
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

    /** Products the paper names: typed as a kind of vkg:Product in one of the paper's own graphs. */
    static Set<String> paperProducts() throws Exception {
        return ids(PREFIXES + "SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x a ?c } "
                + "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/virtkg/source/paper/\")) ?c rdfs:subClassOf* vkg:Product }");
    }

    /** Technologies some shipped Nova release's driver targets. */
    static Set<String> driverTargets() throws Exception {
        return ids(PREFIXES + "SELECT DISTINCT ?x WHERE { ?d vkg:driverFor ?x }");
    }

    /** docs/data-sources.md, section "Not yet sourced": product id → reason. */
    static Map<String, String> notYetSourced() throws Exception {
        String doc = Files.readString(Fixtures.projectDir().resolve("docs/data-sources.md"));
        int from = doc.indexOf("### Not yet sourced");
        assertTrue(from > 0, "docs/data-sources.md has a 'Not yet sourced' section");
        int to = doc.indexOf("\n#", from + 1);
        String section = doc.substring(from, to < 0 ? doc.length() : to);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `id:([A-Za-z0-9]+)` \\| ([^|]+) \\|").matcher(section);
        while (m.find()) {
            assertTrue(out.put(m.group(1), m.group(2).trim()) == null, "listed once: " + m.group(1));
            assertFalse(m.group(2).isBlank(), "a reason is given for " + m.group(1));
        }
        return out;
    }

    /**
     * The current source of the product's lifecycle status (its fact, with address and asOf), or
     * else of the stated reason it has none ({@code noLifecycleBecause}: a processor feature, a
     * vendor's family name), or null. A stated reason counts like a status: it is a sourced,
     * dated answer to "where does it stand?", where a gap is not.
     */
    static JsonNode statusFact(String id) throws Exception {
        var r = Fixtures.get(base + "/api/lifecycles/" + id + "?view=current");
        assertEquals(200, r.statusCode(), id + ": " + r.body());
        JsonNode reason = null;
        for (JsonNode f : Json.MAPPER.readTree(r.body()).get("current")) {
            if (f.get("property").asText().equals("lifecycleStatus")) return f;
            if (f.get("property").asText().equals("noLifecycleBecause")) reason = f;
        }
        return reason;
    }

    @Test
    void everyPaperProductAndDriverTargetHasASourcedDatedStatusOrIsListedAsNotYetSourced() throws Exception {
        Set<String> paper = paperProducts(), targets = driverTargets();
        // The queries find what the issue names: the paper's hypervisors and platforms, Nova's targets.
        assertTrue(paper.containsAll(Set.of("VirtualBox", "Eucalyptus", "OpenNebula", "CloudStack", "Ganeti", "ApacheVCL", "TPlatform", "UML", "HyperV", "Lguest")), paper.toString());
        assertTrue(targets.containsAll(Set.of("KVM", "VMwareVCenter", "PowerVM", "ZVM", "Ironic", "Virtuozzo")), targets.toString());
        Set<String> all = new TreeSet<>(paper);
        all.addAll(targets);
        Map<String, String> listed = notYetSourced();

        Map<String, String> unsourced = new TreeMap<>(), wronglyListed = new TreeMap<>();
        for (String id : all) {
            JsonNode f = statusFact(id);
            boolean sourced = f != null && f.hasNonNull("address") && f.get("address").asText().startsWith("http")
                    && f.hasNonNull("asOf") && f.get("asOf").asText().matches("\\d{4}-\\d{2}-\\d{2}");
            if (!sourced && !listed.containsKey(id)) unsourced.put(id, f == null ? "no lifecycle status" : "status without address or asOf: " + f);
            if (sourced && listed.containsKey(id)) wronglyListed.put(id, f.get("value").asText() + " from " + f.get("address").asText());
        }
        assertEquals(Map.of(), unsourced, "products without a sourced, dated lifecycle status that docs/data-sources.md does not list as not yet sourced");
        assertEquals(Map.of(), wronglyListed, "listed as not yet sourced in docs/data-sources.md, but sourced: remove them from the list");
        Set<String> strangers = new TreeSet<>(listed.keySet());
        strangers.removeAll(all);
        assertEquals(Set.of(), strangers, "listed as not yet sourced, but neither named by the paper nor a Nova driver's target");
    }

    @Test
    void theAddedLifecyclesSayWhatTheirSourcesSay() throws Exception {
        // OpenNebula's and Ganeti's newest release tags, CloudStack's announcement: maintained, with the release.
        for (var e : Map.of("OpenNebula", "7.4.0", "Ganeti", "3.1.1", "CloudStack", "4.22.1.0").entrySet()) {
            var r = Fixtures.get(base + "/api/lifecycles/" + e.getKey() + "?view=current");
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertEquals("Maintained", body.get("lifecycleStatus").asText(), e.getKey());
            JsonNode latest = null;
            for (JsonNode f : body.get("current")) if (f.get("property").asText().equals("latestRelease")) latest = f;
            assertEquals(e.getValue(), latest.get("value").asText(), e.getKey());
            assertEquals(statusFact(e.getKey()).get("address"), latest.get("address"), "the release and the status come from one source");
        }
        // A latest release without a status: the source does not say whether Eucalyptus is maintained.
        JsonNode euca = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/Eucalyptus?view=current").body());
        assertTrue(euca.get("lifecycleStatus") == null || euca.get("lifecycleStatus").isNull(), euca.toString());
        assertTrue(euca.get("current").toString().contains("\"5.1.0\""), euca.toString());
        // The paper's side of a product is untouched by the current facts.
        JsonNode paper = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/OpenNebula?view=paper").body());
        for (JsonNode f : paper.get("paper")) assertTrue(f.get("source").asText().startsWith("https://w3id.org/virtkg/source/paper/"), f.toString());
    }

    /**
     * The paper's side holds what the paper says of the product from the other product's side
     * too: Table 2 gives KVM for CloudStack, Eucalyptus, Ganeti, Nimbus and OpenStack ("X supports
     * KVM"), which is KVM's "supported by", beside what KVM's own rows say.
     */
    @Test
    void thePapersSideHoldsWhatItStatesFromTheOtherProductsSide() throws Exception {
        JsonNode kvm = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/KVM?view=paper").body());
        Set<String> supportedBy = new TreeSet<>();
        for (JsonNode f : kvm.get("paper")) {
            assertTrue(f.get("source").asText().startsWith("https://w3id.org/virtkg/source/paper/"), f.toString());
            if (f.get("property").asText().equals("supportedBy")) supportedBy.add(f.get("value").asText());
        }
        assertTrue(supportedBy.containsAll(Set.of("CloudStack", "Eucalyptus", "Ganeti", "Nimbus", "OpenStack", "OpenNebula")), supportedBy.toString());
        // And once each: a pair stated both ways by one source is one fact.
        List<String> seen = new ArrayList<>();
        for (JsonNode f : kvm.get("paper")) {
            String key = f.get("property").asText() + " " + f.get("value").asText() + " " + f.get("source").asText();
            assertFalse(seen.contains(key), "twice: " + key);
            seen.add(key);
        }
    }

    /** The fact of {@code property} among a lifecycle body's current facts, or null. */
    static JsonNode current(JsonNode body, String property) {
        for (JsonNode f : body.get("current")) if (f.get("property").asText().equals(property)) return f;
        return null;
    }

    @Test
    void vendorSourcedLifecyclesCarryTheirSourceAndDate() throws Exception {
        // VirtualBox: Oracle's own repository, its version file at a commit.
        JsonNode vbox = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/VirtualBox?view=current").body());
        assertEquals("Maintained", vbox.get("lifecycleStatus").asText(), vbox.toString());
        JsonNode status = current(vbox, "lifecycleStatus");
        assertEquals("https://github.com/VirtualBox/virtualbox/blob/14841851fa211c7faf615978ba385d59947236c6/Version.kmk", status.get("address").asText());
        assertEquals("2026-09-14", status.get("asOf").asText());
        assertEquals("7.2.18", current(vbox, "latestRelease").get("value").asText());
        // libvirt: first and latest release from its own release list, one source for all three.
        JsonNode libvirt = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/libvirt?view=current").body());
        assertEquals("0.0.1", current(libvirt, "firstRelease").get("value").asText());
        assertEquals("12.5.0", current(libvirt, "latestRelease").get("value").asText());
        assertEquals("2026-07-01", current(libvirt, "lifecycleStatus").get("asOf").asText());
        // Superseded names point at their successor: Microsoft's overview for Virtual PC.
        JsonNode vpc = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/VirtualPC?view=current").body());
        assertEquals("Superseded", vpc.get("lifecycleStatus").asText());
        assertEquals("HyperV", current(vpc, "supersededBy").get("value").asText());
        assertTrue(current(vpc, "lifecycleStatus").get("address").asText().startsWith("https://github.com/MicrosoftDocs/"), vpc.toString());
        // Globus Toolkit: discontinued, from the notice in its own repository.
        JsonNode globus = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/GlobusToolkit?view=current").body());
        assertEquals("Discontinued", globus.get("lifecycleStatus").asText());
        assertTrue(current(globus, "lifecycleStatus").get("address").asText().startsWith("https://github.com/globus/globus-toolkit/"), globus.toString());
    }

    @Test
    void apacheVclIsMaintainedFromTheFoundationsProjectDataBesideItsLatestReleaseTag() throws Exception {
        JsonNode vcl = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/ApacheVCL?view=current").body());
        assertEquals("Maintained", vcl.get("lifecycleStatus").asText(), vcl.toString());
        // The status: the ASF's list of active project committees, at a commit of its project data.
        JsonNode status = current(vcl, "lifecycleStatus");
        assertEquals("https://github.com/apache/comdev-projects/blob/2d2692b8c005c6604469a49b4ca68df67e02f9eb/site/json/foundation/committees.json",
                status.get("address").asText());
        assertEquals("2024-10-24", status.get("asOf").asText());
        // The release: still the project's own newest tag, a source of its own with its own date.
        JsonNode latest = current(vcl, "latestRelease");
        assertEquals("2.5.1", latest.get("value").asText());
        assertEquals("https://github.com/apache/vcl/releases/tag/release-2.5.1-tag", latest.get("address").asText());
        assertEquals("2019-07-25", latest.get("asOf").asText());
        assertFalse(status.get("source").asText().equals(latest.get("source").asText()), "two claims, two source graphs");
        assertFalse(notYetSourced().containsKey("ApacheVCL"), "sourced, so no longer listed as not yet sourced");
        // The compatibility matrix's current view names the same status.
        JsonNode matrix = Json.MAPPER.readTree(Fixtures.get(base + "/api/compatibility/matrix?view=current").body());
        assertEquals("maintained", matrix.at("/lifecycles/ApacheVCL").asText(), matrix.get("lifecycles").toString());
    }

    @Test
    void aNotYetSourcedProductKeepsTheLatestReleaseItsReasonNamesAndNoStatus() throws Exception {
        // docs/data-sources.md gives some listed products' newest release tag ("… (5.1.0, above) …"):
        // the data must carry exactly that release, and still no status.
        Pattern tag = Pattern.compile("newest release tag \\(([^,)]+), above\\)");
        Map<String, String> withRelease = new TreeMap<>();
        for (var e : notYetSourced().entrySet()) {
            Matcher m = tag.matcher(e.getValue());
            if (m.find()) withRelease.put(e.getKey(), m.group(1));
        }
        assertEquals(Map.of("Eucalyptus", "5.1.0", "euca2ools", "3.4.1", "EucalyptusManagementConsole", "4.4.2"), withRelease);
        for (var e : withRelease.entrySet()) {
            JsonNode body = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/" + e.getKey() + "?view=current").body());
            assertTrue(body.get("lifecycleStatus") == null || body.get("lifecycleStatus").isNull(), "no status is made up: " + body);
            JsonNode latest = current(body, "latestRelease");
            assertEquals(e.getValue(), latest.get("value").asText(), e.getKey());
            assertTrue(latest.get("address").asText().startsWith("https://github.com/"), latest.toString());
            assertTrue(latest.get("asOf").asText().matches("\\d{4}-\\d{2}-\\d{2}"), latest.toString());
        }
    }

    @Test
    void entriesWithoutALifecycleSayWhyInsteadOfAGuessedStatus() throws Exception {
        for (var e : Map.of("IntelVT", "ProcessorFeature", "AMDV", "ProcessorFeature", "VMware", "VendorFamilyName").entrySet()) {
            JsonNode body = Json.MAPPER.readTree(Fixtures.get(base + "/api/lifecycles/" + e.getKey() + "?view=current").body());
            assertTrue(body.get("lifecycleStatus") == null || body.get("lifecycleStatus").isNull(), "no status is made up: " + body);
            JsonNode reason = current(body, "noLifecycleBecause");
            assertEquals(e.getValue(), reason.get("value").asText(), e.getKey());
            assertTrue(reason.get("address").asText().startsWith("https://"), reason.toString());
            assertTrue(reason.get("asOf").asText().matches("\\d{4}-\\d{2}-\\d{2}"), reason.toString());
            assertFalse(notYetSourced().containsKey(e.getKey()), e.getKey() + " is modelled, so it is not also listed as not yet sourced");
        }
    }
}
