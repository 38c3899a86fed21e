package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.List;
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
            ChangesSince body = kb.read(snapshot -> {
                var dsg = snapshot.dataset();
                long after = sinceId(dsg, since);
                List<ChangeLog.Entry> items = ChangeLog.after(dsg, after, limit + 1);
                boolean more = items.size() > limit;
                if (more) items = items.subList(0, limit);
                return new ChangesSince(after, limit, items.stream().map(Change::of).toList(),
                        more ? "/api/changes?since=" + items.get(items.size() - 1).id() + "&limit=" + limit : null);
            });
            ctx.json(body);
            return;
        }
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ChangesPage body = kb.read(snapshot -> {
            var dsg = snapshot.dataset();
            long total = ChangeLog.count(dsg);
            return new ChangesPage(total, limit, offset, ChangeLog.list(dsg, offset, limit).stream().map(Change::of).toList(),
                    offset + limit < total ? "/api/changes?limit=" + limit + "&offset=" + (offset + limit) : null);
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
        else ctx.json(ChangeWithPatch.of(entry));
    }

    public void revert(Context ctx) {
        Role role = auth.require(ctx, Role.ADMIN);
        long id = id(ctx);
        try {
            var result = kb.revert(id, role.actor());
            ctx.json(new Reverted(id, result.changeId(), result.version()));
        } catch (NoSuchElementException e) {
            throw ProblemException.of(404, "There is no change " + id + "; see /api/changes");
        }
    }

    /**
     * One change as the log lists it (the schema Change in /openapi.json is generated from it, and
     * the change stream's events are written from it too).
     */
    @Describe(name = "Change", description = "An accepted change: its id (the knowledge-base version it produced), kind, who, when")
    public record Change(
            @Describe(description = "The change id: the knowledge-base version it produced") long id,
            @Describe(description = "What made it: product, claim, terms, sparql-update, graph-store, revert, load, import, sync or reasoner")
            String kind,
            @Describe(description = "The actor: editor, admin, or virtkg for its own changes") String who,
            @Describe(description = "When it was accepted (ISO 8601)", format = "date-time") String when,
            String summary,
            @Describe(description = "Quads it added") int added,
            @Describe(description = "Quads it deleted") int deleted,
            @Describe(description = "Of a revert: the change it reverts; absent otherwise") @JsonInclude(JsonInclude.Include.NON_NULL) Long reverts) {
        static Change of(ChangeLog.Entry e) {
            return new Change(e.id(), e.kind(), e.who(), e.when().toString(), e.summary(), e.added(), e.deleted(), e.reverts());
        }
    }

    /** One change with its RDF Patch: {@code GET /api/changes/{id}}, and the stream's events with {@code ?patch=true}. */
    @Describe(name = "ChangeWithPatch", description = "An accepted change with its RDF Patch")
    public record ChangeWithPatch(@JsonUnwrapped @Describe(required = true) Change change,
            @Describe(nullable = true, description = "The change as an RDF Patch, or null when it was too big to keep one") String patch) {
        static ChangeWithPatch of(ChangeLog.Entry e) {
            return new ChangeWithPatch(Change.of(e), e.patch());
        }
    }

    /** {@code GET /api/changes}: a page of the log, newest first; next is absent on the last page. */
    @Describe(name = "ChangesPage", description = "A page of the change log, newest first")
    public record ChangesPage(long total, int limit, int offset, List<Change> items,
            @Describe(description = "The next page's address; absent on the last page") @JsonInclude(JsonInclude.Include.NON_NULL) String next) {}

    /** {@code GET /api/changes?since=}: the changes after one, oldest first; next is null when there are no more. */
    @Describe(name = "ChangesSince", description = "The changes after a change id or time, oldest first")
    public record ChangesSince(@Describe(description = "The change id the list starts after") long since, int limit, List<Change> items,
            @Describe(nullable = true, description = "The address of the changes after these, or null when there are no more") String next) {}

    /** {@code POST /api/changes/{id}/revert}: the change reverted, the change that reverted it, and the knowledge-base version it produced. */
    @Describe(name = "Reverted", description = "The change reverted, the new change that reverts it, and the knowledge-base version after it")
    public record Reverted(long reverted, long change, long version) {}

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
