package org.virtkg.pages;

import java.util.List;

/**
 * {@code /id/{name}} as HTML: one resource's facts, grouped, each with its basis (stated or
 * inferred), disputes, notes and sources; the paper's facts next to today's; the neighbourhood the
 * page's script draws; and every source that speaks of it.
 *
 * @param label the resource's label
 * @param iri its IRI
 * @param kinds the classes it is shown as (a technology, a platform, …)
 * @param comment its description, or {@code null}
 * @param compareHref the compare page with it preselected, or {@code null} when it is not a product
 * @param views the views the page can be read in, the current one marked
 * @param paperSilent the paper view of a resource the paper does not name
 * @param comparison the paper's facts next to today's, or {@code null} when no current source speaks of it
 * @param groups the facts, grouped
 * @param neighbourhoodJson the edges and labels the graph view draws (JSON)
 * @param sources every source of a statement about it
 * @param cytoscapeVersion the Cytoscape WebJar's version (the graph view's library)
 * @param related the features another source names that a statement matches with this one
 *        ({@code skos:closeMatch} or {@code skos:exactMatch}, either way), each with who states
 *        the match and how that source rates it per driver
 * @param cells the paper's table cells about it from which no fact was read, in every view (they
 *        are the paper's): what each says, verbatim, and why nothing was recorded
 */
public record ResourcePage(String label, String iri, List<Kind> kinds, String comment, String compareHref, List<View> views,
                           boolean paperSilent, Comparison comparison, List<Group> groups, String neighbourhoodJson,
                           List<Source> sources, String cytoscapeVersion, List<Related> related, List<Cell> cells) {

    /**
     * A table cell read into no fact: where it is ("Table 1, row …, column …"), its text verbatim,
     * whether it is disputed, and the note that says why, or how it was read.
     */
    public record Cell(String heading, String text, boolean disputed, String note) {}

    /**
     * A feature matched with the page's: the feature, how it is matched ("close match"), whether
     * the match is the editors' reading, the match's sources, and each support record of the
     * matched feature (an imported matrix's rating of one driver in one release).
     */
    public record Related(Link feature, String match, boolean editorial, List<Source> matchSources, List<DriverSupport> support) {}

    /**
     * One driver's rating of a feature in one release: the release, the driver and the
     * technologies it drives, the level in words, virtkg's summary of the caveat (or {@code null}),
     * and the source stating it.
     */
    public record DriverSupport(String release, Link driver, List<Link> technologies, String level, String caveat, Source source) {}

    /** A class the resource belongs to. */
    public record Kind(String label, boolean inferred, boolean disputed) {}

    /** A view of the page: its query value, its name in words, whether it is the one shown. */
    public record View(String key, String name, boolean current) {}

    /** A group of facts ("Compatibility", "Technical profile", …) and its anchor. */
    public record Group(String slug, String title, List<Property> properties) {}

    /** A property and its values. */
    public record Property(Link property, List<Value> values) {}

    /**
     * One value of a property.
     *
     * @param link the value when it is a resource ({@code null} for a literal or a blank node)
     * @param literal the value when it is a literal
     * @param basis {@code stated}, {@code inferred} or empty
     * @param inferred derived by the reasoner
     * @param whyHref the explanation of an inferred fact, or {@code null}
     * @param commercialService the value is a commercial service (e.g. Amazon EC2), which platform lists leave out
     */
    public record Value(Link link, String literal, String basis, boolean inferred, String whyHref, boolean disputed,
                        boolean conditional, List<Note> notes, List<Source> sources, boolean commercialService) {}

    /**
     * A note on a fact (a dispute, a condition, an editorial reading), what it rests on and, for one
     * someone filed, who and when ({@code filedBy}, else {@code null}).
     */
    public record Note(String kind, String text, List<Source> grounds, String filedBy) {}

    /**
     * Where a statement comes from: the place in the paper ({@code heading}: table, row and column,
     * or section), else the source graph's name ({@code code}); what it says ({@code quote}); the
     * public document it was derived from; and a source-level dispute note.
     */
    public record Source(String heading, String code, String quote, Link document, boolean partlyDisputed, String disputeNote) {
        /** An outside document only, by its address. */
        public static Source document(Link document) {
            return new Source(null, null, null, document, false, null);
        }
    }

    /** The paper's facts next to today's, and the properties on which they differ. */
    public record Comparison(List<Fact> paper, List<Fact> current, List<String> disputedProperties) {}

    /** A fact of either side: property, value, disputed, and for a current one its address and date. */
    public record Fact(String property, String value, boolean disputed, String address, String asOf) {}
}
