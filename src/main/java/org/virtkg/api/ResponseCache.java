package org.virtkg.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Serialised JSON bodies of read-only GETs, keyed by KB version and the full request URI. A body is
 * a function of exactly those two, so a hit is always right, and a write (new version) makes every
 * old entry unreachable; Caffeine's size bound evicts them. Failed requests (exceptions) are never
 * stored.
 */
public final class ResponseCache {
    private final Cache<String, byte[]> bodies = Caffeine.newBuilder().maximumSize(2_000).build();

    /**
     * Answers with the cached JSON body for this request, computing it with {@code body} on a miss.
     * {@code version} is that of the snapshot {@code body} reads (the request's, taken once at the
     * edge), so a body is stored under exactly the version it was computed from.
     *
     * <p>Each write makes every entry unreachable at once, and the requests that arrive next for the
     * same URI would all miss together; one of them computes the body and the others wait for it,
     * so a write costs one computation per URI, not one per waiting request. If that computation
     * fails, each waiting request computes its own answer (and fails or succeeds on its own).
     */
    public void json(Context ctx, long version, Supplier<Object> body) {
        String q = ctx.queryString();
        String key = version + " " + ctx.path() + (q == null ? "" : "?" + q);
        byte[] bytes = bodies.getIfPresent(key);
        // Caffeine runs one computation per key; requests for the same key wait for it, and a
        // failed one leaves nothing behind (the next request computes again).
        if (bytes == null) bytes = bodies.get(key, k -> Json.write(body.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ctx.contentType("application/json").result(bytes);
    }
}
