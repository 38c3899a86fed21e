package org.virtkg.reasoner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dictionary-encoded triple table. Every triple gets a fresh id ("tid") when inserted; tids are never reused,
 * so a derivation's premises always have smaller tids than its conclusion (explanations are acyclic).
 * Per predicate: a hash map (s,o) -> tid and two multimaps s -> tids and o -> tids.
 */
final class Store {
    static final byte PRESENT = 1, ASSERTED = 2, AXIOM = 4, MARK = 8;

    static final class PredTable {
        final int p;
        final LongIntMap pairs = new LongIntMap();
        final IntObjMap<IntList> bySubj = new IntObjMap<>();
        final IntObjMap<IntList> byObj = new IntObjMap<>();
        int size;

        PredTable(int p) { this.p = p; }

        IntList subj(int s) { return bySubj.get(s); }

        /** Snapshot of all tids of this predicate. */
        int[] allTids() {
            IntList out = new IntList(Math.max(4, size));
            bySubj.forEachValue(l -> {
                for (int i = 0; i < l.size(); i++) out.add(l.get(i));
            });
            return out.toArray();
        }

        IntList obj(int o) { return byObj.get(o); }
    }

    int[] S = new int[1024], P = new int[1024], O = new int[1024];
    byte[] F = new byte[1024];
    short[] R = new short[1024];
    int[] POFF = new int[1024];
    final IntList pool = new IntList(1024);
    int next;
    int live;
    final IntObjMap<PredTable> preds = new IntObjMap<>();
    final List<PredTable> predList = new ArrayList<>();

    static long key(int s, int o) { return ((long) s << 32) | (o & 0xffffffffL); }

    PredTable table(int p) { return preds.get(p); }

    int find(int s, int p, int o) {
        PredTable t = preds.get(p);
        return t == null ? -1 : t.pairs.get(key(s, o));
    }

    boolean present(int tid) { return (F[tid] & PRESENT) != 0; }

    int insert(int s, int p, int o, int flags, int rule, int[] prem, int n) {
        if (next == S.length) grow();
        int tid = next++;
        S[tid] = s; P[tid] = p; O[tid] = o;
        F[tid] = (byte) flags;
        R[tid] = (short) rule;
        POFF[tid] = pool.size();
        pool.add(n);
        for (int i = 0; i < n; i++) pool.add(prem[i]);
        PredTable t = preds.get(p);
        if (t == null) {
            t = new PredTable(p);
            preds.put(p, t);
            predList.add(t);
        }
        t.pairs.put(key(s, o), tid);
        t.bySubj.computeIfAbsent(s, k -> new IntList(2)).add(tid);
        t.byObj.computeIfAbsent(o, k -> new IntList(2)).add(tid);
        t.size++;
        live++;
        return tid;
    }

    void delete(int tid) {
        if (!present(tid)) return;
        PredTable t = preds.get(P[tid]);
        t.pairs.remove(key(S[tid], O[tid]));
        t.bySubj.get(S[tid]).removeValue(tid);
        t.byObj.get(O[tid]).removeValue(tid);
        t.size--;
        live--;
        F[tid] = 0;
    }

    int premCount(int tid) { return pool.get(POFF[tid]); }

    int premise(int tid, int i) { return pool.get(POFF[tid] + 1 + i); }

    private void grow() {
        int c = S.length * 2;
        S = Arrays.copyOf(S, c);
        P = Arrays.copyOf(P, c);
        O = Arrays.copyOf(O, c);
        F = Arrays.copyOf(F, c);
        R = Arrays.copyOf(R, c);
        POFF = Arrays.copyOf(POFF, c);
    }
}
