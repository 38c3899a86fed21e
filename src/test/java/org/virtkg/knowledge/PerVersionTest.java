package org.virtkg.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-version store of views: newest versions kept, one computation per version shared. */
class PerVersionTest {
    @Test
    void theNewestVersionsAreKeptHoweverOftenAnOlderOneWasRead() {
        PerVersion<String> views = new PerVersion<>(2);
        views.get(1, () -> "v1");
        // Many readers of version 1: a frequency-weighing cache would now keep it over newer ones.
        for (int i = 0; i < 1_000; i++) views.get(1, () -> "again");
        views.put(2, "v2");
        views.put(3, "v3");
        assertEquals("v3", views.getIfPresent(3));
        assertEquals("v2", views.getIfPresent(2));
        assertNull(views.getIfPresent(1), "the oldest version went first");
        AtomicInteger computed = new AtomicInteger();
        assertEquals("v3", views.get(3, () -> "x" + computed.incrementAndGet()));
        assertEquals(0, computed.get(), "the newest version was not computed again");
    }

    @Test
    void variantsOfOneVersionAreKeptTogether() {
        PerVersion<String> views = new PerVersion<>(1);
        views.put(5, "all", "a5");
        views.put(5, "paper", "p5");
        assertEquals("a5", views.getIfPresent(5, "all"));
        assertEquals("p5", views.getIfPresent(5, "paper"));
        views.put(6, "all", "a6");
        assertNull(views.getIfPresent(5, "paper"));
        assertEquals("a6", views.getIfPresent(6, "all"));
    }

    @Test
    void theVersionsABatchPassedThroughAreForgotten() {
        PerVersion<String> views = new PerVersion<>(10);
        for (long v = 1; v <= 6; v++) views.put(v, "v" + v);
        views.forgetBetween(2, 6); // a batch made versions 3 to 6: 2 and 6 are what readers see
        assertEquals("v2", views.getIfPresent(2));
        assertEquals("v6", views.getIfPresent(6));
        for (long v = 3; v <= 5; v++) assertNull(views.getIfPresent(v));
        assertEquals("v1", views.getIfPresent(1));
    }

    @Test
    void concurrentReadersOfOneVersionShareOneComputation() throws Exception {
        PerVersion<String> views = new PerVersion<>(2);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> views.get(7, () -> {
            computed.incrementAndGet();
            computing.countDown();
            await(release);
            return "v7";
        }));
        assertTrue(computing.await(10, TimeUnit.SECONDS));
        Thread second = new Thread(() -> views.get(7, () -> "second " + computed.incrementAndGet()));
        second.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(Thread.State.WAITING, second.getState(), "the second reader waits for the first one's computation");
        release.countDown();
        assertEquals("v7", first.get(10, TimeUnit.SECONDS));
        second.join(10_000);
        assertEquals(1, computed.get());
        assertSame(views.getIfPresent(7), views.get(7, () -> "again"));
    }

    @Test
    void aFailedComputationIsNotKept() {
        PerVersion<String> views = new PerVersion<>(2);
        IllegalStateException boom = new IllegalStateException("store closed");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> views.get(1, () -> {
            throw boom;
        })));
        assertNull(views.getIfPresent(1));
        assertEquals("v1", views.get(1, () -> "v1"));
    }

    @Test
    void replaceOnlyWhileTheValueIsTheOneExpected() {
        PerVersion<String> views = new PerVersion<>(2);
        String old = views.get(1, () -> new String("old"));
        assertTrue(views.replace(1, old, "fresh"));
        assertEquals("fresh", views.getIfPresent(1));
        assertTrue(!views.replace(1, old, "other"));
        assertEquals("fresh", views.getIfPresent(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
