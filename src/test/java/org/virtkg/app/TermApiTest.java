package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** Admins add ontology terms; the new term is reasoned with; an inconsistent addition is refused whole. */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class TermApiTest {
    static TestServer server;
    static String base;
    static final String MICROVM = """
            @prefix vkg: <https://w3id.org/virtkg/ontology#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            vkg:MicroVM a owl:Class ; rdfs:subClassOf vkg:Hypervisor ;
                rdfs:label "MicroVM monitor" ; rdfs:comment "A minimal VMM for short-lived, lightweight VMs." .
            """;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        base = server.base();
    }

    static HttpResponse<String> put(String name, String body, String type, String token) {
        return Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/terms/" + name)).PUT(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", type, "Authorization", "Bearer " + token);
    }

    @Test
    void aNewClassIsUsableByProductsAndReasonedWith() {
        assertEquals(403, put("microvm", MICROVM, "text/turtle", EDITOR).statusCode(), "terms are for admins");
        var r = put("microvm", MICROVM, "text/turtle", ADMIN);
        assertEquals(201, r.statusCode(), r.body());
        var product = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"MicroVM\", \"id\": \"CloudHypervisor\", \"label\": \"Cloud Hypervisor\", \"hostOS\": \"Linux\"}")),
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
        assertEquals(201, product.statusCode(), product.body());
        assertTrue(VirtkgServerTest.askAt(base, "<https://w3id.org/virtkg/id/CloudHypervisor> a <https://w3id.org/virtkg/ontology#VirtualizationTechnology>"),
                "a MicroVM is a hypervisor, hence a virtualization technology");
    }

    /** Terms that products still use are not deleted: the products would keep a kind no view understands any more. */
    @Test
    void termsInUseAreNotDeleted() {
        String term = MICROVM.replace("vkg:MicroVM ", "vkg:PicoVM ").replace("MicroVM monitor", "PicoVM monitor");
        assertEquals(201, put("picovm", term, "text/turtle", ADMIN).statusCode());
        var product = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"PicoVM\", \"id\": \"Pico1\", \"label\": \"Pico 1\", \"hostOS\": \"Linux\"}")),
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
        assertEquals(201, product.statusCode(), product.body());
        var inUse = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/terms/picovm")).DELETE(), "Authorization", "Bearer " + ADMIN);
        assertEquals(409, inUse.statusCode(), inUse.body());
        assertTrue(inUse.body().contains("graph/user/Pico1"), inUse.body());
        assertEquals(200, Fixtures.get(base + "/api/terms/picovm").statusCode(), "nothing was changed");
        assertEquals(204, Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products/Pico1")).DELETE(),
                "Authorization", "Bearer " + EDITOR).statusCode());
        assertEquals(204, Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/terms/picovm")).DELETE(),
                "Authorization", "Bearer " + ADMIN).statusCode());
    }

    @Test
    void anInconsistentAdditionIsRefusedWhole() {
        String bad = """
                @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                vkg:Harmless a owl:Class ; rdfs:label "harmless" ; rdfs:comment "Would be kept if the rest were fine." .
                vkg:ContainerTechnology owl:disjointWith vkg:VirtualizationTechnology .
                """;
        var r = put("broken", bad, "text/turtle", ADMIN);
        assertEquals(422, r.statusCode(), r.body());
        assertJson(r).hasTextBelowContaining("cax-dw");
        assertFalse(VirtkgServerTest.askAt(base, "<https://w3id.org/virtkg/ontology#Harmless> ?p ?o"), "refused whole");
        assertEquals(404, Fixtures.get(base + "/api/terms/broken").statusCode());
    }

    @Test
    void jsonLdTermsWithInlineContextsWork() {
        String doc = """
                {"@context": {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#"},
                 "@id": "https://w3id.org/virtkg/ontology#Unikernel", "@type": "owl:Class",
                 "rdfs:label": "Unikernel", "rdfs:comment": "A single-address-space machine image."}""";
        var r = put("unikernel", doc, "application/ld+json", ADMIN);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(Fixtures.get(base + "/api/terms/unikernel").body().contains("Unikernel"));
        assertEquals(415, put("x", MICROVM, "application/json", ADMIN).statusCode());
        assertEquals(400, put("y", "@prefix vkg: <https://w3id.org/virtkg/ontology#> . vkg:A a ", "text/turtle", ADMIN).statusCode());
    }
}
