package org.virtkg.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.Graphs;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * A reader that sees a batch the moment it commits, before the views have followed it, waits for
 * them instead of building each view anew from the store, and then reads the followed views,
 * which already have the change.
 */
class ReadersWaitForViewsTest {
    @Test
    void aReaderBetweenACommitAndItsViewsWaitsForTheViewsAndBuildsNothingAnew() throws Exception {
        try (KnowledgeBase kb = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore())) {
            // Registered before the catalogue's own listener, so it holds the views back: the
            // batch is committed (readers see it) and the id index has not followed it yet.
            CountDownLatch committed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            kb.onCommitted(c -> {
                committed.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Knowledge knowledge = new Knowledge(kb);
            knowledge.read(c -> c.index()); // the views of the version before the write
            long builtBefore = knowledge.fullBuilds();

            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> kb.write(ChangeKind.SPARQL_UPDATE, "test", "a product",
                    dsg -> {
                        dsg.add(SSE.parseQuad("(<" + Graphs.USER + "rw> <" + Graphs.ID + "RwTech> rdf:type <" + Graphs.VOCAB
                                + "ContainerTechnology>)"));
                        dsg.add(SSE.parseQuad("(<" + Graphs.USER + "rw> <" + Graphs.ID + "RwTech> rdfs:label \"Rw tech\"@en)"));
                        dsg.add(SSE.parseQuad("(<" + Graphs.USER + "rw> <" + Graphs.ID + "RwTech> <" + Graphs.VOCAB + "hostOS> <"
                                + Graphs.ID + "Linux>)"));
                    }));
            assertTrue(committed.await(30, TimeUnit.SECONDS), "the write committed");

            AtomicReference<org.apache.jena.graph.Node> seen = new AtomicReference<>();
            Thread reader = new Thread(() -> seen.set(knowledge.read(c -> c.index().id("RwTech"))), "reader");
            reader.start();
            // The reader has the new version in its snapshot and is waiting for the views.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reader.getState() != Thread.State.TIMED_WAITING && reader.isAlive() && System.nanoTime() < deadline) Thread.onSpinWait();
            assertEquals(Thread.State.TIMED_WAITING, reader.getState(), "the reader waits for the views");

            release.countDown();
            write.get(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(seen.get(), "the reader finds the new product in the followed id index");
            assertEquals(builtBefore, knowledge.fullBuilds(), "nothing was built anew from the store");
        }
    }
}
