package org.virtkg.kb;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.core.Quad;

/**
 * IRIs a write may add: those RDF allows (RFC 3987, with the scheme rules Jena's IRI parser
 * checks, such as a URN's namespace). Jena's RDF parsers refuse any other IRI in a body, while its
 * SPARQL Update parser lets one through; the write path checks them itself, so every way in refuses
 * the same IRIs.
 */
final class ValidIris {
    private ValidIris() {}

    /** Why the first invalid IRI among the added quads' terms is refused, in words; null when all are valid. */
    static String refusal(Collection<Quad> added) {
        Set<String> checked = new HashSet<>();
        for (Quad q : added)
            for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()}) {
                // A literal's datatype is an IRI too ("x"^^<urn:a>), which the RDF parsers check as well.
                String iri = n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralDatatypeURI() : null;
                if (iri == null || !checked.add(iri)) continue;
                String why = violation(iri);
                if (why != null)
                    return "The IRI <" + iri + "> is not valid" + (why.isEmpty() ? "" : " (" + why + ")");
            }
        return null;
    }

    /** The first error Jena's IRI parser finds in {@code iri}, lower-cased as a clause; "" when it names none; null when valid. */
    private static String violation(String iri) {
        IRIx parsed;
        try {
            parsed = IRIx.create(iri);
        } catch (IRIException e) {
            return clause(e.getMessage());
        }
        if (!parsed.hasViolations()) return null;
        String[] first = {null};
        parsed.handleViolations((isError, message) -> {
            if (isError && first[0] == null) first[0] = clause(message);
        });
        return first[0];
    }

    private static String clause(String message) {
        if (message == null || message.isBlank()) return "";
        String m = message.strip();
        // Jena's parser messages may lead with the IRI itself: "<http://a b> : [Posn 8] Space found in IRI".
        m = m.replaceFirst("^<[^>]*>\\s*:?\\s*", "").replaceFirst("^\\[Posn \\d+\\]\\s*", "");
        return m.isEmpty() ? "" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
