package org.virtkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Notices whether a transaction changed anything, without remembering what (a bulk load may add
 * millions of quads). An add of a quad already present, or a delete of one that is absent, is not
 * a change. Once set, the flag stops looking.
 */
final class ChangeFlag extends RDFChangesBase {
    private final DatasetGraph base;
    private boolean changed;

    ChangeFlag(DatasetGraph base) {
        this.base = base;
    }

    boolean changed() {
        return changed;
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (!changed && !base.contains(g == null ? Quad.defaultGraphIRI : g, s, p, o)) changed = true;
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (!changed && base.contains(g == null ? Quad.defaultGraphIRI : g, s, p, o)) changed = true;
    }
}
