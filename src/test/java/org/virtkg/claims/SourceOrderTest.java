package org.virtkg.claims;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.store.Graphs;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * A claim's evidence does not depend on the order its store holds the statements in: a store the
 * shipped data's first sync filled, and one holding a copy of it (as a restored backup or a
 * restart opens one; the copy's node ids, which set TDB2's order, come in another order), give
 * every claim about a product the same basis, sources (in the same order), notes and
 * {@code disputed}, in both views. Stated sources rest on the store's order; inferred ones, and
 * whether an inferred claim is disputed, on the derivation the reasoner records first.
 */
class SourceOrderTest {
    private static KnowledgeBase synced;
    private static KnowledgeBase copied;

    @BeforeAll
    static void open() {
        synced = Fixtures.withShippedData(TdbKnowledgeStore.inMemory());
        copied = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore());
    }

    @AfterAll
    static void close() {
        synced.close();
        copied.close();
    }

    @Test
    void statedSourcesAreInOneOrderWhateverTheStoresOrder() {
        Map<String, String> first = evidence(synced, "all", Claims.Basis.STATED);
        Map<String, String> second = evidence(copied, "all", Claims.Basis.STATED);
        assertTrue(first.size() > 500, "the stated claims about products: " + first.size());
        assertTrue(first.values().stream().filter(s -> s.contains(", ")).count() > 50,
                "claims stated by several sources, whose order is what is compared");
        assertSameEvidence(first, second, "");
    }

    @Test
    void inferredClaimsRestOnTheSameDerivationWhateverTheStoresOrder() {
        Map<String, String> first = evidence(synced, "all", Claims.Basis.INFERRED);
        Map<String, String> second = evidence(copied, "all", Claims.Basis.INFERRED);
        assertTrue(first.size() > 500, "the inferred claims about products: " + first.size());
        assertTrue(first.values().stream().anyMatch(s -> s.startsWith("disputed")), "some inferred claim is disputed");
        assertSameEvidence(first, second, "");
    }

    @Test
    void thePapersViewIsTheSameWhateverTheStoresOrder() {
        for (Claims.Basis basis : Claims.Basis.values()) {
            Map<String, String> first = evidence(synced, "paper", basis);
            assertTrue(first.size() > 300, basis + " claims about products in the paper's view: " + first.size());
            assertSameEvidence(first, evidence(copied, "paper", basis), basis.json() + " in the paper's view: ");
        }
    }

    /** Equal maps, or a failure naming the claims that differ (the first ten). */
    private static void assertSameEvidence(Map<String, String> synced, Map<String, String> copied, String what) {
        java.util.Set<String> keys = new java.util.TreeSet<>(synced.keySet());
        keys.addAll(copied.keySet());
        List<String> differing = keys.stream().filter(k -> !java.util.Objects.equals(synced.get(k), copied.get(k)))
                .map(k -> k + "\n  synced: " + synced.get(k) + "\n  copied: " + copied.get(k)).toList();
        assertTrue(differing.isEmpty(), what + differing.size() + " claims differ:\n" + String.join("\n", differing.subList(0, Math.min(10, differing.size()))));
    }

    /** Every claim about a product in the view's closure with that basis: disputed or not, sources, notes. */
    private static Map<String, String> evidence(KnowledgeBase kb, String view, Claims.Basis basis) {
        return new Knowledge(kb).read(catalog -> {
            Claims claims = catalog.claims(view);
            Graph closure = view.equals("paper") ? catalog.paperView().graph() : catalog.union();
            Map<String, String> out = new TreeMap<>();
            closure.find().forEachRemaining(t -> {
                // Blank nodes (the ontology's anonymous classes) are named anew by each sync: not comparable.
                if (!t.getSubject().isURI() || !t.getSubject().getURI().startsWith(Graphs.ID) || t.getObject().isBlank()) return;
                Claims.Evidence e = claims.evidence(t);
                if (e.basis() != basis) return;
                out.put(t.toString(), (e.disputed() ? "disputed " : "") + e.sources().stream().map(Node::getURI).toList()
                        + " " + e.notes().stream().map(n -> n.kind() + ": " + n.text()).toList());
            });
            return out;
        });
    }
}
