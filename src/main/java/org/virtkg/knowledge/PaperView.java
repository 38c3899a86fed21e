package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.claims.Claims;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.reasoner.RlReasoner;
import org.virtkg.store.Graphs;

/**
 * The knowledge base as the paper alone gives it ({@code view=paper}): the ontology, the paper's
 * source graphs and the outside clarifications of its statements ({@code source/paper/…},
 * {@code source/outside/…}), reasoned over on their own, without current sources
 * ({@code source/current/…}, {@code source/nova/…}) or users' graphs. A separate reasoner is what
 * makes the paper's answers exactly those it gave before current sources were added: a
 * conclusion the main reasoner draws may rest on a current fact. Built once per knowledge-base
 * version (a few thousand triples) and only read afterwards.
 */
public final class PaperView {
    private final RlReasoner reasoner;
    /** The paper's graphs' statements the reasoner was given. */
    private final List<Triple> facts;

    private PaperView(RlReasoner reasoner, List<Triple> facts) {
        this.reasoner = reasoner;
        this.facts = facts;
    }

    /** Graphs the paper view reads. */
    public static boolean isPaperGraph(String graph) {
        return graph.equals(Graphs.ONTOLOGY) || graph.startsWith(Graphs.GRAPH + "ontology/") || graph.startsWith(Graphs.DATA)
                || graph.equals(Graphs.SOURCE + "paper") || graph.startsWith(Graphs.SOURCE + "paper/")
                || graph.equals(Graphs.SOURCE + "outside") || graph.startsWith(Graphs.SOURCE + "outside/");
    }

    /** Reads the paper's graphs from {@code dsg} (the caller holds a read transaction). */
    static PaperView of(DatasetGraph dsg) {
        List<Triple> triples = new ArrayList<>();
        dsg.find().forEachRemaining(q -> {
            Node g = q.getGraph();
            if (g.isURI() && KnowledgeBase.isAssertedGraph(g) && isPaperGraph(g.getURI())) triples.add(q.asTriple());
        });
        RlReasoner r = RlReasoner.create();
        r.add(triples);
        return new PaperView(r, List.copyOf(triples));
    }

    public RlReasoner reasoner() {
        return reasoner;
    }

    private volatile Claims claims;

    /** The claims as the paper alone makes them: its notes, its disagreements, its reasoner's closure. */
    public Claims claims(Catalog catalog) {
        Claims c = claims;
        if (c != null) return c;
        synchronized (this) {
            if (claims == null)
                claims = Claims.build(new Claims.World() {
                    @Override
                    public boolean holds(Triple t) {
                        return reasoner.contains(t);
                    }

                    @Override
                    public boolean reads(String graph) {
                        return isPaperGraph(graph);
                    }

                    @Override
                    public java.util.Optional<org.virtkg.reasoner.Explanation> explain(Triple t) {
                        return reasoner.explain(t);
                    }

                    @Override
                    public List<Triple> assertedFacts() {
                        return facts;
                    }
                }, catalog.dataset(), reasoner.inconsistencies(), catalog::label);
            return claims;
        }
    }

    private volatile org.apache.jena.graph.Graph graph;

    /** The paper's closure as a graph (asserted and inferred), built on first use: what {@code view=paper} reads values from. */
    public org.apache.jena.graph.Graph graph() {
        org.apache.jena.graph.Graph g = graph;
        if (g != null) return g;
        synchronized (this) {
            if (graph == null) {
                org.apache.jena.graph.Graph built = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                reasoner.closure().forEach(built::add);
                graph = built;
            }
            return graph;
        }
    }

    public boolean isA(Node x, Node type) {
        return reasoner.contains(Triple.create(x, RDF.type.asNode(), type));
    }

    /** Instances of {@code type} in the paper's closure, in the catalogue's order (label, then IRI). */
    public List<Node> instances(Node type, Catalog catalog) {
        Set<Node> out = new LinkedHashSet<>();
        graph().find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Graphs.ID)) out.add(t.getSubject());
        });
        List<Node> list = new ArrayList<>(out);
        list.sort(Comparator.comparing((Node n) -> catalog.label(n), String.CASE_INSENSITIVE_ORDER).thenComparing(Node::getURI));
        return list;
    }
}
