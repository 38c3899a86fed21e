package org.virtkg.pages;

import java.util.List;

/**
 * {@code /ontology} (and its version IRI) as HTML documentation, in the manner of WIDOCO: the
 * ontology's metadata, a diagram, then every term with its axioms and a few uses from the knowledge
 * base.
 *
 * @param title the ontology's title
 * @param description its description, or {@code null}
 * @param iri the ontology IRI
 * @param versionIri the version IRI, or {@code null}
 * @param versionInfo the version's name, or {@code null}
 * @param licence the licence, or {@code null} when none is stated
 * @param creators who made it, in the order stated
 * @param created when it was created, or {@code null}
 * @param modified when it was last modified, or {@code null}
 * @param prefix the preferred prefix
 * @param namespace the preferred namespace
 * @param diagramSvg the class diagram, drawn on the server as SVG markup (every text in it already
 *     XML-escaped by {@code api/OntologyDiagram}); the one value the template writes unescaped
 * @param kinds the terms, by kind (classes, object properties, …), each kind with at least one term
 */
public record OntologyPage(String title, String description, String iri, String versionIri, String versionInfo, Licence licence,
                           List<String> creators, String created, String modified, String prefix, String namespace, String diagramSvg,
                           List<Kind> kinds) {

    /** A licence: the link to it (its name as text) and its IRI, shown too when the name is not the IRI ({@code null} then). */
    public record Licence(Link link, String iri) {}

    /** A kind of term, its anchor and heading, and its terms. */
    public record Kind(String anchor, String heading, List<Term> terms) {}

    /**
     * One term's section.
     *
     * @param anchor its fragment on the page
     * @param label its label
     * @param kind its kind in words ("Class", "Object property", …)
     * @param iri its IRI
     * @param comment its comment, or {@code null}
     * @param rows its axioms and uses, as rows of a description list
     */
    public record Term(String anchor, String label, String kind, String iri, String comment, List<Row> rows) {}

    /**
     * One row of a term's description list: a text ({@code "not stated"}, {@code "used 3 times in the
     * knowledge base, e.g."}), links joined by {@code separator}, and examples; any of them may be empty.
     */
    public record Row(String name, String text, List<Link> links, String separator, List<Example> examples) {
        public static Row links(String name, List<Link> links, String separator) {
            return new Row(name, null, links, separator, List.of());
        }

        public static Row text(String name, String text) {
            return new Row(name, text, List.of(), "", List.of());
        }
    }

    /**
     * A use of a term: a subject and, for a property, its value, as a link ({@code object}), a quoted
     * literal ({@code literal}) or a name in code ({@code code}), one of them or none.
     */
    public record Example(Link subject, Link object, String literal, String code) {}

    /**
     * {@code /ontology/cite}: how to cite, import and reuse the ontology.
     *
     * @param title the ontology's title
     * @param iri the ontology IRI (follows the latest version)
     * @param versioned the version IRI, or the ontology IRI when it has none
     * @param prefix the preferred prefix
     * @param namespace the preferred namespace
     * @param citation a plain-text reference
     * @param bibtex the same as a BibTeX entry
     * @param licence the licence, or {@code null}
     */
    public record CitePage(String title, String iri, String versioned, String prefix, String namespace, String citation, String bibtex,
                           Licence licence) {}
}
