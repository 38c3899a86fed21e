package org.virtkg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.ShippedData;

/** Shared helpers for tests that run the real service: fixture data, HTTP calls, temp dirs. */
public final class Fixtures {
    public static final String ADMIN = "admin-token-for-tests";
    public static final String EDITOR = "editor-token-for-tests";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Fixtures() {}

    public static Path projectDir() {
        return Path.of(System.getProperty("virtkg.projectDir", ".")).toAbsolutePath();
    }

    public static Path fixtureDir(String name) {
        return projectDir().resolve("src/test/resources/fixtures").resolve(name);
    }

    /**
     * A copy, in {@code scratch}, of the shipped data/ files but Nova's support matrices
     * ({@code nova-*.trig}, three quarters of the shipped bytes): for tests whose point is not the
     * data (durability, replication, the command line) but that still want the real ontology and the
     * paper's knowledge, with every start, sync and reasoning pass a fraction of the work.
     */
    public static Path shippedDataWithoutNova(Path scratch) {
        try {
            Path data = Files.createDirectories(scratch.resolve("data-without-nova"));
            try (Stream<Path> files = Files.list(projectDir().resolve("data"))) {
                for (Path f : files.toList())
                    if (!f.getFileName().toString().startsWith("nova-")) Files.copy(f, data.resolve(f.getFileName()));
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the knowledge base over {@code store} and syncs the small fixture ontology and data into it, as the server does. */
    public static KnowledgeBase withFixtures(KnowledgeStore store) {
        return open(store, new ShippedData(fixtureDir("ontology"), fixtureDir("data"), line -> {}));
    }

    /** Opens the knowledge base over {@code store} and syncs the project's real ontology/ and data/ into it. */
    public static KnowledgeBase withShippedData(KnowledgeStore store) {
        return open(store, new ShippedData(projectDir().resolve("ontology"), projectDir().resolve("data"), line -> {}));
    }

    /** Opens the knowledge base over {@code store} and syncs the given ontology and data folders into it. */
    public static KnowledgeBase withData(KnowledgeStore store, Path ontology, Path data) {
        return open(store, new ShippedData(ontology, data, line -> {}));
    }

    private static KnowledgeBase open(KnowledgeStore store, ShippedData files) {
        KnowledgeBase kb = KnowledgeBase.openDeferred(store, java.time.Duration.ZERO, line -> {});
        try {
            kb.sync(files);
            return kb;
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
    }

    public static HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public static HttpResponse<String> post(String url, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public static HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
