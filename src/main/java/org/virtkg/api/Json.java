package org.virtkg.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The one Jackson configuration of the service: strict on input, plain on output. */
public final class Json {
    /** Limits that keep a hostile JSON body from costing more than it is worth. */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(100)
            .maxStringLength(1_000_000)
            .build();

    public static final ObjectMapper MAPPER = KnowledgeAsWritten.register(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(READ_LIMITS);
        // A number or boolean where a string field is declared is a mistake to report, not to coerce.
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /** Default of the {@code max-json} setting: largest JSON request body read (products, claims, selection). */
    public static final long MAX_BODY_BYTES = 1L << 20;

    private Json() {}

    /**
     * Reads a request body that must be one JSON object — the one way every JSON endpoint reads
     * its body: the content type, when one is given, must be JSON (415, saying what was sent; a
     * form is not read as JSON), the size is bounded while reading (413), and a body that does not parse is a 400
     * saying where, in words, not in Jackson's.
     *
     * @param what what the body is, for messages ("the product", "the requirements")
     * @param example a minimal valid body, shown when the body is not an object
     */
    public static JsonNode readObject(Context ctx, BodyLimit limit, String what, String example) {
        String type = ctx.contentType();
        // No Content-Type at all is read as JSON (what else could it be); a stated other type is refused.
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json"))
            throw ProblemException.of(415, "Send " + what + " as application/json (got " + type
                    + "), e.g. " + example);
        JsonNode node = tree(RdfBodies.read(ctx, limit), "The body", ". Send " + what + " as a JSON object, e.g. " + example);
        if (node == null || !node.isObject())
            throw ProblemException.of(400, "The body must be a JSON object: " + what + ", e.g. " + example);
        return node;
    }

    /**
     * Parses a JSON request body, refusing one the parser refuses in words: {@code body} names it
     * ("The body", "The JSON-LD body"), {@code advice} follows a syntax error's clause. The limits are
     * {@link #MAPPER}'s (nesting, sizes): said with their figures, not the library's class names.
     */
    static JsonNode tree(byte[] bytes, String body, String advice) {
        try {
            return MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw ProblemException.of(400, body + " is larger or deeper than this server reads: " + limitInWords(e.getOriginalMessage()));
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw ProblemException.of(400, body + " is not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + firstClause(e.getOriginalMessage()) + advice);
        } catch (java.io.IOException e) {
            throw ProblemException.of(400, "Cannot read the request body: " + e.getMessage());
        }
    }

    /**
     * Which of {@link #READ_LIMITS} a body passed, in our words and figures; Jackson's message
     * ("Document nesting depth (65) exceeds the maximum allowed (64, from `StreamReadConstraints…`)")
     * names its own classes and methods.
     */
    static String limitInWords(String jacksonMessage) {
        String m = String.valueOf(jacksonMessage).toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth"))
            return "it nests objects or arrays more than " + READ_LIMITS.getMaxNestingDepth() + " levels deep";
        if (m.contains("number value length") || m.contains("number length"))
            return "it has a number longer than " + READ_LIMITS.getMaxNumberLength() + " digits";
        if (m.contains("string value length") || m.contains("string length"))
            return "it has a string longer than " + READ_LIMITS.getMaxStringLength() + " characters";
        return "it exceeds a limit on its size";
    }

    /**
     * Reads a request body as {@link #readObject} does and binds it to {@code type}, a record
     * whose components are the body's fields: a field the record does not have is a 400 naming it,
     * the fields the body takes and the nearest one ({@link UnknownNames}); a value of the wrong
     * JSON type is a 400 naming the field and the type it takes. Never Jackson's own words.
     */
    public static <T> T read(Context ctx, BodyLimit limit, Class<T> type, String what, String example) {
        return bind(readObject(ctx, limit, what, example), type, what);
    }

    /** Binds an already-read JSON value to {@code type}, with {@link #read}'s refusals. */
    public static <T> T bind(JsonNode node, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String at = path(e.getPath().subList(0, e.getPath().size() - 1));
            List<String> accepted = new ArrayList<>();
            Collection<Object> known = e.getKnownPropertyIds();
            if (known != null) known.forEach(k -> accepted.add(String.valueOf(k)));
            String where = at.isEmpty() ? capitalise(what) : "'" + at.substring(0, at.length() - 1) + "'";
            throw UnknownNames.refuse("field", Problem::withField, where, at, List.of(e.getPropertyName()), accepted);
        } catch (MismatchedInputException e) {
            String field = path(e.getPath()).replaceAll("\\.$", "");
            if (field.isEmpty()) throw ProblemException.of(400, "The body must be a JSON object: " + what);
            throw new ProblemException(Problem.of(400, "Field '" + field + "' must be " + expected(e.getTargetType()))
                    .withField(field));
        } catch (JacksonException e) {
            throw ProblemException.of(400, "The body does not have the shape of " + what);
        }
    }

    /** "claims[2].source." for Jackson's reference path; property names end with a dot. */
    private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (var r : refs) {
            if (r.getFieldName() != null) b.append(r.getFieldName()).append('.');
            else if (r.getIndex() >= 0) {
                if (!b.isEmpty() && b.charAt(b.length() - 1) == '.') b.setLength(b.length() - 1);
                b.append('[').append(r.getIndex()).append("].");
            }
        }
        return b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) return "of another JSON type";
        if (type == String.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (Collection.class.isAssignableFrom(type)) return "an array";
        return "a JSON object";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * What is wrong with the JSON, in words: the parser's message names its own states ("expected
     * close marker for Object", "(code 120)"), which say little to a person editing a request.
     */
    static String firstClause(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        var token = java.util.regex.Pattern.compile("^Unrecognized token '([^']*)'").matcher(first);
        var character = java.util.regex.Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)").matcher(first);
        if (first.startsWith("Unexpected end-of-input"))
            return "it ends before the JSON is complete (a closing } or ], or a closing quote, is missing)";
        if (token.find())
            return "'" + token.group(1) + "' is not a JSON value (text goes in double quotes; true, false and null are lower case)";
        if (character.find()) {
            String c = character.group(1);
            if (first.contains("double-quote to start field name")) return "a field name must be in double quotes, found '" + c + "'";
            if (first.contains("comma to separate")) return "a comma is missing before '" + c + "'";
            return "'" + c + "' is not allowed there";
        }
        if (first.startsWith("Illegal unquoted character")) return "a control character (such as a line break) must be escaped inside a string";
        return "it is not well-formed JSON";
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
