package org.virtkg.api;

import io.javalin.http.Context;
import org.virtkg.security.AccessDecision;
import org.virtkg.security.AccessTokens;
import org.virtkg.security.Role;

/** Role checks for Javalin handlers, with the same rules and messages as the SPARQL gate. */
public final class Auth {
    private final AccessTokens tokens;

    public Auth(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** Returns the caller's role, or throws a 401/403 problem. */
    public Role require(Context ctx, Role required) {
        return switch (AccessDecision.require(tokens, required, ctx.header("Authorization"))) {
            case AccessDecision.Allowed a -> a.role().orElseThrow();
            case AccessDecision.Unauthenticated u -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"virtkg\"");
                throw ProblemException.of(401, u.reason());
            }
            case AccessDecision.Forbidden f -> throw ProblemException.of(403, f.reason());
        };
    }
}
