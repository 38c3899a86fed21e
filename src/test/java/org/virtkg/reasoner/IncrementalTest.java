package org.virtkg.reasoner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.reasoner.RlTestSupport.ttl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/** Incremental add and DRed remove agree with a from-scratch materialisation (randomised). */
class IncrementalTest {

    /** A random small ontology + data over a tiny vocabulary, one statement per list element. */
    static List<String> randomStatements(Random rnd) {
        List<String> s = new ArrayList<>();
        String[] kinds = {"sco", "sco", "spo", "dom", "rng", "inv", "trans", "sym", "func", "same", "svf", "hv", "avf",
            "chain", "int", "eqc", "maxc", "disj", "uni", "key", "oneof", "inv", "type", "type", "type", "rel", "rel", "rel", "rel", "rel"};
        int n = 6 + rnd.nextInt(18);
        for (int i = 0; i < n; i++) {
            String c1 = ":C" + rnd.nextInt(5), c2 = ":C" + rnd.nextInt(5), c3 = ":C" + rnd.nextInt(5);
            String p1 = ":p" + rnd.nextInt(4), p2 = ":p" + rnd.nextInt(4);
            String a = ":a" + rnd.nextInt(6), b = ":a" + rnd.nextInt(6);
            s.add(switch (kinds[rnd.nextInt(kinds.length)]) {
                case "sco" -> c1 + " rdfs:subClassOf " + c2 + " .";
                case "spo" -> p1 + " rdfs:subPropertyOf " + p2 + " .";
                case "dom" -> p1 + " rdfs:domain " + c1 + " .";
                case "rng" -> p1 + " rdfs:range " + c1 + " .";
                case "inv" -> p1 + " owl:inverseOf " + p2 + " .";
                case "trans" -> p1 + " a owl:TransitiveProperty .";
                case "sym" -> p1 + " a owl:SymmetricProperty .";
                case "func" -> p1 + " a owl:FunctionalProperty .";
                case "same" -> a + " owl:sameAs " + b + " .";
                case "svf" -> "[ owl:onProperty " + p1 + " ; owl:someValuesFrom " + c1 + " ] rdfs:subClassOf " + c2 + " .";
                case "hv" -> c1 + " owl:equivalentClass [ owl:onProperty " + p1 + " ; owl:hasValue " + a + " ] .";
                case "avf" -> c1 + " rdfs:subClassOf [ owl:onProperty " + p1 + " ; owl:allValuesFrom " + c2 + " ] .";
                case "chain" -> p1 + " owl:propertyChainAxiom ( " + p2 + " " + p1 + " ) .";
                case "int" -> c3 + " owl:equivalentClass [ owl:intersectionOf ( " + c1 + " " + c2 + " ) ] .";
                case "eqc" -> c1 + " owl:equivalentClass " + c2 + " .";
                case "uni" -> c3 + " owl:equivalentClass [ owl:unionOf ( " + c1 + " " + c2 + " ) ] .";
                case "key" -> c1 + " owl:hasKey ( " + p1 + " ) .";
                case "oneof" -> c1 + " owl:equivalentClass [ owl:oneOf ( " + a + " " + b + " ) ] .";
                case "maxc" -> c1 + " rdfs:subClassOf [ owl:onProperty " + p1 + " ; owl:maxCardinality 1 ] .";
                case "disj" -> c1 + " owl:disjointWith " + c2 + " .";
                case "type" -> a + " a " + c1 + " .";
                default -> a + " " + p1 + " " + b + " .";
            });
        }
        return s;
    }

    static Set<String> state(RlReasoner r) {
        Set<String> out = new TreeSet<>();
        r.closure().forEach(t -> out.add((r.isAsserted(t) ? "A " : "I ") + t));
        r.inconsistencies().forEach(i -> out.add("X " + i.rule() + " " + new TreeSet<>(i.triples().stream().map(Triple::toString).toList())));
        return out;
    }

    static Set<String> inferredSet(RlReasoner r) {
        return r.inferred().map(Triple::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void randomisedAddRemoveMatchesRecompute() {
        Random rnd = new Random(Long.getLong("rl.seed", 42));
        for (int round = 0; round < Integer.getInteger("rl.rounds", 300); round++) {
            List<Triple> all = ttl(String.join("\n", randomStatements(rnd)));
            List<Triple> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, rnd);
            int cut = rnd.nextInt(shuffled.size() + 1);
            List<Triple> first = shuffled.subList(0, cut), second = shuffled.subList(cut, shuffled.size());

            RlReasoner full = RlReasoner.create();
            full.add(all);

            // incremental add in two steps; track the inferred set through the deltas
            RlReasoner inc = RlReasoner.create();
            Set<String> tracked = inferredSet(inc);
            applyDelta(tracked, inc.add(first));
            applyDelta(tracked, inc.add(second));
            assertSameState(state(full), state(inc), "incremental add, round " + round + " of " + all);
            assertEquals(inferredSet(inc), tracked, "add deltas, round " + round);

            // remove a random subset, compare with from-scratch on the rest
            List<Triple> removed = new ArrayList<>(), kept = new ArrayList<>();
            for (Triple t : all) (rnd.nextInt(3) == 0 ? removed : kept).add(t);
            applyDelta(tracked, inc.remove(removed));
            RlReasoner ref = RlReasoner.create();
            ref.add(kept);
            assertSameState(state(ref), state(inc), "DRed remove, round " + round + " removed " + removed + " from " + all);
            assertEquals(inferredSet(inc), tracked, "remove deltas, round " + round);

            // add then remove restores the exact state
            Set<String> before = state(inc);
            inc.add(removed);
            inc.remove(removed);
            assertSameState(before, state(inc), "add+remove round trip, round " + round + " of " + all);
        }
    }

    /**
     * {@link Delta#derivationsKept} after a DRed removal: when true, every triple that held before
     * and still holds, and that neither the removal nor the delta names, is explained exactly as
     * before (views that follow changes rely on this). Both answers must occur, and a removal that
     * makes a conclusion hold by another route must say false.
     */
    @Test
    void aRemovalKeepsDerivationsOnlyWhenItSaysSo() {
        Random rnd = new Random(Long.getLong("rl.seed", 42) + 1);
        int kept = 0, notKept = 0;
        for (int round = 0; round < Integer.getInteger("rl.rounds", 300); round++) {
            List<Triple> all = ttl(String.join("\n", randomStatements(rnd)));
            RlReasoner r = RlReasoner.create();
            r.add(all);
            List<Triple> removed = new ArrayList<>();
            for (Triple t : all) if (rnd.nextInt(4) == 0) removed.add(t);
            java.util.Map<Triple, Explanation> before = new java.util.HashMap<>();
            r.closure().forEach(t -> before.put(t, r.explain(t).orElseThrow()));
            Delta d = r.remove(removed);
            if (removed.isEmpty()) continue;
            if (!d.derivationsKept()) {
                notKept++;
                continue;
            }
            kept++;
            Set<Triple> named = new java.util.HashSet<>(removed);
            named.addAll(d.addedInferred());
            named.addAll(d.removedInferred());
            for (var e : before.entrySet()) {
                if (named.contains(e.getKey()) || !r.contains(e.getKey())) continue;
                assertEquals(e.getValue(), r.explain(e.getKey()).orElseThrow(),
                        "round " + round + ": removing " + removed + " from " + all + " said derivations were kept");
            }
        }
        assertTrue(kept > 0 && notKept > 0, "both answers occur: kept " + kept + ", not kept " + notKept);

        // :x is a :C by two routes; the stored one (via :A, found first) goes, the other (via :B) stays.
        RlReasoner r = RlReasoner.create();
        r.add(ttl(":A rdfs:subClassOf :C . :B rdfs:subClassOf :C . :x a :A ."));
        r.add(ttl(":x a :B ."));
        Delta d = r.remove(List.of(RlTestSupport.type("x", "A")));
        assertTrue(r.contains(RlTestSupport.type("x", "C")));
        assertFalse(d.derivationsKept(), "x a C was derived anew, by another route");
        // :y is a :C by one route only: it goes with its premise, and nothing else is derived anew.
        r.add(ttl(":y a :A ."));
        Delta single = r.remove(List.of(RlTestSupport.type("y", "A")));
        assertEquals(List.of(RlTestSupport.type("y", "C")), single.removedInferred());
        assertTrue(single.derivationsKept(), "nothing held by another route");
    }

    static void assertSameState(Set<String> expected, Set<String> actual, String msg) {
        if (expected.equals(actual)) return;
        Set<String> missing = new TreeSet<>(expected), extra = new TreeSet<>(actual);
        missing.removeAll(actual);
        extra.removeAll(expected);
        throw new AssertionError(msg + "\n  missing: " + missing + "\n  extra: " + extra);
    }

    private static void applyDelta(Set<String> tracked, Delta d) {
        d.removedInferred().forEach(t -> assertTrue(tracked.remove(t.toString()), "removed but not there: " + t));
        d.addedInferred().forEach(t -> assertTrue(tracked.add(t.toString()), "added but already there: " + t));
    }

    @Test
    void assertingAnInferredTripleMovesItOutOfInferred() {
        RlReasoner r = RlReasoner.create();
        r.add(ttl(":A rdfs:subClassOf :B . :x a :A ."));
        Triple xb = RlTestSupport.type("x", "B");
        assertTrue(r.inferred().anyMatch(xb::equals));
        Delta d = r.add(List.of(xb));
        assertEquals(List.of(xb), d.removedInferred());
        assertFalse(r.inferred().anyMatch(xb::equals));
        Delta d2 = r.remove(List.of(xb));
        assertEquals(List.of(xb), d2.addedInferred());
        assertTrue(r.contains(xb));
        assertFalse(r.isAsserted(xb));
    }

    @Test
    void explanationTreesTerminateInAssertedOrAxiomLeaves() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            RlReasoner r = RlReasoner.create();
            r.add(ttl(String.join("\n", randomStatements(rnd))));
            r.inferred().forEach(t -> {
                Explanation e = r.explain(t).orElseThrow();
                assertEquals(t, e.triple());
                checkLeaves(e, 0);
            });
        }
    }

    private static void checkLeaves(Explanation e, int depth) {
        assertTrue(depth < 10_000, "tree too deep (cycle?)");
        if (e.premises().isEmpty()) {
            assertTrue(e.asserted() || Set.of("cls-thing", "cls-nothing1", "prp-ap", "dt-type1").contains(e.rule()),
                    "leaf neither asserted nor axiom: " + e);
            return;
        }
        assertFalse(e.asserted());
        for (Explanation p : e.premises()) checkLeaves(p, depth + 1);
    }

    @Test
    void inconsistencyIsRetractedWithItsCause() {
        RlReasoner r = RlReasoner.create();
        r.add(ttl(":A owl:disjointWith :B . :x a :A ."));
        assertTrue(r.isConsistent());
        List<Triple> bad = ttl(":x a :B .");
        r.add(bad);
        assertFalse(r.isConsistent());
        r.remove(bad);
        assertTrue(r.isConsistent());
        assertEquals(new HashSet<>(List.of()), new HashSet<>(r.inconsistencies()));
    }

    @Test
    void compactKeepsTheClosureAndReclaimsSlots() {
        RlReasoner r = RlReasoner.create();
        r.add(ttl(":A rdfs:subClassOf :B . :p owl:inverseOf :q . :x a :A ; :p :y ."));
        Set<String> before = state(r);
        List<Triple> extra = ttl(":z a :A ; :p :x .");
        for (int i = 0; i < 20; i++) {
            r.add(extra);
            r.remove(extra);
        }
        int slots = r.slots();
        assertTrue(r.compact().isEmpty());
        assertEquals(before, state(r));
        assertTrue(r.slots() < slots);
        r.inferred().forEach(t -> checkLeaves(r.explain(t).orElseThrow(), 0));
    }

    @Test
    void concurrentReadersDuringWrites() throws Exception {
        RlReasoner r = RlReasoner.create();
        r.add(ttl(":A rdfs:subClassOf :B . :B rdfs:subClassOf :C . :p a owl:TransitiveProperty ."));
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    r.inferred().forEach(t -> r.explain(t));
                    r.contains(RlTestSupport.type("x0", "C"));
                    r.inconsistencies();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            List<Triple> batch = ttl(":x" + (i % 7) + " a :A ; :p :x" + ((i + 1) % 7) + " .");
            r.add(batch);
            if (i % 3 == 0) r.remove(batch);
        }
        stop.set(true);
        reader.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
    }
}
