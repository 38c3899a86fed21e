package org.virtkg.store;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFilteredView;
import org.apache.jena.sparql.core.Quad;

/**
 * A read-only view of the store without the {@link Graphs#INFERRED} graph: what was asserted,
 * with the same union-of-named-graphs default graph. Served at {@code /asserted/sparql}.
 */
public final class AssertedView extends DatasetGraphFilteredView {
    private static final Node INFERRED = Graphs.node(Graphs.INFERRED);

    public AssertedView(DatasetGraph base) {
        super(base, q -> !INFERRED.equals(q.getGraph()), new VisibleGraphs(base));
    }

    /**
     * The default graph queries see: the union of the visible named graphs. Read through the
     * store's quad indexes with the graph left open (one lookup, not one per graph), dropping
     * the inferred graph's quads and duplicates.
     */
    @Override
    public Graph getDefaultGraph() {
        return new AssertedUnion(getWrapped());
    }

    private static final class AssertedUnion extends GraphBase {
        private final DatasetGraph base;

        AssertedUnion(DatasetGraph base) {
            this.base = base;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Iterator<Triple> triples = Iter.iter(base.find(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(), pattern.getMatchObject()))
                    .filter(q -> !INFERRED.equals(q.getGraph()) && !q.isDefaultGraph())
                    .map(Quad::asTriple)
                    .distinct();
            return WrappedIterator.create(triples);
        }
    }

    /**
     * Every graph but the inferred one. Membership needs no transaction (the view asks at
     * construction); listing happens inside the query's read transaction.
     */
    private static final class VisibleGraphs extends AbstractCollection<Node> {
        private final DatasetGraph base;

        VisibleGraphs(DatasetGraph base) {
            this.base = base;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof Node n && n.isURI() && !n.equals(INFERRED) && !Quad.isDefaultGraph(n) && !Quad.isUnionGraph(n);
        }

        @Override
        public Iterator<Node> iterator() {
            List<Node> graphs = new ArrayList<>();
            base.listGraphNodes().forEachRemaining(g -> {
                if (!g.equals(INFERRED)) graphs.add(g);
            });
            return graphs.iterator();
        }

        @Override
        public int size() {
            int n = 0;
            for (Iterator<Node> it = iterator(); it.hasNext(); it.next()) n++;
            return n;
        }
    }
}
