package org.virtkg.api;

import io.javalin.http.Context;
import java.io.OutputStream;
import java.time.Instant;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.Role;

/**
 * {@code GET /api/admin/backup} (admin): a consistent N-Quads snapshot of every graph, streamed
 * from one read transaction — the same bytes {@code virtkg backup} writes, restorable with
 * {@code virtkg load --db EMPTY_DIR FILE}.
 */
public final class AdminRoutes {
    private final KnowledgeBase kb;
    private final Auth auth;

    public AdminRoutes(KnowledgeBase kb, Auth auth) {
        this.kb = kb;
        this.auth = auth;
    }

    public void backup(Context ctx) throws Exception {
        auth.require(ctx, Role.ADMIN);
        String name = "virtkg-" + Instant.now().toString().replace(":", "") + ".nq";
        ctx.contentType("application/n-quads").header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        OutputStream out = ctx.outputStream();
        kb.store().backup(out);
        out.flush();
    }
}
