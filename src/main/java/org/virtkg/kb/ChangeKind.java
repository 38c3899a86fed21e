package org.virtkg.kb;

import java.util.Arrays;
import org.virtkg.store.Graphs;

/**
 * What made a change, recorded with it in the change log, and therefore which graphs it may
 * write. Users write only their own graphs; the shipped-data sync only the shipped graphs and the
 * files' records; {@code virtkg load} of files what users may, and of a backup into a store
 * without a knowledge base anything the reasoner does not own. A revert may write what the change
 * it reverts wrote, but never the shipped graphs ({@link #revertRefusal}).
 */
public enum ChangeKind {
    /** {@code /api/products}. */
    PRODUCT("product", Scope.USER),
    /** {@code /api/claims}: an editor's sourced claim, dispute or condition. */
    CLAIM("claim", Scope.USER),
    /** {@code /api/terms}. */
    TERMS("terms", Scope.USER),
    /** {@code POST /update}. */
    SPARQL_UPDATE("sparql-update", Scope.USER),
    /** {@code PUT/POST/DELETE /data}. */
    GRAPH_STORE("graph-store", Scope.USER),
    /** {@code POST /api/changes/{id}/revert}; its scope is that of the change reverted. */
    REVERT("revert", Scope.USER),
    /**
     * {@code virtkg load}: a backup restored into a store without a knowledge base, with these
     * rights; files loaded into a knowledge base write with a user's ({@code LoadCommand}).
     */
    LOAD("load", Scope.ANY),
    /** {@code virtkg import} and {@code POST /api/imports/…}: an outside document's facts, into its own graph. */
    IMPORT("import", Scope.IMPORTED),
    /** The start-up sync of {@code ontology/} and {@code data/}. */
    SYNC("sync", Scope.SHIPPED),
    /** The reasoner brought the inferred graph up to date with changed rules at start; no asserted change. */
    REASONER("reasoner", Scope.NONE);

    /** Which graphs a kind of change may write. */
    public enum Scope {
        /** User graphs ({@code graph/user/…}, {@code graph/terms/…}, any other IRI not reserved). */
        USER,
        /** Shipped graphs, shipped imports ({@link Graphs#IMPORTED}) and the shipped files' records in the system graph. */
        SHIPPED,
        /** Only the graphs of imported documents ({@link Graphs#IMPORTED}). */
        IMPORTED,
        /** Everything but the graphs the reasoner and the store maintain (inferred, journal). */
        ANY,
        /** No asserted graph at all. */
        NONE
    }

    private final String id;
    private final Scope scope;

    ChangeKind(String id, Scope scope) {
        this.id = id;
        this.scope = scope;
    }

    /** The name in the change log and in {@code /api/changes}. */
    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    /** The kind recorded as {@code id}; changes logged before kinds were recorded are {@link #SPARQL_UPDATE}-like user changes. */
    public static ChangeKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(SPARQL_UPDATE);
    }

    /** Why this kind of change may not write {@code graph}, or null when it may (for refusing before any work starts). */
    public String refusal(String graph) {
        return refusal(scope, graph);
    }

    /**
     * Why the shipped knowledge may not be written: it is what the files say, and the sync at
     * start keeps the store equal to them (a graph changed any other way would differ from its
     * file while the file's record says it is up to date).
     */
    private static final String SHIPPED = "it is shipped knowledge (change ontology/ or data/ and restart virtkg instead)";

    /** Why {@code graph} is out of this scope, or null when it may be written. */
    public static String refusal(Scope scope, String graph) {
        boolean shipped = Graphs.isShipped(graph);
        return switch (scope) {
            case USER -> Graphs.isSystemManaged(graph) ? "it is maintained by virtkg itself"
                    : shipped ? SHIPPED
                    : Graphs.isImported(graph) ? "it holds an imported document's facts (import the document again instead)" : null;
            case IMPORTED -> Graphs.isImported(graph) ? null : "an import writes only its own graph under " + Graphs.IMPORTED;
            // The sync also writes the imported documents shipped as files (data/nova-*.trig): the
            // graph an import would write, which the import then leaves to the sync (ShippedData.ships).
            case SHIPPED -> shipped || Graphs.isImported(graph) || graph.equals(Graphs.SYSTEM) ? null
                    : "the shipped-data sync writes only shipped graphs";
            case ANY -> graph.equals(Graphs.INFERRED) || graph.equals(Graphs.JOURNAL)
                    ? "it is maintained by virtkg itself (the reasoner's conclusions are re-derived)" : null;
            case NONE -> "no asserted graph may change here";
        };
    }

    /**
     * Why a change made with {@code scope} that wrote {@code graphs} may not be reverted, or null
     * when it may (with the rights it was made with). The shipped graphs are read-only to users
     * whoever asks, an admin's revert included, by the rule that refuses any user's write to them:
     * a revert of the sync that brought them in once emptied the knowledge base, and one of a
     * restored backup would too. What the sync wrote elsewhere (a shipped release of Nova's matrix,
     * the files' records) is the files' as well.
     */
    public static String revertRefusal(Scope scope, Iterable<String> graphs) {
        for (String g : graphs)
            if (Graphs.isShipped(g)) return "it wrote the graph <" + g + ">, which is read-only: " + refusal(Scope.USER, g);
        return scope == Scope.SHIPPED ? "what the shipped-data sync wrote is read-only: " + SHIPPED : null;
    }
}
