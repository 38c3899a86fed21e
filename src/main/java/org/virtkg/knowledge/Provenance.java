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
     * The graphs stating {@code t}, described, in IRI order: the store lists them in the order of its
     * node ids, which follows the order they were first written, so a restored or copied store would
     * otherwise list them differently.
     */
    public static List<Map<String, Object>> sourcesOf(DatasetGraph dsg, Triple t) {
        List<Node> graphs = new ArrayList<>();
        for (var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()); it.hasNext(); ) {
            Node g = it.next().getGraph();
            if (KnowledgeBase.isAssertedGraph(g) && !graphs.contains(g)) graphs.add(g);
        }
        graphs.sort(Comparator.comparing(Node::getURI));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node g : graphs) out.add(describe(dsg, g));
        return out;
    }

    /**
     * The sources of a fact that may be inferred: its own when a graph states it, else those of
     * the asserted facts its derivation rests on (the ontology's axioms left out: they are the
     * rules, not the evidence).
     */
    public static List<Map<String, Object>> sourcesOfDerived(KnowledgeBase kb, DatasetGraph dsg, Triple t) {
        List<Map<String, Object>> direct = sourcesOf(dsg, t);
        if (!direct.isEmpty()) return direct;
        var explanation = kb.withReasoner(r -> r.explain(t));
        if (explanation.isEmpty()) return direct;
        Map<String, Map<String, Object>> byGraph = new java.util.TreeMap<>();
        List<org.virtkg.reasoner.Explanation> pending = new ArrayList<>(List.of(explanation.get()));
        while (!pending.isEmpty()) {
            var e = pending.remove(pending.size() - 1);
            if (e.asserted()) {
                for (Map<String, Object> s : sourcesOf(dsg, e.triple()))
                    if (!"ontology".equals(s.get("role"))) byGraph.putIfAbsent((String) s.get("graph"), s);
            }
            pending.addAll(e.premises());
        }
        return new ArrayList<>(byGraph.values());
    }

    /**
     * A source graph's description, with vocabulary terms shortened to their local names. One value
     * per key, chosen without regard to the store's order: members in predicate order, and of a
     * repeated key (a source is both a {@code vkg:Source} and a {@code prov:Entity}) the value in
     * virtkg's own vocabulary, else the first in IRI or text order.
     */
    public static Map<String, Object> describe(DatasetGraph dsg, Node graph) {
        List<Quad> statements = new ArrayList<>();
        for (var it = dsg.find(Node.ANY, graph, Node.ANY, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            if (KnowledgeBase.isAssertedGraph(q.getGraph())) statements.add(q);
        }
        statements.sort(Comparator.comparing((Quad q) -> q.getPredicate().getURI())
                .thenComparing(q -> !(q.getObject().isURI() && q.getObject().getURI().startsWith(Graphs.VOCAB)))
                .thenComparing(q -> q.getObject().toString()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("graph", graph.getURI());
        m.put("role", Graphs.role(graph.getURI()));
        for (Quad q : statements) {
            String key = localName(q.getPredicate().getURI());
            Object value = q.getObject().isLiteral() ? q.getObject().getLiteralValue() : q.getObject().toString();
            if (value instanceof Number || value instanceof Boolean) m.putIfAbsent(key, value);
            else m.putIfAbsent(key, value.toString());
        }
        return m;
    }

    public static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }
}
