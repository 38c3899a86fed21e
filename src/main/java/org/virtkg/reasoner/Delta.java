package org.virtkg.reasoner;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * The change to the inferred-only triples ({@link RlReasoner#inferred()}) caused by one add/remove call.
 * A triple that becomes asserted leaves the inferred set; an asserted triple that is removed but still entailed
 * joins it. Triples are converted to Jena triples lazily.
 */
public final class Delta {
    private final Dict dict;
    private final java.util.concurrent.locks.Lock readLock;
    private final int[] added, removed;
    private final boolean derivationsKept;
    private List<Triple> addedT, removedT;

    Delta(Dict dict, java.util.concurrent.locks.Lock readLock, int[] added, int[] removed) {
        this(dict, readLock, added, removed, true);
    }

    Delta(Dict dict, java.util.concurrent.locks.Lock readLock, int[] added, int[] removed, boolean derivationsKept) {
        this.dict = dict;
        this.readLock = readLock;
        this.added = added;
        this.removed = removed;
        this.derivationsKept = derivationsKept;
    }

    /**
     * True when every conclusion present both before and after the call rests on the same stored
     * derivation as before, so its {@link RlReasoner#explain explanation} is unchanged unless a
     * triple of it is in this delta or was itself added or removed as asserted. An add always keeps
     * them (a conclusion keeps the first derivation found). A removal keeps them unless DRed derived
     * an over-deleted conclusion anew (by another route, whose explanation may differ) or fell back
     * to recomputing everything; a conclusion that rested on a removed triple and no longer holds
     * is in {@link #removedInferred} instead.
     */
    public boolean derivationsKept() {
        return derivationsKept;
    }

    /** Triples that are now inferred (and not asserted) and were not before. */
    public synchronized List<Triple> addedInferred() {
        if (addedT == null) addedT = convert(added);
        return addedT;
    }

    /** Triples that were inferred (and not asserted) before and are not now. */
    public synchronized List<Triple> removedInferred() {
        if (removedT == null) removedT = convert(removed);
        return removedT;
    }

    public int addedCount() { return added.length / 3; }

    public int removedCount() { return removed.length / 3; }

    public boolean isEmpty() { return added.length == 0 && removed.length == 0; }

    private List<Triple> convert(int[] a) {
        List<Triple> out = new ArrayList<>(a.length / 3);
        readLock.lock(); // the dictionary may be growing under a concurrent write
        try {
            for (int i = 0; i < a.length; i += 3) out.add(Triple.create(dict.node(a[i]), dict.node(a[i + 1]), dict.node(a[i + 2])));
        } finally {
            readLock.unlock();
        }
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    public String toString() { return "Delta{+" + addedCount() + " -" + removedCount() + "}"; }
}
