package org.virtkg.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * A stated claim lists its sources in one order, whatever order its store holds them in: a store
 * the shipped data's first sync filled, and one holding a copy of it (as a restored backup or a
 * restart opens one; the copy's node ids, which set TDB2's order, come in another order), give
 * every stated claim of the paper the same sources in the same order.
 */
class SourceOrderTest {

    @Test
    void statedSourcesAreInOneOrderWhateverTheStoresOrder() {
        try (KnowledgeBase synced = Fixtures.withShippedData(TdbKnowledgeStore.inMemory());
             KnowledgeBase copied = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore())) {
            Map<String, List<String>> first = statedSources(synced);
            Map<String, List<String>> second = statedSources(copied);
            assertTrue(first.size() > 500, "the paper's stated claims: " + first.size());
            assertTrue(first.values().stream().filter(s -> s.size() > 1).count() > 50,
                    "claims stated by several sources, whose order is what is compared");
            assertEquals(first, second);
        }
    }

    /** Every claim the paper's graphs state, with its sources as the claims give them. */
    private static Map<String, List<String>> statedSources(KnowledgeBase kb) {
        return new Knowledge(kb).read(catalog -> {
            Claims claims = catalog.claims();
            Map<String, List<String>> out = new TreeMap<>();
            catalog.dataset().find().forEachRemaining(q -> {
                if (!q.getGraph().isURI() || !q.getGraph().getURI().contains("/source/paper/")) return;
                Triple t = q.asTriple();
                Claims.Evidence e = claims.evidence(t);
                if (e.basis() == Claims.Basis.STATED) out.put(t.toString(), e.sources().stream().map(Node::getURI).toList());
            });
            return out;
        });
    }
}
