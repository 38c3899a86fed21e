package org.virtkg.app;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The edge's checks of {@link RequestChecks}, once for every request whichever handler serves it
 * (Fuseki or Javalin): a request that fails one is answered here with a problem and goes no further.
 */
final class RequestGuard extends Handler.Wrapper {
    RequestGuard(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestChecks.Refusal refusal = RequestChecks.uri(request.getHttpURI().getPath(), request.getHttpURI().getQuery());
        if (refusal == null) refusal = RequestChecks.charset(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (refusal == null) refusal = RequestChecks.authorization(request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION));
        if (refusal != null) {
            FusekiGate.writeProblem(request, response, callback, refusal.status(), refusal.detail());
            return true;
        }
        return super.handle(request, response, callback);
    }
}
