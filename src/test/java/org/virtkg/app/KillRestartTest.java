package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;

/**
 * A real server process on a TDB2 directory, serving the shipped ontology and data (but Nova's
 * support matrices: see {@link Fixtures#shippedDataWithoutNova}), is killed with SIGKILL in
 * the middle of streams of acknowledged writes from concurrent writers — products through the
 * REST API and SPARQL updates, alternately — and restarted, several rounds: everything
 * acknowledged is there, every product is whole (no partial write), and the store opens cleanly.
 */
class KillRestartTest {
    private static final Pattern READY = Pattern.compile("ready on http://[^:]+:(\\d+)/");

    /** Concurrent writers per round. */
    private static final int WRITERS = 4;
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(WRITERS);

    @TempDir
    Path tmp;

    /**
     * The data every child serves. Without Nova's matrices, each of the four starts (the first
     * loads it all into the empty store, the others check it is unchanged and the inferences
     * current) is seconds shorter; what is killed and checked is the same real process and store.
     */
    static Path data;

    @org.junit.jupiter.api.BeforeAll
    static void copyData(@TempDir Path scratch) {
        data = Fixtures.shippedDataWithoutNova(scratch);
    }

    @org.junit.jupiter.api.AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void acknowledgedWritesSurviveSigkill() throws Exception {
        List<Integer> acknowledged = new ArrayList<>();
        // Writes sent but not answered when the server died: committed or not, either is right.
        List<Integer> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());
        int next = 0;
        for (int round = 0; round < 3; round++) {
            Child child = Child.start(tmp.resolve("db"));
            try {
                // Everything acknowledged in earlier rounds is present, and nothing else but writes
                // that were in flight at a kill (their commit may have beaten the kill, their answer not).
                var present = updatesPresent(child.base);
                for (int i : acknowledged)
                    if (i % 2 == 1) assertTrue(present.contains(i), "after restart " + round + ": lost acknowledged update " + i);
                for (int i : present)
                    assertTrue(acknowledged.contains(i) || inFlight.contains(i),
                            "after restart " + round + ": update " + i + " is there, but was neither acknowledged nor in flight");
                assertAllPresentAndWhole(child.base, acknowledged);
                // Keep writing from several threads at once and kill the process mid-stream.
                final int from = next;
                List<Integer> acks = java.util.Collections.synchronizedList(new ArrayList<>());
                // Completed at the 30th acknowledgement, or when a writer stops early: the moment to kill.
                // (Waited on, not spun on: a spinning thread would take one of two cores from the server.)
                CompletableFuture<Void> killNow = new CompletableFuture<>();
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    final int first = from + w * 1000;
                    writers.add(CompletableFuture.runAsync(() -> {
                        for (int i = first; i < first + 1000; i++) {
                            try {
                                var r = i % 2 == 0
                                        ? Fixtures.post(child.base + "/api/products", product(i), "Content-Type",
                                                "application/json", "Authorization", "Bearer " + ADMIN)
                                        : Fixtures.post(child.base + "/update", insert(i), "Content-Type",
                                                "application/sparql-update", "Authorization", "Bearer " + ADMIN);
                                if (r.statusCode() == 201 || r.statusCode() == 204) {
                                    acks.add(i);
                                    if (acks.size() >= 30) killNow.complete(null);
                                }
                            } catch (RuntimeException e) {
                                inFlight.add(i);
                                return; // the server died under us: expected
                            }
                        }
                    }, pool));
                }
                writers.forEach(w -> w.whenComplete((ok, failed) -> killNow.complete(null)));
                killNow.get(90, TimeUnit.SECONDS);
                child.process.destroyForcibly(); // SIGKILL
                child.process.waitFor(30, TimeUnit.SECONDS);
                for (var writer : writers) writer.get(30, TimeUnit.SECONDS);
                acknowledged.addAll(acks);
                next = from + WRITERS * 1000;
            } finally {
                child.process.destroyForcibly();
            }
        }
        long updates = acknowledged.stream().filter(i -> i % 2 == 1).count();
        Child last = Child.start(tmp.resolve("db"));
        try {
            long present = count(last.base);
            // Every acknowledged write is there; at most the one in flight at the kill may also be.
            assertTrue(present >= updates, present + " < " + updates);
            assertTrue(present <= updates + 3L * WRITERS, "only in-flight writes may be extra: " + present);
            assertAllPresentAndWhole(last.base, acknowledged);
            // SIGTERM stops the server and closes the store cleanly. (Process.destroy() would also
            // close our end of the child's output; the handle only sends the signal.)
            last.process.toHandle().destroy();
            assertTrue(last.process.waitFor(30, TimeUnit.SECONDS), "SIGTERM must stop the server");
            last.drain.join(10_000);
            assertTrue(last.output.toString().contains("virtkg: stopping"), last.output.toString());
            assertFalse(last.output.toString().contains(ADMIN), "no secret in the server's log");
        } finally {
            last.process.destroyForcibly();
            last.process.waitFor(30, TimeUnit.SECONDS);
        }
        try (var store = org.virtkg.store.TdbKnowledgeStore.open(tmp.resolve("db"))) {
            assertTrue(store.graphSizes().get("https://w3id.org/virtkg/graph/user/durability") >= updates);
        }
    }

    private static String product(int i) {
        return "{\"kind\": \"ContainerTechnology\", \"id\": \"P" + i + "\", \"label\": \"Product " + i
                + "\", \"hostOS\": [\"Linux\"], \"platforms\": [\"OpenStack\"]}";
    }

    /** Acknowledged writes are present; every product graph there, acknowledged or not, is complete. */
    private static void assertAllPresentAndWhole(String base, List<Integer> acknowledged) throws Exception {
        for (int i : acknowledged) {
            if (i % 2 == 1) assertTrue(askWrite(base, i), "lost acknowledged update " + i);
            else assertEquals(200, Fixtures.get(base + "/api/products/P" + i).statusCode(), "lost acknowledged product P" + i);
        }
        var r = Fixtures.get(base + "/sparql?query=" + enc("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/virtkg/graph/user/P\")) } GROUP BY ?g"),
                "Accept", "application/sparql-results+json");
        for (var b : Json.MAPPER.readTree(r.body()).at("/results/bindings"))
            assertEquals(7, b.at("/n/value").asInt(), "a partial product: " + b);
    }

    private static String insert(int i) {
        return "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/durability> { "
                + "<https://w3id.org/virtkg/id/W" + i + "> <https://w3id.org/virtkg/ontology#seq> " + i + " } }";
    }

    /** The sequence numbers of the SPARQL updates the store holds. */
    private static java.util.Set<Integer> updatesPresent(String base) throws Exception {
        var r = Fixtures.get(base + "/sparql?query=" + enc("SELECT ?n { GRAPH <https://w3id.org/virtkg/graph/user/durability> { ?s ?p ?n } }"),
                "Accept", "application/sparql-results+json");
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (var b : Json.MAPPER.readTree(r.body()).at("/results/bindings")) out.add(b.at("/n/value").asInt());
        return out;
    }

    private static long count(String base) throws Exception {
        var r = Fixtures.get(base + "/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/virtkg/graph/user/durability> { ?s ?p ?o } }"),
                "Accept", "application/sparql-results+json");
        return Json.MAPPER.readTree(r.body()).at("/results/bindings/0/n/value").asLong();
    }

    private static boolean askWrite(String base, int i) throws Exception {
        var r = Fixtures.get(base + "/sparql?query=" + enc("ASK { <https://w3id.org/virtkg/id/W" + i + "> ?p " + i + " }"),
                "Accept", "application/sparql-results+json");
        return Json.MAPPER.readTree(r.body()).get("boolean").asBoolean();
    }

    /** A `virtkg serve` child JVM on the test classpath, on a random port. */
    record Child(Process process, String base, StringBuffer output, Thread drain) {
        static Child start(Path db) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // C1 only, serial GC: the child's start (compiling its way through Jena, the sync check
            // and the reasoner) takes half as long on two busy cores (measured 2026-11-27: 10.9-11.8 s
            // with the default JIT, 5.2-6.3 s with these), and a round is only some 30 writes. What
            // is tested, committed data surviving SIGKILL, is the JVM's and TDB2's, not the JIT's.
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "-Dvirtkg.home=" + Fixtures.projectDir(), "org.virtkg.Main", "serve",
                    "--host", "127.0.0.1", "--port", "0", "--db", db.toString(),
                    "--ontology", Fixtures.projectDir().resolve("ontology").toString(),
                    "--data", data.toString());
            pb.environment().put("VIRTKG_ADMIN_TOKEN", ADMIN);
            pb.redirectErrorStream(true);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuffer log = new StringBuffer();
            for (String line; (line = out.readLine()) != null; ) {
                log.append(line).append('\n');
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    // Keep draining the child's output so it never blocks on a full pipe.
                    Thread drain = new Thread(() -> out.lines().forEach(l -> log.append(l).append('\n')), "child-drain");
                    drain.setDaemon(true);
                    drain.start();
                    return new Child(p, "http://127.0.0.1:" + m.group(1), log, drain);
                }
            }
            throw new AssertionError("child exited before it was ready:\n" + log);
        }
    }
}
