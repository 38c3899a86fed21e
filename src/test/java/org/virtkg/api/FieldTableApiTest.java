package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * One field table: {@code GET /api/fields} lists the product fields, and the read side (a
 * technology's or platform's representation), the write side ({@code /api/products}) and the
 * OpenAPI schemas all have exactly those fields, so what a product is written with it reads back with.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class FieldTableApiTest {
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        base = shared.base();
    }

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = Fixtures.get(base + path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    static List<JsonNode> fields() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        ok("/api/fields").get("fields").forEach(out::add);
        return out;
    }

    static Set<String> names(List<JsonNode> fields, String kind, boolean writableOnly) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : fields) {
            String k = f.get("kind").asText();
            if ((k.equals(kind) || k.equals("both") || kind == null) && (!writableOnly || f.get("writable").asBoolean()))
                out.add(f.get("name").asText());
        }
        return out;
    }

    static Set<String> ids(JsonNode values) {
        Set<String> out = new HashSet<>();
        values.forEach(v -> out.add(v.get("id").asText()));
        return out;
    }

    @Test
    void theTableDescribesEachFieldForPeopleAndPrograms() throws Exception {
        List<JsonNode> fields = fields();
        JsonNode uses = fields.stream().filter(f -> f.get("name").asText().equals("uses")).findFirst().orElseThrow();
        assertEquals("https://w3id.org/virtkg/ontology#uses", uses.get("predicate").asText());
        assertEquals("both", uses.get("kind").asText());
        assertEquals("many", uses.get("cardinality").asText());
        assertEquals("id", uses.get("valueType").asText());
        assertTrue(uses.get("writable").asBoolean());
        assertEquals("Uses", uses.get("label").asText());
        // The description is the ontology's comment on the property, not a second wording of it.
        assertTrue(uses.get("description").asText().startsWith("The product or component relies on another product"), uses.toString());
        JsonNode platforms = fields.stream().filter(f -> f.get("name").asText().equals("platforms")).findFirst().orElseThrow();
        assertEquals("https://w3id.org/virtkg/ontology#supportedBy", platforms.get("predicate").asText());
        assertEquals("https://w3id.org/virtkg/ontology#supports", platforms.get("inverse").asText());
        for (JsonNode f : fields)
            for (String member : List.of("name", "predicate", "kind", "cardinality", "valueType", "writable", "label"))
                assertFalse(f.get(member).isNull(), member + " of " + f);
    }

    @Test
    void aTechnologyAndAPlatformShowExactlyTheTablesFields() throws Exception {
        List<JsonNode> fields = fields();
        Set<String> meta = Set.of("id", "iri", "label", "kinds", "openSource", "licensing", "sources");
        Set<String> shown = new LinkedHashSet<>();
        ok("/api/technologies/KVM").fieldNames().forEachRemaining(shown::add);
        shown.removeAll(meta);
        assertEquals(names(fields, "technology", false), shown);
        Set<String> platform = new LinkedHashSet<>();
        ok("/api/platforms/Ganeti").fieldNames().forEachRemaining(platform::add);
        platform.removeAll(meta);
        assertEquals(names(fields, "platform", false), platform);
    }

    @Test
    void whatTheWriteSideTakesTheReadSideShows() throws Exception {
        List<JsonNode> fields = fields();
        Set<String> technology = new HashSet<>();
        ok("/api/technologies/KVM").fieldNames().forEachRemaining(technology::add);
        Set<String> platform = new HashSet<>();
        ok("/api/platforms/Ganeti").fieldNames().forEachRemaining(platform::add);
        for (String f : names(fields, "technology", true)) assertTrue(technology.contains(f), f + " is written but not shown on a technology");
        for (String f : names(fields, "platform", true)) assertTrue(platform.contains(f), f + " is written but not shown on a platform");
        // The paper's own 'uses' and 'lacks feature' statements are shown.
        assertTrue(ids(ok("/api/technologies/KVM").get("uses")).containsAll(Set.of("IntelVT", "AMDV")));
        assertTrue(ids(ok("/api/technologies/LXD").get("lacksFeatures")).contains("LiveMigration"));
        assertTrue(ids(ok("/api/platforms/Ganeti").get("lacksFeatures")).containsAll(Set.of("ObjectStorage", "ImageStorage")));
    }

    @Test
    void aProductWrittenWithUsesAndLacksFeaturesReadsBackWithThem() throws Exception {
        String body = """
                {"kind": "Hypervisor", "id": "FieldTableZed", "label": "FieldTableZed", "hostOS": "Linux",
                 "uses": ["libvirt"], "lacksFeatures": "LiveMigration"}""";
        HttpResponse<String> created = Fixtures.post(base + "/api/products", body, "Content-Type", "application/json",
                "Authorization", "Bearer " + EDITOR);
        assertEquals(201, created.statusCode(), created.body());
        try {
            JsonNode t = ok("/api/technologies/FieldTableZed");
            assertEquals(Set.of("libvirt"), ids(t.get("uses")));
            assertEquals(Set.of("LiveMigration"), ids(t.get("lacksFeatures")));
            assertEquals("stated", t.get("uses").get(0).get("basis").asText());
        } finally {
            Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products/FieldTableZed")).DELETE(), "Authorization", "Bearer " + EDITOR);
        }
    }

    @Test
    void aComparisonHasTheTablesFieldsWithTheirLabels() throws Exception {
        List<JsonNode> fields = fields();
        JsonNode rows = ok("/api/compare?ids=Ganeti,OpenStack").get("properties");
        List<String> names = new ArrayList<>();
        for (JsonNode row : rows) {
            names.add(row.get("property").asText());
            if (row.get("property").asText().equals("kinds")) continue;
            JsonNode f = fields.stream().filter(x -> x.get("name").equals(row.get("property"))).findFirst().orElseThrow();
            assertEquals(f.get("label"), row.get("label"), row.get("property").asText());
        }
        List<String> expected = new ArrayList<>(List.of("kinds"));
        expected.addAll(names(fields, "platform", false));
        assertEquals(expected, names);
        var compare = Fixtures.get(base + "/js/pages/compare.js");
        assertEquals(200, compare.statusCode(), "the compare page's module");
        assertFalse(compare.body().contains("'Type of VMM'"), "compare.js keeps no labels of its own");
    }

    @Test
    void theOpenApiSchemasAreTheTables() throws Exception {
        List<JsonNode> fields = fields();
        JsonNode schemas = ok("/openapi.json").at("/components/schemas");
        Set<String> tech = new HashSet<>();
        schemas.at("/Technology/properties").fieldNames().forEachRemaining(tech::add);
        assertTrue(tech.containsAll(names(fields, "technology", false)), tech.toString());
        Set<String> input = new HashSet<>();
        schemas.at("/ProductInput/properties").fieldNames().forEachRemaining(input::add);
        input.removeAll(Set.of("kind", "id", "label", "comment", "source", "claims"));
        assertEquals(names(fields, null, true), input);
        assertTrue(ok("/openapi.json").at("/paths/~1api~1fields/get").isObject(), "GET /api/fields is described");
    }

    @Test
    void theWebUiReadsTheTableInsteadOfKeepingItsOwnList() throws Exception {
        var r = Fixtures.get(base + "/js/pages/product-form.js");
        assertEquals(200, r.statusCode(), "the product form's module");
        String form = r.body();
        assertTrue(form.contains("api('/api/fields')"), "the product form reads /api/fields");
        for (String label : List.of("'Supports technologies'", "'Supported by platforms'", "supportedBy: 'platforms'"))
            assertFalse(form.contains(label), "the product form has no copy of the field table: " + label);
    }
}
