package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.virtkg.store.ChangeLog;
import org.virtkg.store.Graphs;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;

/**
 * Group commit: writes that queue while another is running share one store transaction, and each
 * stays a write of its own — judged on the state the writes before it left, refused without a
 * trace, logged under the version it produced.
 */
class GroupCommitTest {
    private static final String VKG = KnowledgeBaseTest.VKG;
    private static final String ID = KnowledgeBaseTest.ID;

    private static Quad quad(String graph, String subject, String predicate, String object) {
        return SSE.parseQuad("(<" + Graphs.USER + graph + "> <" + ID + subject + "> " + predicate + " " + object + ")");
    }

    @Test
    void queuedWritesShareOneCommitAndEachIsAllOrNothingOnItsOwn() throws Exception {
        Quad a = quad("a", "GcA", "rdfs:label", "\"A\"");
        Quad b = quad("b", "GcB", "rdfs:label", "\"B\"");
        // An unsourced statement against the paper's (KVM is a hypervisor): refused as a contradiction.
        Quad refused = quad("c", "KVM", "rdf:type", "<" + VKG + "CloudPlatform>");
        Quad d = quad("d", "GcD", "rdfs:label", "\"D\"");
        Quad e = quad("e", "GcE", "rdfs:label", "\"E\"");
        Quad f = quad("f", "GcF", "rdfs:label", "\"F\"");
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try (var kb = Fixtures.withFixtures(TdbKnowledgeStore.inMemory())) {
            long v0 = kb.version();
            long batches0 = kb.batchesCommitted();
            long logged0 = Txn.calculateRead(kb.store().dataset(), () -> ChangeLog.count(kb.store().dataset()));
            // The first write holds the pipeline at its verdict until the others are queued behind it.
            CountDownLatch leading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            kb.beforeVerdict(() -> {
                if (!first.getAndSet(false)) return;
                leading.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            List<Future<KnowledgeBase.WriteResult>> results = new ArrayList<>();
            results.add(writers.submit(() -> kb.write(ChangeKind.SPARQL_UPDATE, "test", "A", dsg -> dsg.add(a))));
            assertTrue(leading.await(30, TimeUnit.SECONDS), "the first write reached its verdict");
            List<Consumer<DatasetGraph>> queued = List.of(
                    dsg -> dsg.add(b),
                    dsg -> dsg.add(refused),
                    dsg -> dsg.add(d),
                    // Sees what B, written earlier in the same transaction, left.
                    dsg -> {
                        if (!dsg.contains(b)) throw new WriteRejectedException("precondition", "B is not there", List.of());
                        dsg.add(e);
                    },
                    // Never sees the refused write, taken back before it ran.
                    dsg -> {
                        if (dsg.contains(refused)) throw new WriteRejectedException("precondition", "the refused write is visible", List.of());
                        dsg.add(f);
                    });
            List<String> names = List.of("B", "refused", "D", "E", "F");
            for (int i = 0; i < queued.size(); i++) {
                Consumer<DatasetGraph> change = queued.get(i);
                String name = names.get(i);
                results.add(writers.submit(() -> kb.write(ChangeKind.SPARQL_UPDATE, "test", name, change)));
                // In this order: each waits in the queue before the next is sent.
                while (kb.queuedWrites() < i + 1) Thread.onSpinWait();
            }
            release.countDown();

            assertEquals(v0 + 1, results.get(0).get(30, TimeUnit.SECONDS).changeId());
            assertEquals(v0 + 2, results.get(1).get(30, TimeUnit.SECONDS).changeId());
            var thrown = assertInstanceOf(ExecutionException.class, catching(results.get(2)));
            var rejected = assertInstanceOf(WriteRejectedException.class, thrown.getCause());
            assertEquals("contradiction", rejected.kind());
            assertEquals(v0 + 3, results.get(3).get(30, TimeUnit.SECONDS).changeId(), "the refused write took no id");
            assertEquals(v0 + 4, results.get(4).get(30, TimeUnit.SECONDS).changeId());
            assertEquals(v0 + 5, results.get(5).get(30, TimeUnit.SECONDS).changeId());
            for (int i = 0; i < results.size(); i++)
                if (i != 2) assertEquals(results.get(i).get().changeId(), results.get(i).get().version(), "change id = version");
            assertEquals(v0 + 5, kb.version());
            assertEquals(batches0 + 2, kb.batchesCommitted(), "the first write alone, then the five queued behind it together");

            DatasetGraph dsg = kb.store().dataset();
            Txn.executeRead(dsg, () -> {
                for (Quad q : List.of(a, b, d, e, f)) assertTrue(dsg.contains(q), "kept: " + q);
                assertFalse(dsg.containsGraph(refused.getGraph()), "nothing of the refused write is kept");
                assertEquals(logged0 + 5, ChangeLog.count(dsg), "one change-log entry per accepted write");
                List<String> summaries = new ArrayList<>();
                for (long id = v0 + 1; id <= v0 + 5; id++) summaries.add(ChangeLog.get(dsg, id).orElseThrow().summary());
                assertEquals(List.of("A", "B", "D", "E", "F"), summaries);
            });
            assertFalse(kb.<Boolean>withReasoner(r -> r.isAsserted(refused.asTriple())), "the reasoner took the refused write back");
            assertTrue(kb.<Boolean>withReasoner(r -> r.isConsistent()));
            assertTrue(kb.<Boolean>withReasoner(r -> r.isAsserted(f.asTriple())));
        } finally {
            writers.shutdownNow();
        }
    }

    private static Throwable catching(Future<?> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
