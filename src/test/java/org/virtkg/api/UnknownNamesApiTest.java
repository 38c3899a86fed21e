package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * A name the contract does not know — a query parameter an operation does not take, a field a
 * JSON body does not have — is a 400 problem that names it, lists what is accepted and suggests
 * the nearest accepted name, the same way on every endpoint. Nothing is silently ignored.
 */
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
                "/api/compare?ids=KVM,Xen", "/api/lifecycles/KVM?view=all", "/api/technologies/KVM/platforms?include=services"))
            assertEquals(200, Fixtures.get(base + url).statusCode(), url);
        assertEquals(200, Fixtures.post(base + "/api/selection?include=violated,unknown&view=all&limit=3", "{\"guestOS\": \"Windows\"}",
                "Content-Type", "application/json").statusCode());
    }
}
