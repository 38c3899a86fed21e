package org.virtkg.store;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The exact net change of a write, from the events of Jena's {@code DatasetGraphChanges}.
 *
 * <p>{@code DatasetGraphChanges} reports every call, before it reaches the dataset, including
 * adds of quads already there and deletes of quads that are not. Checking the dataset at that
 * moment keeps only real changes, and an add that undoes an earlier delete (or the reverse)
 * cancels out — so the change log can be reverted exactly.
 */
public final class ChangeRecorder extends RDFChangesBase {
    public final Set<Quad> added = new LinkedHashSet<>();
    public final Set<Quad> deleted = new LinkedHashSet<>();
    private final DatasetGraph base;

    /** Records the net change against {@code base}; with {@code null}, records every event as given (reading a patch). */
    public ChangeRecorder(DatasetGraph base) {
        this.base = base;
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o);
        if (base != null && base.contains(q)) return;
        if (!deleted.remove(q)) added.add(q);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(g == null ? Quad.defaultGraphIRI : g, s, p, o);
        if (base != null && !base.contains(q)) return;
        if (!added.remove(q)) deleted.add(q);
    }

    public boolean isEmpty() {
        return added.isEmpty() && deleted.isEmpty();
    }
}
