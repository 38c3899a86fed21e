package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.imports.SupportMatrices;
import org.virtkg.store.Graphs;

/**
 * A product as the paper describes it and as current sources do, side by side, at one snapshot.
 * The paper's facts come from its source graphs ({@code source/paper/…}), never changed; current
 * facts from the dated outside graphs of {@code data/current.trig} ({@code source/current/…}), each
 * with its address and as-of date, and from the newest imported support matrix that speaks of the
 * product. Where both state the same property with different values, the property is listed
 * under {@code disputed} with both sides, rather than one overwriting the other.
 */
public final class Lifecycles {
    private Lifecycles() {}

    private static final String PAPER = Graphs.SOURCE + "paper/";
    private static final String CURRENT = Graphs.SOURCE + "current/";
    private static final String IMPORTED = Graphs.IMPORTED;
    private static final Node CURRENT_DESCRIPTIONS = Graphs.node(Graphs.SOURCE + "current");
    private static final Node DERIVED = Graphs.node("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node LIFECYCLE = Graphs.node(Graphs.VOCAB + "lifecycleStatus");
    private static final Node NOTATION = Graphs.node("http://www.w3.org/2004/02/skos/core#notation");

    /**
     * One stated fact: property and value ids and labels, the graph stating it, and whether a
     * source disputes it; a current one also the address and date of its source. Null members have
     * no value (a literal has no {@code valueLabel}, a paper fact no {@code address} or {@code asOf}).
     */
    public record Fact(String property, String propertyLabel, String value, String valueLabel, String source, boolean disputed,
                       String address, String asOf) {}

    /** A property on which the paper and today's sources differ, with each side's facts of it. */
    public record Disagreement(String property, List<Fact> paper, List<Fact> current) {}

    /**
     * A product's two sides under a view: the paper's facts (null under {@code current}), today's
     * facts and lifecycle status ({@code current} null under {@code paper}), and the properties on
     * which they differ (null but under {@code all}).
     */
    public record Sides(String id, String label, String view, List<Fact> paper, List<Fact> current, String lifecycleStatus,
                        List<Disagreement> disputed) {}

    private static Fact fact(Catalog catalog, Quad q, boolean current) {
        Node o = q.getObject();
        String address = null, asOf = null;
        if (current) {
            // A current.trig claim is described in source/current; an imported release describes itself.
            DatasetGraph dsg = catalog.dataset();
            Node described = q.getGraph().getURI().startsWith(IMPORTED) ? q.getGraph() : CURRENT_DESCRIPTIONS;
            var from = dsg.find(described, q.getGraph(), DERIVED, Node.ANY);
            if (from.hasNext()) address = from.next().getObject().getURI();
            asOf = asOf(catalog, q.getGraph());
        }
        return new Fact(IdIndex.idOf(q.getPredicate()), catalog.label(q.getPredicate()),
                o.isLiteral() ? o.getLiteralLexicalForm() : IdIndex.idOf(o), o.isURI() ? catalog.label(o) : null, q.getGraph().getURI(),
                // As every view: a disputed claim is never shown as plain fact (claims/Claims).
                catalog.claims().evidence(q.asTriple()).disputed(), address, asOf);
    }

    /** A source graph's date ({@code vkg:asOf}), as the claims read it ({@link org.virtkg.claims.Claims#dateOf}), or null. */
    private static String asOf(Catalog catalog, Node graph) {
        String date = catalog.claims().dateOf(graph);
        return date.isEmpty() ? null : date;
    }

    /**
     * The product's stated facts per side, and the properties on which the sides disagree. Today's
     * side holds the dated claims of {@code source/current/…} and those of the newest imported
     * support matrix that speaks of the product (older releases are history, not the present).
     */
    public static Sides sides(Catalog catalog, Node x, String view) {
        List<Fact> paper = new ArrayList<>(), current = new ArrayList<>();
        Map<String, Set<String>> paperValues = new LinkedHashMap<>(), currentValues = new LinkedHashMap<>();
        String status = null;
        DatasetGraph dsg = catalog.dataset();
        Node newestImport = SupportMatrices.newestAbout(dsg, x).map(SupportMatrices.Release::graph).orElse(null);
        // What a source says of x, from x's side ("KVM vmmType Type1") and from the other
        // product's ("OpenStack supports KVM", which is KVM's "supported by"), once per source.
        // In graph, property and value order, not the store's (which a restored or copied store has otherwise).
        Set<Quad> said = new LinkedHashSet<>(), fromOtherSide = new java.util.HashSet<>();
        dsg.find(Node.ANY, x, Node.ANY, Node.ANY).forEachRemaining(said::add);
        org.virtkg.claims.Claims claims = catalog.claims();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, x).forEachRemaining(q -> {
            org.apache.jena.graph.Triple inverse = claims.inverse(q.asTriple());
            Quad stated = inverse == null ? null : Quad.create(q.getGraph(), inverse);
            if (stated != null && said.add(stated)) fromOtherSide.add(stated);
        });
        List<Quad> statements = new ArrayList<>(said);
        statements.sort(java.util.Comparator.comparing((Quad q) -> q.getGraph().toString())
                .thenComparing(q -> q.getPredicate().toString()).thenComparing(q -> q.getObject().toString()));
        for (Quad q : statements) {
            if (!q.getGraph().isURI()) continue;
            String g = q.getGraph().getURI();
            boolean isPaper = g.startsWith(PAPER), isCurrent = g.startsWith(CURRENT) || q.getGraph().equals(newestImport);
            // A side the view does not show is not built (each fact judges its claim: the compatibility
            // check asks for today's side of two products on every new version).
            if (isPaper && view.equals("current") || isCurrent && view.equals("paper")) continue;
            if (!isPaper && !isCurrent) continue;
            Fact f = fact(catalog, q, isCurrent);
            (isPaper ? paper : current).add(f);
            // Only what sources say of x itself is weighed for disagreement: a current source that
            // says OpenStack supports KVM says nothing of the other platforms the paper names.
            if (!fromOtherSide.contains(q))
                (isPaper ? paperValues : currentValues).computeIfAbsent(f.property(), k -> new LinkedHashSet<>()).add(f.value());
            if (isCurrent && q.getPredicate().equals(LIFECYCLE)) status = f.value();
        }
        List<Disagreement> disputed = new ArrayList<>();
        for (var e : paperValues.entrySet()) {
            Set<String> now = currentValues.get(e.getKey());
            if (now != null && !now.equals(e.getValue()))
                disputed.add(new Disagreement(e.getKey(), paper.stream().filter(f -> f.property().equals(e.getKey())).toList(),
                        current.stream().filter(f -> f.property().equals(e.getKey())).toList()));
        }
        return new Sides(IdIndex.idOf(x), catalog.label(x), view, view.equals("current") ? null : paper,
                view.equals("paper") ? null : current, view.equals("paper") ? null : status, view.equals("all") ? disputed : null);
    }

    /**
     * Where a product stands today: the status's notation ({@code maintained}, {@code discontinued},
     * …, or null when no source gives one, as for Eucalyptus, whose latest release a source dates),
     * the status's source ({@code statusSource}, null when no source gives a status), and every
     * other current fact about it by property id (a value id or text, or a list of them when a
     * property has several).
     */
    public record Standing(String status, StatusSource statusSource, Map<String, Object> facts) {}

    /** The address and date of the source of a lifecycle status, each null when that source gives none. */
    public record StatusSource(String address, String asOf) {}

    /** Where {@code x} stands today ({@link Standing}), or null when no current source says anything of it. */
    public static Standing lifecycle(Catalog catalog, Node x) {
        List<Fact> facts = sides(catalog, x, "current").current();
        if (facts.isEmpty()) return null;
        String status = null;
        StatusSource statusSource = null;
        for (var f : facts) {
            if (f.property().equals(IdIndex.idOf(LIFECYCLE))) {
                status = notation(catalog, Graphs.node(Graphs.ID + f.value()));
                statusSource = new StatusSource(f.address(), f.asOf());
            }
        }
        // A property with several values today (OpenStack does not support UML, says one source, nor
        // Xen, says Nova's newest matrix) lists them all; one with one value gives it alone.
        Map<String, Set<String>> others = new LinkedHashMap<>();
        for (var f : facts)
            if (!f.property().equals(IdIndex.idOf(LIFECYCLE))) others.computeIfAbsent(f.property(), k -> new LinkedHashSet<>()).add(f.value());
        Map<String, Object> values = new LinkedHashMap<>();
        // status, address and asOf are the standing's own members: a property by one of those ids (none has one) would be written twice.
        others.forEach((property, v) -> {
            if (!STANDING_MEMBERS.contains(property)) values.put(property, v.size() == 1 ? v.iterator().next() : List.copyOf(v));
        });
        return new Standing(status, statusSource, values);
    }

    private static final Set<String> STANDING_MEMBERS = Set.of("status", "address", "asOf");

    /**
     * Where products stand today, for one answer that names them (a selection's pairs, which share
     * their platforms; a comparison): each product's {@link #lifecycle} computed once, and the
     * {@link #caution}s a list of them calls for. Not thread-safe: one per request.
     */
    public static final class Today {
        private final Catalog catalog;
        private final Map<Node, Optional<Standing>> lifecycles = new java.util.HashMap<>();

        public Today(Catalog catalog) {
            this.catalog = catalog;
        }

        /** The product's {@link #lifecycle}: null when no current source speaks of it. */
        public Standing lifecycle(Node product) {
            return lifecycles.computeIfAbsent(product, p -> Optional.ofNullable(Lifecycles.lifecycle(catalog, p))).orElse(null);
        }

        /** The cautions the products call for, in their order. */
        public List<String> cautions(List<Node> products) {
            List<String> out = new ArrayList<>();
            for (Node p : products) caution(catalog, p, lifecycle(p)).ifPresent(out::add);
            return out;
        }
    }

    /**
     * A sentence for a product a current source says is no longer developed as such (discontinued,
     * or superseded by another), with that source and its date; none for a maintained or forked
     * one (a fork runs beside it) or one no current source speaks of; {@code today} is the
     * product's {@link #lifecycle}. A selection says it beside a pair's score, which weighs only
     * the requirements given.
     */
    public static Optional<String> caution(Catalog catalog, Node product, Standing today) {
        if (today == null || today.status() == null) return Optional.empty();
        String what = switch (today.status()) {
            case "discontinued" -> "is discontinued";
            case "superseded" -> "is superseded" + (today.facts().get("supersededBy") instanceof String by
                    ? " by " + catalog.label(Graphs.node(Graphs.ID + by)) : "");
            default -> null;
        };
        if (what == null) return Optional.empty();
        List<String> saidBy = new ArrayList<>();
        StatusSource source = today.statusSource();
        if (source.asOf() != null) saidBy.add("as of " + source.asOf());
        if (source.address() != null) saidBy.add(source.address());
        return Optional.of(catalog.label(product) + " " + what + (saidBy.isEmpty() ? "" : " (" + String.join(", ", saidBy) + ")") + ".");
    }

    /** Product id → lifecycle status notation, for every product a current source gives one. */
    public static Map<String, String> lifecycles(Catalog catalog) {
        Map<String, String> out = new java.util.TreeMap<>();
        catalog.dataset().find(Node.ANY, Node.ANY, LIFECYCLE, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().isURI() && q.getGraph().getURI().startsWith(CURRENT)) out.put(IdIndex.idOf(q.getSubject()), notation(catalog, q.getObject()));
        });
        return out;
    }

    private static String notation(Catalog catalog, Node status) {
        var it = catalog.union().find(status, NOTATION, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : IdIndex.idOf(status);
    }
}
