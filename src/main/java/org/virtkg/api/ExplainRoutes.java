package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
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
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Provenance;
import org.virtkg.reasoner.Explanation;
import org.virtkg.store.Graphs;

/**
 * {@code GET /api/explain?s=&p=&o=}: why the knowledge base holds a triple — the rule and premises,
 * recursively, down to asserted triples and the sources that state them. A rule step that used
 * ontology axioms also names why those axioms hold: the {@code vkg:justification} of the terms
 * that carry them (docs/reasoning.md, "Justifications").
 */
public final class ExplainRoutes {
    private final KnowledgeBase kb;
    /** For naming a term nothing in the knowledge base uses, with the ids nearest it; null where only explanations are asked for. */
    private final Knowledge knowledge;

    public ExplainRoutes(KnowledgeBase kb) {
        this(kb, null);
    }

    public ExplainRoutes(KnowledgeBase kb, Knowledge knowledge) {
        this.kb = kb;
        this.knowledge = knowledge;
    }

    public void explain(Context ctx) {
        Triple t = Triple.create(Terms.parse("s", ctx.queryParam("s")), Terms.parse("p", ctx.queryParam("p")),
                Terms.parse("o", ctx.queryParam("o")));
        Map<String, Object> body = explanation(t);
        if (body == null && knowledge != null) knowledge.read(catalog -> {
            // A typo (s=XPC) is not an open-world unknown: say which term nothing uses, and the nearest ids.
            Ids.refuseUnused(catalog, "s", t.getSubject());
            Ids.refuseUnused(catalog, "p", t.getPredicate());
            Ids.refuseUnused(catalog, "o", t.getObject());
            return null;
        });
        if (body == null)
            throw new ProblemException(Problem.of(404, "The knowledge base does not state or entail "
                    + FmtUtils.stringForTriple(t, (org.apache.jena.shared.PrefixMapping) null)
                    + ". Under the open-world assumption that means unknown, not false.").withTruth("unknown"));
        ctx.json(body);
    }

    /** The explanation of {@code t} as JSON-ready maps, or {@code null} when it does not hold. */
    public Map<String, Object> explanation(Triple t) {
        return render(t, kb.withReasoner(r -> r.explain(t)), g -> true);
    }

    /**
     * The explanation of {@code t} by another reasoner (a view's, e.g. the paper's alone), citing
     * only the source graphs {@code graphs} accepts; {@code null} when it does not hold there.
     */
    public Map<String, Object> explanation(Triple t, org.virtkg.reasoner.RlReasoner reasoner, java.util.function.Predicate<String> graphs) {
        return render(t, reasoner.explain(t), graphs);
    }

    private Map<String, Object> render(Triple t, java.util.Optional<Explanation> explanation, java.util.function.Predicate<String> graphs) {
        if (explanation.isEmpty()) return null;
        return kb.read(snapshot -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("triple", term(t));
            body.put("status", explanation.get().asserted() ? "asserted" : "inferred");
            body.put("explanation", tree(snapshot.dataset(), explanation.get(), graphs));
            return body;
        });
    }

    private Map<String, Object> tree(DatasetGraph dsg, Explanation e, java.util.function.Predicate<String> graphs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("triple", term(e.triple()));
        m.put("rule", e.rule());
        m.put("asserted", e.asserted());
        if (e.asserted())
            m.put("sources", Provenance.sourcesOf(dsg, e.triple()).stream().filter(s -> graphs.test((String) s.get("graph"))).toList());
        if (!e.premises().isEmpty()) {
            m.put("premises", e.premises().stream().map(p -> tree(dsg, p, graphs)).toList());
            List<Map<String, Object>> why = justifications(dsg, e.premises());
            if (!why.isEmpty()) m.put("justification", why);
        }
        return m;
    }

    static final Node JUSTIFICATION = NodeFactory.createURI(Graphs.VOCAB + "justification");

    /**
     * Predicates through which a blank node is part of a larger axiom: a restriction inside an
     * intersection, a list cell, the class an equivalence defines. Followed upwards to the named
     * term that carries the axiom.
     */
    private static final Set<Node> STRUCTURE = Set.of(RDF.first.asNode(), RDF.rest.asNode(), OWL2.equivalentClass.asNode(),
            RDFS.subClassOf.asNode(), OWL2.intersectionOf.asNode(), OWL2.unionOf.asNode(), OWL2.complementOf.asNode(),
            OWL2.someValuesFrom.asNode(), OWL2.allValuesFrom.asNode(), OWL2.onClass.asNode(), OWL2.members.asNode(),
            OWL2.propertyChainAxiom.asNode(), OWL2.disjointWith.asNode(), OWL2.oneOf.asNode(), OWL2.hasKey.asNode());

    /**
     * The justifications of the axioms among {@code premises}: for each premise that is a schema
     * triple (an RDFS or OWL term as predicate, or a type that is one), the
     * {@code vkg:justification} of the term that carries the axiom.
     */
    private List<Map<String, Object>> justifications(DatasetGraph dsg, List<Explanation> premises) {
        Set<Node> carriers = new LinkedHashSet<>();
        for (Explanation p : premises)
            if (isAxiom(p.triple())) carriers.addAll(carriers(dsg, p.triple().getSubject(), new HashSet<>()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node c : carriers)
            for (String text : texts(dsg, c)) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("term", node(c));
                j.put("text", text);
                out.add(j);
            }
        return out;
    }

    private static boolean isAxiom(Triple t) {
        String p = t.getPredicate().getURI();
        if (p.equals(RDF.type.getURI()))
            return t.getObject().isURI() && t.getObject().getURI().startsWith(OWL2.getURI());
        return (p.startsWith(RDFS.getURI()) || p.startsWith(OWL2.getURI()) || p.equals(RDF.first.getURI()) || p.equals(RDF.rest.getURI()))
                && !p.equals(OWL2.sameAs.getURI());
    }

    /**
     * The named terms (or, for an axiom that is itself a blank node such as owl:AllDisjointClasses,
     * that node) whose justification covers an axiom with subject {@code s}. Only asserted triples
     * are followed: the reasoner's conclusions about a class expression (its members, say) are not
     * part of the axiom.
     */
    private static Set<Node> carriers(DatasetGraph dsg, Node s, Set<Node> seen) {
        if (!s.isBlank()) return Set.of(s);
        if (!seen.add(s)) return Set.of();
        if (!texts(dsg, s).isEmpty()) return Set.of(s);
        Set<Node> out = new LinkedHashSet<>();
        for (var it = dsg.find(Node.ANY, Node.ANY, Node.ANY, s); it.hasNext(); ) {
            var q = it.next();
            if (KnowledgeBase.isAssertedGraph(q.getGraph()) && STRUCTURE.contains(q.getPredicate()))
                out.addAll(carriers(dsg, q.getSubject(), seen));
        }
        if (!out.isEmpty()) return out;
        // An anonymous subclass (a general class axiom such as CloudPlatform ⊓ ∃supports.ContainerTechnology
        // ⊑ ContainerPlatform) is carried by the named class it implies.
        for (var it = dsg.find(Node.ANY, s, Node.ANY, Node.ANY); it.hasNext(); ) {
            var q = it.next();
            if (KnowledgeBase.isAssertedGraph(q.getGraph()) && q.getObject().isURI()
                    && (q.getPredicate().equals(RDFS.subClassOf.asNode()) || q.getPredicate().equals(OWL2.equivalentClass.asNode())))
                out.add(q.getObject());
        }
        return out;
    }

    /** The stated justifications of {@code term} (English first), without duplicates. */
    private static List<String> texts(DatasetGraph dsg, Node term) {
        Set<String> en = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (var it = dsg.find(Node.ANY, term, JUSTIFICATION, Node.ANY); it.hasNext(); ) {
            var q = it.next();
            Node o = q.getObject();
            if (!KnowledgeBase.isAssertedGraph(q.getGraph()) || !o.isLiteral()) continue;
            (o.getLiteralLanguage().startsWith("en") ? en : other).add(o.getLiteralLexicalForm());
        }
        List<String> out = new ArrayList<>(en);
        out.addAll(other);
        return out;
    }

    static Map<String, Object> term(Triple t) {
        return Map.of("s", node(t.getSubject()), "p", node(t.getPredicate()), "o", node(t.getObject()));
    }

    static String node(Node n) {
        return n.isURI() ? n.getURI() : FmtUtils.stringForNode(n);
    }
}
