package org.virtkg.store;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes reads of a shared store's local copy as fresh as asked, without one round trip per read.
 *
 * <p>A read that arrives at time <i>t</i> needs a check of the store that <em>started</em> at or
 * after <i>t − maxStaleness</i> and completed: such a check saw every write acknowledged before
 * the read arrived. Only one check runs at a time; readers that arrive while it runs and are
 * served by it simply wait for it, and the others wait for the next one, which one of them starts.
 * Under load a single round trip thus serves every request that was waiting, and with a staleness
 * of zero a client that wrote through one instance reads its write through any other.
 */
public final class Freshness {
    private final long maxStalenessNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition checkEnded = lock.newCondition();
    private boolean running;
    private boolean anyCompleted;
    /** Start time of the last check that completed successfully. */
    private long lastGoodStart;
    /** Start time and error of the last check that failed, so its waiters fail with it rather than retry in a storm. */
    private long lastFailedStart;
    private RuntimeException lastFailure;

    public Freshness(Duration maxStaleness) {
        this.maxStalenessNanos = maxStaleness.toNanos();
    }

    /** Readers waiting for a check to end (for tests that must know every reader has arrived). */
    int waitingReaders() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(checkEnded);
        } finally {
            lock.unlock();
        }
    }

    /** Returns once a check that started recently enough has succeeded, running {@code check} itself if needed. */
    public void await(Runnable check) {
        long needStartedBy = System.nanoTime() - maxStalenessNanos;
        long started;
        lock.lock();
        try {
            while (true) {
                if (anyCompleted && lastGoodStart - needStartedBy >= 0) return;
                if (lastFailure != null && lastFailedStart - needStartedBy >= 0) throw lastFailure;
                if (!running) break;
                checkEnded.awaitUninterruptibly();
            }
            running = true;
            started = System.nanoTime();
        } finally {
            lock.unlock();
        }
        RuntimeException failure = null;
        boolean ok = false;
        try {
            check.run();
            ok = true;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            lock.lock();
            try {
                running = false;
                if (ok) {
                    anyCompleted = true;
                    lastGoodStart = started;
                    lastFailure = null;
                } else if (failure != null) {
                    lastFailure = failure;
                    lastFailedStart = started;
                }
                checkEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
