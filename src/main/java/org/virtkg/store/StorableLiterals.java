package org.virtkg.store;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Literals TDB2 cannot keep exactly, found before they are written, so that a write holding one is
 * refused in words instead of losing the value silently.
 *
 * <p>Jena 6.2's TDB2 writes an {@code xsd:integer}, {@code long}, {@code int}, {@code short} or
 * {@code byte} literal too large for its inline node ids into its node table as a 64-bit number
 * ({@code NodeTableTRDF.writeNodeToTable} → {@code ThriftConvert.convert(node, true)}, which takes
 * {@code longValue()} of the value without checking its range) and reads every such number back as
 * an {@code xsd:integer}. Its node cache keeps the node written, so the loss only shows once the
 * store is reopened: {@code 2^64} comes back as {@code 0}, an {@code xsd:long} beyond the inline
 * range as an {@code xsd:integer}. Decimals, doubles, strings and other datatypes are stored as
 * written (their lexical form may be canonicalised: {@code "0099"} as {@code "99"}).
 */
public final class StorableLiterals {
    /** TDB2 inlines integers of 56 bits (signed): {@code -2^55 … 2^55 - 1}; these keep their datatype. */
    static final BigInteger INLINE_MIN = BigInteger.ONE.shiftLeft(55).negate();
    static final BigInteger INLINE_MAX = BigInteger.ONE.shiftLeft(55).subtract(BigInteger.ONE);
    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** The derived types TDB2 stores as a number past the inline range, read back as xsd:integer. */
    private static final Set<String> NARROW = Set.of(XSDDatatype.XSDlong.getURI(), XSDDatatype.XSDint.getURI(),
            XSDDatatype.XSDshort.getURI(), XSDDatatype.XSDbyte.getURI());

    private StorableLiterals() {}

    /** The first added quad whose object TDB2 cannot keep, said in the user's words; null when all can be kept. */
    public static String refusal(Collection<Quad> added) {
        for (Quad q : added) {
            String why = refusal(q.getObject());
            if (why != null) return why;
        }
        return null;
    }

    /** Why TDB2 cannot keep {@code o} exactly, or null when it can. */
    public static String refusal(Node o) {
        if (!o.isLiteral()) return null;
        String type = o.getLiteralDatatypeURI();
        boolean integer = XSDDatatype.XSDinteger.getURI().equals(type);
        if (!integer && !NARROW.contains(type)) return null;
        BigInteger value;
        try {
            String lex = o.getLiteralLexicalForm().strip();
            value = new BigInteger(lex.startsWith("+") ? lex.substring(1) : lex);
        } catch (NumberFormatException ill) {
            return null; // not a number of that type: the consistency check judges it
        }
        String shown = shorten(o.getLiteralLexicalForm().strip());
        if (integer && (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0))
            return "The integer " + shown + " is outside the range the store keeps exactly (" + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + "); write it as an xsd:decimal (\"" + shown + ".0\"^^xsd:decimal) or as a string";
        if (!integer && (value.compareTo(INLINE_MIN) < 0 || value.compareTo(INLINE_MAX) > 0))
            return "The " + type.substring(type.indexOf('#') + 1) + " " + shown + " would come back from the store as an xsd:integer "
                    + "(beyond " + INLINE_MIN + " to " + INLINE_MAX + " the store does not keep that datatype); write it as an xsd:integer";
        return null;
    }

    private static String shorten(String lex) {
        return lex.length() <= 40 ? lex : lex.substring(0, 20) + "…" + lex.substring(lex.length() - 10) + " (" + lex.length() + " digits)";
    }
}
