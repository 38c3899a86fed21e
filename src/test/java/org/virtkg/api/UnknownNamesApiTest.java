package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * A name the contract does not know — a query parameter an operation does not take, a field a
 * JSON body does not have — is a 400 problem that names it, lists what is accepted and suggests
 * the nearest accepted name, the same way on every endpoint. Nothing is silently ignored.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class UnknownNamesApiTest {
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        base = shared.base();
    }

    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode p = Json.MAPPER.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        String detail = p.get("detail").asText();
        for (String internal : List.of("NodeShape", "REDACTED", "Encountered", "Exception", "com.fasterxml", "org.apache", "java."))
            assertFalse(detail.contains(internal), "no library internals (" + internal + "): " + detail);
        return p;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aMistypedQueryParameterIsNamedWithTheNearestOneAndTheAcceptedList() throws Exception {
        JsonNode p = problem(Fixtures.get(base + "/api/platforms?support=LXC"), 400);
        assertEquals("Unknown query parameter 'support'. Did you mean 'supports'? This endpoint takes: include, limit, offset, supports.",
                p.get("detail").asText());
        assertEquals("support", p.get("parameter").asText());
        assertEquals(List.of("support"), strings(p.get("unknown")));
        assertEquals(List.of("include", "limit", "offset", "supports"), strings(p.get("accepted")));
        assertEquals("supports", strings(p.get("suggestions")).getFirst());
        assertEquals("/api/platforms", p.get("instance").asText());
    }

    @Test
    void everyUnknownParameterIsNamedAtOnce() throws Exception {
        JsonNode p = problem(Fixtures.get(base + "/api/compatibility?technolgy=KVM&platform=OpenStack&colour=red"), 400);
        assertEquals(List.of("colour", "technolgy"), strings(p.get("unknown")));
        String detail = p.get("detail").asText();
        assertTrue(detail.startsWith("Unknown query parameters 'colour' and 'technolgy' (did you mean 'technology'?)."), detail);
        assertTrue(detail.endsWith("This endpoint takes: platform, technology, view."), detail);
        assertEquals(List.of("technology"), strings(p.get("suggestions")));
    }

    @Test
    void aPrefixOfAParameterIsSuggestedToo() throws Exception {
        // Too far from "technology" for an edit distance, but clearly meant as it.
        JsonNode p = problem(Fixtures.get(base + "/api/queries/platforms-for-technology?tech=KVM"), 400);
        assertEquals(List.of("technology"), strings(p.get("suggestions")));
        assertTrue(p.get("detail").asText().contains("Did you mean 'technology'?"), p.get("detail").asText());
    }

    @Test
    void anEndpointWithoutParametersSaysSo() throws Exception {
        JsonNode p = problem(Fixtures.get(base + "/api/health?verbose=1"), 400);
        assertEquals("Unknown query parameter 'verbose'. This endpoint takes no query parameters.", p.get("detail").asText());
        assertEquals(List.of(), strings(p.get("accepted")));
        assertEquals(List.of(), strings(p.get("suggestions")));
    }

    @Test
    void theParametersTheWebUiAndClientsSendStillWork() throws Exception {
        // Every query parameter js/*.js sends, on the route it sends it to.
        for (String url : List.of("/api/platforms?supports=LXC&include=services&limit=5&offset=0",
                "/api/technologies?limit=500", "/api/technologies/KVM?view=paper", "/api/platforms/OpenStack?view=current",
                "/api/compatibility?technology=KVM&platform=OpenStack&view=all", "/api/compatibility/matrix?include=services&view=paper",
                "/api/compare?ids=KVM,Xen", "/api/lifecycles/KVM?view=all", "/api/technologies/KVM/platforms?include=services",
                "/api/vocabulary", "/api/classes", "/api/classes/Hypervisor/instances?limit=500", "/api/changes?limit=50",
                "/api/values?property=hostOS%2CguestOS%2CdeploymentModel%2CserviceModel%2Cvirtualization%2CvmmType%2CtargetOrganisation"
                        + "%2Cinterface%2Cfeature%2Clanguage"))
            assertEquals(200, Fixtures.get(base + url).statusCode(), url);
        assertEquals(200, Fixtures.post(base + "/api/selection?include=violated,unknown&view=all&limit=3", "{\"guestOS\": \"Windows\"}",
                "Content-Type", "application/json").statusCode());
    }

    /** A shared link's tracking parameters (fourth walk-through: /id/KVM?utm_source=x was a 400 page) are no typo. */
    @Test
    void aLinksTrackingParametersAreNotRefused() throws Exception {
        assertEquals(200, Fixtures.get(base + "/id/KVM?utm_source=newsletter&utm_medium=email&fbclid=abc", "Accept", "text/html").statusCode());
        assertEquals(200, Fixtures.get(base + "/api/platforms?supports=LXC&utm_campaign=x").statusCode());
        // Anything else still is.
        assertEquals("utm", problem(Fixtures.get(base + "/api/platforms?utm=x"), 400).get("parameter").asText());
    }

    @Test
    void theSparqlEndpointsRefuseAParameterTheyDoNotTakeAndKeepThoseClientsSend() throws Exception {
        String ask = Fixtures.enc("ASK {}");
        JsonNode p = problem(Fixtures.get(base + "/sparql?query=" + ask + "&defualt-graph-uri=urn:x:g"), 400);
        assertEquals("defualt-graph-uri", p.get("parameter").asText());
        assertEquals("default-graph-uri", strings(p.get("suggestions")).getFirst());
        assertTrue(strings(p.get("accepted")).containsAll(List.of("query", "default-graph-uri", "named-graph-uri", "format")), p.toString());
        assertEquals("/sparql", p.get("instance").asText());
        // A form POST's query string, the asserted-only endpoint, the Graph Store read and /update are checked alike.
        assertEquals("colour", problem(Fixtures.post(base + "/sparql?colour=red", "query=" + ask,
                "Content-Type", "application/x-www-form-urlencoded"), 400).get("parameter").asText());
        assertEquals("qeury", problem(Fixtures.get(base + "/asserted/sparql?qeury=" + ask), 400).get("parameter").asText());
        assertEquals("grpah", problem(Fixtures.get(base + "/data?grpah=urn:x:g"), 400).get("parameter").asText());
        JsonNode update = problem(Fixtures.post(base + "/update?using-graph=urn:x:g", "CLEAR GRAPH <urn:x:none>",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + Fixtures.ADMIN), 400);
        assertEquals("using-graph-uri", strings(update.get("suggestions")).getFirst());
        // What SPARQL clients add stays accepted: SPARQLWrapper's format, output and results, Fuseki's timeout.
        var wrapper = Fixtures.get(base + "/sparql?query=" + ask + "&format=json&output=json&results=json&timeout=30");
        assertEquals(200, wrapper.statusCode(), wrapper.body());
        assertTrue(wrapper.body().contains("\"boolean\""), wrapper.body());
    }

    static HttpResponse<String> postJson(String path, String body) {
        return Fixtures.post(base + path, body, "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
    }

    @Test
    void aMistypedProductFieldIsNamedWithTheNearestOneAndEveryFieldTheProductTakes() throws Exception {
        JsonNode p = problem(postJson("/api/products", """
                {"kind": "Hypervisor", "id": "UnknownNamesZed", "label": "Zed", "hostOs": "Linux"}"""), 400);
        String detail = p.get("detail").asText();
        assertTrue(detail.startsWith("Unknown field 'hostOs'. Did you mean 'hostOS'? The product takes: "), detail);
        assertEquals("hostOs", p.get("field").asText());
        assertEquals(List.of("hostOS"), strings(p.get("suggestions")));
        List<String> accepted = strings(p.get("accepted"));
        for (String f : List.of("kind", "id", "label", "comment", "source", "claims", "hostOS", "platforms", "uses", "lacksFeatures"))
            assertTrue(accepted.contains(f), f + " in " + accepted);
        assertEquals(404, Fixtures.get(base + "/api/products/UnknownNamesZed").statusCode(), "nothing was written");
    }

    @Test
    void aMistypedFieldOfAClaimIsNamedWhereverTheClaimIs() throws Exception {
        JsonNode alone = problem(postJson("/api/claims", """
                {"subject": "CloudStack", "property": "supports", "object": "KVM", "subjekt": "X"}"""), 400);
        assertEquals("Unknown field 'subjekt'. Did you mean 'subject'? The claim takes: asOf, kind, note, object, property, source, subject.",
                alone.get("detail").asText());
        assertEquals("subjekt", alone.get("field").asText());
        JsonNode inProduct = problem(postJson("/api/products", """
                {"kind": "Hypervisor", "id": "UnknownNamesZed", "label": "Zed",
                 "claims": [{"property": "vmmType", "object": "Type1"}, {"property": "vmmType", "objekt": "Type2"}]}"""), 400);
        assertEquals("Unknown field 'claims[1].objekt'. Did you mean 'object'? 'claims[1]' takes: asOf, kind, note, object, property, source, subject.",
                inProduct.get("detail").asText());
        assertEquals("claims[1].objekt", inProduct.get("field").asText());
        assertEquals(List.of("object"), strings(inProduct.get("suggestions")));
    }

    @Test
    void aMistypedRequirementIsNamedWithTheNearestOne() throws Exception {
        JsonNode p = problem(postJson("/api/selection", "{\"guestOs\": \"Windows\"}"), 400);
        assertTrue(p.get("detail").asText().startsWith("Unknown field 'guestOs'. Did you mean 'guestOS'? A selection request takes: "), p.get("detail").asText());
        assertEquals("guestOs", p.get("field").asText());
        assertTrue(strings(p.get("accepted")).containsAll(List.of("guestOS", "hostOS", "platform", "technology")), p.toString());
        JsonNode weighted = problem(postJson("/api/selection", "{\"guestOS\": {\"value\": \"Windows\", \"wieght\": \"must\"}}"), 400);
        assertEquals("guestOS.wieght", weighted.get("field").asText());
        assertEquals(List.of("value", "weight"), strings(weighted.get("accepted")));
        assertEquals(List.of("weight"), strings(weighted.get("suggestions")));
    }

    @Test
    void aValueOfTheWrongJsonTypeNamesTheFieldAndTheTypeItTakes() throws Exception {
        JsonNode label = problem(postJson("/api/products", """
                {"kind": "Hypervisor", "id": "UnknownNamesZed", "label": 5}"""), 400);
        assertEquals("Field 'label' must be a string", label.get("detail").asText());
        assertEquals("label", label.get("field").asText());
        JsonNode claims = problem(postJson("/api/products", """
                {"kind": "Hypervisor", "id": "UnknownNamesZed", "label": "Zed", "claims": "vmmType Type1"}"""), 400);
        assertEquals("Field 'claims' must be an array", claims.get("detail").asText());
        JsonNode object = problem(postJson("/api/claims", """
                {"subject": "CloudStack", "property": "supports", "object": ["KVM"]}"""), 400);
        assertEquals("Field 'object' must be a string", object.get("detail").asText());
    }

    @Test
    void aFormIsNotReadAsJsonAndTheAnswerSaysWhatToSend() throws Exception {
        JsonNode p = problem(Fixtures.post(base + "/api/selection", "guestOS=Windows", "Content-Type", "application/x-www-form-urlencoded"), 415);
        assertTrue(p.get("detail").asText().startsWith("Send the requirements as application/json (got application/x-www-form-urlencoded), e.g. {"),
                p.get("detail").asText());
    }
}
