package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.ProductFields;
import org.virtkg.security.Role;
import org.virtkg.store.Graphs;

/**
 * Products users add: {@code POST /api/products}, {@code GET/PUT/DELETE /api/products/{id}}.
 *
 * <p>A product lives in its own graph {@code graph/user/{id}}, so replacing or deleting it is
 * replacing or dropping that graph; shipped paper data is never touched. The body is JSON (never
 * read as JSON-LD) in the shape of the GET representations: {@code kind}, {@code id},
 * {@code label}, optional {@code comment} and {@code source} (a URL, recorded, never fetched), and
 * reference fields ({@link ProductFields}) whose values are ids of existing resources. The write
 * goes through {@link KnowledgeBase#write}: SHACL shapes and the consistency check decide.
 */
public final class ProductRoutes {
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** At most this many entries in a product's {@code claims}. */
    static final int MAX_CLAIMS = 50;
    private static final Node RDF_TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node SUBCLASS = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#subClassOf");
    private static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    private static final Node COMMENT = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment");
    private static final Node PRODUCT = NodeFactory.createURI(Graphs.VOCAB + "Product");
    private static final Node ATTRIBUTED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    private static final Node GENERATED = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Node DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private final KnowledgeBase kb;
    private final Knowledge knowledge;
    private final Auth auth;
    private final BodyLimit limit;
    private final ClaimRequests claimRequests;

    public ProductRoutes(KnowledgeBase kb, Knowledge knowledge, Auth auth, BodyLimit limit) {
        this.claimRequests = new ClaimRequests();
        this.kb = kb;
        this.knowledge = knowledge;
        this.auth = auth;
        this.limit = limit;
    }

    public void create(Context ctx) {
        Role role = auth.require(ctx, Role.EDITOR);
        Body body = readJson(ctx);
        String id = required(body.id(), "id");
        create(ctx, role, body, id, clash -> taken(id, clash));
    }

    /**
     * Creates the product {@code id}. {@code refusal} is the answer when the id is taken: the same
     * whether the fast check in the read finds it or the check inside the write does.
     */
    private void create(Context ctx, Role role, Body body, String id, java.util.function.Function<Node, ProblemException> refusal) {
        checkId(id);
        Node product = NodeFactory.createURI(Graphs.ID + id);
        // A fast answer for the common case, in the read that resolves the body (one read before the
        // write: under load each read may wait for a commit in flight); the check that decides is the
        // one inside the write.
        Graph triples = toRdf(body, product, role, catalog -> existingId(catalog, id).ifPresent(clash -> {
            throw refusal.apply(clash);
        }));
        String etag = write(role, "add product " + id, product, triples, Conditional.none(), (dsg, graph) -> {
            // Inside the write transaction (and, with a shared store, inside its conditional
            // update): of N concurrent creates of one id exactly one finds the id free.
            if (takenInside(dsg, product, graph)) throw refusal.apply(product);
        });
        ctx.status(201).header("Location", "/api/products/" + id).header("ETag", etag)
                .json(new Saved(id, product.getURI()));
    }

    /** What a create or replace answers: the product's id and IRI (its address is the Location of a create). */
    @Describe(name = "ProductSaved", description = "The product written: its id and IRI")
    public record Saved(String id, String iri) {}

    public void replace(Context ctx) {
        Role role = auth.require(ctx, Role.EDITOR);
        if ("*".equals(ctx.header("If-None-Match"))) {
            // If-None-Match: * asks for a create at this address (RFC 9110 §13.1.2): 201, or 412
            // when the id is taken, by a product or any resource (ids differing only in case too).
            String id = ctx.pathParam("id");
            Body body = readJson(ctx);
            if (body.id() != null && !body.id().equals(id))
                throw ClaimRequests.problem(400, "id", "(" + body.id() + ") does not match the path (" + id + ")");
            create(ctx, role, body, id, clash -> new ProblemException(Problem.of(412, "If-None-Match: * asked for a new product, "
                    + "and the id '" + id + "' is taken by <" + clash.getURI() + ">").withKind("precondition").withExisting(clash.getURI())));
            return;
        }
        Node product = userProduct(ctx.pathParam("id"));
        Body body = readJson(ctx);
        String id = IdIndex.idOf(product);
        String bodyId = body.id();
        if (bodyId != null && !bodyId.equals(id))
            throw ClaimRequests.problem(400, "id", "(" + bodyId + ") does not match the path (" + id + "); ids cannot be renamed");
        Conditional condition = Conditional.of(ctx);
        Graph triples = toRdf(body, product, role, catalog -> {});
        String etag = write(role, "replace product " + id, product, triples, condition, (dsg, graph) -> keepProvenance(dsg, graph, triples));
        ctx.status(200).header("ETag", etag).json(new Saved(id, product.getURI()));
    }

    public void delete(Context ctx) {
        Role role = auth.require(ctx, Role.EDITOR);
        Node product = userProduct(ctx.pathParam("id"));
        Node graph = graphOf(product);
        Conditional condition = Conditional.of(ctx);
        String id = IdIndex.idOf(product);
        kb.write(ChangeKind.PRODUCT, role.actor(), "delete product " + id, dsg -> {
            refuseWhileNamed(dsg, product, graph, id);
            condition.delete(dsg, graph, "product '" + id + "'", "Product '" + id + "' was deleted meanwhile");
        });
        ctx.status(204);
    }

    /** The product as it was submitted (asserted facts of its graph), in the request's shape. */
    public void get(Context ctx) {
        Node product = userProduct(ctx.pathParam("id"), true);
        Node graph = graphOf(product);
        String[] etag = new String[1];
        Submitted representation = knowledge.read(catalog -> {
            DatasetGraph dsg = catalog.dataset();
            etag[0] = Conditional.etag(dsg, graph);
            Map<String, List<String>> references = new LinkedHashMap<>();
            for (String field : ProductFields.WRITABLE.keySet()) {
                List<String> ids = new ArrayList<>();
                dsg.find(graph, product, ProductFields.property(field), Node.ANY).forEachRemaining(q -> ids.add(IdIndex.idOf(q.getObject())));
                if (!ids.isEmpty()) references.put(field, ids.stream().sorted().toList());
            }
            List<ClaimRequests.Filed> claims = claimsIn(dsg, graph, product);
            return new Submitted(IdIndex.idOf(product), product.getURI(), last(dsg, graph, product, RDF_TYPE, IdIndex::idOf),
                    last(dsg, graph, product, LABEL, Node::getLiteralLexicalForm), last(dsg, graph, product, COMMENT, Node::getLiteralLexicalForm),
                    last(dsg, graph, graph, DERIVED, Node::getURI), references, claims.isEmpty() ? null : claims,
                    last(dsg, graph, graph, ATTRIBUTED, Node::getLiteralLexicalForm), last(dsg, graph, graph, GENERATED, Node::getLiteralLexicalForm));
        });
        if (etag[0] != null) ctx.header("ETag", etag[0]);
        if (Conditional.notModified(ctx, etag[0])) {
            ctx.status(304);
            return;
        }
        ctx.json(representation);
    }

    /**
     * A product as it was submitted, in the request's shape ({@link Body}; the schema
     * ProductSubmitted in /openapi.json is generated from it): what the request left out is absent,
     * a reference field too; then who added it and when.
     */
    @Describe(name = "ProductSubmitted", description = "A product added through the API, in the shape it was submitted")
    public record Submitted(String id, String iri,
            @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String label,
            @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
            @JsonInclude(JsonInclude.Include.NON_NULL) String source,
            @JsonAnyGetter @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> references,
            @Describe(description = "Its notes, and the triples no other field shows, as POST /api/claims takes them")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<ClaimRequests.Filed> claims,
            @Describe(description = "Who added it: editor or admin") @JsonInclude(JsonInclude.Include.NON_NULL) String addedBy,
            @Describe(description = "When it was added (ISO 8601)") @JsonInclude(JsonInclude.Include.NON_NULL) String addedAt) {}

    /** The object of the last {@code s p ?o} in the product's graph (as it was read when there were several), shown; or null. */
    private static String last(DatasetGraph dsg, Node graph, Node s, Node p, java.util.function.Function<Node, String> shown) {
        String[] out = new String[1];
        dsg.find(graph, s, p, Node.ANY).forEachRemaining(q -> out[0] = shown.apply(q.getObject()));
        return out[0];
    }

    // ---- parse → RDF ----

    /**
     * The body as the product's graph, resolving the ids it names in one read of the catalogue,
     * which first runs {@code checkFirst} (a create's check that the id is free).
     */
    private Graph toRdf(Body body, Node product, Role role, java.util.function.Consumer<Catalog> checkFirst) {
        Graph g = GraphFactory.createDefaultGraph();
        Node graph = graphOf(product);
        List<WriteRejectedException.UnknownReference> problems = new ArrayList<>();
        knowledge.read(catalog -> {
            checkFirst.accept(catalog);
            DatasetGraph dsg = catalog.dataset();
            String kind = required(body.kind(), "kind");
            Node kindClass = NodeFactory.createURI(Graphs.VOCAB + kind);
            if (!isProductClass(dsg, kindClass))
                throw new ProblemException(Problem.of(422, "Field 'kind' must name a product class (e.g. Hypervisor, "
                        + "ContainerTechnology, ContainerHypervisor, CloudPlatform); '" + kind + "' is not one")
                        .withField("kind"));
            g.add(Triple.create(product, RDF_TYPE, kindClass));
            String label = required(body.label(), "label");
            if (label.isBlank() || label.length() > 200) throw ClaimRequests.problem(400, "label", "must be 1 to 200 characters");
            g.add(Triple.create(product, LABEL, NodeFactory.createLiteralString(label)));
            String comment = body.comment();
            if (comment != null) g.add(Triple.create(product, COMMENT, NodeFactory.createLiteralString(comment)));
            String source = body.source();
            if (source != null) {
                if (!source.matches("https?://\\S{1,2000}")) throw ClaimRequests.problem(400, "source", "must be an http(s) URL (it is recorded, never fetched)");
                g.add(Triple.create(graph, DERIVED, NodeFactory.createURI(source)));
            }
            for (String field : ProductFields.WRITABLE.keySet()) {
                JsonNode v = body.references().get(field);
                if (v == null || v.isNull()) continue;
                for (String ref : ids(field, v)) {
                    Optional<Node> target = existingId(catalog, ref);
                    if (target.isEmpty()) {
                        problems.add(new WriteRejectedException.UnknownReference(field, ref, "unknown id", catalog.index().suggest(ref, false, 8)));
                        continue;
                    }
                    g.add(Triple.create(product, ProductFields.property(field), target.get()));
                }
            }
            addClaims(catalog, body.claims(), product, graph, source, g);
            return null;
        });
        if (!problems.isEmpty()) {
            // Which field, which id, and the nearest known ones, in the detail itself (a person reads that, not the report).
            List<String> said = problems.stream().limit(3).map(p -> {
                List<String> near = p.suggestions();
                return "field '" + p.field() + "': no id '" + p.value() + "'"
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near.subList(0, Math.min(3, near.size()))) + "?)");
            }).toList();
            Problem problem = Problem.of(422, "Unknown ids: " + String.join("; ", said)
                    + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more (see report)" : "")).withReport(problems);
            if (problems.stream().map(p -> p.field()).distinct().count() == 1) problem = problem.withField(problems.getFirst().field());
            throw new ProblemException(problem);
        }
        g.add(Triple.create(graph, ATTRIBUTED, NodeFactory.createLiteralString(role.actor())));
        g.add(Triple.create(graph, GENERATED, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime)));
        g.add(Triple.create(graph, COMMENT, NodeFactory.createLiteralString("Added through the virtkg API")));
        return g;
    }

    /**
     * A product's {@code claims}: what {@code /api/claims} takes, about the product unless an entry
     * names another subject. A {@code dispute} or {@code condition} becomes a note in the product's
     * graph with its own source; a {@code claim} is stated by the product's graph, so it can have
     * no source but the product's (one with another source is a claim of its own: POST /api/claims).
     */
    private void addClaims(Catalog catalog, List<ClaimRequests.Body> claims, Node product, Node graph, String productSource, Graph g) {
        if (claims == null) return;
        if (claims.size() > MAX_CLAIMS) throw ClaimRequests.problem(400, "claims", "has " + claims.size() + " entries; at most " + MAX_CLAIMS);
        for (int i = 0; i < claims.size(); i++) {
            String at = "claims[" + i + "].";
            ClaimRequests.Request r = claimRequests.parse(catalog, claims.get(i), at, product);
            if (r.asOf() != null)
                throw ClaimRequests.problem(400, at + "asOf", "dates a claim filed on its own; a product's claims are as of the product's "
                        + "source: file a dated claim with POST /api/claims");
            if (r.kind().equals("claim")) {
                if (r.source() != null && !r.source().equals(productSource))
                    throw ClaimRequests.problem(422, at + "source", "differs from the product's source; a claim with a source of its own "
                            + "is a claim of its own: POST /api/claims");
                if (r.note() != null)
                    throw ClaimRequests.problem(400, at + "note", "is for disputes and conditions; a claim in a product is stated by the product's source");
                g.add(r.claim());
            } else {
                claimRequests.addNote(g, r, NodeFactory.createURI(graph.getURI() + "#claim-" + i), claimRequests.sentence(catalog, r));
            }
        }
    }

    /**
     * The entries of {@code claims} a product's graph holds: its notes, and the triples no other
     * field shows (so a GET, edited and PUT back, keeps them).
     */
    private static List<ClaimRequests.Filed> claimsIn(DatasetGraph dsg, Node graph, Node product) {
        Graph g = dsg.getGraph(graph);
        List<ClaimRequests.Filed> out = new ArrayList<>(ClaimRequests.notesIn(g));
        Set<Node> notes = new java.util.HashSet<>();
        for (Node c : ClaimRequests.NOTE_CLASS.values()) g.find(Node.ANY, RDF_TYPE, c).forEachRemaining(t -> notes.add(t.getSubject()));
        Set<Node> shownOfProduct = new java.util.HashSet<>(List.of(RDF_TYPE, LABEL, COMMENT));
        for (String f : ProductFields.WRITABLE.keySet()) shownOfProduct.add(ProductFields.property(f));
        List<ClaimRequests.Filed> stated = new ArrayList<>();
        g.find().forEachRemaining(t -> {
            if (t.getSubject().equals(graph) || notes.contains(t.getSubject())) return;
            if (t.getSubject().equals(product) && shownOfProduct.contains(t.getPredicate())) return;
            stated.add(new ClaimRequests.Filed("claim", t.getSubject().equals(product) ? null : IdIndex.idOf(t.getSubject()),
                    t.getPredicate().equals(RDF_TYPE) ? "type" : IdIndex.idOf(t.getPredicate()),
                    t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : IdIndex.idOf(t.getObject()), null));
        });
        stated.sort(ClaimRequests.Filed.ORDER);
        out.addAll(stated);
        return out;
    }

    /** What a write checks first, inside its transaction, against the product's graph. */
    private interface Precheck {
        void check(DatasetGraph dsg, Node graph);
    }

    /** Replaces the product's graph with {@code triples}, after {@code precheck} and {@code condition}; returns the new ETag. */
    private String write(Role role, String summary, Node product, Graph triples, Conditional condition, Precheck precheck) {
        Node graph = graphOf(product);
        String what = "product '" + IdIndex.idOf(product) + "'";
        Conditional.Written[] written = new Conditional.Written[1];
        try {
            kb.write(ChangeKind.PRODUCT, role.actor(), summary, dsg -> {
                precheck.check(dsg, graph);
                written[0] = condition.write(dsg, graph, triples, true, what);
            });
        } catch (WriteRejectedException e) {
            throw inFields(e, product);
        }
        return written[0].etag();
    }

    /** The JSON field that sets each property of the product itself: the shapes speak of properties, the body of fields. */
    private static final Map<String, String> FIELD_OF_PROPERTY;

    static {
        Map<String, String> m = new java.util.HashMap<>();
        ProductFields.WRITABLE.values().forEach(f -> m.put(f.predicate().getURI(), f.name()));
        m.put(RDFS.label.getURI(), "label");
        m.put(RDFS.comment.getURI(), "comment");
        FIELD_OF_PROPERTY = Map.copyOf(m);
    }

    /**
     * A refusal by the shapes, with each problem about the product's own property naming the body's
     * field that set it ({@code hostOS}, {@code hypervisors} for {@code vkg:supports}), and the
     * problem naming the field when only one is at fault: the client sent fields, not properties.
     */
    static WriteRejectedException inFields(WriteRejectedException e, Node product) {
        if (!e.kind().equals("shacl")) return e;
        List<WriteRejectedException.Finding> report = new ArrayList<>();
        for (WriteRejectedException.Finding finding : e.report()) {
            if (!(finding instanceof WriteRejectedException.ShapeViolation entry)) {
                report.add(finding);
                continue;
            }
            String path = String.valueOf(entry.path());
            String field = product.getURI().equals(entry.focusNode()) && path.startsWith("<") && path.endsWith(">")
                    ? FIELD_OF_PROPERTY.get(path.substring(1, path.length() - 1)) : null;
            if (field == null) {
                report.add(entry);
                continue;
            }
            // "'host OS' must be …" (the property's label) becomes "Field 'hostOS' must be …"; a shape's own words get the field before them.
            String message = String.valueOf(entry.message());
            report.add(entry.inField(field, message.matches("'[^']+' .*") ? "Field '" + field + "'" + message.substring(message.indexOf('\'', 1) + 1)
                    : "Field '" + field + "': " + message));
        }
        return new WriteRejectedException(e.kind(), e.getMessage(), report);
    }

    /**
     * Inside a replace's write: the product keeps who added it and when (its graph's
     * prov:wasAttributedTo and prov:generatedAtTime are its creation's); the change log records who
     * replaced it, and when.
     */
    private static void keepProvenance(DatasetGraph dsg, Node graph, Graph triples) {
        for (Node p : List.of(ATTRIBUTED, GENERATED)) {
            List<org.apache.jena.sparql.core.Quad> stored = new ArrayList<>();
            dsg.find(graph, graph, p, Node.ANY).forEachRemaining(stored::add);
            if (stored.isEmpty()) continue;
            triples.remove(graph, p, Node.ANY);
            for (var q : stored) triples.add(Triple.create(q.getSubject(), q.getPredicate(), q.getObject()));
        }
    }

    private static ProblemException taken(String id, Node clash) {
        return new ProblemException(Problem.of(409, "The id '" + id + "' is taken by <" + clash.getURI() + ">")
                .withExisting(clash.getURI()));
    }

    /**
     * Whether the id is taken, inside the write: the product's graph holds something, or a
     * resource with that IRI is described anywhere. (Ids differing only in case are caught by the
     * catalogue's check before the write; only two such creates racing each other could both pass.)
     */
    private static boolean takenInside(DatasetGraph dsg, Node product, Node graph) {
        return dsg.find(Node.ANY, product, Node.ANY, Node.ANY).hasNext() || !dsg.getGraph(graph).isEmpty();
    }

    // ---- lookups ----

    /** A product added through the API, to replace or delete; shipped products are read-only (403), unknown ones 404. */
    private Node userProduct(String rawId) {
        return userProduct(rawId, false);
    }

    /**
     * A product added through the API; unknown ones 404. Another product is read-only (403) to a
     * write; to a read it is not among the products this route serves (404, naming where it is
     * read): refusing a read that anyone may make elsewhere as forbidden said the wrong thing.
     */
    private Node userProduct(String rawId, boolean read) {
        return knowledge.read(catalog -> {
            DatasetGraph dsg = catalog.dataset();
            Optional<Node> found = existingId(catalog, rawId);
            if (found.isEmpty())
                throw new ProblemException(Problem.of(404, "There is no product '" + rawId + "'")
                        .withSuggestions(catalog.index().suggest(rawId, false, 8)));
            Node product = found.get();
            if (!dsg.containsGraph(graphOf(product)) || dsg.getGraph(graphOf(product)).isEmpty()) {
                String id = IdIndex.idOf(product);
                if (read) {
                    String list = Ids.listOf(catalog, product);
                    throw ProblemException.of(404, "'" + id + "' was not added through /api/products (" + statedBy(dsg, product)
                            + "); this route serves the products users added, as written. Read it at "
                            + (list == null ? "" : list + " or ") + "/id/" + id);
                }
                throw ProblemException.of(403, "'" + id + "' was not added through /api/products (" + statedBy(dsg, product)
                        + "), so it cannot be replaced or deleted here; /id/" + id + " shows what the knowledge base says of it");
            }
            return product;
        });
    }

    /** Who states something of {@code product}: the shipped paper, other sources, or users' graphs, in words. */
    private static String statedBy(DatasetGraph dsg, Node product) {
        java.util.Set<String> graphs = NamingGraphs.of(null, naming(dsg, product));
        if (graphs.stream().allMatch(g -> g.startsWith(Graphs.SOURCE))) return "it comes from the shipped sources, which are read-only";
        return "only other graphs state something of it: " + NamingGraphs.listed(graphs);
    }

    /**
     * Inside the delete's write: refuses when another user's graph (a claim, another product)
     * still names the product. Deleting it would leave a product that those graphs keep alive,
     * which no endpoint could read, replace or create again.
     */
    private static void refuseWhileNamed(DatasetGraph dsg, Node product, Node graph, String id) {
        java.util.Set<String> naming = NamingGraphs.of(graph, naming(dsg, product));
        naming.removeIf(g -> !g.startsWith(Graphs.USER));
        if (!naming.isEmpty())
            throw new WriteRejectedException("conflict", "Product '" + id + "' is still named by " + naming.size()
                    + " other graph(s) (claims about it, or products that use it): " + NamingGraphs.listed(naming)
                    + ". Remove those first (" + NamingGraphs.removals(naming, dsg) + "), then delete the product", NamingGraphs.report(naming));
    }

    /** The statements naming {@code product}, as subject or as object. */
    private static List<java.util.Iterator<org.apache.jena.sparql.core.Quad>> naming(DatasetGraph dsg, Node product) {
        return List.of(dsg.find(Node.ANY, product, Node.ANY, Node.ANY), dsg.find(Node.ANY, Node.ANY, Node.ANY, product));
    }

    private static Node graphOf(Node product) {
        return NodeFactory.createURI(Graphs.USER + IdIndex.idOf(product));
    }

    /** The resource with this id, any case, from the catalogue's per-version id index. */
    private static Optional<Node> existingId(Catalog catalog, String id) {
        return Optional.ofNullable(catalog.index().id(id));
    }

    private static boolean isProductClass(DatasetGraph dsg, Node c) {
        // rdfs:subClassOf* vkg:Product, over asserted ontology axioms and the reasoner's closure.
        return c.equals(PRODUCT) || dsg.contains(Node.ANY, c, SUBCLASS, PRODUCT);
    }

    // ---- JSON helpers ----

    /**
     * A product as sent: the head fields as components; the reference fields, whose names and
     * properties the field table ({@link ProductFields}) holds, collected by name and checked
     * against that table, so a field neither has is refused as Jackson refuses one the record lacks.
     */
    @Describe(name = "ProductInput")
    record Body(@Describe(required = true, description = "A product class id: Hypervisor, ContainerTechnology, ContainerHypervisor, CloudPlatform...") String kind,
                @Describe(required = true, pattern = "^[A-Za-z][A-Za-z0-9_-]{0,63}$") String id,
                @Describe(required = true) String label,
                String comment,
                @Describe(format = "uri", description = "Where the facts come from (recorded, never fetched)") String source,
                @Describe(maxItems = MAX_CLAIMS, description = "Claims the product's source makes, as POST /api/claims takes them "
                        + "(subject defaults to the product): a 'claim' is stated by the product's source; a 'dispute' or 'condition' "
                        + "is a note on a claim, with a source of its own") List<ClaimRequests.Body> claims,
                @JsonAnySetter Map<String, JsonNode> references) {
        Body {
            references = references == null ? Map.of() : references;
        }
    }

    private Body readJson(Context ctx) {
        Body body = Json.read(ctx, limit, Body.class, "the product",
                "{\"kind\": \"Hypervisor\", \"id\": \"Firecracker\", \"label\": \"Firecracker\"}");
        List<String> unknown = body.references().keySet().stream().filter(f -> !ProductFields.WRITABLE.containsKey(f)).sorted().toList();
        if (!unknown.isEmpty()) throw UnknownNames.refuse("field", Problem::withField, "The product", unknown, allowedFields());
        return body;
    }

    private static String required(String value, String field) {
        if (value == null) throw ClaimRequests.problem(400, field, "is required");
        return value;
    }

    private static List<String> ids(String field, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) out.add(v.asText());
        else if (v.isArray()) {
            if (v.size() > 100) throw ClaimRequests.problem(400, field, "has more than 100 values");
            for (JsonNode e : v) {
                if (!e.isTextual()) throw ClaimRequests.problem(400, field, "must hold ids (strings)");
                out.add(e.asText());
            }
        } else throw ClaimRequests.problem(400, field, "must be an id or an array of ids");
        for (String s : out) if (!ID.matcher(s).matches()) throw ClaimRequests.problem(400, field, "holds '" + s + "', which is not an id (letters, digits, '_' or '-', starting with a letter)");
        return out;
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches())
            throw ClaimRequests.problem(400, "id", "must start with a letter and use letters, digits, '_' or '-' (at most 64)");
    }

    private static List<String> allowedFields() {
        List<String> all = new ArrayList<>(List.of("kind", "id", "label", "comment", "source"));
        all.addAll(ProductFields.WRITABLE.keySet());
        all.add("claims");
        return all;
    }
}
