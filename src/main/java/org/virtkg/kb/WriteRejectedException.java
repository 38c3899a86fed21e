package org.virtkg.kb;

import java.util.List;
import java.util.Map;

/**
 * A write was refused: by validation (a protected graph, SHACL, the reasoner's consistency check)
 * or by the change itself (the resource it creates exists, a precondition failed). Nothing of it
 * was kept. {@link #report()} says why, one {@link Finding} each.
 */
public final class WriteRejectedException extends RuntimeException {
    private final String kind;
    private final List<Finding> report;

    public WriteRejectedException(String kind, String message, List<? extends Finding> report) {
        super(message);
        this.kind = kind;
        this.report = List.copyOf(report);
    }

    /**
     * One finding of a refusal: a shape the data does not satisfy, an inconsistency (a
     * contradiction of sourced statements among them), an id a write names that the knowledge
     * base does not have, or a graph still naming what a delete would remove.
     */
    public sealed interface Finding permits ShapeViolation, Inconsistent, UnknownReference, NamingGraph {}

    /**
     * A SHACL result: the node, path and value at fault (path and value absent when the result has
     * none), the message in words, the constraint component and the shape (absent when unnamed);
     * and the request's field that set the property, where a route knows it.
     */
    public record ShapeViolation(String focusNode, String path, String value, String message, String constraint, String shape, String field)
            implements Finding {
        /** This finding, said of the request's {@code field} in {@code message}. */
        public ShapeViolation inField(String field, String message) {
            return new ShapeViolation(focusNode, path, value, message, constraint, shape, field);
        }
    }

    /**
     * An inconsistency: the OWL 2 RL rule that found it, in words, the triples involved and how
     * each was concluded; of a disagreement between statements, which graphs state each
     * ({@code statedBy}, by triple); of a contradiction refused, the statement refused
     * ({@code claim}) and those it contradicts. Null members have none.
     */
    public record Inconsistent(String rule, String message, List<String> triples, List<Derivation> explanations,
                               Map<String, List<String>> statedBy, String claim, List<Contradicted> contradicts) implements Finding {}

    /** How a triple of an inconsistency was concluded: the rule (null for an asserted one) and the premises (null for none). */
    public record Derivation(String triple, String rule, boolean asserted, List<Derivation> premises) {}

    /** A statement a refused one contradicts, and the graphs that state it. */
    public record Contradicted(String claim, List<String> sources) {}

    /** An id a write names that the knowledge base does not have: the request's field, the id, why, and the nearest known ids. */
    public record UnknownReference(String field, String value, String message, List<String> suggestions) implements Finding {}

    /** A graph that still names what a delete would remove. */
    public record NamingGraph(String graph) implements Finding {}

    /**
     * {@code forbidden} (a protected graph), {@code shacl}, {@code inconsistent}, {@code conflict}
     * (it exists already, or cannot be done in the current state) or {@code precondition} (an
     * {@code If-Match} / {@code If-None-Match} that failed) or {@code missing} (what it changes is gone).
     */
    public String kind() {
        return kind;
    }

    /** The HTTP status that says it: 403 protected graph, 409 conflict, 412 failed precondition, 422 invalid data. */
    public int status() {
        return switch (kind) {
            case "forbidden" -> 403;
            case "missing" -> 404;
            case "conflict" -> 409;
            case "precondition" -> 412;
            default -> 422;
        };
    }

    public List<Finding> report() {
        return report;
    }

    /**
     * The report as lines a person reads on a terminal (the command line has no JSON to show it
     * in): what contradicts what and who states each side; a shape's message, with the resource,
     * property and value it concerns; the statements an inconsistency involves.
     */
    public List<String> reportInWords() {
        List<String> lines = new java.util.ArrayList<>();
        for (Finding finding : report) {
            switch (finding) {
                case Inconsistent i when i.contradicts() != null && !i.contradicts().isEmpty() -> {
                    for (Contradicted other : i.contradicts())
                        lines.add(i.claim() + " contradicts " + other.claim() + ", stated by " + other.sources());
                }
                case Inconsistent i -> {
                    lines.add(i.message() == null ? kind : i.message());
                    for (String t : i.triples())
                        lines.add("  " + t + (i.statedBy() != null && i.statedBy().get(t) != null ? "  (stated by " + i.statedBy().get(t) + ")" : ""));
                }
                case ShapeViolation v -> {
                    StringBuilder line = new StringBuilder(v.message() == null ? kind : v.message());
                    if (v.focusNode() != null) line.append("; focusNode: ").append(v.focusNode());
                    if (v.path() != null) line.append("; path: ").append(v.path());
                    if (v.value() != null) line.append("; value: ").append(v.value());
                    lines.add(line.toString());
                }
                case UnknownReference u -> lines.add(u.message() + "; value: " + u.value());
                case NamingGraph g -> lines.add(kind + ": still named by the graph " + g.graph());
            }
        }
        return lines;
    }
}
