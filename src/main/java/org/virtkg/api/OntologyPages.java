package org.virtkg.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.virtkg.api.PublishedOntology.Example;
import org.virtkg.api.PublishedOntology.Kind;
import org.virtkg.api.PublishedOntology.Metadata;
import org.virtkg.api.PublishedOntology.Term;
import org.virtkg.pages.Link;
import org.virtkg.pages.OntologyPage;
import org.virtkg.pages.OntologyPage.CitePage;
import org.virtkg.pages.OntologyPage.Licence;
import org.virtkg.pages.OntologyPage.Row;
import org.virtkg.pages.Pages;
import org.virtkg.store.Graphs;

/**
 * The HTML documentation of the published ontology (in the manner of WIDOCO: metadata at the top,
 * a diagram, then every term with its axioms) and its "how to cite and reuse" page, both generated
 * from {@link PublishedOntology}. Rendered like {@code /id/{name}} pages: a page model
 * ({@link OntologyPage}) and its JTE template ({@code ontology.jte}, {@code cite.jte}) in the shared
 * shell, which escapes every value from the data; no script at all.
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
        List<OntologyPage.Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<Term> terms = o.of(k);
            if (!terms.isEmpty()) kinds.add(new OntologyPage.Kind(k.anchor(), k.heading, terms.stream().map(t -> term(o, t)).toList()));
        }
        return Pages.render("ontology.jte", new OntologyPage(m.title(), m.description(), m.iri().getURI(),
                m.versionIri() == null ? null : m.versionIri().getURI(), m.versionInfo(), licence(m), m.creators(), m.created(),
                m.modified(), m.prefix(), m.namespace(), OntologyDiagram.svg(o), kinds));
    }

    private static Licence licence(Metadata m) {
        if (m.licence() == null) return null;
        String iri = m.licence().getURI();
        String name = LICENCE_NAMES.getOrDefault(iri, iri);
        return new Licence(webLink(iri, name), name.equals(iri) ? null : iri);
    }

    private static OntologyPage.Term term(PublishedOntology o, Term t) {
        List<Row> rows = new ArrayList<>();
        boolean property = t.kind() != Kind.CLASS && t.kind() != Kind.INDIVIDUAL;
        if (t.kind() == Kind.INDIVIDUAL) {
            nodes(rows, o, "Instance of", t.types());
            if (PublishedOntology.isKnowledgeResource(t.iri()))
                rows.add(Row.links("Page", List.of(new Link(idHref(t.iri()), "its facts and sources")), ""));
        } else {
            nodes(rows, o, "Declared as", t.types());
        }
        String kindWord = t.kind() == Kind.CLASS ? "class" : "property";
        if (t.kind() != Kind.INDIVIDUAL) {
            nodes(rows, o, "Sub" + kindWord + " of", t.supers());
            nodes(rows, o, t.kind() == Kind.CLASS ? "Subclasses" : "Subproperties", t.subs());
        }
        if (property) {
            rows.add(t.domains().isEmpty() ? Row.text("Domain", "not stated") : Row.links("Domain", links(o, t.domains()), " or "));
            rows.add(t.ranges().isEmpty() ? Row.text("Range", "not stated") : Row.links("Range", links(o, t.ranges()), " or "));
            nodes(rows, o, "Inverse of", t.inverses());
        }
        nodes(rows, o, "Disjoint with", t.disjoint());
        if (t.uses() > 0) rows.add(examples(t));
        return new OntologyPage.Term(t.anchor(), t.label(), t.kind().singular, t.iri().getURI(), t.comment(), rows);
    }

    private static Row examples(Term t) {
        String what = switch (t.kind()) {
            case CLASS -> t.uses() == 1 ? "1 instance" : t.uses() + " instances";
            case INDIVIDUAL -> t.uses() == 1 ? "referred to by 1 statement" : "referred to by " + t.uses() + " statements";
            default -> t.uses() == 1 ? "used once" : "used " + t.uses() + " times";
        };
        List<OntologyPage.Example> examples = new ArrayList<>();
        for (Example e : t.examples()) {
            Link subject = new Link(idHref(e.subject()), e.subjectLabel());
            if (e.object() == null) examples.add(new OntologyPage.Example(subject, null, null, null));
            else if (e.object().isLiteral()) examples.add(new OntologyPage.Example(subject, null, e.objectLabel(), null));
            else if (PublishedOntology.isKnowledgeResource(e.object()))
                examples.add(new OntologyPage.Example(subject, new Link(idHref(e.object()), e.objectLabel()), null, null));
            else examples.add(new OntologyPage.Example(subject, null, null, e.objectLabel()));
        }
        return new Row("Examples", what + " in the knowledge base, e.g.", List.of(), "", examples);
    }

    private static String idHref(Node n) {
        return "/id/" + n.getURI().substring(Graphs.ID.length());
    }

    private static void nodes(List<Row> rows, PublishedOntology o, String name, List<Node> nodes) {
        if (!nodes.isEmpty()) rows.add(Row.links(name, links(o, nodes), ", "));
    }

    private static List<Link> links(PublishedOntology o, List<Node> nodes) {
        return nodes.stream().map(n -> link(o, n)).toList();
    }

    /** A term of this ontology links to its section; an outside term to its own IRI (web addresses only). */
    private static Link link(PublishedOntology o, Node n) {
        Term t = o.byIri().get(n);
        if (t != null) return new Link("#" + t.anchor(), t.label());
        String iri = n.getURI();
        return webLink(iri, o.graph().getPrefixMapping().shortForm(iri));
    }

    /** Only web addresses become links: a javascript:, data: or vbscript: IRI in the data is shown, never followed. */
    private static Link webLink(String iri, String label) {
        if (!iri.regionMatches(true, 0, "http://", 0, 7) && !iri.regionMatches(true, 0, "https://", 0, 8)) return new Link(null, label);
        return new Link(iri, label);
    }

    // ---- how to cite and reuse ----

    static String cite(PublishedOntology o) {
        Metadata m = o.metadata();
        String versioned = m.versionIri() != null ? m.versionIri().getURI() : m.iri().getURI();
        return Pages.render("cite.jte", new CitePage(m.title(), m.iri().getURI(), versioned, m.prefix(), m.namespace(), citation(m),
                bibtex(m), licence(m)));
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
}
