package org.virtkg.reasoner;

import java.io.StringReader;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/** Small helpers for reasoner tests: Turtle snippets with common prefixes. */
final class RlTestSupport {
    static final String PREFIXES = """
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            @prefix : <http://ex.org/> .
            """;

    private RlTestSupport() {}

    static List<Triple> ttl(String body) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(PREFIXES + body)).lang(Lang.TURTLE).parse(g);
        return g.find().toList();
    }

    static Node ex(String local) { return NodeFactory.createURI("http://ex.org/" + local); }

    static Node rdf(String local) { return NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#" + local); }

    static Node rdfs(String local) { return NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#" + local); }

    static Node owl(String local) { return NodeFactory.createURI("http://www.w3.org/2002/07/owl#" + local); }

    static Triple t(Node s, Node p, Node o) { return Triple.create(s, p, o); }

    static Triple type(String s, String c) { return Triple.create(ex(s), rdf("type"), ex(c)); }

    static Triple tr(String s, String p, String o) { return Triple.create(ex(s), ex(p), ex(o)); }

    static RlReasoner reason(String body) {
        RlReasoner r = RlReasoner.create();
        r.add(ttl(body));
        return r;
    }
}
