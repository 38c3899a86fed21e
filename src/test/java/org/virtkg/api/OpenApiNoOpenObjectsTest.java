package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Every JSON answer is typed all the way down: no schema of the generated /openapi.json is an
 * object that says nothing of its members (no properties, no typed additionalProperties), nor a
 * schema standing for any value (empty, or a description and nothing else). A part built as a map
 * of anything shows up here, by its JSON pointer, so a client can rely on each member's name and type.
 */
class OpenApiNoOpenObjectsTest {
    /** Keywords whose values are data (examples, allowed values), not schemas. */
    private static final Set<String> NOT_SCHEMAS = Set.of("example", "examples", "enum", "const", "default");
    /** Keywords that say what a value is; a schema with none of them (only a description, say) allows any value. */
    private static final Set<String> SAYING_WHAT = Set.of("type", "$ref", "oneOf", "anyOf", "allOf", "enum", "const");
    /**
     * Where an open object is the contract: this document's own answer (an OpenAPI document), and
     * a JSON-LD request body, which is an RDF graph in any JSON-LD form, not one of the API's shapes.
     */
    private static final List<String> OPEN_BY_NATURE = List.of("/paths/~1openapi.json/", "/requestBody/content/application~1ld+json/");

    static JsonNode doc;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        doc = json(get(shared.base() + "/openapi.json"), 200);
    }

    @Test
    void noSchemaIsAnOpenObjectOrAnyValue() {
        List<String> open = new ArrayList<>();
        walk(doc.get("paths"), "/paths", open);
        walk(doc.at("/components/schemas"), "/components/schemas", open);
        assertEquals(List.of(), open, "schemas that do not say what their members are");
    }

    /** The walk sees what it must, or the test above proves nothing. */
    @Test
    void theWalkSeesAnOpenObjectAndAnyValue() throws Exception {
        JsonNode sample = Json.MAPPER.readTree("""
                {"type": "object", "properties": {"a": {"type": ["object", "null"]}, "b": {"type": "array", "items": {}},
                 "c": {"type": "object", "additionalProperties": {"type": "string"}}, "d": {"type": "object", "additionalProperties": true},
                 "e": {"enum": [{}]}, "f": {"description": "an id, or true or false"}}}""");
        List<String> open = new ArrayList<>();
        walk(sample, "", open);
        assertEquals(List.of("/properties/a: an object without members", "/properties/b/items: any value",
                "/properties/d: an object without members", "/properties/f: any value"), open);
        assertTrue(open.stream().noneMatch(p -> p.startsWith("/properties/c")));
    }

    private static void walk(JsonNode node, String pointer, List<String> open) {
        if (OPEN_BY_NATURE.stream().anyMatch((pointer + "/")::contains)) return;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, open);
            return;
        }
        if (!node.isObject()) return;
        if (isSchema(pointer)) {
            if (SAYING_WHAT.stream().noneMatch(node::has)) open.add(pointer + ": any value");
            else if (isObjectType(node.get("type")) && !node.has("properties") && !typed(node.get("additionalProperties")))
                open.add(pointer + ": an object without members");
        }
        for (var member : node.properties())
            if (!NOT_SCHEMAS.contains(member.getKey())) walk(member.getValue(), pointer + "/" + escape(member.getKey()), open);
    }

    /**
     * Where a schema stands: under a schema keyword, not a map of names (paths, properties,
     * responses, content), whose members are named by data.
     */
    private static boolean isSchema(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        String parent = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
        String container = parent.substring(parent.lastIndexOf('/') + 1);
        return last.equals("schema") || last.equals("items") || last.equals("additionalProperties")
                || List.of("properties", "oneOf", "anyOf", "allOf").contains(container) || pointer.matches("/components/schemas/[^/]+") || pointer.isEmpty();
    }

    private static boolean isObjectType(JsonNode type) {
        if (type == null) return false;
        if (type.isTextual()) return type.asText().equals("object");
        for (JsonNode t : type) if (t.asText().equals("object")) return true;
        return false;
    }

    /** additionalProperties that is itself a schema saying something (not true, false or {}). */
    private static boolean typed(JsonNode additional) {
        return additional != null && additional.isObject() && !additional.isEmpty();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
