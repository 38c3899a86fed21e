package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The reasoner types XCP with the anonymous class expressions behind IaaSPlatform (a restriction
 * and an intersection). Answers meant for people leave those memberships out: SPARQL DESCRIBE,
 * /id/{name} in every format, the catalogue. A SPARQL SELECT that asks for them still gets them.
 */
class AnonymousClassesApiTest {
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String ID = "https://w3id.org/virtkg/id/";
    static final Node XCP = NodeFactory.createURI(ID + "XCP");
    static final Node TYPE = RDF.type.asNode();
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    static Graph sparqlGraph(String query) {
        var r = get(base + "/sparql?query=" + enc(query), "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body(), Lang.TURTLE);
    }

    static List<Triple> anonymousTypes(Graph g) {
        return g.find(Node.ANY, TYPE, Node.ANY).filterKeep(t -> t.getObject().isBlank()).toList();
    }

    @Test
    void selectStillReturnsTheAnonymousClassesWhenAskedFor() {
        String q = "PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT ?c ?v { <" + ID + "XCP> a ?c FILTER(isBlank(?c)) "
                + "OPTIONAL { ?c owl:hasValue ?v } }";
        JsonNode r = json(get(base + "/sparql?query=" + enc(q), "Accept", "application/sparql-results+json"), 200);
        JsonNode rows = r.at("/results/bindings");
        assertTrue(rows.size() >= 2, "the restriction and the intersection behind IaaSPlatform: " + rows);
        boolean restriction = false;
        for (JsonNode row : rows) {
            assertEquals("bnode", row.at("/c/type").asText());
            restriction |= row.at("/v/value").asText().equals(ID + "IaaS");
        }
        assertTrue(restriction, "the hasValue IaaS restriction: " + rows);
    }

    @Test
    void describeLeavesOutAnonymousTypes() {
        Graph g = sparqlGraph("DESCRIBE <" + ID + "XCP>");
        assertEquals(List.of(), anonymousTypes(g));
        assertFalse(g.find().toList().stream().anyMatch(t -> t.getSubject().isBlank()),
                "nor the class expressions those memberships would have pulled in");
        assertTrue(g.contains(XCP, TYPE, NodeFactory.createURI(VKG + "IaaSPlatform")), "named inferred types stay");
        assertTrue(g.contains(XCP, NodeFactory.createURI(VKG + "supports"), NodeFactory.createURI(ID + "Xen")), "facts stay");
    }

    @Test
    void describeKeepsOtherBlankNodeValues() {
        // ContainerTechnology's superclass restriction is a blank node that is a value, not a membership: it is described.
        Graph g = sparqlGraph("DESCRIBE <" + VKG + "ContainerTechnology>");
        Node ct = NodeFactory.createURI(VKG + "ContainerTechnology");
        List<Triple> restrictions = g.find(ct, RDFS.subClassOf.asNode(), Node.ANY).filterKeep(t -> t.getObject().isBlank()).toList();
        assertEquals(1, restrictions.size(), g.toString());
        Node r = restrictions.get(0).getObject();
        assertTrue(g.contains(r, OWL2.hasValue.asNode(), NodeFactory.createURI(ID + "OSLevelVirtualization")), g.toString());
        assertTrue(g.contains(r, OWL2.onProperty.asNode(), NodeFactory.createURI(VKG + "virtualization")), g.toString());
    }

    @Test
    void theResourceInEveryRdfFormatLeavesThemOut() {
        for (var f : List.of(new Object[] {"text/turtle", Lang.TURTLE}, new Object[] {"application/ld+json", Lang.JSONLD},
                new Object[] {"application/n-triples", Lang.NTRIPLES})) {
            var r = get(base + "/id/XCP", "Accept", (String) f[0]);
            assertEquals(200, r.statusCode(), r.body());
            Graph g = parse(r.body(), (Lang) f[1]);
            assertEquals(List.of(), anonymousTypes(g), f[0].toString());
            assertTrue(g.contains(XCP, TYPE, NodeFactory.createURI(VKG + "IaaSPlatform")), f[0] + ": named inferred types stay");
        }
    }

    @Test
    void theResourcePageLeavesThemOut() {
        var r = get(base + "/id/XCP", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<a href=\"/id/XCP\">") || html.contains("<h1>XCP</h1>"), "the XCP page");
        assertTrue(html.contains(">IaaS platform</a>"), "the named inferred type is listed");
        assertFalse(html.contains("(anonymous)"), "no anonymous class is listed as a type");
        assertFalse(html.contains("_:"), "no blank node label");
    }

    @Test
    void theCatalogueListsOnlyNamedClasses() {
        JsonNode p = json(get(base + "/api/platforms/XCP"), 200);
        List<String> kinds = new java.util.ArrayList<>();
        p.get("kinds").forEach(k -> kinds.add(k.get("id").asText()));
        assertTrue(kinds.contains("IaaSPlatform"), kinds.toString());
        for (String k : kinds) assertTrue(k.matches("[A-Za-z][A-Za-z0-9]*"), "a named vkg class: " + k);
        assertJson(p).hasNoTextBelowContaining("_:"); // no blank-node label anywhere
    }
}
