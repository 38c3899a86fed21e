package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * {@code /id/{name}} as RDF (Turtle, JSON-LD, N-Triples) in the view the request names, as its
 * page is: {@code view=paper} the paper's facts alone, {@code current} without a support claim a
 * newer source contradicts, {@code all} (the default) every source's (walk-through: {@code curl -H
 * 'Accept: text/turtle' '/id/KVM?view=paper'} answered every source's facts). The paper says
 * OpenStack supports Xen; Nova's later matrices say it no longer does (data/nova-*.trig).
 */
class ResourceViewsTest {
    static String base;
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
    }

    static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    static Graph rdf(String path, String accept, Lang lang) {
        var r = get(base + path, "Accept", accept);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), lang).parse(g);
        return g;
    }

    static Graph turtle(String path) {
        return rdf(path, "text/turtle", Lang.TURTLE);
    }

    static boolean has(Graph g, String s, String p, String o) {
        return g.contains(uri(ID + s), uri(VKG + p), uri(ID + o));
    }

    @Test
    void thePapersFactsAloneUnderPaperTheNewestSourcesUnderCurrentEverySourcesUnderAll() {
        Graph paper = turtle("/id/OpenStack?view=paper"), current = turtle("/id/OpenStack?view=current"), all = turtle("/id/OpenStack?view=all");
        assertTrue(has(all, "OpenStack", "supports", "Xen") && has(all, "OpenStack", "doesNotSupport", "Xen"), "all: both sides of the dispute");
        assertTrue(has(paper, "OpenStack", "supports", "Xen"), "paper: Table 2's support");
        assertFalse(has(paper, "OpenStack", "doesNotSupport", "Xen"), "paper: not what only Nova's later matrices state");
        assertFalse(has(paper, "OpenStack", "supports", "ZVM"), "paper: z/VM is in Nova's matrices only");
        assertTrue(has(current, "OpenStack", "doesNotSupport", "Xen"), "current: the newest source's word");
        assertFalse(has(current, "OpenStack", "supports", "Xen"), "current: the support a newer source contradicts is left out");
        assertTrue(has(current, "OpenStack", "supports", "KVM"), "current: an undisputed support stays");
        // The default is every source's, as before.
        assertTrue(turtle("/id/OpenStack").isIsomorphicWith(all), "no view: all");
        // Not only support claims: a lifecycle is a current source's fact.
        assertTrue(has(turtle("/id/Lguest"), "Lguest", "lifecycleStatus", "Discontinued"));
        assertFalse(has(turtle("/id/Lguest?view=paper"), "Lguest", "lifecycleStatus", "Discontinued"), "paper: no lifecycle");
    }

    @Test
    void everyRdfFormatGivesTheViewsGraph() {
        Graph paper = turtle("/id/OpenStack?view=paper");
        assertTrue(rdf("/id/OpenStack?view=paper", "application/n-triples", Lang.NTRIPLES).isIsomorphicWith(paper), "N-Triples");
        var jsonld = get(base + "/id/OpenStack?view=paper", "Accept", "application/ld+json");
        Graph fromJsonLd = GraphFactory.createDefaultGraph();
        RDFParser.fromString(jsonld.body(), Lang.JSONLD).parse(fromJsonLd);
        assertTrue(fromJsonLd.isIsomorphicWith(paper), "JSON-LD");
        String top = json(jsonld, 200).at("/@id").asText();
        assertTrue(top.equals(ID + "OpenStack") || top.equals("id:OpenStack"), top);
    }

    @Test
    void aCommercialServiceIsMarkedByTheViewsOwnWordAndAnotherSourcesRatingsAreNotThePapers() {
        // The paper's section 1 makes Amazon EC2 a commercial service: KVM's description says so in view=paper too.
        Graph kvm = turtle("/id/KVM?view=paper");
        assertTrue(kvm.contains(uri(ID + "AmazonEC2"), RDF.type.asNode(), uri(VKG + "CommercialService")), "the paper's own mark");
        // Nova's ratings of the feature matched with live migration are not the paper's, as on the page.
        Node supportedFeature = uri(VKG + "supportedFeature");
        assertTrue(turtle("/id/LiveMigration").contains(Node.ANY, supportedFeature, uri(ID + "nova-operation-live-migrate")), "all");
        assertTrue(turtle("/id/LiveMigration?view=current").contains(Node.ANY, supportedFeature, Node.ANY), "current");
        assertFalse(turtle("/id/LiveMigration?view=paper").contains(Node.ANY, supportedFeature, Node.ANY), "paper");
    }

    @Test
    void aResourceThePaperDoesNotKnowHasNoFactsInItsViewAndIsStillTheTopNode() {
        String path = "/id/nova-driver-libvirt-kvm-x86";
        assertFalse(turtle(path).isEmpty(), "every source's");
        assertTrue(turtle(path + "?view=paper").isEmpty(), "the paper knows no Nova driver");
        var jsonld = get(base + path + "?view=paper", "Accept", "application/ld+json");
        String top = json(jsonld, 200).at("/@id").asText();
        assertTrue(top.equals(ID + "nova-driver-libvirt-kvm-x86") || top.equals("id:nova-driver-libvirt-kvm-x86"), jsonld.body());
    }

    @Test
    void anUnknownViewIs400AndEachViewRevalidatesOnItsOwnAddress() {
        var bad = json(get(base + "/id/OpenStack?view=newest", "Accept", "text/turtle"), 400);
        assertJson(bad).at("/parameter").is("view");
        assertTrue(bad.at("/detail").asText().contains("paper"), bad.toString());
        // The view is part of the address, so a cache keeps one validator per view; each revalidates as the others do.
        var paper = get(base + "/id/OpenStack?view=paper", "Accept", "text/turtle");
        String etag = paper.headers().firstValue("ETag").orElseThrow();
        assertTrue(paper.headers().allValues("Vary").toString().contains("Accept"), paper.headers().toString());
        assertEquals(304, get(base + "/id/OpenStack?view=paper", "Accept", "text/turtle", "If-None-Match", etag).statusCode());
        assertEquals(400, get(base + "/id/OpenStack?view=newest", "Accept", "text/turtle", "If-None-Match", etag).statusCode(),
                "the view is checked before the validator");
    }
}
