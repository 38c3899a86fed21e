package org.virtkg.sparql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryParseException;

/** Turns SPARQL parse errors into messages a user can act on. */
public final class SparqlErrors {
    private SparqlErrors() {}

    /** Fuseki sizes plain-text error bodies in chars, so its messages must stay ASCII. */
    public static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /**
     * Jena reports {@code null} as the message of some parse errors (very deep nesting); never
     * pass that on.
     */
    public static String describe(QueryParseException ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank() || "null".equals(msg))
            msg = "the text could not be parsed (it may be nested too deeply)";
        else msg = inWords(msg);
        if (msg.startsWith("Line ")) msg = "l" + msg.substring(1);
        if (ex.getLine() > 0 && !msg.contains("line"))
            msg = "line " + ex.getLine() + ", column " + ex.getColumn() + ": " + msg;
        Matcher prefix = UNRESOLVED_PREFIX.matcher(msg);
        if (prefix.find()) {
            // virtkg's own and its data's prefixes are known: say the whole line to add.
            String iri = org.virtkg.store.Graphs.PREFIXES.get(prefix.group(1));
            msg += " (declare it first: PREFIX " + prefix.group(1) + ": <" + (iri == null ? "its namespace IRI" : iri) + ">)";
        }
        return "SPARQL syntax error" + (msg.startsWith("line ") ? " at " : ": ") + msg;
    }

    private static final Pattern END = Pattern.compile("(?s)Encountered \"<EOF>\" at line (\\d+), column (\\d+)\\..*");
    private static final Pattern TOKEN = Pattern.compile("(?s)Encountered \" \\S+ \"(.*?) ?\"\" at line (\\d+), column (\\d+)\\.(.*)");
    private static final Pattern LEXICAL = Pattern.compile(
            "(?s)Lexical error at line (\\d+), column (\\d+)\\.\\s+Encountered: (?:'.*?' \\((\\d+)\\)|<EOF>),?(?: after prefix \"(.*)\")?\\s*");
    private static final Pattern UNRESOLVED_PREFIX = Pattern.compile("Unresolved prefixed name: ([^:\\s]*):");
    /** How many expected tokens are still worth listing; Jena's lists run to dozens. */
    private static final int MAX_EXPECTED = 6;

    /**
     * JavaCC's messages ({@code Encountered " "}" "} "" at line 1, column 29. Was expecting one
     * of: …}, {@code Encountered: '32' (32)}) said as a person would: where, and what was found.
     */
    static String inWords(String msg) {
        Matcher m = END.matcher(msg);
        if (m.matches())
            return "line " + m.group(1) + ", column " + m.group(2) + ": the query ends too early (is a closing brace, a term or a dot missing?)";
        m = TOKEN.matcher(msg);
        if (m.matches())
            return "line " + m.group(2) + ", column " + m.group(3) + ": unexpected \"" + m.group(1).strip() + "\"" + expected(m.group(4));
        m = LEXICAL.matcher(msg);
        if (m.matches()) {
            String where = "line " + m.group(1) + ", column " + m.group(2) + ": ";
            String prefix = m.group(4) == null ? "" : m.group(4).replace("\\\"", "\"");
            if (prefix.matches("[A-Za-z]+")) return where + "unknown word \"" + prefix + "\"";
            if (m.group(3) == null)
                return where + (prefix.startsWith("\"") || prefix.startsWith("'") ? "a string is not closed" : "the query ends too early");
            int c = Integer.parseInt(m.group(3));
            String found = c == ' ' ? "space" : c < 32 || c == 127 ? String.format("control character U+%04X", c)
                    : "character \"" + new String(Character.toChars(c)) + "\"";
            return where + "unexpected " + found + (prefix.isEmpty() ? "" : " after \"" + prefix + "\"");
        }
        m = NON_GROUP.matcher(msg);
        if (m.find())
            return m.group(1) + " is selected but not grouped: add it to GROUP BY, or select an aggregate of it, e.g. (SAMPLE("
                    + m.group(1) + ") AS " + m.group(1) + "_)";
        return msg.lines().findFirst().orElse(msg);
    }

    private static final Pattern NON_GROUP = Pattern.compile("Non-group key variable in SELECT: (\\?\\w+)");

    /** ", expected one of: …" when Jena's list is short enough to help. */
    private static String expected(String rest) {
        int at = rest.indexOf("Was expecting");
        if (at < 0) return "";
        java.util.List<String> items = rest.substring(at).lines().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> l.replaceAll(" \\.\\.\\.$", "")).distinct().toList();
        if (items.isEmpty() || items.size() > MAX_EXPECTED) return "";
        return "; expected " + String.join(" or ", items);
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
