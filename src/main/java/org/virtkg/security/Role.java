package org.virtkg.security;

import io.javalin.security.RouteRole;

/** Who may do what. Reads are open to everyone; writes need a bearer token of a role. */
public enum Role implements RouteRole {
    /** Adds, replaces and removes products. */
    EDITOR,
    /** Everything an editor may, plus SPARQL Update, Graph Store writes, ontology terms, reverts. */
    ADMIN;

    public boolean includes(Role other) {
        return this == ADMIN || this == other;
    }
}
