package org.virtkg.store;

import java.io.OutputStream;
import java.util.Map;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Where the graphs live. One obvious implementation ({@link TdbKnowledgeStore}); a remote
 * SPARQL store would be a second implementation of this interface, not a fork of the service.
 */
public interface KnowledgeStore extends AutoCloseable {

    /**
     * The transactional dataset the SPARQL endpoints and the REST layer read and write. Its default
     * graph, as queries see it, is the union of all named graphs.
     */
    DatasetGraph dataset();

    /** A short description of the backend, e.g. {@code tdb2} or {@code tdb2-memory}. */
    String kind();

    /** Where the data lives on disk, or a description for non-file stores. */
    String location();

    /** Triple counts per named graph, read in one read transaction. */
    Map<String, Long> graphSizes();

    /** Writes every graph as N-Quads from one read transaction: a consistent snapshot. */
    default void backup(OutputStream out) {
        Txn.executeRead(dataset(), () -> RDFDataMgr.write(out, dataset(), RDFFormat.NQUADS));
    }

    @Override
    void close();
}
