package org.virtkg.kb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
import org.virtkg.store.ChangeRecorder;
import org.virtkg.store.Freshness;
import org.virtkg.store.Graphs;
import org.virtkg.store.KnowledgeStore;
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
    /** The last change-log id; only the (serialised) write pipeline and catch-up advance it. */
    private long lastChangeId;
    /** Serialises the write pipeline (and catch-up) so the reasoner changes in step with the store's single writer. */
    private final Object writeLock = new Object();
    /** Coalesces the version checks reads make against a shared store. */
    private final Freshness freshness;
    private final KnowledgeStore.CatchUpListener catchUp = new FollowOtherWriters();

    /** What one accepted write changed; {@code changeId} is its change-log entry (0 when it changed nothing). */
    public record WriteResult(int assertedAdded, int assertedRemoved, int inferredAdded, int inferredRemoved, long version,
                              long changeId) {}

    private KnowledgeBase(KnowledgeStore store, Duration maxStaleness) {
        this.store = store;
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
        KnowledgeBase kb = new KnowledgeBase(store, maxStaleness);
        kb.materialise(progress);
        // Read after materialising: with a shared store, catching up there may have brought in
        // other instances' shapes and change-log entries.
        kb.shapes = ShapeGate.load(store.dataset());
        kb.lastChangeId = Txn.calculateRead(store.dataset(), () -> ChangeLog.lastId(store.dataset()));
        return kb;
    }

    /** What bringing the inferred graph up to date found and did. */
    private record Materialised(RlReasoner reasoner, int asserted, long reasonMillis, int[] changed) {}

    private void materialise(Consumer<String> progress) {
        // Reasoned inside the write, over what it sees: if another instance of a shared store
        // wrote first, the store catches up and the whole step runs again on the new data.
        Materialised m = store.writeCatchingUp(dsg -> {
            long t0 = System.nanoTime();
            RlReasoner fresh = RlReasoner.create();
            List<Triple> asserted = assertedTriples(dsg);
            fresh.add(asserted);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Materialised(fresh, asserted.size(), millis, syncInferredGraph(dsg, fresh));
        });
        reasoner = m.reasoner();
        progress.accept(String.format(java.util.Locale.ROOT,
                "reasoned over %,d asserted triples: %,d inferred in %d ms (inferred graph: +%d -%d)",
                m.asserted(), m.reasoner().inferredCount(), m.reasonMillis(), m.changed()[0], m.changed()[1]));
        if (!m.reasoner().isConsistent())
            LOG.warn("The knowledge base is inconsistent: {}", m.reasoner().inconsistencies());
    }

    private static List<Triple> assertedTriples(DatasetGraph dsg) {
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
     * validation, commits it with its inferences. Throws {@link WriteRejectedException} (nothing
     * kept) when it would write a protected graph or make the knowledge base inconsistent.
     */
    public WriteResult write(String who, String summary, Consumer<DatasetGraph> change) {
        return write(who, summary, null, change);
    }

    private WriteResult write(String who, String summary, Long reverts, Consumer<DatasetGraph> change) {
        for (int attempt = 1; ; attempt++) {
            synchronized (writeLock) {
                // The first attempt runs on the copy as it is: requests bring it up to date when
                // they arrive (awaitFresh), and if another instance has written since, the store
                // refuses the publish (its version moved) and we come round again to catch up and
                // retry. Validation thus always ends up judging the store's current state.
                if (attempt > 1) catchUpLocked();
                try {
                    return writeOnce(who, summary, reverts, change);
                } catch (StoreConflictException e) {
                    if (attempt == MAX_ATTEMPTS) throw e;
                    LOG.debug("Write conflict on attempt {}; catching up and trying again", attempt);
                }
            }
            // Outside the lock: reads and other writes of this instance go on meanwhile.
            backOff(attempt);
        }
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

    /** What the reasoner was told during one attempt, so a refused attempt can take it back. */
    private static final class ReasonerChange {
        List<Triple> added = List.of();
        List<Triple> removed = List.of();
        boolean applied;
    }

    private WriteResult writeOnce(String who, String summary, Long reverts, Consumer<DatasetGraph> change) {
        RlReasoner r = reasoner;
        ReasonerChange pending = new ReasonerChange();
        try {
            WriteResult staged = store.write(dsg -> {
                ChangeRecorder recorder = new ChangeRecorder(dsg);
                change.accept(new DatasetGraphChanges(dsg, recorder));
                checkWritable(recorder);
                shapes.check(dsg, focusNodes(recorder));

                pending.added = netAdded(dsg, r, recorder.added);
                pending.removed = netRemoved(dsg, r, recorder.deleted);
                boolean wasConsistent = r.isConsistent();
                pending.applied = true;
                Delta added = r.add(pending.added);
                Delta removed = r.remove(pending.removed);
                if (wasConsistent && !r.isConsistent())
                    throw new WriteRejectedException("inconsistent",
                            "The change would make the knowledge base inconsistent", report(r.inconsistencies()));
                apply(dsg, added);
                apply(dsg, removed);
                long changeId = recorder.isEmpty() ? 0 : lastChangeId + 1;
                if (changeId > 0) ChangeLog.append(dsg, changeId, who, summary, recorder.added, recorder.deleted, reverts);
                return new WriteResult(pending.added.size(), pending.removed.size(),
                        added.addedCount() + removed.addedCount(), added.removedCount() + removed.removedCount(), 0, changeId);
            });
            pending.applied = false;
            if (staged.changeId() > 0) lastChangeId = staged.changeId();
            // Removed triples leave unused slots in the reasoner (ids are never reused);
            // reclaim them once they clearly outnumber the live ones. The closure is unchanged.
            if (r.slots() > 2L * r.size() + 100_000) r.compact();
            return new WriteResult(staged.assertedAdded(), staged.assertedRemoved(), staged.inferredAdded(),
                    staged.inferredRemoved(), store.version(), staged.changeId());
        } catch (RuntimeException | Error e) {
            if (pending.applied) {
                // Undo in reverse order; the reasoner restores its exact previous state.
                r.add(pending.removed);
                r.remove(pending.added);
            }
            throw e;
        }
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
            synchronized (writeLock) {
                store.catchUp(catchUp, current);
            }
        });
    }

    private void catchUpLocked() {
        if (store.isShared()) store.catchUp(catchUp);
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
            RlReasoner r = reasoner;
            apply(dsg, r.add(netAdded(dsg, r, added)));
            apply(dsg, r.remove(netRemoved(dsg, r, deleted)));
            boolean shapesChanged = added.stream().anyMatch(q -> SHAPES.equals(q.getGraph()))
                    || deleted.stream().anyMatch(q -> SHAPES.equals(q.getGraph()));
            if (shapesChanged) shapes = ShapeGate.load(dsg);
            // Entries are only ever appended: the newest id is among what was just added.
            lastChangeId = Math.max(lastChangeId, ChangeLog.lastId(added.iterator()));
        }

        @Override
        public void reloaded(DatasetGraph dsg) {
            RlReasoner fresh = RlReasoner.create();
            fresh.add(assertedTriples(dsg));
            syncInferredGraph(dsg, fresh);
            reasoner = fresh;
            shapes = ShapeGate.load(dsg);
            lastChangeId = ChangeLog.lastId(dsg);
        }
    }

    /**
     * Undoes change {@code id} by applying its patch in reverse, as a new change through the same
     * validation. Throws {@link java.util.NoSuchElementException} for an unknown id.
     */
    public WriteResult revert(long id, String who) {
        ChangeLog.Entry entry = Txn.calculateRead(store.dataset(), () -> ChangeLog.get(store.dataset(), id))
                .orElseThrow(() -> new java.util.NoSuchElementException("No change " + id));
        var patch = org.apache.jena.rdfpatch.RDFPatchOps.read(
                new java.io.ByteArrayInputStream(entry.patch().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ChangeRecorder original = new ChangeRecorder(null);
        patch.apply(original);
        return write(who, "revert of change " + id + ": " + entry.summary(), id, dsg -> {
            for (Quad q : original.added) dsg.delete(q);
            for (Quad q : original.deleted) dsg.add(q);
        });
    }

    private static void checkWritable(ChangeRecorder recorder) {
        for (Set<Quad> quads : List.of(recorder.added, recorder.deleted)) {
            for (Quad q : quads) {
                Node g = q.getGraph();
                if (q.isDefaultGraph() || !g.isURI())
                    throw new WriteRejectedException("forbidden",
                            "Writes must name a graph; the default graph is the read-only union of all named graphs", List.of());
                if (Graphs.isSystemManaged(g.getURI()) || Graphs.isShipped(g.getURI()))
                    throw new WriteRejectedException("forbidden", "The graph <" + g.getURI() + "> is read-only: "
                            + (Graphs.isShipped(g.getURI()) ? "it is shipped paper data (change ontology/ or data/ instead)"
                                                            : "it is maintained by virtkg itself"), List.of());
            }
        }
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

    /** Inconsistencies as JSON-ready maps: rule, message, triples and explanation trees. */
    public static List<Map<String, Object>> report(List<Inconsistency> incs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Inconsistency inc : incs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", inc.rule());
            m.put("message", inc.message());
            m.put("triples", inc.triples().stream().map(KnowledgeBase::tripleString).toList());
            m.put("explanations", inc.explanations().stream().map(KnowledgeBase::explanationMap).toList());
            out.add(m);
        }
        return out;
    }

    public static Map<String, Object> explanationMap(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("triple", tripleString(e.triple()));
        m.put("rule", e.rule());
        m.put("asserted", e.asserted());
        if (!e.premises().isEmpty()) m.put("premises", e.premises().stream().map(KnowledgeBase::explanationMap).toList());
        return m;
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

    /** Changes with every accepted write, here or (after {@link #awaitFresh}) elsewhere; the basis for ETags. */
    public long version() {
        return store.version();
    }

    @Override
    public void close() {
        store.close();
    }
}
