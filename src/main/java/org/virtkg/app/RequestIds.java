package org.virtkg.app;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost part of the edge: gives every request an id, returned in {@code X-Request-Id} and
 * used in warnings, so a user can quote it and an operator can find the matching log line; and puts
 * the security headers on every response.
 */
final class RequestIds extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    private final AtomicLong counter = new AtomicLong();
    private final String prefix = Long.toString(System.currentTimeMillis() % 100_000, 36);

    RequestIds(Handler next) {
        super(next);
    }

    /**
     * Every response, HTML or not, says what a browser may run: scripts and everything else only
     * from this server, no inline scripts, no plugins, no framing. Styles may be inline (Swagger UI
     * and the graph view set them).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HEADER, prefix + "-" + counter.incrementAndGet());
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        return super.handle(request, response, callback);
    }
}
