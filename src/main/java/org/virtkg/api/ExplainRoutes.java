package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
        Explained body = explanation(t);
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

    /**
     * The answer of {@code /api/explain}, and the explanation a compatibility answer carries (its
     * schema in /openapi.json is generated from it): the triple, whether it is asserted or
     * inferred, and its derivation down to asserted facts.
     */
    @Describe(name = "Explanation", description = "Why the knowledge base holds a triple: its derivation down to asserted facts and their sources")
    public record Explained(TripleTerms triple, @Describe(allowed = {"asserted", "inferred"}) String status, Step explanation) {}

    /**
     * One step of a derivation: the triple, the rule that concluded it ({@code asserted} for a
     * stated fact), and either the sources stating it or the premises it was concluded from (with
     * the justifications of the axioms among them, when they have any).
     */
    @Describe(name = "ExplanationStep")
    public record Step(TripleTerms triple,
            @Describe(description = "The OWL 2 RL rule that concluded it (e.g. cax-sco), or asserted") String rule,
            boolean asserted,
            @Describe(description = "Of an asserted triple: the source graphs stating it, described") @JsonInclude(JsonInclude.Include.NON_NULL)
            List<Provenance.Source> sources,
            @Describe(description = "Of an inferred triple: the steps it was concluded from") @JsonInclude(JsonInclude.Include.NON_NULL)
            List<Step> premises,
            @Describe(description = "The stated justifications (source or modelling rationale) of the axioms among the premises")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Justification> justification) {}

    /** A triple's terms: IRIs, or literals and blank nodes as Turtle writes them. */
    @Describe(name = "Triple")
    public record TripleTerms(String s, String p, String o) {}

    /** An axiom's justification: the term that carries the axiom and the text of its {@code vkg:justification}. */
    @Describe(name = "Justification")
    public record Justification(String term, String text) {}

    /** The explanation of {@code t}, or {@code null} when it does not hold. */
    public Explained explanation(Triple t) {
        return render(t, kb.withReasoner(r -> r.explain(t)), g -> true);
    }

    /**
     * The explanation of {@code t} by another reasoner (a view's, e.g. the paper's alone), citing
     * only the source graphs {@code graphs} accepts; {@code null} when it does not hold there.
     */
    public Explained explanation(Triple t, org.virtkg.reasoner.RlReasoner reasoner, java.util.function.Predicate<String> graphs) {
        return render(t, reasoner.explain(t), graphs);
    }

    private Explained render(Triple t, java.util.Optional<Explanation> explanation, java.util.function.Predicate<String> graphs) {
        if (explanation.isEmpty()) return null;
        return kb.read(snapshot -> new Explained(term(t), explanation.get().asserted() ? "asserted" : "inferred",
                tree(snapshot.dataset(), explanation.get(), graphs)));
    }

    private Step tree(DatasetGraph dsg, Explanation e, java.util.function.Predicate<String> graphs) {
        List<Provenance.Source> sources = !e.asserted() ? null
                : Provenance.sourcesOf(dsg, e.triple()).stream().filter(s -> graphs.test(s.graph())).toList();
        List<Step> premises = null;
        List<Justification> why = null;
        if (!e.premises().isEmpty()) {
            premises = e.premises().stream().map(p -> tree(dsg, p, graphs)).toList();
            why = justifications(dsg, e.premises());
            if (why.isEmpty()) why = null;
        }
        return new Step(term(e.triple()), e.rule(), e.asserted(), sources, premises, why);
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
    private List<Justification> justifications(DatasetGraph dsg, List<Explanation> premises) {
        Set<Node> carriers = new LinkedHashSet<>();
        for (Explanation p : premises)
            if (isAxiom(p.triple())) carriers.addAll(carriers(dsg, p.triple().getSubject(), new HashSet<>()));
        List<Justification> out = new ArrayList<>();
        for (Node c : carriers)
            for (String text : texts(dsg, c)) out.add(new Justification(node(c), text));
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

    static TripleTerms term(Triple t) {
        return new TripleTerms(node(t.getSubject()), node(t.getPredicate()), node(t.getObject()));
    }

    static String node(Node n) {
        return n.isURI() ? n.getURI() : FmtUtils.stringForNode(n);
    }
}
