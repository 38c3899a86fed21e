package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** The service over the real shipped ontology and paper data: inference and explanations end to end. */
class ShippedKnowledgeServerTest {
    static TestServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared;
        base = server.base();
    }

    static JsonNode json(String url) throws Exception {
        var r = get(url);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void whichPlatformsSupportAContainerTechnologyIsAnsweredWithInferences() {
        // LXD is a container technology only by inference (the paper calls it a "container
        // hypervisor"; no source types it directly), so the pair OpenStack–LXD needs the reasoner.
        String q = "PREFIX vkg: <https://w3id.org/virtkg/ontology#> "
                + "SELECT ?p ?t { ?p vkg:supports ?t . ?t a vkg:ContainerTechnology }";
        String pair = "https://w3id.org/virtkg/id/OpenStack,https://w3id.org/virtkg/id/LXD";
        var inferred = get(base + "/sparql?query=" + enc(q), "Accept", "text/csv");
        assertTrue(inferred.body().lines().anyMatch(pair::equals), inferred.body());
        assertTrue(inferred.body().lines().anyMatch("https://w3id.org/virtkg/id/OpenStack,https://w3id.org/virtkg/id/LXC"::equals),
                inferred.body());
        var asserted = get(base + "/asserted/sparql?query=" + enc(q), "Accept", "text/csv");
        assertEquals(200, asserted.statusCode(), asserted.body());
        assertTrue(asserted.body().lines().noneMatch(pair::equals), "without the inferred graph LXD is no container technology: " + asserted.body());
    }

    @Test
    void assertedOnlyQueriesLeaveOutTheInferences() {
        String q = "ASK { <https://w3id.org/virtkg/id/KVM> <https://w3id.org/virtkg/ontology#supportedBy> <https://w3id.org/virtkg/id/OpenStack> }";
        var withInference = get(base + "/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        var assertedOnly = get(base + "/asserted/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        assertJson(withInference).at("/boolean").is(true);
        assertEquals(200, assertedOnly.statusCode(), assertedOnly.body());
        assertJson(assertedOnly).at("/boolean").is(false);
        String stated = "ASK { <https://w3id.org/virtkg/id/OpenStack> <https://w3id.org/virtkg/ontology#supports> <https://w3id.org/virtkg/id/KVM> }";
        assertJson(get(base + "/asserted/sparql?query=" + enc(stated), "Accept", "application/sparql-results+json")).at("/boolean").is(true);
    }

    @Test
    void anInferredTripleIsExplainedDownToItsSourceInThePaper() throws Exception {
        JsonNode body = json(base + "/api/explain?s=KVM&p=vkg:supportedBy&o=OpenStack");
        assertEquals("inferred", body.get("status").asText());
        JsonNode root = body.get("explanation");
        assertTrue(root.get("rule").asText().startsWith("prp-inv"), root.toString());
        // Premises: the ontology's inverse axiom and the paper's fact, each with its source.
        boolean fromTable2 = false;
        boolean fromOntology = false;
        for (JsonNode premise : root.get("premises")) {
            assertTrue(premise.get("asserted").asBoolean(), premise.toString());
            for (JsonNode src : premise.get("sources")) {
                fromTable2 |= "Table 2".equals(src.path("table").asText());
                fromOntology |= "ontology".equals(src.path("role").asText());
            }
        }
        assertTrue(fromTable2, "the paper's Table 2 states that OpenStack supports KVM: " + root);
        assertTrue(fromOntology, root.toString());
    }

    @Test
    void anAssertedTripleIsItsOwnExplanation() throws Exception {
        JsonNode body = json(base + "/api/explain?s=OpenStack&p=vkg:supports&o=KVM");
        assertEquals("asserted", body.get("status").asText());
        assertTrue(body.at("/explanation/sources").size() >= 1);
    }

    @Test
    void whatTheKnowledgeBaseDoesNotSayIsUnknown() throws Exception {
        var r = get(base + "/api/explain?s=Ganeti&p=vkg:supports&o=LXD");
        assertEquals(404, r.statusCode());
        assertEquals("unknown", Json.MAPPER.readTree(r.body()).get("truth").asText());
        // A name nothing uses is a typo, not an open-world unknown: it is named, with the nearest ids.
        var typo = get(base + "/api/explain?s=XPC&p=rdf:type&o=vkg:IaaSPlatform");
        assertEquals(404, typo.statusCode(), typo.body());
        assertJson(typo).at("/parameter").is("s");
        assertJson(typo).at("/detail").textContains("Nothing in the knowledge base is named XPC");
        assertTrue(Json.MAPPER.readTree(typo.body()).get("suggestions").toString().contains("XCP"), typo.body());
        var term = get(base + "/api/explain?s=XCP&p=rdf:typo&o=vkg:IaaSPlatform");
        assertJson(term).at("/parameter").is("p");
        var bad = get(base + "/api/explain?s=KVM&p=vkg:supports");
        assertEquals(400, bad.statusCode());
        assertJson(bad).at("/detail").textContains("'o'");
    }
}
