package org.virtkg.api;

import org.virtkg.kb.WriteRejectedException;

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

    public Problem problem() {
        return problem;
    }
}
