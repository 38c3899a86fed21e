package org.virtkg.app;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.virtkg.api.ProblemException;
import org.virtkg.metrics.HttpMetrics;
import org.virtkg.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two concerns of the edge, done once for every request whichever handler serves it (Fuseki or
 * Javalin), so neither is written twice:
 *
 * <ul>
 *   <li><b>Freshness.</b> A request whose answer comes from the knowledge base (the SPARQL paths,
 *       the Graph Store, {@code /api/…} but health, {@code /id/…}, {@code /ontology…}) first
 *       waits until the knowledge base has caught up with what other instances wrote to a shared
 *       store ({@code KnowledgeBase.awaitFresh}, a no-op when the store is embedded), so reads —
 *       and the checks writes make before writing — see every acknowledged write. A store that
 *       cannot be reached is a 503 with {@code Retry-After} here.</li>
 *   <li><b>Metrics.</b> Every request is timed and counted by method, route and status. The route
 *       is the template the handler that served it names ({@link #ROUTE}: Javalin's matched
 *       endpoint, Fuseki's canonical path), never the raw path, so the number of series stays
 *       bounded whatever clients send.</li>
 * </ul>
 */
final class KnowledgeEdge extends Handler.Wrapper {
    /** Request attribute: the route template that served the request, for the metrics' label. */
    static final String ROUTE = "virtkg.route";
    /** The label of a request no route served (a 404 of no handler, a refusal before routing). */
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeEdge.class);

    private final Runnable awaitFresh;
    private final HttpMetrics metrics;

    KnowledgeEdge(Handler next, Runnable awaitFresh, HttpMetrics metrics) {
        super(next);
        this.awaitFresh = awaitFresh;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        String method = request.getMethod();
        Callback measured = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                metrics.record(method, route(request), response.getStatus(), System.nanoTime() - started);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                metrics.record(method, route(request), 500, System.nanoTime() - started);
                super.failed(x);
            }
        };
        if (usesKnowledge(FusekiGate.canonical(Request.getPathInContext(request)))) {
            try {
                awaitFresh.run();
            } catch (StoreUnavailableException e) {
                LOG.warn("Request {} {}: {}", method, Request.getPathInContext(request), e.getMessage());
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                FusekiGate.writeProblem(request, response, measured,
                        ProblemException.storeUnavailable(e).at(Request.getPathInContext(request)));
                return true;
            }
        }
        return super.handle(request, response, measured);
    }

    private static String route(Request request) {
        return request.getAttribute(ROUTE) instanceof String route ? route : UNMATCHED;
    }

    /**
     * Paths whose answers come from the knowledge base, judged on the canonical path (so
     * {@code //sparql} is judged like {@code /sparql}). Health checks the store itself, and the
     * web UI's files, the OpenAPI document and metrics need no knowledge.
     */
    static boolean usesKnowledge(String canonical) {
        return FusekiGate.PATHS.contains(canonical)
                || (canonical.startsWith("/api/") && !canonical.equals("/api/health"))
                || canonical.startsWith("/id/") || canonical.equals("/ontology") || canonical.startsWith("/ontology/");
    }
}
