package org.virtkg.security;

import java.util.Optional;

/** The outcome of checking one request against the tokens. */
public sealed interface AccessDecision {
    record Allowed(Optional<Role> role) implements AccessDecision {}

    /** 401: no usable credentials. */
    record Unauthenticated(String reason) implements AccessDecision {}

    /** 403: credentials, but not enough. */
    record Forbidden(String reason) implements AccessDecision {}

    /** Checks that a request carrying {@code authorization} may act with {@code required}. */
    static AccessDecision require(AccessTokens tokens, Role required, String authorization) {
        if (!tokens.writesEnabled())
            return new Forbidden("Writes are disabled: no access token is configured on this server "
                    + "(set VIRTKG_ADMIN_TOKEN / VIRTKG_EDITOR_TOKEN or use --tokens FILE)");
        String token = AccessTokens.bearer(authorization);
        if (token == null) return new Unauthenticated("This operation needs an 'Authorization: Bearer <token>' header");
        Optional<Role> role = tokens.roleOf(token);
        if (role.isEmpty()) return new Unauthenticated("The bearer token is not valid");
        if (!role.get().includes(required))
            return new Forbidden("This operation needs the " + required.actor() + " role");
        return new Allowed(role);
    }
}
