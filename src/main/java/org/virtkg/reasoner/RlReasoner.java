package org.virtkg.reasoner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Incremental OWL 2 RL reasoner: forward-chaining materialisation of the OWL 2 RL/RDF rules with explanations,
 * inconsistency reports and DRed deletion. See {@code docs/reasoning.md}.
 *
 * <pre>{@code
 * RlReasoner r = RlReasoner.create();
 * Delta d = r.add(triples);          // asserts and materialises; d says what entered/left inferred()
 * r.inconsistencies();                // empty when consistent
 * r.explain(t);                       // derivation tree of an inferred triple
 * r.remove(triples);                  // retracts asserted triples (DRed)
 * }</pre>
 *
 * <p>Closure semantics: {@link #contains} answers for the OWL 2 RL closure; {@code x owl:sameAs x} (eq-ref) is
 * answered but never stored or listed. Triples with a literal subject or a non-IRI predicate (generalised RDF) are
 * neither accepted nor derived.
 *
 * <p>Thread-safety: all methods are safe to call concurrently; writes ({@link #add}, {@link #remove}) take an
 * exclusive lock, reads a shared one. Results ({@link #inferred()}, explanations) are snapshots.
 */
public final class RlReasoner {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Engine e = new Engine();

    private RlReasoner() {
        e.saturate();
        e.log.clear();
    }

    /** A reasoner holding no asserted triples (only the OWL 2 RL axiomatic triples). */
    public static RlReasoner create() { return new RlReasoner(); }

    /**
     * Asserts triples and materialises their consequences (semi-naive from the new triples). The
     * triples are taken in {@link #CANONICAL} order, not the caller's: which derivation of a triple
     * is recorded (and so explained, and judged disputed or not) is the first one found, and that
     * follows the order facts arrive in. A store lists its statements in the order of its node ids,
     * which differs between a store a sync filled and a copy of it; sorted, the same facts give the
     * same explanations after a restart, a restore or a fresh sync.
     */
    public Delta add(Iterable<Triple> asserted) {
        List<Triple> ordered = new ArrayList<>();
        asserted.forEach(ordered::add);
        ordered.sort(CANONICAL);
        lock.writeLock().lock();
        try {
            e.log.clear();
            IntList becameAsserted = new IntList();
            for (Triple t : ordered) {
                if (!storable(t)) continue;
                int s = e.dict.id(t.getSubject()), p = e.dict.id(t.getPredicate()), o = e.dict.id(t.getObject());
                int tid = e.st.find(s, p, o);
                if (tid >= 0) {
                    if ((e.st.F[tid] & Store.ASSERTED) == 0) {
                        becameAsserted.add(tid);
                        e.st.F[tid] |= Store.ASSERTED;
                    }
                } else {
                    e.assertTriple(s, p, o);
                }
            }
            e.saturate();
            IntList added = new IntList(e.log.size() * 3 + 1);
            for (int i = 0; i < e.log.size(); i++) {
                int tid = e.log.get(i);
                if (e.st.present(tid) && (e.st.F[tid] & Store.ASSERTED) == 0) addKey(added, tid);
            }
            IntList removed = new IntList();
            for (int i = 0; i < becameAsserted.size(); i++) addKey(removed, becameAsserted.get(i));
            e.log.clear();
            return new Delta(e.dict, lock.readLock(), added.toArray(), removed.toArray());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The order {@link #add} takes triples in: by subject, predicate and object, each by kind, then text. */
    public static final Comparator<Triple> CANONICAL = Comparator.comparing(Triple::getSubject, RlReasoner::compareNodes)
            .thenComparing(Triple::getPredicate, RlReasoner::compareNodes)
            .thenComparing(Triple::getObject, RlReasoner::compareNodes);

    private static int compareNodes(Node a, Node b) {
        int byKind = Integer.compare(kind(a), kind(b));
        if (byKind != 0) return byKind;
        if (a.isURI()) return a.getURI().compareTo(b.getURI());
        if (a.isBlank()) return a.getBlankNodeLabel().compareTo(b.getBlankNodeLabel());
        if (a.isLiteral()) {
            int c = a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm());
            if (c == 0) c = a.getLiteralDatatypeURI().compareTo(b.getLiteralDatatypeURI());
            return c != 0 ? c : a.getLiteralLanguage().compareTo(b.getLiteralLanguage());
        }
        return a.toString().compareTo(b.toString());
    }

    private static int kind(Node n) {
        return n.isURI() ? 0 : n.isBlank() ? 1 : n.isLiteral() ? 2 : 3;
    }

    /** Convenience: {@link #add(Iterable)} for a stream. */
    public Delta add(Stream<Triple> asserted) { return add((Iterable<Triple>) asserted::iterator); }

    /**
     * Retracts asserted triples (others are ignored) and everything no longer entailed, using DRed: over-delete
     * everything with a derivation through a retracted triple, then re-derive what is still entailed. Falls back
     * to a full recomputation when RDF lists used by list-based axioms are affected.
     */
    public Delta remove(Iterable<Triple> asserted) {
        lock.writeLock().lock();
        try {
            IntList roots = new IntList();
            boolean lists = false;
            for (Triple t : asserted) {
                int s = e.dict.lookup(t.getSubject()), p = e.dict.lookup(t.getPredicate()), o = e.dict.lookup(t.getObject());
                if (s == 0 || p == 0 || o == 0) continue;
                int tid = e.st.find(s, p, o);
                if (tid < 0 || (e.st.F[tid] & Store.ASSERTED) == 0 || roots.contains(tid)) continue;
                roots.add(tid);
                if (e.isListRelevant(s, p, o)) lists = true;
            }
            if (roots.size() == 0) return new Delta(e.dict, lock.readLock(), new int[0], new int[0]);
            if (lists) return recompute(roots);
            return dred(roots);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Delta remove(Stream<Triple> asserted) { return remove((Iterable<Triple>) asserted::iterator); }

    private Delta dred(IntList roots) {
        Store st = e.st;
        IntList added = new IntList(), removed = new IntList();
        e.overDelete = true;
        e.beginOverDelete();
        e.odList.clear();
        e.odTouchesLists = false;
        for (int i = 0; i < roots.size(); i++) {
            int tid = roots.get(i);
            st.F[tid] &= ~Store.ASSERTED;
            if ((st.F[tid] & Store.AXIOM) != 0) {
                addKey(added, tid); // an axiom stays, now as an inferred triple
                continue;
            }
            st.F[tid] |= Store.MARK;
            e.odList.add(tid);
        }
        int rootCount = e.odList.size();
        for (int i = 0; i < e.odList.size(); i++) e.fire(e.odList.get(i));
        e.overDelete = false;
        if (e.odTouchesLists) {
            for (int i = 0; i < e.odList.size(); i++) st.F[e.odList.get(i)] &= ~Store.MARK;
            return recompute(roots);
        }
        int n = e.odList.size();
        int[] keys = new int[n * 3];
        for (int i = 0; i < n; i++) {
            int tid = e.odList.get(i);
            keys[3 * i] = st.S[tid];
            keys[3 * i + 1] = st.P[tid];
            keys[3 * i + 2] = st.O[tid];
        }
        for (int i = 0; i < n; i++) {
            int tid = e.odList.get(i);
            e.touched(st.P[tid], st.O[tid]);
            st.delete(tid);
        }
        e.odList.clear();
        e.rebuildEquality();
        // Re-derive. Every rule conclusion shares its subject with one of its premises, and its object too unless
        // the object is a constant of a rule head (owl:Thing, owl:TransitiveProperty, ...) or comes from an RDF
        // list (cls-int2); owl:Nothing rdfs:subClassOf ?c shares only its object. So the one-step re-derivations of
        // an over-deleted triple are found by firing the surviving triples around its subject or, when allowed and
        // cheaper (hubs such as a shared class or licence), around its object.
        IntList seeds = new IntList();
        Set<Integer> seedSet = new HashSet<>();
        Map<Integer, Integer> degree = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int s = keys[3 * i], o = keys[3 * i + 2];
            int seed;
            if (e.isHeadSubjectConstant(s)) seed = o;
            else if (e.dict.isLiteral(o) || e.isHeadObjectConstant(o)) seed = s;
            else seed = degree.computeIfAbsent(o, this::degree) < degree.computeIfAbsent(s, this::degree) ? o : s;
            if (seedSet.add(seed)) seeds.add(seed);
        }
        e.log.clear();
        for (int i = 0; i < seeds.size(); i++) {
            int x = seeds.get(i);
            List<Store.PredTable> preds = st.predList;
            for (int j = 0; j < preds.size(); j++) {
                Store.PredTable pt = preds.get(j);
                IntList l = pt.subj(x);
                if (l != null) for (int k : l.toArray()) if (st.present(k)) e.fire(k);
                l = pt.obj(x);
                if (l != null) for (int k : l.toArray()) if (st.present(k)) e.fire(k);
            }
        }
        e.fireListAxioms();
        e.saturate();
        e.log.clear();
        e.pruneInconsistencies();
        // An over-deleted conclusion that holds again was derived anew, perhaps by another route
        // than the one stored before: its explanation (and its dependants') may have changed.
        boolean derivationsKept = true;
        for (int i = 0; i < n; i++) {
            int tid = st.find(keys[3 * i], keys[3 * i + 1], keys[3 * i + 2]);
            boolean before = i >= rootCount; // roots were asserted, the rest inferred-only
            boolean after = tid >= 0 && (st.F[tid] & Store.ASSERTED) == 0;
            if (before && after) derivationsKept = false;
            IntList target = before && !after ? removed : !before && after ? added : null;
            if (target != null) {
                target.add(keys[3 * i]);
                target.add(keys[3 * i + 1]);
                target.add(keys[3 * i + 2]);
            }
        }
        return new Delta(e.dict, lock.readLock(), added.toArray(), removed.toArray(), derivationsKept);
    }

    /** Number of stored triples with {@code x} as subject or object. */
    private int degree(int x) {
        int d = 0;
        for (Store.PredTable pt : e.st.predList) {
            IntList l = pt.subj(x);
            if (l != null) d += l.size();
            l = pt.obj(x);
            if (l != null) d += l.size();
        }
        return d;
    }

    private record Key(int s, int p, int o) {}

    /** Full recomputation from the asserted triples (roots already un-asserted). */
    private Delta recompute(IntList roots) {
        Store old = e.st;
        for (int i = 0; i < roots.size(); i++) old.F[roots.get(i)] |= Store.ASSERTED;
        Set<Key> before = new HashSet<>();
        for (int t = 0; t < old.next; t++) {
            if (old.present(t) && (old.F[t] & Store.ASSERTED) == 0) before.add(new Key(old.S[t], old.P[t], old.O[t]));
        }
        for (int i = 0; i < roots.size(); i++) old.F[roots.get(i)] &= ~Store.ASSERTED;
        IntList base = new IntList();
        for (int t = 0; t < old.next; t++) if (old.present(t) && (old.F[t] & Store.ASSERTED) != 0) base.add(t);
        e.resetStore();
        for (int i = 0; i < base.size(); i++) {
            int t = base.get(i);
            e.assertTriple(old.S[t], old.P[t], old.O[t]);
        }
        e.listsDirty = true;
        e.saturate();
        e.log.clear();
        Store st = e.st;
        IntList added = new IntList(), removed = new IntList();
        Set<Key> after = new HashSet<>();
        for (int t = 0; t < st.next; t++) {
            if (!st.present(t) || (st.F[t] & Store.ASSERTED) != 0) continue;
            Key k = new Key(st.S[t], st.P[t], st.O[t]);
            after.add(k);
            if (!before.contains(k)) addKey(added, k);
        }
        for (Key k : before) if (!after.contains(k)) addKey(removed, k);
        // Every conclusion was derived anew.
        return new Delta(e.dict, lock.readLock(), added.toArray(), removed.toArray(), false);
    }

    private static void addKey(IntList l, Key k) {
        l.add(k.s());
        l.add(k.p());
        l.add(k.o());
    }

    private void addKey(IntList l, int tid) {
        l.add(e.st.S[tid]);
        l.add(e.st.P[tid]);
        l.add(e.st.O[tid]);
    }

    private static boolean storable(Triple t) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        return (s.isURI() || s.isBlank()) && p.isURI() && (o.isURI() || o.isBlank() || o.isLiteral());
    }

    private int tid(Triple t) {
        int s = e.dict.lookup(t.getSubject()), p = e.dict.lookup(t.getPredicate()), o = e.dict.lookup(t.getObject());
        if (s == 0 || p == 0 || o == 0) return -1;
        return e.st.find(s, p, o);
    }

    /** True if the triple was asserted (and not since removed). */
    public boolean isAsserted(Triple t) {
        lock.readLock().lock();
        try {
            int tid = tid(t);
            return tid >= 0 && (e.st.F[tid] & Store.ASSERTED) != 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** True if the triple is in the closure (asserted or inferred); {@code x owl:sameAs x} for any known x. */
    public boolean contains(Triple t) {
        lock.readLock().lock();
        try {
            if (t.getPredicate().equals(org.apache.jena.vocabulary.OWL2.sameAs.asNode()) && t.getSubject().equals(t.getObject()))
                return e.dict.lookup(t.getSubject()) != 0;
            return tid(t) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Snapshot of the inferred triples that are not asserted. */
    public Stream<Triple> inferred() { return snapshot(false).stream(); }

    /** Snapshot of the whole closure (asserted and inferred), excluding the virtual reflexive sameAs triples. */
    public Stream<Triple> closure() { return snapshot(true).stream(); }

    /** Calls {@code c} for each inferred-only triple (under the read lock; do not call back into a write). */
    public void forEachInferred(Consumer<Triple> c) {
        lock.readLock().lock();
        try {
            Store st = e.st;
            for (int t = 0; t < st.next; t++) {
                if (st.present(t) && (st.F[t] & Store.ASSERTED) == 0) c.accept(triple(t));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<Triple> snapshot(boolean all) {
        lock.readLock().lock();
        try {
            Store st = e.st;
            List<Triple> out = new ArrayList<>();
            for (int t = 0; t < st.next; t++) {
                if (st.present(t) && (all || (st.F[t] & Store.ASSERTED) == 0)) out.add(triple(t));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Triple triple(int tid) {
        return Triple.create(e.dict.node(e.st.S[tid]), e.dict.node(e.st.P[tid]), e.dict.node(e.st.O[tid]));
    }

    /** Number of stored triples in the closure (asserted + inferred). */
    public int size() {
        lock.readLock().lock();
        try {
            return e.st.live;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of inferred-only triples. */
    public int inferredCount() {
        lock.readLock().lock();
        try {
            int n = 0;
            Store st = e.st;
            for (int t = 0; t < st.next; t++) if (st.present(t) && (st.F[t] & Store.ASSERTED) == 0) n++;
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Explanation tree of a triple in the closure; empty if it is not in the closure (or is a reflexive sameAs). */
    public Optional<Explanation> explain(Triple t) {
        lock.readLock().lock();
        try {
            int tid = tid(t);
            if (tid < 0) return Optional.empty();
            return Optional.of(explain(tid, new HashMap<>()));
        } finally {
            lock.readLock().unlock();
        }
    }

    private Explanation explain(int tid, Map<Integer, Explanation> memo) {
        Explanation ex = memo.get(tid);
        if (ex != null) return ex;
        Store st = e.st;
        if (!st.present(tid)) {
            ex = new Explanation(triple(tid), "retracted", false, List.of());
        } else if ((st.F[tid] & Store.ASSERTED) != 0) {
            ex = new Explanation(triple(tid), "asserted", true, List.of());
        } else {
            int n = st.premCount(tid);
            List<Explanation> ps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) ps.add(explain(st.premise(tid, i), memo));
            ex = new Explanation(triple(tid), e.ruleNames.get(st.R[tid]), false, List.copyOf(ps));
        }
        memo.put(tid, ex);
        return ex;
    }

    /**
     * Rebuilds the store from the asserted triples (same closure, fresh tids). Deleted triples leave unused slots
     * behind (tids are never reused, which keeps explanations acyclic); a long-running writer can call this in a
     * quiet moment to reclaim them. Explanations of inferred triples may change (first derivation found anew).
     */
    public Delta compact() {
        lock.writeLock().lock();
        try {
            return recompute(new IntList());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Number of tid slots in use, including those of deleted triples (see {@link #compact()}). */
    public int slots() {
        lock.readLock().lock();
        try {
            return e.st.next;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Current inconsistencies (empty when the closure is consistent). */
    public List<Inconsistency> inconsistencies() {
        lock.readLock().lock();
        try {
            List<Inconsistency> out = new ArrayList<>();
            Map<Integer, Explanation> memo = new HashMap<>();
            for (Engine.Inc inc : e.incs) {
                List<Triple> ts = new ArrayList<>();
                List<Explanation> ex = new ArrayList<>();
                int[] k = inc.keys();
                for (int i = 0; i < k.length; i += 3) {
                    ts.add(Triple.create(e.dict.node(k[i]), e.dict.node(k[i + 1]), e.dict.node(k[i + 2])));
                    int tid = e.st.find(k[i], k[i + 1], k[i + 2]);
                    if (tid >= 0) ex.add(explain(tid, memo));
                }
                out.add(new Inconsistency(inc.rule(), inc.message(), List.copyOf(ts), List.copyOf(ex)));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isConsistent() {
        lock.readLock().lock();
        try {
            return e.incs.isEmpty();
        } finally {
            lock.readLock().unlock();
        }
    }
}
