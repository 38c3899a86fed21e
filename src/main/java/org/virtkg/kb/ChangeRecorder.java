package org.virtkg.kb;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.sparql.core.Quad;

/**
 * Collects the quads a write touched, as reported by Jena's {@code DatasetGraphChanges}. What
 * actually changed is decided afterwards against the dataset itself, so no-op adds and deletes
 * cost nothing downstream.
 */
final class ChangeRecorder implements RDFChanges {
    final Set<Quad> added = new LinkedHashSet<>();
    final Set<Quad> deleted = new LinkedHashSet<>();

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o);
        deleted.remove(q);
        added.add(q);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o);
        added.remove(q);
        deleted.add(q);
    }

    @Override public void header(String field, Node value) {}
    @Override public void addPrefix(Node gn, String prefix, String uriStr) {}
    @Override public void deletePrefix(Node gn, String prefix) {}
    @Override public void txnBegin() {}
    @Override public void txnCommit() {}
    @Override public void txnAbort() {}
    @Override public void segment() {}
    @Override public void start() {}
    @Override public void finish() {}
}
