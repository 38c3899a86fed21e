package org.virtkg.reasoner;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * Why a triple holds: the rule that first derived it and, recursively, the explanations of its premises.
 * Leaves are asserted triples ({@code asserted == true}, rule {@code "asserted"}) or axiomatic triples (rules with
 * an empty body: {@code cls-thing}, {@code cls-nothing1}, {@code prp-ap}, {@code dt-type1}). Trees are finite and
 * acyclic: every premise was stored before its conclusion. Subtrees may be shared objects. Premises of list-based
 * rules cite the axiom triple (e.g. {@code C owl:intersectionOf _:l}) but not the rdf:first/rdf:rest cells.
 */
public record Explanation(Triple triple, String rule, boolean asserted, List<Explanation> premises) {
    /** Number of nodes when the tree is fully expanded (shared subtrees counted once per occurrence). */
    public long size() {
        long n = 1;
        for (Explanation p : premises) n += p.size();
        return n;
    }

    /** Indented multi-line rendering. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        render(sb, 0);
        return sb.toString();
    }

    private void render(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(triple).append("  [").append(rule).append("]\n");
        for (Explanation p : premises) p.render(sb, depth + 1);
    }
}
