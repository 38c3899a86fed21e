package org.virtkg.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.virtkg.security.AccessDecision;
import org.virtkg.security.AccessTokens;
import org.virtkg.security.Role;
import org.virtkg.api.OpenApi;
import org.virtkg.api.Problem;
import org.virtkg.api.ProblemException;

/**
 * Sends the SPARQL protocol paths to Fuseki's context and everything else on to Javalin.
 *
 * <p>Fuseki (Jetty ee11) and Javalin (Jetty ee10) share one Jetty server; this handler sits in
 * front of Fuseki in a {@link Handler.Sequence} and answers {@code false} for any path that is
 * not Fuseki's, so the sequence moves on to Javalin's context.
 *
 * <p>Graph Store writes on the exact path {@code /data} go on to Javalin
 * ({@code api/GraphStoreWrites}), which checks their role and runs them through the write
 * pipeline; reads ({@code GET}, {@code HEAD}) are answered by {@link GraphStoreReads}.
 *
 * <p>Access to {@code /update} is decided here, on the <em>canonical</em> path (decoded, dot
 * segments resolved, path parameters and repeated slashes dropped, lower case), so that
 * {@code //update}, {@code /UPDATE} or {@code /update;x=1} need the same token as
 * {@code /update}; so do variants of {@code /data} with a write method. Only the exact path
 * reaches Fuseki or the Graph Store; variants get a 404 that names the canonical path.
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

    private final AccessTokens tokens;
    private final int maxQueriesPerClient;
    /** Queries in flight per client address; an entry goes away when its count returns to zero. */
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    /** Graph Store reads: a named graph, the union default graph, the whole dataset. */
    private final GraphStoreReads graphReads;
    /** The route table's check of query parameters (the table describes these endpoints too). */
    private final OpenApi contract;

    FusekiGate(Handler fuseki, AccessTokens tokens, int maxQueriesPerClient, GraphStoreReads graphReads, OpenApi contract) {
        super(fuseki);
        this.graphReads = graphReads;
        this.contract = contract;
        this.tokens = tokens;
        this.maxQueriesPerClient = maxQueriesPerClient;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String canonical = canonical(path);
        if (!PATHS.contains(canonical)) return false;
        // The metrics' label (KnowledgeEdge times the request): the endpoint, never the raw path.
        request.setAttribute(KnowledgeEdge.ROUTE, canonical);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        List<String> allowed = METHODS.get(canonical);
        if (path.equals(canonical) && !allowed.contains(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            writeProblem(request, response, callback, 405, method + " is not a method of " + canonical + "; it answers "
                    + String.join(", ", allowed));
            return true;
        }

        // Graph Store writes go on to Javalin (api/GraphStoreWrites, the write pipeline), whose route
        // requires the admin role: access to them is decided there, once. Reads are answered below.
        // (Jetty leaves path parameters out of the path: "/data;x=1" is a variant and is judged here.)
        if (path.equals(canonical) && request.getHttpURI().getParam() == null && canonical.equals("/data")
                && !SAFE_METHODS.contains(method)) return false;
        String refusal = checkAccess(request, canonical, method, response);
        if (refusal != null) {
            writeProblem(request, response, callback, response.getStatus(), refusal);
            return true;
        }
        if (!path.equals(canonical)) {
            writeProblem(request, response, callback, 404, "No such endpoint; did you mean " + canonical + "?");
            return true;
        }
        // A parameter the endpoint does not take (a typo, or a client's own) is refused, as on every
        // REST route, rather than ignored with an answer that did not use it. (Form fields in a POST
        // body are the Protocol's to read, and are not checked here.)
        ProblemException unknown = contract.unknownParameters(method, canonical,
                Request.extractQueryParameters(request).getNames());
        if (unknown != null) {
            writeProblem(request, response, callback, unknown.problem().at(path));
            return true;
        }
        // Whatever Fuseki answers with an error status goes out as a problem.
        Response out = new ProblemResponse(request, response);
        if (canonical.equals("/data") && (method.equals("GET") || method.equals("HEAD"))) {
            graphReads.handle(request, out, callback);
            return true;
        }
        if (method.equals("POST") && !canonical.equals("/data")) {
            Problem wrongType = bodyTypeProblem(canonical, request);
            if (wrongType != null) {
                writeProblem(request, out, callback, wrongType);
                return true;
            }
        }
        if (!canonical.endsWith("/sparql")) return super.handle(request, out, callback);
        request = withoutStrayContentType(request, method);
        if (isBrowserVisit(request, method)) {
            // A person who follows a link to the endpoint gets the SPARQL editor (api/SparqlEditor,
            // a Javalin route), not an error; the editor also offers the asserted-only endpoint.
            if (canonical.equals("/sparql")) return false;
            response.setStatus(303);
            response.getHeaders().put(HttpHeader.LOCATION, "/sparql");
            response.getHeaders().put(HttpHeader.VARY, "Accept");
            callback.succeeded();
            return true;
        }
        if (method.equals("GET") && request.getHttpURI().getQuery() == null) {
            // Fuseki would answer "Service Description: /sparql" with a 404.
            writeProblem(request, out, callback, 400, "No query: send it as the parameter query=… or POST it as "
                    + "application/sparql-query (a browser gets the SPARQL editor here)");
            return true;
        }

        String contentType = String.valueOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
        if (method.equals("POST") && request.getLength() == 0 && contentType.startsWith("application/sparql-query")) {
            writeProblem(request, out, callback, 400, "The request has no query: send it as the body (application/sparql-query) "
                    + "or as the parameter query=…");
            return true;
        }
        // One client cannot occupy every worker with heavy queries: past the cap, 429.
        String client = Request.getRemoteAddr(request);
        if (inFlight.merge(client, 1, Integer::sum) > maxQueriesPerClient) {
            release(client);
            out.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            writeProblem(request, out, callback, 429, "Too many concurrent queries from this client (limit "
                    + maxQueriesPerClient + "); retry when one has finished");
            return true;
        }
        Callback releasing = new Callback.Nested(callback) {
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
     * A POST to a SPARQL endpoint whose body is of a type it does not take, as the problem to answer:
     * 415 saying every way the endpoint takes a request and what was sent (Fuseki says only
     * "Unsupported: [text/plain]"); an update sent to the query endpoint, or a query to the update
     * endpoint, 400 saying where it goes. Null when the request may go on: a type the endpoint
     * takes, or no body and no type (the URL's parameters are then the request, Fuseki's to judge).
     */
    static Problem bodyTypeProblem(String canonical, Request request) {
        String header = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean query = canonical.endsWith("/sparql");
        if (type.equals("application/x-www-form-urlencoded") || type.equals(query ? "application/sparql-query" : "application/sparql-update"))
            return null;
        if (query && type.equals("application/sparql-update")) return Problem.of(400, org.virtkg.sparql.GuardedQuery.UPDATE_SENT_HERE);
        if (!query && type.equals("application/sparql-query")) return Problem.of(400, GuardedUpdate.QUERY_SENT_HERE);
        if (type.isEmpty() && request.getLength() == 0) return null;
        return Problem.of(415, (query ? org.virtkg.sparql.GuardedQuery.BODY_TYPES : GuardedUpdate.BODY_TYPES)
                + " (got " + (type.isEmpty() ? "no Content-Type" : type) + ")");
    }

    /**
     * A query sent with {@code GET} has no body, so a {@code Content-Type} on it describes nothing;
     * Fuseki would still judge the request by it (415). Some clients send one: rdflib 6.1's
     * SPARQLUpdateStore, after its first update, puts {@code application/sparql-update} on every
     * later query. Such a header is dropped; a GET that does carry a body keeps it and is judged.
     */
    static Request withoutStrayContentType(Request request, String method) {
        HttpFields headers = request.getHeaders();
        boolean bodiless = request.getLength() <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING);
        if (!(method.equals("GET") || method.equals("HEAD")) || !bodiless || !headers.contains(HttpHeader.CONTENT_TYPE)) return request;
        HttpFields cleaned = HttpFields.build(headers).remove(HttpHeader.CONTENT_TYPE).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return cleaned;
            }
        };
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

    /** A GET with no query that asks for HTML first: a browser, not a SPARQL client. */
    static boolean isBrowserVisit(Request request, String method) {
        if (!method.equals("GET") || request.getHttpURI().getQuery() != null) return false;
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        // HTML offered last, so */* alone (curl, scripts) does not count as a browser.
        return accept != null && "text/html".equals(org.virtkg.api.Http.negotiate(accept,
                List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/html")));
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
        writeProblem(request, response, callback, Problem.of(status, detail));
    }

    /** {@link #writeProblem(Request, Response, Callback, int, String)} of a problem with its extensions. */
    static void writeProblem(Request request, Response response, Callback callback, Problem problem) {
        if (request.getLength() != 0) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        String body = problem.toJson();
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
