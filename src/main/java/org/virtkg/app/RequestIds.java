package org.virtkg.app;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request an id, returned in {@code X-Request-Id} and used in warnings, so a user can
 * quote it and an operator can find the matching log line.
 */
final class RequestIds extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    private final AtomicLong counter = new AtomicLong();
    private final String prefix = Long.toString(System.currentTimeMillis() % 100_000, 36);

    RequestIds(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HEADER, prefix + "-" + counter.incrementAndGet());
        return super.handle(request, response, callback);
    }
}
