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

    /** A refused write as problem details: its status, its message (after {@code context}), kind and report. */
    public static ProblemException rejected(WriteRejectedException e, String context) {
        return new ProblemException(Problem.of(e.status(), context + e.getMessage()).with("kind", e.kind()).with("report", e.report()));
    }

    /**
     * The store could not take part (unreachable, or busy with other instances' writes) as a 503.
     * For a write, the outcome may be unknown: the detail says so, and the next read shows it.
     */
    public static Problem storeUnavailable(StoreException e) {
        String detail = e instanceof StoreConflictException
                ? "The shared store is busy with writes from other instances; nothing was changed, try again. (" + e.getMessage() + ")"
                : "The store is unavailable: " + e.getMessage();
        return Problem.of(503, detail).with("kind", "store-unavailable");
    }

    public Problem problem() {
        return problem;
    }
}
