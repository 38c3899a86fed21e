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
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toAbsolutePath().toString()));
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
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()));
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
