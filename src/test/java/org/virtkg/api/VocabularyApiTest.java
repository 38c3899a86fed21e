package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The vocabulary routes the web UI's pages read instead of SPARQL of their own: {@code GET
 * /api/vocabulary}, {@code /api/classes}, {@code /api/classes/{id}/instances} and {@code /api/values},
 * over the shipped data. Where a route answers a question /sparql can answer too, the two must agree
 * (the queries the pages used to send are the reference), so neither can drift unnoticed.
 */
class VocabularyApiTest {
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String ID = "https://w3id.org/virtkg/id/";
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
    }

    static JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = Fixtures.get(base + path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return Json.MAPPER.readTree(r.body());
    }

    static JsonNode problem(String path, int status) throws Exception {
        HttpResponse<String> r = Fixtures.get(base + path);
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
        return Json.MAPPER.readTree(r.body());
    }

    static List<JsonNode> items(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        body.get("items").forEach(out::add);
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static JsonNode sparql(String query) throws Exception {
        HttpResponse<String> r = Fixtures.post(base + "/sparql", query, "Content-Type", "application/sparql-query",
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body()).at("/results/bindings");
    }

    static JsonNode byId(List<JsonNode> items, String id) {
        return items.stream().filter(i -> i.get("id").asText().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id));
    }

    @Test
    void theVocabularyListsEveryLabelledTermWithItsKindSortedByLabel() throws Exception {
        List<JsonNode> terms = items(ok("/api/vocabulary"));
        JsonNode hv = byId(terms, "Hypervisor");
        assertEquals(VKG + "Hypervisor", hv.get("iri").asText());
        assertEquals("class", hv.get("kind").asText());
        assertEquals("hypervisor", hv.get("label").asText());
        assertEquals("property", byId(terms, "supportedBy").get("kind").asText());
        JsonNode linux = byId(terms, "Linux");
        assertEquals(ID + "Linux", linux.get("iri").asText());
        assertTrue(Set.of("concept", "individual").contains(linux.get("kind").asText()), linux.toString());
        for (JsonNode t : terms) {
            assertTrue(t.get("iri").asText().startsWith("https://w3id.org/virtkg/"), t.toString());
            assertFalse(t.get("label").asText().isBlank(), t.toString());
            assertTrue(Set.of("class", "property", "concept", "individual").contains(t.get("kind").asText()), t.toString());
        }
        for (int i = 1; i < terms.size(); i++)
            assertTrue(terms.get(i - 1).get("label").asText().compareToIgnoreCase(terms.get(i).get("label").asText()) <= 0,
                    "sorted by label at " + i);
        // Every labelled class and object property of the store is there, as /sparql finds them.
        Set<String> iris = new HashSet<>();
        terms.forEach(t -> iris.add(t.get("iri").asText()));
        JsonNode rows = sparql("""
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?x WHERE { { ?x a owl:Class } UNION { ?x a owl:ObjectProperty } ?x rdfs:label ?l
                  FILTER(STRSTARTS(STR(?x), "https://w3id.org/virtkg/")) }""");
        assertTrue(rows.size() > 40, rows.toString());
        rows.forEach(b -> assertTrue(iris.contains(b.at("/x/value").asText()), b.toString()));
    }

    @Test
    void classesHaveTheirDirectSuperclassesAndTheInstanceCountsSparqlGives() throws Exception {
        List<JsonNode> classes = items(ok("/api/classes"));
        // The store holds the closure (a type 1 hypervisor is a virtualization technology too); only the direct one is given.
        assertEquals(List.of("Hypervisor"), strings(byId(classes, "Type1Hypervisor").get("superClasses")));
        assertEquals(List.of("ContainerTechnology", "Hypervisor"), strings(byId(classes, "ContainerHypervisor").get("superClasses")));
        JsonNode hv = byId(classes, "Hypervisor");
        assertEquals(List.of("VirtualizationTechnology"), strings(hv.get("superClasses")));
        assertTrue(hv.get("comment").asText().contains("virtual machine"), hv.toString());
        // Instance counts, inferred membership included, as /sparql counts them.
        Map<String, Integer> counted = new HashMap<>();
        sparql("""
                SELECT ?c (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a ?c
                  FILTER(STRSTARTS(STR(?c), "%s") && STRSTARTS(STR(?i), "%s")) } GROUP BY ?c""".formatted(VKG, ID))
                .forEach(b -> counted.put(b.at("/c/value").asText().substring(VKG.length()), b.at("/n/value").asInt()));
        assertTrue(counted.getOrDefault("Hypervisor", 0) > 10, counted.toString());
        for (JsonNode c : classes)
            assertEquals(counted.getOrDefault(c.get("id").asText(), 0).intValue(), c.get("instances").asInt(), c.get("id").asText());
        JsonNode rows = sparql("""
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a owl:Class FILTER(STRSTARTS(STR(?c), "%s")) }""".formatted(VKG));
        assertEquals(rows.at("/0/n/value").asInt(), classes.size(), "one entry per vkg: class");
    }

    @Test
    void aClassListsItsInstancesByLabelPagedAndInAnyCase() throws Exception {
        JsonNode r = ok("/api/classes/hypervisor/instances?limit=500");
        assertEquals("Hypervisor", r.at("/class/id").asText());
        List<String> ids = new ArrayList<>();
        r.get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertTrue(ids.containsAll(List.of("KVM", "Xen", "LXD")), ids.toString());
        assertFalse(ids.contains("OpenStack"), "a cloud platform is no hypervisor");
        assertEquals(r.get("total").asInt(), ids.size());
        assertTrue(r.get("next").isNull());
        JsonNode page = ok("/api/classes/Hypervisor/instances?limit=2&offset=1");
        assertEquals(2, page.get("items").size());
        assertEquals(r.at("/items/1/id").asText(), page.at("/items/0/id").asText(), "the same order, paged");
        assertTrue(page.get("next").asText().contains("offset=3"), page.toString());
        JsonNode missing = problem("/api/classes/Hypervisr/instances", 404);
        assertTrue(strings(missing.get("suggestions")).contains("Hypervisor"), missing.toString());
    }

    @Test
    void valuesAreWhatEachPropertyTakesAsSparqlFindsThem() throws Exception {
        JsonNode values = ok("/api/values?property=hostOS,deploymentModel").get("values");
        assertEquals(List.of("hostOS", "deploymentModel"), iterable(values.fieldNames()), "in the order asked");
        Set<String> host = new HashSet<>();
        values.get("hostOS").forEach(v -> host.add(v.get("id").asText()));
        assertTrue(host.containsAll(Set.of("Linux", "Windows")), host.toString());
        Set<String> models = new HashSet<>();
        values.get("deploymentModel").forEach(v -> models.add(v.get("id").asText()));
        // The instances of the property's range and every value a product has, as /sparql finds them.
        Set<String> expected = new HashSet<>();
        sparql("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT DISTINCT ?x WHERE {
                  { <%1$sdeploymentModel> rdfs:range ?r . ?x a ?r FILTER(?r != rdfs:Resource && ?r != <http://www.w3.org/2002/07/owl#Thing>) }
                  UNION { ?s <%1$sdeploymentModel> ?x }
                  FILTER(isIRI(?x) && STRSTARTS(STR(?x), "%2$s")) }""".formatted(VKG, ID))
                .forEach(b -> expected.add(b.at("/x/value").asText().substring(ID.length())));
        assertEquals(expected, models);
        assertTrue(models.contains("Hybrid"), models.toString());
        values.get("hostOS").forEach(v -> assertFalse(v.get("label").asText().isBlank(), v.toString()));
    }

    @Test
    void anUnknownPropertyIsNamedWithTheNearestOne() throws Exception {
        JsonNode p = problem("/api/values?property=hostOs", 400);
        assertEquals("property", p.get("parameter").asText());
        assertEquals("hostOS", strings(p.get("suggestions")).getFirst());
        assertTrue(problem("/api/values", 400).get("detail").asText().contains("'property'"), "the parameter is required");
    }

    @Test
    void unknownParametersAreRefusedOnEveryVocabularyRoute() throws Exception {
        for (String path : List.of("/api/vocabulary?q=KVM", "/api/classes?limit=5", "/api/classes/Hypervisor/instances?limt=5",
                "/api/values?property=hostOS&properties=guestOS")) {
            JsonNode p = problem(path, 400);
            assertTrue(p.get("detail").asText().startsWith("Unknown query parameter"), path + ": " + p);
        }
        assertEquals(List.of("limit"), strings(problem("/api/classes/Hypervisor/instances?limt=5", 400).get("suggestions")));
    }

    @Test
    void eachAnswerIsCachedByTheKnowledgeBaseVersionAndDescribed() throws Exception {
        for (String path : List.of("/api/vocabulary", "/api/classes", "/api/classes/Hypervisor/instances", "/api/values?property=hostOS")) {
            HttpResponse<String> r = Fixtures.get(base + path);
            String etag = r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertEquals(304, Fixtures.get(base + path, "If-None-Match", etag).statusCode(), path);
        }
        JsonNode doc = ok("/openapi.json");
        for (String path : List.of("/api/vocabulary", "/api/classes", "/api/classes/{id}/instances", "/api/values"))
            assertTrue(doc.at("/paths/" + path.replace("/", "~1") + "/get/summary").isTextual(), path + " is described");
        JsonNode kind = doc.at("/paths/~1api~1vocabulary/get/responses/200/content/application~1json/schema/properties/items/items/properties/kind");
        assertEquals(List.of("class", "property", "concept", "individual"), strings(kind.get("enum")), "the item schema is the record's");
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /**
     * The wizard's requirements are the ones {@code POST /api/selection} judges: every one listed is
     * accepted there, the names its refusal of an unknown requirement lists are exactly these, and
     * each one's options are the values {@code /api/values} gives for its property.
     */
    @Test
    void selectionRequirementsAreTheOnesTheSelectionTakesWithTheirOptions() throws Exception {
        JsonNode body = ok("/api/selection/requirements");
        List<String> names = new ArrayList<>();
        for (JsonNode r : items(body)) {
            String name = r.get("name").asText();
            names.add(name);
            assertFalse(r.get("label").asText().isBlank(), name);
            assertTrue(List.of("technology", "platform", "either").contains(r.get("side").asText()), r.toString());
            JsonNode example;
            if (r.get("property").isNull()) {
                assertTrue(r.get("values").isNull(), r.toString());
                example = Json.MAPPER.getNodeFactory().booleanNode(true);
            } else {
                JsonNode values = ok("/api/values?property=" + r.get("property").asText()).at("/values/" + r.get("property").asText());
                assertEquals(values, r.get("values"), name + ": the options are the property's values");
                assertTrue(values.size() > 0, name + " offers something to choose");
                example = values.get(0).get("id");
            }
            var ranked = Fixtures.post(base + "/api/selection?limit=1", "{\"" + name + "\": " + example + "}", "Content-Type", "application/json");
            assertEquals(200, ranked.statusCode(), name + ": " + ranked.body());
        }
        var unknown = Fixtures.post(base + "/api/selection", "{\"hostOs\": \"Linux\"}", "Content-Type", "application/json");
        assertEquals(400, unknown.statusCode(), unknown.body());
        // Besides the requirements, a selection body takes the two filters (platform, technology).
        java.util.Set<String> accepted = new java.util.TreeSet<>(strings(Json.MAPPER.readTree(unknown.body()).get("accepted")));
        accepted.removeAll(java.util.Set.of("platform", "technology"));
        assertEquals(new java.util.TreeSet<>(names), accepted, unknown.body());
        assertEquals(java.util.Set.of("must", "nice", "should"), new java.util.TreeSet<>(iterable(body.get("weights").fieldNames())));
        assertEquals("should", body.get("defaultWeight").asText());
    }
}
