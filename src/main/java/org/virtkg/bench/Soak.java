package org.virtkg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load and soak run against a running server on loopback: N clients mix REST reads,
 * SPARQL queries and product writes for a fixed time, then every acknowledged write is checked.
 * Prints counts, errors, p50/p99 per kind and the server's peak RSS (sampled from /proc).
 *
 * <p>By default each client sends its next request as soon as it has an answer (a closed loop: the
 * server is kept saturated, and every latency is roughly clients / throughput). With {@link #rate}
 * the clients keep to a schedule instead — a fixed total of requests per second, spread evenly
 * over them — and each latency counts from when its request was due, not from when a client that
 * fell behind got round to sending it, so a server that stalls is not flattered by the requests
 * it kept from being sent (what load testers call coordinated omission).
 */
public final class Soak {
    private final String base;
    private final String token;
    private final int clients;
    private final Duration duration;
    private final long serverPid;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    /** The mixed phase's requests as (when due, from the phase's start; latency; 1 if a write), for the timeline. */
    private final ConcurrentLinkedQueue<long[]> timeline = new ConcurrentLinkedQueue<>();
    private volatile long phaseStart;
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    /**
     * Every product id written and its last acknowledged state: the label it was last given, or
     * {@link #DELETED}. A write that failed leaves its id out (its outcome is unknown, and the
     * failure is already counted as an error).
     */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private static final String DELETED = "";
    private final AtomicInteger acknowledgedWrites = new AtomicInteger();
    private final AtomicLong peakRssKb = new AtomicLong();
    /** The number of the last product written, across phases (ids never repeat). */
    private final AtomicInteger seq = new AtomicInteger();

    /** Requests per second across all clients; zero: as fast as the server answers (a closed loop). */
    private double rate;

    /** Length of a first phase, with writes, whose latencies are not counted (the server's warm-up). */
    private Duration warmup = Duration.ZERO;

    /** Length of the read-only phase run first, as the baseline the mixed phase is compared with; zero: none. */
    private Duration baseline = Duration.ZERO;

    /**
     * Whether writes cycle through create, replace, replace, delete of one product per client
     * (the knowledge base stays near its shipped size) rather than only create new products (it
     * grows by one product per write).
     */
    private boolean cycle;
    /** Per client in {@link #cycle}: the product it is writing, and its step in the cycle. */
    private String[] cycleId = new String[0];
    private int[] cycleStep = new int[0];

    /** Product ids are {@code idPrefix + n} (two soaks on one shared store need different prefixes). */
    private String idPrefix = "P";
    /** Where acknowledged writes are looked up afterwards: another instance of a shared store, or the same server. */
    private String verifyBase;

    public Soak(String base, String token, int clients, Duration duration, long serverPid) {
        this.base = base;
        this.verifyBase = base;
        this.token = token;
        this.clients = clients;
        this.duration = duration;
        this.serverPid = serverPid;
    }

    /** Writes products {@code prefix1, prefix2, …}. */
    public Soak idPrefix(String prefix) {
        this.idPrefix = prefix;
        return this;
    }

    /**
     * First runs {@code length} of the same mix without writes (their slot reads a product back
     * instead), so that the mixed phase's read latencies can be compared with reads on an
     * unchanging knowledge base measured in the same run.
     */
    public Soak baseline(Duration length) {
        this.baseline = length;
        return this;
    }

    /**
     * Keeps the clients to {@code requestsPerSecond} in all, each on its own evenly spaced
     * schedule; zero (the default) lets each client go as fast as its answers come.
     */
    public Soak rate(double requestsPerSecond) {
        if (requestsPerSecond < 0) throw new IllegalArgumentException("rate must be zero or more");
        this.rate = requestsPerSecond;
        return this;
    }

    /**
     * First runs {@code length} of the whole mix, writes included, and forgets its latencies: a
     * server just started compiles its hot paths (the write path's too) meanwhile, which on a
     * schedule would otherwise put seconds of start-up into the tails measured. Its writes are
     * checked afterwards like the others.
     */
    public Soak warmup(Duration length) {
        this.warmup = length;
        return this;
    }

    /**
     * Each client's writes go create, replace, replace, delete, then a new product: at most one
     * soak product per client exists at a time, so the knowledge base stays near the size it
     * started at, and the check afterwards covers replaced and deleted products as well as created ones.
     */
    public Soak cycleWrites(boolean cycle) {
        this.cycle = cycle;
        return this;
    }

    /** Checks the acknowledged writes at {@code url} instead of the server under load. */
    public Soak verifyAt(String url) {
        this.verifyBase = url;
        return this;
    }

    /** Returns the number of failures (errors plus lost writes); 0 means a clean run. */
    public int run() throws Exception {
        Map<String, List<Long>> readOnly = null;
        if (!warmup.isZero()) {
            phase(warmup, true);
            latencies.clear();
        }
        if (!baseline.isZero()) {
            phase(baseline, false);
            readOnly = snapshot();
            latencies.clear();
        }
        timeline.clear();
        phase(duration, true);
        int lost = 0;
        for (var e : new TreeMap<>(acknowledged).entrySet()) {
            String id = e.getKey();
            boolean deleted = e.getValue().equals(DELETED);
            var r = send(HttpRequest.newBuilder(URI.create(verifyBase + "/api/products/" + id)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build());
            String body = r == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
            boolean holds = r != null && (deleted ? r.statusCode() == 404
                    : r.statusCode() == 200 && body.contains("\"label\":\"" + e.getValue() + "\""));
            if (!holds) {
                lost++;
                System.out.println("lost: " + id + ", expected " + (deleted ? "deleted" : "label '" + e.getValue() + "'")
                        + " (" + (r == null ? "no answer" : "HTTP " + r.statusCode() + " " + body) + ")");
            }
        }
        if (readOnly != null) {
            System.out.printf(Locale.ROOT, "read-only baseline: %d clients, %d s, %s%n", clients, baseline.toSeconds(), pace());
            table(readOnly);
            System.out.println();
        }
        report(lost);
        timeline();
        if (readOnly != null) {
            double before = pct(reads(readOnly), 0.99);
            double during = pct(reads(snapshot()), 0.99);
            List<Long> writes = new ArrayList<>(latencies.getOrDefault("write", new ConcurrentLinkedQueue<>()));
            writes.sort(null);
            System.out.printf(Locale.ROOT, "reads p99: %.1f ms read-only, %.1f ms with writes (%.2fx); writes p99: %.1f ms%n",
                    before, during, during / before, writes.isEmpty() ? 0 : pct(writes, 0.99));
        }
        return lost + errors.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Every client cycles through the mix until {@code length} has passed, on its schedule if there is a {@link #rate}. */
    private void phase(Duration length, boolean writes) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        phaseStart = start;
        // Each client's requests are due every `interval`; the clients' schedules are staggered so
        // that the total arrives evenly, not in bursts of `clients` at once.
        long interval = rate > 0 ? Math.round(clients * 1e9 / rate) : 0;
        if (cycleId.length != clients) {
            cycleId = new String[clients];
            cycleStep = new int[clients];
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        pool.submit(() -> {
            while (System.nanoTime() < end) {
                sampleRss();
                sleep(500);
            }
        });
        for (int c = 0; c < clients; c++) {
            final int client = c;
            pool.submit(() -> {
                int i = 0;
                long due = start + interval * client / clients;
                while (true) {
                    if (interval > 0) {
                        if (due >= end) break;
                        waitUntil(due);
                    } else {
                        due = System.nanoTime();
                        if (due >= end) break;
                    }
                    switch ((client + i++) % 10) {
                        case 0 -> {
                            if (writes) write(client, due);
                            else call("technology", get("/api/technologies/KVM", "application/json"), due);
                        }
                        case 1, 2, 3 -> call("sparql", get("/sparql?query=" + enc(
                                "PREFIX vkg: <https://w3id.org/virtkg/ontology#> SELECT ?p ?t { ?p vkg:supports ?t } LIMIT 200"),
                                "application/sparql-results+json"), due);
                        case 4, 5 -> call("compatibility", get("/api/compatibility?technology=KVM&platform=OpenStack", "application/json"), due);
                        case 6 -> call("matrix", get("/api/compatibility/matrix", "application/json"), due);
                        case 7 -> call("platforms", get("/api/platforms?supports=ContainerTechnology", "application/json"), due);
                        case 8 -> call("explain", get("/api/explain?s=OpenStack&p=vkg:supports&o=LXC", "application/json"), due);
                        default -> call("health", get("/api/health", "application/json"), due);
                    }
                    due += interval;
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS)) pool.shutdownNow();
    }

    /** The last phase's latencies of one kind of request ("write", "sparql", …), in nanoseconds, sorted. */
    public List<Long> latencies(String kind) {
        return snapshot().getOrDefault(kind, List.of());
    }

    /** Every latency of the last phase, in nanoseconds, sorted. */
    public List<Long> allLatencies() {
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        all.sort(null);
        return all;
    }

    private Map<String, List<Long>> snapshot() {
        Map<String, List<Long>> out = new TreeMap<>();
        latencies.forEach((k, v) -> {
            List<Long> sorted = new ArrayList<>(v);
            sorted.sort(null);
            out.put(k, sorted);
        });
        return out;
    }

    /** Every read latency of a phase (all kinds but writes and the read-only phase's stand-in for them), sorted. */
    private static List<Long> reads(Map<String, List<Long>> byKind) {
        List<Long> all = new ArrayList<>();
        byKind.forEach((k, v) -> {
            if (!k.equals("write") && !k.equals("technology")) all.addAll(v);
        });
        all.sort(null);
        return all;
    }

    /** The client's next write: a new product, or in {@link #cycle} the next step of its product's cycle. */
    private void write(int client, long due) {
        int step = cycle ? cycleStep[client] : 0;
        if (step == 0) cycleId[client] = idPrefix + seq.incrementAndGet();
        String id = cycleId[client];
        var req = HttpRequest.newBuilder(URI.create(base + "/api/products" + (step == 0 ? "" : "/" + id)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        String label = step == 0 ? "Soak " + id : "Soak " + id + " r" + step;
        String body = "{\"kind\": \"ContainerTechnology\", \"id\": \"" + id + "\", \"label\": \"" + label
                + "\", \"hostOS\": [\"Linux\"], \"platforms\": [\"OpenStack\"]}";
        switch (step) {
            case 0 -> req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            case 3 -> req.DELETE();
            default -> req.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        }
        int status = call("write", req.build(), due);
        if (status == (step == 0 ? 201 : step == 3 ? 204 : 200)) {
            acknowledged.put(id, step == 3 ? DELETED : label);
            acknowledgedWrites.incrementAndGet();
        } else acknowledged.remove(id);
        if (cycle) cycleStep[client] = (step + 1) % 4;
    }

    private HttpRequest get(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", accept).GET().build();
    }

    /** Sends {@code req} and records its latency from {@code due}, when it was meant to be sent. */
    private int call(String kind, HttpRequest req, long due) {
        var r = send(req);
        long latency = System.nanoTime() - due;
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(latency);
        timeline.add(new long[] {due - phaseStart, latency, kind.equals("write") ? 1 : 0});
        int status = r == null ? 0 : r.statusCode();
        if (status < 200 || status >= 300) errors.computeIfAbsent(kind + " " + status, k -> new AtomicInteger()).incrementAndGet();
        return status;
    }

    private HttpResponse<byte[]> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void sampleRss() {
        if (serverPid <= 0) return;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status")))
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakRssKb.accumulateAndGet(kb, Math::max);
                }
        } catch (IOException | NumberFormatException e) {
            // the server is gone or /proc is not there: no sample
        }
    }

    private String pace() {
        return rate > 0 ? String.format(Locale.ROOT, "%.0f requests/s scheduled", rate) : "closed loop";
    }

    private void report(int lost) {
        System.out.printf(Locale.ROOT, "soak: %d clients, %d s, %s, %s%n", clients, duration.toSeconds(), pace(), base);
        long total = table(snapshot());
        System.out.printf(Locale.ROOT, "requests: %d (%.0f/s); errors: %s; acknowledged writes: %d, lost: %d; server peak RSS: %d MiB%n",
                total, total / (double) duration.toSeconds(), errors.isEmpty() ? "0" : errors, acknowledgedWrites.get(), lost,
                peakRssKb.get() / 1024);
    }

    /** Latencies of the last phase by the 10 s in which requests were due: whether they drift as the store grows. */
    private void timeline() {
        long window = TimeUnit.SECONDS.toNanos(10);
        Map<Long, List<Long>> reads = new TreeMap<>();
        Map<Long, List<Long>> writes = new TreeMap<>();
        for (long[] r : timeline) (r[2] == 1 ? writes : reads).computeIfAbsent(r[0] / window, k -> new ArrayList<>()).add(r[1]);
        System.out.println("| From s | reads | p50 ms | p99 ms | writes | p50 ms | p99 ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (Long w : reads.keySet()) {
            List<Long> rd = reads.get(w);
            List<Long> wr = writes.getOrDefault(w, new ArrayList<>());
            rd.sort(null);
            wr.sort(null);
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %d | %s | %s |%n", w * 10, rd.size(), pct(rd, 0.5), pct(rd, 0.99),
                    wr.size(), wr.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f", pct(wr, 0.5)),
                    wr.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f", pct(wr, 0.99)));
        }
    }

    /** Prints one phase's latencies per kind; returns the number of requests. */
    private static long table(Map<String, List<Long>> byKind) {
        System.out.println("| Kind | Requests | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        long total = 0;
        for (var e : byKind.entrySet()) {
            List<Long> v = e.getValue();
            total += v.size();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", e.getKey(), v.size(),
                    pct(v, 0.50), pct(v, 0.99), v.get(v.size() - 1) / 1e6);
        }
        return total;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted())
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
