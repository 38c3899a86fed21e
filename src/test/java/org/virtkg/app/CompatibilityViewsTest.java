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

    @Test
    void lguestIsMarkedDiscontinuedUnderTheCurrentView() throws Exception {
        JsonNode now = json(full.base() + "/api/compatibility?technology=Lguest&platform=OpenStack&view=current", 200);
        assertEquals("discontinued", now.at("/lifecycle/technology/status").asText(), now.toString());
        assertEquals("4.14", now.at("/lifecycle/technology/removedFromLinuxIn").asText(), now.toString());
        assertTrue(now.at("/lifecycle/technology/address").asText().startsWith("https://git.kernel.org/"), now.toString());
        assertEquals("2017-11-12", now.at("/lifecycle/technology/asOf").asText());
        assertEquals("maintained", now.at("/lifecycle/platform/status").asText(), now.toString());
        // The matrix names the lifecycle of every product a current source speaks of.
        JsonNode matrix = json(full.base() + "/api/compatibility/matrix?view=current", 200);
        assertEquals("discontinued", matrix.at("/lifecycles/Lguest").asText(), matrix.get("lifecycles").toString());
        assertEquals("forked", matrix.at("/lifecycles/LXD").asText());
        assertTrue(matrix.at("/lifecycles/VirtualBox").isMissingNode(), "no current source speaks of VirtualBox");
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
        // The newest source wins under view=current; the paper's answer stays under view=paper.
        JsonNode now = json(q + "&view=current", 200);
        assertEquals("unsupported", now.get("status").asText(), now.toString());
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

    static String matrixCell(String query, String technology, String platform) throws Exception {
        for (JsonNode c : json(full.base() + "/api/compatibility/matrix" + query, 200).get("cells"))
            if (c.get("technology").asText().equals(technology) && c.get("platform").asText().equals(platform)) return c.get("status").asText();
        throw new AssertionError(technology + " × " + platform + " not in the matrix" + query);
    }
}
