package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.Graphs;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * The platform list keeps its parts from version to version ({@link PlatformListView}) and must
 * answer exactly what computing it anew gives. After each of a sequence of writes through the API
 * (products created, updated and deleted, claims, SPARQL Updates that re-source a support claim,
 * make a platform a commercial service or give it a licence, and a class-hierarchy change), every
 * variant of the list a client reads ({@code supports=} a technology or a class, with and without
 * {@code include=services}, paged) is compared with the list a fresh catalogue (fresh claims, no
 * kept parts) computes at the same version. Several of the writes change a part the view keeps
 * (a support value's sources, a platform's summary, a service flag) while being followed, so a
 * part that went stale fails the comparison.
 */
class PlatformListFollowsChangesTest {
    private static final String VKG = Graphs.VOCAB;
    private static final String ID = Graphs.ID;
    private static final String USER = Graphs.USER;

    /** Path, {@code supports} and whether services are included; limit and offset for the paged ones. */
    private record Variant(String supports, boolean services, Integer limit, Integer offset) {
        String path() {
            List<String> q = new ArrayList<>();
            if (supports != null) q.add("supports=" + supports);
            if (services) q.add("include=services");
            if (limit != null) q.add("limit=" + limit);
            if (offset != null) q.add("offset=" + offset);
            return "/api/platforms" + (q.isEmpty() ? "" : "?" + String.join("&", q));
        }
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant(null, false, null, null),
            new Variant(null, true, null, null),
            new Variant(null, true, 3, 2),
            new Variant("ContainerTechnology", false, null, null),
            new Variant("ContainerTechnology", true, null, null),
            new Variant("ContainerTechnology", false, 2, 1),
            new Variant("KVM", true, null, null),
            new Variant("Hypervisor", false, null, null));

    static TestServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Fixtures.send(b, headers);
    }

    private static void product(String method, String path, String json) {
        var r = send(method, path, json, "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + ": " + r.statusCode() + " " + r.body());
    }

    private static void update(String sparql) {
        var r = send("POST", "/update", "PREFIX vkg: <" + VKG + "> PREFIX id: <" + ID + "> "
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#> " + sparql,
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertTrue(r.statusCode() / 100 == 2, sparql + ": " + r.statusCode() + " " + r.body());
    }

    private static String technology(String id, String label) {
        return """
                {"kind": "ContainerTechnology", "id": "%s", "label": "%s", "hostOS": ["Linux"], "platforms": ["OpenStack"]}"""
                .formatted(id, label);
    }

    /** A write through the API, and whether the view must follow it (null: either, the comparison decides). */
    private record Step(String name, Boolean follows, Runnable write) {}

    @Test
    void aFollowedPlatformListIsExactlyTheOneComputedAnew() throws Exception {
        KnowledgeBase kb = server.server().knowledgeBase();
        // A view of the test's own over the server's knowledge base, to see whether it followed.
        Knowledge own = new Knowledge(kb);
        CatalogRoutes routes = new CatalogRoutes(own, new ExplainRoutes(kb), new ResponseCache());
        compare(kb, own, routes, "at start");
        String g = "<" + USER + "platlist-";
        List<Step> steps = List.of(
                new Step("a new container technology OpenStack supports", true, () -> product("POST", "/api/products",
                        technology("PlW1", "Pl w1"))),
                new Step("another, sorting before every other", true, () -> product("POST", "/api/products",
                        technology("PlW2", "Aaa pl w2"))),
                new Step("OpenStack's support of PlW1 stated by a second source", true, () -> update(
                        "INSERT DATA { GRAPH " + g + "resourced> { id:OpenStack vkg:supports id:PlW1 } }")),
                new Step("a licence for OpenStack", true, () -> update(
                        "INSERT DATA { GRAPH " + g + "licence> { id:OpenStack vkg:licence id:GPL2Only } }")),
                // OpenNode is a container platform by inference, from (among others) the paper's
                // statement that OpenVZ is a container technology: a second source for that
                // statement is a source of the inferred kind too, though it says nothing of OpenNode.
                new Step("a second source for a fact an inferred kind of OpenNode rests on", true, () -> update(
                        "INSERT DATA { GRAPH " + g + "openvz> { id:OpenVZ a vkg:ContainerTechnology ; "
                                + "vkg:virtualization id:OSLevelVirtualization } }")),
                new Step("a new platform supporting PlW1 and KVM", true, () -> update(
                        "INSERT DATA { GRAPH " + g + "cloud> { id:PlCloud a vkg:CloudPlatform ; rdfs:label \"Pl cloud\"@en ; "
                                + "vkg:supports id:PlW1 , id:KVM } }")),
                new Step("the new platform made a commercial service", true, () -> update(
                        "INSERT DATA { GRAPH " + g + "service> { id:PlCloud a vkg:CommercialService } }")),
                new Step("a claim that Nimbus supports LXC", null, () -> {
                    var r = send("POST", "/api/claims", """
                            {"subject": "Nimbus", "property": "supports", "object": "LXC",
                             "source": "https://example.org/nimbus-lxc", "note": "Seen in a deployment guide"}""",
                            "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
                    assertEquals(201, r.statusCode(), r.body());
                }),
                new Step("PlW1 relabelled (an update: it removes, and nothing holds by another route)", true, () -> product("PUT", "/api/products/PlW1",
                        technology("PlW1", "Zz pl w1"))),
                new Step("a third technology after the update", true, () -> product("POST", "/api/products",
                        technology("PlW3", "Pl w3"))),
                new Step("a class under ContainerTechnology, and PlW3 in it", false, () -> update(
                        "INSERT DATA { GRAPH " + g + "schema> { vkg:PlSandbox a owl:Class ; rdfs:subClassOf vkg:ContainerTechnology ; "
                                + "rdfs:label \"sandboxed container\"@en ; rdfs:comment \"A test class.\"@en . "
                                + "id:PlW3 a vkg:PlSandbox } }")),
                new Step("PlW2 deleted", true, () -> {
                    var r = send("DELETE", "/api/products/PlW2", null, "Authorization", "Bearer " + EDITOR);
                    assertEquals(204, r.statusCode(), r.body());
                }),
                new Step("a fourth technology after the deletion", true, () -> product("POST", "/api/products",
                        technology("PlW4", "Pl w4"))),
                new Step("a fifth whose label is the fourth's but for case", true, () -> product("POST", "/api/products",
                        technology("PlW5", "PL W4"))),
                new Step("a sixth, the list now having a tie", true, () -> product("POST", "/api/products",
                        technology("PlW6", "Pl w6"))));
        List<String> followed = new ArrayList<>();
        for (Step step : steps) {
            long before = kb.version();
            step.write().run();
            assertTrue(kb.version() > before, step.name() + ": a new version");
            PlatformListView v = routes.newestPlatformView();
            boolean wasFollowed = v != null && v.version == kb.version();
            if (step.follows() != null) assertEquals(step.follows(), wasFollowed, step.name() + ": followed");
            if (wasFollowed) followed.add(step.name());
            compare(kb, own, routes, step.name());
        }
        assertTrue(followed.size() >= 6, "most writes were followed: " + followed);
    }

    /**
     * Every variant: the server's answer, and the test's own followed view's list, equal the list
     * a fresh catalogue computes without kept parts.
     */
    private static void compare(KnowledgeBase kb, Knowledge own, CatalogRoutes routes, String step) throws Exception {
        long version = kb.version();
        Knowledge fresh = new Knowledge(kb);
        for (Variant variant : VARIANTS) {
            String what = step + ": " + variant.path();
            var r = Fixtures.get(base + variant.path(), "Accept", "application/json");
            assertEquals(200, r.statusCode(), what + ": " + r.body());
            JsonNode served = Json.MAPPER.readTree(r.body());
            CatalogRoutes.PlatformList anew = fresh.read(c -> {
                assertEquals(version, c.version(), what);
                return CatalogRoutes.platformList(c, null, variant.supports(), variant.services());
            });
            // The served page: the fresh list sliced the same way.
            int offset = variant.offset() == null ? 0 : variant.offset();
            int limit = variant.limit() == null ? Integer.MAX_VALUE : variant.limit();
            List<?> page = anew.items().subList(Math.min(offset, anew.items().size()),
                    (int) Math.min((long) offset + limit, anew.items().size()));
            same(Json.write(page), Json.write(served.get("items")), what + ": items");
            assertEquals(anew.items().size(), served.get("total").asInt(), what + ": total");
            same(Json.write(anew.excluded()), Json.write(served.get("excluded").get("services")), what + ": excluded");
            // The test's own view (followed when the step was): the whole list, before paging.
            CatalogRoutes.PlatformList kept = own.read(c -> CatalogRoutes.platformList(c, routes.platformView(c), variant.supports(),
                    variant.services()));
            assertNotNull(kept, what);
            same(Json.write(anew), Json.write(kept), what + ": kept parts");
        }
    }

    /** Equal, or a failure showing where they first differ. */
    private static void same(String expected, String actual, String what) {
        if (expected.equals(actual)) return;
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) i++;
        int from = Math.max(0, i - 160);
        throw new AssertionError(what + " differs at " + i + ": computed anew …" + expected.substring(from, Math.min(expected.length(), i + 160))
                + "…, served or kept …" + actual.substring(from, Math.min(actual.length(), i + 160)) + "…");
    }
}
