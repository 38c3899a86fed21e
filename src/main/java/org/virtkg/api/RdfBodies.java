package org.virtkg.api;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Reading an RDF request body, the one careful way: content type checked (415), size bounded
 * while reading (413), hostile shapes refused before the RDF parser sees them, then parsed
 * completely into a temporary graph — so a truncated or broken upload changes nothing.
 */
public final class RdfBodies {
    private RdfBodies() {}

    public static Graph parse(Context ctx, BodyLimit limit, Set<Lang> accepted, String base) {
        Lang lang = language(ctx.contentType(), accepted, "");
        return parse(read(ctx, limit), lang, base, "");
    }

    /** The media type that says a body is several RDF documents, one per part (Graph Store Protocol §5.5). */
    public static final String MULTIPART = "multipart/form-data";
    /** Most parts a multipart body may have. */
    public static final int MAX_PARTS = 100;

    /**
     * The RDF of a {@code multipart/form-data} body: every part read with the same rules as a
     * single body (its own Content-Type among {@code accepted}, the same size bound for the whole
     * body, the same hostile-shape checks) and parsed completely, then merged into one graph. Parts
     * are kept in memory, never written to disk.
     */
    public static Graph parseParts(Context ctx, BodyLimit limit, Set<Lang> accepted, String base) {
        String boundary = MultiPart.extractBoundary(ctx.contentType());
        if (boundary == null || boundary.isEmpty())
            throw ProblemException.of(400, "A multipart/form-data body needs a boundary parameter in its Content-Type");
        byte[] body = read(ctx, limit);
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxLength(limit.bytes());
        parser.setMaxMemoryFileSize(limit.bytes()); // the whole body is in memory already: parts stay there
        parser.setMaxParts(MAX_PARTS);
        Graph merged = GraphFactory.createDefaultGraph();
        try (MultiPartFormData.Parts parts = parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body))).get()) {
            if (parts.size() == 0) throw ProblemException.of(400, "The multipart/form-data body has no parts");
            int index = 0;
            for (MultiPart.Part part : parts) {
                index++;
                String where = " (part " + index + (part.getName() == null ? "" : " '" + part.getName() + "'") + ")";
                Lang lang = language(part.getHeaders().get(HttpHeader.CONTENT_TYPE), accepted, where);
                byte[] bytes = BufferUtil.toArray(Content.Source.asByteBuffer(part.getContentSource()));
                parse(bytes, lang, base, where).find().forEachRemaining(merged::add);
            }
        } catch (IOException e) {
            throw ProblemException.of(400, "Cannot read the multipart/form-data body: " + e.getMessage());
        } catch (ExecutionException e) {
            throw ProblemException.of(400, "The multipart/form-data body is refused (it must be well formed, with at most "
                    + MAX_PARTS + " parts): " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.of(503, "Interrupted while reading the request body");
        }
        return merged;
    }

    /** The RDF syntax a Content-Type names, if it is one of {@code accepted}; else 415. */
    private static Lang language(String type, Set<Lang> accepted, String where) {
        Lang lang = type == null ? null : RDFLanguages.contentTypeToLang(type.split(";")[0].trim());
        if (lang == null || !accepted.contains(lang))
            throw ProblemException.of(415, "Send " + accepted.stream().map(l -> l.getContentType().getContentTypeStr())
                    .sorted().collect(Collectors.joining(", ")) + " (got " + (type == null ? "no Content-Type" : type) + ")" + where);
        return lang;
    }

    /** Parses one document completely, after the checks for hostile shapes; {@code where} names the part, if any. */
    private static Graph parse(byte[] body, Lang lang, String base, String where) {
        if (lang.equals(Lang.RDFXML) && declaresExternalEntities(body))
            throw ProblemException.of(400, "RDF/XML with external entities or an external DTD is not accepted "
                    + "(virtkg never reads files or fetches URLs; inline the values)" + where);
        if (lang.equals(Lang.JSONLD)) checkJsonLimits(body);
        if ((lang.equals(Lang.TURTLE) || lang.equals(Lang.TRIG)) && turtleNesting(body) > MAX_NESTING)
            throw ProblemException.of(400, "The " + lang.getName() + " body nests blank nodes or collections ([ ] or ( )) more than "
                    + MAX_NESTING + " levels deep; flatten it (name the nodes) and send it again" + where);
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(graph);
        } catch (RiotException e) {
            String msg = String.valueOf(e.getMessage());
            Matcher depth = XML_DEPTH_LIMIT.matcher(msg);
            if (lang.equals(Lang.RDFXML) && depth.find())
                throw ProblemException.of(400, "The RDF/XML body" + where + " nests elements more than " + depth.group(1)
                        + " levels deep; flatten it (name the nodes) and send it again");
            throw ProblemException.of(400, "The " + lang.getName() + " body does not parse, nothing was changed" + where + ": " + parserMessageInWords(msg));
        } catch (StackOverflowError e) {
            // A backstop for shapes the nesting count does not see: never a dead worker or an empty 500.
            throw ProblemException.of(400, "The " + lang.getName() + " body is nested too deeply to parse; flatten it" + where);
        }
        return graph;
    }

    private static final java.util.regex.Pattern PARSER_POSITION = java.util.regex.Pattern.compile("(?s)^\\[line: (\\d+), col: (\\d+) ?\\] *(.*)");
    private static final java.util.regex.Pattern BAD_IRI = java.util.regex.Pattern.compile("(?s)^Bad IRI: (<[^>]*>) *(.*)");

    /**
     * Jena's parser messages ("[line: 1, col: 1 ] Bad IRI: <urn:a> Namespace not terminated by
     * ':'") said as a person would: "line 1, column 1: the IRI <urn:a> is not valid (namespace not
     * terminated by ':')".
     */
    public static String parserMessageInWords(String msg) {
        String where = "";
        Matcher at = PARSER_POSITION.matcher(msg);
        if (at.matches()) {
            where = "line " + at.group(1) + ", column " + at.group(2) + ": ";
            msg = at.group(3);
        }
        Matcher iri = BAD_IRI.matcher(msg);
        if (iri.matches()) {
            String why = iri.group(2).strip();
            msg = "the IRI " + iri.group(1) + " is not valid" + (why.isEmpty() ? "" : " (" + Character.toLowerCase(why.charAt(0)) + why.substring(1) + ")");
        }
        Matcher term = EXPECTED_TERM.matcher(msg);
        if (term.find())
            msg = "found " + tokenInWords(term.group(1)) + " where a value (an <IRI>, a prefixed name or a literal) should be"
                    + (term.group(1).equals("DOT") ? ": is a statement missing its object?" : "");
        Matcher prefix = UNDEFINED_PREFIX.matcher(msg);
        if (prefix.find()) msg = "the prefix '" + prefix.group(1) + ":' is not declared: add @prefix " + prefix.group(1) + ": <its namespace IRI> .";
        if (msg.startsWith("Triples not terminated by DOT")) msg = "a statement is not ended with '.'";
        Matcher outOfPlace = OUT_OF_PLACE.matcher(msg);
        if (outOfPlace.find())
            msg = "found " + (outOfPlace.group(2) != null && !outOfPlace.group(2).isEmpty() ? "'" + outOfPlace.group(2) + "'"
                    : tokenInWords(outOfPlace.group(1))) + " where a statement should start (with an <IRI>, a prefixed name "
                    + "or a blank node); is the body in the format its Content-Type names?";
        if (msg.startsWith("Broken token (newline in string)"))
            msg = "a string runs past the end of its line: close its quote, or use \"\"\"…\"\"\" for text over several lines";
        // JSON-LD: the JSON parser's own words (Jackson's, with its source markers), said as for any JSON body.
        if (JACKSON.matcher(msg).find()) msg = Json.firstClause(msg);
        return where + msg;
    }

    /** Turtle's "Unrecognized (expected an RDF Term): [DOT]" and its kin: the token the parser found instead. */
    private static final Pattern EXPECTED_TERM = Pattern.compile("(?:expected an RDF Term|Expected BNode or IRI)\\)?:? *(?:Got: *)?\\[([A-Z_]+)");
    private static final Pattern UNDEFINED_PREFIX = Pattern.compile("^Undefined prefix: (\\S*)");
    /** Turtle's "Out of place: [KEYWORD:this]": a token where a subject should be. */
    private static final Pattern OUT_OF_PLACE = Pattern.compile("^Out of place: \\[([A-Z_]+):?([^\\]]*)\\]");
    /** A JSON parser's message (Jackson's, for JSON-LD): its wording and source markers are the library's. */
    private static final Pattern JACKSON = Pattern.compile("^(Unexpected end-of-input|Unexpected character|Unrecognized token|Illegal unquoted)|\\[Source: ");

    /** A parser token as a person writes it: '.', ';', ','; otherwise its name in lower case. */
    private static String tokenInWords(String token) {
        return switch (token) {
            case "DOT" -> "'.'";
            case "SEMICOLON" -> "';'";
            case "COMMA" -> "','";
            case "RBRACE" -> "'}'";
            case "RBRACKET" -> "']'";
            case "RPAREN" -> "')'";
            case "EOF" -> "the end of the text";
            default -> "a " + token.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * Jena's RDF/XML parser bounds element depth itself (the JDK's {@code jdk.xml.maxElementDepth},
     * which it sets); its message names JAXP, so it is said again in words, with the limit it gives.
     */
    private static final Pattern XML_DEPTH_LIMIT =
            Pattern.compile("exceeds the limit \"(\\d+)\" set by \"jdk\\.xml\\.maxElementDepth\"");

    /** Deepest nesting of {@code [ ]} and {@code ( )} a Turtle or TriG body may have; real data rarely passes 5. */
    public static final int MAX_NESTING = 64;

    /**
     * How deep a Turtle or TriG text nests {@code [ ]} and {@code ( )}, not counting brackets inside
     * IRIs, strings (short and long) and comments. Jena's parser recurses once per level, so a body
     * of thousands of levels would overflow its stack.
     */
    static int turtleNesting(byte[] body) {
        int depth = 0, max = 0;
        int n = body.length;
        for (int i = 0; i < n; i++) {
            byte c = body[i];
            switch (c) {
                case '#' -> {
                    while (i < n && body[i] != '\n' && body[i] != '\r') i++;
                }
                case '<' -> {
                    // an IRI: up to '>' (no whitespace inside); a lone '<' is left to the parser
                    int j = i + 1;
                    while (j < n && body[j] != '>' && body[j] > ' ') j++;
                    if (j < n && body[j] == '>') i = j;
                }
                case '"', '\'' -> {
                    boolean longString = i + 2 < n && body[i + 1] == c && body[i + 2] == c;
                    int j = longString ? i + 3 : i + 1;
                    while (j < n) {
                        if (body[j] == '\\') j += 2;
                        else if (body[j] == c && (!longString || (j + 2 < n && body[j + 1] == c && body[j + 2] == c))) break;
                        else j++;
                    }
                    i = longString ? j + 2 : j;
                }
                case '[', '(' -> max = Math.max(max, ++depth);
                case ']', ')' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return max;
    }

    /** What a route's 413 calls the body it refuses; the edge's 413 ({@code app/BodyLimits}) calls it so too. */
    public static final String BODY = "The body";

    /** The body, read up to {@code limit}; one byte more is a 413 (naming the limit and its setting) without reading the rest. */
    public static byte[] read(Context ctx, BodyLimit limit) {
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
        } catch (IOException e) {
            throw ProblemException.of(400, "Cannot read the request body: " + e.getMessage());
        }
        if (body.length > limit.bytes()) throw limit.refuse(BODY);
        return body;
    }

    /**
     * The JSON parser under Jena's JSON-LD reader has no nesting or number-length limits; Jackson's
     * {@link Json#READ_LIMITS} check the document first.
     */
    static void checkJsonLimits(byte[] json) {
        Json.tree(json, "The JSON-LD body", ", nothing was changed");
    }

    /**
     * True when the document type declaration refers outside the document ({@code SYSTEM} or
     * {@code PUBLIC}). Jena's parser would not fetch them either — it leaves such entities empty —
     * but silently dropping a value is worse than saying no.
     */
    static boolean declaresExternalEntities(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 64 * 1024), StandardCharsets.UTF_8);
        int doctype = head.indexOf("<!DOCTYPE");
        if (doctype < 0) return false;
        int end = head.indexOf("]>", doctype);
        String declaration = head.substring(doctype, end < 0 ? head.length() : end);
        return declaration.matches("(?s).*\\b(SYSTEM|PUBLIC)\\b.*");
    }
}
