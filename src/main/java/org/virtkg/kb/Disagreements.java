package org.virtkg.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.reasoner.Explanation;
import org.virtkg.reasoner.Inconsistency;
import org.virtkg.store.Graphs;

/**
 * When statements cannot all hold, whose statements are they? The reasoner reports an
 * inconsistency with the triples it rests on; this class traces them to the asserted facts and the
 * source graphs that state them, and judges a write by the answer:
 *
 * <ul>
 *   <li>facts of <em>one</em> source that cannot hold together: the source contradicts itself, a
 *       genuine logical inconsistency: refused ({@code inconsistent});
 *   <li>facts of different sources: a <em>disagreement</em>. Recorded when every fact the change
 *       brings into it carries a source of its own (a shipped or imported source graph, or a user
 *       graph that says what it is derived from, {@code prov:wasDerivedFrom}); the answers about
 *       those facts then say {@code disputed}, with both sides. Refused ({@code contradiction})
 *       when a fact the change brings has no source: an unsourced word against a sourced one is
 *       not a disagreement worth recording.
 * </ul>
 *
 * <p>Nothing here knows which properties or classes conflict: that is the ontology's axioms (for
 * example {@code vkg:supports owl:propertyDisjointWith vkg:doesNotSupport}, or Table 1's disjoint
 * VMM types), applied by the reasoner.
 */
public final class Disagreements {
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");

    private Disagreements() {}

    /** One inconsistency, traced: the asserted facts it rests on (axioms left out), and who states each. */
    public record Traced(Inconsistency inconsistency, Map<Triple, List<Node>> facts) {
        /** The one graph stating every fact, or null when the facts come from different sources. */
        public Node commonSource() {
            Set<Node> common = null;
            for (List<Node> graphs : facts.values()) {
                if (common == null) common = new LinkedHashSet<>(graphs);
                else common.retainAll(graphs);
            }
            return common == null || common.isEmpty() ? null : common.iterator().next();
        }
    }

    /** A stable key per inconsistency: its rule and premises, so the ones a change introduces can be told apart. */
    public static Set<String> keys(Collection<Inconsistency> incs) {
        Set<String> out = new HashSet<>();
        for (Inconsistency inc : incs) out.add(key(inc));
        return out;
    }

    public static String key(Inconsistency inc) {
        List<String> ts = new ArrayList<>();
        for (Triple t : inc.triples()) ts.add(t.toString());
        ts.sort(null);
        return inc.rule() + ts;
    }

    /**
     * The asserted facts {@code inc} rests on with the graphs stating them, read from {@code dsg}
     * (the caller's transaction). A leaf stated only by the ontology or a terms graph is an axiom,
     * not a fact: the rules everyone shares, not a side of a disagreement.
     */
    public static Traced trace(DatasetGraph dsg, Inconsistency inc) {
        return new Traced(inc, factsOf(dsg, inc.explanations(), graph -> true));
    }

    /**
     * The asserted facts (not axioms) the explanation trees rest on, each with the graphs that
     * state it and that {@code reads} accepts; facts no such graph states are left out.
     */
    public static Map<Triple, List<Node>> factsOf(DatasetGraph dsg, List<Explanation> roots, java.util.function.Predicate<String> reads) {
        Map<Triple, List<Node>> facts = new LinkedHashMap<>();
        List<Explanation> pending = new ArrayList<>(roots);
        Set<Triple> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Explanation e = pending.remove(pending.size() - 1);
            if (!seen.add(e.triple())) continue;
            if (e.asserted()) {
                List<Node> graphs = new ArrayList<>();
                for (Node g : statingGraphs(dsg, e.triple())) if (reads.test(g.getURI())) graphs.add(g);
                if (!graphs.isEmpty()) facts.put(e.triple(), graphs);
            }
            pending.addAll(e.premises());
        }
        return facts;
    }

    /**
     * Asserted graphs, other than the ontology's and terms graphs, that state {@code t}, in IRI
     * order (not the store's, which a restored or copied store has otherwise).
     */
    public static List<Node> statingGraphs(DatasetGraph dsg, Triple t) {
        List<Node> out = new ArrayList<>();
        dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
            Node g = q.getGraph();
            if (KnowledgeBase.isAssertedGraph(g) && isFactGraph(g.getURI())) out.add(g);
        });
        out.sort(java.util.Comparator.comparing(Node::getURI));
        return out;
    }

    static boolean isFactGraph(String graph) {
        String role = Graphs.role(graph);
        return !role.equals("ontology") && !role.equals("terms") && !role.equals("shapes");
    }

    /** True when the graph is a source of its own: shipped or imported, or it says what it is derived from. */
    public static boolean isSourced(DatasetGraph dsg, Node graph) {
        String iri = graph.getURI();
        if (iri.startsWith(Graphs.SOURCE) || iri.startsWith(Graphs.DATA)) return true;
        return dsg.find(graph, graph, DERIVED_FROM, Node.ANY).hasNext();
    }

    /**
     * True when {@code restated} (quads a change added whose triples other graphs already state)
     * states one of the asserted facts {@code inc} rests on: the change takes a side of a
     * disagreement already there, which must then be judged as a new one would be.
     */
    static boolean restates(DatasetGraph dsg, Inconsistency inc, Set<Quad> restated) {
        if (restated.isEmpty()) return false;
        Set<Triple> facts = trace(dsg, inc).facts().keySet();
        for (Quad q : restated) if (facts.contains(q.asTriple())) return true;
        return false;
    }

    /**
     * Judges the inconsistencies a change introduced or restates a side of ({@code fresh}), given the quads it added.
     * Returns normally when each is a recorded disagreement between sourced statements; throws
     * {@link WriteRejectedException} otherwise, naming the statements and who states them.
     */
    static void judge(DatasetGraph dsg, List<Inconsistency> fresh, Set<Quad> added) {
        List<WriteRejectedException.Inconsistent> selfContradictions = new ArrayList<>();
        for (Inconsistency inc : fresh) {
            Traced traced = trace(dsg, inc);
            if (traced.facts().isEmpty() || traced.commonSource() != null) {
                selfContradictions.add(reportOf(traced));
                continue;
            }
            // The facts this change brings into the disagreement, and the graphs it put them in.
            Map<Triple, List<Node>> brought = new LinkedHashMap<>();
            for (Quad q : added)
                if (traced.facts().containsKey(q.asTriple()))
                    brought.computeIfAbsent(q.asTriple(), k -> new ArrayList<>()).add(q.getGraph());
            if (brought.isEmpty()) {
                // The change brought no fact into it (an axiom did it, or a removal): statements
                // that agreed before now contradict each other. That is the change's doing.
                selfContradictions.add(reportOf(traced));
                continue;
            }
            for (var e : brought.entrySet()) {
                boolean sourced = e.getValue().stream().anyMatch(g -> isSourced(dsg, g));
                if (sourced) continue;
                WriteRejectedException.Inconsistent found = reportOf(traced);
                List<WriteRejectedException.Contradicted> others = new ArrayList<>();
                List<String> said = new ArrayList<>();
                for (var f : traced.facts().entrySet()) {
                    if (f.getKey().equals(e.getKey())) continue;
                    others.add(new WriteRejectedException.Contradicted(KnowledgeBase.tripleString(f.getKey()),
                            f.getValue().stream().map(Node::getURI).toList()));
                    said.add("'" + words(dsg, f.getKey()) + "', which " + String.join(" and ",
                            f.getValue().stream().map(g -> name(dsg, g) + " (" + g.getURI() + ")").toList())
                            + (f.getValue().size() == 1 ? " states" : " state"));
                }
                // Nothing was kept: the graphs this change would have stated it in are named by no one.
                var report = new WriteRejectedException.Inconsistent(found.rule(), found.message(), found.triples(),
                        found.explanations(), unstated(found.statedBy(), e.getKey(), e.getValue()), KnowledgeBase.tripleString(e.getKey()), others);
                throw new WriteRejectedException("contradiction", "The statement '" + words(dsg, e.getKey()) + "' contradicts "
                        + String.join("; and ", said) + ". A statement that contradicts a sourced one is recorded only with a "
                        + "source of its own: send it with a 'source' URL (POST /api/claims), and both are then shown as disputed",
                        List.of(report));
            }
        }
        if (!selfContradictions.isEmpty())
            throw new WriteRejectedException("inconsistent", "The change would make the knowledge base inconsistent", selfContradictions);
    }

    /** "CloudStack does not support KVM": a triple in words, from the labels the knowledge base has. */
    static String words(DatasetGraph dsg, Triple t) {
        return name(dsg, t.getSubject()) + " " + name(dsg, t.getPredicate()) + " "
                + (t.getObject().isLiteral() ? "'" + t.getObject().getLiteralLexicalForm() + "'" : name(dsg, t.getObject()));
    }

    /** A resource's English (or any) label, else the last part of its IRI. */
    static String name(DatasetGraph dsg, Node n) {
        if (!n.isURI()) return n.toString();
        String any = null;
        for (var it = dsg.find(Node.ANY, n, LABEL, Node.ANY); it.hasNext(); ) {
            Node l = it.next().getObject();
            if (!l.isLiteral()) continue;
            if (l.getLiteralLanguage().isEmpty() || l.getLiteralLanguage().startsWith("en")) return l.getLiteralLexicalForm();
            if (any == null) any = l.getLiteralLexicalForm();
        }
        if (any != null) return any;
        String iri = n.getURI();
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    /** {@code statedBy} of a refusal without the graphs the refused change would have put {@code fact} in (it kept nothing). */
    private static Map<String, List<String>> unstated(Map<String, List<String>> statedBy, Triple fact, List<Node> refusedGraphs) {
        Map<String, List<String>> out = new LinkedHashMap<>(statedBy);
        String key = KnowledgeBase.tripleString(fact);
        List<String> kept = out.get(key).stream().filter(g -> refusedGraphs.stream().noneMatch(r -> r.getURI().equals(g))).toList();
        if (kept.isEmpty()) out.remove(key);
        else out.put(key, kept);
        return out;
    }

    private static WriteRejectedException.Inconsistent reportOf(Traced traced) {
        WriteRejectedException.Inconsistent found = KnowledgeBase.report(List.of(traced.inconsistency())).get(0);
        Map<String, List<String>> facts = new LinkedHashMap<>();
        traced.facts().forEach((t, graphs) -> facts.put(KnowledgeBase.tripleString(t), graphs.stream().map(Node::getURI).toList()));
        return new WriteRejectedException.Inconsistent(found.rule(), found.message(), found.triples(), found.explanations(), facts, null, null);
    }
}
