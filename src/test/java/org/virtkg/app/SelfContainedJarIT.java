package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;

/**
 * The built jar as a user runs it: {@code java -jar virtkg.jar serve} from a directory that has
 * nothing of the project in it serves the shipped knowledge (ontology, data, named queries) from
 * inside the jar; a knowledge folder that is empty or wrong is an error at start, never a service
 * that answers everything with nothing.
 */
class SelfContainedJarIT {
    private static final Pattern READY = Pattern.compile("ready on http://[^:]+:(\\d+)/");

    @TempDir
    Path elsewhere;

    /** A started server and everything it printed. */
    record Run(Process process, int port, List<String> output) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private Process start(String... args) throws IOException {
        Path jar = Path.of(System.getProperty("virtkg.jar", "target/virtkg.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the jar is built before the integration tests: " + jar);
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        // No -Dvirtkg.home, and a working directory with nothing of the project in it.
        return new ProcessBuilder(cmd).directory(elsewhere.toFile()).redirectErrorStream(true).start();
    }

    /** Reads the server's output until it says it is ready (or exits). */
    private Run serve(String... args) throws Exception {
        Process p = start(args);
        List<String> lines = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) { lines.add(line); }
                    Matcher m = READY.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.complete(-1);
        });
        reader.setDaemon(true);
        reader.start();
        int found = port.get(180, TimeUnit.SECONDS);
        assertNotEquals(-1, found, "the server did not start: " + lines);
        return new Run(p, found, lines);
    }

    @Test
    void theJarServesTheShippedKnowledgeFromAnyDirectory() throws Exception {
        try (Run run = serve("serve", "--mem", "--port", "0", "--host", "127.0.0.1")) {
            String base = "http://127.0.0.1:" + run.port();
            assertTrue(String.join("\n", run.output()).contains("shipped knowledge from the copy inside the jar"), run.output().toString());
            JsonNode health = Json.MAPPER.readTree(Fixtures.get(base + "/api/health").body());
            assertEquals("up", health.get("status").asText(), health.toString());
            assertTrue(health.at("/triplesByRole/ontology").asLong() > 500, health.toString());
            assertTrue(health.get("triples").asLong() > 4000, health.toString());
            var kvm = Fixtures.get(base + "/api/technologies/KVM/platforms");
            assertEquals(200, kvm.statusCode(), kvm.body());
            assertJson(kvm).at("/items").hasItemWith("/platform/id", "OpenStack");
            // The named-query library is in the jar too: every .rq file of the project.
            JsonNode queries = Json.MAPPER.readTree(Fixtures.get(base + "/api/queries").body());
            long shipped;
            try (var files = Files.list(Path.of(System.getProperty("virtkg.projectDir", ".")).resolve("queries"))) {
                shipped = files.filter(f -> f.toString().endsWith(".rq")).count();
            }
            assertEquals(shipped, queries.get("total").asLong(), queries.toString());
        }
    }

    /** A command other than serve prints its own lines (what it did), not the service's log. */
    @Test
    void aCommandPrintsItsOwnLinesNotTheServicesLog() throws Exception {
        Path data = Path.of(System.getProperty("virtkg.projectDir", ".")).resolve("data").toAbsolutePath();
        Path db = elsewhere.resolve("db");
        String said = "";
        // The second load opens a store that holds a knowledge base, which logs what it found (disagreements) at INFO.
        for (String file : List.of("paper-table1.trig", "paper-table2.trig")) {
            Process p = start("load", "--db", db.toString(), data.resolve(file).toString());
            said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), said);
        }
        assertTrue(said.contains("virtkg load: "), said);
        assertFalse(said.contains("[INFO]"), "no log lines among the command's own: " + said);
    }

    @Test
    void aKnowledgeFolderWithoutAnOntologyIsAnErrorAtStart() throws Exception {
        Path empty = Files.createDirectories(elsewhere.resolve("empty"));
        Process p = start("serve", "--mem", "--port", "0", "--knowledge", empty.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), out);
        assertTrue(out.contains("No knowledge in " + empty.toRealPath()) || out.contains("No knowledge in " + empty.toAbsolutePath()), out);

        Process q = start("serve", "--mem", "--port", "0", "--ontology", empty.toString(), "--data", empty.toString());
        String out2 = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, q.exitValue(), out2);
        assertTrue(out2.contains("Nothing to serve"), out2);
    }
}
