package org.virtkg.api;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.ChangeLog;

/**
 * {@code GET /api/changes/stream}: accepted changes as server-sent events, one event per change
 * ({@code event: change}, {@code id:} the change id, JSON data as in {@code /api/changes}; the RDF
 * Patch too with {@code ?patch=true}).
 *
 * <p>Every event is read from the change log itself, never from an in-memory queue: a subscriber
 * remembers the last id it was sent and is sent what the log holds after it, in order. So nothing
 * is skipped or repeated, whether changes come from this instance or (with a shared store) from
 * another, and a client that reconnects with {@code Last-Event-ID} (browsers do it themselves)
 * continues exactly where it stopped. One dispatcher thread serves every subscriber; it wakes when
 * a change commits and otherwise sends a comment every {@link #HEARTBEAT} so proxies keep the
 * connection open.
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** Longest silence on a stream; a comment is sent after it. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** With a shared store, how often the feed asks whether other instances wrote. */
    static final Duration SHARED_STORE_POLL = Duration.ofSeconds(1);
    /** Default of the {@code max-change-streams} setting: streams open at once; more get 503. */
    public static final int MAX_SUBSCRIBERS = 256;
    /** Entries read from the log per subscriber per round. */
    private static final int BATCH = 200;

    private final KnowledgeBase kb;
    private final int maxSubscribers;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;
    private final Thread dispatcher;

    private static final class Subscriber {
        final SseClient client;
        final boolean withPatch;
        long lastSent;
        long lastWrite = System.nanoTime();

        Subscriber(SseClient client, boolean withPatch, long lastSent) {
            this.client = client;
            this.withPatch = withPatch;
            this.lastSent = lastSent;
        }
    }

    public ChangeFeed(KnowledgeBase kb) {
        this(kb, MAX_SUBSCRIBERS);
    }

    /** A feed that keeps at most {@code maxSubscribers} streams open ({@code max-change-streams}). */
    public ChangeFeed(KnowledgeBase kb, int maxSubscribers) {
        this.kb = kb;
        this.maxSubscribers = maxSubscribers;
        kb.onCommitted(change -> wake());
        this.dispatcher = Thread.ofPlatform().daemon().name("virtkg-change-feed").start(this::dispatch);
    }

    /**
     * A new stream: starts after {@code Last-Event-ID} (a reconnect), else after {@code ?since=} (a
     * change id or time), else with the next change.
     */
    public void subscribe(SseClient client) {
        Long start = client.ctx().attribute(START);
        if (subscribers.size() >= maxSubscribers) {
            client.sendComment("too many streams open; try again later");
            client.close();
            return;
        }
        Subscriber sub = new Subscriber(client, "true".equalsIgnoreCase(client.ctx().queryParam("patch")), start);
        client.onClose(() -> subscribers.remove(sub));
        client.keepAlive();
        subscribers.add(sub);
        wake();
    }

    /** Request attribute: the change id a stream starts after, checked by {@link #checkStart}. */
    private static final String START = "virtkg.feed.start";

    /**
     * {@code GET /api/changes/stream}: for every client that accepts an event stream, curl's
     * {@code Accept: *}{@code /*} included (Javalin's own SSE routes answer only an explicit
     * {@code text/event-stream}, and everyone else an empty 200); others get 406.
     */
    public void stream(io.javalin.http.Context ctx) throws java.io.IOException {
        if (Http.negotiate(ctx, List.of("text/event-stream")) == null)
            throw ProblemException.of(406, "This is a stream of server-sent events: accept text/event-stream, "
                    + "or poll /api/changes?since=<change id> for the same changes as JSON");
        checkStart(ctx);
        var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no"); // proxies must not hold events back
        res.flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> subscribe(new SseClient(ctx)));
    }

    /**
     * Runs before the stream is opened (once it is, the status is 200): a bad {@code since} or
     * {@code Last-Event-ID} is a 400 problem, and too many open streams a 503.
     */
    void checkStart(io.javalin.http.Context ctx) {
        String resume = ctx.header("Last-Event-ID");
        String since = resume != null && !resume.isBlank() ? resume : ctx.queryParam("since");
        long start = kb.read(snapshot -> since == null ? kb.version() : ChangeRoutes.sinceId(snapshot.dataset(), since));
        if (subscribers.size() >= maxSubscribers)
            throw ProblemException.of(503, "Too many change streams are open (" + maxSubscribers + "); try again later or poll /api/changes?since=");
        ctx.attribute(START, start);
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void dispatch() {
        long waitMillis = kb.store().isShared() ? SHARED_STORE_POLL.toMillis() : HEARTBEAT.toMillis();
        while (running) {
            try {
                synchronized (signal) {
                    if (!woken) signal.wait(waitMillis);
                    woken = false;
                }
                if (!running) return;
                if (subscribers.isEmpty()) continue;
                // With a shared store, other instances' changes arrive by catching up.
                if (kb.store().isShared()) kb.awaitFresh();
                for (Subscriber sub : subscribers) send(sub);
            } catch (InterruptedException e) {
                return;
            } catch (org.virtkg.store.StoreException e) {
                // A shared store that cannot be reached: streams wait; health and requests report it.
                LOG.debug("Change feed cannot reach the store; trying again: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Change feed round failed; trying again", e);
            }
        }
    }

    /** Sends {@code sub} everything after its last event, then a heartbeat if it has been quiet too long. */
    private void send(Subscriber sub) {
        if (sub.client.terminated()) {
            subscribers.remove(sub);
            return;
        }
        while (true) {
            long after = sub.lastSent;
            List<ChangeLog.Entry> entries = kb.read(snapshot -> ChangeLog.after(snapshot.dataset(), after, BATCH));
            for (ChangeLog.Entry e : entries) {
                Object data = sub.withPatch ? ChangeRoutes.ChangeWithPatch.of(e) : ChangeRoutes.Change.of(e);
                sub.client.sendEvent("change", Json.write(data), Long.toString(e.id()));
                sub.lastSent = e.id();
                sub.lastWrite = System.nanoTime();
                if (sub.client.terminated()) {
                    subscribers.remove(sub);
                    return;
                }
            }
            if (entries.size() < BATCH) break;
        }
        if (System.nanoTime() - sub.lastWrite >= HEARTBEAT.toNanos()) {
            sub.client.sendComment("keep-alive");
            sub.lastWrite = System.nanoTime();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        for (Subscriber sub : subscribers) sub.client.close();
        subscribers.clear();
    }
}
