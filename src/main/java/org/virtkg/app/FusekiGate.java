package org.virtkg.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.virtkg.metrics.HttpMetrics;
import org.virtkg.security.AccessDecision;
import org.virtkg.security.AccessTokens;
import org.virtkg.security.Role;
import org.virtkg.store.Graphs;
import org.virtkg.api.Conditional;
import org.virtkg.api.Http;
import org.virtkg.api.Problem;
import org.virtkg.api.ProblemException;
import org.virtkg.store.StoreUnavailableException;

/**
 * Sends the SPARQL protocol paths to Fuseki's context and everything else on to Javalin.
 *
 * <p>Fuseki (Jetty ee11) and Javalin (Jetty ee10) share one Jetty server; this handler sits in
 * front of Fuseki in a {@link Handler.Sequence} and answers {@code false} for any path that is
 * not Fuseki's, so the sequence moves on to Javalin's context.
 *
 * <p>Graph Store writes pass the gate's token check and then go on to Javalin
 * ({@code api/GraphStoreWrites}), which runs them through the write pipeline.
 *
 * <p>Access is decided here, on the <em>canonical</em> path (decoded, dot segments resolved, path
 * parameters and repeated slashes dropped, lower case), so that {@code //update},
 * {@code /UPDATE} or {@code /update;x=1} need the same token as {@code /update}. Only the exact
 * path reaches Fuseki; variants fall through to Javalin's 404.
 */
final class FusekiGate extends Handler.Wrapper {
    static final Set<String> PATHS = Set.of("/sparql", "/asserted/sparql", "/update", "/data");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The methods each endpoint answers; any other is a 405 that says which are allowed. */
    private static final java.util.Map<String, List<String>> METHODS = java.util.Map.of(
            "/sparql", List.of("GET", "HEAD", "POST", "OPTIONS"),
            "/asserted/sparql", List.of("GET", "HEAD", "POST", "OPTIONS"),
            "/update", List.of("POST", "OPTIONS"),
            "/data", List.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"));
    /** Media types a Graph Store read can answer in. */
    private static final List<String> RDF_TYPES = List.of("text/turtle", "application/n-triples", "application/ld+json",
            "application/rdf+xml", "application/trig", "application/n-quads", "text/n3", "application/rdf+json",
            "application/rdf+thrift", "application/rdf+protobuf", "text/plain");

    private final AccessTokens tokens;
    private final HttpMetrics metrics;
    private final int maxQueriesPerClient;
    /** Queries in flight per client address; an entry goes away when its count returns to zero. */
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    /** Brings a shared store's working copy up to date before a request; a no-op for an embedded store. */
    private final Runnable beforeRequest;
    /** A named graph's current strong ETag (null when empty), for Graph Store reads. */
    private final Function<String, String> graphTag;

    FusekiGate(Handler fuseki, AccessTokens tokens, HttpMetrics metrics, int maxQueriesPerClient, Runnable beforeRequest,
               Function<String, String> graphTag) {
        super(fuseki);
        this.beforeRequest = beforeRequest;
        this.graphTag = graphTag;
        this.tokens = tokens;
        this.metrics = metrics;
        this.maxQueriesPerClient = maxQueriesPerClient;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String canonical = canonical(path);
        if (!PATHS.contains(canonical)) return false;
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        List<String> allowed = METHODS.get(canonical);
        if (path.equals(canonical) && !allowed.contains(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            writeProblem(request, response, callback, 405, method + " is not a method of " + canonical + "; it answers "
                    + String.join(", ", allowed));
            return true;
        }

        String refusal = checkAccess(request, canonical, method, response);
        // Graph Store writes are ours (the write pipeline), reads are Fuseki's.
        if (refusal == null && path.equals(canonical) && canonical.equals("/data") && !SAFE_METHODS.contains(method))
            return false;
        long started = System.nanoTime();
        Callback measured = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                metrics.record(method, canonical, response.getStatus(), System.nanoTime() - started);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                metrics.record(method, canonical, 500, System.nanoTime() - started);
                super.failed(x);
            }
        };
        if (refusal != null) {
            writeProblem(request, response, measured, response.getStatus(), refusal);
            return true;
        }
        if (!path.equals(canonical)) {
            writeProblem(request, response, measured, 404, "No such endpoint; did you mean " + canonical + "?");
            return true;
        }
        // Reads must see what other instances wrote; updates are judged against the same state.
        try {
            beforeRequest.run();
        } catch (StoreUnavailableException e) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            writeProblem(request, response, measured, 503, ProblemException.storeUnavailable(e).detail());
            return true;
        }
        // Whatever Fuseki answers with an error status goes out as a problem.
        Response out = new ProblemResponse(request, response);
        if (canonical.equals("/data") && (method.equals("GET") || method.equals("HEAD")) && graphRead(request, out, measured))
            return true;
        if (!canonical.endsWith("/sparql")) return super.handle(request, out, measured);

        if (method.equals("POST") && request.getLength() == 0 && String.valueOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE))
                .toLowerCase(Locale.ROOT).startsWith("application/sparql-query")) {
            writeProblem(request, out, measured, 400, "The request has no query: send it as the body (application/sparql-query) "
                    + "or as the parameter query=…");
            return true;
        }
        // One client cannot occupy every worker with heavy queries: past the cap, 429.
        String client = Request.getRemoteAddr(request);
        if (inFlight.merge(client, 1, Integer::sum) > maxQueriesPerClient) {
            release(client);
            out.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            writeProblem(request, out, measured, 429, "Too many concurrent queries from this client (limit "
                    + maxQueriesPerClient + "); retry when one has finished");
            return true;
        }
        Callback releasing = new Callback.Nested(measured) {
            @Override
            public void succeeded() {
                release(client);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                release(client);
                super.failed(x);
            }
        };
        try {
            boolean handled = super.handle(request, out, releasing);
            if (!handled) release(client);
            return handled;
        } catch (Exception | Error e) {
            release(client);
            throw e;
        }
    }

    /**
     * A Graph Store read of a named graph carries the graph's strong ETag, the validator a client
     * sends back in {@code If-Match} to write it without overwriting someone else's change. Read
     * before Fuseki reads the body, it can only be older than the body (a later write may slip in
     * between), never newer: a client's {@code If-Match} then fails safe with 412. Returns true when
     * it answered 304 itself.
     */
    private boolean graphRead(Request request, Response response, Callback callback) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (accept != null && Http.negotiate(accept, RDF_TYPES) == null) {
            writeProblem(request, response, callback, 406, "A graph can be sent as " + String.join(", ", new java.util.TreeSet<>(RDF_TYPES))
                    + ", not as " + accept);
            return true;
        }
        String graph = Request.extractQueryParameters(request).getValue("graph");
        if (graph == null || graph.isBlank()) return false;
        if (!Graphs.isAbsoluteGraphName(graph)) {
            writeProblem(request, response, callback, 400, "Parameter 'graph' must be an absolute http(s) or urn IRI, not '" + graph + "'");
            return true;
        }
        String tag;
        try {
            tag = graphTag.apply(graph);
        } catch (RuntimeException e) {
            return false; // not an IRI we can name: Fuseki answers it
        }
        if (tag == null) return false;
        response.getHeaders().put(HttpHeader.ETAG, tag);
        if (!Conditional.notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), tag)) return false;
        response.setStatus(304);
        callback.succeeded();
        return true;
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Returns a problem message (with the status set on {@code response}) or {@code null} to proceed. */
    private String checkAccess(Request request, String canonical, String method, Response response) {
        boolean write = canonical.equals("/update") || (canonical.equals("/data") && !SAFE_METHODS.contains(method));
        if (!write) return null;
        AccessDecision decision = AccessDecision.require(tokens, Role.ADMIN, request.getHeaders().get(HttpHeader.AUTHORIZATION));
        switch (decision) {
            case AccessDecision.Unauthenticated u -> {
                response.setStatus(401);
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"virtkg\"");
                return u.reason();
            }
            case AccessDecision.Forbidden f -> {
                response.setStatus(403);
                return f.reason();
            }
            case AccessDecision.Allowed a -> {
                return null;
            }
        }
    }

    static String canonical(String path) {
        if (path == null) return "/";
        String p = path;
        int semi = p.indexOf(';');
        if (semi >= 0) p = p.substring(0, semi);
        p = p.replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.toLowerCase(Locale.ROOT);
    }

    /**
     * Answers without reading the request body. If there is one, the connection cannot be reused
     * (the unread bytes would be taken for the next request), so say {@code Connection: close}
     * rather than let a client with a pooled connection find it closed under its next request.
     */
    static void writeProblem(Request request, Response response, Callback callback, int status, String detail) {
        if (request.getLength() != 0) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        String body = Problem.of(status, detail).toJson();
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
