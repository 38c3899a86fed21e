package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    @Test
    void withNoStalenessEveryReadGetsACheckThatStartedAfterIt() {
        var freshness = new Freshness(Duration.ZERO);
        AtomicInteger checks = new AtomicInteger();
        freshness.await(checks::incrementAndGet);
        freshness.await(checks::incrementAndGet);
        assertEquals(2, checks.get(), "a check that ended before a read arrived cannot vouch for it");
    }

    @Test
    void aRecentEnoughCheckIsReused() {
        var freshness = new Freshness(Duration.ofHours(1));
        AtomicInteger checks = new AtomicInteger();
        for (int i = 0; i < 5; i++) freshness.await(checks::incrementAndGet);
        assertEquals(1, checks.get());
    }

    @Test
    void readsThatArriveDuringACheckShareTheNextOne() throws Exception {
        var freshness = new Freshness(Duration.ZERO);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        // A thread per read: the common pool may have a single worker on a small machine.
        var readers = java.util.concurrent.Executors.newFixedThreadPool(7);
        var first = CompletableFuture.runAsync(() -> freshness.await(() -> {
            checks.incrementAndGet();
            firstRunning.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), readers);
        firstRunning.await();
        // These arrive while the first check runs: it started before them, so it cannot serve them.
        List<CompletableFuture<Void>> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) later.add(CompletableFuture.runAsync(() -> freshness.await(checks::incrementAndGet), readers));
        // Let the first check end only once all six are waiting for it.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (freshness.waitingReaders() < 6) {
            assertTrue(System.nanoTime() < deadline, "the six readers never all waited");
            Thread.onSpinWait();
        }
        releaseFirst.countDown();
        first.join();
        later.forEach(CompletableFuture::join);
        readers.shutdown();
        assertEquals(2, checks.get(), "the six later reads share one check, which one of them runs");
    }

    @Test
    void aFailedCheckFailsItsReadAndTheNextReadTriesAgain() {
        var freshness = new Freshness(Duration.ZERO);
        var down = new StoreUnavailableException("down", null);
        var thrown = assertThrows(StoreUnavailableException.class, () -> freshness.await(() -> {
            throw down;
        }));
        assertSame(down, thrown);
        AtomicInteger checks = new AtomicInteger();
        freshness.await(checks::incrementAndGet);
        assertEquals(1, checks.get());
    }
}
