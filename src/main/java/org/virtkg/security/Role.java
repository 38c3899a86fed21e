package org.virtkg.security;

import io.javalin.security.RouteRole;

/** Who may do what. Reads are open to everyone; writes need a bearer token of a role. */
public enum Role implements RouteRole {
    /** Adds, replaces and removes products. */
    EDITOR,
    /** Everything an editor may, plus SPARQL Update, Graph Store writes, ontology terms, reverts. */
    ADMIN;

    /** How the change log and messages name someone acting with this role. */
    public String actor() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean includes(Role other) {
        return this == ADMIN || this == other;
    }
}
