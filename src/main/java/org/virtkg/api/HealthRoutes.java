package org.virtkg.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
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
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "store-unavailable");
            body.put("version", Version.current());
            body.put("knowledgeBaseVersion", kb.version());
            body.put("store", Map.of("kind", kb.store().kind(), "location", kb.store().location(), "error", e.getMessage()));
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

    private Map<String, Object> body(GraphCounts.Counts counts, boolean empty) {
        var store = kb.store();
        long version = counts.version();
        Map<String, Long> graphs = counts.sizes();
        Map<String, Long> byRole = new TreeMap<>();
        long total = 0;
        for (var e : graphs.entrySet()) {
            byRole.merge(Graphs.role(e.getKey()), e.getValue(), Long::sum);
            total += e.getValue();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", empty ? "degraded" : "up");
        if (empty)
            body.put("reason", "The knowledge base is empty: the store holds no ontology, so every answer would be empty. "
                    + "Start virtkg with its shipped knowledge (the default), or --knowledge DIR, or load a backup.");
        body.put("version", Version.current());
        body.put("knowledgeBaseVersion", version);
        body.put("store", Map.of("kind", store.kind(), "location", store.location()));
        body.put("triples", total);
        body.put("triplesByRole", byRole);
        body.put("graphs", graphs);
        return body;
    }
}
