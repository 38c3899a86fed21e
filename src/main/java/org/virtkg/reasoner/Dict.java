package org.virtkg.reasoner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/** Term dictionary: Jena {@link Node} (term equality) to dense ids starting at 1. Append-only. */
final class Dict {
    static final byte IRI = 0, BLANK = 1, LITERAL = 2, OTHER = 3, ILL_LITERAL = 4;
    private final Map<Node, Integer> ids = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private byte[] kinds = new byte[1024];

    Dict() { nodes.add(null); }

    int id(Node n) {
        Integer i = ids.get(n);
        if (i != null) return i;
        int id = nodes.size();
        nodes.add(n);
        ids.put(n, id);
        if (id >= kinds.length) kinds = java.util.Arrays.copyOf(kinds, kinds.length * 2);
        kinds[id] = n.isURI() ? IRI : n.isBlank() ? BLANK : n.isLiteral() ? (illTyped(n) ? ILL_LITERAL : LITERAL) : OTHER;
        return id;
    }

    /** Existing id or 0. */
    int lookup(Node n) {
        Integer i = ids.get(n);
        return i == null ? 0 : i;
    }

    Node node(int id) { return nodes.get(id); }

    boolean isLiteral(int id) { return kinds[id] == LITERAL || kinds[id] == ILL_LITERAL; }

    /** A literal of a known XSD datatype whose lexical form is not in the lexical space (dt-not-type). */
    boolean isIllTyped(int id) { return kinds[id] == ILL_LITERAL; }

    /**
     * False only when {@code dt} is an XSD datatype known to Jena and the literal is not in its value space (for
     * rdfs:Literal, rdf:PlainLiteral, unknown datatypes and non-datatype classes: true).
     */
    boolean literalInDatatype(int lit, int dt) {
        Node d = node(dt);
        if (!d.isURI() || !d.getURI().startsWith(XSD)) return true;
        org.apache.jena.datatypes.RDFDatatype t = org.apache.jena.datatypes.TypeMapper.getInstance().getTypeByName(d.getURI());
        if (!(t instanceof org.apache.jena.datatypes.xsd.XSDDatatype xt)) return true;
        try {
            return xt.isValidLiteral(node(lit).getLiteral());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private static boolean illTyped(Node n) {
        try {
            return n.getLiteralDatatype() instanceof org.apache.jena.datatypes.xsd.XSDDatatype dt
                    && !dt.isValid(n.getLiteralLexicalForm());
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean isIri(int id) { return kinds[id] == IRI; }

    int size() { return nodes.size() - 1; }

    /** Value equality for literals (e.g. "1"^^xsd:int and "1"^^xsd:integer). */
    boolean sameValue(int a, int b) {
        if (a == b) return true;
        Node x = node(a), y = node(b);
        return x.isLiteral() && y.isLiteral() && x.sameValueAs(y);
    }
}
