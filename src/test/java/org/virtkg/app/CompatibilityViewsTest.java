package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * {@code view=paper|current|all} on the compatibility check and matrix. The paper view must
 * reproduce exactly what the knowledge base answered before current sources were added: a second
 * server that loads only the paper's files (and its outside clarifications) is the reference.
 */
class CompatibilityViewsTest {
    static TestServer full, paperOnly;
    static Path scratch;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) throws Exception {
        full = shared;
        scratch = Files.createTempDirectory("virtkg-paper-only-");
        // The files from before current knowledge: the paper, its source descriptions, outside clarifications.
        paperOnly = TestServer.withShippedDataOnly(name -> !name.equals("current.trig") && !name.startsWith("nova-"), scratch, AccessTokens.none());
    }

    @AfterAll
    static void stop() throws Exception {
        paperOnly.close();
        try (var walk = Files.walk(scratch)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static JsonNode json(String url, int status) throws Exception {
        var r = Fixtures.get(url);
        assertEquals(status, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void thePaperViewOfTheMatrixIsExactlyTheMatrixBeforeCurrentSources() throws Exception {
        JsonNode reference = json(paperOnly.base() + "/api/compatibility/matrix", 200);
        JsonNode paper = json(full.base() + "/api/compatibility/matrix?view=paper", 200);
        assertEquals(reference.get("technologies"), paper.get("technologies"));
        assertEquals(reference.get("platforms"), paper.get("platforms"));
        assertEquals(reference.get("cells"), paper.get("cells"));
        String csvReference = Fixtures.get(paperOnly.base() + "/api/compatibility/matrix", "Accept", "text/csv").body();
        assertEquals(csvReference, Fixtures.get(full.base() + "/api/compatibility/matrix?view=paper", "Accept", "text/csv").body());
        // The other views know more (products current sources add), so the paper view is not a no-op.
        JsonNode all = json(full.base() + "/api/compatibility/matrix", 200);
        assertNotEquals(reference.get("technologies"), all.get("technologies"));
        assertTrue(all.get("technologies").toString().contains("\"Incus\""));
        assertEquals(all.get("cells"), json(full.base() + "/api/compatibility/matrix?view=all", 200).get("cells"));
        json(full.base() + "/api/compatibility/matrix?view=tomorrow", 400);
    }

    @Test
    void thePaperViewOfEachCheckIsTheAnswerBeforeCurrentSources() throws Exception {
        JsonNode reference = json(paperOnly.base() + "/api/compatibility/matrix", 200);
        int checked = 0;
        for (JsonNode cell : reference.get("cells")) {
            // Every supported or unsupported cell, and the unknown ones of one technology.
            if (cell.get("status").asText().equals("unknown") && !cell.get("technology").asText().equals("Lguest")) continue;
            String q = "/api/compatibility?technology=" + cell.get("technology").asText() + "&platform=" + cell.get("platform").asText();
            JsonNode before = json(paperOnly.base() + q, 200);
            JsonNode paper = json(full.base() + q + "&view=paper", 200);
            assertEquals(before.get("status"), paper.get("status"), q);
            assertEquals(before.get("basis"), paper.get("basis"), q);
            assertEquals(before.get("sources"), paper.get("sources"), q);
            if (!before.get("explanation").isNull())
                assertEquals(before.at("/explanation/status"), paper.at("/explanation/status"), q);
            // Explanations under the paper view cite only the paper's graphs (and the ontology).
            for (JsonNode graph : paper.get("explanation") == null ? List.<JsonNode>of() : paper.get("explanation").findValues("graph"))
                assertTrue(graph.asText().startsWith("https://w3id.org/virtkg/source/paper") || graph.asText().startsWith("https://w3id.org/virtkg/source/outside")
                        || graph.asText().equals("https://w3id.org/virtkg/graph/ontology"), q + " cites " + graph);
            assertNull(paper.get("lifecycle"), "the paper view says nothing of today");
            checked++;
        }
        assertTrue(checked > 20, "checked " + checked);
        // A product the paper does not name is not in the paper view.
        json(full.base() + "/api/compatibility?technology=Incus&platform=OpenStack&view=paper", 404);
        json(full.base() + "/api/compatibility?technology=Incus&platform=OpenStack", 200);
    }

    /**
     * Where only the paper speaks of a pair, today's view says its answer rests on the paper's word
     * (fourth walk-through: LXD on OpenStack was "supported" under view=current with no word that
     * no source after 2015 says so); where a later source states it too, it does not.
     */
    @Test
    void todaysViewSaysWhenOnlyThePaperSpeaksOfAPair() throws Exception {
        JsonNode lxd = json(full.base() + "/api/compatibility?technology=LXD&platform=OpenStack&view=current", 200);
        assertEquals("supported", lxd.get("status").asText(), lxd.toString());
        assertTrue(lxd.path("note").asText().startsWith("Only the paper states this (as of 2015-07-01"), lxd.toString());
        JsonNode kvm = json(full.base() + "/api/compatibility?technology=KVM&platform=OpenStack&view=current", 200);
        assertEquals("supported", kvm.get("status").asText(), kvm.toString());
        assertTrue(kvm.get("note") == null, "Nova's matrices state it too: " + kvm);
        JsonNode all = json(full.base() + "/api/compatibility?technology=LXD&platform=OpenStack", 200);
        assertTrue(all.get("note") == null, "only today's view says it: " + all);
        // The selection's pairs say it alike (fifth walk-through: a selection under view=current had no note).
        for (String view : List.of("current", "all")) {
            var selected = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(full.base() + "/api/selection?view=" + view))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"platform\": \"OpenStack\", \"technology\": \"LXD\", \"hostOS\": \"Linux\"}")),
                    "Content-Type", "application/json");
            assertEquals(200, selected.statusCode(), selected.body());
            JsonNode pair = Json.MAPPER.readTree(selected.body()).at("/items/0/compatibility");
            assertEquals(view.equals("current") ? lxd.get("note") : null, pair.get("note"), pair.toString());
        }
    }

    @Test
    void lguestIsMarkedDiscontinuedUnderTheCurrentView() throws Exception {
        JsonNode now = json(full.base() + "/api/compatibility?technology=Lguest&platform=OpenStack&view=current", 200);
        assertEquals("discontinued", now.at("/lifecycle/technology/status").asText(), now.toString());
        assertEquals("4.14", now.at("/lifecycle/technology/removedFromLinuxIn").asText(), now.toString());
        assertTrue(now.at("/lifecycle/technology/address").asText().startsWith("https://git.kernel.org/"), now.toString());
        assertEquals("2017-11-12", now.at("/lifecycle/technology/asOf").asText());
        assertEquals("maintained", now.at("/lifecycle/platform/status").asText(), now.toString());
        // Every value of a property a current source states, not one of them.
        // A product whose status no current source gives still has what they do say (Eucalyptus's latest release).
        JsonNode euca = json(full.base() + "/api/compatibility?technology=Xen&platform=Eucalyptus", 200);
        assertTrue(euca.at("/lifecycle/platform/status").isNull() && euca.at("/lifecycle/platform/latestRelease").asText().equals("5.1.0"),
                euca.get("lifecycle").toString());
        // (data/current.trig says UML, Nova's newest matrix Xen among others).
        List<?> unsupported = Json.MAPPER.convertValue(now.at("/lifecycle/platform/doesNotSupport"), List.class);
        assertTrue(unsupported != null && unsupported.containsAll(List.of("UML", "Xen")), now.toString());
        // The matrix names the lifecycle of every product a current source speaks of.
        JsonNode matrix = json(full.base() + "/api/compatibility/matrix?view=current", 200);
        assertEquals("discontinued", matrix.at("/lifecycles/Lguest").asText(), matrix.get("lifecycles").toString());
        assertEquals("forked", matrix.at("/lifecycles/LXD").asText());
        assertEquals("maintained", matrix.at("/lifecycles/VirtualBox").asText(), "Oracle's own repository (data/current.trig)");
        // A latest release without a status stays out: no source says whether Eucalyptus is maintained.
        assertTrue(matrix.at("/lifecycles/Eucalyptus").isMissingNode(), "no current source gives Eucalyptus a status");
    }

    static final String NOVA_2026_1 = "https://github.com/openstack/nova/blob/d5c64e7aba09052601b59bf1297187d85da6b90b/doc/source/user/support-matrix.ini";

    @Test
    void thePaperAndNovaDisagreeOnOpenStackAndXen() throws Exception {
        // The paper (Table 2, section 3): OpenStack supports Xen. Nova's shipped matrices: train has the
        // xenserver and libvirt-xen drivers, 2023.1 and 2026.1 have no driver for Xen (ShippedNovaReleasesTest).
        String q = full.base() + "/api/compatibility?technology=Xen&platform=OpenStack";
        JsonNode all = json(q, 200);
        assertEquals("disputed", all.get("status").asText(), all.toString());
        assertTrue(all.get("sources").toString().contains("source/paper/table2/OpenStack/supports"), "the paper's side, sourced");
        assertEquals("supported", all.at("/paper/status").asText(), all.toString());
        assertEquals("unsupported", all.at("/current/status").asText(), all.toString());
        assertEquals("2026.1", all.at("/current/release").asText());
        assertEquals("2026-04-01", all.at("/current/asOf").asText());
        assertEquals(NOVA_2026_1, all.at("/current/address").asText());
        assertEquals("train", all.at("/current/lastReleaseWithDriver").asText());
        // Both sides are claims, dated and sourced: Nova 2023.1 and 2026.1 state the contrary.
        assertEquals("OpenStack does not support Xen", all.at("/against/claim").asText(), all.toString());
        assertTrue(all.at("/against/sources").toString().contains("source/nova/2026.1"), all.toString());
        assertEquals("2026-04-01", all.at("/against/asOf").asText(), all.toString());
        assertEquals("2019-10-16", all.get("asOf").asText(), "the newest source for: Nova train");
        assertTrue(all.get("disputes").toString().contains("contradiction"), all.toString());
        // The newest source wins under view=current; the paper's answer stays under view=paper.
        JsonNode now = json(q + "&view=current", 200);
        assertEquals("unsupported", now.get("status").asText(), now.toString());
        assertTrue(now.get("sources").toString().contains("source/nova/2026.1"), now.toString());
        assertEquals("The newest source wins: 'OpenStack does not support Xen' (as of 2026-04-01) over 'OpenStack supports Xen' (as of 2019-10-16).",
                now.get("decidedBy").asText());
        // An outside source that is no support matrix: Nova's release note dropping UML (2020), against the paper (2015).
        JsonNode uml = json(full.base() + "/api/compatibility?technology=UML&platform=OpenStack", 200);
        assertEquals("disputed", uml.get("status").asText(), uml.toString());
        JsonNode umlNow = json(full.base() + "/api/compatibility?technology=UML&platform=OpenStack&view=current", 200);
        assertEquals("unsupported", umlNow.get("status").asText(), umlNow.toString());
        assertTrue(umlNow.get("sources").toString().contains("drop-libvirt-uml-support"), umlNow.toString());
        assertEquals("supported", json(full.base() + "/api/compatibility?technology=UML&platform=OpenStack&view=paper", 200).get("status").asText());
        assertEquals("supported", json(q + "&view=paper", 200).get("status").asText());
        // Hyper-V: Nova's driver until 2023.1.
        JsonNode hyperv = json(full.base() + "/api/compatibility?technology=HyperV&platform=OpenStack&view=current", 200);
        assertEquals("unsupported", hyperv.get("status").asText());
        assertEquals("2023.1", hyperv.at("/current/lastReleaseWithDriver").asText());
        // Agreement is no dispute: KVM (libvirt-kvm-* in every release), with the drivers named.
        JsonNode kvm = json(full.base() + "/api/compatibility?technology=KVM&platform=OpenStack", 200);
        assertEquals("supported", kvm.get("status").asText());
        assertEquals("supported", kvm.at("/current/status").asText());
        assertTrue(kvm.at("/current/drivers").toString().contains("libvirt-kvm-x86"), kvm.toString());
        // What only Nova states: Virtuozzo (libvirt-vz-*), unknown to the paper.
        JsonNode vz = json(full.base() + "/api/compatibility?technology=Virtuozzo&platform=OpenStack", 200);
        assertEquals("supported", vz.get("status").asText(), vz.toString());
        // A platform without an imported matrix has no current side.
        assertTrue(json(full.base() + "/api/compatibility?technology=Xen&platform=OpenNebula", 200).get("current").isNull());
        // The matrix, per view.
        assertEquals("disputed", matrixCell("", "Xen", "OpenStack"));
        assertEquals("unsupported", matrixCell("?view=current", "Xen", "OpenStack"));
        assertEquals("supported", matrixCell("?view=paper", "Xen", "OpenStack"));
        assertEquals("supported", matrixCell("?view=current", "Virtuozzo", "OpenStack"));
        assertEquals(matrixCell("", "Xen", "OpenNebula"), matrixCell("?view=current", "Xen", "OpenNebula"), "no matrix, no current side");
    }

    static JsonNode select(TestServer server, String query, String requirements) throws Exception {
        var r = Fixtures.post(server.base() + "/api/selection?limit=200" + (query.isEmpty() ? "" : "&" + query), requirements, "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** Each ranked pair as "platform+technology status score must-tier", in order. */
    static List<String> ranking(JsonNode selection) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode i : selection.get("items"))
            out.add(i.at("/platform/id").asText() + "+" + i.at("/technology/id").asText() + " " + i.at("/compatibility/status").asText()
                    + " " + i.get("score").asText() + " " + i.get("must").asText());
        return out;
    }

    @Test
    void selectionTakesTheView() throws Exception {
        String linuxHybrid = "{\"guestOS\": {\"value\": \"Linux\", \"weight\": \"must\"}, \"deploymentModel\": \"Hybrid\"}";
        // view=paper ranks exactly as the knowledge base did before current sources were added.
        assertEquals(ranking(select(paperOnly, "", linuxHybrid)), ranking(select(full, "view=paper", linuxHybrid)));
        // On OpenStack: the paper's pairs; every source's, disputed flagged; or the newest source's.
        JsonNode paper = select(full, "view=paper&platform=OpenStack", "{}");
        JsonNode all = select(full, "platform=OpenStack", "{}");
        JsonNode now = select(full, "view=current&platform=OpenStack", "{}");
        assertEquals("paper", paper.get("view").asText());
        assertTrue(ranking(paper).contains("OpenStack+Xen supported 0.0 satisfied"), ranking(paper).toString());
        assertTrue(ranking(paper).stream().noneMatch(r -> r.startsWith("OpenStack+Virtuozzo")), "Virtuozzo is not in the paper");
        assertEquals(3, paper.at("/excluded/view").asInt(), "PowerVM, Virtuozzo and z/VM: only Nova names them");
        assertTrue(ranking(all).contains("OpenStack+Xen disputed 0.0 satisfied"), ranking(all).toString());
        assertTrue(ranking(all).contains("OpenStack+Virtuozzo supported 0.0 satisfied"), ranking(all).toString());
        assertEquals(0, all.at("/excluded/view").asInt());
        assertTrue(ranking(now).stream().noneMatch(r -> r.startsWith("OpenStack+Xen ") || r.startsWith("OpenStack+HyperV ") || r.startsWith("OpenStack+UML ")),
                "the newest sources say no: " + ranking(now));
        assertEquals(5, now.at("/excluded/view").asInt(), "Hyper-V, PowerVM, UML, Xen, XenServer");
        for (JsonNode i : now.get("items")) assertTrue(i.at("/compatibility/href").asText().endsWith("&view=current"), i.toString());
        // A requirement only a current source can answer is unknown in the paper's view, and says why.
        JsonNode feature = select(full, "view=paper&platform=OpenStack&technology=KVM&include=unknown",
                "{\"features\": {\"value\": [\"operation.live-migrate\"], \"weight\": \"must\"}}");
        JsonNode verdict = feature.at("/items/0/requirements/0");
        assertEquals("unknown", verdict.get("status").asText(), verdict.toString());
        assertTrue(verdict.get("reason").asText().startsWith("The paper does not say (view=paper)"), verdict.toString());
        assertEquals("satisfied", select(full, "platform=OpenStack&technology=KVM",
                "{\"features\": {\"value\": [\"operation.live-migrate\"], \"weight\": \"must\"}}").at("/items/0/requirements/0/status").asText());
        // A verdict resting on a paper fact cites the paper's sources only.
        JsonNode guest = select(full, "view=paper&platform=OpenStack&technology=KVM", "{\"guestOS\": \"Linux\"}").at("/items/0/requirements/0");
        assertEquals("satisfied", guest.get("status").asText(), guest.toString());
        for (JsonNode g : guest.get("sources").findValues("graph"))
            assertTrue(g.asText().startsWith("https://w3id.org/virtkg/source/paper"), guest.toString());
        assertTrue(guest.get("sources").size() > 0, guest.toString());
    }

    @Test
    void productPagesTakeTheView() throws Exception {
        // view=paper gives every value exactly as the knowledge base did before current sources were added.
        for (String product : List.of("technologies/KVM", "technologies/Xen", "technologies/LXD", "platforms/OpenStack", "platforms/Eucalyptus")) {
            JsonNode before = json(paperOnly.base() + "/api/" + product, 200);
            JsonNode paper = json(full.base() + "/api/" + product + "?view=paper", 200);
            assertEquals("paper", paper.get("view").asText());
            for (String field : List.of("kinds", "vmmType", "virtualization", "hostOS", "guestOS", "platforms", "basedOn", "hypervisors",
                    "deploymentModels", "serviceModels", "components", "features", "doesNotSupport", "limitations", "suitableForCloud"))
                assertEquals(claims(before.get(field)), claims(paper.get(field)), product + " " + field);
        }
        json(full.base() + "/api/technologies/Virtuozzo?view=paper", 404);
        // OpenStack's hypervisors: every source's (Xen disputed), or the newest source's (no Xen; Virtuozzo).
        JsonNode all = json(full.base() + "/api/platforms/OpenStack", 200);
        JsonNode now = json(full.base() + "/api/platforms/OpenStack?view=current", 200);
        assertTrue(value(all.get("hypervisors"), "Xen").get("disputed").asBoolean(), all.get("hypervisors").toString());
        assertNull(value(now.get("hypervisors"), "Xen"), now.get("hypervisors").toString());
        assertNull(value(now.get("hypervisors"), "HyperV"), now.get("hypervisors").toString());
        assertTrue(value(now.get("doesNotSupport"), "Xen") != null, now.get("doesNotSupport").toString());
        assertTrue(value(now.get("hypervisors"), "Virtuozzo") != null && value(now.get("hypervisors"), "KVM") != null, now.toString());
        assertNull(value(json(full.base() + "/api/technologies/Xen?view=current", 200).get("platforms"), "OpenStack"));
        // The page: a switch between the views, and the same values.
        String page = Fixtures.get(full.base() + "/id/OpenStack?view=current", "Accept", "text/html").body();
        assertTrue(page.contains("<strong aria-current=\"page\">the newest source wins</strong>"), page);
        assertTrue(page.contains("href=\"?view=paper\""), page);
        String supports = page.substring(page.indexOf("ontology#supports\""), page.indexOf("</dl>", page.indexOf("ontology#supports\"")));
        assertTrue(!supports.contains("href=\"/id/Xen\"") && supports.contains("href=\"/id/Virtuozzo\""), supports);
        // Paper and present: today's side holds the newest imported release's claims, dated and sourced (not train's).
        JsonNode sides = json(full.base() + "/api/lifecycles/OpenStack", 200);
        boolean xenGone = false;
        for (JsonNode f : sides.get("current")) {
            assertTrue(!f.get("source").asText().endsWith("/nova/train") && !f.get("source").asText().endsWith("/nova/2023.1"), f.toString());
            if (f.get("property").asText().equals("doesNotSupport") && f.get("value").asText().equals("Xen")) {
                xenGone = true;
                assertEquals("2026-04-01", f.get("asOf").asText(), f.toString());
                assertEquals(NOVA_2026_1, f.get("address").asText(), f.toString());
            }
        }
        assertTrue(xenGone, sides.get("current").toString());
        String paperPage = Fixtures.get(full.base() + "/id/OpenStack?view=paper", "Accept", "text/html").body();
        assertTrue(!paperPage.contains("href=\"/id/Virtuozzo\""), "Virtuozzo is not in the paper");
    }

    /**
     * A catalogue list's values as claims: id, basis, disputed, and the sources of stated ones (an
     * inferred value's sources are those of the derivation the reasoner recorded, one of several).
     */
    static List<String> claims(JsonNode values) {
        List<String> out = new java.util.ArrayList<>();
        if (values == null) return out;
        for (JsonNode v : values)
            out.add(v.get("id").asText() + " " + v.get("basis").asText() + " " + v.get("disputed").asText()
                    + (v.get("basis").asText().equals("stated") ? " " + v.get("sources") : ""));
        return out;
    }

    /** The value with this id in a catalogue list, or null. */
    static JsonNode value(JsonNode values, String id) {
        for (JsonNode v : values) if (v.get("id").asText().equals(id)) return v;
        return null;
    }

    static String matrixCell(String query, String technology, String platform) throws Exception {
        for (JsonNode c : json(full.base() + "/api/compatibility/matrix" + query, 200).get("cells"))
            if (c.get("technology").asText().equals(technology) && c.get("platform").asText().equals(platform)) return c.get("status").asText();
        throw new AssertionError(technology + " × " + platform + " not in the matrix" + query);
    }
}
