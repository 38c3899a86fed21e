package org.virtkg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/** The embedded TDB2 store: persistent on disk by default, in memory when asked. */
public final class TdbKnowledgeStore implements KnowledgeStore {
    private final DatasetGraph dsg;
    private final String kind;
    private final String location;

    private TdbKnowledgeStore(DatasetGraph dsg, String kind, String location) {
        this.dsg = dsg;
        this.kind = kind;
        this.location = location;
        // Queries see the union of all named graphs; writes must name their graph.
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /** Opens (creating if needed) a persistent TDB2 database in {@code dir}. */
    public static TdbKnowledgeStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the store directory " + dir + ": " + e.getMessage(), e);
        }
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toAbsolutePath().toString()));
            return new TdbKnowledgeStore(dsg, "tdb2", dir.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            // TDB2 holds a process lock on its directory; name the likely cause rather than the stack.
            throw new StoreException("Cannot open the TDB2 store in " + dir.toAbsolutePath()
                    + " (is another virtkg process using it?): " + e.getMessage(), e);
        }
    }

    /** A TDB2 database held in memory: same engine and semantics, gone when the process ends. */
    public static TdbKnowledgeStore inMemory() {
        return new TdbKnowledgeStore(DatabaseMgr.createDatasetGraph(), "tdb2-memory", "memory");
    }

    @Override
    public DatasetGraph dataset() {
        return dsg;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Map<String, Long> graphSizes() {
        return Txn.calculateRead(dsg, () -> {
            Map<String, Long> sizes = new TreeMap<>();
            for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                sizes.put(g.getURI(), (long) dsg.getGraph(g).size());
            }
            return sizes;
        });
    }

    @Override
    public void close() {
        if (dsg.isInTransaction()) dsg.end();
        // Expel rather than close: TDB2 caches open databases per directory, and a later open in
        // this JVM (a restart in a test, a restore) must find the files, not a stale cache entry.
        if ("memory".equals(location)) dsg.close();
        else TDBInternal.expel(dsg);
    }
}
