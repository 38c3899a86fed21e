package org.virtkg.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.virtkg.api.PublishedOntology.Kind;
import org.virtkg.api.PublishedOntology.Term;
import org.virtkg.store.Graphs;

/**
 * The ontology's diagram as inline SVG, drawn on the server (no script, so it shows with scripts
 * off and under the Content-Security-Policy): the {@code vkg:} class hierarchy as an indented tree
 * on the left, each class a link to its section, and every object property whose domain and range
 * are {@code vkg:} classes as an arc on the right, from domain to range. An indented tree never
 * overlaps labels, however many classes admins add; arcs carry their property's name as a tooltip
 * and, when there is room, as a label.
 *
 * <p>The drawing is geometry computed here (positions, widths, label placement), so it is written as
 * one SVG string rather than through a template, and the page template inserts it as markup. That
 * makes {@link #xml} the one escaper left in the server's HTML: every label and anchor from the data
 * goes through it before it reaches the SVG.
 */
final class OntologyDiagram {
    /** Height of one class row, px. */
    static final int ROW = 24;
    /** Indentation per level of the hierarchy, px. */
    static final int INDENT = 22;
    /** Estimated width of one character of a label at the diagram's font size, px. */
    static final double CHAR_WIDTH = 7.2;
    /** Horizontal padding inside a class box, px. */
    static final int PAD = 8;
    /** Margin around the drawing, px. */
    static final int MARGIN = 12;
    /** How far an arc bulges to the right per px of vertical distance, and at least / at most, px. */
    static final double ARC_BULGE = 0.35;
    static final int ARC_MIN = 36;
    static final int ARC_MAX = 420;
    /** Room for arc labels right of the widest arc, px. */
    static final int LABEL_ROOM = 150;
    /** Line height of arc labels, px. */
    static final int LABEL_HEIGHT = 13;

    private OntologyDiagram() {}

    private record Row(Term term, int depth, int y, double width) {}

    private record Arc(Term property, Node domain, Node range) {}

    static String svg(PublishedOntology o) {
        Map<Node, Term> classes = new LinkedHashMap<>();
        for (Term t : o.of(Kind.CLASS)) if (t.iri().getURI().startsWith(Graphs.VOCAB)) classes.put(t.iri(), t);

        // The tree: a class hangs under its first named vkg: superclass (by label); further superclasses are dashed links.
        Map<Node, List<Term>> children = new LinkedHashMap<>();
        List<Term> roots = new ArrayList<>();
        Map<Node, Node> parent = new LinkedHashMap<>();
        for (Term t : classes.values()) {
            Node p = t.supers().stream().filter(classes::containsKey)
                    .min(Comparator.comparing((Node n) -> classes.get(n).label(), String.CASE_INSENSITIVE_ORDER)).orElse(null);
            if (p == null) roots.add(t);
            else {
                parent.put(t.iri(), p);
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(t);
            }
        }
        List<Row> rows = new ArrayList<>();
        Set<Node> placed = new HashSet<>();
        for (Term r : roots) place(r, 0, children, rows, placed);
        // Classes only reachable through a cycle of subclass axioms (equivalent classes) are roots too.
        for (Term t : classes.values()) if (!placed.contains(t.iri())) place(t, 0, children, rows, placed);
        Map<Node, Row> at = new LinkedHashMap<>();
        for (Row r : rows) at.put(r.term().iri(), r);

        double arcX = MARGIN;
        for (Row r : rows) arcX = Math.max(arcX, MARGIN + r.depth() * INDENT + r.width() + 16);
        List<Arc> arcs = new ArrayList<>();
        for (Term p : o.of(Kind.OBJECT_PROPERTY))
            for (Node d : p.domains())
                for (Node r : p.ranges())
                    if (at.containsKey(d) && at.containsKey(r)) arcs.add(new Arc(p, d, r));
        double widest = 0;
        for (Arc a : arcs) widest = Math.max(widest, bulge(at.get(a.domain()).y(), at.get(a.range()).y()));
        double width = arcX + widest + LABEL_ROOM;

        StringBuilder arcSvg = new StringBuilder(16 * 1024);
        double lowest = 0;
        List<double[]> labels = new ArrayList<>(); // x, baseline y, width of each placed arc label
        for (Arc a : arcs) {
            Row d = at.get(a.domain());
            Row r = at.get(a.range());
            double y1 = mid(d);
            double y2 = mid(r);
            double b = bulge(y1, y2);
            String name = xml(a.property().label());
            arcSvg.append("<g class=\"property\" data-property=\"").append(xml(a.property().anchor())).append("\"><title>")
                    .append(xml(d.term().label())).append(" — ").append(name).append(" → ").append(xml(r.term().label())).append("</title>");
            if (d == r) {
                arcSvg.append("<path d=\"M").append(fmt(arcX)).append(',').append(fmt(y1 - 4)).append(" c30,-16 30,24 0,8")
                        .append("\" marker-end=\"url(#arrow)\"/>");
            } else {
                arcSvg.append("<path d=\"M").append(fmt(arcX)).append(',').append(fmt(y1)).append(" C").append(fmt(arcX + b)).append(',')
                        .append(fmt(y1)).append(' ').append(fmt(arcX + b)).append(',').append(fmt(y2)).append(' ').append(fmt(arcX))
                        .append(',').append(fmt(y2)).append("\" marker-end=\"url(#arrow)\"/>");
            }
            // A label sits by its arc's apex, moved down past any label already placed where it would overlap.
            double lx = arcX + (d == r ? 28 : b * 0.75) + 4;
            double lw = a.property().label().length() * CHAR_WIDTH * 0.9;
            double ly = (y1 + y2) / 2 + 4;
            for (boolean moved = true; moved; ) {
                moved = false;
                for (double[] l : labels)
                    if (lx < l[0] + l[2] && l[0] < lx + lw && Math.abs(ly - l[1]) < LABEL_HEIGHT) {
                        ly = l[1] + LABEL_HEIGHT;
                        moved = true;
                    }
            }
            labels.add(new double[] {lx, ly, lw});
            lowest = Math.max(lowest, ly);
            width = Math.max(width, lx + lw + MARGIN);
            arcSvg.append("<a href=\"#").append(xml(a.property().anchor())).append("\"><text x=\"").append(fmt(lx)).append("\" y=\"")
                    .append(fmt(ly)).append("\">").append(name).append("</text></a></g>\n");
        }
        int height = (int) Math.ceil(Math.max(MARGIN * 2 + rows.size() * ROW, lowest + MARGIN));
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" aria-labelledby=\"diagram-title\" width=\"")
                .append(Math.round(width)).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(Math.round(width))
                .append(' ').append(height).append("\">\n<title id=\"diagram-title\">Class hierarchy of ").append(classes.size())
                .append(" classes and ").append(arcs.size()).append(" object-property links between them</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
                .append("orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n");
        // Hierarchy lines first, so boxes paint over them.
        s.append("<g class=\"hierarchy\">\n");
        for (Row r : rows) {
            Node p = parent.get(r.term().iri());
            if (p != null) {
                Row pr = at.get(p);
                double x = MARGIN + pr.depth() * INDENT + INDENT / 2.0;
                s.append("<path d=\"M").append(fmt(x)).append(',').append(fmt(mid(pr))).append(" V").append(fmt(mid(r))).append(" H")
                        .append(fmt(MARGIN + r.depth() * INDENT)).append("\" class=\"subclass\"/>\n");
            }
            for (Node other : r.term().supers()) {
                if (other.equals(p) || !at.containsKey(other)) continue;
                Row or = at.get(other);
                s.append("<path d=\"M").append(fmt(MARGIN + r.depth() * INDENT)).append(',').append(fmt(mid(r))).append(" C")
                        .append(fmt(MARGIN + r.depth() * INDENT - 40)).append(',').append(fmt(mid(r))).append(' ')
                        .append(fmt(MARGIN + or.depth() * INDENT - 40)).append(',').append(fmt(mid(or))).append(' ')
                        .append(fmt(MARGIN + or.depth() * INDENT)).append(',').append(fmt(mid(or)))
                        .append("\" class=\"subclass extra\"><title>").append(xml(r.term().label())).append(" is also a subclass of ")
                        .append(xml(or.term().label())).append("</title></path>\n");
            }
        }
        s.append("</g>\n<g class=\"properties\">\n").append(arcSvg);
        s.append("</g>\n<g class=\"classes\">\n");
        for (Row r : rows) {
            double x = MARGIN + r.depth() * INDENT;
            s.append("<a href=\"#").append(xml(r.term().anchor())).append("\"><g class=\"node\" data-term=\"").append(xml(r.term().anchor()))
                    .append("\"><rect x=\"").append(fmt(x)).append("\" y=\"").append(r.y() + 3).append("\" width=\"").append(fmt(r.width()))
                    .append("\" height=\"").append(ROW - 6).append("\" rx=\"4\"/><text x=\"").append(fmt(x + PAD)).append("\" y=\"")
                    .append(r.y() + ROW - 8).append("\">").append(xml(r.term().label())).append("</text></g></a>");
            // A dotted leader from the box to the arcs' column, so each arc's ends are easy to follow.
            if (x + r.width() < arcX - 2)
                s.append("<path d=\"M").append(fmt(x + r.width())).append(',').append(fmt(mid(r))).append(" H").append(fmt(arcX))
                        .append("\" class=\"leader\"/>");
            s.append('\n');
        }
        return s.append("</g>\n</svg>").toString();
    }

    private static void place(Term t, int depth, Map<Node, List<Term>> children, List<Row> rows, Set<Node> placed) {
        if (!placed.add(t.iri())) return;
        rows.add(new Row(t, depth, MARGIN + rows.size() * ROW, t.label().length() * CHAR_WIDTH + 2 * PAD));
        List<Term> kids = new ArrayList<>(children.getOrDefault(t.iri(), List.of()));
        kids.sort(Comparator.comparing(Term::label, String.CASE_INSENSITIVE_ORDER));
        for (Term c : kids) place(c, depth + 1, children, rows, placed);
    }

    private static double mid(Row r) {
        return r.y() + ROW / 2.0;
    }

    private static double bulge(double y1, double y2) {
        return Math.min(ARC_MAX, ARC_MIN + ARC_BULGE * Math.abs(y1 - y2));
    }

    private static String fmt(double v) {
        return Long.toString(Math.round(v));
    }

    /** Escapes text for SVG (XML) character data and attribute values: a label from the data is never markup. */
    static String xml(String s) {
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
