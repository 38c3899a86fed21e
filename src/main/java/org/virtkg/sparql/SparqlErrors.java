package org.virtkg.sparql;

import org.apache.jena.query.QueryParseException;

/** Turns SPARQL parse errors into messages a user can act on. */
public final class SparqlErrors {
    private SparqlErrors() {}

    /**
     * Jena reports {@code null} as the message of some parse errors (very deep nesting); never
     * pass that on.
     */
    public static String describe(QueryParseException ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank() || "null".equals(msg))
            msg = "the text could not be parsed (it may be nested too deeply)";
        if (ex.getLine() > 0 && !msg.contains("line"))
            msg = "Line " + ex.getLine() + ", column " + ex.getColumn() + ": " + msg;
        return "SPARQL syntax error: " + msg;
    }
}
