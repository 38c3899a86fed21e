package org.virtkg.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Where the graphs live. Two implementations: the embedded {@link TdbKnowledgeStore} (the default)
 * and {@link RemoteKnowledgeStore}, which keeps every graph in an external SPARQL 1.1 store and
 * serves reads from a local copy. Nothing above this interface knows which one it has.
 *
 * <p>Reads run in read transactions on {@link #dataset()}. Every change goes through
 * {@link #write}, which is the one place a change becomes durable and the
 * {@linkplain KbVersion knowledge-base version} advances.
 */
public interface KnowledgeStore extends AutoCloseable {

    /**
     * The transactional dataset reads use (the SPARQL endpoints, the REST layer). Its default
     * graph, as queries see it, is the union of all named graphs. Do not write to it directly:
     * use {@link #write}.
     */
    DatasetGraph dataset();

    /** A short description of the backend, e.g. {@code tdb2}, {@code tdb2-scratch} or {@code sparql}. */
    String kind();

    /** Where the data lives: a directory, a temporary directory, or the remote store's URL (never with credentials). */
    String location();

    /** Triple counts per named graph, read in one read transaction. */
    default Map<String, Long> graphSizes() {
        DatasetGraph dsg = dataset();
        return Txn.calculateRead(dsg, () -> {
            Map<String, Long> sizes = new TreeMap<>();
            for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                sizes.put(g.getURI(), (long) dsg.getGraph(g).size());
            }
            return sizes;
        });
    }

    /** Writes every graph as N-Quads from one read transaction: a consistent snapshot. */
    default void backup(OutputStream out) {
        Txn.executeRead(dataset(), () -> RDFDataMgr.write(out, dataset(), RDFFormat.NQUADS));
    }

    /**
     * Runs {@code body} in one write transaction and makes what it changed durable. On return the
     * change is committed and, if anything changed, the version has advanced by one; if the body
     * throws, nothing is kept. The body must write through the dataset it is given.
     *
     * @throws StoreConflictException    (shared stores) another process wrote first; nothing was kept
     * @throws StoreUnavailableException (remote stores) the store could not be reached
     */
    <T> T write(Function<DatasetGraph, T> body);

    /** The knowledge-base version {@link #dataset()} reflects. */
    long version();

    /** Publishes the store's own meters (a remote store: requests to it, conflicts, catch-ups) to {@code registry}. */
    default void bindMetrics(MeterRegistry registry) {}

    /** True when other processes may write the same store, so {@link #catchUp} has work to do. */
    default boolean isShared() {
        return false;
    }

    /**
     * The version the store itself holds now: one round trip for a shared store, {@link #version()}
     * for one no one else writes. Differs from {@link #version()} exactly when there is catching up to do.
     *
     * @throws StoreUnavailableException the store could not be reached
     */
    default long storeVersion() {
        return version();
    }

    /**
     * Applies the writes other processes committed since {@link #version()} to {@link #dataset()}
     * and tells {@code listener} what changed, inside the same local transaction. Returns whether
     * anything changed. A store no one else writes has nothing to do.
     *
     * @throws StoreUnavailableException the store could not be reached
     */
    default boolean catchUp(CatchUpListener listener) {
        return catchUp(listener, storeVersion());
    }

    /**
     * {@link #catchUp(CatchUpListener)} for a caller that has just asked {@link #storeVersion()},
     * so that the store is not asked twice.
     */
    default boolean catchUp(CatchUpListener listener, long storeVersion) {
        return false;
    }

    /** Hears about writes made elsewhere, inside the transaction that applies them locally. */
    interface CatchUpListener {
        /** The net quad change since the previous version; {@code dsg} already shows it. */
        void changed(DatasetGraph dsg, Collection<Quad> added, Collection<Quad> deleted);

        /** The whole dataset was replaced by a fresh copy of the store (too far behind to replay). */
        void reloaded(DatasetGraph dsg);

        CatchUpListener NONE = new CatchUpListener() {
            @Override public void changed(DatasetGraph dsg, Collection<Quad> added, Collection<Quad> deleted) {}
            @Override public void reloaded(DatasetGraph dsg) {}
        };
    }

    @Override
    void close();
}
