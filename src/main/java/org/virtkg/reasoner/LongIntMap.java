package org.virtkg.reasoner;

/** Open-addressing map from non-zero long keys to int values, with backward-shift deletion. Missing = -1. */
final class LongIntMap {
    private long[] keys;
    private int[] vals;
    private int size, mask;

    LongIntMap() { this(8); }

    LongIntMap(int cap) {
        int c = Integer.highestOneBit(Math.max(4, cap) * 2 - 1) * 2;
        keys = new long[c];
        vals = new int[c];
        mask = c - 1;
    }

    private static int hash(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    int get(long k) {
        int i = hash(k) & mask;
        while (true) {
            long kk = keys[i];
            if (kk == k) return vals[i];
            if (kk == 0) return -1;
            i = (i + 1) & mask;
        }
    }

    void put(long k, int v) {
        int i = hash(k) & mask;
        while (true) {
            long kk = keys[i];
            if (kk == k) { vals[i] = v; return; }
            if (kk == 0) break;
            i = (i + 1) & mask;
        }
        keys[i] = k;
        vals[i] = v;
        if (++size * 2 > keys.length) grow();
    }

    void remove(long k) {
        int i = hash(k) & mask;
        while (true) {
            long kk = keys[i];
            if (kk == 0) return;
            if (kk == k) break;
            i = (i + 1) & mask;
        }
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == 0) break;
            int h = hash(keys[j]) & mask;
            boolean stay = (j > i) ? (h > i && h <= j) : (h > i || h <= j);
            if (!stay) {
                keys[i] = keys[j];
                vals[i] = vals[j];
                i = j;
            }
        }
        keys[i] = 0;
        size--;
    }

    int size() { return size; }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == 0) continue;
            int i = hash(ok[j]) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = ov[j];
        }
    }
}
