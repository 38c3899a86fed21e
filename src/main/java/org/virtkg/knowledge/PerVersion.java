package org.virtkg.knowledge;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Views computed per knowledge-base version (and per variant of a view: a matrix's view and
 * include, say), keeping those of the newest few versions.
 *
 * <p>Why not a size-bounded Caffeine cache: its admission policy (TinyLFU) weighs how often a key
 * was asked for, so in a cache of two or four entries the version just committed, asked for once
 * so far, can lose its place to an older one that many readers used, and the next readers of the
 * new version compute it again. Here the oldest versions go first, always. Readers of one version
 * and variant share one computation, in the first caller's thread (others wait for it), as with
 * Caffeine; a failed computation is not kept.
 */
public final class PerVersion<V> {
    private record Key(long version, Object variant) {}

    /**
     * How many versions the knowledge base's views keep: readers see the newest state or, until
     * their transaction ends, the one before the newest batch; one more for a reader slower still.
     */
    public static final int VERSIONS_KEPT = 3;

    private final int versionsKept;
    private final Map<Key, CompletableFuture<V>> values = new ConcurrentHashMap<>();

    /** Keeps the values of the {@link #VERSIONS_KEPT} newest versions that have any. */
    public PerVersion() {
        this(VERSIONS_KEPT);
    }

    /** Keeps the values of the {@code versionsKept} newest versions that have any. */
    public PerVersion(int versionsKept) {
        if (versionsKept < 1) throw new IllegalArgumentException("keep at least one version");
        this.versionsKept = versionsKept;
    }

    /** The value of {@code version}, computed by {@code compute} in this thread if nobody has it or is computing it. */
    public V get(long version, Supplier<V> compute) {
        return get(version, "", compute);
    }

    /** {@link #get(long, Supplier)} for one variant of the view. */
    public V get(long version, Object variant, Supplier<V> compute) {
        Key key = new Key(version, variant);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = values.putIfAbsent(key, mine);
        if (theirs != null) return join(theirs);
        try {
            V v = compute.get();
            mine.complete(v);
            trim();
            return v;
        } catch (RuntimeException | Error e) {
            values.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The value of {@code version} if it is there (and computed), else null. */
    public V getIfPresent(long version) {
        return getIfPresent(version, "");
    }

    public V getIfPresent(long version, Object variant) {
        CompletableFuture<V> f = values.get(new Key(version, variant));
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.join();
    }

    /** Sets the value of {@code version}, e.g. one carried from the version before. */
    public void put(long version, V value) {
        put(version, "", value);
    }

    public void put(long version, Object variant, V value) {
        values.put(new Key(version, variant), CompletableFuture.completedFuture(value));
        trim();
    }

    /** Replaces the value of {@code version} only while it is still {@code expected}. */
    public boolean replace(long version, V expected, V value) {
        Key key = new Key(version, "");
        CompletableFuture<V> f = values.get(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() && f.join() == expected
                && values.replace(key, f, CompletableFuture.completedFuture(value));
    }

    /**
     * Forgets the versions strictly between {@code after} and {@code before}: those a batch of
     * changes passed through, which no reader sees (readers see the state before the batch or after it).
     */
    public void forgetBetween(long after, long before) {
        values.keySet().removeIf(k -> k.version() > after && k.version() < before);
    }

    public void clear() {
        values.clear();
    }

    /** Drops the values of all but the {@link #versionsKept} newest versions. */
    private void trim() {
        TreeSet<Long> versions = new TreeSet<>();
        for (Key k : values.keySet()) versions.add(k.version());
        if (versions.size() <= versionsKept) return;
        long oldestKept = versions.descendingSet().stream().skip(versionsKept - 1).findFirst().orElseThrow();
        values.keySet().removeIf(k -> k.version() < oldestKept);
    }

    private static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
