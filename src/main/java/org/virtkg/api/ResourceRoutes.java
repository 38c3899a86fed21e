package org.virtkg.api;

import org.virtkg.claims.Claims;

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
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.sparql.NamedTypesDescribe;
import org.virtkg.store.Graphs;

/**
 * {@code GET /id/{name}}: one resource of the knowledge base as Turtle, JSON-LD, N-Triples or an
 * HTML page. The description is the resource's outgoing triples from the union graph (inferred ones
 * included), closed over blank nodes — a concise bounded description.
 */
public final class ResourceRoutes {
    /** Offered in this order of preference; plain JSON clients get JSON-LD. */
    static final List<String> FORMATS = List.of("text/turtle", "application/ld+json", "application/n-triples", "text/html",
            "application/json");

    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("id", Graphs.ID).setNsPrefix("vkg", Graphs.VOCAB)
            .setNsPrefix("rdf", RDF.getURI()).setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#").setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#").setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("schema", "https://schema.org/").lock();

    private final Catalog catalog;

    private PaperAndPresent paperAndPresent;

    /** The page then shows the paper's facts and current sources side by side. */
    public ResourceRoutes withPaperAndPresent(PaperAndPresent sides) {
        this.paperAndPresent = sides;
        return this;
    }

    public ResourceRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    public void resource(Context ctx) {
        String type = Http.negotiate(ctx, FORMATS);
        // Browsers send text/html first with */* after it; curl sends */* only and gets Turtle.
        if (type == null) throw ProblemException.of(406, "Resources are available as " + String.join(", ", FORMATS));
        // An unknown name is a 404 with suggestions: a page with links for a browser (app/ErrorPages).
        Node x = catalog.read(() -> catalog.resolvePath(ctx.pathParam("name")));
        String view = CompatibilityRoutes.view(ctx);
        if (Http.notModified(ctx, catalog.kb().version())) return;
        if (type.equals("text/html")) {
            ctx.contentType("text/html; charset=utf-8").result(catalog.read(() -> html(x, view)));
            return;
        }
        Graph g = catalog.read(() -> describe(x));
        RDFFormat format = switch (type) {
            case "application/ld+json", "application/json" -> RDFFormat.JSONLD_PRETTY;
            case "application/n-triples" -> RDFFormat.NTRIPLES;
            default -> RDFFormat.TURTLE_PRETTY;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, format);
        ctx.contentType(type + (type.startsWith("text/") ? "; charset=utf-8" : "")).result(out.toByteArray());
    }

    /** Outgoing triples of {@code x}, and of the blank nodes they reach. */
    Graph describe(Node x) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(PREFIXES);
        Deque<Node> pending = new ArrayDeque<>(List.of(x));
        Set<Node> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Node s = pending.pop();
            if (!seen.add(s)) continue;
            catalog.union().find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (isAnonymousType(t)) return;
                out.add(t);
                if (t.getObject().isBlank()) pending.push(t.getObject());
            });
        }
        return out;
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

    static final String NAV = """
            <a class="skip" href="#main">Skip to content</a>
            <header class="top"><a class="brand" href="/#/">virtkg</a>
            <nav aria-label="Main"><ul><li><a href="/#/">Search</a></li><li><a href="/#/matrix">Compatibility</a></li>\
            <li><a href="/#/select">Selection</a></li><li><a href="/sparql">SPARQL</a></li><li><a href="/#/ontology">Ontology</a></li>\
            <li><a href="/#/add">Add product</a></li><li><a href="/#/changes">Changes</a></li><li><a href="/docs">API</a></li></ul></nav>
            <form class="search" role="search" action="/" method="get"><label for="q-top" class="sr-only">Search products and terms</label>\
            <input id="q-top" name="q" type="search" placeholder="Search KVM, OpenStack, Linux…"><button type="submit">Search</button></form>
            </header>
            """;

    /** The views a page can be read in, with the words the page's switch uses. */
    private static final Map<String, String> VIEW_NAMES = Map.of("all", "every source", "current", "the newest source wins",
            "paper", "the paper alone");

    /**
     * The page as a view gives it: {@code all}, every source's facts; {@code current}, without a
     * support claim a newer source contradicts; {@code paper}, the paper's own closure and claims.
     */
    private String html(Node x, String view) {
        String label = catalog.label(x);
        Claims claims = catalog.claims(view);
        Graph facts = view.equals("paper") ? catalog.paperView().graph() : catalog.union();
        List<Triple> triples = new ArrayList<>();
        facts.find(x, Node.ANY, Node.ANY).forEachRemaining(t -> {
            // Every resource is an owl:Thing; saying so on the page only adds noise.
            if (isAnonymousType(t) || t.getObject().equals(org.apache.jena.vocabulary.OWL2.Thing.asNode())) return;
            if (view.equals("current") && catalog.overtaken(t.getSubject(), t.getPredicate(), t.getObject(), claims)) return;
            triples.add(t);
        });
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

        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(label)).append(" - virtkg</title><link rel=\"icon\" href=\"data:,\">")
                .append("<link rel=\"stylesheet\" href=\"/app.css\"></head><body>\n").append(NAV)
                .append("<main id=\"main\" class=\"product\">\n");
        h.append("<h1>").append(esc(label)).append("</h1>\n<p class=\"muted\"><code>").append(esc(x.getURI())).append("</code>");
        List<Catalog.Value> kinds = catalog.kinds(x, view);
        if (!kinds.isEmpty()) {
            h.append(" · ");
            for (Catalog.Value k : kinds)
                h.append("<span class=\"tag").append(k.inferred() ? " inferred" : "").append(k.disputed() ? " disputed" : "").append("\">")
                        .append(esc(k.label())).append(k.inferred() ? " (inferred)" : "").append(k.disputed() ? " (disputed)" : "").append("</span>");
        }
        h.append("</p>\n");
        if (comment != null) h.append("<p class=\"lead\">").append(esc(comment)).append("</p>\n");
        // Technologies and platforms can be set side by side with others of their kind (the compare page).
        if (catalog.isA(x, Catalog.TECHNOLOGY) || catalog.isA(x, Catalog.PLATFORM))
            h.append("<p><a class=\"compare-with\" href=\"/#/compare?ids=")
                    .append(esc(java.net.URLEncoder.encode(IdIndex.idOf(x), java.nio.charset.StandardCharsets.UTF_8)))
                    .append("\">Compare with\u2026</a></p>\n");
        h.append("<p class=\"muted\">Each fact shows where the paper states it. Values marked <span class=\"inferred\">inferred</span> were ")
                .append("derived by the reasoner, not stated by a source (follow <em>why?</em> for the derivation); values marked ")
                .append("<strong class=\"badge disputed\">disputed</strong> are contradicted by another statement, with both sides shown. This description is also ")
                .append("available as Turtle, JSON-LD and N-Triples (<code>Accept</code> header).</p>\n");
        h.append("<p class=\"view-switch\">View:");
        for (String v : PaperAndPresent.VIEWS) {
            h.append(v.equals(PaperAndPresent.VIEWS.get(0)) ? " " : " \u00b7 ");
            if (v.equals(view)) h.append("<strong aria-current=\"page\">").append(esc(VIEW_NAMES.get(v))).append("</strong>");
            else h.append("<a href=\"?view=").append(v).append("\">").append(esc(VIEW_NAMES.get(v))).append("</a>");
        }
        h.append("</p>\n");
        if (view.equals("paper") && triples.isEmpty())
            h.append("<p class=\"notice\">The paper does not name ").append(esc(label)).append("; only other sources do.</p>\n");
        if (paperAndPresent != null && !view.equals("paper")) h.append(paperAndPresent.html(x));
        h.append("<div class=\"product-grid\"><div class=\"facts\">\n");
        for (var g : groups.entrySet()) {
            if (g.getValue().isEmpty()) continue;
            h.append("<section aria-labelledby=\"g-").append(slug(g.getKey())).append("\"><h2 id=\"g-").append(slug(g.getKey())).append("\">")
                    .append(esc(g.getKey())).append("</h2>\n<dl>\n");
            for (var e : g.getValue().entrySet()) {
                h.append("<dt>").append(link(e.getKey())).append("</dt>\n");
                for (Triple t : e.getValue()) {
                    // Stated or inferred, disputed or not: the one rule every view applies (Claims).
                    Claims.Evidence ev = claims.evidence(t);
                    h.append("<dd data-basis=\"").append(ev.basis() == null ? "" : ev.basis().json()).append('"')
                            .append(ev.disputed() ? " data-disputed=\"true\"" : "").append('>').append(value(t.getObject()));
                    if (ev.basis() == Claims.Basis.INFERRED) {
                        h.append("<span class=\"inferred\">inferred</span>");
                        if (t.getObject().isURI() && t.getPredicate().getURI().startsWith(Graphs.VOCAB) || t.getPredicate().equals(RDF.type.asNode()))
                            h.append(" <a class=\"why\" href=\"").append(esc(explainHref(t))).append("\">why?</a>");
                    }
                    if (ev.disputed()) h.append(" <strong class=\"badge disputed\">disputed</strong>");
                    if (ev.conditional()) h.append(" <strong class=\"badge partial\">with a condition</strong>");
                    List<Claims.Note> notes = ev.notes();
                    if (!notes.isEmpty()) {
                        h.append("<ul class=\"fact-notes\">");
                        for (Claims.Note n : notes) h.append("<li class=\"note-").append(esc(n.kind())).append("\">").append(esc(n.text())).append(groundsHtml(n)).append("</li>");
                        h.append("</ul>");
                    }
                    if (ev.basis() == Claims.Basis.STATED && !t.getPredicate().equals(RDF.type.asNode())) {
                        List<Map<String, Object>> sources = new ArrayList<>();
                        for (Node sg : ev.sources()) {
                            Map<String, Object> d = Provenance.describe(catalog.dataset(), sg);
                            if (!"ontology".equals(d.get("role"))) sources.add(d);
                        }
                        if (!sources.isEmpty()) {
                            h.append("<ul class=\"fact-sources\">");
                            for (Map<String, Object> src : sources) h.append("<li>").append(sourceHtml(src)).append("</li>");
                            h.append("</ul>");
                        }
                    }
                    h.append("</dd>\n");
                }
            }
            h.append("</dl></section>\n");
        }
        h.append("</div>\n<aside class=\"neighbourhood\" aria-labelledby=\"g-graph\"><h2 id=\"g-graph\">Neighbourhood</h2>")
                .append("<div id=\"neighbourhood\" class=\"graph\" data-center=\"").append(esc(x.getURI())).append("\" data-edges=\"")
                .append(esc(neighbourhoodJson(x))).append("\"></div><p class=\"muted\">Dashed purple edges are inferred. ")
                .append("Select a node to open its page.</p></aside></div>\n");
        h.append("<h2>Sources</h2>\n<ul class=\"sources\">\n");
        for (Map<String, Object> s : catalog.sources(x)) h.append("<li>").append(sourceHtml(s)).append("</li>\n");
        h.append("</ul>\n</main>\n")
                .append("<script src=\"/webjars/cytoscape/").append(CYTOSCAPE_VERSION).append("/dist/cytoscape.min.js\" defer></script>")
                .append("<script type=\"module\" src=\"/js/product.js\"></script>\n</body></html>\n");
        return h.toString();
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

    /** A note's own sources: source graphs by their place in the paper, outside documents as links. */
    private String groundsHtml(Claims.Note n) {
        if (n.grounds().isEmpty()) return "";
        StringBuilder h = new StringBuilder(" <span class=\"muted\">(");
        for (int i = 0; i < n.grounds().size(); i++) {
            Node g = n.grounds().get(i);
            if (i > 0) h.append("; ");
            if (g.isURI() && catalog.dataset().containsGraph(g)) h.append(sourceHtml(Provenance.describe(catalog.dataset(), g)));
            else if (g.isURI() && g.getURI().startsWith("https://"))
                h.append("<a href=\"").append(esc(g.getURI())).append("\" rel=\"external noopener\">").append(esc(g.getURI())).append("</a>");
            else h.append(esc(g.toString()));
        }
        return h.append(")</span>").toString();
    }

    private static String sourceHtml(Map<String, Object> s) {
        StringBuilder h = new StringBuilder();
        Object text = s.getOrDefault("cellText", s.getOrDefault("quote", s.get("comment")));
        if (s.get("table") != null) h.append("<strong>").append(esc(s.get("table") + ", row " + s.get("row") + ", column " + s.get("column"))).append("</strong>");
        else if (s.get("section") != null) h.append("<strong>").append("abstract".equals(s.get("section")) ? "Abstract"
                : "Section " + esc(String.valueOf(s.get("section")))).append("</strong>");
        else h.append("<code>").append(esc(String.valueOf(s.get("graph")).replace(Graphs.BASE, ""))).append("</code>");
        if (text != null) h.append(": <q>").append(esc(String.valueOf(text))).append("</q>");
        // An outside source names the public document it was derived from: link it so a reader can check.
        Object from = s.get("wasDerivedFrom");
        if (from instanceof String doc && doc.startsWith("https://") && !doc.startsWith(Graphs.BASE))
            h.append(" (<a href=\"").append(esc(doc)).append("\" rel=\"external noopener\">")
                    .append(esc(String.valueOf(s.getOrDefault("label", doc)))).append("</a>)");
        // A source-level flag: part of what the sentence or cell says is doubtful and was not
        // recorded as a fact; the facts that were recorded carry their own dispute notes (Claims).
        if (Boolean.TRUE.equals(s.get("disputed")))
            h.append(" <span class=\"badge source-note\" title=\"").append(esc(String.valueOf(s.getOrDefault("disputeNote", ""))))
                    .append("\">partly disputed, not recorded</span>");
        return h.toString();
    }

    /** Edges between x and other resources of the id namespace, both directions, as JSON for the graph view. */
    private String neighbourhoodJson(Node x) {
        List<Map<String, Object>> edges = new ArrayList<>();
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
            edges.add(Map.of("s", t.getSubject().getURI(), "p", t.getPredicate().getURI(), "o", t.getObject().getURI(),
                    "inferred", catalog.claims().evidence(t).basis() == Claims.Basis.INFERRED));
        };
        catalog.union().find(x, Node.ANY, Node.ANY).forEachRemaining(add);
        catalog.union().find(Node.ANY, Node.ANY, x).forEachRemaining(add);
        try {
            return Json.MAPPER.writeValueAsString(Map.of("edges", edges, "labels", labels));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String value(Node o) {
        if (o.isLiteral()) return esc(o.getLiteralLexicalForm());
        if (o.isBlank()) return "<em>(anonymous)</em>";
        return link(o);
    }

    private String link(Node n) {
        String iri = n.getURI();
        String label = esc(iri.startsWith(Graphs.BASE) ? catalog.label(n) : PREFIXES.shortForm(iri));
        if (iri.startsWith(Graphs.ID)) return "<a href=\"/id/" + esc(iri.substring(Graphs.ID.length())) + "\">" + label + "</a>";
        // Only web addresses become links: a javascript:, data: or vbscript: IRI in the data is shown, never followed.
        if (!iri.regionMatches(true, 0, "http://", 0, 7) && !iri.regionMatches(true, 0, "https://", 0, 8))
            return "<span class=\"iri\">" + label + "</span>";
        return "<a href=\"" + esc(iri) + "\" rel=\"nofollow noopener\">" + label + "</a>";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
