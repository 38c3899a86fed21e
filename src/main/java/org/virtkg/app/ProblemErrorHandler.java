package org.virtkg.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.virtkg.api.Problem;

/**
 * Errors Jetty answers itself, before or around any handler (a malformed request line or escape,
 * a URI or headers too large, a broken chunked body, a failure while writing), as RFC 9457 problem
 * details in UTF-8 rather than Jetty's HTML page: every error of this server has one shape.
 */
final class ProblemErrorHandler extends ErrorHandler {
    /**
     * The words of a 413 for a body sent to a (canonical) path: Jetty's comes from the edge's bound
     * on every body, refusing a declared length past every limit before any handler runs; the
     * client is told the limit of the endpoint it sent to, as that endpoint would have said it.
     */
    private final java.util.function.UnaryOperator<String> tooLarge;

    ProblemErrorHandler(java.util.function.UnaryOperator<String> tooLarge) {
        this.tooLarge = tooLarge;
    }

    /** Jetty writes error bodies for GET and POST only by default; a DELETE or PUT deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String detail = code == 413 ? tooLarge.apply(FusekiGate.canonical(Request.getPathInContext(request))) : detail(code, message);
        FusekiGate.writeProblem(request, response, callback, code, detail);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        return ByteBuffer.wrap(Problem.of(status, detail(status, reason)).toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** A detail a client can act on; Jetty's reasons name its internals. */
    static String detail(int status, String reason) {
        return switch (status) {
            case 400 -> "The request is malformed (" + (reason == null ? "bad request line, header or escape" : reason)
                    + "); check the URL's percent-escapes and the headers";
            case 413 -> "The request body is larger than this server accepts";
            case 414 -> "The URL is too long; send long queries in the request body (POST) instead";
            case 431 -> "The request headers are too large";
            case 500 -> "The server could not complete the response; please retry, and report it if it persists";
            default -> reason == null ? "The request could not be handled" : reason;
        };
    }
}
