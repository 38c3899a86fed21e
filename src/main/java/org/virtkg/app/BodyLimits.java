package org.virtkg.app;

import org.virtkg.api.BodyLimit;
import org.virtkg.api.ImportRoutes;
import org.virtkg.api.RdfBodies;

/**
 * Which size limit a request body meets at each endpoint, in one table: the routes take their own
 * limit from it (and answer its 413 when they read past it), and the edge takes from it the words
 * of the 413 it answers itself when a body's declared length is past every limit. So a client is
 * told the same — the endpoint's limit and the setting that raises it — whoever refused the body.
 */
final class BodyLimits {
    /** What the routes' 413s call what they refuse: the update (GuardedUpdate), any other body (RdfBodies). */
    static final String UPDATE = "The update", BODY = RdfBodies.BODY, QUERY = "The query";

    final BodyLimit update;
    final BodyLimit upload;
    final BodyLimit json;
    final BodyLimit imports;
    private final int maxQueryLength;
    /** Every body is bounded while it streams, whichever handler reads it; past the largest endpoint's own limit. */
    final BodyLimit edge;

    BodyLimits(ServerConfig config) {
        update = BodyLimit.of(Setting.MAX_UPDATE, config.maxUpdateBytes());
        upload = BodyLimit.of(Setting.MAX_UPLOAD, config.maxUploadBytes());
        json = BodyLimit.of(Setting.MAX_JSON, config.maxJsonBytes());
        imports = ImportRoutes.bodyLimit(upload);
        maxQueryLength = config.maxQueryLength();
        // A query's characters may take up to four bytes each in UTF-8; one MiB spare for a form's or a part's framing.
        long largest = Math.max(Math.max(update.bytes(), upload.bytes()), Math.max(json.bytes(), 4L * maxQueryLength));
        edge = BodyLimit.fixed(largest + (1 << 20), "no request to this server may send a larger body");
    }

    /** What a query longer than {@code max-query-length} is told (GuardedQuery), at the route or at the edge. */
    String queryTooLong() {
        return Setting.MAX_QUERY_LENGTH.exceeded(QUERY, Setting.number(maxQueryLength) + " characters");
    }

    /**
     * The detail of a 413 for a body sent to {@code path} (canonical, as {@link FusekiGate#canonical}
     * gives it): the limit of the endpoint it was sent to, in that endpoint's words; the edge's own
     * for a path that reads no body.
     */
    String refusal(String path) {
        if (path.equals("/update")) return update.refusal(UPDATE);
        if (path.equals("/sparql") || path.equals("/asserted/sparql")) return queryTooLong();
        if (path.equals("/data") || under(path, "/api/terms")) return upload.refusal(BODY);
        if (under(path, "/api/imports")) return imports.refusal(BODY);
        if (under(path, "/api/products") || under(path, "/api/claims") || under(path, "/api/selection")) return json.refusal(BODY);
        return edge.refusal("The request body");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
