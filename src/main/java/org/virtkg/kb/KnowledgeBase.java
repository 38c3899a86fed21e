package org.virtkg.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
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
import org.virtkg.store.Graphs;
import org.virtkg.store.KnowledgeStore;

/**
 * The store together with its reasoner, and the one path every write takes.
 *
 * <p>The {@link Graphs#INFERRED} graph always equals the OWL 2 RL closure of the asserted graphs
 * minus what is asserted. A write has Fuseki's shape — <em>perform</em> the change inside a write
 * transaction while recording what it touched, <em>validate</em> (graph rules, SHACL shapes on the
 * touched subjects, then the reasoner's consistency check on the incremental closure), then
 * <em>commit</em> together with the change to the inferred graph — so queries never see asserted data without its inferences, and a refused
 * write leaves nothing behind, not even in the reasoner.
 */
public final class KnowledgeBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final Node INFERRED = Graphs.node(Graphs.INFERRED);

    private final KnowledgeStore store;
    private final RlReasoner reasoner = RlReasoner.create();
    private ShapeGate shapes;
    private final AtomicLong version = new AtomicLong(1);
    /** The last change-log id; only the (serialised) write pipeline advances it. */
    private long lastChangeId;
    /** Serialises the write pipeline so the reasoner changes in step with the store's single writer. */
    private final Object writeLock = new Object();

    /** What one accepted write changed; {@code changeId} is its change-log entry (0 when it changed nothing). */
    public record WriteResult(int assertedAdded, int assertedRemoved, int inferredAdded, int inferredRemoved, long version,
                              long changeId) {}

    private KnowledgeBase(KnowledgeStore store) {
        this.store = store;
    }

    /** Loads the asserted graphs into the reasoner and brings the inferred graph up to date. */
    public static KnowledgeBase open(KnowledgeStore store, Consumer<String> progress) {
        KnowledgeBase kb = new KnowledgeBase(store);
        kb.shapes = ShapeGate.load(store.dataset());
        kb.lastChangeId = Txn.calculateRead(store.dataset(), () -> ChangeLog.lastId(store.dataset()));
        kb.materialise(progress);
        return kb;
    }

    private void materialise(Consumer<String> progress) {
        long t0 = System.nanoTime();
        DatasetGraph dsg = store.dataset();
        List<Triple> asserted = Txn.calculateRead(dsg, () -> {
            Set<Triple> all = new LinkedHashSet<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (isAssertedGraph(g)) dsg.getGraph(g).find().forEachRemaining(all::add);
            });
            return new ArrayList<>(all);
        });
        reasoner.add(asserted);
        long t1 = System.nanoTime();
        int[] changed = Txn.calculateWrite(dsg, () -> syncInferredGraph(dsg));
        progress.accept(String.format(java.util.Locale.ROOT,
                "reasoned over %,d asserted triples: %,d inferred in %d ms (inferred graph: +%d -%d)",
                asserted.size(), reasoner.inferredCount(), (t1 - t0) / 1_000_000, changed[0], changed[1]));
        if (!reasoner.isConsistent())
            LOG.warn("The knowledge base is inconsistent: {}", reasoner.inconsistencies());
    }

    /** Rewrites only the difference between the stored inferred graph and the reasoner's. */
    private int[] syncInferredGraph(DatasetGraph dsg) {
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
        DatasetGraph dsg = store.dataset();
        synchronized (writeLock) {
            dsg.begin(ReadWrite.WRITE);
            List<Triple> toAdd = List.of();
            List<Triple> toRemove = List.of();
            boolean reasonerChanged = false;
            try {
                ChangeRecorder recorder = new ChangeRecorder(dsg);
                change.accept(new DatasetGraphChanges(dsg, recorder));
                checkWritable(recorder);
                shapes.check(dsg, focusNodes(recorder));

                toAdd = netAdded(dsg, recorder);
                toRemove = netRemoved(dsg, recorder);
                boolean wasConsistent = reasoner.isConsistent();
                reasonerChanged = true;
                Delta added = reasoner.add(toAdd);
                Delta removed = reasoner.remove(toRemove);
                if (wasConsistent && !reasoner.isConsistent())
                    throw new WriteRejectedException("inconsistent",
                            "The change would make the knowledge base inconsistent", report(reasoner.inconsistencies()));
                apply(dsg, added);
                apply(dsg, removed);
                long changeId = recorder.isEmpty() ? 0 : lastChangeId + 1;
                if (changeId > 0) ChangeLog.append(dsg, changeId, who, summary, recorder.added, recorder.deleted, reverts);
                dsg.commit();
                reasonerChanged = false;
                if (changeId > 0) lastChangeId = changeId;
                // Removed triples leave unused slots in the reasoner (ids are never reused);
                // reclaim them once they clearly outnumber the live ones. The closure is unchanged.
                if (reasoner.slots() > 2L * reasoner.size() + 100_000) reasoner.compact();
                long v = recorder.isEmpty() ? version.get() : version.incrementAndGet();
                return new WriteResult(toAdd.size(), toRemove.size(),
                        added.addedCount() + removed.addedCount(), added.removedCount() + removed.removedCount(), v, changeId);
            } catch (RuntimeException | Error e) {
                dsg.abort();
                if (reasonerChanged) {
                    // Undo in reverse order; the reasoner restores its exact previous state.
                    reasoner.add(toRemove);
                    reasoner.remove(toAdd);
                }
                throw e;
            } finally {
                dsg.end();
            }
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
    private List<Triple> netAdded(DatasetGraph dsg, ChangeRecorder recorder) {
        Set<Triple> out = new LinkedHashSet<>();
        for (Quad q : recorder.added) {
            if (!isAssertedGraph(q.getGraph()) || !dsg.contains(q)) continue;
            Triple t = q.asTriple();
            if (!reasoner.isAsserted(t)) out.add(t);
        }
        return new ArrayList<>(out);
    }

    /** Triples no longer asserted anywhere: deleted and absent from every asserted graph. */
    private List<Triple> netRemoved(DatasetGraph dsg, ChangeRecorder recorder) {
        Set<Triple> out = new LinkedHashSet<>();
        for (Quad q : recorder.deleted) {
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

    /** Changes with every accepted write; the basis for ETags. */
    public long version() {
        return version.get();
    }

    @Override
    public void close() {
        store.close();
    }
}
