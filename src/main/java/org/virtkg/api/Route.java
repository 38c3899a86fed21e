package org.virtkg.api;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtkg.security.Role;

/**
 * One HTTP operation: what the server registers (method, path, handler) and what the OpenAPI
 * description says about it (role, summary, parameters, body, responses), in one value, so a route
 * cannot be served without being described ({@link RouteTable}, {@link OpenApi}).
 *
 * <p>A route without a handler is served by Fuseki in front of Javalin (SPARQL, Graph Store reads):
 * it is described and its query parameters are checked there, not registered with Javalin.
 */
public final class Route {
    public enum Method { GET, HEAD, POST, PUT, DELETE }

    /** A parameter: in query, path or header; {@code allowed} lists the values it takes, when there is such a list. */
    public record Param(String name, String in, String type, boolean required, String description, List<String> allowed,
                        boolean commaSeparated, String defaultValue) {
        public static Param query(String name, String type, boolean required, String description) {
            return new Param(name, "query", type, required, description, List.of(), false, null);
        }

        public static Param path(String name, String description) {
            return new Param(name, "path", "string", true, description, List.of(), false, null);
        }

        public static Param header(String name, String description) {
            return new Param(name, "header", "string", false, description, List.of(), false, null);
        }

        /** Only these values (one of them). */
        public Param oneOf(String... values) {
            return new Param(name, in, type, required, description, List.of(values), false, defaultValue);
        }

        /** A comma-separated list of these values. */
        public Param listOf(String... values) {
            return new Param(name, in, type, required, description, List.of(values), true, defaultValue);
        }

        public Param withDefault(String value) {
            return new Param(name, in, type, required, description, allowed, commaSeparated, value);
        }
    }

    /**
     * A request body: JSON bound to a record ({@code type}, its schema derived from the record by
     * {@link Schemas}) or given as a named schema, or one of several media types (RDF bodies).
     */
    public record Body(Class<?> type, String schemaName, Map<String, Object> schema, List<String> mediaTypes, Object example) {
        public static Body json(Class<? extends Record> type, Object example) {
            return new Body(type, null, null, List.of("application/json"), example);
        }

        public static Body json(String schemaName, Map<String, Object> schema, Object example) {
            return new Body(null, schemaName, schema, List.of("application/json"), example);
        }

        public static Body media(String... mediaTypes) {
            return new Body(null, null, null, List.of(mediaTypes), null);
        }
    }

    /** A response: status, description and its media types, each with a JSON Schema fragment. */
    public record Response(String status, String description, Map<String, Map<String, Object>> content) {}

    final Method method;
    final String path;
    final Handler handler;
    Role role;
    String tag = "service";
    String summary;
    final List<Param> params = new ArrayList<>();
    Body body;
    final List<Response> responses = new ArrayList<>();
    /** The items of the pages the route answers ({@link #okPage}), whose page schemas the description adds. */
    final List<Class<? extends Record>> pageItems = new ArrayList<>();
    /** The representation carries a strong ETag of its own; If-None-Match gives 304. */
    boolean etag;
    /** null: no preconditions; false: If-Match; true: If-Match and If-None-Match: * (creates). */
    Boolean conditional;

    private Route(Method method, String path, Handler handler) {
        this.method = method;
        this.path = path;
        this.handler = handler;
    }

    public static Route get(String path, Handler handler) {
        return new Route(Method.GET, path, handler);
    }

    public static Route head(String path, Handler handler) {
        return new Route(Method.HEAD, path, handler);
    }

    public static Route post(String path, Handler handler) {
        return new Route(Method.POST, path, handler);
    }

    public static Route put(String path, Handler handler) {
        return new Route(Method.PUT, path, handler);
    }

    public static Route delete(String path, Handler handler) {
        return new Route(Method.DELETE, path, handler);
    }

    /** Served by Fuseki (SPARQL protocol, Graph Store reads) before Javalin sees the request: described only. */
    public static Route fuseki(Method method, String path) {
        return new Route(method, path, null);
    }

    /** The HEAD of this GET, run by the same handler (Javalin's own HEAD would not run it: no Content-Type, no ETag). */
    public Route headOf() {
        Route head = new Route(Method.HEAD, path, handler);
        head.role = role;
        head.tag = tag;
        head.summary = "Headers of GET (no body): " + summary;
        head.params.addAll(params);
        head.responses.addAll(responses);
        head.pageItems.addAll(pageItems);
        head.etag = etag;
        return head;
    }

    public Route tag(String tag) {
        this.tag = tag;
        return this;
    }

    public Route summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** The role the handler requires (it checks the bearer token itself; this describes it). */
    public Route role(Role role) {
        this.role = role;
        return this;
    }

    public Route params(List<Param> ps) {
        params.addAll(ps);
        return this;
    }

    public Route params(Param... ps) {
        return params(List.of(ps));
    }

    public Route body(Body b) {
        this.body = b;
        return this;
    }

    public Route respond(String status, String description) {
        responses.add(new Response(status, description, Map.of()));
        return this;
    }

    /** A response with one or more media types, each with the same schema. */
    public Route respond(String status, String description, Map<String, Object> schema, String... mediaTypes) {
        Map<String, Map<String, Object>> content = new LinkedHashMap<>();
        for (String t : mediaTypes) content.put(t, schema);
        responses.add(new Response(status, description, content));
        return this;
    }

    /** 200 with a JSON body of this schema. */
    public Route ok(String description, Map<String, Object> schema) {
        return respond("200", description, schema, "application/json");
    }

    /** 200 with a JSON page ({@link Http.Envelope}) of {@code item}s. */
    public Route okPage(String description, Class<? extends Record> item) {
        pageItems.add(item);
        return ok(description, Schemas.ref(Schemas.pageName(item)));
    }

    /** 200 with text (or RDF, HTML...) in any of these media types. */
    public Route okText(String description, List<String> mediaTypes) {
        return respond("200", description, Schemas.type("string"), mediaTypes.toArray(String[]::new));
    }

    public Route etag() {
        this.etag = true;
        return this;
    }

    /** Honours If-Match (412 when changed since read); {@code creates}: also If-None-Match: * (412 when it exists). */
    public Route conditional(boolean creates) {
        this.conditional = creates;
        return this;
    }

    public Method method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Handler handler() {
        return handler;
    }

    public Role role() {
        return role;
    }

    public String summary() {
        return summary;
    }

    public List<Param> params() {
        return List.copyOf(params);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
