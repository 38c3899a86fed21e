package org.virtkg.api;

import static org.virtkg.api.ResourceRoutes.esc;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.virtkg.api.PublishedOntology.Example;
import org.virtkg.api.PublishedOntology.Kind;
import org.virtkg.api.PublishedOntology.Metadata;
import org.virtkg.api.PublishedOntology.Term;
import org.virtkg.store.Graphs;

/**
 * The HTML documentation of the published ontology (in the manner of WIDOCO: metadata at the top,
 * a diagram, then every term with its axioms) and its "how to cite and reuse" page, both generated
 * from {@link PublishedOntology}. Rendered like {@code /id/{name}} pages: the same page shell, every
 * value from the data through {@link ResourceRoutes#esc}, and no script at all.
 */
final class OntologyPages {
    /** Names of licences the ontology may name, for display; any other licence shows as its IRI. */
    static final Map<String, String> LICENCE_NAMES = Map.of(
            "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0 International (CC BY 4.0)",
            "https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
            "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0 Universal (public domain dedication)");

    private OntologyPages() {}

    // ---- the documentation ----

    static String documentation(PublishedOntology o) {
        Metadata m = o.metadata();
        StringBuilder h = new StringBuilder(256 * 1024);
        head(h, m.title(), "ontology-doc");
        h.append("<h1>").append(esc(m.title())).append("</h1>\n");
        metadata(h, m);
        if (m.description() != null) h.append("<p class=\"lead\">").append(esc(m.description())).append("</p>\n");
        h.append("<p class=\"muted\">This page is generated from the ontology as the knowledge base holds it now, terms added through ")
                .append("<code>/api/terms</code> included. The same address serves it as Turtle, RDF/XML, JSON-LD and N-Triples ")
                .append("(<code>Accept</code> header), e.g. <code>curl -H 'Accept: text/turtle' …/ontology</code>.</p>\n");

        h.append("<nav aria-label=\"Contents\" class=\"toc\"><h2 id=\"sec-contents\">Contents</h2><ul>")
                .append("<li><a href=\"#sec-diagram\">Diagram</a></li>");
        for (Kind k : Kind.values()) {
            int n = o.of(k).size();
            if (n > 0) h.append("<li><a href=\"#sec-").append(k.anchor()).append("\">").append(k.heading).append(" (").append(n).append(")</a></li>");
        }
        h.append("<li><a href=\"/ontology/cite\">How to cite and reuse</a></li></ul></nav>\n");

        h.append("<section class=\"diagram-section\" aria-labelledby=\"sec-diagram\"><h2 id=\"sec-diagram\">Diagram</h2>\n")
                .append("<p class=\"muted\">The class hierarchy (solid lines to the first superclass, dashed to any other) and, on the ")
                .append("right, each object property as an arrow from its domain to its range. Select a class or property to read about it.</p>\n")
                .append("<div class=\"scroll diagram-box\">").append(OntologyDiagram.svg(o)).append("</div></section>\n");

        for (Kind k : Kind.values()) {
            List<Term> terms = o.of(k);
            if (terms.isEmpty()) continue;
            h.append("<section class=\"kind\" aria-labelledby=\"sec-").append(k.anchor()).append("\"><h2 id=\"sec-").append(k.anchor())
                    .append("\">").append(k.heading).append("</h2>\n<p class=\"index\">");
            for (int i = 0; i < terms.size(); i++)
                h.append(i == 0 ? "" : " · ").append("<a href=\"#").append(esc(terms.get(i).anchor())).append("\">")
                        .append(esc(terms.get(i).label())).append("</a>");
            h.append("</p>\n");
            for (Term t : terms) term(h, o, t);
            h.append("</section>\n");
        }
        return foot(h).toString();
    }

    private static void metadata(StringBuilder h, Metadata m) {
        h.append("<dl class=\"meta\">\n");
        row(h, "IRI", "<code>" + esc(m.iri().getURI()) + "</code>");
        if (m.versionIri() != null)
            row(h, "This version", "<code>" + esc(m.versionIri().getURI()) + "</code>" + (m.versionInfo() == null ? "" : " (" + esc(m.versionInfo()) + ")"));
        else row(h, "Version", m.versionInfo() == null ? "not stated" : esc(m.versionInfo()));
        row(h, "Licence", licence(m));
        row(h, m.creators().size() > 1 ? "Creators" : "Creator", m.creators().isEmpty() ? "not stated" : esc(String.join(", ", m.creators())));
        row(h, "Created", m.created() == null ? "not stated" : esc(m.created()));
        row(h, "Modified", m.modified() == null ? "not stated" : esc(m.modified()));
        row(h, "Preferred prefix", "<code>" + esc(m.prefix()) + "</code>");
        row(h, "Namespace", "<code>" + esc(m.namespace()) + "</code>");
        row(h, "Cite and reuse", "<a href=\"/ontology/cite\">How to cite, import and reuse this ontology</a>");
        h.append("</dl>\n");
    }

    private static void row(StringBuilder h, String name, String valueHtml) {
        h.append("<dt>").append(name).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static String licence(Metadata m) {
        if (m.licence() == null) return "not stated";
        String iri = m.licence().getURI();
        String name = LICENCE_NAMES.getOrDefault(iri, iri);
        return webLink(iri, esc(name)) + (name.equals(iri) ? "" : " <code>" + esc(iri) + "</code>");
    }

    private static void term(StringBuilder h, PublishedOntology o, Term t) {
        h.append("<section id=\"").append(esc(t.anchor())).append("\" class=\"term\"><h3>").append(esc(t.label()))
                .append(" <span class=\"tag\">").append(t.kind().singular).append("</span></h3>\n<p class=\"muted\"><code>")
                .append(esc(t.iri().getURI())).append("</code></p>\n");
        if (t.comment() != null) h.append("<p>").append(esc(t.comment())).append("</p>\n");
        h.append("<dl>\n");
        boolean property = t.kind() != Kind.CLASS && t.kind() != Kind.INDIVIDUAL;
        if (t.kind() == Kind.INDIVIDUAL) {
            nodes(h, o, "Instance of", t.types());
            if (PublishedOntology.isKnowledgeResource(t.iri()))
                row(h, "Page", "<a href=\"/id/" + esc(t.iri().getURI().substring(Graphs.ID.length())) + "\">its facts and sources</a>");
        } else {
            nodes(h, o, "Declared as", t.types());
        }
        String kindWord = t.kind() == Kind.CLASS ? "class" : "property";
        if (t.kind() != Kind.INDIVIDUAL) {
            nodes(h, o, "Sub" + kindWord + " of", t.supers());
            nodes(h, o, t.kind() == Kind.CLASS ? "Subclasses" : "Subproperties", t.subs());
        }
        if (property) {
            row(h, "Domain", t.domains().isEmpty() ? "not stated" : links(o, t.domains(), " or "));
            row(h, "Range", t.ranges().isEmpty() ? "not stated" : links(o, t.ranges(), " or "));
            nodes(h, o, "Inverse of", t.inverses());
        }
        nodes(h, o, "Disjoint with", t.disjoint());
        examples(h, t);
        h.append("</dl></section>\n");
    }

    private static void examples(StringBuilder h, Term t) {
        if (t.uses() == 0) return;
        String what = switch (t.kind()) {
            case CLASS -> t.uses() == 1 ? "1 instance" : t.uses() + " instances";
            case INDIVIDUAL -> t.uses() == 1 ? "referred to by 1 statement" : "referred to by " + t.uses() + " statements";
            default -> t.uses() == 1 ? "used once" : "used " + t.uses() + " times";
        };
        StringBuilder v = new StringBuilder(esc(what)).append(" in the knowledge base, e.g.<ul class=\"examples\">");
        for (Example e : t.examples()) {
            v.append("<li>").append(idLink(e.subject(), e.subjectLabel()));
            if (e.object() != null)
                v.append(" → ").append(e.object().isLiteral() ? "<q>" + esc(e.objectLabel()) + "</q>"
                        : PublishedOntology.isKnowledgeResource(e.object()) ? idLink(e.object(), e.objectLabel()) : "<code>" + esc(e.objectLabel()) + "</code>");
            v.append("</li>");
        }
        row(h, "Examples", v.append("</ul>").toString());
    }

    private static String idLink(Node n, String label) {
        return "<a href=\"/id/" + esc(n.getURI().substring(Graphs.ID.length())) + "\">" + esc(label) + "</a>";
    }

    private static void nodes(StringBuilder h, PublishedOntology o, String name, List<Node> nodes) {
        if (!nodes.isEmpty()) row(h, name, links(o, nodes, ", "));
    }

    private static String links(PublishedOntology o, List<Node> nodes, String separator) {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) b.append(b.isEmpty() ? "" : separator).append(link(o, n));
        return b.toString();
    }

    /** A term of this ontology links to its section; an outside term to its own IRI (web addresses only). */
    private static String link(PublishedOntology o, Node n) {
        Term t = o.byIri().get(n);
        if (t != null) return "<a href=\"#" + esc(t.anchor()) + "\">" + esc(t.label()) + "</a>";
        String iri = n.getURI();
        String shortName = o.graph().getPrefixMapping().shortForm(iri);
        return webLink(iri, esc(shortName));
    }

    /** Only web addresses become links: a javascript:, data: or vbscript: IRI in the data is shown, never followed. */
    private static String webLink(String iri, String labelHtml) {
        if (!iri.regionMatches(true, 0, "http://", 0, 7) && !iri.regionMatches(true, 0, "https://", 0, 8))
            return "<span class=\"iri\">" + labelHtml + "</span>";
        return "<a href=\"" + esc(iri) + "\" rel=\"nofollow noopener\">" + labelHtml + "</a>";
    }

    // ---- how to cite and reuse ----

    static String cite(PublishedOntology o) {
        Metadata m = o.metadata();
        String versioned = m.versionIri() != null ? m.versionIri().getURI() : m.iri().getURI();
        StringBuilder h = new StringBuilder(16 * 1024);
        head(h, "How to cite and reuse " + m.title(), "ontology-doc");
        h.append("<h1>How to cite and reuse the ").append(esc(m.title())).append("</h1>\n")
                .append("<p><a href=\"/ontology\">Back to the documentation of the ontology</a></p>\n");
        h.append("<section aria-labelledby=\"c-cite\"><h2 id=\"c-cite\">Cite it</h2>\n<p class=\"citation\">").append(esc(citation(m)))
                .append("</p>\n<p>BibTeX (also at this address with <code>Accept: application/x-bibtex</code>):</p>\n<pre><code>")
                .append(esc(bibtex(m))).append("</code></pre></section>\n");
        String prefix = m.prefix();
        String ns = m.namespace();
        h.append("<section aria-labelledby=\"c-prefix\"><h2 id=\"c-prefix\">Use its terms</h2>\n<p>The preferred prefix is <code>")
                .append(esc(prefix)).append("</code>. Declare it in Turtle or TriG:</p>\n<pre><code>")
                .append(esc("@prefix " + prefix + ": <" + ns + "> .")).append("</code></pre>\n<p>in SPARQL:</p>\n<pre><code>")
                .append(esc("PREFIX " + prefix + ": <" + ns + ">")).append("</code></pre>\n<p>in a JSON-LD context:</p>\n<pre><code>")
                .append(esc("{ \"@context\": { \"" + prefix + "\": \"" + ns + "\" } }")).append("</code></pre></section>\n");
        h.append("<section aria-labelledby=\"c-import\"><h2 id=\"c-import\">Import it</h2>\n<p>To build on this version, import its ")
                .append("version IRI (it stays the same document); import <code>").append(esc(m.iri().getURI()))
                .append("</code> instead to follow the latest version.</p>\n<pre><code>")
                .append(esc("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n\n<https://example.org/your-ontology> a owl:Ontology ;\n    owl:imports <"
                        + versioned + "> ."))
                .append("</code></pre>\n<p>Both addresses answer with Turtle, RDF/XML, JSON-LD or N-Triples by content negotiation, e.g. ")
                .append("<code>curl -L -H 'Accept: text/turtle' ").append(esc(versioned)).append("</code>.</p></section>\n");
        h.append("<section aria-labelledby=\"c-licence\"><h2 id=\"c-licence\">Licence</h2>\n<p>");
        if (m.licence() == null) h.append("The ontology states no licence.");
        else h.append("The ontology is published under ").append(licence(m))
                .append(". Reuse it on the licence's terms; credit it with the citation above.");
        h.append("</p></section>\n");
        return foot(h).toString();
    }

    /** A plain-text reference: creators (year). Title, version V. Version IRI. Licence. */
    static String citation(Metadata m) {
        StringBuilder c = new StringBuilder();
        c.append(m.creators().isEmpty() ? "Anonymous" : String.join(", ", m.creators()));
        String year = year(m);
        if (year != null) c.append(" (").append(year).append(")");
        c.append(". ").append(m.title());
        if (m.versionInfo() != null) c.append(", version ").append(m.versionInfo());
        c.append(". ").append(m.versionIri() != null ? m.versionIri().getURI() : m.iri().getURI());
        if (m.licence() != null) c.append(". Licence: ").append(LICENCE_NAMES.getOrDefault(m.licence().getURI(), m.licence().getURI()));
        return c.append('.').toString();
    }

    static String bibtex(Metadata m) {
        String version = m.versionInfo() == null ? "" : m.versionInfo();
        String key = (m.prefix() + "-ontology" + (version.isEmpty() ? "" : "-" + version)).replaceAll("[^A-Za-z0-9_.:-]", "");
        StringBuilder b = new StringBuilder("@misc{").append(key).append(",\n");
        // Double braces keep a corporate author ("The virtkg maintainers") from being parsed as a person's name.
        field(b, "author", m.creators().isEmpty() ? "{Anonymous}" : String.join(" and ", m.creators().stream().map(a -> "{" + tex(a) + "}").toList()));
        field(b, "title", "{" + tex(m.title()) + "}");
        if (!version.isEmpty()) field(b, "version", tex(version));
        String year = year(m);
        if (year != null) field(b, "year", year);
        if (m.modified() != null) field(b, "date", tex(m.modified()));
        field(b, "url", (m.versionIri() != null ? m.versionIri() : m.iri()).getURI().replaceAll("[{}\\\\]", ""));
        if (m.licence() != null) field(b, "note", "Licence: \\url{" + m.licence().getURI().replaceAll("[{}\\\\]", "") + "}");
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Escapes what BibTeX and LaTeX would read as markup in a field's text. */
    static String tex(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String year(Metadata m) {
        for (String d : new String[] {m.modified(), m.created()})
            if (d != null && d.matches("\\d{4}.*")) return d.substring(0, 4);
        return null;
    }

    // ---- page shell ----

    private static void head(StringBuilder h, String title, String mainClass) {
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" - virtkg</title><link rel=\"icon\" href=\"data:,\">")
                .append("<link rel=\"stylesheet\" href=\"/app.css\"></head><body>\n").append(ResourceRoutes.NAV)
                .append("<main id=\"main\" class=\"").append(mainClass).append("\">\n");
    }

    private static StringBuilder foot(StringBuilder h) {
        return h.append("</main>\n<footer class=\"foot\"><p><a href=\"/ontology\">Ontology</a> · <a href=\"/ontology/cite\">How to cite</a>")
                .append(" · <a href=\"/sparql\">SPARQL endpoint</a> · <a href=\"/docs\">API</a></p></footer>\n</body></html>\n");
    }
}
