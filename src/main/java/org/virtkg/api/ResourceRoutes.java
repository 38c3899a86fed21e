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
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
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

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("id", Graphs.ID).setNsPrefix("vkg", Graphs.VOCAB)
            .setNsPrefix("rdf", RDF.getURI()).setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#").setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#").setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("schema", "https://schema.org/").lock();

    private final Catalog catalog;

    public ResourceRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    public void resource(Context ctx) {
        String type = Http.negotiate(ctx, FORMATS);
        // Browsers send text/html first with */* after it; curl sends */* only and gets Turtle.
        if (type == null) throw ProblemException.of(406, "Resources are available as " + String.join(", ", FORMATS));
        Node x = catalog.read(() -> catalog.resolvePath(ctx.pathParam("name")));
        if (Http.notModified(ctx, catalog.kb().version())) return;
        if (type.equals("text/html")) {
            ctx.contentType("text/html; charset=utf-8").result(catalog.read(() -> html(x)));
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
        Deque<Node> todo = new ArrayDeque<>(List.of(x));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            if (!seen.add(s)) continue;
            catalog.union().find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (isAnonymousType(t)) return;
                out.add(t);
                if (t.getObject().isBlank()) todo.push(t.getObject());
            });
        }
        return out;
    }

    /**
     * Memberships of anonymous classes (restrictions, intersections) are the reasoner's working
     * material; describing them would drag half the ontology into every resource.
     */
    private static boolean isAnonymousType(Triple t) {
        return t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isBlank();
    }

    private String html(Node x) {
        String label = catalog.label(x);
        Map<Node, List<Triple>> byProperty = new LinkedHashMap<>();
        List<Triple> triples = new ArrayList<>();
        catalog.union().find(x, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!isAnonymousType(t)) triples.add(t);
        });
        triples.sort(Comparator.comparing((Triple t) -> t.getPredicate().equals(RDF.type.asNode()) ? "" : catalog.label(t.getPredicate()))
                .thenComparing(t -> t.getObject().toString()));
        for (Triple t : triples) byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t);

        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(label)).append(" - virtkg</title><style>")
                .append("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
                .append("dt{font-weight:600;margin-top:.8rem}dd{margin-left:1.5rem}a{color:#0645ad}")
                .append(".inferred{font-size:.85em;border:1px solid #777;border-radius:.3em;padding:0 .3em;margin-left:.4em}")
                .append("code{font-size:.9em}</style></head><body>\n<main>\n");
        h.append("<h1>").append(esc(label)).append("</h1>\n<p><code>").append(esc(x.getURI())).append("</code></p>\n");
        List<String> kinds = catalog.kinds(x).stream().filter(k -> !k.inferred()).map(k -> esc(k.label())).toList();
        if (!kinds.isEmpty()) h.append("<p>Type: ").append(String.join(", ", kinds)).append("</p>\n");
        h.append("<p>Values marked <span class=\"inferred\">inferred</span> were derived by the reasoner, not stated by a source. ")
                .append("The same description is available as Turtle, JSON-LD and N-Triples (<code>Accept</code> header).</p>\n");
        h.append("<h2>Facts</h2>\n<dl>\n");
        for (var e : byProperty.entrySet()) {
            h.append("<dt>").append(link(e.getKey())).append("</dt>\n");
            for (Triple t : e.getValue()) {
                h.append("<dd>").append(value(t.getObject()));
                if (!catalog.asserted(t.getSubject(), t.getPredicate(), t.getObject()))
                    h.append("<span class=\"inferred\">inferred</span>");
                h.append("</dd>\n");
            }
        }
        h.append("</dl>\n<h2>Sources</h2>\n<ul>\n");
        for (Map<String, Object> s : catalog.sources(x)) {
            Object text = s.getOrDefault("cellText", s.getOrDefault("quote", s.get("comment")));
            h.append("<li><code>").append(esc(String.valueOf(s.get("graph")))).append("</code>");
            if (s.get("table") != null) h.append(" — ").append(esc(s.get("table") + ", row " + s.get("row") + ", column " + s.get("column")));
            if (s.get("section") != null) h.append(" — section ").append(esc(String.valueOf(s.get("section"))));
            if (text != null) h.append(": <q>").append(esc(String.valueOf(text))).append("</q>");
            if (Boolean.TRUE.equals(s.get("disputed"))) h.append(" <strong>(disputed)</strong>");
            h.append("</li>\n");
        }
        h.append("</ul>\n</main>\n</body></html>\n");
        return h.toString();
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
        return "<a href=\"" + esc(iri) + "\">" + label + "</a>";
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
