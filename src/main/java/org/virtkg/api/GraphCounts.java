package org.virtkg.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.KnowledgeBase.Committed;
import org.virtkg.store.ChangeLog;
import org.virtkg.store.Graphs;

/**
 * The triple count of every named graph, kept in step with the knowledge base so that
 * {@code /api/health} need not count every graph after each write.
 *
 * <p>Counting all graphs reads every quad in the store (one graph per product, so the cost grows with
 * the store), and a write changes only a few: after each committed batch, {@link #follow} notes which
 * counts the batch may have changed, in memory and without reading the store (writers are waiting for
 * their answers meanwhile); the next {@link #current} recounts just those, in the read transaction
 * whose version it reports. What a batch changes:
 * <ul>
 *   <li>the graphs its asserted quads were added to or deleted from: recounted (by the store, not from
 *       the quads, so that however the store compares values, the count is its own);</li>
 *   <li>the change log: one new entry per change, whose triples all have the entry as subject and
 *       whose id (the version it produced) no earlier entry had, so the entry's triples are added
 *       (a remote store's writer mark included);</li>
 *   <li>the system graph: the version quad is replaced; recounted (it is small);</li>
 *   <li>the inferred graph: changed by exactly the reasoner's delta, since it always equals the
 *       reasoner's conclusions before and after each change; the delta's size is added when every
 *       triple in it has an IRI or blank node as its object (the store and the reasoner then agree
 *       on when two triples are the same: for literals the store may not, e.g. integers it keeps by
 *       value); otherwise, or when the change also brought stored conclusions up to date (then
 *       {@code derivationsKept} is false), the graph is recounted.</li>
 * </ul>
 * A change that is not fully known (caught up from another instance, a batch that failed as a whole,
 * the stored conclusions brought up to date on their own) makes the next {@link #current} count
 * every graph, as does any doubt about having heard every batch.
 */
final class GraphCounts {
    /** Past this many change-log entries waiting to be counted (no health check for a long while), the log is recounted instead. */
    static final int MAX_PENDING_ENTRIES = 1_000;
    private static final Node CHANGES = Graphs.node(Graphs.CHANGES);

    /** Counts at a version, with the graphs that are exact only after {@link #settle}. */
    record Counts(long version, SortedMap<String, Long> sizes) {}

    /**
     * The counts at {@code version}: {@code sizes} is exact for every graph except those in
     * {@code recount}; the change log also gains the triples of {@code entries} and the inferred
     * graph {@code inferred} (each unless it is to be recounted).
     */
    private record Pending(long version, SortedMap<String, Long> sizes, Set<String> recount, List<Long> entries,
                           long inferred) {
        boolean settled() {
            return recount.isEmpty() && entries.isEmpty() && inferred == 0;
        }
    }

    private final KnowledgeBase kb;
    private final int maxPendingEntries;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; null when the next reader must count every graph. */
    private Pending state;
    /** Guarded by {@link #lock}: the version after the last batch {@link #follow} was told of. */
    private long heard;
    private final AtomicLong fullCounts = new AtomicLong();

    GraphCounts(KnowledgeBase kb) {
        this(kb, MAX_PENDING_ENTRIES);
    }

    /** Tests: with a lower bound on the change-log entries that wait to be counted. */
    GraphCounts(KnowledgeBase kb, int maxPendingEntries) {
        this.kb = kb;
        this.maxPendingEntries = maxPendingEntries;
        synchronized (lock) {
            heard = kb.version();
        }
        kb.onBatchCommitted(this::follow);
    }

    /**
     * The counts at the version of the read transaction this opens: exact, whatever happened
     * before. Recounts only what the batches since the last call may have changed, when
     * {@link #follow} heard all of them; otherwise counts everything.
     */
    Counts current() {
        return kb.read(snapshot -> {
            DatasetGraph dsg = snapshot.dataset();
            long version = snapshot.version();
            Pending p;
            synchronized (lock) {
                p = state;
            }
            if (p != null && p.version() == version) {
                if (p.settled()) return new Counts(version, p.sizes());
                Pending settled = settle(p, dsg);
                synchronized (lock) {
                    if (state == p) state = settled;
                }
                return new Counts(version, settled.sizes());
            }
            // Nothing followed to this version (the first request, a change not fully known, or a
            // batch committed whose followers have not run yet): count every graph.
            fullCounts.incrementAndGet();
            Pending full = new Pending(version, Collections.unmodifiableSortedMap(new TreeMap<>(kb.store().graphSizes())),
                    Set.of(), List.of(), 0);
            synchronized (lock) {
                // Kept only when it includes every batch heard of, and is newer than what is kept: a
                // batch heard later follows from it (or, if the count already includes it, keeps it).
                if (version >= heard && (state == null || state.version() < version)) state = full;
            }
            return new Counts(version, full.sizes());
        });
    }

    /** Tests only: how many times every graph was counted. */
    long fullCounts() {
        return fullCounts.get();
    }

    /** Runs after each committed batch, before its writers are answered; reads nothing from the store. */
    private void follow(List<Committed> batch) {
        long last = batch.getLast().version();
        boolean known = batch.stream().allMatch(Committed::known);
        try {
            while (true) {
                Pending p;
                long before;
                synchronized (lock) {
                    p = state;
                    before = heard;
                }
                Pending next;
                if (p == null || !known) next = null;
                else if (p.version() >= last) next = p; // a count made after the commit already includes the batch
                else if (p.version() == before) next = advance(p, batch, last, maxPendingEntries); // carried from the batch before this one
                else next = null; // a batch went unheard: do not guess
                synchronized (lock) {
                    if (state != p) continue; // a reader kept a new count meanwhile: follow from that one
                    state = next;
                    heard = last;
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                state = null;
                heard = last;
            }
            throw e;
        }
    }

    /** The counts after {@code batch}, given those before it; null when the batch is not described well enough to follow. */
    private static Pending advance(Pending p, List<Committed> batch, long last, int maxPendingEntries) {
        Set<String> recount = new HashSet<>(p.recount());
        List<Long> entries = new ArrayList<>(p.entries());
        long inferred = p.inferred();
        for (Committed c : batch) {
            for (Collection<Quad> quads : List.of(c.added(), c.deleted()))
                for (Quad q : quads) {
                    if (!q.getGraph().isURI()) return null;
                    // A restore (kind load) may write the change log and the system graph: recounted like any other.
                    recount.add(q.getGraph().getURI());
                }
            entries.add(c.version());
            if (c.inferredAdded() != null && c.inferredRemoved() != null && c.derivationsKept()
                    && sameInStore(c.inferredAdded()) && sameInStore(c.inferredRemoved()))
                inferred += c.inferredAdded().size() - c.inferredRemoved().size();
            else recount.add(Graphs.INFERRED);
        }
        recount.add(Graphs.SYSTEM);
        if (recount.contains(Graphs.CHANGES) || entries.size() > maxPendingEntries) {
            recount.add(Graphs.CHANGES);
            entries.clear();
        }
        if (recount.contains(Graphs.INFERRED)) inferred = 0;
        return new Pending(last, p.sizes(), recount, entries, inferred);
    }

    /** True when the store tells these triples apart exactly as the reasoner does: no literal objects. */
    private static boolean sameInStore(Collection<Triple> triples) {
        for (Triple t : triples) if (!t.getObject().isURI() && !t.getObject().isBlank()) return false;
        return true;
    }

    /** The exact counts at {@code p}'s version; {@code dsg} is a read transaction at that version. */
    private static Pending settle(Pending p, DatasetGraph dsg) {
        TreeMap<String, Long> sizes = new TreeMap<>(p.sizes());
        for (String g : p.recount()) put(sizes, g, dsg.getGraph(Graphs.node(g)).size());
        if (!p.recount().contains(Graphs.CHANGES) && !p.entries().isEmpty()) {
            long added = 0;
            for (long id : p.entries()) added += Iter.count(dsg.find(CHANGES, ChangeLog.iri(id), Node.ANY, Node.ANY));
            put(sizes, Graphs.CHANGES, sizes.getOrDefault(Graphs.CHANGES, 0L) + added);
        }
        if (!p.recount().contains(Graphs.INFERRED) && p.inferred() != 0)
            put(sizes, Graphs.INFERRED, sizes.getOrDefault(Graphs.INFERRED, 0L) + p.inferred());
        return new Pending(p.version(), Collections.unmodifiableSortedMap(sizes), Set.of(), List.of(), 0);
    }

    /** A graph with no triples is no graph: the store lists only graphs that hold something. */
    private static void put(Map<String, Long> sizes, String graph, long size) {
        if (size <= 0) sizes.remove(graph);
        else sizes.put(graph, size);
    }
}
