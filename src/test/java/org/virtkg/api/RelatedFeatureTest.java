package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The paper's live migration (id:LiveMigration; the paper says only that LXD lacks it) and Nova's
 * "Live migrate instance across hosts" (id:nova-operation-live-migrate, rated per driver) are
 * linked by the editors' reading (skos:closeMatch, data/outside.trig), and /id/LiveMigration shows
 * Nova's feature with its per-driver ratings and their sources, in HTML and JSON-LD (walk-through:
 * a question about live migration on OpenStack could not use Nova's statements). The expected
 * ratings are read off data/nova-2026.1.trig.
 */
class RelatedFeatureTest {
    static String base;
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String NOVA_2026 = "https://w3id.org/virtkg/source/nova/2026.1";
    static final String LINK = "https://w3id.org/virtkg/source/outside/LiveMigration/novaLiveMigrate";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    /** The table row of one driver in one release on the page, or null. */
    static String row(String html, String release, String driver) {
        Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(release) + "</td><td><a href=\"/id/nova-driver-" + Pattern.quote(driver)
                + "\">.*?</tr>").matcher(html);
        return m.find() ? m.group() : null;
    }

    @Test
    void thePageShowsNovasFeatureAsTheEditorsReadingWithEachDriversRatingAndSource() {
        var r = get(base + "/id/LiveMigration", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("Related feature: <a href=\"/id/nova-operation-live-migrate\">Live migrate instance across hosts</a>"), html);
        // Who states the link: the editors, in words, with the source that says so.
        assertTrue(html.contains("<strong class=\"badge editorial\">editorial reading</strong>"), "the link is marked the editors' reading");
        assertTrue(html.contains("<code>source/outside/LiveMigration/novaLiveMigrate</code>"), "the link's source is named");
        // Nova 2026.1: libvirt-kvm-x86 complete, libvirt-kvm-aarch64 and libvirt-lxc missing; each with its release's source.
        String kvm = row(html, "2026.1", "libvirt-kvm-x86");
        assertTrue(kvm != null && kvm.contains("<a href=\"/id/KVM\">KVM</a>") && kvm.contains("fully supported")
                && kvm.contains("<code>source/nova/2026.1</code>"), String.valueOf(kvm));
        String aarch64 = row(html, "2026.1", "libvirt-kvm-aarch64");
        assertTrue(aarch64 != null && aarch64.contains("not supported"), String.valueOf(aarch64));
        String lxc = row(html, "2026.1", "libvirt-lxc");
        assertTrue(lxc != null && lxc.contains("<a href=\"/id/LXC\">LXC</a>") && lxc.contains("not supported"), String.valueOf(lxc));
        // Every release's ratings, each with its own source: train still had the xenserver driver.
        String xenserver = row(html, "train", "xenserver");
        assertTrue(xenserver != null && xenserver.contains("<code>source/nova/train</code>"), String.valueOf(xenserver));
        // The paper alone knows nothing of Nova: its view of the page has no such section.
        String paper = get(base + "/id/LiveMigration?view=paper", "Accept", "text/html").body();
        assertTrue(!paper.contains("Related feature:"), "view=paper shows only the paper's facts");
    }

    @Test
    void itsJsonLdHasTheLinkTheRatingsAndWhatEachWasDerivedFrom() {
        var r = get(base + "/id/LiveMigration", "Accept", "application/ld+json");
        assertEquals(200, r.statusCode(), r.body());
        // A JSON client finds the feature itself at the top, the others embedded in it.
        String top = ShippedServer.json(get(base + "/id/LiveMigration", "Accept", "application/json"), 200).at("/@id").asText();
        assertTrue(top.equals(ID + "LiveMigration") || top.equals("id:LiveMigration"), top);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.JSONLD).parse(g);
        Node live = uri(ID + "LiveMigration"), nova = uri(ID + "nova-operation-live-migrate");
        assertTrue(g.contains(live, uri("http://www.w3.org/2004/02/skos/core#closeMatch"), nova), "the link");
        Node kvm = uri(NOVA_2026 + "/support/libvirt-kvm-x86/operation.live-migrate");
        assertTrue(g.contains(kvm, uri(VKG + "supportedFeature"), nova), "Nova 2026.1's rating of libvirt-kvm-x86");
        assertTrue(g.contains(kvm, uri(VKG + "supportLevel"), uri(ID + "FullSupport")));
        assertTrue(g.contains(kvm, uri(VKG + "driver"), uri(ID + "nova-driver-libvirt-kvm-x86")));
        assertTrue(g.contains(uri(ID + "nova-driver-libvirt-kvm-x86"), uri(VKG + "driverFor"), uri(ID + "KVM")));
        assertTrue(g.contains(uri(NOVA_2026 + "/support/libvirt-lxc/operation.live-migrate"), uri(VKG + "supportLevel"), uri(ID + "NoSupport")));
        // Its source: the release's matrix, described by its release and address.
        Node derived = uri("http://www.w3.org/ns/prov#wasDerivedFrom");
        assertTrue(g.contains(kvm, derived, uri(NOVA_2026)), "each rating names the release it comes from");
        assertTrue(g.contains(uri(NOVA_2026), uri(VKG + "release"), NodeFactory.createLiteralString("2026.1")));
        assertTrue(g.contains(uri(NOVA_2026), derived, uri(
                "https://github.com/openstack/nova/blob/d5c64e7aba09052601b59bf1297187d85da6b90b/doc/source/user/support-matrix.ini")));
    }

    @Test
    void theLinkIsTheEditorsReadingInItsOwnDescribedGraph() {
        // Who states the link: claim-sources names the one graph, whose description says it is the editors' reading.
        var r = ShippedServer.json(get(base + "/api/queries/claim-sources?subject=" + enc("id:LiveMigration")
                + "&property=" + enc("skos:closeMatch") + "&object=" + enc("id:nova-operation-live-migrate"),
                "Accept", "application/sparql-results+json"), 200);
        var rows = r.at("/results/bindings");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(LINK, rows.get(0).at("/source/value").asText());
        assertEquals("stated", rows.get(0).at("/basis/value").asText());
        assertTrue(rows.get(0).at("/editorialNote/value").asText().startsWith("The editors' reading, not a source's statement."), rows.toString());
    }
}
