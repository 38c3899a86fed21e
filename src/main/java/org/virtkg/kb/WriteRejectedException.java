package org.virtkg.kb;

import java.util.List;
import java.util.Map;

/**
 * A write was refused: by validation (a protected graph, SHACL, the reasoner's consistency check)
 * or by the change itself (the resource it creates exists, a precondition failed). Nothing of it
 * was kept. {@link #report()} is a JSON-ready description of why.
 */
public final class WriteRejectedException extends RuntimeException {
    private final String kind;
    private final List<Map<String, Object>> report;

    public WriteRejectedException(String kind, String message, List<Map<String, Object>> report) {
        super(message);
        this.kind = kind;
        this.report = report;
    }

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

    public List<Map<String, Object>> report() {
        return report;
    }

    /**
     * The report as lines a person reads on a terminal (the command line has no JSON to show it
     * in): what contradicts what and who states each side; a shape's message, with the resource,
     * property and value it concerns; the statements an inconsistency involves.
     */
    public List<String> reportInWords() {
        List<String> lines = new java.util.ArrayList<>();
        for (Map<String, Object> entry : report) {
            if (entry.get("contradicts") instanceof List<?> others && !others.isEmpty()) {
                for (Object o : others)
                    if (o instanceof Map<?, ?> other)
                        lines.add(entry.get("claim") + " contradicts " + other.get("claim") + ", stated by " + other.get("sources"));
                continue;
            }
            StringBuilder line = new StringBuilder(String.valueOf(entry.getOrDefault("message", kind)));
            for (String key : List.of("focusNode", "path", "value"))
                if (entry.get(key) != null) line.append("; ").append(key).append(": ").append(entry.get(key));
            lines.add(line.toString());
            if (entry.get("triples") instanceof List<?> triples)
                for (Object t : triples) lines.add("  " + t + statedBy(entry, t));
        }
        return lines;
    }

    private static String statedBy(Map<String, Object> entry, Object triple) {
        return entry.get("statedBy") instanceof Map<?, ?> by && by.get(String.valueOf(triple)) != null ? "  (stated by " + by.get(String.valueOf(triple)) + ")" : "";
    }
}
