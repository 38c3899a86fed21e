package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** /id/{name}: one resource in four formats, inferred facts included, 404 with suggestions. */
class ResourceApiTest {
    static VirtkgServer server;
    static String base;
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static Graph fetch(String accept, Lang lang) {
        var r = get(base + "/id/KVM", "Accept", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), lang).parse(g);
        return g;
    }

    static boolean has(Graph g, String s, String p, String o) {
        return g.contains(NodeFactory.createURI(s), NodeFactory.createURI(p), NodeFactory.createURI(o));
    }

    @Test
    void kvmInTurtleJsonLdAndNTriplesIsTheSameGraphWithInferences() {
        Graph ttl = fetch("text/turtle", Lang.TURTLE);
        Graph jsonld = fetch("application/ld+json", Lang.JSONLD);
        Graph nt = fetch("application/n-triples", Lang.NTRIPLES);
        assertTrue(has(ttl, ID + "KVM", VKG + "vmmType", ID + "Type1"), "asserted");
        assertTrue(has(ttl, ID + "KVM", VKG + "supportedBy", ID + "OpenStack"), "inferred from the inverse");
        assertTrue(has(ttl, ID + "KVM", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", VKG + "Type1Hypervisor"), "inferred class");
        assertTrue(ttl.isIsomorphicWith(nt), "Turtle and N-Triples agree");
        assertTrue(ttl.isIsomorphicWith(jsonld), "Turtle and JSON-LD agree");
        var plainJson = get(base + "/id/KVM", "Accept", "application/json");
        assertEquals(200, plainJson.statusCode());
        // JSON-LD for JSON clients: the node is KVM, its IRI compacted or not.
        String subject = assertJson(plainJson).at("/@id").textValue();
        assertTrue(subject.equals("https://w3id.org/virtkg/id/KVM") || subject.equals("id:KVM"), plainJson.body());
        assertEquals(200, get(base + "/id/kvm").statusCode(), "ids match ignoring case");
        assertTrue(get(base + "/id/KVM").body().contains("id:KVM"), "no Accept header: Turtle");
    }

    @Test
    void kvmAsAnAccessibleHtmlPage() {
        var r = get(base + "/id/KVM", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<h1>KVM</h1>"));
        assertTrue(html.contains("<a href=\"/id/OpenStack\">OpenStack</a>"), "values link to /id/...");
        assertTrue(html.contains("class=\"inferred\">inferred</span>"), "inferred facts are marked in text, not only colour");
        assertTrue(html.contains("<h2>Sources</h2>") && html.contains("Table 1"), "sources are listed");
        // The facts are server-rendered; scripts are external and only draw the neighbourhood graph.
        assertTrue(html.contains("<h2 id=\"g-compatibility\">Compatibility</h2>"), "facts are grouped");
        assertFalse(html.contains("<script>"), "no inline script");
        assertTrue(html.contains("<script type=\"module\" src=\"/js/product.js\">"), html);
    }

    @Test
    void unknownResourcesAnswer404WithSuggestionsAndUnsupportedFormats406() {
        var p = json(get(base + "/id/OpenStak", "Accept", "text/turtle"), 404);
        assertJson(p).at("/suggestions").hasItem("OpenStack");
        assertEquals(406, get(base + "/id/KVM", "Accept", "image/png").statusCode());
    }
}
