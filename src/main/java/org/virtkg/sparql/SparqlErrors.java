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

    /**
     * Jena evaluates constant expressions while it parses: an invalid regular expression fails
     * then, not as a syntax error. Says which pattern and what is wrong with it.
     */
    public static String describe(org.apache.jena.sparql.expr.ExprEvalException ex) {
        for (Throwable t = ex; t != null; t = t.getCause())
            if (t instanceof java.util.regex.PatternSyntaxException p) return invalidRegex(p.getPattern(), p.getDescription(), p.getIndex());
        String msg = ex.getMessage() == null ? "" : ex.getMessage();
        var m = java.util.regex.Pattern.compile("PatternSyntaxException: (.*?)(?: near index (\\d+))?\\R(.*)", java.util.regex.Pattern.DOTALL)
                .matcher(msg);
        if (m.find()) return invalidRegex(m.group(3).strip(), m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2)));
        return "The query has an expression that cannot be evaluated: " + msg.lines().findFirst().orElse("").replaceAll("\\S+Exception: ", "");
    }

    private static String invalidRegex(String pattern, String what, int index) {
        return "The regex pattern \"" + pattern + "\" is not a valid regular expression (" + what
                + (index >= 0 ? " at character " + (index + 1) : "") + ")";
    }
}
