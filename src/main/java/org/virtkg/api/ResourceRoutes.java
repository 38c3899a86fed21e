package org.virtkg.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.claims.Claims;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Provenance;
import org.virtkg.pages.Link;
import org.virtkg.pages.Pages;
import org.virtkg.pages.ResourcePage;
import org.virtkg.sparql.NamedTypesDescribe;
import org.virtkg.store.Graphs;

/**
 * {@code GET /id/{name}}: one resource of the knowledge base as Turtle, JSON-LD, N-Triples or an
 * HTML page, in the request's view ({@code view=paper|current|all}, all by default). The
 * description is the resource's outgoing triples as the view gives them (inferred ones included),
 * closed over blank nodes — a concise bounded description.
 */
public final class ResourceRoutes {
    /** Offered in this order of preference; plain JSON clients get JSON-LD. */
    static final List<String> FORMATS = List.of("text/turtle", "application/ld+json", "application/n-triples", "text/html",
            "application/json");

    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefixes(Graphs.PREFIXES).lock();

    private final Knowledge knowledge;

    private PaperAndPresent paperAndPresent;

    /** The page then shows the paper's facts and current sources side by side. */
    public ResourceRoutes withPaperAndPresent(PaperAndPresent sides) {
        this.paperAndPresent = sides;
        return this;
    }

    public ResourceRoutes(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public void resource(Context ctx) {
        String type = Http.negotiate(ctx, FORMATS);
        // Browsers send text/html first with */* after it; curl sends */* only and gets Turtle.
        if (type == null) throw ProblemException.of(406, "Resources are available as " + String.join(", ", FORMATS));
        // An unknown name is a 404 with suggestions: a page with links for a browser (app/ErrorPages).
        knowledge.run(catalog -> resource(ctx, catalog, type));
    }

    private void resource(Context ctx, Catalog catalog, String type) {
        Node x = Ids.path(catalog, ctx.pathParam("name"));
        String view = CompatibilityRoutes.view(ctx);
        if (Http.notModified(ctx, catalog.version())) return;
        if (type.equals("text/html")) {
            ctx.contentType("text/html; charset=utf-8").result(html(catalog, x, view));
            return;
        }
        Graph g = describe(catalog, x, view);
        byte[] body = switch (type) {
            // The resource at the top, not Jena's flat @graph, for a client reading it as JSON.
            case "application/ld+json", "application/json" -> RootedJsonLd.write(g, x);
            case "application/n-triples" -> write(g, RDFFormat.NTRIPLES);
            default -> write(g, RDFFormat.TURTLE_PRETTY);
        };
        ctx.contentType(type + (type.startsWith("text/") ? "; charset=utf-8" : "")).result(body);
    }

    /** {@code g} in {@code format}, as bytes (also {@link RootedJsonLd}'s flat answer). */
    static byte[] write(Graph g, RDFFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, format);
        return out.toByteArray();
    }

    /**
     * Outgoing triples of {@code x} as {@code view} gives them ({@link Catalog#statements}, the
     * page's rule), and of the blank nodes they reach; for each resource they name that the view's
     * own facts make a commercial service ({@link Catalog#graph}: under {@code view=paper} the
     * paper's word, as the matrix judges it), that membership
     * ({@code id:AmazonEC2 a vkg:CommercialService}): the mark every other view gives such a value,
     * so a client reading KVM's {@code supportedBy} here can tell the rented service from the
     * open-source platforms as the platform list does; except under {@code view=paper}, the
     * features matched with it ({@link #addRelated}); and the paper's table cells about it read
     * into no fact ({@link Catalog#cellsOf}), each described, with its {@code vkg:cellOf} link.
     */
    Graph describe(Catalog catalog, Node x, String view) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(PREFIXES);
        Deque<Node> pending = new ArrayDeque<>(List.of(x));
        Set<Node> seen = new HashSet<>();
        Set<Node> named = new java.util.LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Node s = pending.pop();
            if (!seen.add(s)) continue;
            for (Triple t : catalog.statements(s, view)) {
                if (isAnonymousType(t)) continue;
                out.add(t);
                if (t.getObject().isBlank()) pending.push(t.getObject());
                else if (t.getObject().isURI() && t.getObject().getURI().startsWith(Graphs.ID)) named.add(t.getObject());
            }
        }
        for (Node o : named) if (catalog.isService(o, view)) out.add(Triple.create(o, RDF.type.asNode(), Catalog.SERVICE));
        if (showsRelated(view)) addRelated(catalog, x, out);
        // The paper's cells about it read into no fact: no statement of its leads to them (the page's section).
        for (Node cell : catalog.cellsOf(x))
            for (Triple t : catalog.statements(cell, view))
                if (!isAnonymousType(t)) out.add(t);
        return out;
    }

    /** Another source's matched feature and its ratings are not the paper's: not in view=paper, on the page or in RDF. */
    private static boolean showsRelated(String view) {
        return !view.equals("paper");
    }

    private static final Node WAS_DERIVED_FROM = org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    /**
     * For each feature matched with {@code x} ({@link Catalog#matchesOf}, either way round): the match, the
     * feature's label, and each support record of it (a driver's rating in one release, its own
     * statements) with the driver's label and technologies, and the source graph stating the record
     * as what it was derived from ({@code prov:wasDerivedFrom}), described by its label, release,
     * date and address: the page's per-driver table, with its sources, as RDF.
     */
    private static void addRelated(Catalog catalog, Node x, Graph out) {
        Set<Node> described = new HashSet<>();
        for (Triple m : catalog.matchesOf(x)) {
            Node y = Catalog.otherSide(m, x);
            out.add(m);
            catalog.union().find(y, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).forEachRemaining(out::add);
            for (var it = catalog.dataset().find(Node.ANY, Node.ANY, SUPPORTED_FEATURE, y); it.hasNext(); ) {
                var q = it.next();
                if (!org.virtkg.kb.KnowledgeBase.isAssertedGraph(q.getGraph())) continue;
                Node fs = q.getSubject(), g = q.getGraph();
                catalog.union().find(fs, Node.ANY, Node.ANY).forEachRemaining(t -> {
                    if (!isAnonymousType(t) && !t.getObject().isBlank()) out.add(t);
                });
                out.add(Triple.create(fs, WAS_DERIVED_FROM, g));
                Node driver = first(catalog.union(), fs, DRIVER);
                if (driver != null && described.add(driver)) {
                    catalog.union().find(driver, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).forEachRemaining(out::add);
                    catalog.union().find(driver, DRIVER_FOR, Node.ANY).forEachRemaining(out::add);
                }
                if (described.add(g))
                    for (Node p : List.of(org.apache.jena.vocabulary.RDFS.label.asNode(), RELEASE, Catalog.vkg("asOf"), WAS_DERIVED_FROM))
                        catalog.dataset().getGraph(g).find(g, p, Node.ANY).forEachRemaining(out::add);
            }
        }
    }

    /**
     * Memberships of anonymous classes (restrictions, intersections) are the reasoner's working
     * material; describing them would drag half the ontology into every resource. The same rule
     * as SPARQL DESCRIBE's ({@link NamedTypesDescribe}).
     */
    private static boolean isAnonymousType(Triple t) {
        return NamedTypesDescribe.isAnonymousType(t);
    }

    /** Fact groups of the HTML page, by property local name; anything else goes under "Other facts". */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Compatibility", List.of("supports", "supportedBy", "doesNotSupport", "basedOn", "uses", "suitableForCloud"));
        GROUPS.put("Related products", List.of("productFamily", "sameProductAs"));
        GROUPS.put("Technical profile", List.of("vmmType", "virtualization", "hostOS", "guestOS", "operatingSystem", "language",
                "interface", "component", "componentOf"));
        GROUPS.put("Cloud offering", List.of("deploymentModel", "serviceModel", "targetOrganisation", "developer"));
        GROUPS.put("Qualities and limits", List.of("feature", "lacksFeature", "limitation", "characteristic"));
    }

    /** The views a page can be read in, with the words the page's switch uses. */
    private static final Map<String, String> VIEW_NAMES = Map.of("all", "every source", "current", "the newest source wins",
            "paper", "the paper alone");

    /**
     * The page as a view gives it: {@code all}, every source's facts; {@code current}, without a
     * support claim a newer source contradicts; {@code paper}, the paper's own closure and claims.
     */
    private String html(Catalog catalog, Node x, String view) {
        String label = catalog.label(x);
        Claims claims = catalog.claims(view);
        List<Triple> triples = new ArrayList<>();
        for (Triple t : catalog.statements(x, view)) {
            // Every resource is an owl:Thing; saying so on the page only adds noise.
            if (isAnonymousType(t) || t.getObject().equals(org.apache.jena.vocabulary.OWL2.Thing.asNode())) continue;
            triples.add(t);
        }
        triples.sort(Comparator.comparing((Triple t) -> catalog.label(t.getPredicate()), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(t -> catalog.label(t.getObject()), String.CASE_INSENSITIVE_ORDER));
        Map<String, Map<Node, List<Triple>>> groups = new LinkedHashMap<>();
        groups.put("Types", new LinkedHashMap<>());
        for (String g : GROUPS.keySet()) groups.put(g, new LinkedHashMap<>());
        groups.put("Other facts", new LinkedHashMap<>());
        String comment = null;
        for (Triple t : triples) {
            Node p = t.getPredicate();
            if (p.getURI().equals(RDFS_COMMENT) && t.getObject().isLiteral() && comment == null) comment = t.getObject().getLiteralLexicalForm();
            String group = p.equals(RDF.type.asNode()) ? "Types" : "Other facts";
            if (p.getURI().startsWith(Graphs.VOCAB)) {
                String local = p.getURI().substring(Graphs.VOCAB.length());
                for (var g : GROUPS.entrySet()) if (g.getValue().contains(local)) group = g.getKey();
            }
            groups.get(group).computeIfAbsent(p, k -> new ArrayList<>()).add(t);
        }

        List<ResourcePage.Kind> kinds = catalog.kinds(x, view).stream()
                .map(k -> new ResourcePage.Kind(k.label(), k.inferred(), k.disputed())).toList();
        // Technologies and platforms can be set side by side with others of their kind (the compare page).
        String compare = catalog.isA(x, Catalog.TECHNOLOGY) || catalog.isA(x, Catalog.PLATFORM)
                ? "/#/compare?ids=" + java.net.URLEncoder.encode(IdIndex.idOf(x), java.nio.charset.StandardCharsets.UTF_8) : null;
        List<ResourcePage.View> views = PaperAndPresent.VIEWS.stream()
                .map(v -> new ResourcePage.View(v, VIEW_NAMES.get(v), v.equals(view))).toList();
        List<ResourcePage.Group> shown = new ArrayList<>();
        for (var g : groups.entrySet()) {
            if (g.getValue().isEmpty()) continue;
            List<ResourcePage.Property> properties = new ArrayList<>();
            for (var e : g.getValue().entrySet()) {
                List<ResourcePage.Value> values = new ArrayList<>();
                for (Triple t : e.getValue()) values.add(value(catalog, t, claims.evidence(t), view));
                properties.add(new ResourcePage.Property(link(catalog, e.getKey()), values));
            }
            shown.add(new ResourcePage.Group(slug(g.getKey()), g.getKey(), properties));
        }
        ResourcePage page = new ResourcePage(label, x.getURI(), kinds, comment, compare, views, view.equals("paper") && triples.isEmpty(),
                paperAndPresent != null && !view.equals("paper") ? PaperAndPresent.comparison(catalog, x) : null, shown, neighbourhoodJson(catalog, x),
                catalog.sources(x).stream().map(ResourceRoutes::source).toList(), CYTOSCAPE_VERSION,
                showsRelated(view) ? related(catalog, x) : List.of(),
                catalog.cellsOf(x).stream().map(c -> cell(Provenance.describe(catalog.dataset(), c))).toList());
        return Pages.render("resource.jte", page);
    }

    private static final Node SUPPORTED_FEATURE = Catalog.vkg("supportedFeature");
    private static final Node DRIVER = Catalog.vkg("driver");
    private static final Node DRIVER_FOR = Catalog.vkg("driverFor");
    private static final Node SUPPORT_LEVEL = Catalog.vkg("supportLevel");
    private static final Node CAVEAT = Catalog.vkg("caveat");
    private static final Node RELEASE = Catalog.vkg("release");

    /**
     * The matched features of {@code x} ({@link Catalog#matchesOf}) for its page: who states each match,
     * whether that is an editorial reading (its source carries a {@code vkg:editorialNote}), and each
     * rating of the matched feature by an imported support matrix, per release and driver, newest
     * release first, with the release's source.
     */
    private List<ResourcePage.Related> related(Catalog catalog, Node x) {
        List<ResourcePage.Related> out = new ArrayList<>();
        for (Triple m : catalog.matchesOf(x)) {
            Node y = Catalog.otherSide(m, x);
            Claims.Evidence ev = catalog.claims().evidence(m);
            List<ResourcePage.Source> matchSources = new ArrayList<>();
            boolean editorial = false;
            for (Node g : ev.sources()) {
                Provenance.Source d = Provenance.describe(catalog.dataset(), g);
                editorial |= d.editorialNote() != null;
                matchSources.add(source(d));
            }
            List<Map.Entry<String, ResourcePage.DriverSupport>> rows = new ArrayList<>();
            for (var it = catalog.dataset().find(Node.ANY, Node.ANY, SUPPORTED_FEATURE, y); it.hasNext(); ) {
                var q = it.next();
                if (!org.virtkg.kb.KnowledgeBase.isAssertedGraph(q.getGraph())) continue;
                Node fs = q.getSubject(), g = q.getGraph();
                Node driver = first(catalog.union(), fs, DRIVER);
                if (driver == null) continue;
                List<Link> technologies = new ArrayList<>();
                catalog.union().find(driver, DRIVER_FOR, Node.ANY).forEachRemaining(t -> {
                    if (t.getObject().isURI()) technologies.add(link(catalog, t.getObject()));
                });
                technologies.sort(Comparator.comparing(Link::text, String.CASE_INSENSITIVE_ORDER));
                Node level = first(catalog.union(), fs, SUPPORT_LEVEL);
                Node caveat = first(catalog.union(), fs, CAVEAT);
                Provenance.Source d = Provenance.describe(catalog.dataset(), g);
                ResourcePage.Source src = new ResourcePage.Source(null, g.getURI().replace(Graphs.BASE, ""), null, document(d), false, null);
                Node release = first(catalog.dataset().getGraph(g), g, RELEASE);
                String releaseText = release != null && release.isLiteral() ? release.getLiteralLexicalForm() : g.getURI().replace(Graphs.BASE, "");
                String order = (d.asOf() == null ? "" : d.asOf()) + " " + releaseText;
                rows.add(Map.entry(order, new ResourcePage.DriverSupport(releaseText, link(catalog, driver), technologies,
                        level == null ? "not rated" : catalog.label(level), caveat != null && caveat.isLiteral() ? caveat.getLiteralLexicalForm() : null, src)));
            }
            rows.sort(Map.Entry.<String, ResourcePage.DriverSupport>comparingByKey().reversed()
                    .thenComparing(e -> e.getValue().driver().text(), String.CASE_INSENSITIVE_ORDER));
            out.add(new ResourcePage.Related(link(catalog, y), catalog.label(m.getPredicate()), editorial, matchSources,
                    rows.stream().map(Map.Entry::getValue).toList()));
        }
        return out;
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** One value with what the page says about it: basis, why, disputes, conditions, notes, sources. */
    private ResourcePage.Value value(Catalog catalog, Triple t, Claims.Evidence ev, String view) {
        Node o = t.getObject();
        // Stated or inferred, disputed or not: the one rule every view applies (Claims).
        boolean inferred = ev.basis() == Claims.Basis.INFERRED;
        String why = inferred && (o.isURI() && t.getPredicate().getURI().startsWith(Graphs.VOCAB) || t.getPredicate().equals(RDF.type.asNode()))
                ? explainHref(t) : null;
        List<ResourcePage.Note> notes = ev.notes().stream().map(n -> new ResourcePage.Note(n.kind(), n.text(), grounds(catalog, n),
                n.statedIn() == null ? null : filedBy(Provenance.describe(catalog.dataset(), n.statedIn())))).toList();
        List<ResourcePage.Source> sources = new ArrayList<>();
        if (ev.basis() == Claims.Basis.STATED && !t.getPredicate().equals(RDF.type.asNode()))
            for (Node sg : ev.sources()) {
                Provenance.Source d = Provenance.describe(catalog.dataset(), sg);
                if (!"ontology".equals(d.role())) sources.add(source(d));
            }
        return new ResourcePage.Value(o.isURI() ? link(catalog, o) : null, o.isLiteral() ? o.getLiteralLexicalForm() : null,
                ev.basis() == null ? "" : ev.basis().json(), inferred, why, ev.disputed(), ev.conditional(), notes, sources,
                // Marked as every view marks it (Catalog.Value#commercialService): a rented service, not open source.
                o.isURI() && catalog.isService(o, view));
    }

    private static final String RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment";
    /** The Cytoscape WebJar on the classpath (the pom pins it; index.html names the same version). */
    static final String CYTOSCAPE_VERSION = npmWebjarVersion("cytoscape", "3.33.1");

    static String npmWebjarVersion(String artifact, String fallback) {
        try (var in = ResourceRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) return fallback;
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", fallback);
        } catch (java.io.IOException e) {
            return fallback;
        }
    }

    private static String slug(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String explainHref(Triple t) {
        String p = t.getPredicate().equals(RDF.type.asNode()) ? "rdf:type" : "vkg:" + t.getPredicate().getURI().substring(Graphs.VOCAB.length());
        Node o = t.getObject();
        String os = o.getURI().startsWith(Graphs.ID) ? o.getURI().substring(Graphs.ID.length())
                : o.getURI().startsWith(Graphs.VOCAB) ? "vkg:" + o.getURI().substring(Graphs.VOCAB.length()) : o.getURI();
        return "/#/explain?s=" + java.net.URLEncoder.encode(IdIndex.idOf(t.getSubject()), java.nio.charset.StandardCharsets.UTF_8)
                + "&p=" + java.net.URLEncoder.encode(p, java.nio.charset.StandardCharsets.UTF_8)
                + "&o=" + java.net.URLEncoder.encode(os, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Who filed a note and when, from the filing graph's description; a shipped one by its name. */
    private static String filedBy(Provenance.Source filing) {
        String who = filing.wasAttributedTo(), when = filing.generatedAtTime();
        if (who == null) return filing.label() == null ? null : "filed in " + filing.label();
        String day = when == null ? "" : when;
        return "filed by " + who + (day.length() >= 10 ? " on " + day.substring(0, 10) : "");
    }

    /** A note's own sources: source graphs by their place in the paper, outside documents as links. */
    private List<ResourcePage.Source> grounds(Catalog catalog, Claims.Note n) {
        List<ResourcePage.Source> out = new ArrayList<>();
        for (Node g : n.grounds()) {
            if (g.isURI() && catalog.dataset().containsGraph(g)) out.add(source(Provenance.describe(catalog.dataset(), g)));
            else if (g.isURI() && g.getURI().startsWith("https://")) out.add(ResourcePage.Source.document(new Link(g.getURI(), g.getURI())));
            else out.add(new ResourcePage.Source(null, g.toString(), null, null, false, null));
        }
        return out;
    }

    /** The public document an outside source names as what it was derived from, linked so a reader can check; null for none. */
    private static Link document(Provenance.Source s) {
        String from = s.wasDerivedFrom();
        return from != null && from.startsWith("https://") && !from.startsWith(Graphs.BASE)
                ? new Link(from, s.label() != null ? s.label() : from) : null;
    }

    /** A source as {@link Provenance#describe} gives it: its place in the paper, what it says, the document behind it. */
    private static ResourcePage.Source source(Provenance.Source s) {
        String heading = null;
        String code = null;
        if (s.table() != null) heading = s.table() + ", row " + s.row() + ", column " + s.column();
        else if (s.section() != null) heading = "abstract".equals(s.section()) ? "Abstract" : "Section " + s.section();
        else code = s.graph().replace(Graphs.BASE, "");
        String text = s.cellText() != null ? s.cellText() : s.quote() != null ? s.quote() : s.comment();
        Link document = document(s);
        // A source-level flag: part of what the sentence or cell says is doubtful and was not
        // recorded as a fact; the facts that were recorded carry their own dispute notes (Claims).
        boolean partly = Boolean.TRUE.equals(s.disputed());
        return new ResourcePage.Source(heading, code, text, document, partly,
                partly ? (s.disputeNote() == null ? "" : s.disputeNote()) : null);
    }

    /** A cell read into no fact, as its section of the page shows it: its dispute note, else how it was read. */
    private static ResourcePage.Cell cell(Provenance.Source s) {
        boolean disputed = Boolean.TRUE.equals(s.disputed());
        String note = disputed && s.disputeNote() != null ? s.disputeNote() : s.editorialNote() != null ? s.editorialNote() : s.comment();
        return new ResourcePage.Cell(source(s).heading(), s.cellText(), disputed, note);
    }

    /** One edge of the page's neighbourhood diagram: subject, predicate and object IRIs, and whether it is inferred. */
    private record Edge(String s, String p, String o, boolean inferred) {}

    /** The diagram's data: its edges and each resource's label by IRI. */
    private record Neighbourhood(List<Edge> edges, Map<String, String> labels) {}

    /** Edges between x and other resources of the id namespace, both directions, as JSON for the graph view. */
    private String neighbourhoodJson(Catalog catalog, Node x) {
        List<Edge> edges = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(x.getURI(), catalog.label(x));
        Set<String> seen = new HashSet<>();
        java.util.function.Consumer<Triple> add = t0 -> {
            // supportedBy is the inverse of supports: draw each support once, platform -> technology.
            Triple t = t0.getPredicate().equals(Catalog.SUPPORTED_BY) && t0.getObject().isURI()
                    ? Triple.create(t0.getObject(), Catalog.SUPPORTS, t0.getSubject()) : t0;
            if (edges.size() >= 80 || t.getPredicate().equals(RDF.type.asNode())) return;
            if (!seen.add(t.getSubject() + "|" + t.getPredicate() + "|" + t.getObject())) return;
            Node other = t.getSubject().equals(x) ? t.getObject() : t.getSubject();
            if (!other.isURI() || !other.getURI().startsWith(Graphs.ID) || other.equals(x)) return;
            labels.putIfAbsent(other.getURI(), catalog.label(other));
            edges.add(new Edge(t.getSubject().getURI(), t.getPredicate().getURI(), t.getObject().getURI(),
                    catalog.claims().evidence(t).basis() == Claims.Basis.INFERRED));
        };
        // In one order, not the store's: which 80 edges are drawn must not change with a restart.
        List<Triple> outgoing = catalog.union().find(x, Node.ANY, Node.ANY).toList(), incoming = catalog.union().find(Node.ANY, Node.ANY, x).toList();
        for (List<Triple> ts : List.of(outgoing, incoming)) ts.stream().sorted(org.virtkg.reasoner.RlReasoner.CANONICAL).forEach(add);
        try {
            return Json.MAPPER.writeValueAsString(new Neighbourhood(edges, labels));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resource as a link: its page for the knowledge base's own, its address for a web IRI, text for anything else. */
    private Link link(Catalog catalog, Node n) {
        String iri = n.getURI();
        String label = iri.startsWith(Graphs.BASE) ? catalog.label(n) : PREFIXES.shortForm(iri);
        if (iri.startsWith(Graphs.ID)) return new Link("/id/" + iri.substring(Graphs.ID.length()), label);
        // Only web addresses become links: a javascript:, data: or vbscript: IRI in the data is shown, never followed.
        if (!iri.regionMatches(true, 0, "http://", 0, 7) && !iri.regionMatches(true, 0, "https://", 0, 8)) return new Link(null, label);
        return new Link(iri, label);
    }
}
