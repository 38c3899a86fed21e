package org.virtkg.testing;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;
import org.virtkg.api.Json;

/**
 * Assertions on JSON bodies by structure, not by text: the body is parsed (with the service's own
 * {@link Json#MAPPER}) and each check names a JSON Pointer and what must be there.
 *
 * <pre>
 *   assertJson(response).at("/lifecycleStatus").is("Maintained");
 *   assertJson(body).at("/items").hasItemWith("/id", "KVM").hasNoItemWith("/id", "AmazonEC2");
 *   assertJson(problem).at("/detail").textContains("contradicts");
 * </pre>
 *
 * <p>Why not {@code body.contains("KVM")}: that also passes when "KVM" is a key, a neighbour's
 * value, part of "KVMish", or sits in an error message instead of the list it should be in, and a
 * failing one prints no more than "expected true". Here the check fails unless the value is at the
 * place named, and says what was there instead.
 */
public final class JsonAssert {
    private static final int SHOWN = 2_000;

    private final JsonNode root;
    private final String pointer;
    private final JsonNode node;

    private JsonAssert(JsonNode root, String pointer, JsonNode node) {
        this.root = root;
        this.pointer = pointer;
        this.node = node;
    }

    /** Parses {@code body} as JSON; fails (showing the body) when it is not. */
    public static JsonAssert assertJson(String body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) throw new AssertionFailedError("empty body where JSON was expected");
            return new JsonAssert(root, "", root);
        } catch (java.io.IOException e) {
            throw new AssertionFailedError("not JSON: " + shorten(body), e);
        }
    }

    /** {@link #assertJson(String)} of the response's body. */
    public static JsonAssert assertJson(HttpResponse<String> response) {
        return assertJson(response.body());
    }

    /** Assertions on an already parsed document. */
    public static JsonAssert assertJson(JsonNode root) {
        if (root == null) throw new AssertionFailedError("no JSON node (null)");
        return new JsonAssert(root, "", root);
    }

    /** The value at {@code jsonPointer} (e.g. {@code /items/0/id}), relative to this one; missing is allowed until asserted on. */
    public JsonAssert at(String jsonPointer) {
        return new JsonAssert(root, pointer + jsonPointer, node.at(JsonPointer.compile(jsonPointer)));
    }

    /** Back to the whole document, for chaining checks on several places. */
    public JsonAssert root() {
        return new JsonAssert(root, "", root);
    }

    /** The node this assertion is about (a {@code MissingNode} when absent). */
    public JsonNode node() {
        return node;
    }

    /** The JSON boolean here; fails on anything else (a missing value, the string "true"). */
    public boolean booleanValue() {
        if (!node.isBoolean()) fail("expected a boolean");
        return node.booleanValue();
    }

    /** The JSON string here; fails on anything else. */
    public String textValue() {
        if (!node.isTextual()) fail("expected a string");
        return node.textValue();
    }

    /** The JSON integer here; fails on anything else. */
    public long longValue() {
        if (!node.isIntegralNumber()) fail("expected an integer");
        return node.longValue();
    }

    // ------------------------------------------------------------------------------------------
    // Presence

    public JsonAssert exists() {
        if (node.isMissingNode()) fail("expected a value");
        return this;
    }

    /** Absent altogether (an explicit JSON null is not absent). */
    public JsonAssert isMissing() {
        if (!node.isMissingNode()) fail("expected no value");
        return this;
    }

    /** Absent or JSON null. */
    public JsonAssert isAbsentOrNull() {
        if (!node.isMissingNode() && !node.isNull()) fail("expected no value or null");
        return this;
    }

    // ------------------------------------------------------------------------------------------
    // Scalars

    /** A JSON string equal to {@code expected}. */
    public JsonAssert is(String expected) {
        if (!node.isTextual() || !node.textValue().equals(expected)) fail("expected the string \"" + expected + "\"");
        return this;
    }

    /** A JSON integer equal to {@code expected}. */
    public JsonAssert is(long expected) {
        if (!node.isIntegralNumber() || node.longValue() != expected) fail("expected the integer " + expected);
        return this;
    }

    /** A JSON boolean equal to {@code expected}. */
    public JsonAssert is(boolean expected) {
        if (!node.isBoolean() || node.booleanValue() != expected) fail("expected " + expected);
        return this;
    }

    /** A JSON number equal to {@code expected} within {@code delta}. */
    public JsonAssert isNumber(double expected, double delta) {
        if (!node.isNumber() || Math.abs(node.doubleValue() - expected) > delta) fail("expected the number " + expected);
        return this;
    }

    /** A JSON string containing {@code fragment}: for prose (a problem's detail, a summary). */
    public JsonAssert textContains(String fragment) {
        if (!node.isTextual() || !node.textValue().contains(fragment)) fail("expected a string containing \"" + fragment + "\"");
        return this;
    }

    /** A JSON string not containing {@code fragment}. */
    public JsonAssert textLacks(String fragment) {
        if (!node.isTextual() || node.textValue().contains(fragment)) fail("expected a string without \"" + fragment + "\"");
        return this;
    }

    /** A JSON string starting with {@code prefix}. */
    public JsonAssert textStartsWith(String prefix) {
        if (!node.isTextual() || !node.textValue().startsWith(prefix)) fail("expected a string starting with \"" + prefix + "\"");
        return this;
    }

    // ------------------------------------------------------------------------------------------
    // Arrays

    /** An array of exactly {@code size} elements. */
    public JsonAssert hasSize(int size) {
        if (!node.isArray() || node.size() != size) fail("expected an array of " + size);
        return this;
    }

    /** An array that is not empty. */
    public JsonAssert isNonEmptyArray() {
        if (!node.isArray() || node.isEmpty()) fail("expected a non-empty array");
        return this;
    }

    /** An array with a string element equal to {@code text}. */
    public JsonAssert hasItem(String text) {
        if (!anyElement(e -> e.isTextual() && e.textValue().equals(text))) fail("expected an array with the string \"" + text + "\"");
        return this;
    }

    /** An array with no string element equal to {@code text}. */
    public JsonAssert hasNoItem(String text) {
        requireArray();
        if (anyElement(e -> e.isTextual() && e.textValue().equals(text))) fail("expected an array without the string \"" + text + "\"");
        return this;
    }

    /** An array with an element whose string at {@code elementPointer} (e.g. {@code /id}) equals {@code value}. */
    public JsonAssert hasItemWith(String elementPointer, String value) {
        if (!anyElement(withText(elementPointer, value)))
            fail("expected an array with an element whose " + elementPointer + " is \"" + value + "\"");
        return this;
    }

    /** An array with no element whose string at {@code elementPointer} equals {@code value}. */
    public JsonAssert hasNoItemWith(String elementPointer, String value) {
        requireArray();
        if (anyElement(withText(elementPointer, value)))
            fail("expected an array with no element whose " + elementPointer + " is \"" + value + "\"");
        return this;
    }

    /** The element whose string at {@code elementPointer} equals {@code value}, for checks on it; fails if none. */
    public JsonAssert itemWith(String elementPointer, String value) {
        hasItemWith(elementPointer, value);
        int i = 0;
        for (JsonNode e : node) {
            if (withText(elementPointer, value).test(e)) return new JsonAssert(root, pointer + "/" + i, e);
            i++;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The strings at {@code elementPointer} of every element of this array (missing ones skipped). */
    public List<String> texts(String elementPointer) {
        requireArray();
        List<String> out = new ArrayList<>();
        for (JsonNode e : node) {
            JsonNode v = e.at(elementPointer);
            if (v.isTextual()) out.add(v.textValue());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Anywhere below (for nested documents whose exact shape is not what the test is about)

    /** Some string value at or below this node equals {@code text} (keys do not count). */
    public JsonAssert hasTextBelow(String text) {
        if (!anyText(node, t -> t.equals(text))) fail("expected the string \"" + text + "\" at or below here");
        return this;
    }

    /** Some string value at or below this node contains {@code fragment} (keys do not count). */
    public JsonAssert hasTextBelowContaining(String fragment) {
        if (!anyText(node, t -> t.contains(fragment))) fail("expected a string containing \"" + fragment + "\" at or below here");
        return this;
    }

    /** No string value at or below this node contains {@code fragment} (keys do not count). */
    public JsonAssert hasNoTextBelowContaining(String fragment) {
        if (anyText(node, t -> t.contains(fragment))) fail("expected no string containing \"" + fragment + "\" at or below here");
        return this;
    }

    // ------------------------------------------------------------------------------------------

    private boolean anyElement(Predicate<JsonNode> test) {
        if (!node.isArray()) return false;
        for (JsonNode e : node) if (test.test(e)) return true;
        return false;
    }

    private void requireArray() {
        if (!node.isArray()) fail("expected an array");
    }

    private static Predicate<JsonNode> withText(String elementPointer, String value) {
        return e -> {
            JsonNode v = e.at(elementPointer);
            return v.isTextual() && v.textValue().equals(value);
        };
    }

    private static boolean anyText(JsonNode n, Predicate<String> test) {
        if (n.isTextual()) return test.test(n.textValue());
        for (JsonNode child : n) if (anyText(child, test)) return true;
        return false;
    }

    private void fail(String expectation) {
        String at = pointer.isEmpty() ? "the document" : pointer;
        String found = node.isMissingNode() ? "nothing" : shorten(node.toString());
        throw new AssertionFailedError(at + ": " + expectation + ", found " + found
                + (pointer.isEmpty() ? "" : "\nin " + shorten(root.toString())));
    }

    private static String shorten(String s) {
        return s == null ? "null" : s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "… (" + s.length() + " characters)";
    }
}
