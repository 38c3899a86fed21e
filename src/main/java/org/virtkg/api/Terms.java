package org.virtkg.api;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.virtkg.store.Graphs;

/**
 * Reads RDF terms that users type into parameters: {@code KVM} (an id), {@code vkg:supports}
 * (a known prefix), {@code <https://…>} or {@code https://…} (an IRI), {@code "16"^^xsd:int} (a
 * literal in Turtle syntax).
 */
public final class Terms {
    private static final Map<String, String> PREFIXES = Graphs.PREFIXES;

    private Terms() {}

    /** Parses {@code value} of parameter {@code name}; a 400 problem naming the parameter when it cannot. */
    public static Node parse(String name, String value) {
        if (value == null || value.isBlank()) throw ProblemException.of(400, "Parameter '" + name + "' is required");
        String v = value.trim();
        if (v.length() > 2000) throw ProblemException.of(400, "Parameter '" + name + "' is too long");
        if (v.startsWith("<") || v.startsWith("\"") || v.startsWith("'")) {
            try {
                return NodeFactoryExtra.parseNode(v, org.apache.jena.riot.system.PrefixMapFactory.create(PREFIXES));
            } catch (RiotException | IllegalArgumentException e) {
                // Jena's "[line: 1, col: 6 ] Bad character in IRI (space): <bad[space]...>": the reason, without the parser's framing.
                String why = String.valueOf(e.getMessage()).replaceFirst("^\\[line: \\d+, col: (\\d+) *\\] *", "at character $1: ");
                throw new ProblemException(Problem.of(400, "Parameter '" + name + "' is not an RDF term (" + why + "). Give an id (KVM), "
                        + "a prefixed name (vkg:supports), an <IRI> without spaces, or a Turtle literal (\"16\"^^xsd:integer)")
                        .withParameter(name));
            }
        }
        if (v.matches("(?i)^(https?|urn):\\S+$")) return NodeFactory.createURI(v);
        int colon = v.indexOf(':');
        if (colon > 0 && PREFIXES.containsKey(v.substring(0, colon)))
            return NodeFactory.createURI(PREFIXES.get(v.substring(0, colon)) + v.substring(colon + 1));
        if (v.matches("[A-Za-z0-9_.\\-]+")) return NodeFactory.createURI(Graphs.ID + v);
        throw ProblemException.of(400, "Parameter '" + name + "' must be an id (KVM), a prefixed name (vkg:supports), "
                + "an IRI, or a Turtle literal (\"16\"^^xsd:integer)");
    }
}
