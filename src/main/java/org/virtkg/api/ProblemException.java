package org.virtkg.api;

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

    public Problem problem() {
        return problem;
    }
}
