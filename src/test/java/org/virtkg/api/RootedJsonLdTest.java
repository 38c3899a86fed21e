package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link RootedJsonLd} on descriptions no shipped resource has (what an admin's Graph Store write
 * to a user graph could make): the answer is always the description's graph, framed with the
 * resource at the top where framing gives the graph back in a bounded size, else Jena's flat
 * {@code @graph}; never a failure, never an answer that grows with each level of shared nodes.
 */
class RootedJsonLdTest {
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String EX = "https://example.org/p#";

    static Graph turtle(String ttl) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("@prefix id: <" + ID + "> . @prefix ex: <" + EX + "> . " + ttl, Lang.TURTLE).parse(g);
        g.getPrefixMapping().setNsPrefix("id", ID).setNsPrefix("ex", EX);
        return g;
    }

    static JsonNode write(Graph g, String id) throws Exception {
        byte[] bytes = RootedJsonLd.write(g, NodeFactory.createURI(ID + id));
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(bytes, StandardCharsets.UTF_8), Lang.JSONLD).parse(back);
        assertTrue(back.isIsomorphicWith(g), "the answer is the description's graph");
        return Json.MAPPER.readTree(bytes);
    }

    @Test
    void aNodeThatOnlyRefersBackIsNestedUnderReverse() throws Exception {
        JsonNode doc = write(turtle("id:F ex:match id:G . id:R ex:feature id:G ; ex:level \"full\" ."), "F");
        assertEquals("id:F", doc.path("@id").asText(), doc.toString());
        assertFalse(doc.has("@graph"), doc.toString());
        assertTrue(doc.toString().contains("@reverse"), doc.toString());
    }

    @Test
    void nodesSharedAlongEveryPathAreAnsweredFlatNotRepeatedPerPath() throws Exception {
        // Each blank node reached two ways from the one before: 2^20 paths to the last.
        StringBuilder ttl = new StringBuilder("id:Chain ex:next _:b0 . ");
        for (int i = 0; i < 20; i++) ttl.append("_:b").append(i).append(" ex:a _:b").append(i + 1).append(" ; ex:b _:b").append(i + 1).append(" . ");
        ttl.append("_:b20 ex:end \"end\" .");
        Graph g = turtle(ttl.toString());
        assertTrue(RootedJsonLd.embedded(g, NodeFactory.createURI(ID + "Chain"), RootedJsonLd.reach(g, NodeFactory.createURI(ID + "Chain")))
                > RootedJsonLd.MAX_EMBEDDED_NODES);
        JsonNode doc = write(g, "Chain");
        assertTrue(doc.has("@graph"), "flat: " + doc.toString().length() + " characters");
        assertTrue(doc.toString().length() < 20_000, "as large as the graph, not as its paths: " + doc.toString().length());
    }

    @Test
    void aClassWithStatementsOfItsOwnReachedOnlyAsATypeIsStillInTheAnswer() throws Exception {
        // JSON-LD writes a type as a @type value, which framing never embeds: the answer is flat, whole.
        JsonNode doc = write(turtle("id:X a id:Rented ; ex:label \"x\" . id:Rented a ex:Service ; ex:label \"rented\" ."), "X");
        assertTrue(doc.toString().contains("rented"), doc.toString());
    }

    @Test
    void aLiteralJsonLdRewritesIsNoFailure() throws Exception {
        // rdf:JSON is written canonically (JCS), so framing does not give this literal back as it was.
        Graph g = turtle("id:J ex:data \"{ \\\"b\\\": 1,  \\\"a\\\": 2 }\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .");
        byte[] bytes = RootedJsonLd.write(g, NodeFactory.createURI(ID + "J"));
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(bytes, StandardCharsets.UTF_8), Lang.JSONLD).parse(back);
        assertEquals(1, back.size(), "the one statement, its JSON written canonically");
        assertTrue(back.contains(NodeFactory.createURI(ID + "J"), NodeFactory.createURI(EX + "data"), Node.ANY));
    }
}
