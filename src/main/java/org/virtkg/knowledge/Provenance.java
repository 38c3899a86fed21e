package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.Graphs;

/**
 * Where an asserted fact comes from: the named graphs that hold it, each with its description
 * (for the paper: table, row, column, cell text or section and quote; disputes).
 * Callers hold a read transaction.
 */
public final class Provenance {
    private Provenance() {}

    /**
     * What an answer cites as the ground of a fact: a source graph described ({@link Source}), a
     * release of an imported support matrix ({@link Release}), or an outside document no graph
     * describes, by its address ({@link Document}).
     */
    public sealed interface Cited permits Source, Release, Document {}

    /**
     * A source graph described: its IRI and role, then what the knowledge base says of it, one
     * member per property the vocabulary describes sources with (named by the property's local
     * name; null when the graph has none, left out where it is written), in the properties' IRI
     * order: how the paper's table cells and quoted sentences, the dated outside sources, the
     * imported support matrices and the graphs written through the API are described.
     */
    public record Source(String graph, String role, String type, String comment, String label, String generatedAtTime,
                         String wasAttributedTo, String wasDerivedFrom, String asOf, String caption, String cellOf, String cellText, String column,
                         Long columnIndex, String commit, String cornerText, String disputeNote, Boolean disputed, String editorialNote,
                         String quote, String release, String row, Long rowIndex, String section, String sourcePath, String table)
            implements Cited {}

    /** A release of an imported support matrix: its graph, its name and the date it speaks for. */
    public record Release(String graph, String release, String asOf) implements Cited {}

    /** An outside document cited by its address (a note's ground that is no graph of the store). */
    public record Document(String address) implements Cited {}

    /**
     * The graphs stating {@code t}, described, in IRI order: the store lists them in the order of its
     * node ids, which follows the order they were first written, so a restored or copied store would
     * otherwise list them differently.
     */
    public static List<Source> sourcesOf(DatasetGraph dsg, Triple t) {
        List<Node> graphs = new ArrayList<>();
        for (var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()); it.hasNext(); ) {
            Node g = it.next().getGraph();
            if (KnowledgeBase.isAssertedGraph(g) && !graphs.contains(g)) graphs.add(g);
        }
        graphs.sort(Comparator.comparing(Node::getURI));
        List<Source> out = new ArrayList<>();
        for (Node g : graphs) out.add(describe(dsg, g));
        return out;
    }

    /**
     * The sources of a fact that may be inferred: its own when a graph states it, else those of
     * the asserted facts its derivation rests on (the ontology's axioms left out: they are the
     * rules, not the evidence).
     */
    public static List<Source> sourcesOfDerived(KnowledgeBase kb, DatasetGraph dsg, Triple t) {
        List<Source> direct = sourcesOf(dsg, t);
        if (!direct.isEmpty()) return direct;
        var explanation = kb.withReasoner(r -> r.explain(t));
        if (explanation.isEmpty()) return direct;
        Map<String, Source> byGraph = new java.util.TreeMap<>();
        List<org.virtkg.reasoner.Explanation> pending = new ArrayList<>(List.of(explanation.get()));
        while (!pending.isEmpty()) {
            var e = pending.remove(pending.size() - 1);
            if (e.asserted()) {
                for (Source s : sourcesOf(dsg, e.triple()))
                    if (!"ontology".equals(s.role())) byGraph.putIfAbsent(s.graph(), s);
            }
            pending.addAll(e.premises());
        }
        return new ArrayList<>(byGraph.values());
    }

    /**
     * A source graph's description, with vocabulary terms shortened to their local names. One value
     * per key, chosen without regard to the store's order: members in predicate order, and of a
     * repeated key (a source is both a {@code vkg:Source} and a {@code prov:Entity}) the value in
     * virtkg's own vocabulary, else the first in IRI or text order. A property no member stands for
     * is not described; a value of another type than its member's is given as text (a number, a
     * yes or no) or not at all.
     */
    public static Source describe(DatasetGraph dsg, Node graph) {
        List<Quad> statements = new ArrayList<>();
        for (var it = dsg.find(Node.ANY, graph, Node.ANY, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            if (KnowledgeBase.isAssertedGraph(q.getGraph())) statements.add(q);
        }
        statements.sort(Comparator.comparing((Quad q) -> q.getPredicate().getURI())
                .thenComparing(q -> !(q.getObject().isURI() && q.getObject().getURI().startsWith(Graphs.VOCAB)))
                .thenComparing(q -> q.getObject().toString()));
        Map<String, Object> m = new LinkedHashMap<>();
        for (Quad q : statements) {
            String key = localName(q.getPredicate().getURI());
            Object value = q.getObject().isLiteral() ? q.getObject().getLiteralValue() : q.getObject().toString();
            m.putIfAbsent(key, value instanceof Number || value instanceof Boolean ? value : value.toString());
        }
        return new Source(graph.getURI(), Graphs.role(graph.getURI()), text(m, "type"), text(m, "comment"), text(m, "label"),
                text(m, "generatedAtTime"), text(m, "wasAttributedTo"), text(m, "wasDerivedFrom"), text(m, "asOf"), text(m, "caption"),
                text(m, "cellOf"), text(m, "cellText"), text(m, "column"), integer(m, "columnIndex"), text(m, "commit"), text(m, "cornerText"),
                text(m, "disputeNote"), m.get("disputed") instanceof Boolean b ? b : null, text(m, "editorialNote"), text(m, "quote"),
                text(m, "release"), text(m, "row"), integer(m, "rowIndex"), text(m, "section"), text(m, "sourcePath"), text(m, "table"));
    }

    private static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    private static Long integer(Map<String, Object> values, String key) {
        return values.get(key) instanceof Number n ? n.longValue() : null;
    }

    public static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }
}
