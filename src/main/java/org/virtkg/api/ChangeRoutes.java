package org.virtkg.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.Role;
import org.virtkg.store.ChangeLog;

/**
 * The audit trail over HTTP: {@code GET /api/changes} (newest first, paginated; with
 * {@code ?since=} the changes after a change id or a time, oldest first),
 * {@code GET /api/changes/{id}} (with its RDF Patch) and {@code POST /api/changes/{id}/revert}
 * (admin; applied as a new, validated change).
 */
public final class ChangeRoutes {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final KnowledgeBase kb;
    private final Auth auth;

    public ChangeRoutes(KnowledgeBase kb, Auth auth) {
        this.kb = kb;
        this.auth = auth;
    }

    public void list(Context ctx) {
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String since = ctx.queryParam("since");
        if (since != null) {
            // The feed: what happened after a point, oldest first, so a client can follow along.
            Map<String, Object> body = kb.read(snapshot -> {
                var dsg = snapshot.dataset();
                long after = sinceId(dsg, since);
                List<ChangeLog.Entry> items = ChangeLog.after(dsg, after, limit + 1);
                boolean more = items.size() > limit;
                if (more) items = items.subList(0, limit);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("since", after);
                m.put("limit", limit);
                m.put("items", items.stream().map(e -> e.toMap(false)).toList());
                m.put("next", more ? "/api/changes?since=" + items.get(items.size() - 1).id() + "&limit=" + limit : null);
                return m;
            });
            ctx.json(body);
            return;
        }
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Map<String, Object> body = kb.read(snapshot -> {
            var dsg = snapshot.dataset();
            Map<String, Object> m = new LinkedHashMap<>();
            long total = ChangeLog.count(dsg);
            m.put("total", total);
            m.put("limit", limit);
            m.put("offset", offset);
            m.put("items", ChangeLog.list(dsg, offset, limit).stream().map(e -> e.toMap(false)).toList());
            if (offset + limit < total) m.put("next", "/api/changes?limit=" + limit + "&offset=" + (offset + limit));
            return m;
        });
        ctx.json(body);
    }

    /**
     * The change id a {@code since} names: a change id, or a time (ISO 8601, e.g.
     * {@code 2026-11-26T10:00:00Z}) meaning the last change made at or before it. Callers hold a
     * read transaction.
     */
    static long sinceId(org.apache.jena.sparql.core.DatasetGraph dsg, String since) {
        String v = since.trim();
        if (v.matches("\\d{1,18}")) return Long.parseLong(v);
        try {
            return ChangeLog.lastIdAtOrBefore(dsg, java.time.OffsetDateTime.parse(v).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.of(400, "Parameter 'since' must be a change id (e.g. 42) or a time such as "
                    + "2026-11-26T10:00:00Z, not '" + since + "'");
        }
    }

    public void get(Context ctx) {
        long id = id(ctx);
        var entry = kb.read(snapshot -> ChangeLog.get(snapshot.dataset(), id))
                .orElseThrow(() -> ProblemException.of(404, "There is no change " + id + "; see /api/changes"));
        if (ctx.header("Accept") != null && ctx.header("Accept").startsWith("application/rdf-patch"))
            ctx.contentType("application/rdf-patch").result(entry.patch());
        else ctx.json(entry.toMap(true));
    }

    public void revert(Context ctx) {
        Role role = auth.require(ctx, Role.ADMIN);
        long id = id(ctx);
        try {
            var result = kb.revert(id, role.actor());
            ctx.json(Map.of("reverted", id, "change", result.changeId(), "version", result.version()));
        } catch (NoSuchElementException e) {
            throw ProblemException.of(404, "There is no change " + id + "; see /api/changes");
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.of(400, "Path parameter 'id' must be a change number");
        }
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.of(400, "Parameter '" + name + "' must be an integer between " + min + " and " + max);
        }
    }
}
