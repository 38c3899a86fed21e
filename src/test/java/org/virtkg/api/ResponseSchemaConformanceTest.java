package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.Fixtures.send;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.ProductFields;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * What /openapi.json says an answer looks like is what the server answers: for a handful of
 * operations, the live JSON is checked against the documented schema of its status and media
 * type ({@code $ref}s resolved). Every member the answer has must be declared where the schema
 * lists members (unless it is open to others), with a JSON type it declares, within its enum; every
 * required member must be there. So a renamed record component, a member added to a handler's map, or a schema that says
 * "string" of a number fails here, not in a client.
 */
class ResponseSchemaConformanceTest {
    /** Reads answers without the service's limits on request bodies: a change's patch (the shipped sync's) is longer than a body may be. */
    private static final com.fasterxml.jackson.databind.ObjectMapper ANSWERS = new com.fasterxml.jackson.databind.ObjectMapper();
    static JsonNode doc;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
        doc = json(get(base + "/openapi.json"), 200);
    }

    @Test
    void aTechnologyAndAPlatformAreAsDocumented() {
        conforms("/api/technologies/{id}", "/api/technologies/KVM", 200, "application/json");
        conforms("/api/platforms/{id}", "/api/platforms/OpenStack", 200, "application/json");
        // A view other than "all" names itself (view), a member the default answer does not have.
        conforms("/api/technologies/{id}", "/api/technologies/KVM?view=paper", 200, "application/json");
        conforms("/api/platforms/{id}", "/api/platforms/AmazonEC2?view=current", 200, "application/json");
    }

    /**
     * Every field of the product field table ({@link ProductFields}) is a member of its kind's
     * schema, described by its label and required (a product answer has every field of its kind,
     * empty when nothing is known), and the schema is closed: the answer has no other members.
     */
    @Test
    void everyProductFieldIsARequiredMemberOfItsKindsSchema() {
        for (var kind : Map.of("Technology", ProductFields.Kind.technology, "Platform", ProductFields.Kind.platform).entrySet()) {
            JsonNode schema = doc.at("/components/schemas/" + kind.getKey());
            List<String> required = texts(schema.get("required"));
            List<String> problems = new ArrayList<>();
            for (ProductFields.Field f : ProductFields.of(kind.getValue())) {
                JsonNode p = schema.path("properties").path(f.name());
                if (!required.contains(f.name())) problems.add(f.name() + " is not required");
                if (!p.path("description").asText().equals(f.label())) problems.add(f.name() + " is not described as '" + f.label() + "': " + p);
                if (!p.at("/items/$ref").asText().equals("#/components/schemas/Value")) problems.add(f.name() + " is not a list of values: " + p);
            }
            assertEquals(List.of(), problems, kind.getKey());
            assertTrue(required.containsAll(List.of("id", "iri", "label", "kinds", "openSource", "licensing", "sources")), kind.getKey() + ": " + required);
            assertFalse(required.contains("view"), kind.getKey() + ": view is there only for a view other than all");
            assertFalse(schema.path("additionalProperties").asBoolean(true), kind.getKey() + " is closed");
        }
    }

    /**
     * The Problem schema is closed and declares the extension members the service sends (each
     * refusal's own), none of them required; status is the HTTP status, always a number.
     */
    @Test
    void theProblemSchemaIsClosedAndDeclaresTheExtensionMembers() {
        JsonNode problem = doc.at("/components/schemas/Problem");
        assertFalse(problem.path("additionalProperties").asBoolean(true), "Problem is closed");
        List<String> members = new ArrayList<>();
        problem.get("properties").fieldNames().forEachRemaining(members::add);
        assertTrue(members.containsAll(List.of("type", "title", "status", "detail", "instance", "kind", "report", "parameter", "field",
                "unknown", "accepted", "suggestions", "releases", "view", "existing", "line")), members.toString());
        assertEquals(List.of("type", "title", "status", "detail"), texts(problem.get("required")));
        assertEquals("integer", problem.at("/properties/status/type").asText());
        assertEquals("string", problem.at("/properties/suggestions/items/type").asText());
    }

    /**
     * The problems of refused writes, which a read-only server cannot be made to send: a SHACL
     * refusal about one field (kind, report, field), a store that cannot take part, a taken id,
     * a body that is not a Nova matrix at a line, an unknown field of a body; each as documented.
     */
    @Test
    void theProblemsOfRefusedWritesAreAsDocumented() throws Exception {
        JsonNode schema = doc.at("/components/schemas/Problem");
        var shacl = new org.virtkg.kb.WriteRejectedException("shacl", "refused",
                List.of(new org.virtkg.kb.WriteRejectedException.ShapeViolation("https://w3id.org/virtkg/id/Probe",
                        "<https://w3id.org/virtkg/ontology#hostOS>", "KVM", "Host OS must be an operating system", null, null, "hostOS")));
        List<Problem> sent = List.of(ProblemException.rejected(shacl).at("/api/products"),
                ProblemException.storeUnavailable(new org.virtkg.store.StoreException("unreachable")),
                Problem.of(409, "taken").withExisting("https://w3id.org/virtkg/id/KVM"),
                Problem.of(400, "not a matrix").withLine(3),
                UnknownNames.refuse("field", Problem::withField, "The product", "claims[0].", List.of("objekt"), List.of("object")).problem());
        for (Problem p : sent) assertEquals(List.of(), problems(Json.MAPPER.readTree(p.toJson()), schema), p.toJson());
        assertEquals("hostOS", Json.MAPPER.readTree(sent.getFirst().toJson()).get("field").asText());
    }

    /** Problems of each shape the service sends on a read: each member is declared, with its type. */
    @Test
    void everyKindOfProblemIsAsDocumented() {
        conforms("/api/technologies", "/api/technologies?zz-not-a-parameter=1", 400, Problem.MEDIA_TYPE); // parameter, unknown, accepted, suggestions
        conforms("/api/platforms", "/api/platforms?include=nope", 400, Problem.MEDIA_TYPE); // parameter
        conforms("/api/technologies/{id}", "/api/technologies/KVM?view=nope", 400, Problem.MEDIA_TYPE);
        conforms("/api/explain", "/api/explain?s=KVM&p=vkg:supports&o=Xen", 404, Problem.MEDIA_TYPE);
        conforms("/api/platforms/{id}/features", "/api/platforms/OpenStack/features?release=nope", 400, Problem.MEDIA_TYPE); // releases
        conforms("/api/platforms/{id}/features", "/api/platforms/KVM/features", 404, Problem.MEDIA_TYPE); // suggestions, empty
        conforms("/api/classes/{id}/instances", "/api/classes/Hypervisr/instances", 404, Problem.MEDIA_TYPE);
        conforms("/api/values", "/api/values?property=nope", 400, Problem.MEDIA_TYPE);
        conforms("/api/compare", "/api/compare?ids=KVM", 400, Problem.MEDIA_TYPE);
    }

    /** Each shape the answer takes: supported, unknown (with its note), sources on both sides (against, asOf), decided by the newest (decidedBy), the paper alone. */
    @Test
    void compatibilityAnswersAreAsDocumented() {
        for (String q : List.of("KVM&platform=OpenStack", "Incus&platform=OpenStack", "Xen&platform=OpenStack", "Xen&platform=OpenStack&view=current",
                "UML&platform=OpenStack&view=paper", "Xen&platform=OpenNebula"))
            conforms("/api/compatibility", "/api/compatibility?technology=" + q, 200, "application/json");
    }

    /**
     * Each list that is a page, with the members some add (technology, class, excluded): each
     * route's page schema is closed, and its items are its own item's schema.
     */
    @Test
    void everyPageIsAsDocumented() {
        conforms("/api/technologies", "/api/technologies?limit=3", 200, "application/json");
        conforms("/api/platforms", "/api/platforms?limit=2&offset=1", 200, "application/json");
        conforms("/api/platforms", "/api/platforms?supports=KVM&include=services", 200, "application/json");
        conforms("/api/platforms", "/api/platforms?supports=ContainerTechnology", 200, "application/json");
        conforms("/api/technologies/{id}/platforms", "/api/technologies/KVM/platforms", 200, "application/json");
        conforms("/api/classes/{id}/instances", "/api/classes/Hypervisor/instances", 200, "application/json");
        conforms("/api/claims", "/api/claims?limit=5", 200, "application/json");
        Map<String, String> itemOf = new LinkedHashMap<>();
        itemOf.put("/api/technologies", "Summary");
        itemOf.put("/api/platforms", "PlatformSummary");
        itemOf.put("/api/technologies/{id}/platforms", "SupportingPlatform");
        itemOf.put("/api/classes/{id}/instances", "Ref");
        itemOf.put("/api/claims", "Claim");
        itemOf.forEach((path, item) -> {
            String name = doc.at("/paths/" + pointer(path) + "/get/responses/200/content/application~1json/schema/$ref").asText();
            assertEquals("#/components/schemas/" + item + "Page", name, path);
            JsonNode page = doc.at(name.substring(1));
            assertFalse(page.path("additionalProperties").asBoolean(true), name + " is closed");
            assertEquals(List.of("total", "limit", "offset", "next", "items"), texts(page.get("required")));
            assertEquals("[\"string\",\"null\"]", page.at("/properties/next/type").toString());
            assertEquals("#/components/schemas/" + item, page.at("/properties/items/items/$ref").asText(), name);
        });
    }

    @Test
    void healthIsAsDocumented() {
        conforms("/api/health", "/api/health", 200, "application/json");
        JsonNode health = doc.at("/components/schemas/Health");
        assertEquals(List.of("status", "version", "knowledgeBaseVersion", "store"), texts(health.get("required")),
                "reason only when degraded, the counts only when the store answers");
    }

    /** An asserted triple (its sources), an inferred one through an axiom (premises, justification), and the explanation inside a compatibility answer. */
    @Test
    void explanationsAreAsDocumented() {
        conforms("/api/explain", "/api/explain?s=KVM&p=vkg:hostOS&o=Linux", 200, "application/json");
        conforms("/api/explain", "/api/explain?s=XCP&p=rdf:type&o=vkg:IaaSPlatform", 200, "application/json");
        conforms("/api/explain", "/api/explain?s=OpenStack&p=vkg:supports&o=KVM", 200, "application/json");
        assertEquals("#/components/schemas/ExplanationStep", doc.at("/components/schemas/ExplanationStep/properties/premises/items/$ref").asText());
    }

    /** Ranked pairs in every view, with the pairs include= brings back, a page of them, and no requirement at all. */
    @Test
    void selectionsAreAsDocumented() throws Exception {
        String windows = "{\"guestOS\": {\"value\": \"Windows\", \"weight\": \"must\"}, \"deploymentModel\": \"Hybrid\", \"serviceModel\": \"IaaS\"}";
        conformsPost("/api/selection", "/api/selection", windows);
        conformsPost("/api/selection", "/api/selection?include=violated,unknown&limit=5&offset=2", windows);
        conformsPost("/api/selection", "/api/selection?view=paper", "{\"hostOS\": \"Linux\", \"containerBased\": true}");
        conformsPost("/api/selection", "/api/selection?view=current&technology=KVM", "{\"features\": \"operation.live-migrate\"}");
        conformsPost("/api/selection", "/api/selection", "{}");
        conformsPost("/api/selection", "/api/selection", "{\"guestOS\": {\"value\": \"Windows\", \"weight\": \"must\"}, \"hostOS\": "
                + "{\"value\": \"NetBSD\", \"weight\": \"must\"}}"); // two musts few pairs meet, if any
        conformsPost("/api/selection", "/api/selection", "{\"hostOS\": {\"value\": \"Windows\", \"weight\": \"must\"}, "
                + "\"containerBased\": {\"value\": true, \"weight\": \"must\"}}"); // no pair: the sensitivity is a note alone
        JsonNode ranked = ANSWERS.readTree(post(base + "/api/selection", windows, "Content-Type", "application/json").body());
        assertTrue(ranked.at("/sensitivity/top").isTextual() && ranked.at("/sensitivity/requirementChanges").isArray(), ranked.get("sensitivity").toString());
    }

    /** Comparisons with narratives and lifecycles: a product with a status and its source, one without a status, one with none. */
    @Test
    void comparisonsAreAsDocumented() throws Exception {
        conforms("/api/compare", "/api/compare?ids=KVM,Xen", 200, "application/json");
        conforms("/api/compare", "/api/compare?ids=OpenStack,OpenNebula,CloudStack,Eucalyptus", 200, "application/json");
        conforms("/api/compare", "/api/compare?ids=LXC,OpenVZ,VirtualBox", 200, "application/json");
        JsonNode platforms = ANSWERS.readTree(get(base + "/api/compare?ids=OpenStack,OpenNebula,CloudStack,Eucalyptus").body());
        assertTrue(platforms.at("/lifecycle/OpenStack/address").isTextual(), platforms.get("lifecycle").toString());
        assertTrue(platforms.at("/lifecycle/Eucalyptus/status").isNull() && platforms.at("/lifecycle/Eucalyptus/address").isMissingNode(),
                platforms.get("lifecycle").toString());
        assertFalse(platforms.get("narrative").isEmpty(), "the paper compares them");
    }

    /** The log newest first (paged), after a change (oldest first), and one change with its patch. */
    @Test
    void changesAreAsDocumented() {
        conforms("/api/changes", "/api/changes", 200, "application/json");
        conforms("/api/changes", "/api/changes?limit=1", 200, "application/json");
        conforms("/api/changes", "/api/changes?since=0&limit=1", 200, "application/json");
        conforms("/api/changes/{id}", "/api/changes/1", 200, "application/json");
        JsonNode withPatch = doc.at("/components/schemas/ChangeWithPatch");
        assertEquals(List.of("id", "kind", "who", "when", "summary", "added", "deleted", "patch"), texts(withPatch.get("required")));
    }

    /**
     * A revert's answer, which a read-only server cannot be made to send, and the change stream's
     * events: written from the records the documented schemas are generated from.
     */
    @Test
    void aRevertAndAChangeEventAreAsDocumented() throws Exception {
        JsonNode reverted = doc.at("/paths/~1api~1changes~1{id}~1revert/post/responses/200/content/application~1json/schema");
        assertEquals(List.of(), problems(Json.MAPPER.readTree(Json.write(new ChangeRoutes.Reverted(7, 8, 8))), reverted));
        var entry = new org.virtkg.store.ChangeLog.Entry(8, "revert", "admin", java.time.Instant.parse("2026-11-27T10:00:00Z"),
                "revert of change 7", 3, 4, 7L, List.of());
        assertEquals(List.of(), problems(Json.MAPPER.readTree(Json.write(ChangeRoutes.ChangeWithPatch.of(entry))),
                doc.at("/components/schemas/ChangeWithPatch")));
        assertEquals(List.of(), problems(Json.MAPPER.readTree(Json.write(ChangeRoutes.Change.of(entry))), doc.at("/components/schemas/Change")));
    }

    /** A platform's feature matrix: whole, narrowed to a cell (with a caveat), and as an older release saw it. */
    @Test
    void featureMatricesAreAsDocumented() {
        conforms("/api/platforms/{id}/features", "/api/platforms/OpenStack/features", 200, "application/json");
        conforms("/api/platforms/{id}/features", "/api/platforms/OpenStack/features?driver=libvirt-lxc&feature=operation.live-migrate",
                200, "application/json");
        conforms("/api/platforms/{id}/features", "/api/platforms/OpenStack/features?release=train", 200, "application/json");
        conforms("/api/platforms/{id}/features", "/api/platforms/OpenNebula/features", 200, "application/json"); // no imported release
    }

    /** The paper and the present in each view, of a technology and of a platform (sides absent, status null). */
    @Test
    void paperAndPresentIsAsDocumented() {
        for (String q : List.of("KVM", "Xen?view=paper", "Xen?view=current", "OpenStack", "OpenVZ", "Eucalyptus?view=all", "Lguest?view=current"))
            conforms("/api/lifecycles/{id}", "/api/lifecycles/" + q, 200, "application/json");
    }

    /** The compatibility matrix in each view, with and without the commercial services. */
    @Test
    void theMatrixIsAsDocumented() {
        conforms("/api/compatibility/matrix", "/api/compatibility/matrix", 200, "application/json");
        conforms("/api/compatibility/matrix", "/api/compatibility/matrix?view=paper", 200, "application/json");
        conforms("/api/compatibility/matrix", "/api/compatibility/matrix?view=current&include=services", 200, "application/json");
    }

    /**
     * Every library query's answer (with its defaults) is as its own operation documents it: the
     * SPARQL JSON results with exactly the query's columns, each an RDF term (fifth walk-through:
     * documented as a string).
     */
    @Test
    void everyNamedQueryAnswerIsAsDocumented() throws Exception {
        JsonNode library = ANSWERS.readTree(get(base + "/api/queries").body());
        int checked = 0;
        for (JsonNode q : library.get("items")) {
            String path = "/api/queries/" + q.get("name").asText();
            conforms(path, path, 200, "application/sparql-results+json");
            checked++;
        }
        assertTrue(checked >= 17, "the shipped library: " + checked);
        JsonNode columns = doc.at("/paths/~1api~1queries~1platforms-for-technology/get/responses/200/content/"
                + "application~1sparql-results+json/schema/properties/results/properties/bindings/items/properties");
        assertEquals(List.of("platform", "label", "commercialService", "via", "viaLabel", "basis", "disputed", "sources"), fieldNames(columns));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The field table, the query library and the (here empty) list of terms graphs. */
    @Test
    void theTablesAreAsDocumented() {
        conforms("/api/fields", "/api/fields", 200, "application/json");
        conforms("/api/queries", "/api/queries", 200, "application/json");
        conforms("/api/terms", "/api/terms", 200, "application/json");
        // containerBased is a class, no one property's values: its property and values are null
        conforms("/api/selection/requirements", "/api/selection/requirements", 200, "application/json");
        JsonNode field = doc.at("/components/schemas/Field");
        assertEquals(List.of("name", "predicate", "inverse", "kind", "cardinality", "valueType", "writable", "label", "description", "example"),
                texts(field.get("required")));
    }

    /**
     * What writes answer, and what they made: a product as submitted and as replaced, and a claim
     * about it, on the shared writable server (each removed again, the claim first: a product a
     * claim names cannot be deleted); a Nova matrix import's answer, which would change what other
     * classes read, from the record it is written from.
     */
    @Test
    @ResourceLock(Locks.SHIPPED_WRITABLE)
    void writesAndWhatTheyMadeAreAsDocumented(@SharedServer(SHIPPED_WRITABLE) TestServer writable) throws Exception {
        String w = writable.base();
        String[] editor = {"Content-Type", "application/json", "Authorization", "Bearer " + EDITOR};
        // With a note and a triple no other field shows: its answer lists them (claims).
        var created = post(w + "/api/products", "{\"kind\": \"Hypervisor\", \"id\": \"SchemaProbeVisor\", "
                + "\"label\": \"Schema probe\", \"hostOS\": [\"Linux\"], \"source\": \"https://example.org/schema-probe\", "
                + "\"claims\": [{\"kind\": \"condition\", \"property\": \"hostOS\", \"object\": \"Linux\", "
                + "\"source\": \"https://example.org/schema-probe-condition\"}, {\"property\": \"guestOS\", \"object\": \"Windows\"}]}", editor);
        assertEquals(201, created.statusCode(), created.body());
        answerIsAsDocumented(created, "/paths/~1api~1products/post/responses/201", "ProductSaved");
        String claim = null;
        try {
            conforms(w, "/api/products/{id}", "/api/products/SchemaProbeVisor", 200, "application/json");
            var replaced = send(HttpRequest.newBuilder(URI.create(w + "/api/products/SchemaProbeVisor"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\": \"Hypervisor\", \"label\": \"Schema probe, replaced\", "
                            + "\"hostOS\": [\"Linux\", \"Windows\"], \"guestOS\": [\"Linux\"]}")),
                    "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR,
                    "If-Match", created.headers().firstValue("ETag").orElseThrow());
            assertEquals(200, replaced.statusCode(), replaced.body());
            assertEquals(List.of(), problems(ANSWERS.readTree(replaced.body()),
                    doc.at("/paths/~1api~1products~1{id}/put/responses/200/content/application~1json/schema")));
            conforms(w, "/api/products/{id}", "/api/products/SchemaProbeVisor", 200, "application/json");
            var claimed = post(w + "/api/claims", "{\"subject\": \"SchemaProbeVisor\", \"property\": \"guestOS\", "
                    + "\"object\": \"Windows\", \"source\": \"https://example.org/schema-probe-claims\", \"note\": \"A probe\"}", editor);
            assertEquals(201, claimed.statusCode(), claimed.body());
            answerIsAsDocumented(claimed, "/paths/~1api~1claims/post/responses/201", "Claim");
            claim = claimed.headers().firstValue("Location").orElseThrow();
            conforms(w, "/api/claims/{id}", claim, 200, "application/json");
            conforms(w, "/api/claims", "/api/claims", 200, "application/json");
            conforms(w, "/api/technologies/{id}", "/api/technologies/SchemaProbeVisor", 200, "application/json"); // a user graph described
            // Refusals whose reports have entries of each kind: a graph still naming what a delete removes, unknown ids, a
            // shape's violation (of a field), an inconsistency (with its derivations), a contradiction without a source.
            problemIsAsDocumented(send(HttpRequest.newBuilder(URI.create(w + "/api/products/SchemaProbeVisor")).DELETE(),
                    "Authorization", "Bearer " + EDITOR), 409, "NamingGraph");
            problemIsAsDocumented(post(w + "/api/products", "{\"kind\": \"Hypervisor\", \"id\": \"SchemaProbeOther\", \"label\": "
                    + "\"Probe\", \"hostOS\": [\"Linux\", \"Linnux\"], \"platforms\": [\"OpenStak\"]}", editor), 422, "UnknownReference");
            problemIsAsDocumented(post(w + "/api/products", "{\"kind\": \"Hypervisor\", \"id\": \"SchemaProbeOther\", \"label\": "
                    + "\"Probe\", \"hostOS\": [\"KVM\"]}", editor), 422, "ShapeViolation");
            problemIsAsDocumented(post(w + "/api/products", "{\"kind\": \"Hypervisor\", \"id\": \"SchemaProbeOther\", \"label\": "
                    + "\"Probe\", \"vmmType\": [\"Type1\", \"Type2\"]}", editor), 422, "Inconsistency");
            problemIsAsDocumented(post(w + "/api/claims", "{\"subject\": \"CloudStack\", \"property\": \"doesNotSupport\", "
                    + "\"object\": \"KVM\"}", editor), 422, "Inconsistency");
        } finally {
            if (claim != null)
                assertEquals(204, send(HttpRequest.newBuilder(URI.create(w + claim)).DELETE(),
                        "Authorization", "Bearer " + EDITOR).statusCode());
            assertEquals(204, send(HttpRequest.newBuilder(URI.create(w + "/api/products/SchemaProbeVisor"))
                    .DELETE(), "Authorization", "Bearer " + EDITOR).statusCode());
        }
        var terms = send(HttpRequest.newBuilder(URI.create(w + "/api/terms/schema-probe")).PUT(HttpRequest.BodyPublishers.ofString("""
                @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                vkg:SchemaProbeKind a owl:Class ; rdfs:subClassOf vkg:Hypervisor ;
                    rdfs:label "Schema probe kind" ; rdfs:comment "A kind of hypervisor only this test adds." .
                """)), "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        try {
            assertEquals(201, terms.statusCode(), terms.body());
            JsonNode written = doc.at("/paths/~1api~1terms~1{name}/put/responses/201/content/application~1json/schema");
            assertEquals("#/components/schemas/TermsWritten", written.path("$ref").asText(), "a PUT of terms documents its answer");
            assertEquals(List.of(), problems(ANSWERS.readTree(terms.body()), written));
        } finally {
            assertEquals(204, send(HttpRequest.newBuilder(URI.create(w + "/api/terms/schema-probe")).DELETE(),
                    "Authorization", "Bearer " + ADMIN).statusCode());
        }
        JsonNode imported = doc.at("/paths/~1api~1imports~1nova-matrix/post/responses/200/content/application~1json/schema");
        String zed = "https://w3id.org/virtkg/source/nova/zed";
        for (var answer : List.of(new ImportRoutes.Imported("zed", zed, true, 7L, 5, 5, 24, List.of("fx"), List.of("line 30: a note")),
                new ImportRoutes.Imported("zed", zed, false, null, 5, 5, 24, List.of(), List.of()))) // imported before: nothing changed
            assertEquals(List.of(), problems(ANSWERS.readTree(Json.write(answer)), imported));
    }

    /**
     * A refusal's problem is as documented, and its report's entries are of the kind expected:
     * each matches exactly one of the report's alternatives, and that one is {@code finding}.
     */
    private static void problemIsAsDocumented(HttpResponse<String> r, int status, String finding) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode problem = ANSWERS.readTree(r.body());
        assertEquals(List.of(), problems(problem, doc.at("/components/schemas/Problem")), r.body());
        assertFalse(problem.path("report").isEmpty(), "a report with entries: " + r.body());
        JsonNode kinds = doc.at("/components/schemas/Problem/properties/report/items/oneOf");
        for (JsonNode entry : problem.get("report")) {
            List<String> matching = new ArrayList<>();
            for (JsonNode kind : kinds) if (problems(entry, kind).isEmpty()) matching.add(kind.path("$ref").asText());
            assertEquals(List.of("#/components/schemas/" + finding), matching, entry.toString());
        }
    }

    @Test
    void anUnknownIdIsTheDocumentedProblem() {
        conforms("/api/technologies/{id}", "/api/technologies/KVN", 404, Problem.MEDIA_TYPE);
    }

    /**
     * The generated Compatibility schema says which members may be absent (those only some answers
     * have, and those view=paper leaves out) and which may be null, as the record is written.
     */
    @Test
    void theCompatibilitySchemaSaysWhatMayBeAbsentOrNull() {
        JsonNode c = doc.at("/components/schemas/Compatibility");
        List<String> required = new ArrayList<>();
        c.get("required").forEach(n -> required.add(n.asText()));
        assertEquals(List.of("technology", "platform", "status", "basis", "disputed", "explanation", "sources", "disputes", "conditions", "view"), required);
        assertEquals("[\"string\",\"null\"]", c.at("/properties/basis/type").toString());
        assertEquals("[{\"$ref\":\"#/components/schemas/CompatibilityCurrent\"},{\"type\":\"null\"}]", c.at("/properties/current/oneOf").toString());
        assertEquals("#/components/schemas/CompatibilityStatus", c.at("/properties/paper/$ref").asText());
        assertEquals("#/components/schemas/Lifecycles", c.at("/properties/lifecycle/$ref").asText());
        assertEquals("#/components/schemas/Ref", c.at("/properties/technology/$ref").asText());
    }

    /**
     * The nested parts the knowledge layer builds (a selection's verdicts and drivers' answers, a
     * lifecycle's facts) are closed schemas generated from their records, requiring the members
     * always written, so the answers above are checked inside them too, not passed as open objects.
     */
    @Test
    void theKnowledgeLayersNestedPartsAreClosedAndRequireTheirMembers() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("SelectionVerdict", List.of("field", "value", "subject", "status", "reason", "sources", "weight", "weightValue", "points"));
        expected.put("SelectionDriverAnswer", List.of("driver", "title", "answer", "source"));
        expected.put("LifecycleFact", List.of("property", "propertyLabel", "value", "source", "disputed"));
        expected.put("PaperAndPresentDisagreement", List.of("property", "paper", "current"));
        expected.put("SourceDescription", List.of("graph", "role"));
        expected.put("SelectionSensitivity", List.of("note"));
        expected.put("Inconsistency", List.of("rule", "message", "triples", "explanations"));
        expected.forEach((name, members) -> {
            JsonNode s = doc.at("/components/schemas/" + name);
            List<String> required = new ArrayList<>();
            s.get("required").forEach(n -> required.add(n.asText()));
            assertEquals(members, required, name);
            assertEquals("false", s.get("additionalProperties").toString(), name);
        });
        assertEquals("#/components/schemas/SelectionVerdict", doc.at("/components/schemas/SelectionPair/properties/requirements/items/$ref").asText());
        assertEquals("#/components/schemas/LifecycleFact", doc.at("/components/schemas/PaperAndPresent/properties/current/items/$ref").asText());
        // A lifecycle's other facts are members named by property id: a value or a list of values, nothing else.
        assertEquals(List.of("status"), texts(doc.at("/components/schemas/Lifecycle/required")));
        assertEquals("[{\"type\":\"string\"},{\"items\":{\"type\":\"string\"},\"type\":\"array\"}]",
                doc.at("/components/schemas/Lifecycle/additionalProperties/oneOf").toString());
    }

    /** A description given beside a knowledge-layer record for a component it does not have stops the document being built. */
    @Test
    void aDescriptionOfNoComponentIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Schemas.answer(Catalog.Ref.class, Map.of("name", Map.of("description", "not a component")), new LinkedHashMap<>()));
        assertTrue(e.getMessage().contains("no component 'name'"), e.getMessage());
    }

    /** The checker itself: it must see a wrong type, an undeclared member and a missing required one, or the tests above prove nothing. */
    @Test
    void theCheckerSeesWhatIsWrong() throws Exception {
        JsonNode schema = Json.MAPPER.readTree("""
                {"type": "object", "additionalProperties": false, "required": ["a"],
                 "properties": {"a": {"type": "string"}, "b": {"type": ["integer", "null"], "enum": [1, null]}}}""");
        assertEquals(List.of(), problems(Json.MAPPER.readTree("{\"a\": \"x\", \"b\": null}"), schema));
        assertEquals(List.of("$.a: integer, documented as \"string\"", "$.b: 2, not one of [1,null]"),
                problems(Json.MAPPER.readTree("{\"a\": 1, \"b\": 2}"), schema));
        assertEquals(List.of("$: required member 'a' is absent", "$.c: not documented"), problems(Json.MAPPER.readTree("{\"c\": true}"), schema));
    }

    private void conforms(String path, String target, int status, String mediaType) {
        conforms(base, path, target, status, mediaType);
    }

    private void conforms(String base, String path, String target, int status, String mediaType) {
        var r = get(base + target);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType), r.headers().toString());
        JsonNode schema = doc.at("/paths/" + pointer(path) + "/get/responses/" + status + "/content/" + pointer(mediaType) + "/schema");
        assertTrue(schema.isObject(), "no documented " + status + " " + mediaType + " schema for GET " + path);
        JsonNode answer;
        try {
            answer = ANSWERS.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(target + " is not JSON: " + r.body(), e);
        }
        List<String> problems = problems(answer, schema);
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 20)), "GET " + target + " against the documented schema");
    }

    private void conformsPost(String path, String target, String body) {
        var r = post(base + target, body, "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode schema = doc.at("/paths/" + pointer(path) + "/post/responses/200/content/application~1json/schema");
        assertTrue(schema.isObject(), "no documented 200 application/json schema for POST " + path);
        List<String> problems;
        try {
            problems = problems(Json.MAPPER.readTree(r.body()), schema);
        } catch (Exception e) {
            throw new AssertionError(target + " is not JSON: " + r.body(), e);
        }
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 20)), "POST " + target + " " + body + " against the documented schema");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String pointer(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }

    /** A write's answer matches the schema its response documents, which is {@code schema} (not one left out). */
    private static void answerIsAsDocumented(HttpResponse<String> r, String response, String schema) throws Exception {
        JsonNode documented = doc.at(response + "/content/application~1json/schema");
        assertEquals("#/components/schemas/" + schema, documented.path("$ref").asText(), response + " documents its answer");
        assertEquals(List.of(), problems(ANSWERS.readTree(r.body()), documented));
    }

    private static List<String> problems(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    /** The JSON Schema keywords the document uses for answers: $ref, oneOf, type, enum, required, properties, additionalProperties, items. */
    private static void check(JsonNode value, JsonNode schema, String at, List<String> out) {
        while (schema.has("$ref")) schema = doc.at(schema.get("$ref").asText().substring(1));
        if (schema.has("oneOf")) {
            for (JsonNode alternative : schema.get("oneOf")) if (problems(value, alternative).isEmpty()) return;
            out.add(at + ": matches none of " + schema.get("oneOf"));
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> types = new ArrayList<>();
            if (type.isArray()) type.forEach(t -> types.add(t.asText()));
            else types.add(type.asText());
            String actual = jsonType(value);
            if (!types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
                out.add(at + ": " + actual + ", documented as " + type);
                return;
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) listed |= e.equals(value);
            if (!listed) out.add(at + ": " + value + ", not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required"))
                if (!value.has(name.asText())) out.add(at + ": required member '" + name.asText() + "' is absent");
            JsonNode others = schema.path("additionalProperties");
            for (var member : value.properties()) {
                JsonNode declared = schema.path("properties").get(member.getKey());
                String where = at + "." + member.getKey();
                if (declared != null) check(member.getValue(), declared, where, out);
                else if (others.isObject()) check(member.getValue(), others, where, out);
                // A schema that lists its members is read as listing them all unless it says it is open; a bare "object" is opaque.
                else if (schema.has("properties") && !others.asBoolean(false)) out.add(where + ": not documented");
            }
        }
        if (value.isArray() && schema.has("items"))
            for (int i = 0; i < value.size(); i++) check(value.get(i), schema.get("items"), at + "[" + i + "]", out);
    }

    private static String jsonType(JsonNode v) {
        if (v.isNull()) return "null";
        if (v.isBoolean()) return "boolean";
        if (v.isIntegralNumber()) return "integer";
        if (v.isNumber()) return "number";
        if (v.isTextual()) return "string";
        if (v.isArray()) return "array";
        return "object";
    }
}
