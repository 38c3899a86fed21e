package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Every route Javalin has registered is in /openapi.json with the same method (the server registers
 * them from the table the document is built from), everything described is served, and /docs renders it.
 */
class OpenApiCompletenessTest {
    /** The endpoints of Fuseki's context (VirtkgServer.fusekiContext). */
    static final java.util.Set<String> FUSEKI = java.util.Set.of("/sparql", "/asserted/sparql", "/update", "/data");

    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        JsonNode doc = json(get(base + "/openapi.json"), 200);
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        List<String> routes = server.routes();
        assertTrue(routes.size() >= 15, routes.toString());
        assertTrue(routes.contains("GET /api/technologies/{id}"), routes.toString());
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String[] mp = route.split(" ", 2);
            JsonNode op = doc.path("paths").path(mp[1]).path(mp[0].toLowerCase(Locale.ROOT));
            if (op.isMissingNode() || !op.has("summary") || !op.has("responses")) missing.add(route);
        }
        assertEquals(List.of(), missing, "routes without an OpenAPI operation");
    }

    /** The other way round: what the document describes is served (by Javalin, or by Fuseki where it says so). */
    @Test
    void everyDescribedOperationIsServed() {
        JsonNode doc = json(get(base + "/openapi.json"), 200);
        List<String> routes = server.routes();
        List<String> unserved = new ArrayList<>();
        int fuseki = 0;
        for (var path : doc.get("paths").properties())
            for (var op : path.getValue().properties()) {
                if (op.getValue().path("x-served-by").asText().equals("fuseki")) {
                    // Only what Fuseki's context in front of Javalin serves may say so.
                    if (!FUSEKI.contains(path.getKey())) unserved.add(op.getKey() + " " + path.getKey() + " (not a Fuseki endpoint)");
                    fuseki++;
                    continue;
                }
                // Each library query is described at its own path; one route serves them all.
                String route = path.getKey().matches("/api/queries/[^{][^/]*") ? "/api/queries/{name}" : path.getKey();
                if (!routes.contains(op.getKey().toUpperCase(Locale.ROOT) + " " + route)) unserved.add(op.getKey() + " " + path.getKey());
            }
        assertEquals(List.of(), unserved, "described but not registered");
        assertTrue(fuseki >= 4, "SPARQL query, asserted SPARQL, update, Graph Store read: " + fuseki);
        assertEquals(200, get(base + "/sparql?query=ASK%7B%7D").statusCode(), "Fuseki serves what the document says it does");
    }

    @Test
    void pathParametersAreDeclared() {
        JsonNode doc = json(get(base + "/openapi.json"), 200);
        doc.get("paths").fields().forEachRemaining(e -> {
            if (!e.getKey().contains("{")) return;
            String name = e.getKey().replaceAll(".*\\{(\\w+)}.*", "$1");
            e.getValue().fields().forEachRemaining(op -> assertJson(op.getValue()).at("/parameters").itemWith("/name", name)
                    .at("/in").is("path"));
        });
        // Each library query appears with its own parameters.
        assertEquals("technology", doc.at("/paths/~1api~1queries~1platforms-for-technology/get/parameters/0/name").asText());
    }

    @Test
    void docsPageLoadsSwaggerUiFromTheWebJar() {
        var page = get(base + "/docs");
        assertEquals(200, page.statusCode());
        var scripts = java.util.regex.Pattern.compile("<script src=\"([^\"]+)\"").matcher(page.body()).results()
                .map(m -> m.group(1)).toList();
        assertEquals(2, scripts.size(), page.body());
        assertTrue(scripts.get(0).startsWith("/webjars/swagger-ui/") && !scripts.get(0).contains("missing"), scripts.get(0));
        assertFalse(page.body().contains("<script>"), "no inline script (the Content-Security-Policy forbids them)");
        for (String js : scripts) assertEquals(200, get(base + js).statusCode(), js);
        assertTrue(get(base + scripts.get(1)).body().contains("/openapi.json"), "the page starts Swagger UI on this document");
    }
}
