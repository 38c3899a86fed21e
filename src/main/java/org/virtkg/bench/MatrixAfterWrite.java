package org.virtkg.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cost of a view after a write: each round adds a product, then times the first
 * {@code GET /api/compatibility/matrix} of the new knowledge-base version (nothing cached for it),
 * and, as the baseline in the same run, a second GET of the same version (served from the cache).
 * Once at the server's size, then again after adding {@code extra} products.
 */
public final class MatrixAfterWrite {
    private final String base;
    private final String token;
    private final int rounds;
    private final int extra;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int seq;

    public MatrixAfterWrite(String base, String token, int rounds, int extra) {
        this.base = base;
        this.token = token;
        this.rounds = rounds;
        this.extra = extra;
    }

    public int run(PrintStream out) throws Exception {
        // Warm both JVMs' compilers first: the rounds measure the server's work, not the JIT's.
        for (int i = 0; i < rounds; i++) {
            write();
            matrix();
            matrix();
        }
        out.println("| Size | technologies × platforms | after a write: median | p95 | max | cached: median | write: median |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        measure("shipped data (+" + rounds + " warm-up products)", out);
        for (int i = 0; i < extra; i++) write();
        measure("+" + extra + " products", out);
        return 0;
    }

    private void measure(String label, PrintStream out) throws Exception {
        List<Double> after = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        List<Double> writes = new ArrayList<>();
        int cells = 0;
        for (int r = 0; r < rounds; r++) {
            long w = System.nanoTime();
            write();
            writes.add((System.nanoTime() - w) / 1e6);
            long t0 = System.nanoTime();
            String body = matrix();
            after.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            matrix();
            cached.add((System.nanoTime() - t1) / 1e6);
            cells = count(body, "\"status\"");
        }
        after.sort(null);
        cached.sort(null);
        writes.sort(null);
        out.printf(Locale.ROOT, "| %s | %,d cells | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", label, cells,
                pct(after, 0.5), pct(after, 0.95), after.get(after.size() - 1), pct(cached, 0.5), pct(writes, 0.5));
    }

    private void write() throws Exception {
        String id = "MatrixBench" + System.nanoTime() + "x" + seq++;
        String body = "{\"kind\": \"ContainerTechnology\", \"id\": \"" + id + "\", \"label\": \"" + id
                + "\", \"hostOS\": [\"Linux\"], \"platforms\": [\"OpenStack\"]}";
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/products")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 201) throw new IllegalStateException("write refused: HTTP " + r.statusCode());
    }

    private String matrix() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/compatibility/matrix")).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("matrix: HTTP " + r.statusCode());
        return r.body();
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}
