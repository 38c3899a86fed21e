package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

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
 * The paper's table cells from which no fact was read (data/paper-table1.trig, paper-table2.trig:
 * {@code vkg:cellOf}) are shown with the product whose column or row they are in, verbatim, with
 * their dispute or editorial note, on its page in every view and in its RDF description. Walk-through
 * 6: Table 1 gives Lguest's platforms as "Xen, KVM", a cell recorded as disputed, but
 * {@code /id/Lguest} showed no platform and never mentioned the cell; LXC's and OpenVZ's "No
 * hypervisor" were not mentioned either.
 */
class UnreadCellsTest {
    static String base;
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String SOURCE = "https://w3id.org/virtkg/source/paper/";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
    }

    static String page(String path) {
        var r = get(base + path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    @Test
    void aDisputedCellIsShownOnItsProductsPageInEveryView() {
        for (String view : new String[] {"all", "paper", "current"}) {
            String html = page("/id/Lguest?view=" + view);
            int section = html.indexOf("id=\"g-unread-cells\"");
            assertTrue(section > 0, view + ": a section for the cells read into no fact");
            String cells = html.substring(section);
            assertTrue(cells.contains("Table 1, row Service Provider/Cloud platform, column Lguest"), view + ": where the cell is");
            assertTrue(cells.contains("Xen, KVM"), view + ": the cell's text, verbatim");
            assertTrue(cells.contains("badge disputed"), view + ": marked disputed");
            assertTrue(cells.contains("names Xen and KVM, two hypervisors"), view + ": the dispute note, in the page's text");
        }
    }

    @Test
    void aCellReadAsNoPlatformSaysHowItWasRead() {
        for (String product : new String[] {"LXC", "OpenVZ"}) {
            String html = page("/id/" + product);
            String cells = html.substring(html.indexOf("id=\"g-unread-cells\""));
            assertTrue(cells.contains("No hypervisor"), product + ": the cell's text");
            assertTrue(cells.contains("needs no hypervisor") || cells.contains("need no hypervisor") || cells.contains("no platform is recorded"),
                    product + ": how it was read (the editorial note)");
            assertFalse(cells.contains("badge disputed"), product + ": a reading, not a dispute");
        }
        // A product every cell of which was read into facts has no such section.
        assertFalse(page("/id/KVM").contains("id=\"g-unread-cells\""));
    }

    /** docs/ontology.md: seven cells were read into no fact, and every such cell names its product. */
    @Test
    void everyCellReadIntoNoFactNamesItsProduct() throws Exception {
        String prefix = "PREFIX vkg: <" + VKG + "> ";
        String unread = "?c vkg:cellText ?text . FILTER NOT EXISTS { GRAPH ?c { ?s ?p ?o } } ";
        assertEquals(7, sparql(prefix + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { " + unread + "}").at("/results/bindings/0/n/value").asInt());
        assertEquals(0, sparql(prefix + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { " + unread
                + "FILTER NOT EXISTS { ?c vkg:cellOf ?product } }").at("/results/bindings/0/n/value").asInt(), "unread cells without vkg:cellOf");
        assertEquals(7, sparql(prefix + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c vkg:cellOf ?product }").at("/results/bindings/0/n/value").asInt());
    }

    static com.fasterxml.jackson.databind.JsonNode sparql(String query) throws Exception {
        var r = get(base + "/sparql?query=" + org.virtkg.testing.Fixtures.enc(query), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void theDescriptionLinksTheCellToItsProductWithItsText() {
        var r = get(base + "/id/TPlatform", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        Node cell = uri(SOURCE + "table2/TPlatform/supports");
        assertTrue(g.contains(cell, uri(VKG + "cellOf"), uri("https://w3id.org/virtkg/id/TPlatform")), r.body());
        assertTrue(g.contains(cell, uri(VKG + "cellText"), NodeFactory.createLiteralString("TFS and MapReduce")), "the cell's text");
        assertTrue(g.contains(cell, uri(VKG + "disputed"), Node.ANY), "its dispute");
        // As JSON-LD too, under the product (the link points to it: @reverse).
        var ld = get(base + "/id/TPlatform", "Accept", "application/ld+json");
        assertEquals(200, ld.statusCode());
        assertTrue(ld.body().contains("TFS and MapReduce"), ld.body());
    }
}
