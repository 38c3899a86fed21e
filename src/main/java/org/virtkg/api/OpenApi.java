package org.virtkg.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.virtkg.app.Version;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.knowledge.ProductFields;

/**
 * The OpenAPI 3.1 description of every HTTP route ({@code /openapi.json}) and the Swagger UI page
 * that renders it ({@code /docs}), generated from the route table ({@link RouteTable}) the server
 * registers its routes from, so no route is served undescribed. The table is also the contract for
 * query parameters ({@link #refuseUnknownParameters}). (The javalin-openapi plugin, which builds a
 * description from annotations, has no release for Javalin 7.)
 */
public final class OpenApi {
    private static final String SWAGGER_UI_VERSION = webjarVersion("swagger-ui");

    /** Query parameters link trackers add (utm_*, fbclid, gclid, Mailchimp's mc_*), ignored on reads. */
    static final java.util.regex.Pattern TRACKING_PARAMETER = java.util.regex.Pattern.compile("utm_[a-z_]+|fbclid|gclid|msclkid|mc_cid|mc_eid");

    private final QueryLibrary library;
    private volatile String json;

    /** Query parameters each operation takes, by "METHOD path" (path template, or a library query's own path). */
    private volatile Map<String, Set<String>> queryParameters = Map.of();

    public OpenApi(QueryLibrary library) {
        this.library = library;
    }

    /** Describes these routes (the whole table, once, before the server starts). */
    public void describe(List<Route> routes) {
        this.json = Json.write(document(library, routes));
        this.queryParameters = queryParameters(library, routes);
    }

    private static Map<String, Set<String>> queryParameters(QueryLibrary library, List<Route> routes) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Route r : routes) {
            Set<String> names = new TreeSet<>();
            for (Route.Param p : r.params) if (p.in().equals("query")) names.add(p.name());
            out.put(r.method + " " + r.path, names);
        }
        // Named queries are described one path each (/api/queries/{name} is one route for all).
        for (QueryLibrary.NamedQuery q : library.all()) {
            Set<String> names = new TreeSet<>();
            for (Route.Param p : namedQueryParams(q)) names.add(p.name());
            out.put("GET /api/queries/" + q.name(), names);
        }
        return Map.copyOf(out);
    }

    /**
     * Refuses a query parameter the matched operation does not take (400, naming it and what the
     * operation does take, with the nearest one), so a typo such as {@code ?support=LXC} is not
     * silently ignored with an unfiltered answer. Every unknown parameter is named at once. The route
     * table is the contract: a parameter works only if its route lists it. Runs before the handler.
     */
    public void refuseUnknownParameters(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) return;
        String method = endpoint.method.name().toUpperCase(Locale.ROOT);
        // A library query is described by its own path, not the template /api/queries/{name}.
        String path = queryParameters.containsKey(method + " " + ctx.path()) ? ctx.path() : endpoint.path;
        // Links shared by mail or on the web come back with tracking parameters (utm_source=…): they
        // cannot be a typo of a parameter of ours nor narrow an answer, so a page read through such a
        // link is answered, not refused.
        List<String> given = ctx.queryParamMap().keySet().stream()
                .filter(name -> !(method.equals("GET") || method.equals("HEAD")) || !TRACKING_PARAMETER.matcher(name).matches()).toList();
        ProblemException refusal = unknownParameters(method, path, given);
        if (refusal != null) throw refusal;
    }

    /**
     * The refusal of the query parameters {@code given} that the operation {@code method path} (a
     * path template) does not take, or null when it takes them all or is not in the table. Also
     * asked by the edge in front of Fuseki, whose endpoints the table describes as well.
     */
    public ProblemException unknownParameters(String method, String path, Collection<String> given) {
        Set<String> known = queryParameters.get(method + " " + path);
        // A HEAD answered for a GET route takes what the GET takes.
        if (known == null && method.equals("HEAD")) known = queryParameters.get("GET " + path);
        if (known == null) return null;
        Set<String> accepted = known;
        List<String> unknown = given.stream().filter(name -> !accepted.contains(name)).distinct().sorted().toList();
        return unknown.isEmpty() ? null : UnknownNames.refuse("query parameter", Problem::withParameter, "This endpoint", unknown, accepted);
    }

    public void document(Context ctx) {
        if (json == null) throw new IllegalStateException("describe(routes) was not called");
        ctx.contentType("application/json").result(json);
    }

    public void docs(Context ctx) {
        String ui = "/webjars/swagger-ui/" + SWAGGER_UI_VERSION;
        ctx.html("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>virtkg API</title><link rel="icon" href="data:,">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><div id="ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script src="/js/api-docs.js"></script>
                </body></html>
                """.formatted(ui));
    }

    /** The version of a WebJar on the classpath, from its Maven metadata (so the pom is the only place it is pinned). */
    static String webjarVersion(String artifact) {
        try (InputStream in = OpenApi.class.getResourceAsStream("/META-INF/maven/org.webjars/" + artifact + "/pom.properties")) {
            if (in == null) return "missing";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    // ---- the document, built from the route table ----

    /** The schema of a selection body: one property per requirement field of {@link SelectionRoutes}' table, plus the two filters. */
    static Map<String, Object> requirementsSchema() {
        Map<String, Object> reqs = new LinkedHashMap<>();
        // A plain value (weight "should"), or {"value": …, "weight": "must" | "should" | "nice" | number}.
        Map<String, Object> weight = Map.of("oneOf", List.of(Map.of("type", "string", "enum", List.of("must", "should", "nice")),
                Map.of("type", "number", "exclusiveMinimum", 0, "maximum", SelectionRoutes.MAX_WEIGHT)));
        for (String f : SelectionRoutes.fieldNames()) {
            Map<String, Object> plain = f.equals("containerBased") ? Map.of("type", "boolean")
                    : Map.of("oneOf", List.of(Map.of("type", "string"), Map.of("type", "array", "items", Map.of("type", "string"))));
            reqs.put(f, Map.of("oneOf", List.of(plain, Map.of("type", "object", "required", List.of("value"),
                    "properties", Map.of("value", plain, "weight", weight)))));
        }
        // Not requirements: they narrow the candidates, as ?platform= and ?technology= do (one or the other).
        for (String filter : List.of("platform", "technology"))
            reqs.put(filter, Map.of("oneOf", List.of(Map.of("type", "string"), Map.of("type", "array", "items", Map.of("type", "string"))),
                    "description", "Only these " + filter + "s (ids or classes), as ?" + filter + "= does; not both"));
        return Map.of("type", "object", "additionalProperties", false, "properties", reqs);
    }

    /** The whole document: one operation per route of the table, and one per library query under /api/queries/. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document(QueryLibrary library, List<Route> routes) {
        Map<String, Object> schemas = responseSchemas();
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            for (Class<? extends Record> item : r.pageItems) schemas.putIfAbsent(Schemas.pageName(item), Schemas.page(item, schemas));
            put(paths, r.path, r.method, operation(r, schemas));
            if (r.method == Route.Method.GET && r.path.equals("/api/queries/{name}"))
                for (QueryLibrary.NamedQuery q : library.all()) {
                    Route one = Route.get("/api/queries/" + q.name(), r.handler).tag(r.tag)
                            .summary(q.summary() == null ? q.name() : q.summary()).params(namedQueryParams(q));
                    one.responses.add(answerOf(q));
                    // The template's other responses (its problems); its 200 is this query's own.
                    r.responses.stream().filter(x -> !x.status().equals("200")).forEach(one.responses::add);
                    put(paths, one.path, one.method, operation(one, schemas));
                }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "virtkg", "version", Version.current(), "description",
                "Open-source hypervisors and cloud platforms as a knowledge graph, with provenance. Every GET carries a weak ETag "
                        + "per knowledge-base version (If-None-Match gives 304). Errors are RFC 9457 problem details; unknown ids "
                        + "come with suggestions. Writes need a bearer token of the role each operation names (x-role)."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        return (Map<String, Object>) inOneOrder(doc);
    }

    /**
     * The document with the same members in the same order at every start: a map built with
     * {@code Map.of} iterates in an order that changes from one JVM to the next, so its members are
     * put in the order of their names; the ordered maps (paths, a record's properties) keep theirs.
     */
    @SuppressWarnings("unchecked")
    private static Object inOneOrder(Object node) {
        if (node instanceof List<?> list) return list.stream().map(OpenApi::inOneOrder).toList();
        if (!(node instanceof Map<?, ?> map)) return node;
        Map<String, Object> ordered = map instanceof java.util.SequencedMap<?, ?> ? new LinkedHashMap<>() : new java.util.TreeMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> ordered.put(k, inOneOrder(v)));
        return ordered;
    }

    /**
     * A library query's 200 as its own query answers it: a SELECT's rows in the SPARQL 1.1 Query
     * Results JSON Format with exactly its columns (each an {@code RdfTerm}, absent where unbound),
     * or CSV; an ASK's boolean; a CONSTRUCT's or DESCRIBE's graph as Turtle, JSON-LD or N-Triples.
     */
    private static Route.Response answerOf(QueryLibrary.NamedQuery q) {
        var query = q.query();
        Map<String, Map<String, Object>> content = new LinkedHashMap<>();
        if (query.isConstructType() || query.isDescribeType()) {
            for (String t : List.of("text/turtle", "application/ld+json", "application/n-triples")) content.put(t, Schemas.type("string"));
            return new Route.Response("200", "The graph", content);
        }
        Map<String, Object> head = closed(Map.of("vars", query.isAskType() ? Map.of("type", "array", "maxItems", 0)
                : Map.of("type", "array", "items", Map.of("enum", query.getResultVars()))), List.of("vars"));
        Map<String, Object> json;
        if (query.isAskType()) {
            json = closed(orderedOf("head", head, "boolean", Schemas.type("boolean")), List.of("head", "boolean"));
        } else {
            Map<String, Object> columns = new LinkedHashMap<>();
            for (String v : query.getResultVars()) columns.put(v, Schemas.ref("RdfTerm"));
            Map<String, Object> row = new LinkedHashMap<>(closed(columns, List.of()));
            json = closed(orderedOf("head", head, "results",
                    closed(Map.of("bindings", Map.of("type", "array", "items", row)), List.of("bindings"))), List.of("head", "results"));
        }
        content.put("application/sparql-results+json", json);
        content.put("application/json", json);
        if (!query.isAskType()) content.put("text/csv", Schemas.type("string"));
        return new Route.Response("200", "SPARQL results: " + (query.isAskType() ? "yes or no" : String.join(", ", query.getResultVars())), content);
    }

    private static Map<String, Object> orderedOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** An object schema with these properties and no others, {@code required} of them required. */
    private static Map<String, Object> closed(Map<String, Object> properties, List<String> required) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", properties);
        if (!required.isEmpty()) m.put("required", required);
        m.put("additionalProperties", false);
        return m;
    }

    private static List<Route.Param> namedQueryParams(QueryLibrary.NamedQuery q) {
        List<Route.Param> params = new ArrayList<>();
        for (QueryLibrary.Param p : q.params())
            params.add(Route.Param.query(p.name(), "string", false, p.description() == null ? p.type() : p.description())
                    .withDefault(p.defaultValue()));
        return params;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> paths, String path, Route.Method method, Map<String, Object> op) {
        ((Map<String, Object>) paths.computeIfAbsent(path, k -> new LinkedHashMap<>())).put(method.name().toLowerCase(Locale.ROOT), op);
    }

    /** e.g. GET /api/technologies/{id}/platforms: getApiTechnologiesByIdPlatforms. */
    static String operationId(Route.Method method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String seg : path.split("[/.]")) {
            if (seg.isEmpty()) continue;
            boolean param = seg.startsWith("{");
            if (param) id.append("By");
            for (String word : seg.replaceAll("[{}]", "").split("[^A-Za-z0-9]+"))
                if (!word.isEmpty()) id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    private static Map<String, Object> operation(Route r, Map<String, Object> schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId(r.method, r.path));
        op.put("summary", r.summary);
        op.put("tags", List.of(r.tag));
        if (r.role != null) op.put("x-role", r.role.actor());
        if (r.handler == null) op.put("x-served-by", "fuseki");
        List<Map<String, Object>> params = new ArrayList<>();
        for (Route.Param p : r.params) params.add(parameter(p));
        if (r.etag) params.add(parameter(Route.Param.header("If-None-Match", "An ETag you have: 304 when it is still current")));
        if (r.conditional != null) {
            params.add(parameter(Route.Param.header("If-Match", "The ETag you read: the write applies only if the resource is unchanged")));
            if (r.conditional) params.add(parameter(Route.Param.header("If-None-Match", "*: create only; 412 when the resource exists")));
        }
        if (!params.isEmpty()) op.put("parameters", params);
        if (r.body != null) op.put("requestBody", requestBody(r.body, schemas));
        op.put("responses", responses(r));
        if (r.role != null) op.put("security", List.of(Map.of("bearer", List.of())));
        return op;
    }

    private static Map<String, Object> parameter(Route.Param p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("in", p.in());
        out.put("required", p.required());
        out.put("description", p.description());
        Map<String, Object> schema = new LinkedHashMap<>();
        if (p.commaSeparated()) {
            schema.put("type", "array");
            schema.put("items", Map.of("type", p.type(), "enum", p.allowed()));
            out.put("style", "form");
            out.put("explode", false);
        } else {
            schema.put("type", p.type());
            if (!p.allowed().isEmpty()) schema.put("enum", p.allowed());
        }
        if (p.defaultValue() != null) schema.put("default", p.defaultValue());
        out.put("schema", schema);
        return out;
    }

    /**
     * A JSON body's schema is its record's ({@link Schemas#of}), added to the components; a product's
     * reference fields, which its record collects by name, are the writable rows of {@link ProductFields}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestBody(Route.Body body, Map<String, Object> schemas) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (body.type() != null || body.schemaName() != null) {
            String name;
            if (body.type() != null) {
                name = Schemas.name(body.type());
                Map<String, Object> any = body.type() == ProductRoutes.Body.class ? productReferenceFields() : Map.of();
                schemas.put(name, Schemas.of((Class<? extends Record>) body.type(), any, schemas));
            } else {
                name = body.schemaName();
                schemas.put(name, body.schema());
            }
            Map<String, Object> media = new LinkedHashMap<>();
            media.put("schema", Schemas.ref(name));
            if (body.example() != null) media.put("example", body.example());
            content.put("application/json", media);
        } else {
            for (String t : body.mediaTypes())
                content.put(t, Map.of("schema", Schemas.type(t.contains("json") ? "object" : "string")));
        }
        return Map.of("required", true, "content", content);
    }

    private static Map<String, Object> productReferenceFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ProductFields.Field f : ProductFields.WRITABLE.values())
            out.put(f.name(), Map.of("description", f.label() + " (" + f.kind() + "): ids", "oneOf",
                    List.of(Map.of("type", "string"), Map.of("type", "array", "items", Map.of("type", "string")))));
        return out;
    }

    private static Map<String, Object> responses(Route r) {
        Map<String, Object> rs = new LinkedHashMap<>();
        for (Route.Response resp : r.responses) {
            @SuppressWarnings("unchecked")
            Map<String, Object> existing = (Map<String, Object>) rs.get(resp.status());
            Map<String, Object> out = existing != null ? existing : new LinkedHashMap<>();
            if (existing == null) out.put("description", resp.description());
            if (!resp.content().isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> content = (Map<String, Object>) out.computeIfAbsent("content", k -> new LinkedHashMap<>());
                resp.content().forEach((type, schema) -> content.put(type, Map.of("schema", schema)));
            }
            if (r.etag && resp.status().startsWith("2"))
                out.put("headers", Map.of("ETag", Map.of("description", "Strong validator of this resource's content",
                        "schema", Map.of("type", "string"))));
            rs.put(resp.status(), out);
        }
        rs.put("304", Map.of("description", "Not modified (If-None-Match matched the ETag)"));
        rs.put("400", problem("Bad parameter (named in the detail)"));
        if (r.role != null) {
            rs.put("401", problem("No bearer token, or one that is not valid"));
            rs.put("403", problem("The token's role may not do this (" + r.role.actor() + " needed)"));
        }
        rs.put("404", problem("Unknown id, with suggestions"));
        if (r.conditional != null) rs.put("412", problem("A precondition failed: the resource changed since you read it, or exists"));
        rs.put("503", problem("The store is unavailable (a remote store that cannot be reached, or is contended by other "
                + "instances' writes); retry after Retry-After"));
        return rs;
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }

    /**
     * The schemas of the JSON responses, each generated from the record Jackson writes the answer
     * from ({@link Schemas#answer}): Value, Ref, Licensing, Licence, Technology and Platform
     * ({@link Catalog.Product}, whose fields are its kind's rows of {@link ProductFields}),
     * Lifecycle ({@link Lifecycles.Standing}), Compatibility, Problem, and the answers of health, explain, the
     * feature matrix, paper and present, the matrix, selection, compare, fields, queries, claims,
     * terms, imports, product writes and the change log (each its route's record); a page's schema
     * is added with the route that answers it ({@link Route#okPage}). What is given here is data
     * the records cannot carry: descriptions, allowed values, which may be null.
     * ResponseSchemaConformanceTest checks them against live answers.
     */
    private static Map<String, Object> responseSchemas() {
        Map<String, Object> c = new LinkedHashMap<>();
        // Value and Ref are the knowledge layer's records, which know nothing of HTTP: their descriptions are given here, by component.
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("description", "A value of a property: the claim 'subject property value'");
        value.putAll(Schemas.answer(Catalog.Value.class, Map.of(
                "basis", Map.of("nullable", true, "enum", List.of("stated", "inferred"), "description",
                        "stated when some source states the claim (either direction of an inverse pair), inferred when only reasoning gives it"),
                "disputed", Map.of("description", "true when sources disagree about it, or every source stating it is disputed"),
                "sources", Map.of("description", "IRIs of the source graphs it rests on"),
                "disputes", Map.of("description", "Why it is disputed, one entry per note (empty when it is not): kind (dispute, "
                        + "contradiction or rests-on-disputed), the note in words, the sources the note rests on, and the graph "
                        + "that files it (filedIn: described in the product's sources, who and when; empty for notes the knowledge base draws)"),
                "conditions", Map.of("description", "Conditions sources attach to it (support with one is partial): the note in words, "
                        + "its sources, and the graph that files it (filedIn)")), c));
        c.put("Value", value);
        c.put("Ref", Schemas.answer(Catalog.Ref.class, Map.of("id", Map.of("description", "The resource's id (its page and description: /id/{id})"),
                "label", Map.of("description", "Its English label")), c));
        c.put("Licence", Schemas.answer(Catalog.Licence.class, Map.of(
                "spdx", Map.of("nullable", true, "description", "Its SPDX identifier, or null when it has none"),
                "basis", Map.of("enum", List.of("stated", "inferred")),
                "sources", Map.of("description", "IRIs of the source graphs the licence rests on")), c));
        Map<String, Object> licensing = new LinkedHashMap<>();
        licensing.put("description", "Whether the product is open source, by which sources, and its licences");
        licensing.putAll(Schemas.answer(Catalog.Licensing.class, Map.of(
                "status", Map.of("enum", List.of("open-source", "commercial-service", "unknown", "disputed"), "description",
                        "open-source (vkg:OpenSourceProduct, stated or inferred from an open-source licence), commercial-service "
                                + "(vkg:CommercialService: a hosted service one rents), unknown (no source says), disputed (sources say both)"),
                "basis", Map.of("nullable", true, "enum", List.of("stated", "inferred"), "description", "null when the status is unknown"),
                "sources", Map.of("description", "IRIs of the source graphs the status rests on")), c));
        c.put("Licensing", licensing);
        // A lifecycle's other facts are members named by property id, each a value or a list of values.
        c.put(Schemas.name(Lifecycles.Standing.class), Schemas.answer(Lifecycles.Standing.class, Map.of("facts",
                Map.of("oneOf", List.of(Schemas.type("string"), Map.of("type", "array", "items", Schemas.type("string"))))), c));
        c.put("Technology", product(ProductFields.Kind.technology, c));
        c.put("Platform", product(ProductFields.Kind.platform, c));
        c.put("Compatibility", Schemas.answer(CompatibilityRoutes.Compatibility.class, Map.of(), c));
        c.put("Problem", Schemas.answer(Problem.class, Map.of(), c));
        c.put("RdfTerm", Schemas.answer(QueryRoutes.RdfTerm.class, Map.of(), c));
        // The routes' own answers, which carry their descriptions themselves (Describe).
        for (Class<? extends Record> answer : List.of(HealthRoutes.Health.class, ExplainRoutes.Explained.class,
                FeatureMatrixRoutes.FeatureMatrix.class, PaperAndPresent.Sides.class, CompatibilityRoutes.MatrixAnswer.class,
                SelectionRoutes.Selected.class, FieldRoutes.Fields.class, QueryRoutes.Queries.class, ProductRoutes.Saved.class,
                ClaimRoutes.Claim.class, TermRoutes.TermsGraphs.class, TermRoutes.TermsWritten.class, ImportRoutes.Imported.class, ChangeRoutes.ChangesPage.class,
                ChangeRoutes.ChangesSince.class, ChangeRoutes.ChangeWithPatch.class, ChangeRoutes.Reverted.class))
            c.put(Schemas.name(answer), Schemas.answer(answer, Map.of(), c));
        // The reference fields a product write takes, each described by its label, as submitted.
        Map<String, Map<String, Object>> references = new LinkedHashMap<>();
        for (var f : ProductFields.WRITABLE.entrySet()) references.put(f.getKey(), Map.of("description", f.getValue().label()));
        c.put("ProductSubmitted", Schemas.answer(ProductRoutes.Submitted.class, references, Map.of(), c));
        // A product no current source speaks of has no lifecycle: null, by id.
        c.put("Comparison", Schemas.answer(CompareRoutes.Comparison.class, Map.of("lifecycle", Map.of("additionalProperties",
                Map.of("oneOf", List.of(Schemas.ref(Schemas.name(Lifecycles.Standing.class)), Schemas.type("null"))))), c));
        return c;
    }

    /** A technology's or platform's schema: {@link Catalog.Product}, its fields those of its kind in the table, each described by its label. */
    private static Map<String, Object> product(ProductFields.Kind kind, Map<String, Object> components) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        for (ProductFields.Field f : ProductFields.of(kind)) fields.put(f.name(), Map.of("description", f.label()));
        return Schemas.answer(Catalog.Product.class, fields, Map.of(
                "openSource", Map.of("nullable", true, "description",
                        "true: open source; false: a commercial service; null: no source says (or sources disagree)"),
                "view", Map.of("enum", List.of("paper", "current"), "description", "The view asked for, when it is not all"),
                "sources", Map.of("description", "The source graphs its values rest on, described")), components);
    }
}
