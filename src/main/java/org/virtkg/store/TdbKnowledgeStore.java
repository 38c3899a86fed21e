package org.virtkg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.TDBInternal;

/** The embedded TDB2 store: persistent on disk by default, in memory when asked. */
public final class TdbKnowledgeStore implements KnowledgeStore {
    private final DatasetGraph dsg;
    private final String kind;
    private final String location;
    /** The committed version; TDB2 has one writer at a time, so only {@link #write} moves it. */
    private volatile long version;

    /** The temporary directory of a throwaway store, deleted at close; null for a persistent one. */
    private final Path scratch;

    private TdbKnowledgeStore(DatasetGraph dsg, String kind, String location, Path scratch) {
        this.dsg = dsg;
        this.kind = kind;
        this.location = location;
        this.scratch = scratch;
        // Queries see the union of all named graphs; writes must name their graph.
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        this.version = Txn.calculateRead(dsg, () -> KbVersion.read(dsg));
    }

    /**
     * The indexes of a store this class creates: four quad indexes, not TDB2's six. Every commit
     * syncs each index it touched, file by file, and that is most of a write's time on this disk
     * (docs/benchmarks.md, "The write path under load"); with four, a commit syncs two B+trees
     * fewer (37 sync calls, not 47; a small commit 13 ms, not 17, measured one after another).
     * Queries read the union of the named graphs, which TDB2 answers from the indexes whose graph
     * comes last (SPOG, POSG, OSPG), all kept; a pattern inside one named graph starts with the
     * primary GSPO or with its other bound terms and checks the graph of each match (GPOS and GOSP
     * went): a pattern that binds only the graph and the predicate, or the graph and the object,
     * reads that whole graph through GSPO; virtkg's own reads seldom do, and a SPARQL query that
     * binds the inferred graph and a predicate pays a scan of that graph.
     * TDB2 takes four or six quad indexes (it refuses five).
     *
     * <p>TDB2 takes a store's indexes from these parameters only when it creates the store, and
     * records them in its {@code tdb.cfg}; an existing store keeps the indexes it was made with
     * (six, for one made before this or by another tool), whoever opens it and how.
     */
    static final StoreParams NEW_STORE_PARAMS = StoreParams.builder("virtkg", StoreParams.getDftStoreParams())
            .quadIndexes(new String[] {"GSPO", "SPOG", "POSG", "OSPG"})
            .build();

    /** Connects to (creating if needed) the TDB2 database in {@code dir}. */
    static DatasetGraph connect(Path dir) {
        return DatabaseMgr.connectDatasetGraph(Location.create(dir.toAbsolutePath().toString()), NEW_STORE_PARAMS);
    }

    /** True when {@code dir} holds a TDB2 database (its {@code Data-NNNN} generation directories). */
    public static boolean holdsStore(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (var children = Files.list(dir)) {
            return children.anyMatch(c -> Files.isDirectory(c) && c.getFileName().toString().startsWith("Data-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Opens (creating if needed) a persistent TDB2 database in {@code dir}. */
    public static TdbKnowledgeStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the store directory " + dir + ": " + e.getMessage(), e);
        }
        try {
            DatasetGraph dsg = connect(dir);
            return new TdbKnowledgeStore(dsg, "tdb2", dir.toAbsolutePath().toString(), null);
        } catch (RuntimeException e) {
            // TDB2 holds a process lock on its directory; name the likely cause rather than the stack.
            throw new StoreException("Cannot open the TDB2 store in " + dir.toAbsolutePath()
                    + " (is another virtkg process using it?): " + e.getMessage(), e);
        }
    }

    /**
     * A throwaway store: TDB2 in a fresh temporary directory, deleted when the store is closed
     * (and at exit). Not TDB2's in-memory mode: under concurrent writes and reads that mode failed
     * writes inside its page copy, while the same load on disk never did; the 1,020-digit integer
     * it read back as {@code -1} is TDB2's integer encoding, on disk too once the store is reopened
     * (docs/ARCHITECTURE.md, "TDB2 does not keep xsd:integer values outside 64 bits").
     */
    public static TdbKnowledgeStore inMemory() {
        Path dir = scratchDirectory("virtkg-scratch-");
        DatasetGraph dsg = connect(dir);
        return new TdbKnowledgeStore(dsg, "tdb2-scratch", "temporary directory (deleted on exit)", dir);
    }

    /** A new temporary directory, removed at JVM exit if nothing removed it before. */
    public static Path scratchDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "virtkg-scratch-cleanup"));
            return dir;
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create a temporary directory for the store: " + e.getMessage(), e);
        }
    }

    /** Removes {@code dir} and everything in it; best effort. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
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
    public <T> T write(Function<DatasetGraph, T> body) {
        dsg.begin(TxnType.WRITE);
        try {
            ChangeFlag flag = new ChangeFlag(dsg);
            T result = body.apply(new DatasetGraphChanges(dsg, flag));
            // A restored backup brings its own version; keep it if it is ahead, so versions never repeat.
            long next = flag.changed() ? Math.max(version + 1, KbVersion.read(dsg)) : version;
            if (flag.changed()) KbVersion.set(dsg, next);
            dsg.commit();
            version = next;
            return result;
        } catch (RuntimeException | Error e) {
            dsg.abort();
            throw e;
        } finally {
            dsg.end();
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void close() {
        if (dsg.isInTransaction()) dsg.end();
        // Expel rather than close: TDB2 caches open databases per directory, and a later open in
        // this JVM (a restart in a test, a restore) must find the files, not a stale cache entry.
        TDBInternal.expel(dsg);
        if (scratch != null) deleteTree(scratch);
    }
}
