package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.virtkg.app.Version;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.Graphs;
import org.virtkg.store.StoreUnavailableException;

/**
 * {@code GET /api/health}: is the service up, what store is behind it, how much does it hold.
 *
 * <p>Health checks must stay cheap under load, also right after a write, and counting the triples
 * of every graph reads every quad in the store. So the counts follow the writes ({@link GraphCounts}:
 * after a write only the graphs it changed are counted again), and the response body is made once
 * per knowledge-base version (the counts change only with accepted writes) and reused until the next.
 */
public final class HealthRoutes {
    private record Cached(long version, String body, boolean degraded) {}

    private final KnowledgeBase kb;
    private final GraphCounts counts;
    private final AtomicReference<Cached> cached = new AtomicReference<>(new Cached(-1, null, false));

    public HealthRoutes(KnowledgeBase kb) {
        this.kb = kb;
        this.counts = new GraphCounts(kb);
    }

    public void health(Context ctx) {
        try {
            kb.awaitFresh();
        } catch (StoreUnavailableException e) {
            // Still up, and still able to say what it has; but it cannot vouch for being current.
            Health body = new Health("store-unavailable", null, Version.current(), kb.version(),
                    new Store(kb.store().kind(), kb.store().location(), e.getMessage()), null, null, null);
            ctx.status(503).header("Cache-Control", "no-store").header("Retry-After", "1").json(body);
            return;
        }
        long version = kb.version();
        Cached c = cached.get();
        if (c.version() != version) {
            // One body per version: the requests arriving meanwhile wait for it instead of counting too.
            synchronized (this) {
                c = cached.get();
                if (c.version() != version) {
                    // The counts, and so the body, are those of the version their read saw: this one or a later one.
                    GraphCounts.Counts now = counts.current();
                    boolean empty = !now.sizes().containsKey(Graphs.ONTOLOGY);
                    c = new Cached(now.version(), Json.write(body(now, empty)), empty);
                    cached.set(c);
                }
            }
        }
        // An empty knowledge base answers every question with nothing: not healthy, and it says why.
        ctx.status(c.degraded() ? 503 : 200).header("Cache-Control", "no-store").contentType("application/json").result(c.body());
    }

    /**
     * The answer of {@code /api/health} (its schema in /openapi.json is generated from it): the
     * counts are absent when the store cannot be reached, the reason present only when degraded.
     */
    @Describe(name = "Health", description = "Service status, version, store and triple counts")
    public record Health(
            @Describe(allowed = {"up", "degraded", "store-unavailable"}) String status,
            @Describe(description = "Why the status is degraded; absent otherwise") @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @Describe(description = "The service's version") String version,
            @Describe(description = "The knowledge-base version: the id of the last change applied") long knowledgeBaseVersion,
            Store store,
            @Describe(description = "Triples in all graphs; absent when the store cannot be reached") @JsonInclude(JsonInclude.Include.NON_NULL)
            Long triples,
            @Describe(description = "Triples per graph role (ontology, shapes, import, seed, user, terms, inferred, system, changes, journal, other)")
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> triplesByRole,
            @Describe(description = "Triples per named graph, by graph IRI") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> graphs) {}

    /** The store behind the service: its kind, where it is, and (when it cannot be reached) why. */
    @Describe(name = "HealthStore")
    public record Store(@Describe(description = "e.g. tdb2, tdb2-scratch (--mem) or sparql (--store-url)") String kind, String location,
            @Describe(description = "Why the store cannot be reached; absent otherwise") @JsonInclude(JsonInclude.Include.NON_NULL) String error) {}

    private Health body(GraphCounts.Counts counts, boolean empty) {
        var store = kb.store();
        long version = counts.version();
        Map<String, Long> graphs = counts.sizes();
        Map<String, Long> byRole = new TreeMap<>();
        long total = 0;
        for (var e : graphs.entrySet()) {
            byRole.merge(Graphs.role(e.getKey()), e.getValue(), Long::sum);
            total += e.getValue();
        }
        String reason = !empty ? null : "The knowledge base is empty: the store holds no ontology, so every answer would be empty. "
                + "Start virtkg with its shipped knowledge (the default), or --knowledge DIR, or load a backup.";
        return new Health(empty ? "degraded" : "up", reason, Version.current(), version, new Store(store.kind(), store.location(), null),
                total, byRole, graphs);
    }
}
