package org.virtkg.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.virtkg.app.Version;
import org.virtkg.store.Graphs;
import org.virtkg.store.KnowledgeStore;

/** {@code GET /api/health}: is the service up, what store is behind it, how much does it hold. */
public final class HealthRoutes {
    private final KnowledgeStore store;

    public HealthRoutes(KnowledgeStore store) {
        this.store = store;
    }

    public void health(Context ctx) {
        Map<String, Long> graphs = store.graphSizes();
        Map<String, Long> byRole = new TreeMap<>();
        long total = 0;
        for (var e : graphs.entrySet()) {
            byRole.merge(Graphs.role(e.getKey()), e.getValue(), Long::sum);
            total += e.getValue();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        body.put("version", Version.current());
        body.put("store", Map.of("kind", store.kind(), "location", store.location()));
        body.put("triples", total);
        body.put("triplesByRole", byRole);
        body.put("graphs", graphs);
        ctx.header("Cache-Control", "no-store");
        ctx.json(body);
    }
}
