package org.virtkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The soak's schedule ({@code bench soak --rate}): what it sends and what it counts as latency.
 * The server here is the JDK's own small HTTP server answering every request alike, because the
 * subject is the load generator, not virtkg (docs/benchmarks.md runs it against virtkg).
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SoakScheduleTest {
    private HttpServer server;
    private final AtomicInteger received = new AtomicInteger();

    /** The products the stub holds: id to label. */
    private final Map<String, String> products = new ConcurrentHashMap<>();
    /** The requests the stub received, as "METHOD path". */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private static final Pattern FIELD = Pattern.compile("\"(id|label)\": \"([^\"]*)\"");

    /**
     * A stub of the product API, answering after {@code delay}: POST and PUT keep the body's
     * label under its id (201, 200), DELETE drops it (204), GET of a product answers it or 404;
     * any other GET is 200. With {@code ignorePuts}, a PUT is acknowledged and not kept (a lost write).
     */
    private String serve(Duration delay) throws Exception {
        return serve(delay, false);
    }

    private String serve(Duration delay, boolean ignorePuts) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, String> fields = new HashMap<>();
            Matcher m = FIELD.matcher(request);
            while (m.find()) fields.put(m.group(1), m.group(2));
            String id = path.startsWith("/api/products/") ? path.substring("/api/products/".length()) : fields.get("id");
            int status = 200;
            String body = "{}";
            switch (method) {
                case "POST" -> {
                    products.put(id, fields.get("label"));
                    status = 201;
                }
                case "PUT" -> {
                    if (!ignorePuts) products.put(id, fields.get("label"));
                }
                case "DELETE" -> status = products.remove(id) == null ? 404 : 204;
                default -> {
                    if (path.startsWith("/api/products/")) {
                        String label = products.get(id);
                        status = label == null ? 404 : 200;
                        body = label == null ? "{}" : "{\"id\":\"" + id + "\",\"label\":\"" + label + "\"}";
                    }
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (status == 204) exchange.sendResponseHeaders(204, -1);
            else {
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void aRateBoundsWhatTheClientsSendWhereAClosedLoopSendsAsFastAsAnswered() throws Exception {
        String base = serve(Duration.ZERO);
        Soak paced = new Soak(base, "t", 4, Duration.ofSeconds(2), 0).rate(20);
        assertEquals(0, quietly(paced::run));
        int pacedCount = received.get();
        // 20 requests/s for 2 s, as four schedules each due every 200 ms starting 0, 50, 100 and
        // 150 ms in: exactly 40 requests are due (then one read-back per acknowledged write).
        int due = 40;
        int writesAcknowledged = paced.latencies("write").size();
        assertEquals(due, pacedCount - writesAcknowledged, "requests sent on schedule");
        assertTrue(writesAcknowledged >= 3, "the mix's writes were sent: " + writesAcknowledged);

        received.set(0);
        Soak closed = new Soak(base, "t", 4, Duration.ofSeconds(2), 0);
        assertEquals(0, quietly(closed::run));
        assertTrue(received.get() > 10 * due, "without a rate, 4 clients of an instant server send far more: " + received.get());
    }

    @Test
    void aRequestSentLateBecauseTheServerStalledCountsFromWhenItWasDue() throws Exception {
        // One client due every 100 ms; each answer takes 300 ms. It falls further behind with every
        // request, and its latencies say so: the k-th counts about 300 + 200 k ms, not 300 ms.
        String base = serve(Duration.ofMillis(300));
        Soak paced = new Soak(base, "t", 1, Duration.ofSeconds(1), 0).rate(10);
        assertEquals(0, quietly(paced::run));
        List<Long> all = paced.allLatencies();
        assertTrue(all.size() >= 3, "requests: " + all.size());
        long slowestMs = all.get(all.size() - 1) / 1_000_000;
        assertTrue(slowestMs >= 600, "the last request waited for those before it, so its latency includes that wait: "
                + slowestMs + " ms");
    }

    @Test
    void theCommandLineTakesTheRateAndTheWarmUp() throws Exception {
        String base = serve(Duration.ZERO);
        int exit = quietly(() -> new picocli.CommandLine(new org.virtkg.cli.BenchCommand.SoakRun()).execute("--url", base, "--token", "t",
                "--clients", "2", "--seconds", "1", "--rate", "10", "--warmup-seconds", "1"));
        assertEquals(0, exit);
        // Two phases of one second at 10 requests/s, five per client; in each, the first client's
        // first request is a write (the mix starts each client at its own place in the cycle of
        // ten), and both acknowledged writes are read back at the end.
        assertEquals(10 + 10 + 2, received.get());
    }

    @Test
    void cycledWritesCreateReplaceTwiceAndDeleteOneProductAtATimeAndEachIdsLastStateIsChecked() throws Exception {
        String base = serve(Duration.ZERO);
        // One client, 20 requests/s for 2 s: its writes are every tenth request, four of them.
        Soak cycled = new Soak(base, "t", 1, Duration.ofSeconds(2), 0).rate(20).cycleWrites(true).idPrefix("C");
        assertEquals(0, quietly(cycled::run));
        List<String> writes = requests.stream().filter(r -> !r.startsWith("GET")).toList();
        assertEquals(List.of("POST /api/products", "PUT /api/products/C1", "PUT /api/products/C1", "DELETE /api/products/C1"), writes);
        assertTrue(products.isEmpty(), "the product was deleted at the end of its cycle");
        assertTrue(requests.contains("GET /api/products/C1"), "its last state (deleted) was checked: " + requests);

        // A server that acknowledges an update and keeps the old label has lost a write.
        stop();
        requests.clear();
        String losing = serve(Duration.ZERO, true);
        Soak lost = new Soak(losing, "t", 1, Duration.ofSeconds(1), 0).rate(20).cycleWrites(true).idPrefix("L");
        assertEquals(1, quietly(lost::run), "the replaced label was not there: one lost write");
    }

    @Test
    void theCommandLineTakesTheWriteMix() throws Exception {
        String base = serve(Duration.ZERO);
        int exit = quietly(() -> new picocli.CommandLine(new org.virtkg.cli.BenchCommand.SoakRun()).execute("--url", base, "--token", "t",
                "--clients", "1", "--seconds", "1", "--rate", "20", "--writes", "cycle", "--id-prefix", "W"));
        assertEquals(0, exit);
        assertEquals(List.of("POST /api/products", "PUT /api/products/W1"), requests.stream().filter(r -> !r.startsWith("GET")).toList());
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, new picocli.CommandLine(new org.virtkg.cli.BenchCommand.SoakRun()).execute("--url", base, "--token", "t",
                    "--writes", "update"));
        } finally {
            System.setErr(err);
        }
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("--writes is create or cycle, not 'update'"), said.toString(StandardCharsets.UTF_8));
    }

    /** Runs the soak with its report kept off the test's output; returns its failures. */
    private static int quietly(java.util.concurrent.Callable<Integer> run) throws Exception {
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return run.call();
        } finally {
            System.setOut(out);
        }
    }
}
