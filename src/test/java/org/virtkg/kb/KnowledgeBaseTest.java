package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Triple;
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
            assertEquals("contradiction", e.kind(), "an unsourced statement against the paper's: " + e.getMessage());
            assertTrue(kb.withReasoner(r -> r).isConsistent());
            assertEquals(inferred, kb.withReasoner(r -> r).inferredCount());
            assertFalse(Txn.calculateRead(kb.store().dataset(), () -> kb.store().dataset().containsGraph(Graphs.node(Graphs.USER + "x"))));
        }
    }

    @Test
    void aReaderNeverSeesAChangeWhileItIsBeingJudged() throws Exception {
        try (var kb = fixtureKb()) {
            var quad = SSE.parseQuad("(<" + Graphs.USER + "x> <" + ID + "KVM> rdf:type <" + VKG + "CloudPlatform>)");
            Triple t = quad.asTriple();
            CountDownLatch judging = new CountDownLatch(1);
            CountDownLatch verdict = new CountDownLatch(1);
            kb.beforeVerdict(() -> {
                judging.countDown();
                try {
                    verdict.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            var writer = CompletableFuture.supplyAsync(() -> assertThrows(WriteRejectedException.class,
                    () -> kb.write(ChangeKind.SPARQL_UPDATE, "test", "inconsistent", dsg -> dsg.add(quad))));
            assertTrue(judging.await(10, TimeUnit.SECONDS), "the write reached the verdict");
            // The reasoner holds the refused triple right now; a reader asks for it.
            boolean[] seen = new boolean[1];
            Thread reader = Thread.ofPlatform().start(() -> seen[0] = kb.withReasoner(r -> r.isAsserted(t) || r.contains(t)));
            // The reader must be parked until the verdict (without the guard it would finish at once and see the triple).
            while (reader.getState() != Thread.State.WAITING && reader.getState() != Thread.State.TERMINATED) Thread.onSpinWait();
            assertEquals(Thread.State.WAITING, reader.getState(), "the reader waits for the verdict");
            verdict.countDown();
            reader.join(10_000);
            assertFalse(seen[0], "the reader never saw the refused change");
            assertEquals("contradiction", writer.get(10, TimeUnit.SECONDS).kind());
        }
    }

    private static long size(KnowledgeBase kb) {
        return kb.store().graphSizes().values().stream().mapToLong(Long::longValue).sum();
    }
}
