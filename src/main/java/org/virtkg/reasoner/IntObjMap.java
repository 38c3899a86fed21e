package org.virtkg.reasoner;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Open-addressing map from positive int keys (0 is reserved as "empty") to objects. No removal. */
final class IntObjMap<V> {
    private int[] keys;
    private Object[] vals;
    private int size, mask;

    IntObjMap() { this(16); }

    IntObjMap(int cap) {
        int c = Integer.highestOneBit(Math.max(4, cap) * 2 - 1) * 2;
        keys = new int[c];
        vals = new Object[c];
        mask = c - 1;
    }

    static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int k) {
        int i = mix(k) & mask;
        while (true) {
            int kk = keys[i];
            if (kk == k) return (V) vals[i];
            if (kk == 0) return null;
            i = (i + 1) & mask;
        }
    }

    @SuppressWarnings("unchecked")
    V computeIfAbsent(int k, IntFunction<V> f) {
        int i = mix(k) & mask;
        while (true) {
            int kk = keys[i];
            if (kk == k) return (V) vals[i];
            if (kk == 0) break;
            i = (i + 1) & mask;
        }
        V v = f.apply(k);
        keys[i] = k;
        vals[i] = v;
        if (++size * 2 > keys.length) grow();
        return v;
    }

    void put(int k, V v) {
        int i = mix(k) & mask;
        while (true) {
            int kk = keys[i];
            if (kk == k) { vals[i] = v; return; }
            if (kk == 0) break;
            i = (i + 1) & mask;
        }
        keys[i] = k;
        vals[i] = v;
        if (++size * 2 > keys.length) grow();
    }

    int size() { return size; }

    @SuppressWarnings("unchecked")
    void forEachValue(java.util.function.Consumer<V> c) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) c.accept((V) vals[i]);
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(vals, null);
        size = 0;
    }

    private void grow() {
        int[] ok = keys;
        Object[] ov = vals;
        keys = new int[ok.length * 2];
        vals = new Object[ok.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] == 0) continue;
            int i = mix(ok[j]) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = ov[j];
        }
    }
}
