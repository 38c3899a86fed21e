package org.virtkg.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Properties;
import org.virtkg.app.Version;

/**
 * The OpenAPI 3.1 description of every HTTP route ({@code /openapi.json}) and the Swagger UI page
 * that renders it ({@code /docs}). Written in code next to the route table so both change together;
 * {@code OpenApiCompletenessTest} fails when a registered route is missing here.
 */
public final class OpenApi {
    private static final String SWAGGER_UI_VERSION = webjarVersion("swagger-ui");

    private final String json;

    /** Query parameters each operation takes, by "method path-template", read from the document itself. */
    private final Map<String, Set<String>> queryParameters;

    public OpenApi(QueryLibrary library) {
        Map<String, Object> doc = document(library);
        this.json = Json.write(doc);
        this.queryParameters = queryParameters(doc);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> queryParameters(Map<String, Object> doc) {
        Map<String, Set<String>> out = new HashMap<>();
        ((Map<String, Object>) doc.get("paths")).forEach((path, ops) -> ((Map<String, Object>) ops).forEach((method, op) -> {
            Set<String> names = new TreeSet<>();
            Object params = ((Map<String, Object>) op).get("parameters");
            if (params instanceof List<?> list)
                for (Object prm : list) if ("query".equals(((Map<String, Object>) prm).get("in"))) names.add((String) ((Map<String, Object>) prm).get("name"));
            out.put(method + " " + path, names);
        }));
        return out;
    }

    /**
     * Refuses a query parameter the matched operation does not take (400, naming it and what the
     * operation does take, with the nearest one), so a typo such as {@code ?support=LXC} is not
     * silently ignored with an unfiltered answer. Every unknown parameter is named at once. The description is the contract: a parameter works only if it is listed
     * here. Runs before the handler; endpoints this document does not describe are left alone.
     */
    public void refuseUnknownParameters(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) return;
        String method = endpoint.method.name().toLowerCase(java.util.Locale.ROOT);
        String op = "head".equals(method) ? "get" : method;
        // Named queries are described one path each (/api/queries/{name} is one route for all).
        Set<String> known = queryParameters.getOrDefault(op + " " + ctx.path(), queryParameters.get(op + " " + endpoint.path));
        if (known == null) return;
        List<String> unknown = ctx.queryParamMap().keySet().stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) throw UnknownNames.refuse("query parameter", "parameter", "This endpoint", unknown, known);
    }

    public void document(Context ctx) {
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

    // ---- the document ----

    static Map<String, Object> document(QueryLibrary library) {
        Map<String, Object> paths = new LinkedHashMap<>();
        String id = "Id, case-insensitive (the local name of https://w3id.org/virtkg/id/{id}), e.g. KVM, OpenStack";
        Map<String, Object> includeServices = query("include", "services: bring back the platforms that are commercial services "
                + "(hosted services one rents, e.g. Amazon EC2), left out by default", false, "string");
        List<Map<String, Object>> paging = List.of(
                query("limit", "Page size, 1-" + Http.MAX_LIMIT + " (default " + Http.DEFAULT_LIMIT + ")", false, "integer"),
                query("offset", "Items to skip (default 0)", false, "integer"));

        put(paths, "/api/health", "get", op("Service status, version, store and triple counts; 503 with status "
                + "store-unavailable when a remote store cannot be reached, or degraded (with a reason) when the knowledge base "
                + "holds no ontology", "service", List.of(), ok("Status", "object")));
        put(paths, "/api/explain", "get", op("Why the KB holds a triple: derivation tree down to asserted facts and their sources",
                "reasoning", List.of(query("s", "Subject: id, prefixed name or IRI", true, "string"),
                        query("p", "Predicate, e.g. vkg:supports", true, "string"), query("o", "Object", true, "string")),
                ok("Explanation tree", "object")));
        put(paths, "/api/technologies", "get", op("Virtualization technologies (hypervisors, container technologies...)", "catalogue",
                paging, ok("A page of technologies", "Page")));
        put(paths, "/api/technologies/{id}", "get", op("One technology with kinds, VMM type, virtualization, host/guest OS, platforms, "
                + "based-on, features and sources; every value flagged inferred or not", "catalogue", List.of(path("id", id), productView()),
                ok("The technology", "Technology")));
        put(paths, "/api/technologies/{id}/platforms", "get", op("Platforms that support the technology, each with whether that is "
                + "inferred and its explanation; commercial services only with include=services (excluded.services names them)", "catalogue",
                concat(List.of(path("id", id), includeServices), paging), ok("A page of platforms", "Page")));
        put(paths, "/api/platforms", "get", op("Cloud platforms, each with whether it is open source and its licences (with sources), "
                + "optionally only those supporting a technology or a class of them; commercial services (the survey's public-cloud "
                + "examples, e.g. Amazon EC2) only with include=services (excluded.services names them)",
                "catalogue", concat(List.of(query("supports", "Technology id (LXC) or technology class (ContainerTechnology)", false,
                        "string"), includeServices), paging), ok("A page of platforms", "Page")));
        put(paths, "/api/platforms/{id}", "get", op("One platform with deployment and service models, hypervisors, OS, languages, "
                + "characteristics, components, interfaces, organisations and sources", "catalogue", List.of(path("id", id), productView()),
                ok("The platform", "Platform")));
        put(paths, "/api/platforms/{id}/features", "get", op("The platform's feature x driver matrix from its imported support "
                + "matrices (OpenStack: Nova's): per cell the newest answer (supported, partial, unsupported, unknown), since / until "
                + "which release it holds, its history, caveat and source (address, commit, release, date)", "catalogue",
                List.of(path("id", id), query("driver", "Nova driver name, e.g. libvirt-lxc", false, "string"),
                        query("feature", "Nova feature name, e.g. operation.live-migrate", false, "string"),
                        query("release", "The matrix as this imported release saw it", false, "string")),
                ok("Releases, drivers, features and cells", "object")));
        put(paths, "/api/lifecycles/{id}", "get", op("The product in the paper and today, side by side: the paper's facts, the "
                + "dated outside facts (lifecycle status, successor, fork, kernel versions) with their sources, and the properties "
                + "on which they disagree (disputed)", "catalogue", List.of(path("id", id),
                        query("view", "paper (only the paper's facts), current (only current sources) or all (both, with disputes)", false, "string")),
                ok("Paper, current and disputed facts", "object")));
        put(paths, "/api/compatibility", "get", op("Is the technology supported by the platform? supported (entailed), unsupported "
                + "(explicit vkg:doesNotSupport) or unknown (open world)", "compatibility",
                List.of(query("technology", "Technology id", true, "string"), query("platform", "Platform id", true, "string"),
                        query("view", "paper (the paper alone, as answered before current sources were added; 404 for products it does not name), "
                                + "all (default: every source's claims, disputed where they disagree, with each product's lifecycle today) "
                                + "or current (the same, but the newest dated source wins a disagreement; decidedBy says which)", false, "string")),
                ok("Status (supported, partial, unsupported, disputed, unknown), basis, explanation, sources, disputes with their sources, and (current, all) lifecycles", "Compatibility")));
        Map<String, Object> matrix = op("Every technology x platform with status and basis (stated or inferred); platforms that are "
                + "commercial services only with include=services (excluded.services names them)", "compatibility",
                List.of(query("view", "paper (the paper alone), current or all (default; adds lifecycles: product id -> status today)", false, "string"),
                        includeServices),
                ok("The matrix", "object"));
        content(matrix).put("text/csv", Map.of("schema", Map.of("type", "string", "description",
                "technology,platform,status,basis rows")));
        put(paths, "/api/compatibility/matrix", "get", matrix);
        Map<String, Object> selection = op("Select and rank compatible (platform, technology) pairs against weighted requirements; "
                + "pairs not satisfying every must are left out unless include brings them back; with a sensitivity note", "selection",
                concat(List.of(query("include", "violated, unknown, services (comma-separated): bring back pairs whose must requirements "
                        + "are violated or unknown, and pairs on commercial services (e.g. Amazon EC2), left out by default", false, "string"),
                        query("platform", "Only these platforms: ids or a platform class, comma-separated", false, "string"),
                        query("technology", "Only these technologies: ids or a technology class, comma-separated", false, "string"),
                        query("view", "paper (only pairs the paper supports, judged on the paper's facts), current (the newest dated "
                                + "source wins a disagreement on a pair) or all (default: every source, disputed pairs flagged); "
                                + "excluded.view counts the pairs the view leaves out", false, "string")), paging),
                ok("Ranked pairs with per-requirement status (satisfied, violated, unknown), reasons and sources", "object"));
        selection.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema",
                Map.of("$ref", "#/components/schemas/Requirements"), "example",
                Map.of("guestOS", "Windows", "deploymentModel", "Hybrid", "serviceModel", "IaaS")))));
        put(paths, "/api/selection", "post", selection);
        put(paths, "/api/compare", "get", op("Two to four technologies, or two to four platforms, side by side: every property with "
                + "each value's basis (stated or inferred), disputed flag and sources, and the paper's sentences that compare them",
                "selection", List.of(query("ids", "Comma-separated ids of the same kind, e.g. KVM,Xen", true, "string")),
                ok("Items, properties side by side, narrative comparisons", "object")));
        put(paths, "/api/fields", "get", op("The product field table: each field's JSON name, predicate (and inverse), the products it "
                + "describes (technology, platform or both), cardinality, value type, whether POST/PUT /api/products takes it, a label, "
                + "the property's description and an example; the same table the product representations, the product writes and "
                + "these schemas are built from", "catalogue", List.of(), ok("The fields", "object")));
        put(paths, "/api/queries", "get", op("The named-query library: name, summary, description, parameters", "queries", List.of(),
                ok("The queries", "object")));
        Map<String, Object> run = op("Run a named query; its parameters (see /api/queries) are query parameters, bound as RDF terms",
                "queries", List.of(path("name", "Query name, e.g. platforms-for-technology")), sparqlResults());
        put(paths, "/api/queries/{name}", "get", run);
        for (QueryLibrary.NamedQuery q : library.all()) {
            List<Map<String, Object>> params = new ArrayList<>();
            for (QueryLibrary.Param p : q.params()) {
                Map<String, Object> prm = query(p.name(), p.description() == null ? p.type() : p.description(), false, "string");
                if (p.defaultValue() != null) ((Map<String, Object>) prm.get("schema")).put("default", p.defaultValue());
                params.add(prm);
            }
            put(paths, "/api/queries/" + q.name(), "get", op(q.summary() == null ? q.name() : q.summary(), "queries", params, sparqlResults()));
        }
        Map<String, Object> resource = op("Any resource as Turtle, JSON-LD, N-Triples or HTML (content negotiation); inferred facts "
                + "included and marked in HTML", "linked data", List.of(path("name", id),
                        query("view", "For the HTML page: paper (the paper's facts alone), current (a support claim a newer source "
                                + "contradicts is left out) or all (default); the RDF forms describe the whole knowledge base", false, "string")),
                ok("The resource", "string"));
        Map<String, Object> rc = content(resource);
        rc.clear();
        for (String t : ResourceRoutes.FORMATS) rc.put(t, Map.of("schema", Map.of("type", "string")));
        put(paths, "/id/{name}", "get", resource);
        // The ontology, where its IRI https://w3id.org/virtkg/ontology redirects (docs/ontology.md).
        Map<String, Object> ontology = op("The ontology (shipped terms and those added through /api/terms) as Turtle, RDF/XML, JSON-LD, "
                + "N-Triples, or HTML documentation of every term with a diagram (content negotiation; 406 otherwise); weak ETag "
                + "of the knowledge-base version, 304; HEAD", "linked data", List.of(), ok("The ontology", "string"));
        content(ontology).clear();
        for (String t : OntologyRoutes.FORMATS) content(ontology).put(t, Map.of("schema", Map.of("type", "string")));
        put(paths, "/ontology", "get", ontology);
        put(paths, "/ontology", "head", headOf(ontology));
        Map<String, Object> version = op("The ontology at its version IRI (https://w3id.org/virtkg/ontology/{version}), as /ontology, "
                + "while that is the current version; 404 naming the current version otherwise", "linked data",
                List.of(path("version", "The version, e.g. 0.2.0")), ok("The ontology", "string"));
        content(version).clear();
        for (String t : OntologyRoutes.FORMATS) content(version).put(t, Map.of("schema", Map.of("type", "string")));
        put(paths, "/ontology/{version}", "get", version);
        put(paths, "/ontology/{version}", "head", headOf(version));
        Map<String, Object> cite = op("How to cite (text and BibTeX), declare the prefix, import (owl:imports of the version IRI) "
                + "and reuse the ontology under its licence; generated from its metadata", "linked data", List.of(),
                ok("HTML, or BibTeX with Accept: application/x-bibtex", "string"));
        content(cite).clear();
        for (String t : OntologyRoutes.CITE_FORMATS) content(cite).put(t, Map.of("schema", Map.of("type", "string")));
        put(paths, "/ontology/cite", "get", cite);
        put(paths, "/ontology/cite", "head", headOf(cite));
        put(paths, "/openapi.json", "get", op("This document", "service", List.of(), ok("OpenAPI 3.1", "object")));
        put(paths, "/docs", "get", op("Interactive API documentation (Swagger UI)", "service", List.of(), ok("HTML", "string")));
        put(paths, "/metrics", "get", op("Prometheus metrics", "service", List.of(), ok("Prometheus text format", "string")));

        // Fuseki's SPARQL endpoints (served by the same port, in front of Javalin).
        put(paths, "/sparql", "get", op("SPARQL 1.1 query over the union of all graphs, inferences included", "sparql",
                List.of(query("query", "SPARQL query", true, "string")), sparqlResults()));
        put(paths, "/sparql", "post", op("SPARQL 1.1 query (form or application/sparql-query body)", "sparql", List.of(), sparqlResults()));
        put(paths, "/asserted/sparql", "get", op("SPARQL 1.1 query without the inferred graph", "sparql",
                List.of(query("query", "SPARQL query", true, "string")), sparqlResults()));
        put(paths, "/update", "post", secured(op("SPARQL 1.1 Update (admin token); must name graphs (GRAPH <g> or WITH <g>)", "sparql",
                List.of(query("using-graph-uri", "A graph the WHERE reads as its default graph (as USING); repeatable", false, "string"),
                        query("using-named-graph-uri", "A graph the WHERE reads as a named graph (as USING NAMED); repeatable", false, "string")),
                Map.of("204", Map.of("description", "Applied")))));
        Map<String, Object> defaultWrite = query("default", "The default graph: the read-only union of the named graphs; "
                + "writing it is refused (400)", false, "boolean");
        List<Map<String, Object>> graph = List.of(query("graph", "Graph IRI", true, "string"), defaultWrite);
        List<Map<String, Object>> readTarget = List.of(query("graph", "Graph IRI (absent with ?default: the whole dataset, as quads)", false, "string"),
                query("default", "The default graph: the union of the named graphs, as queries see it", false, "boolean"));
        // One-graph resources (Graph Store graphs, products, terms) have strong ETags and take
        // If-Match / If-None-Match, checked inside the write (RFC 9110 §13).
        put(paths, "/data", "get", etagged(op("Graph Store Protocol read (also HEAD); a named graph carries its strong ETag",
                "graph store", readTarget, ok("RDF", "string"))));
        put(paths, "/data", "put", conditional(secured(op("Replace a graph (admin token); If-None-Match: * creates only", "graph store",
                graph, Map.of("201", Map.of("description", "Created"), "204", Map.of("description", "Replaced")))), true));
        put(paths, "/data", "post", conditional(secured(op("Add to a graph (admin token); multipart/form-data parts are merged; "
                + "without ?graph, creates a new graph (201, its IRI in Location)", "graph store",
                List.of(query("graph", "Graph IRI (absent: create a new graph)", false, "string"), defaultWrite),
                Map.of("201", Map.of("description", "Created"), "204", Map.of("description", "Added")))), true));
        put(paths, "/data", "delete", conditional(secured(op("Delete a graph (admin token)", "graph store", graph,
                Map.of("204", Map.of("description", "Deleted")))), false));

        // Writes: products (editor), ontology terms and admin operations, the change log.
        List<Map<String, Object>> productId = List.of(path("id", "Product id (case-insensitive)"));
        Map<String, Object> json = Map.of("required", true, "content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/ProductInput"), "example",
                        Map.of("kind", "Hypervisor", "id", "Firecracker", "label", "Firecracker", "basedOn", List.of("KVM"),
                                "hostOS", List.of("Linux"), "platforms", List.of("OpenNebula")))));
        put(paths, "/api/products", "post", withBody(secured(op("Add a product (editor or admin token): 201 with Location and ETag; "
                + "409 when the id is taken (also when another create of it won the race); 422 with the SHACL or inconsistency report",
                "products", List.of(), Map.of("201", Map.of("description", "Created"), "409", conflict()))), json));
        put(paths, "/api/products/{id}", "get", etagged(op("A product added through the API, in the shape it was submitted", "products",
                productId, ok("Product", "object"))));
        put(paths, "/api/products/{id}", "put", withBody(conditional(secured(op("Replace a user-added product (shipped paper data is "
                + "read-only: 403); send the ETag you read as If-Match", "products", productId, ok("Replaced", "object"))), false), json));
        put(paths, "/api/products/{id}", "delete", conditional(secured(op("Delete a user-added product and, with it, its inferences",
                "products", productId, Map.of("204", Map.of("description", "Deleted")))), false));
        // Claims: an editor's sourced statement, dispute or condition, kept next to the paper's.
        put(paths, "/api/claims", "get", op("Claims editors added (oldest first), each with what the knowledge base now answers "
                + "about its triple", "claims", paging, ok("A page of claims", "object")));
        put(paths, "/api/claims", "post", withBody(secured(op("Add a claim (editor or admin token): kind 'claim' (default) states "
                + "subject property object; 'dispute' or 'condition' attaches a note to that claim. A claim contradicting sourced "
                + "statements is recorded as a disagreement (both sides then answer 'disputed') when it has a 'source', and refused "
                + "(422, kind 'contradiction', naming what it contradicts) when it has none. 201 with Location", "claims", List.of(),
                Map.of("201", Map.of("description", "Created"), "422", Map.of("description", "Unknown ids, or a contradiction without a source",
                        "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))))))),
                Map.of("required", true, "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/ClaimInput"),
                        "example", Map.of("subject", "CloudStack", "property", "doesNotSupport", "object", "KVM",
                                "source", "https://example.org/cloudstack-notes", "note", "Our tests of CloudStack 4.x failed with KVM"))))));
        List<Map<String, Object>> claimId = List.of(path("id", "Claim id"));
        put(paths, "/api/claims/{id}", "get", op("One claim, with what the knowledge base now answers about its triple", "claims",
                claimId, ok("Claim", "object")));
        put(paths, "/api/claims/{id}", "delete", secured(op("Withdraw a claim (editor or admin token): the answers become what they "
                + "were without it", "claims", claimId, Map.of("204", Map.of("description", "Withdrawn")))));
        List<Map<String, Object>> name = List.of(path("name", "Name of the terms graph"));
        Map<String, Object> rdf = Map.of("required", true, "content", Map.of(
                "text/turtle", Map.of("schema", Map.of("type", "string")),
                "application/ld+json", Map.of("schema", Map.of("type", "object"))));
        put(paths, "/api/terms", "get", op("Ontology-term graphs users added", "terms", List.of(), ok("Terms graphs", "object")));
        put(paths, "/api/terms/{name}", "get", etagged(op("One terms graph as Turtle", "terms", name, ok("Turtle", "string"))));
        put(paths, "/api/terms/{name}", "put", withBody(conditional(secured(op("Add or replace ontology terms (admin); refused whole (422) "
                + "when it would make the knowledge base inconsistent; If-None-Match: * creates only", "terms", name,
                Map.of("201", Map.of("description", "Created"), "200", Map.of("description", "Replaced")))), true), rdf));
        put(paths, "/api/terms/{name}", "delete", conditional(secured(op("Remove a terms graph (admin)", "terms", name,
                Map.of("204", Map.of("description", "Deleted")))), false));
        List<Map<String, Object>> page = List.of(query("limit", "Page size (1-500, default 50)", false, "integer"),
                query("offset", "Items to skip (newest first)", false, "integer"),
                query("since", "Only changes after this change id or time (ISO 8601), oldest first, paged with next", false, "string"));
        put(paths, "/api/changes", "get", op("The change log: every accepted change with its kind (product, terms, sparql-update, "
                + "graph-store, revert, load, sync, reasoner), who, when; the id of a change is the knowledge-base version it produced",
                "changes", page, ok("Changes", "object")));
        Map<String, Object> stream = op("Accepted changes as server-sent events (event: change, id: the change id); resumes after "
                + "Last-Event-ID, or starts after ?since=; ?patch=true adds the RDF Patch", "changes",
                List.of(query("since", "Start after this change id or time", false, "string"),
                        query("patch", "true: include each change's RDF Patch", false, "boolean")),
                Map.of("200", Map.of("description", "An event stream", "content", Map.of("text/event-stream", Map.of("schema",
                        Map.of("type", "string"))))));
        put(paths, "/api/changes/stream", "get", stream);
        put(paths, "/api/changes/{id}", "get", op("One change with its RDF Patch (Accept: application/rdf-patch for the patch alone)",
                "changes", List.of(path("id", "Change number")), ok("Change", "object")));
        put(paths, "/api/changes/{id}/revert", "post", secured(op("Revert a change (admin), as a new validated change with the rights "
                + "of the change it reverts; 409 for one that cannot be reverted", "changes",
                List.of(path("id", "Change number")), ok("Reverted", "object"))));
        put(paths, "/api/imports/nova-matrix", "post", secured(op("Import one release of OpenStack Nova's support-matrix.ini "
                + "(body, text/plain) as one change of kind 'import' into source/nova/{release} (admin); importing the same file "
                + "again changes nothing; a malformed file is a 400 naming its line", "admin",
                List.of(query("release", "OpenStack release name, e.g. train or 2026.1", true, "string"),
                        query("source", "http(s) address the file was read from; recorded, never fetched", true, "string"),
                        query("commit", "git commit id (default: taken from source)", false, "string"),
                        query("date", "YYYY-MM-DD the facts hold for, e.g. the commit date", false, "string")),
                ok("What was imported, and whether anything changed", "object"))));
        put(paths, "/api/admin/backup", "get", secured(op("Consistent N-Quads snapshot of every graph (admin); restore with "
                + "'virtkg load --db EMPTY_DIR FILE'", "admin", List.of(), ok("N-Quads", "string"))));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "virtkg", "version", Version.current(), "description",
                "Open-source hypervisors and cloud platforms as a knowledge graph, with provenance. Every GET carries a weak ETag "
                        + "per knowledge-base version (If-None-Match gives 304). Errors are RFC 9457 problem details; unknown ids "
                        + "come with suggestions."));
        doc.put("paths", paths);
        doc.put("components", components());
        return doc;
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) out.addAll(l);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> paths, String path, String method, Map<String, Object> op) {
        ((Map<String, Object>) paths.computeIfAbsent(path, k -> new LinkedHashMap<>())).put(method, op);
    }

    private static Map<String, Object> op(String summary, String tag, List<Map<String, Object>> params, Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("tags", List.of(tag));
        if (!params.isEmpty()) op.put("parameters", params);
        Map<String, Object> rs = new LinkedHashMap<>(responses);
        Map<String, Object> problem = Map.of("content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        rs.put("304", Map.of("description", "Not modified (If-None-Match matched the ETag)"));
        rs.put("400", withDescription(problem, "Bad parameter (named in the detail)"));
        rs.put("404", withDescription(problem, "Unknown id, with suggestions"));
        rs.put("503", withDescription(problem, "The store is unavailable (a remote store that cannot be reached, or is "
                + "contended by other instances' writes); retry after Retry-After"));
        op.put("responses", rs);
        return op;
    }

    /** The HEAD of a GET: its headers (Content-Type, ETag, Content-Length), no body. */
    private static Map<String, Object> headOf(Map<String, Object> get) {
        Map<String, Object> head = new LinkedHashMap<>(get);
        head.put("summary", "Headers of GET (no body): " + get.get("summary"));
        return head;
    }

    /** A GET whose representation carries a strong ETag of its own (If-None-Match gives 304). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> etagged(Map<String, Object> op) {
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        for (var e : responses.entrySet()) {
            if (!e.getKey().startsWith("2")) continue;
            Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) e.getValue());
            r.put("headers", Map.of("ETag", Map.of("description", "Strong validator of this resource's content",
                    "schema", Map.of("type", "string"))));
            e.setValue(r);
        }
        List<Map<String, Object>> params = new ArrayList<>((List<Map<String, Object>>) op.getOrDefault("parameters", List.of()));
        params.add(header("If-None-Match", "An ETag you have: 304 when it is still current"));
        op.put("parameters", params);
        return op;
    }

    /**
     * A write honouring If-Match (412 when the resource changed since it was read) and, for a
     * create-or-replace, If-None-Match: * (412 when it exists).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> conditional(Map<String, Object> op, boolean creates) {
        List<Map<String, Object>> params = new ArrayList<>((List<Map<String, Object>>) op.getOrDefault("parameters", List.of()));
        params.add(header("If-Match", "The ETag you read: the write applies only if the resource is unchanged"));
        if (creates) params.add(header("If-None-Match", "*: create only; 412 when the resource exists"));
        op.put("parameters", params);
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        responses.put("412", Map.of("description", "A precondition failed: the resource changed since you read it, or exists",
                "content", Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        return op;
    }

    private static Map<String, Object> conflict() {
        return Map.of("description", "The id is taken", "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }

    private static Map<String, Object> header(String name, String description) {
        return Map.of("name", name, "in", "header", "required", false, "description", description, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> withBody(Map<String, Object> op, Map<String, Object> body) {
        op.put("requestBody", body);
        return op;
    }

    private static Map<String, Object> secured(Map<String, Object> op) {
        op.put("security", List.of(Map.of("bearer", List.of())));
        return op;
    }

    private static Map<String, Object> withDescription(Map<String, Object> m, String d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", d);
        out.putAll(m);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(Map<String, Object> op) {
        var ok = (Map<String, Object>) ((Map<String, Object>) op.get("responses")).get("200");
        return (Map<String, Object>) ok.get("content");
    }

    private static Map<String, Object> ok(String description, String schema) {
        Map<String, Object> s = switch (schema) {
            case "object", "string" -> Map.of("type", schema);
            default -> Map.of("$ref", "#/components/schemas/" + schema);
        };
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(schema.equals("string") ? "text/plain" : "application/json", Map.of("schema", s));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("description", description);
        r.put("content", content);
        return Map.of("200", r);
    }

    private static Map<String, Object> sparqlResults() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("application/sparql-results+json", Map.of("schema", Map.of("type", "object")));
        content.put("text/csv", Map.of("schema", Map.of("type", "string")));
        return Map.of("200", new LinkedHashMap<>(Map.of("description", "SPARQL results", "content", content)));
    }

    /** {@code view} on a product: its values as the paper alone, every source, or the newest source gives them. */
    private static Map<String, Object> productView() {
        return query("view", "paper (the paper's facts alone; 404 for products it does not name), current (a support claim a newer "
                + "source contradicts is left out) or all (default: every source, disputed values flagged)", false, "string");
    }

    private static Map<String, Object> query(String name, String description, boolean required, String type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", required);
        p.put("description", description);
        p.put("schema", new LinkedHashMap<>(Map.of("type", type)));
        return p;
    }

    private static Map<String, Object> path(String name, String description) {
        Map<String, Object> p = query(name, description, true, "string");
        p.put("in", "path");
        return p;
    }

    private static Map<String, Object> components() {
        Map<String, Object> value = Map.of("type", "object", "description", "A value of a property: the claim 'subject property value'", "properties", Map.of(
                "id", Map.of("type", "string"), "label", Map.of("type", "string"),
                "basis", Map.of("type", "string", "enum", List.of("stated", "inferred"), "description",
                        "stated when some source states the claim (either direction of an inverse pair), inferred when only reasoning gives it"),
                "disputed", Map.of("type", "boolean", "description", "true when sources disagree about it, or every source stating it is disputed"),
                "sources", Map.of("type", "array", "items", Map.of("type", "string"), "description", "IRIs of the source graphs it rests on")));
        Map<String, Object> ref = Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string"), "label", Map.of("type", "string")));
        Map<String, Object> values = Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Value"));
        Map<String, Object> sources = Map.of("type", "array", "items", Map.of("type", "object"));
        Map<String, Object> licensing = Map.of("type", "object", "description", "Whether the product is open source, by which sources, and its licences",
                "properties", Map.of(
                        "status", Map.of("type", "string", "enum", List.of("open-source", "commercial-service", "unknown", "disputed"),
                                "description", "open-source (vkg:OpenSourceProduct, stated or inferred from an open-source licence), commercial-service "
                                        + "(vkg:CommercialService: a hosted service one rents), unknown (no source says), disputed (sources say both)"),
                        "basis", Map.of("type", List.of("string", "null"), "enum", java.util.Arrays.asList("stated", "inferred", null)),
                        "disputed", Map.of("type", "boolean"),
                        "sources", Map.of("type", "array", "items", Map.of("type", "string"), "description", "IRIs of the source graphs the status rests on"),
                        "licences", Map.of("type", "array", "items", Map.of("type", "object", "description",
                                "A licence: id, label, spdx (its SPDX identifier), basis, disputed, sources"))));
        Map<String, Object> openSource = Map.of("type", List.of("boolean", "null"), "description",
                "true: open source; false: a commercial service; null: no source says (or sources disagree)");
        Map<String, Object> tech = new LinkedHashMap<>();
        tech.put("id", Map.of("type", "string"));
        tech.put("iri", Map.of("type", "string"));
        tech.put("label", Map.of("type", "string"));
        tech.put("kinds", values);
        for (ProductFields.Field f : ProductFields.of(ProductFields.Kind.technology)) tech.put(f.name(), withDescription(values, f.label()));
        tech.put("openSource", openSource);
        tech.put("licensing", licensing);
        tech.put("sources", sources);
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("id", Map.of("type", "string"));
        platform.put("iri", Map.of("type", "string"));
        platform.put("label", Map.of("type", "string"));
        platform.put("kinds", values);
        for (ProductFields.Field f : ProductFields.of(ProductFields.Kind.platform)) platform.put(f.name(), withDescription(values, f.label()));
        platform.put("openSource", openSource);
        platform.put("licensing", licensing);
        platform.put("sources", sources);
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
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Value", value);
        c.put("Ref", ref);
        c.put("Technology", Map.of("type", "object", "properties", tech));
        c.put("Platform", Map.of("type", "object", "properties", platform));
        Map<String, Object> compat = new LinkedHashMap<>();
        Object[] kv = {
                "technology", Map.of("$ref", "#/components/schemas/Ref"), "platform", Map.of("$ref", "#/components/schemas/Ref"),
                "status", Map.of("type", "string", "enum", List.of("supported", "partial", "unsupported", "disputed", "unknown"),
                        "description", "partial: supported with a stated condition; disputed: sources disagree, or the only support is disputed"),
                "basis", Map.of("type", List.of("string", "null"), "enum", java.util.Arrays.asList("stated", "inferred", null)),
                "disputed", Map.of("type", "boolean"),
                "disputes", Map.of("type", "array", "items", Map.of("type", "object"), "description", "dispute notes and contradictions, each with its own sources"),
                "conditions", Map.of("type", "array", "items", Map.of("type", "object")),
                "explanation", Map.of("type", List.of("object", "null")), "sources", sources,
                "view", Map.of("type", "string", "enum", List.of("all", "paper", "current")),
                "lifecycle", Map.of("type", "object", "description", "technology and platform: where each stands today (status, address, asOf, …) or null; absent under view=paper"),
                "current", Map.of("type", List.of("object", "null"), "description", "what the platform's newest imported support matrix says (status, release, asOf, address, drivers or lastReleaseWithDriver); absent under view=paper")};
        for (int i = 0; i < kv.length; i += 2) compat.put((String) kv[i], kv[i + 1]);
        c.put("Compatibility", Map.of("type", "object", "properties", compat));
        c.put("Page", Map.of("type", "object", "properties", Map.of("total", Map.of("type", "integer"), "limit", Map.of("type", "integer"),
                "offset", Map.of("type", "integer"), "next", Map.of("type", List.of("string", "null")), "items", Map.of("type", "array"))));
        // Not requirements: they narrow the candidates, as ?platform= and ?technology= do (one or the other).
        for (String filter : List.of("platform", "technology"))
            reqs.put(filter, Map.of("oneOf", List.of(Map.of("type", "string"), Map.of("type", "array", "items", Map.of("type", "string"))),
                    "description", "Only these " + filter + "s (ids or classes), as ?" + filter + "= does; not both"));
        c.put("Requirements", Map.of("type", "object", "additionalProperties", false, "properties", reqs));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("kind", Map.of("type", "string", "description", "A product class id: Hypervisor, ContainerTechnology, ContainerHypervisor, CloudPlatform..."));
        input.put("id", Map.of("type", "string", "pattern", "^[A-Za-z][A-Za-z0-9_-]{0,63}$"));
        input.put("label", Map.of("type", "string"));
        input.put("comment", Map.of("type", "string"));
        input.put("source", Map.of("type", "string", "format", "uri", "description", "Where the facts come from (recorded, never fetched)"));
        for (ProductFields.Field f : ProductFields.WRITABLE.values())
            input.put(f.name(), Map.of("description", f.label() + " (" + f.kind() + "): ids", "oneOf",
                    List.of(Map.of("type", "string"), Map.of("type", "array", "items", Map.of("type", "string")))));
        input.put("claims", Map.of("type", "array", "maxItems", ProductRoutes.MAX_CLAIMS, "description",
                "Claims the product's source makes, as POST /api/claims takes them (subject defaults to the product): a 'claim' is stated "
                        + "by the product's source; a 'dispute' or 'condition' is a note on a claim, with a source of its own",
                "items", Map.of("$ref", "#/components/schemas/ClaimInput")));
        c.put("ClaimInput", Map.of("type", "object", "additionalProperties", false, "required", List.of("property", "object"),
                "properties", Map.of("kind", Map.of("type", "string", "enum", List.of("claim", "dispute", "condition")),
                        "subject", Map.of("type", "string"), "property", Map.of("type", "string"), "object", Map.of("type", "string"),
                        "source", Map.of("type", "string", "format", "uri"), "note", Map.of("type", "string"))));
        c.put("ProductInput", Map.of("type", "object", "additionalProperties", false, "required", List.of("kind", "id", "label"),
                "properties", input));
        c.put("Problem", Map.of("type", "object", "properties", Map.of("type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"), "instance", Map.of("type", "string"),
                "suggestions", Map.of("type", "array", "items", Map.of("type", "string")))));
        return Map.of("schemas", c, "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")));
    }
}
