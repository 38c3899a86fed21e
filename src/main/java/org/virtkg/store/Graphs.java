package org.virtkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The named graphs virtkg keeps, and the IRIs that name them.
 *
 * <p>Queries see the union of every named graph as their default graph, so a graph's role is
 * told by its IRI alone: shipped ontology and paper data, user additions, the reasoner's output,
 * and the store's own bookkeeping.
 */
public final class Graphs {
    private Graphs() {}

    public static final String BASE = "https://w3id.org/virtkg/";
    public static final String VOCAB = BASE + "ontology#";
    public static final String ID = BASE + "id/";
    public static final String GRAPH = BASE + "graph/";

    /**
     * The prefixes virtkg writes and reads terms with: its own ({@code vkg:}, {@code id:}) and the
     * vocabularies its data uses. One table for the ids users type, the pages' Turtle and the
     * SPARQL editor's completion and error messages.
     */
    public static final java.util.Map<String, String> PREFIXES = prefixes(
            "vkg", VOCAB,
            "id", ID,
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "prov", "http://www.w3.org/ns/prov#",
            "skos", "http://www.w3.org/2004/02/skos/core#",
            "schema", "https://schema.org/");

    /** Pairs of prefix and namespace, kept in the order given (written Turtle lists them so, every run alike). */
    private static java.util.Map<String, String> prefixes(String... pairs) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The OWL ontology shipped in {@code ontology/virtkg.ttl}. */
    public static final String ONTOLOGY = GRAPH + "ontology";
    /** The SHACL shapes shipped in {@code ontology/shapes.ttl}; kept out of reasoning. */
    public static final String SHAPES = GRAPH + "shapes";
    /** Prefix of graphs loaded from triple files in {@code data/} (quad files name their own graphs). */
    public static final String DATA = GRAPH + "data/";
    /** Prefix of the per-source graphs of the paper and of outside knowledge. */
    public static final String SOURCE = BASE + "source/";
    /**
     * Prefix of graphs written by imports of outside data ({@code virtkg import}): one graph per
     * imported document, e.g. {@code source/nova/{release}}; only the import kind of change writes them.
     */
    public static final String IMPORTED = SOURCE + "nova/";
    /** Prefix of graphs holding products users added. */
    public static final String USER = GRAPH + "user/";
    /** Prefix of graphs holding ontology terms users added. */
    public static final String TERMS = GRAPH + "terms/";
    /** Everything the reasoner derived; rewritten by the reasoner, never by users. */
    public static final String INFERRED = GRAPH + "inferred";
    /** The store's bookkeeping: hashes of shipped files and the graphs they produced. */
    public static final String SYSTEM = GRAPH + "system";
    /**
     * The change log ({@link ChangeLog}): one entry (with its RDF Patch) per accepted change; the
     * audit trail, the change feed and, with a remote store, what instances replay.
     */
    public static final String CHANGES = GRAPH + "changes";
    /**
     * Remote stores written by earlier versions of virtkg: a replication journal, now replaced by
     * the change log. Never copied locally, never loaded from a backup, writable by no one.
     */
    public static final String JOURNAL = GRAPH + "journal";

    /** True for a graph name users may use: an absolute http(s) or urn IRI without spaces. */
    public static boolean isAbsoluteGraphName(String iri) {
        return iri != null && iri.matches("(?i)^(https?|urn):\\S+$");
    }

    public static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** True for graphs that come from files in the repository ({@code ontology/}, {@code data/}). */
    public static boolean isShipped(String graph) {
        return graph.equals(ONTOLOGY) || graph.equals(SHAPES) || graph.startsWith(GRAPH + "ontology/")
                || graph.startsWith(DATA) || (graph.startsWith(SOURCE) && !isImported(graph));
    }

    /** True for graphs an import of outside data wrote ({@link #IMPORTED}). */
    public static boolean isImported(String graph) {
        return graph.startsWith(IMPORTED);
    }

    /** True for graphs that only the store itself writes. */
    public static boolean isSystemManaged(String graph) {
        return graph.equals(INFERRED) || graph.equals(SYSTEM) || graph.equals(CHANGES) || graph.equals(JOURNAL);
    }

    /** A short role name for a graph, used in health output and docs. */
    public static String role(String graph) {
        if (graph.equals(ONTOLOGY) || graph.startsWith(GRAPH + "ontology/")) return "ontology";
        if (graph.equals(SHAPES)) return "shapes";
        if (isImported(graph)) return "import";
        if (graph.startsWith(SOURCE) || graph.startsWith(DATA)) return "seed";
        if (graph.startsWith(USER)) return "user";
        if (graph.startsWith(TERMS)) return "terms";
        if (graph.equals(INFERRED)) return "inferred";
        if (graph.equals(SYSTEM)) return "system";
        if (graph.equals(CHANGES)) return "changes";
        if (graph.equals(JOURNAL)) return "journal";
        return "other";
    }
}
