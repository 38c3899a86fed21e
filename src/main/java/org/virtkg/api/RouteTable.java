package org.virtkg.api;

import static org.virtkg.api.Route.Param.header;
import static org.virtkg.api.Route.Param.path;
import static org.virtkg.api.Route.Param.query;
import static org.virtkg.api.Schemas.ref;
import static org.virtkg.api.Schemas.type;

import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.virtkg.knowledge.Catalog;
import org.virtkg.security.Role;

/**
 * Every HTTP operation of the service, in one table: the server registers each Javalin route from
 * it (a loop in {@code VirtkgServer}) and {@link OpenApi} describes each one from it, so a route
 * cannot exist without its description. Roles describe what the handlers check themselves
 * ({@link Auth#require}); the table does not enforce them.
 */
public final class RouteTable {
    private RouteTable() {}

    /** The handlers the table routes to (built by the server's wiring). */
    public record Handlers(HealthRoutes health, ExplainRoutes explain, CatalogRoutes catalog, FeatureMatrixRoutes featureMatrix,
                           PaperAndPresent paperAndPresent, CompatibilityRoutes compatibility, SelectionRoutes selection,
                           CompareRoutes compare, FieldRoutes fields, QueryRoutes queries, ResourceRoutes resources,
                           OntologyRoutes ontology, OpenApi openApi, SparqlEditor editor, ProductRoutes products, ClaimRoutes claims, TermRoutes terms,
                           AdminRoutes admin, ImportRoutes imports, ChangeRoutes changes, ChangeFeed feed, GraphStoreWrites graphStore,
                           Handler metrics, VocabularyRoutes vocabulary) {}

    private static final String ID = "Id, case-insensitive (the local name of https://w3id.org/virtkg/id/{id}), e.g. KVM, OpenStack";
    private static final Route.Param INCLUDE_SERVICES = query("include", "string", false, "services: bring back the platforms that are "
            + "commercial services (hosted services one rents, e.g. Amazon EC2), left out by default").oneOf("services");
    private static final List<Route.Param> PAGING = List.of(
            query("limit", "integer", false, "Page size, 1-" + Http.MAX_LIMIT + " (default " + Http.DEFAULT_LIMIT + ")"),
            query("offset", "integer", false, "Items to skip (default 0)"));
    /** {@code view} on a product: its values as the paper alone, every source, or the newest source gives them. */
    private static final Route.Param PRODUCT_VIEW = query("view", "string", false, "paper (the paper's facts alone; 404 for products "
            + "it does not name), current (a support claim a newer source contradicts is left out) or all (default: every source, "
            + "disputed values flagged)").oneOf("paper", "current", "all");
    private static final List<String> SPARQL_RESULTS = List.of("application/sparql-results+json", "text/csv");

    public static List<Route> of(Handlers h) {
        List<Route> t = new ArrayList<>();
        // ---- service ----
        t.add(Route.get("/api/health", h.health()::health).summary("Service status, version, store and triple counts; 503 with "
                + "status store-unavailable when a remote store cannot be reached, or degraded (with a reason) when the knowledge "
                + "base holds no ontology").ok("Status", ref("Health")));
        t.add(Route.get("/api/explain", h.explain()::explain).tag("reasoning")
                .summary("Why the KB holds a triple: derivation tree down to asserted facts and their sources")
                .params(query("s", "string", true, "Subject: id, prefixed name or IRI"),
                        query("p", "string", true, "Predicate, e.g. vkg:supports"), query("o", "string", true, "Object"))
                .ok("Explanation tree", ref("Explanation")));

        // ---- catalogue ----
        t.add(Route.get("/api/technologies", h.catalog()::listTechnologies).tag("catalogue")
                .summary("Virtualization technologies (hypervisors, container technologies...)").params(PAGING)
                .okPage("A page of technologies", Catalog.Summary.class));
        t.add(Route.get("/api/technologies/{id}", h.catalog()::technology).tag("catalogue")
                .summary("One technology with kinds, VMM type, virtualization, host/guest OS, platforms, based-on, features and "
                        + "sources; every value flagged inferred or not")
                .params(path("id", ID), PRODUCT_VIEW).ok("The technology", ref("Technology")));
        t.add(Route.get("/api/technologies/{id}/platforms", h.catalog()::technologyPlatforms).tag("catalogue")
                .summary("Platforms that support the technology, each with whether that is inferred and its explanation; "
                        + "commercial services only with include=services (excluded.services names them)")
                .params(path("id", ID), INCLUDE_SERVICES).params(PAGING).okPage("A page of platforms", CatalogRoutes.SupportingPlatform.class));
        t.add(Route.get("/api/platforms", h.catalog()::listPlatforms).tag("catalogue")
                .summary("Cloud platforms, each with whether it is open source and its licences (with sources), optionally only "
                        + "those supporting a technology or a class of them; commercial services (the survey's public-cloud examples, "
                        + "e.g. Amazon EC2) only with include=services (excluded.services names them)")
                .params(query("supports", "string", false, "Technology id (LXC) or technology class (ContainerTechnology)"),
                        INCLUDE_SERVICES).params(PAGING).okPage("A page of platforms", CatalogRoutes.PlatformSummary.class));
        t.add(Route.get("/api/platforms/{id}", h.catalog()::platform).tag("catalogue")
                .summary("One platform with deployment and service models, hypervisors, OS, languages, characteristics, "
                        + "components, interfaces, organisations and sources")
                .params(path("id", ID), PRODUCT_VIEW).ok("The platform", ref("Platform")));
        t.add(Route.get("/api/platforms/{id}/features", h.featureMatrix()::features).tag("catalogue")
                .summary("The platform's feature x driver matrix from its imported support matrices (OpenStack: Nova's): per cell "
                        + "the newest answer (supported, partial, unsupported, unknown), since / until which release it holds, its "
                        + "history, caveat and source (address, commit, release, date)")
                .params(path("id", ID), query("driver", "string", false, "Nova driver name, e.g. libvirt-lxc"),
                        query("feature", "string", false, "Nova feature name, e.g. operation.live-migrate"),
                        query("release", "string", false, "The matrix as this imported release saw it"))
                .ok("Releases, drivers, features and cells", ref("FeatureMatrix")));
        t.add(Route.get("/api/lifecycles/{id}", h.paperAndPresent()::lifecycle).tag("catalogue")
                .summary("The product in the paper and today, side by side: the paper's facts, the dated outside facts (lifecycle "
                        + "status, successor, fork, kernel versions) with their sources, and the properties on which they disagree (disputed)")
                .params(path("id", ID), query("view", "string", false,
                        "paper (only the paper's facts), current (only current sources) or all (both, with disputes)").oneOf("paper", "current", "all"))
                .ok("Paper, current and disputed facts", ref("PaperAndPresent")));
        t.add(Route.get("/api/fields", h.fields()::fields).tag("catalogue")
                .summary("The product field table: each field's JSON name, predicate (and inverse), the products it describes "
                        + "(technology, platform or both), cardinality, value type, whether POST/PUT /api/products takes it, a label, "
                        + "the property's description and an example; the same table the product representations, the product writes "
                        + "and these schemas are built from").ok("The fields", ref("Fields")));

        // ---- the vocabulary (the web UI's search index, ontology browser and wizard options) ----
        t.add(Route.get("/api/vocabulary", h.vocabulary()::vocabulary).tag("vocabulary")
                .summary("Every labelled class, property, SKOS concept and named individual of the vocabulary and the data "
                        + "(IRIs under https://w3id.org/virtkg/), with its label and kind, sorted by label")
                .ok("The terms", items(Schemas.of(VocabularyRoutes.Term.class, Map.of(), new java.util.LinkedHashMap<>()))));
        t.add(Route.get("/api/classes", h.vocabulary()::classes).tag("vocabulary")
                .summary("The vkg: classes: label, comment, direct named superclasses (the closure reduced) and the number of "
                        + "instances, inferred membership included")
                .ok("The classes", items(Schemas.of(VocabularyRoutes.ClassNode.class, Map.of(), new java.util.LinkedHashMap<>()))));
        t.add(Route.get("/api/classes/{id}/instances", h.vocabulary()::instances).tag("vocabulary")
                .summary("The resources that are instances of a vkg: class (inferred membership included), sorted by label; 404 "
                        + "naming the nearest classes for an unknown one")
                .params(path("id", "Class name, case-insensitive (the local name of https://w3id.org/virtkg/ontology#{id}), e.g. Hypervisor"))
                .params(PAGING).okPage("A page of instances (id, label) and the class", Catalog.Ref.class));
        t.add(Route.get("/api/values", h.vocabulary()::values).tag("vocabulary")
                .summary("The resources each vkg: property takes as values: the instances of its declared ranges and every value "
                        + "some resource has for it, sorted by label; 400 naming the nearest properties for an unknown one")
                .params(query("property", "string", true, "Comma-separated vkg: property names, e.g. hostOS,guestOS"))
                .ok("Property name -> values (id, label)", Map.of("type", "object", "properties", Map.of("values", Map.of(
                        "type", "object", "additionalProperties", Map.of("type", "array", "items", Map.of("type", "object",
                                "properties", Map.of("id", type("string"), "label", type("string")))))))));

        t.add(Route.get("/api/selection/requirements", h.vocabulary()::requirements).tag("selection")
                .summary("The requirements POST /api/selection takes: name, heading, the side of a pair it speaks of, its "
                        + "property and the values that property takes (the wizard's options), and the named weights")
                .ok("Requirements with their options", Map.of("type", "object", "properties", Map.of(
                        "items", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                                "name", type("string"), "label", type("string"), "side", type("string"),
                                // null for a requirement that is no one property's values (containerBased: a class)
                                "property", Map.of("type", List.of("string", "null")), "values", Map.of("type", List.of("array", "null"),
                                        "items", Map.of("type", "object", "properties", Map.of("id", type("string"), "label", type("string"))))))),
                        "weights", Map.of("type", "object", "additionalProperties", type("number")),
                        "defaultWeight", type("string")))));

        // ---- compatibility and selection ----
        t.add(Route.get("/api/compatibility", h.compatibility()::compatibility).tag("compatibility")
                .summary("Is the technology supported by the platform? supported (entailed), unsupported (explicit "
                        + "vkg:doesNotSupport) or unknown (open world)")
                .params(query("technology", "string", true, "Technology id"), query("platform", "string", true, "Platform id"),
                        query("view", "string", false, "paper (the paper alone, as answered before current sources were added; 404 "
                                + "for products it does not name), all (default: every source's claims, disputed where they disagree, "
                                + "with each product's lifecycle today) or current (the same, but the newest dated source wins a "
                                + "disagreement; decidedBy says which)").oneOf("paper", "current", "all"))
                .ok("Status (supported, partial, unsupported, disputed, unknown), basis, explanation, sources, disputes with their "
                        + "sources, and (current, all) lifecycles", ref("Compatibility")));
        t.add(Route.get("/api/compatibility/matrix", h.compatibility()::matrix).tag("compatibility")
                .summary("Every technology x platform with status and basis (stated or inferred); platforms that are commercial "
                        + "services only with include=services (excluded.services names them)")
                .params(query("view", "string", false, "paper (the paper alone), current or all (default; adds lifecycles: "
                        + "product id -> status today)").oneOf("paper", "current", "all"), INCLUDE_SERVICES)
                .respond("200", "The matrix (JSON, or CSV rows technology,platform,status,basis)", ref("CompatibilityMatrix"), "application/json")
                .respond("200", "", Map.of("type", "string", "description", "technology,platform,status,basis rows"), "text/csv"));
        t.add(Route.post("/api/selection", h.selection()::select).tag("selection")
                .summary("Select and rank compatible (platform, technology) pairs against weighted requirements; pairs not "
                        + "satisfying every must are left out unless include brings them back; with a sensitivity note")
                .params(query("include", "string", false, "violated, unknown, services (comma-separated): bring back pairs whose "
                                + "must requirements are violated or unknown, and pairs on commercial services (e.g. Amazon EC2), left "
                                + "out by default").listOf("violated", "unknown", "services"),
                        query("platform", "string", false, "Only these platforms: ids or a platform class, comma-separated"),
                        query("technology", "string", false, "Only these technologies: ids or a technology class, comma-separated"),
                        query("view", "string", false, "paper (only pairs the paper supports, judged on the paper's facts), current "
                                + "(the newest dated source wins a disagreement on a pair) or all (default: every source, disputed "
                                + "pairs flagged); excluded.view counts the pairs the view leaves out").oneOf("paper", "current", "all"))
                .params(PAGING)
                .body(Route.Body.json("Requirements", OpenApi.requirementsSchema(),
                        Map.of("guestOS", "Windows", "deploymentModel", "Hybrid", "serviceModel", "IaaS")))
                .ok("Ranked pairs with per-requirement status (satisfied, violated, unknown), reasons and sources", ref("Selection")));
        t.add(Route.get("/api/compare", h.compare()::compare).tag("selection")
                .summary("Two to four technologies, or two to four platforms, side by side: every property with each value's basis "
                        + "(stated or inferred), disputed flag and sources, the paper's sentences that compare them, and where each "
                        + "stands today (lifecycle; cautions for a discontinued or superseded one)")
                .params(query("ids", "string", true, "Comma-separated ids of the same kind, e.g. KVM,Xen"))
                .ok("Items, properties side by side, narrative comparisons", ref("Comparison")));

        // ---- named queries (OpenApi also describes each library query at its own path) ----
        t.add(Route.get("/api/queries", h.queries()::list).tag("queries")
                .summary("The named-query library: name, summary, description, parameters").ok("The queries", ref("Queries")));
        t.add(Route.get("/api/queries/{name}", h.queries()::run).tag("queries")
                .summary("Run a named query; its parameters (see /api/queries) are query parameters, bound as RDF terms")
                .params(path("name", "Query name, e.g. platforms-for-technology"))
                .okText("SPARQL results", SPARQL_RESULTS));

        // ---- linked data ----
        t.add(Route.get("/id/{name}", h.resources()::resource).tag("linked data")
                .summary("Any resource as Turtle, JSON-LD, N-Triples or HTML (content negotiation); inferred facts included and "
                        + "marked in HTML")
                .params(path("name", ID), query("view", "string", false, "paper (the paper's facts alone; no other source's "
                        + "matched features), current (a support claim a newer source contradicts is left out) or all (default), for the "
                        + "page and the RDF descriptions alike").oneOf("paper", "current", "all"))
                .okText("The resource", ResourceRoutes.FORMATS));
        // Where https://w3id.org/virtkg/ontology redirects (docs/ontology.md); /cite before the version path.
        Route ontology = Route.get("/ontology", h.ontology()::ontology).tag("linked data")
                .summary("The ontology (shipped terms and those added through /api/terms) as Turtle, RDF/XML, JSON-LD, N-Triples, "
                        + "or HTML documentation of every term with a diagram (content negotiation; 406 otherwise); weak ETag of the "
                        + "knowledge-base version, 304; HEAD")
                .okText("The ontology", OntologyRoutes.FORMATS);
        Route cite = Route.get("/ontology/cite", h.ontology()::cite).tag("linked data")
                .summary("How to cite (text and BibTeX), declare the prefix, import (owl:imports of the version IRI) and reuse the "
                        + "ontology under its licence; generated from its metadata")
                .okText("HTML, or BibTeX with Accept: application/x-bibtex", OntologyRoutes.CITE_FORMATS);
        Route version = Route.get("/ontology/{version}", h.ontology()::version).tag("linked data")
                .summary("The ontology at its version IRI (https://w3id.org/virtkg/ontology/{version}), as /ontology, while that is "
                        + "the current version; 404 naming the current version otherwise")
                .params(path("version", "The version, e.g. 0.2.0")).okText("The ontology", OntologyRoutes.FORMATS);
        // Javalin answers a HEAD without running the GET handler (no Content-Type, no ETag); these run it, Jetty drops the body.
        t.addAll(List.of(ontology, cite, version, ontology.headOf(), cite.headOf(), version.headOf()));

        t.add(Route.get("/openapi.json", h.openApi()::document).summary("This document").ok("OpenAPI 3.1", type("object")));
        t.add(Route.get("/docs", h.openApi()::docs).summary("Interactive API documentation (Swagger UI)").okText("HTML", List.of("text/html")));
        t.add(Route.get("/metrics", h.metrics()).summary("Prometheus metrics").okText("Prometheus text format", List.of("text/plain")));

        // ---- Fuseki's SPARQL endpoints (the same port, in front of Javalin): described, not registered ----
        Route.Param sparqlQuery = query("query", "string", true, "SPARQL query");
        Route.Param defaultGraph = query("default-graph-uri", "string", false, "A graph to query as the default graph; repeatable");
        Route.Param namedGraph = query("named-graph-uri", "string", false, "A graph to query as a named graph; repeatable");
        // Fuseki's own parameters, which SPARQL clients send (SPARQLWrapper sends format, output and
        // results with every query): refusing them would break those clients, so they are the
        // contract too. Anything else is refused by FusekiGate, as the REST routes refuse it.
        List<Route.Param> fusekiOptions = List.of(
                query("format", "string", false, "The results format by name (json, xml, csv, tsv…), instead of the Accept header"),
                query("output", "string", false, "As format"),
                query("results", "string", false, "As format"),
                query("accept", "string", false, "A media type to answer in, instead of the Accept header"),
                query("force-accept", "string", false, "A media type to answer in, whatever the query's form"),
                query("callback", "string", false, "JSONP: wrap JSON results in a call of this function"),
                query("stylesheet", "string", false, "An XSLT stylesheet address that XML results name (not fetched by the server)"),
                query("timeout", "number", false, "Seconds the query may run, at most the server's own limit"));
        List<Route.Param> sparqlGet = new java.util.ArrayList<>(List.of(
                query("query", "string", false, "SPARQL query (required, except for the editor page)"), defaultGraph, namedGraph));
        sparqlGet.addAll(fusekiOptions);
        List<Route.Param> sparqlPost = new java.util.ArrayList<>(List.of(
                query("query", "string", false, "SPARQL query, when it is neither the body nor a form field"), defaultGraph, namedGraph));
        sparqlPost.addAll(fusekiOptions);
        List<Route.Param> assertedGet = new java.util.ArrayList<>(List.of(sparqlQuery, defaultGraph, namedGraph));
        assertedGet.addAll(fusekiOptions);
        // One path, two servers: FusekiGate passes only a browser's visit without a query (HTML
        // preferred) to Javalin, which answers it with the SPARQL editor; every protocol request
        // goes to Fuseki.
        List<String> resultsOrEditor = new java.util.ArrayList<>(SPARQL_RESULTS);
        resultsOrEditor.add("text/html");
        t.add(Route.get("/sparql", h.editor()::page).tag("sparql")
                .summary("SPARQL 1.1 query over the union of all graphs, inferences included; a browser visit "
                        + "without a query (text/html preferred) gets the SPARQL editor instead")
                .params(sparqlGet)
                .okText("SPARQL results, or the editor page (text/html)", resultsOrEditor));
        t.add(Route.fuseki(Route.Method.POST, "/sparql").tag("sparql")
                .summary("SPARQL 1.1 query (form or application/sparql-query body)")
                .params(sparqlPost)
                .body(Route.Body.media("application/sparql-query", "application/x-www-form-urlencoded"))
                .okText("SPARQL results", SPARQL_RESULTS));
        t.add(Route.fuseki(Route.Method.GET, "/asserted/sparql").tag("sparql")
                .summary("SPARQL 1.1 query without the inferred graph").params(assertedGet).okText("SPARQL results", SPARQL_RESULTS));
        t.add(Route.fuseki(Route.Method.POST, "/update").tag("sparql").role(Role.ADMIN)
                .summary("SPARQL 1.1 Update (admin token); must name graphs (GRAPH <g> or WITH <g>)")
                .params(query("using-graph-uri", "string", false, "A graph the WHERE reads as its default graph (as USING); repeatable"),
                        query("using-named-graph-uri", "string", false, "A graph the WHERE reads as a named graph (as USING NAMED); repeatable"))
                .body(Route.Body.media("application/sparql-update", "application/x-www-form-urlencoded"))
                .respond("204", "Applied"));

        // ---- Graph Store Protocol: reads by Fuseki, writes by Javalin (one-graph resources have strong ETags) ----
        Route.Param defaultWrite = query("default", "boolean", false,
                "The default graph: the read-only union of the named graphs; writing it is refused (400)");
        List<Route.Param> graph = List.of(query("graph", "string", true, "Graph IRI"), defaultWrite);
        Route.Body rdf = Route.Body.media("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
                "application/trig", "application/n-quads", "multipart/form-data");
        t.add(Route.fuseki(Route.Method.GET, "/data").tag("graph store").etag()
                .summary("Graph Store Protocol read (also HEAD); a named graph carries its strong ETag")
                .params(query("graph", "string", false, "Graph IRI (absent with ?default: the whole dataset, as quads)"),
                        query("default", "boolean", false, "The default graph: the union of the named graphs, as queries see it"))
                .okText("RDF", List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
                        "application/trig", "application/n-quads")));
        t.add(Route.put("/data", h.graphStore()::put).tag("graph store").role(Role.ADMIN).conditional(true)
                .summary("Replace a graph (admin token); If-None-Match: * creates only").params(graph).body(rdf)
                .respond("201", "Created").respond("204", "Replaced"));
        t.add(Route.post("/data", h.graphStore()::post).tag("graph store").role(Role.ADMIN).conditional(true)
                .summary("Add to a graph (admin token); multipart/form-data parts are merged; without ?graph, creates a new graph "
                        + "(201, its IRI in Location)")
                .params(query("graph", "string", false, "Graph IRI (absent: create a new graph)"), defaultWrite).body(rdf)
                .respond("201", "Created").respond("204", "Added"));
        t.add(Route.delete("/data", h.graphStore()::delete).tag("graph store").role(Role.ADMIN).conditional(false)
                .summary("Delete a graph (admin token)").params(graph).respond("204", "Deleted"));

        // ---- writes: products (editor) ----
        Route.Param productId = path("id", "Product id (case-insensitive)");
        Route.Body product = Route.Body.json(ProductRoutes.Body.class, Map.of("kind", "Hypervisor", "id", "Firecracker", "label",
                "Firecracker", "basedOn", List.of("KVM"), "hostOS", List.of("Linux"), "platforms", List.of("OpenNebula")));
        t.add(Route.post("/api/products", h.products()::create).tag("products").role(Role.EDITOR).body(product)
                .summary("Add a product (editor or admin token): 201 with Location and ETag; 409 when the id is taken (also when "
                        + "another create of it won the race); 422 with the SHACL or inconsistency report")
                .respond("201", "Created", ref("ProductSaved"), "application/json")
                .respond("409", "The id is taken", ref("Problem"), Problem.MEDIA_TYPE));
        t.add(Route.get("/api/products/{id}", h.products()::get).tag("products").etag()
                .summary("A product added through the API, in the shape it was submitted (a shipped product is not one: 404 naming "
                        + "/api/technologies/{id} or /api/platforms/{id} and /id/{id}, where it is read)").params(productId)
                .ok("Product", ref("ProductSubmitted")));
        t.add(Route.put("/api/products/{id}", h.products()::replace).tag("products").role(Role.EDITOR).conditional(true).body(product)
                .summary("Replace a user-added product (shipped paper data is read-only: 403); send the ETag you read as If-Match. "
                        + "With If-None-Match: * it creates the product at this id instead (201), or answers 412 if the id is taken")
                .params(productId).ok("Replaced", ref("ProductSaved"))
                .respond("201", "Created (If-None-Match: *)", ref("ProductSaved"), "application/json"));
        t.add(Route.delete("/api/products/{id}", h.products()::delete).tag("products").role(Role.EDITOR).conditional(false)
                .summary("Delete a user-added product and, with it, its inferences").params(productId).respond("204", "Deleted"));

        // ---- claims: an editor's sourced statement, dispute or condition, kept next to the paper's ----
        Route.Param claimId = path("id", "Claim id");
        t.add(Route.get("/api/claims", h.claims()::list).tag("claims")
                .summary("Claims editors added (oldest first), each with what the knowledge base now answers about its triple")
                .params(PAGING).okPage("A page of claims", ClaimRoutes.Claim.class));
        t.add(Route.post("/api/claims", h.claims()::create).tag("claims").role(Role.EDITOR)
                .summary("Add a claim (editor or admin token): kind 'claim' (default) states subject property object; 'dispute' or "
                        + "'condition' attaches a note to that claim. A claim contradicting sourced statements is recorded as a "
                        + "disagreement (both sides then answer 'disputed') when it has a 'source', and refused (422, kind "
                        + "'contradiction', naming what it contradicts) when it has none. 201 with Location")
                .body(Route.Body.json(ClaimRequests.Body.class, Map.of("subject", "CloudStack", "property", "doesNotSupport",
                        "object", "KVM", "source", "https://example.org/cloudstack-notes", "note", "Our tests of CloudStack 4.x failed with KVM")))
                .respond("201", "Created: the claim, with what the knowledge base now answers about its triple", ref("Claim"), "application/json")
                .respond("422", "Unknown ids, or a contradiction without a source", ref("Problem"), Problem.MEDIA_TYPE));
        t.add(Route.get("/api/claims/{id}", h.claims()::get).tag("claims")
                .summary("One claim, with what the knowledge base now answers about its triple").params(claimId).ok("Claim", ref("Claim")));
        t.add(Route.delete("/api/claims/{id}", h.claims()::delete).tag("claims").role(Role.EDITOR)
                .summary("Withdraw a claim (editor or admin token): the answers become what they were without it")
                .params(claimId).respond("204", "Withdrawn"));

        // ---- ontology terms (admin) ----
        Route.Param termsName = path("name", "Name of the terms graph");
        t.add(Route.get("/api/terms", h.terms()::list).tag("terms").summary("Ontology-term graphs users added")
                .ok("Terms graphs", ref("TermsGraphs")));
        t.add(Route.get("/api/terms/{name}", h.terms()::get).tag("terms").etag().summary("One terms graph as Turtle")
                .params(termsName).okText("Turtle", List.of("text/turtle")));
        t.add(Route.put("/api/terms/{name}", h.terms()::put).tag("terms").role(Role.ADMIN).conditional(true)
                .summary("Add or replace ontology terms (admin); refused whole (422) when it would make the knowledge base "
                        + "inconsistent; If-None-Match: * creates only")
                .params(termsName).body(Route.Body.media("text/turtle", "application/ld+json"))
                .respond("201", "Created", ref("TermsWritten"), "application/json")
                .respond("200", "Replaced", ref("TermsWritten"), "application/json"));
        t.add(Route.delete("/api/terms/{name}", h.terms()::delete).tag("terms").role(Role.ADMIN).conditional(false)
                .summary("Remove a terms graph (admin)").params(termsName).respond("204", "Deleted"));

        // ---- admin ----
        t.add(Route.get("/api/admin/backup", h.admin()::backup).tag("admin").role(Role.ADMIN)
                .summary("Consistent N-Quads snapshot of every graph (admin); restore with 'virtkg load --db EMPTY_DIR FILE'")
                .okText("N-Quads", List.of("application/n-quads")));
        t.add(Route.post("/api/imports/nova-matrix", h.imports()::novaMatrix).tag("admin").role(Role.ADMIN)
                .summary("Import one release of OpenStack Nova's support-matrix.ini (body, text/plain) as one change of kind "
                        + "'import' into source/nova/{release} (admin); importing the same file again changes nothing; a malformed "
                        + "file is a 400 naming its line")
                .params(query("release", "string", true, "OpenStack release name, e.g. train or 2026.1"),
                        query("source", "string", true, "http(s) address the file was read from; recorded, never fetched"),
                        query("commit", "string", false, "git commit id (default: taken from source)"),
                        query("date", "string", false, "YYYY-MM-DD the facts hold for, e.g. the commit date; not after today (UTC), "
                                + "as a claim's asOf (400)"))
                .body(Route.Body.media("text/plain"))
                .ok("What was imported, and whether anything changed", ref("NovaMatrixImported")));

        // ---- the change log ----
        t.add(Route.get("/api/changes", h.changes()::list).tag("changes")
                .summary("The change log: every accepted change with its kind (product, terms, sparql-update, graph-store, revert, "
                        + "load, sync, reasoner), who, when; the id of a change is the knowledge-base version it produced")
                .params(query("limit", "integer", false, "Page size (1-500, default 50)"),
                        query("offset", "integer", false, "Items to skip (newest first)"),
                        query("since", "string", false, "Only changes after this change id or time (ISO 8601), oldest first, paged with next"))
                .ok("A page of changes, newest first (with since: the changes after it, oldest first)",
                        Map.of("oneOf", List.of(ref("ChangesPage"), ref("ChangesSince")))));
        // Before /api/changes/{id}: Javalin matches in registration order.
        t.add(Route.get("/api/changes/stream", h.feed()::stream).tag("changes")
                .summary("Accepted changes as server-sent events (event: change, id: the change id); resumes after Last-Event-ID, "
                        + "or starts after ?since=; ?patch=true adds the RDF Patch")
                .params(query("since", "string", false, "Start after this change id or time"),
                        query("patch", "boolean", false, "true: include each change's RDF Patch"),
                        header("Last-Event-ID", "Resume after this change id"))
                .okText("An event stream", List.of("text/event-stream")));
        t.add(Route.get("/api/changes/{id}", h.changes()::get).tag("changes")
                .summary("One change with its RDF Patch (Accept: application/rdf-patch for the patch alone)")
                .params(path("id", "Change number")).ok("Change", ref("ChangeWithPatch")));
        t.add(Route.post("/api/changes/{id}/revert", h.changes()::revert).tag("changes").role(Role.ADMIN)
                .summary("Revert a change (admin), as a new validated change with the rights of the change it reverts; 403 for one "
                        + "that wrote the shipped graphs (the sync of ontology/ and data/, a restored backup), which are read-only; 409 for one "
                        + "that cannot be reverted")
                .params(path("id", "Change number")).ok("Reverted", ref("Reverted")));
        return List.copyOf(t);
    }

    /** A list answer: {@code {"items": [item…]}}. */
    private static Map<String, Object> items(Map<String, Object> item) {
        return Map.of("type", "object", "properties", Map.of("items", Map.of("type", "array", "items", item)));
    }

    /**
     * The methods the table serves at a concrete path (templates' {@code {param}} segments match any
     * one segment), in the table's order, with HEAD wherever GET is (Javalin answers it): what a 405
     * lists in {@code Allow} when the path exists but not for the method asked; empty when no route
     * has the path. The templates are compiled here, once, not at every request that asks.
     */
    public static java.util.function.Function<String, List<String>> methodsAt(List<Route> routes) {
        record Template(java.util.regex.Pattern path, Route.Method method) {}
        List<Template> templates = new ArrayList<>();
        for (Route r : routes) {
            StringBuilder regex = new StringBuilder();
            for (String part : r.path().split("(?=\\{)|(?<=})"))
                regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : java.util.regex.Pattern.quote(part));
            templates.add(new Template(java.util.regex.Pattern.compile(regex.toString()), r.method()));
        }
        return path -> {
            java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
            for (Template t : templates)
                if (t.path().matcher(path).matches()) {
                    out.add(t.method().name());
                    if (t.method() == Route.Method.GET) out.add("HEAD");
                }
            return List.copyOf(out);
        };
    }
}
