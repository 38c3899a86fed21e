package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Every refusal says, in the user's words, what was wrong (which field or value, which line) and
 * what to do — never a validator's, parser's or JSON library's own text. Refused writes say so the
 * same way from every entry point: products, the Graph Store and SPARQL Update.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class ErrorsInWordsApiTest {
    static final String PREFIXES = "@prefix vkg: <https://w3id.org/virtkg/ontology#> . @prefix id: <https://w3id.org/virtkg/id/> . "
            + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> . ";
    static final String GRAPH = "https://w3id.org/virtkg/graph/user/errors-in-words";
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        base = shared.base();
    }

    /** The problem's detail, after checking it is a problem and carries no library internals. */
    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode p = Json.MAPPER.readTree(r.body());
        String detail = p.get("detail").asText();
        for (String internal : List.of("NodeShape", "Not[", "REDACTED", "Encountered", "Non-group key", "[line:", "Exception",
                "com.fasterxml", "org.apache", "Constraint"))
            assertFalse(detail.contains(internal), "no library internals (" + internal + "): " + detail);
        for (JsonNode entry : p.path("report")) assertFalse(entry.path("message").asText().contains("NodeShape"), entry.toString());
        return p;
    }

    static HttpResponse<String> putGraph(String turtle, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Fixtures.enc(GRAPH)))
                .PUT(HttpRequest.BodyPublishers.ofString(PREFIXES + turtle));
        String[] all = new String[headers.length + 4];
        System.arraycopy(new String[] {"Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN}, 0, all, 0, 4);
        System.arraycopy(headers, 0, all, 4, headers.length);
        return Fixtures.send(b, all);
    }

    @Test
    void aShapeRefusalSaysWhatIsWrongWithWhichValue() throws Exception {
        JsonNode p = problem(Fixtures.post(base + "/api/products", """
                {"kind": "Hypervisor", "id": "ErrorsInWordsZed", "label": "Zed", "hostOS": "KVM"}""",
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR), 422);
        // The field as the body named it, not the property's label.
        assertEquals("Nothing was changed: Field 'hostOS' must be an operating system; KVM is not one.", p.get("detail").asText());
        assertEquals("hostOS", p.get("field").asText());
        assertEquals("shacl", p.get("kind").asText());
    }

    @Test
    void shapesOfCombinedConditionsSayWhatToDo() throws Exception {
        JsonNode hypervisor = problem(putGraph("id:ErrorsInWordsH a vkg:Hypervisor , vkg:ContainerTechnology ; rdfs:label \"H\" ; vkg:hostOS id:Linux ."), 422);
        assertEquals("Nothing was changed: A hypervisor can also be a container technology only as a container hypervisor: give it the kind "
                + "ContainerHypervisor, or drop one of the two kinds.", hypervisor.get("detail").asText());
        JsonNode tool = problem(putGraph("id:ErrorsInWordsT a vkg:Tool , vkg:CloudPlatform ; rdfs:label \"T\" ."), 422);
        assertTrue(tool.get("detail").asText().contains("A tool is neither a virtualization technology nor a cloud platform"), tool.toString());
        JsonNode kindless = problem(putGraph("<https://w3id.org/virtkg/source/outside/errors-in-words> a vkg:Source ; "
                + "prov:wasDerivedFrom <https://example.org/notes> ."), 422);
        assertTrue(kindless.get("detail").asText().startsWith("Nothing was changed: A source must be exactly one of: a table cell"), kindless.toString());
        JsonNode disputed = problem(putGraph("<https://w3id.org/virtkg/source/outside/errors-in-words> a vkg:Source ; "
                + "prov:wasDerivedFrom <https://example.org/notes> ; rdfs:comment \"Notes\" ; vkg:disputed true ."), 422);
        assertEquals("Nothing was changed: A source marked disputed (vkg:disputed true) needs a vkg:disputeNote saying why.",
                disputed.get("detail").asText());
        assertEquals(404, Fixtures.get(base + "/data?graph=" + Fixtures.enc(GRAPH)).statusCode(), "nothing was written");
    }

    @Test
    void aPlatformGivenATechnologysFieldIsToldWhereItBelongs() throws Exception {
        JsonNode p = problem(Fixtures.post(base + "/api/products", """
                {"kind": "CloudPlatform", "id": "ErrorsInWordsP", "label": "P", "hostOS": "Linux"}""",
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR), 422);
        assertEquals("Nothing was changed: Field 'hostOS': A platform has no host OS; that is said of a technology (a platform's own systems are its "
                + "'operatingSystems').", p.get("detail").asText());
    }

    @Test
    void everyEntryPointRefusesAWriteInTheSameWords() throws Exception {
        String update = "PREFIX vkg: <https://w3id.org/virtkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "INSERT DATA { GRAPH <" + GRAPH + "> { <https://w3id.org/virtkg/id/ErrorsInWordsU> a vkg:Hypervisor ; "
                + "rdfs:label \"U\" ; vkg:hostOS <https://w3id.org/virtkg/id/KVM> } }";
        JsonNode viaUpdate = problem(Fixtures.post(base + "/update", update, "Content-Type", "application/sparql-update",
                "Authorization", "Bearer " + ADMIN), 422);
        JsonNode viaGraphStore = problem(putGraph("id:ErrorsInWordsU a vkg:Hypervisor ; rdfs:label \"U\" ; vkg:hostOS id:KVM ."), 422);
        assertEquals("Nothing was changed: 'host OS' must be an operating system; KVM is not one.", viaUpdate.get("detail").asText());
        assertEquals(viaUpdate.get("detail"), viaGraphStore.get("detail"));
        assertEquals(viaUpdate.get("report"), viaGraphStore.get("report"));
        // A failed precondition (If-None-Match: * on a graph that exists) is refused the same way.
        assertEquals(201, putGraph("id:ErrorsInWordsOk a vkg:Feature ; rdfs:label \"Ok\" ; rdfs:comment \"A feature for this test.\" .").statusCode());
        try {
            JsonNode exists = problem(putGraph("id:ErrorsInWordsOk rdfs:label \"Ok\" .", "If-None-Match", "*"), 412);
            assertTrue(exists.get("detail").asText().startsWith("Nothing was changed: "), exists.toString());
            assertEquals("precondition", exists.get("kind").asText());
        } finally {
            Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Fixtures.enc(GRAPH))).DELETE(), "Authorization", "Bearer " + ADMIN);
        }
    }

    @Test
    void aQueryErrorNamesTheLineAndWhatToDo() throws Exception {
        JsonNode syntax = problem(Fixtures.get(base + "/sparql?query=" + Fixtures.enc("SELECT * WHERE { ?s ?p 32 32 }")), 400);
        assertEquals("SPARQL syntax error at line 1, column 27: unexpected \"32\"", syntax.get("detail").asText().split(";")[0]);
        JsonNode grouping = problem(Fixtures.get(base + "/sparql?query=" + Fixtures.enc("SELECT ?x WHERE { ?s ?p ?x } GROUP BY ?s")), 400);
        assertEquals("SPARQL syntax error: ?x is selected but not grouped: add it to GROUP BY, or select an aggregate of it, "
                + "e.g. (SAMPLE(?x) AS ?x_)", grouping.get("detail").asText());
    }

    @Test
    void aTermThatDoesNotParseSaysWhatATermMayBe() throws Exception {
        JsonNode p = problem(Fixtures.get(base + "/api/explain?s=KVM&p=vkg:supportedBy&o=" + Fixtures.enc("<bad iri>")), 400);
        String detail = p.get("detail").asText();
        assertTrue(detail.startsWith("Parameter 'o' is not an RDF term (at character "), detail);
        assertTrue(detail.endsWith("Give an id (KVM), a prefixed name (vkg:supports), an <IRI> without spaces, or a Turtle literal "
                + "(\"16\"^^xsd:integer)"), detail);
        assertEquals("o", p.get("parameter").asText());
    }

    @Test
    void aJsonBodyDeeperThanTheServerReadsSaysItsFiguresAsAJsonLdBodyDoes() throws Exception {
        String deep = "{\"guestOS\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/selection"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(deep)));
        String detail = problem(r, 400).get("detail").asText();
        assertEquals("The body is larger or deeper than this server reads: it nests objects or arrays more than 64 levels deep", detail);
    }

    @Test
    void aFormSentWithoutAContentTypeIsNotValidJsonInWords() throws Exception {
        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/selection"))
                .POST(HttpRequest.BodyPublishers.ofString("guestOS=Windows")));
        JsonNode p = problem(r, 400);
        String detail = p.get("detail").asText();
        assertTrue(detail.startsWith("The body is not valid JSON (line 1, column "), detail);
        assertTrue(detail.contains("Send the requirements as a JSON object, e.g. {"), "says what to send: " + detail);
        assertTrue(detail.contains("'guestOS' is not a JSON value (text goes in double quotes"), detail);
    }

    /** Broken JSON is described as a person would fix it, never in the parser's states and character codes. */
    /** Graph Store bodies that do not parse: what the parser met, in words (third walk-through: Jena's and Jackson's own words). */
    @Test
    void anRdfBodyThatDoesNotParseIsSaidInWords() throws Exception {
        String[][] cases = {
                {"text/turtle", "this is not turtle", "line 1, column 1: found 'this' where a statement should start"},
                {"text/turtle", "<https://example.org/a> <https://example.org/p> \"open\n", "a string runs past the end of its line"},
                {"application/ld+json", "{\"@id\": \"https://example.org/a\", \"https://example.org/p\": ", "it ends before the JSON is complete"}};
        for (String[] c : cases) {
            HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Fixtures.enc(GRAPH)))
                    .PUT(HttpRequest.BodyPublishers.ofString(c[1])), "Content-Type", c[0], "Authorization", "Bearer " + ADMIN);
            String detail = problem(r, 400).get("detail").asText();
            assertTrue(detail.contains(c[2]), c[1] + " -> " + detail);
            for (String internal : List.of("Out of place", "KEYWORD", "Broken token", "Source:", "end-of-input", "StreamReadFeature", "marker"))
                assertFalse(detail.contains(internal), "no parser internals (" + internal + "): " + detail);
        }
    }

    @Test
    void brokenJsonIsSaidInWords() throws Exception {
        String[][] cases = {
                {"{\"guestOS\": \"Windows\"", "it ends before the JSON is complete (a closing } or ], or a closing quote, is missing)"},
                {"{guestOS: \"Windows\"}", "a field name must be in double quotes, found 'g'"},
                {"{\"guestOS\": \"Windows\" \"deploymentModel\": \"Hybrid\"}", "a comma is missing before '\"'"},
                {"{\"guestOS\": Windows}", "'Windows' is not a JSON value"},
                {"{\"guestOS\": ,}", "',' is not allowed there"}};
        for (String[] c : cases) {
            HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/selection"))
                    .POST(HttpRequest.BodyPublishers.ofString(c[0])), "Content-Type", "application/json");
            String detail = problem(r, 400).get("detail").asText();
            assertTrue(detail.contains(c[1]), c[0] + " -> " + detail);
            for (String jackson : List.of("end-of-input", "close marker", "(code ", "was expecting", "REDACTED"))
                assertFalse(detail.contains(jackson), c[0] + " -> " + detail);
        }
    }
}
