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
import io.javalin.http.Context;
import java.util.Locale;

/** The one Jackson configuration of the service: strict on input, plain on output. */
public final class Json {
    /** Limits that keep a hostile JSON body from costing more than it is worth. */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(100)
            .maxStringLength(1_000_000)
            .build();

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(READ_LIMITS);
    }

    /** Largest JSON request body read (products, selections). */
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
    public static JsonNode readObject(Context ctx, long maxBytes, String what, String example) {
        String type = ctx.contentType();
        // No Content-Type at all is read as JSON (what else could it be); a stated other type is refused.
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json"))
            throw ProblemException.of(415, "Send " + what + " as application/json (got " + type
                    + "), e.g. " + example);
        byte[] bytes = RdfBodies.read(ctx, maxBytes);
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw ProblemException.of(400, "The body is larger or deeper than allowed (" + e.getOriginalMessage().split("\\(")[0].strip() + ")");
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw ProblemException.of(400, "The body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": " + firstClause(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ProblemException.of(400, "Cannot read the request body: " + e.getMessage());
        }
        if (node == null || !node.isObject())
            throw ProblemException.of(400, "The body must be a JSON object: " + what + ", e.g. " + example);
        return node;
    }

    /** Jackson's "Unrecognized token 'a': was expecting (JSON String, Number, …)" without the list. */
    private static String firstClause(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        int paren = first.indexOf(" (");
        return (paren > 0 ? first.substring(0, paren) : first).replace(": was expecting", "; expected a JSON value");
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
