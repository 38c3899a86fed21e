package org.virtkg.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.function.Supplier;
import org.virtkg.kb.KnowledgeBase;

/**
 * Serialised JSON bodies of read-only GETs, keyed by KB version and the full request URI. A body is
 * a function of exactly those two, so a hit is always right, and a write (new version) makes every
 * old entry unreachable; Caffeine's size bound evicts them. Failed requests (exceptions) are never
 * stored.
 */
public final class ResponseCache {
    private final KnowledgeBase kb;
    private final Cache<String, byte[]> bodies = Caffeine.newBuilder().maximumSize(2_000).build();

    public ResponseCache(KnowledgeBase kb) {
        this.kb = kb;
    }

    /**
     * Answers with the cached JSON body for this request, computing it with {@code body} on a miss.
     * The version is read before the body, so a body is never older than the key it is stored under.
     *
     * <p>Each write makes every entry unreachable at once, and the requests that arrive next for the
     * same URI would all miss together; one of them computes the body and the others wait for it,
     * so a write costs one computation per URI, not one per waiting request. If that computation
     * fails, each waiting request computes its own answer (and fails or succeeds on its own).
     */
    public void json(Context ctx, Supplier<Object> body) {
        String q = ctx.queryString();
        String key = kb.version() + " " + ctx.path() + (q == null ? "" : "?" + q);
        byte[] bytes = bodies.getIfPresent(key);
        if (bytes == null) bytes = computeOnce(key, body);
        ctx.contentType("application/json").result(bytes);
    }

    /** Computations in progress, by key. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<byte[]>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] computeOnce(String key, Supplier<Object> body) {
        var mine = new java.util.concurrent.CompletableFuture<byte[]>();
        var running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                return compute(key, body);
            }
        }
        try {
            byte[] bytes = compute(key, body);
            mine.complete(bytes);
            return bytes;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private byte[] compute(String key, Supplier<Object> body) {
        byte[] bytes = Json.write(body.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bodies.put(key, bytes);
        return bytes;
    }
}
