package org.virtkg.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.reasoner.Explanation;

/**
 * {@code GET /api/explain?s=&p=&o=}: why the knowledge base holds a triple — the rule and premises,
 * recursively, down to asserted triples and the sources that state them.
 */
public final class ExplainRoutes {
    private final KnowledgeBase kb;

    public ExplainRoutes(KnowledgeBase kb) {
        this.kb = kb;
    }

    public void explain(Context ctx) {
        Triple t = Triple.create(Terms.parse("s", ctx.queryParam("s")), Terms.parse("p", ctx.queryParam("p")),
                Terms.parse("o", ctx.queryParam("o")));
        Map<String, Object> body = explanation(t);
        if (body == null)
            throw new ProblemException(Problem.of(404, "The knowledge base does not state or entail "
                    + FmtUtils.stringForTriple(t, (org.apache.jena.shared.PrefixMapping) null)
                    + ". Under the open-world assumption that means unknown, not false.").with("status", "unknown"));
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
        return Txn.calculateRead(kb.store().dataset(), () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("triple", term(t));
            body.put("status", explanation.get().asserted() ? "asserted" : "inferred");
            body.put("explanation", tree(explanation.get(), graphs));
            return body;
        });
    }

    private Map<String, Object> tree(Explanation e, java.util.function.Predicate<String> graphs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("triple", term(e.triple()));
        m.put("rule", e.rule());
        m.put("asserted", e.asserted());
        if (e.asserted())
            m.put("sources", Provenance.sourcesOf(kb.store().dataset(), e.triple()).stream().filter(s -> graphs.test((String) s.get("graph"))).toList());
        if (!e.premises().isEmpty()) m.put("premises", e.premises().stream().map(p -> tree(p, graphs)).toList());
        return m;
    }

    static Map<String, Object> term(Triple t) {
        return Map.of("s", node(t.getSubject()), "p", node(t.getPredicate()), "o", node(t.getObject()));
    }

    static String node(Node n) {
        return n.isURI() ? n.getURI() : FmtUtils.stringForNode(n);
    }
}
