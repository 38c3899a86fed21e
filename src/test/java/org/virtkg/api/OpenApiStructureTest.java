package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The generated /openapi.json holds together as a document: every reference resolves, every path
 * parameter is declared (and every declared one is in its path), operation ids are unique, and
 * what the table says about roles, preconditions and allowed values reaches the document.
 */
class OpenApiStructureTest {
    static JsonNode doc;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
        doc = json(get(base + "/openapi.json"), 200);
    }

    /**
     * The query parameters the document lists are exactly those the server accepts: for every
     * read Javalin serves, an unknown parameter is refused with the documented ones as accepted.
     */
    @Test
    void theDocumentedQueryParametersAreTheAcceptedOnes() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (var path : doc.get("paths").properties()) {
            JsonNode op = path.getValue().path("get");
            // Fuseki answers protocol requests at its endpoints, with its own parameter rules (even where
            // Javalin serves a browser there); the stream would stay open on success.
            if (op.isMissingNode() || OpenApiCompletenessTest.FUSEKI.contains(path.getKey()) || path.getKey().equals("/api/changes/stream")) continue;
            Set<String> declared = new TreeSet<>();
            for (JsonNode p : op.path("parameters")) if (p.get("in").asText().equals("query")) declared.add(p.get("name").asText());
            String target = path.getKey().replaceAll("\\{[^}]+}", "KVM") + "?zz-not-a-parameter=1";
            var answer = get(base + target);
            JsonNode problem = answer.statusCode() == 400 ? json(answer, 400) : null;
            Set<String> accepted = new TreeSet<>();
            if (problem != null) problem.path("accepted").forEach(a -> accepted.add(a.asText()));
            if (problem == null || !declared.equals(accepted))
                mismatches.add(target + " -> " + answer.statusCode() + " accepted " + accepted + ", documented " + declared);
            checked++;
        }
        assertTrue(checked > 30, "reads checked: " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertTrue(refs.size() > 50, "the document uses references: " + refs.size());
        List<String> dangling = new ArrayList<>();
        for (String ref : new TreeSet<>(refs)) {
            if (!ref.startsWith("#/")) dangling.add(ref + " (not local)");
            else if (doc.at(ref.substring(1)).isMissingNode()) dangling.add(ref);
        }
        assertEquals(List.of(), dangling, "references that resolve to nothing");
        // The request records' schemas are there, derived from their components.
        assertEquals(Set.of("property", "object"), new HashSet<>(texts(doc.at("/components/schemas/ClaimInput/required"))));
        assertEquals("#/components/schemas/ClaimInput", doc.at("/components/schemas/ProductInput/properties/claims/items/$ref").asText());
        assertFalse(doc.at("/components/schemas/ProductInput/additionalProperties").asBoolean(true), "a product body is closed");
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryDeclaredOneIsInThePath() {
        List<String> problems = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> {
            Set<String> inPath = new TreeSet<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) inPath.add(m.group(1));
            path.getValue().properties().forEach(op -> {
                Set<String> declared = new TreeSet<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if (!p.path("in").asText().equals("path")) continue;
                    declared.add(p.get("name").asText());
                    if (!p.path("required").asBoolean()) problems.add(path.getKey() + " " + op.getKey() + ": " + p.get("name") + " not required");
                }
                if (!declared.equals(inPath)) problems.add(path.getKey() + " " + op.getKey() + ": declares " + declared + ", path has " + inPath);
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void operationIdsAreUniqueAndEveryOperationHasResponses() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : doc.get("paths").properties())
            for (var op : path.getValue().properties()) {
                operations++;
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty() || !ids.add(id)) problems.add(op.getKey() + " " + path.getKey() + ": operationId '" + id + "'");
                if (!op.getValue().path("responses").isObject() || op.getValue().path("responses").isEmpty())
                    problems.add(op.getKey() + " " + path.getKey() + ": no responses");
                if (op.getValue().path("summary").asText("").isBlank()) problems.add(op.getKey() + " " + path.getKey() + ": no summary");
            }
        assertTrue(operations > 50, "operations: " + operations);
        assertEquals(List.of(), problems);
    }

    @Test
    void rolesPreconditionsAndAllowedValuesComeFromTheTable() {
        // A write names its role and needs the bearer scheme, which the document defines.
        JsonNode create = doc.at("/paths/~1api~1products/post");
        assertEquals("editor", create.get("x-role").asText());
        assertTrue(create.at("/security/0").has("bearer"));
        assertEquals("http", doc.at("/components/securitySchemes/bearer/type").asText());
        assertEquals("admin", doc.at("/paths/~1api~1terms~1{name}/put/x-role").asText());
        assertTrue(doc.at("/paths/~1api~1technologies/get/security").isMissingNode(), "reads are public");
        // Preconditions on one-graph resources.
        assertTrue(names(doc.at("/paths/~1api~1products~1{id}/put/parameters")).contains("If-Match"));
        assertTrue(doc.at("/paths/~1api~1products~1{id}/put/responses/412").isObject());
        assertTrue(names(doc.at("/paths/~1data/put/parameters")).containsAll(List.of("If-Match", "If-None-Match")));
        assertTrue(doc.at("/paths/~1api~1terms~1{name}/get/responses/200/headers/ETag").isObject());
        // Allowed values.
        JsonNode view = param(doc.at("/paths/~1api~1compatibility/get/parameters"), "view");
        assertEquals(List.of("paper", "current", "all"), texts(view.at("/schema/enum")));
        assertEquals(List.of("services"), texts(param(doc.at("/paths/~1api~1platforms/get/parameters"), "include").at("/schema/enum")));
        JsonNode include = param(doc.at("/paths/~1api~1selection/post/parameters"), "include");
        assertEquals(List.of("violated", "unknown", "services"), texts(include.at("/schema/items/enum")));
        assertFalse(include.get("explode").asBoolean(), "comma-separated");
    }

    private static JsonNode param(JsonNode params, String name) {
        for (JsonNode p : params) if (p.get("name").asText().equals(name)) return p;
        throw new AssertionError("no parameter " + name + " in " + params);
    }

    private static List<String> names(JsonNode params) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : params) out.add(p.get("name").asText());
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) out.add(v.asText());
        return out;
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
                else collectRefs(e.getValue(), out);
            });
        } else if (node.isArray()) {
            for (JsonNode n : node) collectRefs(n, out);
        }
    }
}
