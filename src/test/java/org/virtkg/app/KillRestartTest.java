package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A real server process on a TDB2 directory is killed with SIGKILL in the middle of a stream of
 * acknowledged writes, and restarted: everything acknowledged is there and the store opens cleanly.
 */
class KillRestartTest {
    private static final Pattern READY = Pattern.compile("ready on http://[^:]+:(\\d+)/");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void acknowledgedWritesSurviveSigkill() throws Exception {
        List<Integer> acknowledged = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 3; round++) {
            Child child = Child.start(tmp.resolve("db"));
            try {
                // Everything acknowledged in earlier rounds is present.
                assertEquals(acknowledged.size(), count(child.base), "after restart " + round);
                // Keep writing from another thread and kill the process mid-stream.
                final int from = next;
                List<Integer> acks = java.util.Collections.synchronizedList(new ArrayList<>());
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    for (int i = from; i < from + 1000; i++) {
                        try {
                            var r = Fixtures.post(child.base + "/update", insert(i), "Content-Type",
                                    "application/sparql-update", "Authorization", "Bearer " + ADMIN);
                            if (r.statusCode() == 204) acks.add(i);
                        } catch (RuntimeException e) {
                            return; // the server died under us: expected
                        }
                    }
                });
                while (acks.size() < 15 && !writer.isDone()) Thread.onSpinWait();
                child.process.destroyForcibly(); // SIGKILL
                child.process.waitFor(30, TimeUnit.SECONDS);
                writer.get(30, TimeUnit.SECONDS);
                acknowledged.addAll(acks);
                next = from + 1000;
            } finally {
                child.process.destroyForcibly();
            }
        }
        Child last = Child.start(tmp.resolve("db"));
        try {
            long present = count(last.base);
            // Every acknowledged write is there; at most the one in flight at the kill may also be.
            assertTrue(present >= acknowledged.size(), present + " < " + acknowledged.size());
            assertTrue(present <= acknowledged.size() + 3, "only in-flight writes may be extra: " + present);
            for (int i : acknowledged) assertTrue(askWrite(last.base, i), "lost acknowledged write " + i);
            // SIGTERM stops the server and closes the store cleanly. (Process.destroy() would also
            // close our end of the child's output; the handle only sends the signal.)
            last.process.toHandle().destroy();
            assertTrue(last.process.waitFor(30, TimeUnit.SECONDS), "SIGTERM must stop the server");
            last.drain.join(10_000);
            assertTrue(last.output.toString().contains("virtkg: stopping"), last.output.toString());
        } finally {
            last.process.destroyForcibly();
            last.process.waitFor(30, TimeUnit.SECONDS);
        }
        try (var store = org.virtkg.store.TdbKnowledgeStore.open(tmp.resolve("db"))) {
            assertTrue(store.graphSizes().get("https://w3id.org/virtkg/graph/user/durability") >= acknowledged.size());
        }
    }

    private static String insert(int i) {
        return "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/durability> { "
                + "<https://w3id.org/virtkg/id/W" + i + "> <https://w3id.org/virtkg/ontology#seq> " + i + " } }";
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
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dvirtkg.home=" + Fixtures.projectDir(), "org.virtkg.Main", "serve",
                    "--host", "127.0.0.1", "--port", "0", "--db", db.toString(),
                    "--ontology", Fixtures.fixtureDir("ontology").toString(),
                    "--data", Fixtures.fixtureDir("data").toString());
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
