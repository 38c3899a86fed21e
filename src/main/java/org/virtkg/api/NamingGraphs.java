package org.virtkg.api;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.Graphs;

/**
 * The asserted graphs that name a resource (a product a claim is about, a term a product is of),
 * and how a refusal lists them: what the delete guards of products and terms, and the product
 * routes' account of who states a resource, share.
 */
final class NamingGraphs {
    /** How many graphs a message names before "…". */
    private static final int SHOWN = 5;

    private NamingGraphs() {}

    /** IRIs of the asserted graphs, other than {@code except} (may be null), of the statements found, in IRI order. */
    static Set<String> of(Node except, List<Iterator<Quad>> found) {
        Set<String> out = new TreeSet<>();
        for (Iterator<Quad> it : found)
            it.forEachRemaining(q -> {
                if (!q.getGraph().equals(except) && KnowledgeBase.isAssertedGraph(q.getGraph())) out.add(q.getGraph().getURI());
            });
        return out;
    }

    /** The first few, comma-separated, with "…" when there are more. */
    static String listed(Set<String> graphs) {
        return String.join(", ", graphs.stream().limit(SHOWN).toList()) + (graphs.size() > SHOWN ? ", …" : "");
    }

    /**
     * For the first few graphs, the request that removes each: a claim's graph by withdrawing the
     * claim, a product's by deleting the product, any other (written with SPARQL Update or the
     * Graph Store Protocol) through the Graph Store Protocol; "…" when there are more.
     */
    static String removals(Set<String> graphs, org.apache.jena.sparql.core.DatasetGraph dsg) {
        List<String> out = graphs.stream().limit(SHOWN).map(g -> {
            if (g.startsWith(ClaimRoutes.PREFIX)) return "DELETE /api/claims/" + g.substring(ClaimRoutes.PREFIX.length());
            String id = g.startsWith(Graphs.USER) ? g.substring(Graphs.USER.length()) : "";
            Node product = org.apache.jena.graph.NodeFactory.createURI(Graphs.ID + id);
            if (!id.isEmpty() && dsg.contains(org.apache.jena.graph.NodeFactory.createURI(g), product, org.apache.jena.vocabulary.RDF.type.asNode(), Node.ANY))
                return "DELETE /api/products/" + id;
            return "DELETE /data?graph=" + g + " (admin)";
        }).toList();
        return String.join("; ", out) + (graphs.size() > SHOWN ? "; …" : "");
    }

    /** The graphs as a refusal's report. */
    static List<WriteRejectedException.NamingGraph> report(Set<String> graphs) {
        return graphs.stream().map(WriteRejectedException.NamingGraph::new).toList();
    }
}
