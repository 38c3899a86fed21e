package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * The views that follow changes (the matrix, the claims behind the compatibility check, the
 * platform list, the id index) under concurrent writes and reads: a writer's next read, of any of
 * them, has its acknowledged write; a reader polling meanwhile never sees a change half applied
 * (a technology without its cells, a cell without its technology) nor a refused write.
 */
class ReadYourWritesTest {
    static TestServer server;
    static String base;

    @TempDir
    static java.nio.file.Path db;

    @BeforeAll
    static void start() {
        server = TestServer.withShippedDataOnDisk(db, AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(String path) throws Exception {
        var r = get(base + path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static Set<String> ids(JsonNode refs) {
        Set<String> out = new HashSet<>();
        refs.forEach(r -> out.add(r.get("id").asText()));
        return out;
    }

    /** What a writer checks after its write is acknowledged; problems, not assertions, so every thread reports. */
    private static List<String> readOwnWrite(String id) throws Exception {
        List<String> problems = new ArrayList<>();
        JsonNode matrix = json("/api/compatibility/matrix");
        if (!ids(matrix.get("technologies")).contains(id)) problems.add(id + ": not in the matrix's technologies");
        boolean cell = false;
        for (JsonNode c : matrix.get("cells"))
            if (c.get("technology").asText().equals(id) && c.get("platform").asText().equals("OpenStack"))
                cell = c.get("status").asText().equals("supported");
        if (!cell) problems.add(id + ": the matrix has no supported cell with OpenStack");
        JsonNode check = json("/api/compatibility?technology=" + id + "&platform=OpenStack");
        if (!check.get("status").asText().equals("supported")) problems.add(id + ": compatibility check says " + check.get("status"));
        JsonNode platforms = json("/api/platforms?supports=" + id);
        Set<String> listed = new HashSet<>();
        platforms.get("items").forEach(p -> listed.add(p.get("id").asText()));
        if (!listed.contains("OpenStack")) problems.add(id + ": platform list without OpenStack: " + listed);
        var product = get(base + "/api/products/" + id);
        if (product.statusCode() != 200) problems.add(id + ": product body " + product.statusCode());
        return problems;
    }

    /** A matrix is whole: one cell per technology and platform, and each written technology supported by OpenStack only. */
    private static List<String> whole(JsonNode matrix) {
        List<String> problems = new ArrayList<>();
        Set<String> ts = ids(matrix.get("technologies")), ps = ids(matrix.get("platforms"));
        if (ps.contains("KVM")) problems.add("the refused write is visible: KVM listed as a platform");
        if (matrix.get("cells").size() != ts.size() * ps.size())
            problems.add("cells " + matrix.get("cells").size() + " for " + ts.size() + " x " + ps.size());
        Set<String> supported = new HashSet<>();
        for (JsonNode c : matrix.get("cells")) {
            String t = c.get("technology").asText();
            if (!ts.contains(t) || !ps.contains(c.get("platform").asText())) problems.add("a cell outside the matrix: " + c);
            if (t.startsWith("Ryw") && c.get("platform").asText().equals("OpenStack") && c.get("status").asText().equals("supported"))
                supported.add(t);
        }
        for (String t : ts) if (t.startsWith("Ryw") && !supported.contains(t)) problems.add(t + " listed without its cell");
        return problems;
    }

    @Test
    void aWriterReadsItsOwnWriteAndNoReaderSeesAHalfAppliedOrRefusedOne() throws Exception {
        int writers = 4, each = 8, readers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger polls = new AtomicInteger();
            List<Future<List<String>>> readerResults = new ArrayList<>();
            for (int r = 0; r < readers; r++)
                readerResults.add(pool.submit(() -> {
                    go.await();
                    List<String> problems = new ArrayList<>();
                    while (!done.get() && problems.isEmpty()) {
                        problems.addAll(whole(json("/api/compatibility/matrix")));
                        polls.incrementAndGet();
                    }
                    return problems;
                }));
            // Refused writes, over and over, while the others write: an unsourced contradiction of the paper.
            Future<Integer> refusing = pool.submit(() -> {
                go.await();
                int refused = 0;
                while (!done.get()) {
                    var r = Fixtures.post(base + "/update", "PREFIX vkg: <https://w3id.org/virtkg/ontology#> INSERT DATA { GRAPH "
                            + "<https://w3id.org/virtkg/graph/user/ryw-refused> { <https://w3id.org/virtkg/id/KVM> a vkg:CloudPlatform } }",
                            "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
                    assertEquals(422, r.statusCode(), r.body());
                    refused++;
                }
                return refused;
            });
            List<Future<List<String>>> writerResults = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writerResults.add(pool.submit(() -> {
                    go.await();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String id = "Ryw" + writer + "x" + i;
                        var created = Fixtures.post(base + "/api/products", "{\"kind\": \"ContainerTechnology\", \"id\": \"" + id
                                        + "\", \"label\": \"Ryw " + id + "\", \"hostOS\": [\"Linux\"], \"platforms\": [\"OpenStack\"]}",
                                "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
                        if (created.statusCode() != 201) problems.add(id + " create " + created.statusCode() + " " + created.body());
                        else problems.addAll(readOwnWrite(id));
                    }
                    return problems;
                }));
            }
            go.countDown();
            List<String> problems = new ArrayList<>();
            for (var f : writerResults) problems.addAll(f.get(5, TimeUnit.MINUTES));
            done.set(true);
            for (var f : readerResults) problems.addAll(f.get(1, TimeUnit.MINUTES));
            assertTrue(refusing.get(1, TimeUnit.MINUTES) > 0, "the refused writes ran alongside");
            assertEquals(List.of(), problems);
            assertTrue(polls.get() > 0, "the readers polled while the writes ran");
            assertEquals(List.of(), whole(json("/api/compatibility/matrix")));
        } finally {
            pool.shutdownNow();
        }
    }
}
