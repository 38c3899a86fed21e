package org.virtkg.reasoner;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * A rule of the OWL 2 RL/RDF rule set derived {@code false}: {@code rule} is its W3C id (e.g. {@code cax-dw}),
 * {@code triples} the instantiated premises and {@code explanations} one explanation tree per premise.
 */
public record Inconsistency(String rule, String message, List<Triple> triples, List<Explanation> explanations) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(rule).append(": ").append(message);
        for (Triple t : triples) sb.append("\n    ").append(t);
        return sb.toString();
    }
}
