package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.Graphs;
import org.virtkg.testing.ExternalFuseki;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedFuseki;
import org.virtkg.testing.ShippedStoreSeed;
import org.virtkg.testing.TestServer;

/**
 * Several virtkg instances over one real, standalone Fuseki server ({@code --store-url}): a write
 * through one is seen by the others at once, concurrent writers lose nothing, blank nodes survive
 * the round trip, a store that goes away gives 503s and no half-done writes, and everything is
 * still there for an instance started later.
 */
@ResourceLock(Locks.SHARED_FUSEKI)
class RemoteStoreTest {
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    @TempDir
    Path tmp;
    /**
     * The store: the test JVM's one in-memory Fuseki ({@link SharedFuseki}), emptied and refilled
     * for each test, since starting one is a child JVM and seconds on two cores; or, for a test that
     * kills the store and starts it again, a Fuseki of its own over TDB2, which keeps the data.
     */
    ExternalFuseki fuseki;
    /** The Fuseki this test started itself (closed after it), or null. */
    ExternalFuseki own;
    final List<TestServer> servers = new ArrayList<>();

    /**
     * The test needs the store empty (the first sync itself, of the whole shipped data). The others
     * start from a copy of the store as the first sync of {@link #lighterData} leaves it
     * ({@link ShippedStoreSeed}), made once per JVM.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface EmptyStore {}

    /** The test kills the store and restarts it: it needs one of its own that keeps its data (TDB2). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface RestartsTheStore {}

    /** The shipped ontology, for every test. */
    static final Path ONTOLOGY = Fixtures.projectDir().resolve("ontology");
    /**
     * The shipped data files but Nova's support matrices (three quarters of the shipped bytes), for
     * every test but the first sync's: what these tests check (instances agreeing, replaying,
     * reloading, surviving a store outage) is the same whatever the data, and each instance copies,
     * checks and reasons over all of it at start and at each write, several times per test.
     */
    static Path lighterData;

    /** The data folder this test's instances sync: the shipped one, or {@link #lighterData}. */
    Path data;

    @BeforeAll
    static void copyLighterData(@TempDir Path scratch) {
        lighterData = Fixtures.shippedDataWithoutNova(scratch);
    }

    /**
     * Every test starts from a store no instance has seen: empty (the first sync of the whole
     * shipped data), or as the first sync of the lighter data leaves it.
     */
    @BeforeEach
    void fillStore(TestInfo test) {
        var method = test.getTestMethod().orElseThrow();
        if (method.isAnnotationPresent(RestartsTheStore.class))
            fuseki = own = ExternalFuseki.startPersistent(tmp.resolve("fuseki"), tmp.resolve("tdb2"));
        else fuseki = SharedFuseki.get();
        if (method.isAnnotationPresent(EmptyStore.class)) {
            data = Fixtures.projectDir().resolve("data");
            SharedFuseki.empty(fuseki.datasetUrl());
        } else {
            data = lighterData;
            ShippedStoreSeed.into(fuseki.datasetUrl(), ONTOLOGY, data);
        }
    }

    @AfterEach
    void stopAll() {
        servers.forEach(TestServer::close);
        if (own != null) fuseki.close(); // after a restart, fuseki is the running one
    }

    TestServer instance() {
        TestServer s = TestServer.onRemoteStore(fuseki.datasetUrl(), AccessTokens.of(ADMIN, EDITOR), ONTOLOGY, data);
        servers.add(s);
        return s;
    }

    static HttpResponse<String> send(TestServer s, String method, String path, String body, String token) {
        var b = HttpRequest.newBuilder(URI.create(s.base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Fixtures.send(b, "Content-Type", "application/json", "Authorization", "Bearer " + token);
    }

    static String product(String id) {
        return """
                {"kind": "Hypervisor", "id": "%s", "label": "%s", "basedOn": ["KVM"], "hostOS": ["Linux"],
                 "platforms": ["OpenNebula"], "source": "https://example.org/%s"}""".formatted(id, id, id);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** Asks the Fuseki server itself, bypassing virtkg (its default graph is empty: name the graphs). */
    boolean storeAsks(String pattern) {
        try (QueryExecHTTP q = QueryExecHTTP.service(fuseki.datasetUrl()).query("ASK { " + pattern + " }").build()) {
            return q.ask();
        }
    }

    /** Skolem IRIs (blank nodes, as the store keeps them) in subject position anywhere in the store. */
    Set<String> skolemIris() {
        Set<String> out = new TreeSet<>();
        String q = "SELECT DISTINCT ?r { GRAPH ?g { ?r ?p ?o } FILTER(STRSTARTS(STR(?r), \"" + Graphs.BASE + ".well-known/genid/\")) }";
        try (QueryExecHTTP exec = QueryExecHTTP.service(fuseki.datasetUrl()).query(q).build()) {
            exec.select().forEachRemaining(b -> out.add(b.get("r").getURI()));
        }
        return out;
    }

    @Test
    void aWriteThroughOneInstanceIsSeenByAnotherAtOnce() {
        TestServer a = instance();
        TestServer b = instance();
        assertEquals(json(get(a.base() + "/api/health")).get("triples").asLong(),
                json(get(b.base() + "/api/health")).get("triples").asLong(), "both serve the same store");
        assertEquals("sparql", json(get(b.base() + "/api/health")).at("/store/kind").asText());

        var before = get(b.base() + "/api/technologies/Firecracker/platforms");
        assertEquals(404, before.statusCode());
        var listBefore = get(b.base() + "/api/platforms");
        String etag = listBefore.headers().firstValue("ETag").orElseThrow();

        var created = send(a, "POST", "/api/products", product("Firecracker"), EDITOR);
        assertEquals(201, created.statusCode(), created.body());

        // B answers from its own copy, yet sees A's write and A's inferences immediately.
        var platforms = get(b.base() + "/api/technologies/Firecracker/platforms");
        assertEquals(200, platforms.statusCode(), platforms.body());
        assertJson(platforms).at("/items").hasItemWith("/platform/id", "OpenNebula");
        assertTrue(VirtkgServerTest.askAt(b.base(), "<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Firecracker>"),
                "the inference reached B's SPARQL endpoint");
        var revalidated = get(b.base() + "/api/platforms", "If-None-Match", etag);
        assertEquals(200, revalidated.statusCode(), "B's cached representation is stale after A's write");
        assertNotEquals(etag, revalidated.headers().firstValue("ETag").orElseThrow());
        assertEquals(json(get(a.base() + "/api/health")).get("knowledgeBaseVersion").asLong(),
                json(get(b.base() + "/api/health")).get("knowledgeBaseVersion").asLong());
        // A's change-log entry is visible on B.
        assertJson(get(b.base() + "/api/changes")).at("/items/0/summary").is("add product Firecracker");

        // The store itself holds the asserted product, its inferences and the version.
        assertTrue(storeAsks("GRAPH <" + Graphs.USER + "Firecracker> { <" + ID + "Firecracker> ?p ?o }"));
        assertTrue(storeAsks("GRAPH <" + Graphs.INFERRED + "> { <" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Firecracker> }"));

        // And back the other way: deleted through B, gone on A, with its inferences.
        assertEquals(204, send(b, "DELETE", "/api/products/Firecracker", null, EDITOR).statusCode());
        assertEquals(404, get(a.base() + "/api/products/Firecracker").statusCode());
        assertFalse(VirtkgServerTest.askAt(a.base(), "<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Firecracker>"));
        assertFalse(storeAsks("GRAPH <" + Graphs.INFERRED + "> { <" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Firecracker> }"));
    }

    @Test
    void concurrentWritersThroughTwoInstancesLoseNothing() {
        TestServer a = instance();
        TestServer b = instance();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestServer via = i % 2 == 0 ? a : b;
            String id = "Concurrent" + i;
            calls.add(CompletableFuture.supplyAsync(() -> send(via, "POST", "/api/products", product(id), EDITOR)));
        }
        for (var c : calls) assertEquals(201, c.join().statusCode(), c.join().body());
        for (TestServer s : List.of(a, b))
            for (int i = 0; i < 12; i++) assertEquals(200, get(s.base() + "/api/products/Concurrent" + i).statusCode());
        // Every write got its own change id, with no gaps: no instance overwrote another's entry.
        Set<Long> ids = new TreeSet<>();
        json(get(a.base() + "/api/changes?limit=100")).get("items").forEach(c -> {
            if (c.get("kind").asText().equals("product")) ids.add(c.get("id").asLong());
        });
        assertEquals(12, ids.size(), ids.toString());
        assertEquals(ids.size(), ids.stream().mapToLong(Long::longValue).max().orElse(0) - ids.stream().mapToLong(Long::longValue).min().orElse(0) + 1);
        // Operators can see the store traffic and the races on /metrics.
        String metrics = get(a.base() + "/metrics").body();
        assertTrue(metrics.contains("virtkg_store_requests_seconds_count{op=\"update\",outcome=\"ok\"}"), metrics);
        assertTrue(metrics.contains("virtkg_store_catchups_total{kind=\"replay\"}"), "A replayed B's writes");
    }

    @Test
    void twoInstancesCreatingTheSameIdGiveExactlyOneCreated() throws Exception {
        TestServer a = instance();
        TestServer b = instance();
        for (int round = 0; round < 5; round++) {
            String id = "Twin" + round;
            var go = new java.util.concurrent.CountDownLatch(1);
            var viaA = CompletableFuture.supplyAsync(() -> {
                await(go);
                return send(a, "POST", "/api/products", product(id), EDITOR);
            });
            var viaB = CompletableFuture.supplyAsync(() -> {
                await(go);
                return send(b, "POST", "/api/products", product(id), EDITOR);
            });
            go.countDown();
            List<Integer> codes = new ArrayList<>(List.of(viaA.join().statusCode(), viaB.join().statusCode()));
            codes.sort(null);
            assertEquals(List.of(201, 409), codes, viaA.join().body() + " " + viaB.join().body());
            String label = json(get(a.base() + "/api/products/" + id)).get("label").asText();
            assertEquals(label, json(get(b.base() + "/api/products/" + id)).get("label").asText());
        }
    }

    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @EmptyStore
    void twoInstancesStartingTogetherOnAnEmptyStoreAgree() {
        // Both find the store empty, both load the shipped files and derive the inferences; the
        // store takes one instance's writes, the other catches up and finds nothing left to do.
        var first = CompletableFuture.supplyAsync(this::instance);
        var second = CompletableFuture.supplyAsync(this::instance);
        TestServer a = first.join();
        TestServer b = second.join();
        JsonNode ha = json(get(a.base() + "/api/health"));
        JsonNode hb = json(get(b.base() + "/api/health"));
        assertEquals(ha.get("knowledgeBaseVersion").asLong(), hb.get("knowledgeBaseVersion").asLong());
        assertEquals(ha.get("triples").asLong(), hb.get("triples").asLong());
        assertTrue(VirtkgServerTest.askAt(b.base(), "<" + ID + "OpenStack> <" + VKG + "supports> <" + ID + "KVM>"));
        // The store is now as the shipped data's first sync leaves it: the seed other test JVMs of
        // the build copy (remote-store-contract), kept here so that no one syncs it a second time.
        ShippedStoreSeed.keepShippedFrom(fuseki.datasetUrl());

        long start = ha.get("knowledgeBaseVersion").asLong();
        var x = json(send(a, "POST", "/api/products", product("Xen2"), EDITOR));
        var y = json(send(b, "POST", "/api/products", product("Xen3"), EDITOR));
        Set<Long> ids = new TreeSet<>();
        List<String> kinds = new ArrayList<>();
        json(get(a.base() + "/api/changes")).get("items").forEach(c -> {
            ids.add(c.get("id").asLong());
            kinds.add(c.get("kind").asText());
        });
        assertEquals(1, kinds.stream().filter("sync"::equals).count(), "the shipped data was loaded once: " + kinds);
        assertTrue(ids.containsAll(Set.of(start + 1, start + 2)), "one change-log entry each, no id taken twice: " + x + " " + y + " " + ids);
        assertEquals(start + 2, json(get(b.base() + "/api/health")).get("knowledgeBaseVersion").asLong());
    }

    @Test
    void blankNodesSurviveTheRoundTrip() {
        TestServer a = instance();
        TestServer b = instance();
        String term = """
                @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                vkg:KvmBasedHypervisor a owl:Class ; rdfs:label "KVM-based hypervisor" ;
                    rdfs:comment "A hypervisor built on KVM." ;
                    owl:equivalentClass [ a owl:Restriction ; owl:onProperty vkg:basedOn ; owl:hasValue <https://w3id.org/virtkg/id/KVM> ] .
                """;
        Set<String> before = skolemIris(); // the shipped ontology's own blank nodes
        var put = Fixtures.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/terms/kvm-based")).PUT(HttpRequest.BodyPublishers.ofString(term)),
                "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertEquals(201, put.statusCode(), put.body());
        assertTrue(storeAsks("GRAPH <" + Graphs.TERMS + "kvm-based> { ?r <http://www.w3.org/2002/07/owl#onProperty> ?p }"
                        + " FILTER(STRSTARTS(STR(?r), \"" + Graphs.BASE + ".well-known/genid/\"))"),
                "the store holds the restriction under a skolem IRI");
        assertTrue(VirtkgServerTest.askAt(b.base(), "<" + VKG + "KvmBasedHypervisor> <http://www.w3.org/2002/07/owl#equivalentClass> ?r FILTER(isBlank(?r))"),
                "B sees a blank node again");
        assertEquals(201, send(b, "POST", "/api/products", product("Kata"), EDITOR).statusCode());
        assertTrue(VirtkgServerTest.askAt(a.base(), "<" + ID + "Kata> a <" + VKG + "KvmBasedHypervisor>"),
                "the restriction is reasoned with on every instance");

        var deleted = Fixtures.send(HttpRequest.newBuilder(URI.create(b.base() + "/api/terms/kvm-based")).DELETE(),
                "Authorization", "Bearer " + ADMIN);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(before, skolemIris(), "a blank node written through virtkg can be deleted again");
        assertFalse(VirtkgServerTest.askAt(a.base(), "<" + ID + "Kata> a <" + VKG + "KvmBasedHypervisor>"));
    }

    @Test
    void anInstanceThatCannotReplayAChangeReloadsTheWholeStore() {
        TestServer a = instance();
        TestServer b = instance();
        assertEquals(201, send(a, "POST", "/api/products", product("Gvisor"), EDITOR).statusCode());
        // As if the change had been a bulk load, too big to keep a patch for.
        UpdateExecHTTP.service(fuseki.datasetUrl()).update("DELETE WHERE { GRAPH <" + Graphs.CHANGES
                + "> { ?e <" + Graphs.BASE + "system#patch> ?p } }").execute();
        assertEquals(201, send(a, "POST", "/api/products", product("Youki"), EDITOR).statusCode());
        assertEquals(200, get(b.base() + "/api/products/Gvisor").statusCode());
        assertEquals(200, get(b.base() + "/api/products/Youki").statusCode());
        assertTrue(VirtkgServerTest.askAt(b.base(), "<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Youki>"));
    }

    @Test
    @RestartsTheStore
    void aStoreThatGoesAwayMeans503AndNoHalfWrites() {
        TestServer a = instance();
        assertEquals(201, send(a, "POST", "/api/products", product("Before"), EDITOR).statusCode());
        fuseki.kill();

        var read = get(a.base() + "/api/platforms");
        assertEquals(503, read.statusCode(), read.body());
        assertTrue(read.headers().firstValue("Retry-After").isPresent());
        assertJson(read).at("/kind").is("store-unavailable").root().at("/detail").textContains("store");
        assertEquals(503, get(a.base() + "/sparql?query=" + Fixtures.enc("ASK {}")).statusCode());
        var health = get(a.base() + "/api/health");
        assertEquals(503, health.statusCode());
        assertEquals("store-unavailable", json(health).get("status").asText());
        var write = send(a, "POST", "/api/products", product("During"), EDITOR);
        assertEquals(503, write.statusCode(), write.body());

        fuseki = fuseki.restart();
        TestServer later = instance(); // the restart may move the port; a new instance follows it
        assertEquals(200, get(later.base() + "/api/products/Before").statusCode(), "acknowledged before the outage: kept");
        assertEquals(404, get(later.base() + "/api/products/During").statusCode(), "refused during the outage: absent");
        assertTrue(VirtkgServerTest.askAt(later.base(), "<" + ID + "OpenNebula> <" + VKG + "supports> <" + ID + "Before>"));
    }

    @Test
    void aLaterInstanceFindsEverythingAndReloadsNothing() {
        TestServer a = instance();
        assertEquals(201, send(a, "POST", "/api/products", product("Proxmox"), EDITOR).statusCode());
        long version = json(get(a.base() + "/api/health")).get("knowledgeBaseVersion").asLong();
        a.close();
        servers.remove(a);

        TestServer c = instance();
        JsonNode health = json(get(c.base() + "/api/health"));
        assertEquals(version, health.get("knowledgeBaseVersion").asLong(),
                "the shipped data is unchanged and the inferences are current: starting wrote nothing");
        assertEquals(200, get(c.base() + "/api/products/Proxmox").statusCode());
        assertNotNull(get(c.base() + "/api/platforms").headers().firstValue("ETag").orElse(null));
    }
}
