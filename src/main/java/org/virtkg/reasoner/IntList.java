package org.virtkg.reasoner;

import java.util.Arrays;

/** Growable list of primitive ints (no boxing). Not thread-safe. */
final class IntList {
    int[] a;
    int n;

    IntList() { this(4); }

    IntList(int cap) { a = new int[Math.max(cap, 1)]; }

    void add(int v) {
        if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
        a[n++] = v;
    }

    int get(int i) { return a[i]; }

    int size() { return n; }

    void clear() { n = 0; }

    /** Removes one occurrence of {@code v} by swapping in the last element (order not kept). */
    boolean removeValue(int v) {
        for (int i = n - 1; i >= 0; i--) {
            if (a[i] == v) {
                a[i] = a[--n];
                return true;
            }
        }
        return false;
    }

    boolean contains(int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return true;
        return false;
    }

    int[] toArray() { return Arrays.copyOf(a, n); }
}
