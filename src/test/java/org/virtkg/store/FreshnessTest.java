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
        var first = CompletableFuture.runAsync(() -> freshness.await(() -> {
            checks.incrementAndGet();
            firstRunning.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        firstRunning.await();
        // These arrive while the first check runs: it started before them, so it cannot serve them.
        List<CompletableFuture<Void>> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) later.add(CompletableFuture.runAsync(() -> freshness.await(checks::incrementAndGet)));
        releaseFirst.countDown();
        first.join();
        later.forEach(CompletableFuture::join);
        assertTrue(checks.get() >= 2, "the later reads needed a check of their own");
        assertTrue(checks.get() <= 7, "never more checks than reads");
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
