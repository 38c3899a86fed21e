package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.virtkg.store.Graphs;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;

/** The write pipeline on its own: net changes, inferences, refusals that keep nothing. */
class KnowledgeBaseTest {
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String ID = "https://w3id.org/virtkg/id/";

    private static KnowledgeBase fixtureKb() {
        return Fixtures.withFixtures(TdbKnowledgeStore.inMemory());
    }

    @Test
    void variableGraphDeletesCannotReachProtectedGraphs() {
        try (var kb = fixtureKb()) {
            long before = size(kb);
            var e = assertThrows(WriteRejectedException.class, () -> kb.write(ChangeKind.SPARQL_UPDATE, "test", "test write", dsg ->
                    UpdateExec.dataset(dsg).update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }").execute()));
            assertEquals("forbidden", e.kind());
            assertEquals(before, size(kb));
        }
    }

    @Test
    void inconsistentWritesAreRefusedAndTheReasonerIsRestored() {
        try (var kb = fixtureKb()) {
            int inferred = kb.withReasoner(r -> r).inferredCount();
            var e = assertThrows(WriteRejectedException.class, () -> kb.write(ChangeKind.SPARQL_UPDATE, "test", "test write", dsg ->
                    dsg.add(SSE.parseQuad("(<" + Graphs.USER + "x> <" + ID + "KVM> rdf:type <" + VKG + "CloudPlatform>)"))));
            assertEquals("inconsistent", e.kind());
            assertTrue(kb.withReasoner(r -> r).isConsistent());
            assertEquals(inferred, kb.withReasoner(r -> r).inferredCount());
            assertFalse(Txn.calculateRead(kb.store().dataset(), () -> kb.store().dataset().containsGraph(Graphs.node(Graphs.USER + "x"))));
        }
    }

    private static long size(KnowledgeBase kb) {
        return kb.store().graphSizes().values().stream().mapToLong(Long::longValue).sum();
    }
}
