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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Links between entities (issue 14, item 4): LXD counts as container-based wherever a user asks for
 * container technologies (derived from the ontology's container hypervisor class, not special-cased),
 * XCP is based on Xen, the VMware family, Hyper-V is Windows Server virtualization; each link with its
 * source.
 */
class EntityLinksTest {
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
        values.forEach(v -> out.add(v.get("id").asText()));
        return out;
    }

    static JsonNode item(JsonNode items, String id) {
        for (JsonNode v : items) if (v.get("id").asText().equals(id)) return v;
        throw new AssertionError(id + " not in " + items);
    }

    static String html(String path) {
        var r = get(base + path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void platformsSupportingContainerTechnologiesListLxdNextToLxc() {
        JsonNode items = ok("/api/platforms?supports=ContainerTechnology&limit=500").get("items");
        JsonNode openStack = item(items, "OpenStack");
        assertTrue(ids(openStack.get("supports")).containsAll(List.of("LXC", "LXD")), openStack.toString());
        // The technology's own kinds say why: a container hypervisor is a container technology.
        JsonNode lxd = ok("/api/technologies/LXD");
        assertTrue(ids(lxd.get("kinds")).containsAll(List.of("ContainerHypervisor", "ContainerTechnology")), lxd.get("kinds").toString());
        // Every container technology uses OS-level virtualization: inferred next to Table 1's cell.
        JsonNode osLevel = item(lxd.get("virtualization"), "OSLevelVirtualization");
        assertEquals("inferred", osLevel.get("basis").asText(), osLevel.toString());
        assertEquals("stated", item(lxd.get("virtualization"), "FullVirtualization").get("basis").asText());
        // Hypervisors with a VMM type stay out.
        assertFalse(ids(openStack.get("supports")).contains("KVM"), openStack.toString());
    }

    @Test
    void theContainerPlatformsQueryListsOpenStackWithLxcAndLxd() {
        JsonNode r = ok("/api/queries/container-platforms");
        String techs = null;
        for (JsonNode b : r.at("/results/bindings"))
            if (b.at("/platform/value").asText().endsWith("/id/OpenStack")) techs = b.at("/containerTechnologies/value").asText();
        assertTrue(techs != null && techs.contains("LXC") && techs.contains("LXD"), "OpenStack row: " + techs + " in " + r);
    }

    @Test
    void aContainerOnlySelectionTreatsLxdAsContainerBasedThroughTheOntology() {
        JsonNode r = json(post(base + "/api/selection?limit=500",
                "{\"containerBased\": {\"value\": true, \"weight\": \"must\"}}", "Content-Type", "application/json"), 200);
        JsonNode lxd = null;
        for (JsonNode it : r.get("items"))
            if (it.at("/platform/id").asText().equals("OpenStack") && it.at("/technology/id").asText().equals("LXD")) lxd = it;
        assertTrue(lxd != null, "OpenStack+LXD is kept: " + r);
        JsonNode req = null;
        for (JsonNode q : lxd.get("requirements")) if (q.get("field").asText().equals("containerBased")) req = q;
        assertEquals("satisfied", req.get("status").asText(), req.toString());
        assertTrue(req.get("reason").asText().contains("container technology"), req.toString());
        // Inferred from Table 1's "Container hypervisor" cell through the ontology's subclass axiom.
        assertJson(req).hasTextBelowContaining("Type of VMM"); // the Table 1 cell behind it
    }

    @Test
    void xcpIsBasedOnXenWithTheXenProjectAsSource() {
        JsonNode xcp = ok("/api/platforms/XCP");
        assertTrue(ids(xcp.get("basedOn")).contains("Xen"), xcp.toString());
        assertJson(xcp).at("/sources").hasItemWith("/wasDerivedFrom", "https://wiki.xenproject.org/wiki/XCP_Overview");
        String page = html("/id/XCP");
        assertTrue(page.contains("<a href=\"/id/Xen\">Xen</a>"), "the link is on the product page");
        assertTrue(page.contains("<a href=\"https://wiki.xenproject.org/wiki/XCP_Overview\" rel=\"external noopener\">Xen Project: XCP overview</a>"),
                "and its source is cited with a link to the document");
    }

    @Test
    void theVmwareProductsBelongToTheVmwareFamily() {
        for (String member : List.of("VMwareESX", "VMwareVSphere", "VMwareWorkstation", "VMwareServer", "VMwareGSX")) {
            JsonNode t = ok("/api/technologies/" + member);
            assertTrue(ids(t.get("productFamily")).contains("VMware"), member + ": " + t);
            assertEquals("stated", t.get("productFamily").get(0).get("basis").asText(), "stated by the outside source");
        }
        JsonNode gsx = ok("/api/technologies/VMwareGSX");
        assertTrue(ids(gsx.get("sameProductAs")).contains("VMwareServer"), gsx.toString());
        // Symmetric: the other direction is inferred.
        JsonNode server = ok("/api/technologies/VMwareServer");
        assertTrue(ids(server.get("sameProductAs")).contains("VMwareGSX"), server.toString());
        assertJson(server).at("/sources").hasItemWith("/wasDerivedFrom", "https://en.wikipedia.org/wiki/VMware_Server");
        String page = html("/id/VMwareVSphere");
        assertTrue(page.contains("Related products") && page.contains("<a href=\"/id/VMware\">VMware</a>"), "family on the page");
        assertTrue(page.contains("VMware product pages"), "with its source");
    }

    @Test
    void hyperVIsWindowsServerVirtualization() {
        JsonNode hv = ok("/api/technologies/HyperV");
        assertTrue(ids(hv.get("sameProductAs")).contains("WindowsServerVirtualization"), hv.toString());
        JsonNode wsv = ok("/api/technologies/WindowsServerVirtualization");
        assertTrue(ids(wsv.get("sameProductAs")).contains("HyperV"), wsv.toString());
        assertJson(wsv).at("/sources").hasItemWith("/wasDerivedFrom", "https://en.wikipedia.org/wiki/Hyper-V");
        // Not owl:sameAs: each keeps one label and its own facts.
        assertEquals("Hyper-V", hv.get("label").asText());
        assertEquals("Windows Server virtualization", wsv.get("label").asText());
        assertTrue(html("/id/HyperV").contains("<a href=\"/id/WindowsServerVirtualization\">"), "linked on the page");
    }
}
