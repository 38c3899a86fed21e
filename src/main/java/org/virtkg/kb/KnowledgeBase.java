package org.virtkg.kb;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtkg.reasoner.Delta;
import org.virtkg.reasoner.Explanation;
import org.virtkg.reasoner.Inconsistency;
import org.virtkg.reasoner.RlReasoner;
import org.virtkg.store.ChangeLog;
import org.virtkg.store.ChangeRecorder;
import org.virtkg.store.Freshness;
import org.virtkg.store.Graphs;
import org.virtkg.store.KbVersion;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.ShippedData;
import org.virtkg.store.StoreConflictException;

/**
 * The store together with its reasoner, and the one path every write takes.
 *
 * <p>The {@link Graphs#INFERRED} graph always equals the OWL 2 RL closure of the asserted graphs
 * minus what is asserted. A write has Fuseki's shape — <em>perform</em> the change inside a write
 * transaction while recording what it touched, <em>validate</em> (graph rules, SHACL shapes on the
 * touched subjects, then the reasoner's consistency check on the incremental closure), then
 * <em>commit</em> together with the change to the inferred graph — so queries never see asserted
 * data without its inferences, and a refused write leaves nothing behind, not even in the reasoner.
 *
 * <p>With a shared store ({@link KnowledgeStore#isShared()}), other instances write too: requests
 * call {@link #awaitFresh()} when they arrive, so that reads (and the checks writes make) see every
 * write acknowledged before them, and a write that another instance overtook is rolled back,
 * caught up and run again on the new state.
 */
public final class KnowledgeBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final Node INFERRED = Graphs.node(Graphs.INFERRED);
    private static final Node SHAPES = Graphs.node(Graphs.SHAPES);
    /** How often a write is tried after another instance of a shared store wrote first. */
    private static final int MAX_ATTEMPTS = 10;

    private final KnowledgeStore store;
    /** Replaced as a whole when a shared store's copy had to be reloaded; otherwise changed in place by writes. */
    private volatile RlReasoner reasoner = RlReasoner.create();
    private volatile ShapeGate shapes;
    /**
     * Guards the reasoner: the write pipeline holds the write lock from the moment it tells the
     * reasoner about a change until that change is committed or taken back, so a reader (explain,
     * asserted flags) never sees a change that is then refused, nor one half-applied.
     */
    private final ReadWriteLock reasonerLock = new ReentrantReadWriteLock();
    /** Told after each accepted change commits (views update from it, the change feed wakes on it). */
    private final List<Consumer<Committed>> committedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Told once per batch, after the per-change listeners, of all its committed changes in version order. */
    private final List<Consumer<List<Committed>>> batchListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The stored inferred graph differs from the reasoner's conclusions; the next change fixes it (see {@link #openForOneChange}). */
    private boolean inferredStale;
    /**
     * Keys ({@link Disagreements#key}) of the inconsistencies the reasoner holds now, i.e. the recorded
     * disagreements; null when not known (then computed from the reasoner). Kept so that a write judges
     * only the inconsistencies it introduces without listing, with explanations, every recorded one
     * first. Read and written under {@link #writeLock}.
     */
    private Set<String> disagreementKeys;
    /** Tests only: runs after the reasoner has judged a change and before the verdict is acted on. */
    private volatile Runnable beforeVerdict = () -> {};
    /**
     * Serialises the write pipeline (and catch-up) so the reasoner changes in step with the store's
     * single writer. With the embedded store its holder is the <em>leader</em>: it runs every write
     * queued so far as one batch (see {@link #runBatch}).
     */
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();
    /** Writes waiting for a leader, oldest first. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Queued> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Writers waiting for their write's outcome wait here; a leader wakes them after each batch. */
    private final Object turn = new Object();
    /**
     * By default ({@code write-batch}), at most this many writes share one store transaction: the
     * reasoner's readers wait while a batch is judged, so a batch is kept short.
     */
    public static final int MAX_BATCH = 32;
    private final int maxBatch;
    private final java.util.concurrent.atomic.AtomicLong batchesCommitted = new java.util.concurrent.atomic.AtomicLong();
    /** Coalesces the version checks reads make against a shared store. */
    private final Freshness freshness;
    private final KnowledgeStore.CatchUpListener catchUp = new FollowOtherWriters();

    /**
     * A committed change as views need it: the version it produced and the asserted quads it
     * added and deleted, or null for both when that is not known (changes caught up from other
     * instances): then views must be rebuilt from the store.
     *
     * <p>For a change made here, also what it did to the reasoner's conclusions: the inferred
     * triples it added and removed (null when not known), whether every derivation the reasoner
     * held before and still holds rests on the same derivation ({@code derivationsKept}: false when
     * a removal made DRed derive an over-deleted conclusion anew, perhaps by another route, or
     * when the reasoner was compacted afterwards; {@link org.virtkg.reasoner.Delta#derivationsKept}),
     * and whether the recorded disagreements between sources are the same
     * ones ({@code disagreementsKept}). Views that follow changes instead of rebuilding (the
     * catalogue's claims, the matrix) rely on these to know when following is exact.
     */
    public record Committed(long version, Collection<Quad> added, Collection<Quad> deleted,
                            Collection<Triple> inferredAdded, Collection<Triple> inferredRemoved,
                            boolean derivationsKept, boolean disagreementsKept) {
        /** A change whose effect on the reasoner is not known. */
        public Committed(long version, Collection<Quad> added, Collection<Quad> deleted) {
            this(version, added, deleted, null, null, false, false);
        }

        public boolean known() {
            return added != null;
        }

        /** True when views may follow this change instead of rebuilding, as far as the reasoner is concerned. */
        public boolean conclusionsKnown() {
            return known() && inferredAdded != null && derivationsKept && disagreementsKept;
        }

        /**
         * Every triple the change added or removed, asserted (its quads, as triples) or concluded:
         * what a view that follows changes checks against what it read. Only for a change whose
         * conclusions are known ({@link #conclusionsKnown}).
         */
        public List<Triple> touched() {
            List<Triple> touched = new ArrayList<>();
            for (Quad q : added) touched.add(q.asTriple());
            for (Quad q : deleted) touched.add(q.asTriple());
            touched.addAll(inferredAdded);
            touched.addAll(inferredRemoved);
            return touched;
        }

        /** The same change, noting that the reasoner's derivations may have changed after all (compaction). */
        Committed derivationsChanged() {
            return new Committed(version, added, deleted, inferredAdded, inferredRemoved, false, disagreementsKept);
        }
    }

    /**
     * What one accepted write changed. {@code changeId} is its change-log entry, which is also the
     * knowledge-base {@code version} it produced; 0 when it changed nothing.
     */
    public record WriteResult(int assertedAdded, int assertedRemoved, int inferredAdded, int inferredRemoved, long version,
                              long changeId) {}

    private KnowledgeBase(KnowledgeStore store, Duration maxStaleness, int maxBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("A write batch holds at least one write, got " + maxBatch);
        this.store = store;
        this.maxBatch = maxBatch;
        this.freshness = new Freshness(maxStaleness);
    }

    /** Loads the asserted graphs into the reasoner and brings the inferred graph up to date. */
    public static KnowledgeBase open(KnowledgeStore store, Consumer<String> progress) {
        return open(store, Duration.ZERO, progress);
    }

    /**
     * As {@link #open(KnowledgeStore, Consumer)}; for a shared store, reads may be served from a
     * copy whose last check against the store started at most {@code maxStaleness} before the
     * read arrived (zero: every read sees every write acknowledged before it arrived).
     */
    public static KnowledgeBase open(KnowledgeStore store, Duration maxStaleness, Consumer<String> progress) {
        KnowledgeBase kb = openDeferred(store, maxStaleness, progress);
        kb.bringInferencesUpToDate();
        return kb;
    }

    /**
     * Opens the knowledge base without writing anything: if the stored conclusions differ from
     * the reasoner's (new rules, a backup restored without them, a new store), the next change
     * brings them up to date as part of itself, so a change that is refused leaves the store
     * exactly as it was. Call {@link #sync} or {@link #bringInferencesUpToDate} before serving.
     */
    public static KnowledgeBase openDeferred(KnowledgeStore store, Duration maxStaleness, Consumer<String> progress) {
        return openDeferred(store, maxStaleness, MAX_BATCH, progress);
    }

    /** As {@link #openDeferred(KnowledgeStore, Duration, Consumer)}, committing at most {@code maxBatch} writes together. */
    public static KnowledgeBase openDeferred(KnowledgeStore store, Duration maxStaleness, int maxBatch, Consumer<String> progress) {
        KnowledgeBase kb = new KnowledgeBase(store, maxStaleness, maxBatch);
        DatasetGraph dsg = store.dataset();
        long t0 = System.nanoTime();
        int asserted = Txn.calculateRead(dsg, () -> {
            List<Triple> triples = assertedTriples(dsg);
            kb.reasoner.add(triples);
            kb.inferredStale = !kb.reasoner.inferred().collect(java.util.stream.Collectors.toSet())
                    .equals(dsg.getGraph(INFERRED).find().toSet());
            return triples.size();
        });
        // A new store holds no facts and no conclusions yet: nothing there is out of date.
        if (asserted == 0) progress.accept("the store is empty");
        else progress.accept(String.format(java.util.Locale.ROOT, "reasoned over %,d asserted triples: %,d inferred in %d ms%s",
                asserted, kb.reasoner.inferredCount(), (System.nanoTime() - t0) / 1_000_000,
                kb.inferredStale ? " (the stored conclusions are out of date; the next change brings them up to date)" : ""));
        if (!kb.reasoner.isConsistent())
            LOG.info("The knowledge base records {} disagreement(s) between sources (answered as disputed)", kb.reasoner.inconsistencies().size());
        // With a shared store, catching up may later bring in other instances' shapes too.
        kb.shapes = ShapeGate.load(dsg);
        return kb;
    }

    /** {@link #openDeferred} for a command that makes one change and exits ({@code virtkg load}). */
    public static KnowledgeBase openForOneChange(KnowledgeStore store) {
        return openDeferred(store, Duration.ZERO, line -> {});
    }

    /**
     * Writes the reasoner's conclusions where the stored ones differ, as a change of kind
     * {@code reasoner}; nothing when they agree.
     */
    public void bringInferencesUpToDate() {
        if (inferredStale) write(ChangeKind.REASONER, "virtkg", "inferred graph brought up to date", dsg -> {});
    }

    /**
     * Appends the change-log entry of a change inside its write transaction and moves the
     * recorded version to the entry's id, so that change id and version are one number. A
     * restored backup brings its own version (and log): the change goes above it, so ids never repeat.
     */
    private long logChange(DatasetGraph dsg, ChangeKind kind, String who, String summary, Collection<Quad> added,
                           Collection<Quad> deleted, Long reverts) {
        long id = Math.max(store.version(), KbVersion.read(dsg)) + 1;
        ChangeLog.append(dsg, id, kind.id(), who, summary, added, deleted, reverts);
        KbVersion.set(dsg, id);
        return id;
    }

    /** Every triple of the asserted graphs, once (the caller holds a read transaction). */
    public static List<Triple> assertedTriples(DatasetGraph dsg) {
        Set<Triple> all = new LinkedHashSet<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (isAssertedGraph(g)) dsg.getGraph(g).find().forEachRemaining(all::add);
        });
        return new ArrayList<>(all);
    }

    /** Rewrites only the difference between the stored inferred graph and the reasoner's. */
    private static int[] syncInferredGraph(DatasetGraph dsg, RlReasoner reasoner) {
        Set<Triple> wanted = new LinkedHashSet<>();
        reasoner.inferred().forEach(wanted::add);
        List<Triple> stale = new ArrayList<>();
        dsg.getGraph(INFERRED).find().forEachRemaining(t -> {
            if (!wanted.remove(t)) stale.add(t);
        });
        for (Triple t : stale) dsg.delete(INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
        for (Triple t : wanted) dsg.add(INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
        return new int[] {wanted.size(), stale.size()};
    }

    /** Graphs whose triples are facts the reasoner reasons over. */
    public static boolean isAssertedGraph(Node g) {
        if (g == null || !g.isURI()) return false;
        String iri = g.getURI();
        return !Graphs.isSystemManaged(iri) && !iri.equals(Graphs.SHAPES);
    }

    /**
     * Runs {@code change} against the dataset in one write transaction and, if it passes
     * validation, commits it with its inferences and its change-log entry. Throws
     * {@link WriteRejectedException} (nothing kept, nothing ever visible) when it writes a graph
     * its kind may not write, fails the shapes or would make the knowledge base inconsistent, or
     * when {@code change} itself refuses (a conflict, a failed precondition).
     */
    public WriteResult write(ChangeKind kind, String who, String summary, Consumer<DatasetGraph> change) {
        return write(kind, kind.scope(), who, summary, null, change);
    }

    /**
     * {@link #write(ChangeKind, String, String, Consumer)} with the narrower rights of
     * {@code scope}: {@code virtkg load} writes files into a knowledge base with a user's, and only
     * a backup restored into a store without one with all of a load's.
     */
    public WriteResult write(ChangeKind kind, ChangeKind.Scope scope, String who, String summary, Consumer<DatasetGraph> change) {
        if (scope != kind.scope() && kind.scope() != ChangeKind.Scope.ANY)
            throw new IllegalArgumentException("A change of kind " + kind.id() + " writes with its own rights, not with those of " + scope);
        return write(kind, scope, who, summary, null, change);
    }

    private WriteResult write(ChangeKind kind, ChangeKind.Scope scope, String who, String summary, Long reverts,
                              Consumer<DatasetGraph> change) {
        Queued w = new Queued(kind, scope, who, summary, reverts, change);
        if (store.isShared()) return writeShared(w);
        queue.add(w);
        boolean interrupted = false;
        while (!w.done) {
            if (writeLock.tryLock()) {
                try {
                    // Leader: run batches (oldest writes first) until this write is among the done.
                    while (!w.done) {
                        runBatch(drain(inferredStale ? 1 : maxBatch));
                        wakeWaiters();
                    }
                } finally {
                    writeLock.unlock();
                    wakeWaiters();
                }
            } else {
                // Another thread leads; it may take this write into its batch, or leave it for the
                // next leader (then this thread tries to lead). A queued write cannot be called
                // back, so an interrupt is kept for later, not acted on.
                synchronized (turn) {
                    while (!w.done && writeLock.isLocked()) {
                        try {
                            turn.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        return w.outcome();
    }

    /**
     * A write through a shared store: one write per store transaction, so that a conflict (another
     * instance wrote first) is rolled back, caught up and run again for that write alone.
     */
    private WriteResult writeShared(Queued w) {
        for (int attempt = 1; ; attempt++) {
            writeLock.lock();
            try {
                // The first attempt runs on the copy as it is: requests bring it up to date when
                // they arrive (awaitFresh), and if another instance has written since, the store
                // refuses the publish (its version moved) and we come round again to catch up and
                // retry. Validation thus always ends up judging the store's current state.
                if (attempt > 1) catchUpLocked();
                runBatch(List.of(w));
                return w.outcome();
            } catch (StoreConflictException e) {
                if (attempt == MAX_ATTEMPTS) throw e;
                LOG.debug("Write conflict on attempt {}; catching up and trying again", attempt);
            } finally {
                writeLock.unlock();
            }
            // Outside the lock: reads and other writes of this instance go on meanwhile.
            backOff(attempt);
        }
    }

    private List<Queued> drain(int max) {
        List<Queued> batch = new ArrayList<>();
        for (Queued q; batch.size() < max && (q = queue.poll()) != null; ) batch.add(q);
        return batch;
    }

    private void wakeWaiters() {
        synchronized (turn) {
            turn.notifyAll();
        }
    }

    /**
     * Brings the shipped graphs up to date with {@code ontology/} and {@code data/}: a change of
     * kind {@code sync}, validated, reasoned over and logged like any other (with the stored
     * conclusions brought up to date if {@link #openDeferred} found them stale). Nothing is
     * written when every file and every conclusion is up to date.
     */
    public ShippedData.Report sync(ShippedData shipped) {
        ShippedData.Report planned = Txn.calculateRead(store.dataset(), () -> shipped.plan(store.dataset()));
        ShippedData.Report[] done = {planned};
        if (planned.changed()) write(ChangeKind.SYNC, "virtkg", planned.summary(), dsg -> done[0] = shipped.apply(dsg));
        bringInferencesUpToDate();
        return done[0];
    }

    /**
     * Waits a random while before retrying a write that lost a race: two instances that keep
     * writing would otherwise keep colliding in lock step. Exponential with full jitter, capped.
     */
    private static void backOff(int attempt) {
        long capMillis = Math.min(250, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(capMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreConflictException("Interrupted while waiting to retry a conflicting write");
        }
    }

    /** One write on its way through the pipeline, and its outcome once a batch has run it. */
    private static final class Queued {
        final ChangeKind kind;
        final ChangeKind.Scope scope;
        final String who;
        final String summary;
        final Long reverts;
        final Consumer<DatasetGraph> change;
        /** Set by the leader after the batch ended (committed or not); read by the writer after it. */
        volatile boolean done;
        WriteResult result;
        Throwable failure;

        Queued(ChangeKind kind, ChangeKind.Scope scope, String who, String summary, Long reverts, Consumer<DatasetGraph> change) {
            this.kind = kind;
            this.scope = scope;
            this.who = who;
            this.summary = summary;
            this.reverts = reverts;
            this.change = change;
        }

        WriteResult outcome() {
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            return result;
        }
    }

    /** What the reasoner was told for one write, so that it can be taken back. */
    private record ReasonerChange(List<Triple> added, List<Triple> removed) {
        void undo(RlReasoner r) {
            // In reverse order; the reasoner restores its exact previous state.
            r.add(removed);
            r.remove(added);
        }
    }

    /** The whole batch is refused; thrown inside the store's transaction so that it keeps nothing. */
    private static final class NothingAccepted extends RuntimeException {
        NothingAccepted() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code batch} in one store transaction (group commit). Each write is performed,
     * validated and judged on the state the writes before it left, and is all-or-nothing on its
     * own: a refused write's quads are taken back out of the transaction and its reasoner change
     * undone before the next write starts, so no later write, and no reader, ever sees it. Each
     * accepted write gets its own change-log entry, whose id is the version it produced. The
     * transaction then commits once (one set of TDB2 syncs for the batch, not one per write), and
     * only then are the writes' outcomes set: nothing is acknowledged before it is durable.
     *
     * <p>Refusals are recorded in the writes' outcomes; a failure of the batch as a whole (the commit,
     * the store) is too, except for a shared store, where it is thrown so that the one write it
     * carries can be retried (see {@link #writeShared}). Called with {@link #writeLock} held.
     */
    private void runBatch(List<Queued> batch) {
        if (batch.isEmpty()) return;
        Throwable unexpected = null;
        try {
            runBatchOnce(batch);
        } catch (RuntimeException | Error e) {
            unexpected = e;
            throw e;
        } finally {
            // Whatever happened, every writer of the batch gets an outcome and stops waiting.
            for (Queued w : batch) {
                if (w.result == null && w.failure == null)
                    w.failure = unexpected != null ? unexpected : new IllegalStateException("The write was not run");
                w.done = true;
            }
        }
    }

    private void runBatchOnce(List<Queued> batch) {
        // From before its commit until its views have followed it, readers that see the batch wait (see read).
        synchronized (told) {
            tellingAfter = store.version();
            telling = Thread.currentThread();
        }
        try {
            runBatchTelling(batch);
        } finally {
            synchronized (told) {
                telling = null;
                told.notifyAll();
            }
        }
    }

    private void runBatchTelling(List<Queued> batch) {
        RlReasoner r = reasoner;
        Deque<ReasonerChange> accepted = new ArrayDeque<>();
        List<Committed> committed = new ArrayList<>();
        ShapeGate[] gate = {shapes};
        boolean[] locked = {false};
        // Set when a refused write's reasoner change was taken back: a removal, after which a
        // conclusion may stand on another derivation than before (views then rebuild).
        boolean[] undone = {false};
        Set<String> keysBefore = disagreementKeys;
        List<Set<String>> keys = new ArrayList<>(java.util.Collections.singletonList(keysBefore));
        try {
            store.write(dsg -> {
                // Conclusions left out of date at open are brought up to date first, as part of this change
                // (such a batch holds one write).
                int[] synced = inferredStale ? syncInferredGraph(dsg, r) : new int[2];
                for (Queued w : batch) {
                    w.result = null;
                    w.failure = null;
                    ChangeRecorder recorder = new ChangeRecorder(dsg);
                    long versionBefore = KbVersion.read(dsg);
                    ReasonerChange told = null;
                    Delta added, removed;
                    boolean disagreementsKept;
                    ShapeGate shapesAfter;
                    try {
                        w.change.accept(new DatasetGraphChanges(dsg, recorder));
                        // The version is the store's bookkeeping: a restored backup's is honoured by
                        // logChange, never logged as data (but taken back with the rest if the write is refused).
                        recorder.added.removeIf(KbVersion::isVersionQuad);
                        recorder.deleted.removeIf(KbVersion::isVersionQuad);
                        if (recorder.isEmpty()) {
                            if (synced[0] + synced[1] == 0) {
                                w.result = new WriteResult(0, 0, 0, 0, Math.max(store.version(), KbVersion.read(dsg)), 0);
                                continue;
                            }
                            long id = logChange(dsg, ChangeKind.REASONER, w.who, String.format(java.util.Locale.ROOT,
                                    "inferred graph brought up to date with the reasoner (+%d -%d)", synced[0], synced[1]),
                                    List.of(), List.of(), null);
                            committed.add(new Committed(id, null, null));
                            w.result = new WriteResult(0, 0, synced[0], synced[1], id, id);
                            continue;
                        }
                        // validate: graphs, shapes (as they will be if this change writes them), consistency
                        checkWritable(w.scope, recorder);
                        shapesAfter = touches(recorder, SHAPES) ? ShapeGate.load(dsg) : gate[0];
                        shapesAfter.check(dsg, focusNodes(recorder));
                        List<Triple> netAdded = netAdded(dsg, r, recorder.added);
                        // Quads stating again what another graph states already: they leave every
                        // inconsistency's key as it was, so they are looked at below (a new product's
                        // quads are all new, and cost nothing there).
                        Set<Triple> newToReasoner = new HashSet<>(netAdded);
                        Set<Quad> restated = new HashSet<>();
                        for (Quad q : recorder.added)
                            if (isAssertedGraph(q.getGraph()) && !newToReasoner.contains(q.asTriple()) && dsg.contains(q)) restated.add(q);
                        List<Triple> netRemoved = netRemoved(dsg, r, recorder.deleted);
                        // Inconsistencies already there are recorded disagreements between sources (see
                        // Disagreements): only the ones this change introduces are judged.
                        Set<String> before = r.isConsistent() ? Set.of()
                                : keys.get(0) != null ? keys.get(0) : Disagreements.keys(r.inconsistencies());
                        // From here until the batch commits or is rolled back, readers of the reasoner wait.
                        if (!locked[0]) {
                            reasonerLock.writeLock().lock();
                            locked[0] = true;
                        }
                        told = new ReasonerChange(netAdded, netRemoved);
                        added = r.add(netAdded);
                        removed = r.remove(netRemoved);
                        beforeVerdict.run();
                        Set<String> after = Set.of();
                        if (!r.isConsistent()) {
                            List<Inconsistency> all = r.inconsistencies();
                            after = Disagreements.keys(all);
                            // Judged: those this change introduces, and those already there that it states
                            // a side of again in a graph of its own (an unsourced copy of a sourced side
                            // would otherwise stay, as the only side, once the sourced one is withdrawn).
                            List<Inconsistency> judged = new ArrayList<>();
                            for (Inconsistency inc : all)
                                if (!before.contains(Disagreements.key(inc)) || Disagreements.restates(dsg, inc, restated)) judged.add(inc);
                            if (!judged.isEmpty()) Disagreements.judge(dsg, judged, recorder.added);
                        }
                        keys.set(0, after);
                        disagreementsKept = before.equals(after);
                    } catch (RuntimeException | Error e) {
                        // Refused: take it back out of the transaction and the reasoner, before anything else runs.
                        if (told != null) {
                            told.undo(r);
                            undone[0] = true;
                        }
                        for (Quad q : recorder.added) dsg.delete(q);
                        for (Quad q : recorder.deleted) dsg.add(q);
                        if (KbVersion.read(dsg) != versionBefore) KbVersion.set(dsg, versionBefore);
                        w.failure = e;
                        continue;
                    }
                    // commit with inferences, and the audit entry, in the same transaction
                    accepted.push(told);
                    apply(dsg, added);
                    apply(dsg, removed);
                    long id = logChange(dsg, w.kind, w.who, w.summary, recorder.added, recorder.deleted, w.reverts);
                    gate[0] = shapesAfter;
                    List<Triple> inferredAdded = new ArrayList<>(added.addedInferred());
                    inferredAdded.addAll(removed.addedInferred());
                    List<Triple> inferredRemoved = new ArrayList<>(added.removedInferred());
                    inferredRemoved.addAll(removed.removedInferred());
                    committed.add(new Committed(id, recorder.added, recorder.deleted, inferredAdded, inferredRemoved,
                            removed.derivationsKept() && synced[0] + synced[1] == 0, disagreementsKept));
                    w.result = new WriteResult(told.added().size(), told.removed().size(),
                            added.addedCount() + removed.addedCount(), added.removedCount() + removed.removedCount(), id, id);
                }
                // A transaction whose every write was refused or changed nothing keeps nothing.
                if (committed.isEmpty()) throw new NothingAccepted();
                return null;
            });
        } catch (NothingAccepted e) {
            // every outcome is set; the store is as it was
        } catch (RuntimeException | Error e) {
            // The batch as a whole failed (its commit, or the store): nothing of it was kept.
            while (!accepted.isEmpty()) accepted.pop().undo(r);
            keys.set(0, keysBefore);
            if (store.isShared()) throw e;
            committed.clear();
            // The reasoner is back at the last committed state, but a conclusion may now stand on
            // another derivation than the views followed: they rebuild.
            notifyUnknown(new Committed(store.version(), null, null));
            for (Queued w : batch) {
                if (w.failure != null) continue;
                w.result = null;
                w.failure = e;
            }
        } finally {
            if (locked[0]) reasonerLock.writeLock().unlock();
            disagreementKeys = keys.get(0);
        }
        if (!committed.isEmpty()) {
            batchesCommitted.incrementAndGet();
            // Only now that the changes are committed: their shapes (the sync may bring new ones) apply to the next.
            shapes = gate[0];
            inferredStale = false;
            // Removed triples leave unused slots in the reasoner (ids are never reused);
            // reclaim them once they clearly outnumber the live ones. The closure is unchanged.
            if (r.slots() > 2L * r.size() + 100_000) {
                r.compact();
                undone[0] = true; // compaction derives every conclusion anew: explanations may differ
            }
            if (undone[0]) committed.replaceAll(Committed::derivationsChanged);
            // Still under the write lock: views follow the changes one at a time, in version order,
            // before any of their writers gets an answer; then those that follow a batch at once.
            for (Committed c : committed) notifyCommitted(c);
            notifyBatch(committed);
        }
    }

    /**
     * Runs {@code read} against the reasoner while no change is being judged or committed: what
     * it sees is always a state of the knowledge base that was (or is being) committed.
     */
    public <T> T withReasoner(Function<RlReasoner, T> read) {
        reasonerLock.readLock().lock();
        try {
            return read.apply(reasoner);
        } finally {
            reasonerLock.readLock().unlock();
        }
    }

    /**
     * Runs {@code listener} after every accepted change commits (here, or caught up from another
     * instance), before the write that made it returns: a view it updates is current when the
     * writer gets its answer. Listeners are called one change at a time, in version order.
     */
    public void onCommitted(Consumer<Committed> listener) {
        committedListeners.add(listener);
    }

    /**
     * Runs {@code listener} once per committed batch of changes (group commit), with its changes in
     * version order, after the per-change listeners of {@link #onCommitted} and, like them, before
     * any of the batch's writes returns. Readers only ever see the state after the whole batch (it
     * commits once), so a view may follow the batch in one step. Changes caught up from other
     * instances arrive as a batch of one unknown change.
     */
    public void onBatchCommitted(Consumer<List<Committed>> listener) {
        batchListeners.add(listener);
    }

    private void notifyBatch(List<Committed> changes) {
        for (Consumer<List<Committed>> l : batchListeners) {
            try {
                l.accept(List.copyOf(changes));
            } catch (RuntimeException e) {
                LOG.warn("A view could not follow changes up to {}; it will rebuild", changes.get(changes.size() - 1).version(), e);
            }
        }
    }

    private void notifyCommitted(Committed change) {
        for (Consumer<Committed> l : committedListeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A view could not follow change {}; it will rebuild", change.version(), e);
            }
        }
    }

    private void notifyUnknown(Committed change) {
        notifyCommitted(change);
        notifyBatch(List.of(change));
    }

    /** Tests only: how many writes are waiting for a leader. */
    int queuedWrites() {
        return queue.size();
    }

    /** Tests only: how many store transactions the write pipeline has committed. */
    long batchesCommitted() {
        return batchesCommitted.get();
    }

    /** Tests only: {@code hook} runs while the reasoner holds a change it has not yet accepted or refused. */
    void beforeVerdict(Runnable hook) {
        this.beforeVerdict = hook;
    }

    /**
     * Brings this instance up to date with writes other instances made to a shared store, then
     * returns. Reads call it before answering; it coalesces concurrent callers into one check of
     * the store's version (see {@link Freshness}). Does nothing for an embedded store.
     *
     * @throws org.virtkg.store.StoreUnavailableException the shared store could not be reached
     */
    public void awaitFresh() {
        if (!store.isShared()) return;
        freshness.await(() -> {
            // Asking costs a round trip but needs no lock; only taking writes in does.
            long current = store.storeVersion();
            if (current == store.version()) return;
            writeLock.lock();
            try {
                if (store.catchUp(catchUp, current)) notifyUnknown(new Committed(store.version(), null, null));
            } finally {
                writeLock.unlock();
            }
        });
    }

    private void catchUpLocked() {
        if (store.isShared() && store.catchUp(catchUp)) notifyUnknown(new Committed(store.version(), null, null));
    }

    /**
     * Applies, inside the local transaction that brings in another instance's writes, what they
     * mean for this instance: the reasoner follows the asserted graphs, the inferred graph
     * follows the reasoner (the writer stored the same inferences; re-deriving them keeps the
     * copy consistent with this reasoner either way), the shapes and change-log counter follow
     * the store.
     */
    private final class FollowOtherWriters implements KnowledgeStore.CatchUpListener {
        @Override
        public void changed(DatasetGraph dsg, Collection<Quad> added, Collection<Quad> deleted) {
            // What other instances wrote may change the recorded disagreements too.
            disagreementKeys = null;
            reasonerLock.writeLock().lock();
            try {
                RlReasoner r = reasoner;
                apply(dsg, r.add(netAdded(dsg, r, added)));
                apply(dsg, r.remove(netRemoved(dsg, r, deleted)));
            } finally {
                reasonerLock.writeLock().unlock();
            }
            if (touches(added, SHAPES) || touches(deleted, SHAPES)) shapes = ShapeGate.load(dsg);
        }

        @Override
        public void reloaded(DatasetGraph dsg) {
            disagreementKeys = null;
            RlReasoner fresh = RlReasoner.create();
            fresh.add(assertedTriples(dsg));
            syncInferredGraph(dsg, fresh);
            reasoner = fresh;
            shapes = ShapeGate.load(dsg);
        }
    }

    /**
     * Undoes change {@code id} by applying its patch in reverse, as a new change through the same
     * validation, with the rights of the change it undoes, less the shipped graphs
     * ({@link ChangeKind#revertRefusal}). Throws {@link java.util.NoSuchElementException} for an
     * unknown id and {@link WriteRejectedException} ({@code forbidden} for a change that wrote the
     * shipped graphs, {@code conflict} for one that cannot be reverted).
     */
    public WriteResult revert(long id, String who) {
        ChangeLog.Entry entry = Txn.calculateRead(store.dataset(), () -> ChangeLog.get(store.dataset(), id))
                .orElseThrow(() -> new java.util.NoSuchElementException("No change " + id));
        ChangeKind original = ChangeKind.of(entry.kind());
        if (original == ChangeKind.REASONER)
            throw new WriteRejectedException("conflict", "Change " + id + " only brought the reasoner's conclusions up to date; "
                    + "there is nothing to revert", List.of());
        ChangeKind.Scope scope = scopeOf(entry);
        ChangeRecorder quads = entry.patch() == null ? new ChangeRecorder(null) : entry.quads();
        // Refused before anything runs, as a Graph Store write to a shipped graph is: the patch
        // names every graph the revert would write (a sync too large to keep one is refused by its kind).
        Set<String> graphs = new LinkedHashSet<>();
        for (Set<Quad> side : List.of(quads.added, quads.deleted))
            for (Quad q : side) if (q.getGraph().isURI()) graphs.add(q.getGraph().getURI());
        String shipped = ChangeKind.revertRefusal(scope, graphs);
        if (shipped != null)
            throw new WriteRejectedException("forbidden", "Change " + id + " cannot be reverted: " + shipped, List.of());
        if (entry.patch() == null)
            throw new WriteRejectedException("conflict", "Change " + id + " touched " + (entry.added() + entry.deleted())
                    + " quads, more than the " + ChangeLog.MAX_PATCH_QUADS + " the change log keeps a patch for; it cannot be reverted",
                    List.of());
        return write(ChangeKind.REVERT, scope, who,
                "revert of change " + id + ": " + entry.summary(), id, dsg -> {
                    // Only a revert that undoes exactly what the change did: if later changes took
                    // away what it added or brought back what it removed, undoing it now would
                    // leave a state no write ever made (half a product, without its kind).
                    Set<Quad> gone = quads.added.stream().filter(q -> !dsg.contains(q)).collect(Collectors.toSet());
                    Set<Quad> back = quads.deleted.stream().filter(dsg::contains).collect(Collectors.toSet());
                    if (!gone.isEmpty() || !back.isEmpty())
                        throw new WriteRejectedException("conflict", "Change " + id + " can no longer be reverted as it was: later changes "
                                + (!gone.isEmpty() ? "took away " + gone.size() + " of the statements it added" : "")
                                + (!gone.isEmpty() && !back.isEmpty() ? " and " : "")
                                + (!back.isEmpty() ? "brought back " + back.size() + " of those it removed" : "")
                                + laterChangesIn(dsg, id, gone, back)
                                + ". Revert those later changes first (newest first), or make the change you want as a new one", List.of());
                    for (Quad q : quads.added) dsg.delete(q);
                    for (Quad q : quads.deleted) dsg.add(q);
                });
    }

    /** How many later changes a refusal to revert reads, at most, to name those in its way. */
    private static final int MAX_LATER_CHANGES_READ = 1_000;

    /**
     * " (change 17)", " (changes 17 and 19)": the later changes that deleted one of {@code gone} or
     * added one of {@code back}, so the refusal names what to revert first; "" when none of the
     * next {@value #MAX_LATER_CHANGES_READ} kept a patch that shows it.
     */
    private static String laterChangesIn(DatasetGraph dsg, long id, Set<Quad> gone, Set<Quad> back) {
        List<String> ids = new ArrayList<>();
        for (ChangeLog.Entry later : ChangeLog.after(dsg, id, MAX_LATER_CHANGES_READ)) {
            ChangeRecorder q = later.quads();
            if (q.deleted.stream().anyMatch(gone::contains) || q.added.stream().anyMatch(back::contains)) ids.add(String.valueOf(later.id()));
        }
        if (ids.isEmpty()) return "";
        String listed = ids.size() == 1 ? ids.getFirst() : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
        return " (change" + (ids.size() == 1 ? " " : "s ") + listed + ")";
    }

    /** What a change may write: its kind's scope; for a revert, that of the change at the start of the chain. */
    private ChangeKind.Scope scopeOf(ChangeLog.Entry entry) {
        ChangeLog.Entry e = entry;
        while (ChangeKind.of(e.kind()) == ChangeKind.REVERT && e.reverts() != null) {
            long id = e.reverts();
            var earlier = Txn.calculateRead(store.dataset(), () -> ChangeLog.get(store.dataset(), id));
            if (earlier.isEmpty()) break;
            e = earlier.get();
        }
        return ChangeKind.of(e.kind()).scope();
    }

    private static void checkWritable(ChangeKind.Scope scope, ChangeRecorder recorder) {
        for (Set<Quad> quads : List.of(recorder.added, recorder.deleted)) {
            for (Quad q : quads) {
                Node g = q.getGraph();
                if (q.isDefaultGraph() || !g.isURI())
                    throw new WriteRejectedException("forbidden",
                            "Writes must name a graph; the default graph is the read-only union of all named graphs", List.of());
                String why = ChangeKind.refusal(scope, g.getURI());
                if (why != null) throw new WriteRejectedException("forbidden", "The graph <" + g.getURI() + "> is read-only: " + why, List.of());
            }
        }
        String invalidIri = ValidIris.refusal(recorder.added);
        if (invalidIri != null) throw new WriteRejectedException("invalid", invalidIri, List.of());
        // A value the store would not give back as written is refused, not narrowed on disk.
        String unstorable = org.virtkg.store.StorableLiterals.refusal(recorder.added);
        if (unstorable != null) throw new WriteRejectedException("invalid", unstorable, List.of());
    }

    private static boolean touches(ChangeRecorder recorder, Node graph) {
        return touches(recorder.added, graph) || touches(recorder.deleted, graph);
    }

    private static boolean touches(Collection<Quad> quads, Node graph) {
        for (Quad q : quads) if (graph.equals(q.getGraph())) return true;
        return false;
    }

    /** Subjects of what the write added: the nodes SHACL must look at again. */
    private static Set<Node> focusNodes(ChangeRecorder recorder) {
        Set<Node> focus = new LinkedHashSet<>();
        for (Quad q : recorder.added) if (q.getSubject().isURI() || q.getSubject().isBlank()) focus.add(q.getSubject());
        return focus;
    }

    /** Triples newly asserted: written to an asserted graph and not already known to the reasoner. */
    private static List<Triple> netAdded(DatasetGraph dsg, RlReasoner reasoner, Collection<Quad> added) {
        Set<Triple> out = new LinkedHashSet<>();
        for (Quad q : added) {
            if (!isAssertedGraph(q.getGraph()) || !dsg.contains(q)) continue;
            Triple t = q.asTriple();
            if (!reasoner.isAsserted(t)) out.add(t);
        }
        return new ArrayList<>(out);
    }

    /** Triples no longer asserted anywhere: deleted and absent from every asserted graph. */
    private static List<Triple> netRemoved(DatasetGraph dsg, RlReasoner reasoner, Collection<Quad> deleted) {
        Set<Triple> out = new LinkedHashSet<>();
        for (Quad q : deleted) {
            if (!isAssertedGraph(q.getGraph()) || dsg.contains(q)) continue;
            Triple t = q.asTriple();
            if (out.contains(t) || !reasoner.isAsserted(t)) continue;
            boolean stillAsserted = false;
            for (var it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()); it.hasNext(); ) {
                if (isAssertedGraph(it.next().getGraph())) {
                    stillAsserted = true;
                    break;
                }
            }
            if (!stillAsserted) out.add(t);
        }
        return new ArrayList<>(out);
    }

    private static void apply(DatasetGraph dsg, Delta delta) {
        for (Triple t : delta.removedInferred()) dsg.delete(INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
        for (Triple t : delta.addedInferred()) dsg.add(INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** Inconsistencies as a refusal reports them: rule, message, triples and how each was concluded. */
    public static List<WriteRejectedException.Inconsistent> report(List<Inconsistency> incs) {
        return incs.stream().map(inc -> new WriteRejectedException.Inconsistent(inc.rule(), inc.message(),
                inc.triples().stream().map(KnowledgeBase::tripleString).toList(),
                inc.explanations().stream().map(KnowledgeBase::derivation).toList(), null, null, null)).toList();
    }

    private static WriteRejectedException.Derivation derivation(Explanation e) {
        return new WriteRejectedException.Derivation(tripleString(e.triple()), e.rule(), e.asserted(),
                e.premises().isEmpty() ? null : e.premises().stream().map(KnowledgeBase::derivation).toList());
    }

    static String tripleString(Triple t) {
        return org.apache.jena.sparql.util.FmtUtils.stringForTriple(t, (org.apache.jena.shared.PrefixMapping) null);
    }

    public RlReasoner reasoner() {
        return reasoner;
    }

    public KnowledgeStore store() {
        return store;
    }

    /** True when the store holds no ontology: there is nothing to reason with or answer from. */
    public boolean isEmpty() {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(Graphs.node(Graphs.ONTOLOGY)).isEmpty());
    }

    /**
     * Runs {@code work} in one read transaction with the {@link Snapshot} it sees (its version read
     * from the data). The one way the layers above read the knowledge base; nested inside another
     * read of this thread, it joins that transaction and sees the same state.
     */
    public <T> T read(Function<Snapshot, T> work) {
        DatasetGraph dsg = store.dataset();
        boolean outermost = !dsg.isInTransaction();
        return Txn.calculateRead(dsg, () -> {
            Snapshot s = new Snapshot(KbVersion.read(dsg), dsg);
            if (outermost) awaitViewsOf(s.version());
            return work.apply(s);
        });
    }

    /**
     * The thread committing a batch and then telling the views of it ({@link #onCommitted},
     * {@link #onBatchCommitted}), or null; guarded by {@link #told} for writes.
     */
    private volatile Thread telling;
    /** The version before the batch {@link #telling} commits: a snapshot newer than this sees that batch. */
    private volatile long tellingAfter;
    private final Object told = new Object();
    /** The longest a reader waits for the views to follow a batch before it reads without them. */
    static final Duration MAX_VIEW_WAIT = Duration.ofSeconds(2);

    /**
     * Once a batch commits, a reader sees its changes at once, but the views (the id index, the
     * claims, the matrix, the platform list, the counts…) follow it a few milliseconds later, in
     * the writer's thread. A reader arriving in between used to build each view it needed anew
     * from the store, correct but costly (under a steady stream of writes, most of the server's
     * CPU went there); it now waits for the views instead, and takes them as followed. The
     * writer's own reads (the listeners read the store) never wait; nor does a read nested in
     * another, which has already decided, nor one of a change caught up from another instance.
     */
    private void awaitViewsOf(long version) {
        Thread writer = telling;
        if (writer == null || writer == Thread.currentThread() || version <= tellingAfter) return;
        long deadline = System.nanoTime() + MAX_VIEW_WAIT.toNanos();
        synchronized (told) {
            long left;
            while (telling != null && version > tellingAfter && (left = deadline - System.nanoTime()) > 0) {
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(told, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The dataset itself, for the SPARQL protocol's services (Fuseki's query, update and Graph
     * Store endpoints): they open their own transactions per request and run updates through
     * {@code GuardedUpdate}, which writes through {@link #write}. Everything else reads through
     * {@link #read}.
     */
    public DatasetGraph protocolDataset() {
        return store.dataset();
    }

    /** Changes with every accepted write, here or (after {@link #awaitFresh}) elsewhere. */
    public long version() {
        return store.version();
    }

    @Override
    public void close() {
        store.close();
    }
}
