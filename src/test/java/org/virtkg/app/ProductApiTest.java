package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** Users extend the graph with products: every status code, inference, replacement, deletion. */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class ProductApiTest {
    static TestServer server;
    static String base;
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String FIRECRACKER = """
            {"kind": "Hypervisor", "id": "Firecracker", "label": "Firecracker", "basedOn": ["KVM"],
             "hostOS": ["Linux"], "guestOS": ["Linux"], "platforms": ["OpenNebula"],
             "source": "https://firecracker-microvm.github.io/"}""";

    /** The shared writable server: every product this class adds has an id of its own and is deleted again. */
    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        base = server.base();
    }

    static HttpResponse<String> send(String method, String path, String body, String token) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return token == null ? Fixtures.send(b, "Content-Type", "application/json")
                : Fixtures.send(b, "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    static boolean ask(String s, String p, String o) {
        return VirtkgServerTest.askAt(base, "<" + ID + s + "> <" + VKG + p + "> <" + ID + o + ">");
    }

    /**
     * A product another graph still names is not deleted, and the refusal says which request
     * removes each such graph: here one written with SPARQL Update, as the README does, which is
     * no claim (it said "DELETE /api/claims/{id}" for every graph; fifth walk-through).
     */
    @Test
    void aRefusedDeleteSaysHowToRemoveWhatStillNamesTheProduct() {
        String body = FIRECRACKER.replace("\"Firecracker\"", "\"NotedVisor\"");
        assertEquals(201, send("POST", "/api/products", body, EDITOR).statusCode());
        String notes = "https://w3id.org/virtkg/graph/user/notes-on-noted-visor";
        var update = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/update")).POST(HttpRequest.BodyPublishers.ofString(
                "INSERT DATA { GRAPH <" + notes + "> { <" + ID + "NotedVisor> <http://www.w3.org/2000/01/rdf-schema#comment> \"Noted\" } }")),
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, update.statusCode(), update.body());
        var refused = send("DELETE", "/api/products/NotedVisor", null, EDITOR);
        assertEquals(409, refused.statusCode(), refused.body());
        assertJson(refused).at("/detail").hasTextBelowContaining("(DELETE /data?graph=" + notes + " (admin))");
        var dropped = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + notes)).DELETE(), "Authorization", "Bearer " + ADMIN);
        assertEquals(204, dropped.statusCode(), dropped.body());
        assertEquals(204, send("DELETE", "/api/products/NotedVisor", null, EDITOR).statusCode());
    }

    /** README: "If-None-Match: * makes a PUT a create that fails if it exists" (a PUT to a new id was a 404). */
    @Test
    void aPutWithIfNoneMatchStarCreatesTheProductOrAnswers412() throws Exception {
        String body = """
                {"kind": "Hypervisor", "label": "Put Created", "hostOS": ["Linux"], "source": "https://example.org/put-created"}""";
        java.util.function.Supplier<HttpRequest.Builder> b = () -> HttpRequest.newBuilder(URI.create(base + "/api/products/PutCreated"))
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        var created = Fixtures.send(b.get(), "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR, "If-None-Match", "*");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/products/PutCreated", created.headers().firstValue("Location").orElse(""));
        String etag = created.headers().firstValue("ETag").orElseThrow();
        var read = get(base + "/api/products/PutCreated");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(etag, read.headers().firstValue("ETag").orElse(""), "the ETag the create gave is the resource's");
        assertTrue(read.body().contains("\"label\":\"Put Created\""), read.body());
        // Again: the id is taken now, so the precondition fails and nothing changes.
        var again = Fixtures.send(b.get(), "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR, "If-None-Match", "*");
        assertEquals(412, again.statusCode(), again.body());
        assertTrue(again.body().contains("is taken by <" + ID + "PutCreated>"), again.body());
        // An id that differs from a shipped product's only in case is taken too.
        var kvm = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products/kvm")).PUT(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR, "If-None-Match", "*");
        assertEquals(412, kvm.statusCode(), kvm.body());
        // The body's id, when given, must be the path's.
        var other = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products/PutOther"))
                        .PUT(HttpRequest.BodyPublishers.ofString(body.replace("{", "{\"id\": \"Elsewhere\", "))),
                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR, "If-None-Match", "*");
        assertEquals(400, other.statusCode(), other.body());
        assertEquals(204, send("DELETE", "/api/products/PutCreated", null, EDITOR).statusCode());
    }

    @Test
    void addQueryReplaceAndDeleteAProduct() throws Exception {
        assertEquals(401, send("POST", "/api/products", FIRECRACKER, null).statusCode());
        var created = send("POST", "/api/products", FIRECRACKER, EDITOR);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/products/Firecracker", created.headers().firstValue("Location").orElse(""));

        // Immediate: OpenNebula supports it, and it is based on KVM.
        assertTrue(ask("OpenNebula", "supports", "Firecracker"));
        assertTrue(ask("Firecracker", "basedOn", "KVM"));
        var explain = get(base + "/api/explain?s=OpenNebula&p=vkg:supports&o=Firecracker");
        assertEquals(200, explain.statusCode(), explain.body());
        // The explanation names the user's source.
        assertJson(explain).at("/explanation/premises").hasTextBelow("https://w3id.org/virtkg/graph/user/Firecracker");

        // ... and in the REST views: the technology, the platform filter, the compatibility check and the matrix.
        JsonNode tech = Json.MAPPER.readTree(get(base + "/api/technologies/Firecracker").body());
        assertJson(tech).at("/platforms").hasItemWith("/id", "OpenNebula");
        assertJson(get(base + "/api/platforms?supports=Firecracker")).at("/items").hasItemWith("/id", "OpenNebula");
        JsonNode compat = Json.MAPPER.readTree(get(base + "/api/compatibility?technology=Firecracker&platform=OpenNebula").body());
        assertEquals("supported", compat.get("status").asText(), compat.toString());
        assertTrue(get(base + "/api/compatibility/matrix", "Accept", "text/csv").body().contains("Firecracker"));
        var selection = post(base + "/api/selection?limit=500", "{\"hostOS\": \"Linux\", \"guestOS\": \"Linux\"}", "Content-Type", "application/json");
        // The new hypervisor is a candidate in the selection.
        assertJson(selection).at("/items").hasItemWith("/technology/id", "Firecracker");

        assertEquals(409, send("POST", "/api/products", FIRECRACKER.replace("\"Firecracker\",", "\"firecracker\","), EDITOR).statusCode(),
                "ids are unique ignoring case");

        JsonNode stored = Json.MAPPER.readTree(get(base + "/api/products/firecracker").body());
        assertEquals("Hypervisor", stored.get("kind").asText());
        assertEquals("OpenNebula", stored.at("/platforms/0").asText());
        assertEquals("editor", stored.get("addedBy").asText());

        // README: "A PUT or DELETE without If-Match applies to whatever is there, as HTTP allows."
        var replaced = send("PUT", "/api/products/Firecracker", FIRECRACKER.replace("OpenNebula", "OpenStack"), ADMIN);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertFalse(ask("OpenNebula", "supports", "Firecracker"), "the replaced fact and its inference are gone");
        assertTrue(ask("OpenStack", "supports", "Firecracker"));
        // Who added it and when stay the creation's; the change log says who replaced it.
        JsonNode after = Json.MAPPER.readTree(get(base + "/api/products/Firecracker").body());
        assertEquals("editor", after.get("addedBy").asText(), after.toString());
        assertEquals(stored.get("addedAt").asText(), after.get("addedAt").asText(), after.toString());
        assertEquals("https://firecracker-microvm.github.io/", after.get("source").asText(), after.toString());
        // README: "A PUT replaces the whole product: a field it leaves out, the source included, is gone after it."
        var withoutSource = send("PUT", "/api/products/Firecracker",
                FIRECRACKER.replaceAll(",\\s*\"source\": \"[^\"]*\"", ""), ADMIN);
        assertEquals(200, withoutSource.statusCode(), withoutSource.body());
        assertFalse(Json.MAPPER.readTree(get(base + "/api/products/Firecracker").body()).has("source"));

        assertEquals(204, send("DELETE", "/api/products/Firecracker", null, EDITOR).statusCode());
        assertFalse(ask("OpenStack", "supports", "Firecracker"));
        assertFalse(VirtkgServerTest.askAt(base, "<" + ID + "Firecracker> ?p ?o"), "nothing about it is left, inferred or not");
        assertEquals(404, get(base + "/api/products/Firecracker").statusCode());
    }

    @Test
    void markupInAProductIsEscapedOnItsPage() {
        String evil = "{\"kind\": \"Hypervisor\", \"id\": \"Evil\", \"label\": \"<script>alert(1)</script>\", "
                + "\"comment\": \"<img src=x onerror=alert(2)>\", \"hostOS\": \"Linux\"}";
        assertEquals(201, send("POST", "/api/products", evil, EDITOR).statusCode());
        String page = get(base + "/id/Evil", "Accept", "text/html").body();
        assertFalse(page.contains("<script>alert(1)"), "label must be escaped");
        assertFalse(page.contains("<img src=x"), "comment must be escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)"), page);
        assertEquals(204, send("DELETE", "/api/products/Evil", null, EDITOR).statusCode());
    }

    @Test
    void shippedProductsAreReadOnly() {
        assertEquals(403, send("DELETE", "/api/products/KVM", null, ADMIN).statusCode());
        assertEquals(403, send("PUT", "/api/products/KVM", "{\"kind\": \"Hypervisor\", \"label\": \"KVM\"}", ADMIN).statusCode());
        var missing = send("DELETE", "/api/products/Nonesuch", null, ADMIN);
        assertEquals(404, missing.statusCode());
        // Reading one here is no forbidden act (reads are open): this route serves the products
        // users added, as written; a shipped one is not among them, and the answer says where it is read.
        var read = get(base + "/api/products/KVM");
        assertEquals(404, read.statusCode(), read.body());
        assertTrue(read.body().contains("/api/technologies/KVM") && read.body().contains("/id/KVM"), read.body());
        var platform = get(base + "/api/products/OpenStack");
        assertEquals(404, platform.statusCode(), platform.body());
        assertTrue(platform.body().contains("/api/platforms/OpenStack"), platform.body());
    }

    @Test
    void invalidProductsAreRefusedWithReasons() throws Exception {
        var badRef = send("POST", "/api/products", """
                {"kind": "Hypervisor", "id": "Bad1", "label": "Bad", "hostOS": ["Linx"]}""", EDITOR);
        assertEquals(422, badRef.statusCode(), badRef.body());
        assertJson(badRef).at("/report/0/field").is("hostOS").root().at("/report/0/suggestions").hasItem("Linux");
        assertJson(badRef).at("/detail").textContains("field 'hostOS': no id 'Linx' (did you mean ").textContains("Linux").root().at("/field").is("hostOS");

        var notAnOs = send("POST", "/api/products", """
                {"kind": "Hypervisor", "id": "Bad2", "label": "Bad", "hostOS": ["KVM"]}""", EDITOR);
        assertEquals(422, notAnOs.statusCode(), notAnOs.body());
        assertJson(notAnOs).at("/kind").is("shacl");
        // The shapes speak of properties; the answer names the body's field that set it, as the client wrote it.
        assertJson(notAnOs).at("/field").is("hostOS").root().at("/report/0/field").is("hostOS");
        var notATechnology = send("POST", "/api/products", """
                {"kind": "CloudPlatform", "id": "Bad5", "label": "Bad", "hypervisors": ["Linux"]}""", EDITOR);
        assertEquals(422, notATechnology.statusCode(), notATechnology.body());
        assertJson(notATechnology).at("/field").is("hypervisors").root().at("/report/0/path").textContains("supports");
        // In words: the field the client sent and the value refused, not only the shape's rule.
        assertJson(notATechnology).at("/detail").textContains("Field 'hypervisors': ").textContains("(the value given: Linux)");

        var badKind = send("POST", "/api/products", "{\"kind\": \"Banana\", \"id\": \"Bad3\", \"label\": \"Bad\"}", EDITOR);
        assertEquals(422, badKind.statusCode());
        var unknownField = send("POST", "/api/products", "{\"kind\": \"Hypervisor\", \"id\": \"Bad4\", \"label\": \"B\", \"colour\": \"red\"}", EDITOR);
        assertEquals(400, unknownField.statusCode());
        assertJson(unknownField).at("/field").is("colour").root().at("/unknown").hasItem("colour");
        assertEquals(400, send("POST", "/api/products", "{\"kind\": \"Hypervisor\", \"id\": ", EDITOR).statusCode());
        assertEquals(400, send("POST", "/api/products", "{\"kind\": \"Hypervisor\", \"id\": \"has space\", \"label\": \"x\"}", EDITOR).statusCode());
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals(400, send("POST", "/api/products", deep, EDITOR).statusCode());
        var asLd = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/products")).POST(HttpRequest.BodyPublishers.ofString(FIRECRACKER)),
                "Content-Type", "application/ld+json", "Authorization", "Bearer " + EDITOR);
        assertEquals(415, asLd.statusCode());
        for (String id : new String[] {"Bad1", "Bad2", "Bad3", "Bad4"})
            assertFalse(VirtkgServerTest.askAt(base, "<" + ID + id + "> ?p ?o"), id + " must leave nothing behind");
    }

    @Test
    void aProductSurvivesARestart(@TempDir Path db) {
        try (var first = TestServer.withShippedDataOnDisk(db, AccessTokens.of(ADMIN, EDITOR))) {
            var r = Fixtures.send(HttpRequest.newBuilder(URI.create(first.base() + "/api/products"))
                    .POST(HttpRequest.BodyPublishers.ofString(FIRECRACKER.replace("Firecracker", "Kata"))),
                    "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
            assertEquals(201, r.statusCode(), r.body());
        }
        try (var second = TestServer.withShippedDataOnDisk(db, AccessTokens.of(ADMIN, EDITOR))) {
            assertEquals(200, get(second.base() + "/api/products/Kata").statusCode());
            assertTrue(VirtkgServerTest.askAt(second.base(), "<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Kata>"),
                    "its inferences are back after the restart");
        }
    }
}
