package org.virtkg.kb;

import java.util.List;
import java.util.Map;

/**
 * A write was refused by validation (SHACL or the reasoner's consistency check). Nothing of it was
 * kept. {@link #report()} is a JSON-ready description of why.
 */
public final class WriteRejectedException extends RuntimeException {
    private final String kind;
    private final List<Map<String, Object>> report;

    public WriteRejectedException(String kind, String message, List<Map<String, Object>> report) {
        super(message);
        this.kind = kind;
        this.report = report;
    }

    /** {@code forbidden} (a protected graph), {@code shacl} or {@code inconsistent}. */
    public String kind() {
        return kind;
    }

    /** The HTTP status that says it: 403 for a protected graph, 422 for data that fails validation. */
    public int status() {
        return "forbidden".equals(kind) ? 403 : 422;
    }

    public List<Map<String, Object>> report() {
        return report;
    }
}
