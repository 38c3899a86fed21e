package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** Writes against the real ontology and shapes: SHACL and consistency both guard the commit. */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class ValidationGateTest {
    static TestServer server;
    static String base;
    static final String PREFIXES = "PREFIX vkg: <https://w3id.org/virtkg/ontology#> PREFIX id: <https://w3id.org/virtkg/id/> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        base = server.base();
    }

    private static java.net.http.HttpResponse<String> update(String body) {
        return post(base + "/update", PREFIXES + body, "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
    }

    @Test
    void aProductWithoutALabelFailsTheShapes() throws Exception {
        var r = update("INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/nolabel> { id:Nolabel a vkg:Hypervisor } }");
        assertEquals(422, r.statusCode(), r.body());
        JsonNode report = Json.MAPPER.readTree(r.body()).get("report");
        assertTrue(report.size() >= 1);
        assertJson(report).hasItemWith("/path", "<http://www.w3.org/2000/01/rdf-schema#label>");
        assertFalse(VirtkgServerTest.askAt(base, "GRAPH <https://w3id.org/virtkg/graph/user/nolabel> { ?s ?p ?o }"));
    }

    @Test
    void aHostOsThatIsNotAnOperatingSystemIsRefused() {
        var r = update("INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/badhost> { "
                + "id:Weird a vkg:Hypervisor ; rdfs:label \"Weird\" ; vkg:hostOS id:KVM } }");
        assertEquals(422, r.statusCode(), r.body());
        assertFalse(VirtkgServerTest.askAt(base, "GRAPH <https://w3id.org/virtkg/graph/user/badhost> { ?s ?p ?o }"));
        // Said in words with the ontology's labels, not as SHACL's constraint classes and IRIs.
        String message;
        try {
            message = org.virtkg.api.Json.MAPPER.readTree(r.body()).at("/report/0/message").asText();
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
        assertTrue(message.matches("'[^']+' must be an? [a-z ]+; KVM is not one"), message);
        assertFalse(message.contains("Constraint") || message.contains("<http"), message);
    }

    @Test
    void anUpdateWritingAnIriTheRdfBodiesRefuseIsRefusedToo() throws Exception {
        // <urn:a> names no URN namespace (RFC 8141: urn:NID:NSS); a Turtle body with it is a 400, and
        // SPARQL's parser lets it through, so the write path itself refuses it, in the same words.
        var r = update("INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/badiri> { <urn:a> rdfs:label \"A\" } }");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("Nothing was changed: The IRI <urn:a> is not valid (namespace not terminated by ':').",
                Json.MAPPER.readTree(r.body()).get("detail").asText());
        assertFalse(VirtkgServerTest.askAt(base, "GRAPH <https://w3id.org/virtkg/graph/user/badiri> { ?s ?p ?o }"));
        // A literal's datatype is an IRI as well.
        var typed = update("INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/badiri> { id:KVM rdfs:comment \"x\"^^<urn:a> } }");
        assertEquals(422, typed.statusCode(), typed.body());
        assertFalse(VirtkgServerTest.askAt(base, "GRAPH <https://w3id.org/virtkg/graph/user/badiri> { ?s ?p ?o }"));
        // A URN with its namespace is an IRI like any other.
        var ok = update("INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/goodiri> { <urn:isbn:0451450523> rdfs:label \"A book\" } }");
        assertEquals(204, ok.statusCode(), ok.body());
        assertEquals(204, update("DROP GRAPH <https://w3id.org/virtkg/graph/user/goodiri>").statusCode());
    }

    @Test
    void aWellFormedProductIsAcceptedAndReasonedOver() {
        var r = update("INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/crosvm> { "
                + "id:Crosvm a vkg:Hypervisor ; rdfs:label \"crosvm\" ; vkg:uses id:KVM ; "
                + "vkg:hostOS id:Linux ; vkg:guestOS id:Linux ; vkg:supportedBy id:OpenNebula } }");
        assertEquals(204, r.statusCode(), r.body());
        assertTrue(VirtkgServerTest.askAt(base,
                "<https://w3id.org/virtkg/id/OpenNebula> <https://w3id.org/virtkg/ontology#supports> <https://w3id.org/virtkg/id/Crosvm>"));
        // The server is shared: take the product out again (an id of its own, so no other class can meet it).
        assertEquals(204, update("DROP GRAPH <https://w3id.org/virtkg/graph/user/crosvm>").statusCode());
        assertFalse(VirtkgServerTest.askAt(base, "<https://w3id.org/virtkg/id/Crosvm> ?p ?o"));
    }
}
