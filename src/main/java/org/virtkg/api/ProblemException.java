package org.virtkg.api;

import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.StoreConflictException;
import org.virtkg.store.StoreException;

/** Thrown by handlers to answer with a problem-details body; mapped once in the server wiring. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException of(int status, String detail) {
        return new ProblemException(Problem.of(status, detail));
    }

    /**
     * A refused write as problem details — the one mapping, for every route and {@code /update}:
     * its status, what was refused in the user's words (for a SHACL refusal, the shapes' messages
     * themselves, not just their count), that nothing was changed, its kind and its report.
     */
    public static Problem rejected(WriteRejectedException e) {
        String detail = e.getMessage();
        if (e.kind().equals("shacl") && !e.report().isEmpty()) {
            java.util.List<String> messages = e.report().stream().filter(WriteRejectedException.ShapeViolation.class::isInstance)
                    .map(r -> String.valueOf(((WriteRejectedException.ShapeViolation) r).message())).distinct().toList();
            detail = String.join("; ", messages.subList(0, Math.min(3, messages.size())))
                    + (messages.size() > 3 ? "; and " + (messages.size() - 3) + " more (see report)" : "");
        }
        if (!detail.endsWith(".")) detail += ".";
        Problem problem = Problem.of(e.status(), "Nothing was changed: " + detail).withKind(e.kind()).withReport(e.report());
        // When every problem is about one field of the body (a route named them, ProductRoutes.inFields), the answer names it.
        java.util.Set<Object> fields = new java.util.HashSet<>();
        for (var entry : e.report()) fields.add(fieldOf(entry));
        return fields.size() == 1 && fields.iterator().next() != null ? problem.withField(String.valueOf(fields.iterator().next())) : problem;
    }

    /**
     * The store could not take part (unreachable, or busy with other instances' writes) as a 503.
     * For a write, the outcome may be unknown: the detail says so, and the next read shows it.
     */
    public static Problem storeUnavailable(StoreException e) {
        String detail = e instanceof StoreConflictException
                ? "The shared store is busy with writes from other instances; nothing was changed, try again. (" + e.getMessage() + ")"
                : "The store is unavailable: " + e.getMessage();
        return Problem.of(503, detail).withKind("store-unavailable");
    }

    public Problem problem() {
        return problem;
    }

    /** The request's field a finding is about, where it names one. */
    private static String fieldOf(WriteRejectedException.Finding finding) {
        return switch (finding) {
            case WriteRejectedException.ShapeViolation v -> v.field();
            case WriteRejectedException.UnknownReference u -> u.field();
            default -> null;
        };
    }
}
