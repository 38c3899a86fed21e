package org.virtkg.app;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtkg.api.AdminRoutes;
import org.virtkg.api.Auth;
import org.virtkg.api.CatalogRoutes;
import org.virtkg.api.ChangeFeed;
import org.virtkg.api.ChangeRoutes;
import org.virtkg.api.ClaimRoutes;
import org.virtkg.api.CompatibilityRoutes;
import org.virtkg.api.ExplainRoutes;
import org.virtkg.api.FeatureMatrixRoutes;
import org.virtkg.api.GraphStoreWrites;
import org.virtkg.api.HealthRoutes;
import org.virtkg.api.ImportRoutes;
import org.virtkg.api.Json;
import org.virtkg.api.OntologyRoutes;
import org.virtkg.api.OpenApi;
import org.virtkg.api.PaperAndPresent;
import org.virtkg.api.Problem;
import org.virtkg.api.ProblemException;
import org.virtkg.api.ProductRoutes;
import org.virtkg.api.QueryLibrary;
import org.virtkg.api.QueryRoutes;
import org.virtkg.api.ResourceRoutes;
import org.virtkg.api.ResponseCache;
import org.virtkg.api.Route;
import org.virtkg.api.RouteTable;
import org.virtkg.api.SelectionRoutes;
import org.virtkg.api.TermRoutes;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.metrics.HttpMetrics;
import org.virtkg.sparql.GuardedQuery;
import org.virtkg.sparql.NamedTypesDescribe;
import org.virtkg.sparql.SparqlSafety;
import org.virtkg.store.AssertedView;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.StoreConflictException;
import org.virtkg.store.StoreException;
import org.virtkg.store.StoreUnavailableException;

/**
 * The HTTP service: Fuseki's SPARQL endpoints and Javalin's REST API on one Jetty server and port.
 *
 * <p>Read top to bottom, {@link #start} is the whole wiring: harden Jena, build Fuseki's context
 * (not started), let Javalin build the Jetty server and put Fuseki's context in front of its own,
 * register the routes.
 */
public final class VirtkgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VirtkgServer.class);

    private final Javalin javalin;
    private final KnowledgeBase kb;
    private final ChangeFeed feed;

    private VirtkgServer(Javalin javalin, KnowledgeBase kb, ChangeFeed feed) {
        this.javalin = javalin;
        this.kb = kb;
        this.feed = feed;
    }

    public static VirtkgServer start(ServerConfig config, KnowledgeBase kb) {
        KnowledgeStore store = kb.store();
        SparqlSafety.applyGlobally();
        // DESCRIBE answers people: no memberships of anonymous class expressions (SELECT still has them).
        NamedTypesDescribe.register();
        var dataset = store.dataset();
        SparqlSafety.harden(dataset.getContext());
        dataset.getContext().set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));

        HttpMetrics metrics = new HttpMetrics();
        store.bindMetrics(metrics.registry());
        BodyLimits limits = new BodyLimits(config);
        Handler fuseki = fusekiContext(kb, config, limits);
        Auth auth = new Auth(config.tokens());
        HealthRoutes health = new HealthRoutes(kb);
        ChangeRoutes changes = new ChangeRoutes(kb, auth);
        ChangeFeed feed = new ChangeFeed(kb, config.maxChangeStreams());
        TermRoutes terms = new TermRoutes(kb, auth, limits.upload);
        AdminRoutes admin = new AdminRoutes(kb, auth);
        ImportRoutes imports = new ImportRoutes(kb, auth, limits.upload);
        GraphStoreWrites graphStore = new GraphStoreWrites(kb, auth, limits.upload);
        Knowledge knowledge = new Knowledge(kb);
        ExplainRoutes explain = new ExplainRoutes(kb, knowledge);
        ProductRoutes products = new ProductRoutes(kb, knowledge, auth, limits.json);
        ClaimRoutes claims = new ClaimRoutes(kb, knowledge, auth, limits.json);
        ResponseCache responses = new ResponseCache();
        CatalogRoutes catalogRoutes = new CatalogRoutes(knowledge, explain, responses);
        CompatibilityRoutes compatibility = new CompatibilityRoutes(knowledge, explain, responses);
        FeatureMatrixRoutes featureMatrix = new FeatureMatrixRoutes(knowledge, responses);
        QueryLibrary library = QueryLibrary.load(config.queriesDir());
        QueryRoutes queries = new QueryRoutes(library, kb, knowledge, config.queryTimeout());
        OpenApi openApi = new OpenApi(library);
        PaperAndPresent paperAndPresent = new PaperAndPresent(knowledge, responses);
        ResourceRoutes resources = new ResourceRoutes(knowledge).withPaperAndPresent(paperAndPresent);
        OntologyRoutes ontology = new OntologyRoutes(knowledge);
        SelectionRoutes selection = new SelectionRoutes(knowledge, limits.json);
        org.virtkg.api.CompareRoutes compare = new org.virtkg.api.CompareRoutes(knowledge);
        org.virtkg.api.FieldRoutes fields = new org.virtkg.api.FieldRoutes(knowledge);
        org.virtkg.api.SparqlEditor editor = new org.virtkg.api.SparqlEditor(library);
        List<Route> routeTable = RouteTable.of(new RouteTable.Handlers(health, explain, catalogRoutes, featureMatrix, paperAndPresent,
                compatibility, selection, compare, fields, queries, resources, ontology, openApi, editor, products, claims, terms, admin, imports,
                changes, feed, graphStore, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
                new org.virtkg.api.VocabularyRoutes(knowledge, responses)));
        openApi.describe(routeTable);

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = 1 << 20;
            cfg.staticFiles.enableWebjars(); // /webjars/swagger-ui/… for /docs, /webjars/cytoscape/… for the UI
            // The web UI: index.html, app.css and js/ modules at /, from the classpath (no build step).
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                sf.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
            // Fuseki's context goes first in the sequence; Javalin appends its own context after it.
            // Every request body is bounded while it streams (413), whichever handler reads it;
            // the routes apply their own, smaller caps on top (BodyLimits: one table for both).
            cfg.jetty.modifyServer(server -> {
                SizeLimitHandler bounded = new SizeLimitHandler(limits.edge.bytes(), -1);
                // Freshness and metrics once for both (KnowledgeEdge), after the edge's own checks.
                bounded.setHandler(new RequestGuard(new KnowledgeEdge(new Handler.Sequence(
                        new FusekiGate(fuseki, config.tokens(), config.maxQueriesPerClient(), new GraphStoreReads(store.dataset()), openApi)),
                        kb::awaitFresh, metrics)));
                server.setHandler(new RequestIds(readLimit(bounded, config.maxActiveReads())));
                // Errors Jetty answers itself (malformed requests, URI or headers too large) are problems too.
                // A 413 of the edge's bound names the limit of the endpoint the body was sent to.
                server.setErrorHandler(new ProblemErrorHandler(limits::refusal));
            });

            // A query parameter the route table does not list for the route is a 400, not ignored.
            cfg.routes.beforeMatched(openApi::refuseUnknownParameters);
            // The route template that served the request labels its metrics (KnowledgeEdge times it).
            cfg.routes.after(ctx -> {
                var matched = ctx.endpoints().matchedHttpEndpoint();
                if (matched != null) ctx.attribute(KnowledgeEdge.ROUTE, matched.path);
            });
            if (LOG.isDebugEnabled())
                cfg.requestLogger.http((ctx, ms) -> LOG.debug("{} {} {} {} ms [{}]",
                        ctx.method(), ctx.path(), ctx.statusCode(), ms, requestId(ctx)));

            // Every route comes from the table that also describes it (/openapi.json): none is served undescribed.
            // Routes without a handler are Fuseki's (in front of Javalin), described only.
            for (Route r : routeTable) {
                if (r.handler() == null) continue;
                switch (r.method()) {
                    case GET -> cfg.routes.get(r.path(), r.handler());
                    case HEAD -> cfg.routes.head(r.path(), r.handler());
                    case POST -> cfg.routes.post(r.path(), r.handler());
                    case PUT -> cfg.routes.put(r.path(), r.handler());
                    case DELETE -> cfg.routes.delete(r.path(), r.handler());
                }
            }

            var methodsAt = RouteTable.methodsAt(routeTable);
            cfg.routes.error(404, ctx -> {
                // Handlers that already explained their 404 (unknown id, with suggestions, as a
                // problem or as a page for a browser) keep it; Javalin's own 404 (no route matched)
                // is replaced by a problem, or by a page for a browser (ErrorPages).
                String type = ctx.res().getContentType();
                boolean explainedPage = Boolean.TRUE.equals(ctx.attribute(ErrorPages.RENDERED));
                if (type != null && (type.startsWith(Problem.MEDIA_TYPE) || explainedPage)) return;
                // A path the table serves, asked with another method: 405 naming the methods it takes.
                List<String> allowed = methodsAt.apply(ctx.path());
                if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
                    ctx.header("Allow", String.join(", ", allowed));
                    problem(ctx, Problem.of(405, ctx.method().name() + " is not a method of " + ctx.path() + "; it answers "
                            + String.join(", ", allowed)));
                    return;
                }
                problem(ctx, Problem.of(404, "No resource at " + ctx.path()
                        + ". Try /api/health or /sparql; the API is listed at /openapi.json."));
            });
            cfg.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem().at(ctx.path())));
            // A refused write, from any route: one mapping (ProblemException.rejected), also used by /update.
            cfg.routes.exception(org.virtkg.kb.WriteRejectedException.class, (e, ctx) -> problem(ctx, ProblemException.rejected(e).at(ctx.path())));
            cfg.routes.exception(StoreUnavailableException.class, (e, ctx) -> storeUnavailable(ctx, e));
            cfg.routes.exception(StoreConflictException.class, (e, ctx) -> storeUnavailable(ctx, e));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (unreadableRequest(e)) {
                    // The client's framing, not our fault: a chunked body cut short or malformed.
                    problem(ctx, Problem.of(400, "The request body could not be read: it is malformed or ends early "
                            + "(check Content-Length or the chunked encoding)").at(ctx.path()));
                    return;
                }
                LOG.warn("Request {} {} failed [{}]", ctx.method(), ctx.path(), requestId(ctx), e);
                problem(ctx, Problem.of(500, "Internal error; quote request id " + requestId(ctx) + " when reporting it"));
            });
        });
        app.start();
        LOG.info("virtkg {} serving on http://{}:{}/ (store: {} at {})", Version.current(),
                config.host(), app.port(), store.kind(), store.location());
        return new VirtkgServer(app, kb, feed);
    }

    /**
     * At most {@code limit} read requests execute at once (Jetty's {@code QoSHandler}); the others
     * are suspended, holding no thread, and resume in arrival order as reads finish, or get a 503
     * after {@link #MAX_READ_WAIT}: a burst of reads queues instead of every one of them taking a
     * thread and a share of the CPU at once (docs/benchmarks.md has what it does to latencies).
     * Writes are not counted (a writer mostly waits for the write pipeline's leader; limiting them
     * would shrink its batches), nor is the change stream (it stays open).
     */
    static Handler readLimit(Handler next, int limit) {
        org.eclipse.jetty.server.handler.QoSHandler qos = new org.eclipse.jetty.server.handler.QoSHandler(next);
        qos.setMaxRequestCount(limit);
        qos.setMaxSuspend(MAX_READ_WAIT);
        qos.setMaxSuspendedRequestCount(MAX_WAITING_READS);
        qos.include(VirtkgServer::isRead);
        qos.exclude(r -> r.getHttpURI().getPath() != null && r.getHttpURI().getPath().startsWith("/api/changes/stream"));
        return qos;
    }

    /** How long a read may wait for its turn under {@link ServerConfig#maxActiveReads()} before it is refused (503). */
    static final java.time.Duration MAX_READ_WAIT = java.time.Duration.ofSeconds(30);
    /** Reads that may wait for their turn at once; more are refused at once (503). */
    static final int MAX_WAITING_READS = 4096;

    /** GET and HEAD, and SPARQL queries sent by POST (an update goes to {@code /update}). */
    private static boolean isRead(org.eclipse.jetty.server.Request r) {
        String method = r.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) return true;
        String path = r.getHttpURI().getPath();
        return method.equals("POST") && path != null && (path.equals("/sparql") || path.equals("/asserted/sparql"));
    }

    /** Builds Fuseki's servlet context over the store, detached from the server Fuseki made for it. */
    private static Handler fusekiContext(KnowledgeBase kb, ServerConfig config, BodyLimits limits) {
        FusekiServer fuseki = FusekiServer.create()
                .registerOperation(Operation.Query, new GuardedQuery(config.maxQueryLength(), config.maxRows(), limits.queryTooLong()))
                .registerOperation(Operation.Update, new GuardedUpdate(kb, limits.update))
                .add("/", DataService.newBuilder(kb.protocolDataset())
                        .addEndpoint(Operation.Query, "sparql")
                        .addEndpoint(Operation.Update, "update")
                        .addEndpoint(Operation.GSP_RW, "data"))
                // The same data without the reasoner's conclusions, for "what did someone say?".
                .add("/asserted", DataService.newBuilder(new AssertedView(kb.protocolDataset()))
                        .addEndpoint(Operation.Query, "sparql"))
                .enablePing(false)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCompact(false)
                .verbose(false)
                .build();
        Server unused = fuseki.getJettyServer();
        Handler context = unused.getHandler();
        unused.setHandler((Handler) null);
        return context;
    }

    /** True when reading the request failed because of how the client sent it (Jetty's EOF or bad-message errors). */
    private static boolean unreadableRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof org.eclipse.jetty.http.BadMessageException) return true;
        return false;
    }

    private static void storeUnavailable(Context ctx, StoreException e) {
        LOG.warn("Request {} {} [{}]: {}", ctx.method(), ctx.path(), requestId(ctx), e.getMessage());
        ctx.header("Retry-After", "1");
        problem(ctx, ProblemException.storeUnavailable(e).at(ctx.path()));
    }

    static void problem(Context ctx, Problem p) {
        // A validator belongs to a representation; an error is not one, so it must not be revalidated.
        ctx.removeHeader("ETag");
        if (ErrorPages.wanted(ctx)) {
            ErrorPages.respond(ctx, p.instance() == null ? p.at(ctx.path()) : p);
            return;
        }
        ctx.status(p.status()).contentType(Problem.CONTENT_TYPE)
                .result(p.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String requestId(Context ctx) {
        String id = ctx.res().getHeader(RequestIds.HEADER);
        return id == null ? "-" : id;
    }

    public int port() {
        return javalin.port();
    }

    /** Every registered HTTP route as "METHOD path" (Javalin's own table; used to check the OpenAPI document). */
    public java.util.List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .distinct()
                .toList();
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Stops HTTP first (no new requests), then closes the store. */
    @Override
    public void close() {
        feed.close();
        javalin.stop();
        kb.close();
    }
}
