package org.virtkg.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * Every graph kept in an external SPARQL 1.1 store (Fuseki, GraphDB, Stardog, Neptune), so that
 * several virtkg instances can serve one knowledge base.
 *
 * <p>Each instance holds a <em>working copy</em> of the store in a TDB2 dataset in a temporary directory: the
 * SPARQL endpoints, the REST layer and the reasoner read it at local speed, with the same
 * semantics as the embedded store. The remote store is the source of truth:
 * <ul>
 *   <li><b>Write</b>: the change runs in a local write transaction, recording each quad it adds
 *       or deletes; before the local commit it is sent to the store as one SPARQL Update that only
 *       applies if the store is still at the version the copy reflects. If another instance got
 *       there first, nothing is applied anywhere and the caller catches up and retries
 *       ({@link StoreConflictException}). If the store cannot be reached, nothing is committed
 *       locally ({@link StoreUnavailableException}).</li>
 *   <li><b>Catch up</b>: compare the copy's version with the store's (one small query); if behind,
 *       replay the {@linkplain ChangeLog change log}'s entries after it, in order (each holds the
 *       asserted quads its change added and deleted; the reasoner re-derives the rest), or, when
 *       an entry has no patch (a bulk change) or the store went back in time, fetch a fresh copy.</li>
 * </ul>
 * There is no transaction spanning several requests: the one-operation conditional update is what
 * makes a write all-or-nothing and keeps concurrent writers from losing each other's changes.
 */
public final class RemoteKnowledgeStore implements KnowledgeStore {
    private final SparqlStoreClient client;
    private final RemoteStoreSettings settings;
    private final DatasetGraph copy;
    private final java.nio.file.Path copyDir;
    /** The version the copy reflects; changed only inside the copy's (single) write transaction. */
    private volatile long version;

    private RemoteKnowledgeStore(RemoteStoreSettings settings) {
        this.settings = settings;
        this.client = new SparqlStoreClient(settings);
        // On disk in a temporary directory, not TDB2's in-memory mode (see TdbKnowledgeStore.inMemory).
        this.copyDir = TdbKnowledgeStore.scratchDirectory("virtkg-copy-");
        this.copy = TdbKnowledgeStore.connect(copyDir);
        copy.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /**
     * Connects to the store and fetches the working copy.
     *
     * @throws StoreUnavailableException the store could not be reached (the message says why)
     */
    public static RemoteKnowledgeStore connect(RemoteStoreSettings settings, Consumer<String> progress) {
        RemoteKnowledgeStore store = new RemoteKnowledgeStore(settings);
        try {
            store.reload(CatchUpListener.NONE, progress);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public DatasetGraph dataset() {
        return copy;
    }

    @Override
    public String kind() {
        return "sparql";
    }

    @Override
    public String location() {
        return settings.displayUrl();
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public <T> T write(Function<DatasetGraph, T> body) {
        copy.begin(TxnType.WRITE);
        try {
            ChangeRecorder recorder = new ChangeRecorder(copy);
            T result = body.apply(new DatasetGraphChanges(copy, recorder));
            if (recorder.isEmpty()) {
                copy.commit();
                return result;
            }
            // A restored backup brings its own version; keep it if it is ahead, so versions never
            // repeat. The version travels in the update's precondition, not as data.
            long next = Math.max(version + 1, KbVersion.read(copy));
            recorder.added.removeIf(KbVersion::isVersionQuad);
            recorder.deleted.removeIf(KbVersion::isVersionQuad);
            // The durable step: after this returns, the store has the change (or we threw). The
            // log entry carries this writer's mark, by which it knows its write landed.
            String writeId = UUID.randomUUID().toString();
            client.publish(version, next, recorder.added, recorder.deleted, writeId);
            copy.add(SparqlStoreClient.writeMark(next, writeId));
            KbVersion.set(copy, next);
            copy.commit();
            version = next;
            return result;
        } catch (RuntimeException | Error e) {
            copy.abort();
            throw e;
        } finally {
            copy.end();
        }
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        client.meters().add(registry);
    }

    @Override
    public long storeVersion() {
        return client.version();
    }

    @Override
    public boolean catchUp(CatchUpListener listener, long storeVersion) {
        long from = version;
        long remote = storeVersion;
        // Behind what we hold: either this copy moved on since the caller asked (our own write,
        // another thread's catch-up), or the store went back in time (restored). Ask again to tell.
        if (remote < from) remote = client.version();
        if (remote == from) return false;
        List<SparqlStoreClient.LogEntry> entries = remote > from ? client.changesAfter(from) : List.of();
        if (!replayable(entries, from, remote)) {
            reload(listener, line -> {});
            client.meters().counter("virtkg.store.catchups", "kind", "reload").increment();
            return true;
        }
        copy.begin(TxnType.WRITE);
        try {
            if (version != from) {
                // Another thread caught up (or wrote) while we were asking; its work stands.
                copy.abort();
                return true;
            }
            ChangeRecorder net = new ChangeRecorder(copy);
            DatasetGraph recorded = new DatasetGraphChanges(copy, net);
            long last = from;
            for (SparqlStoreClient.LogEntry e : entries) {
                if (e.version() != last + 1) break; // written after we asked for the version: the rest next time
                ChangeRecorder patch = ChangeLog.quads(e.patchParts());
                for (Quad q : patch.deleted) recorded.delete(Skolem.fromStore(q));
                for (Quad q : patch.added) recorded.add(Skolem.fromStore(q));
                // The entry itself, as the writer logged it (the log is not in its own patch).
                for (Quad q : e.quads()) copy.add(Skolem.fromStore(q));
                last = e.version();
            }
            KbVersion.set(copy, last);
            listener.changed(copy, net.added, net.deleted);
            copy.commit();
            version = last;
            client.meters().counter("virtkg.store.catchups", "kind", "replay").increment();
            return true;
        } catch (RuntimeException | Error e) {
            copy.abort();
            throw e;
        } finally {
            copy.end();
        }
    }

    /** True when the log holds every version from {@code from + 1} up to at least {@code remote}, each with its patch. */
    private static boolean replayable(List<SparqlStoreClient.LogEntry> entries, long from, long remote) {
        if (remote < from) return false; // the store went back in time (restored): start afresh
        long expect = from + 1;
        for (SparqlStoreClient.LogEntry e : entries) {
            if (e.version() != expect) return expect > remote;
            if (e.patchParts().isEmpty()) return false;
            expect++;
        }
        return expect > remote;
    }

    /** Replaces the working copy with a fresh copy of the store, in one local transaction. */
    private void reload(CatchUpListener listener, Consumer<String> progress) {
        long t0 = System.nanoTime();
        List<Quad> quads = client.fetchAll(progress);
        version = Txn.calculateWrite(copy, () -> {
            copy.clear();
            for (Quad q : quads) copy.add(q);
            listener.reloaded(copy);
            return KbVersion.read(copy);
        });
        progress.accept(String.format(Locale.ROOT, "fetched %,d quads (version %d) from the SPARQL store %s in %d ms",
                quads.size(), version, settings.displayUrl(), (System.nanoTime() - t0) / 1_000_000));
    }

    @Override
    public void close() {
        if (copy.isInTransaction()) copy.end();
        org.apache.jena.tdb2.sys.TDBInternal.expel(copy);
        TdbKnowledgeStore.deleteTree(copyDir);
    }
}
