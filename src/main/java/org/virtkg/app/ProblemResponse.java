package org.virtkg.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.virtkg.api.Problem;

/**
 * Fuseki's own error answers (plain text, or its servlet container's HTML page) turned into
 * problem details on their way out, so that every error of every endpoint has one shape.
 *
 * <p>Decided at the first write, before anything is committed: a response with an error status
 * that is not already a problem is held back whole, then replaced by a problem whose detail is
 * Fuseki's message with its status prefix and library vocabulary taken out. Fuseki sometimes
 * states a 4xx in its message while the status is 500 (a request it could not read); the stated
 * one wins.
 */
final class ProblemResponse extends Response.Wrapper {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^(\\d{3}): ?(.*)$", Pattern.DOTALL);
    private static final Pattern HTML_TITLE = Pattern.compile("<title>Error \\d{3} (.*?)</title>", Pattern.DOTALL);
    private static final int MAX_DETAIL = 300;

    private boolean decided;
    private ByteArrayOutputStream held;

    ProblemResponse(Request request, Response wrapped) {
        super(request, wrapped);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        if (!decided) {
            decided = true;
            String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (getStatus() >= 400 && (type == null || !type.startsWith(Problem.MEDIA_TYPE))) held = new ByteArrayOutputStream();
        }
        if (held == null) {
            super.write(last, content, callback);
            return;
        }
        if (content != null) {
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            held.writeBytes(bytes);
        }
        if (!last) {
            callback.succeeded();
            return;
        }
        int status = getStatus();
        String detail = held.toString(StandardCharsets.UTF_8).strip();
        Matcher html = HTML_TITLE.matcher(detail);
        if (html.find()) detail = html.group(1);
        Matcher prefixed = STATUS_PREFIX.matcher(detail);
        if (prefixed.matches()) {
            int stated = Integer.parseInt(prefixed.group(1));
            if (stated >= 400 && stated < 500) status = stated;
            detail = prefixed.group(2);
        }
        setStatus(status);
        byte[] json = Problem.of(status, userDetail(status, detail)).toJson().getBytes(StandardCharsets.UTF_8);
        getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        super.write(true, ByteBuffer.wrap(json), callback);
    }

    /** Fuseki's message, first line only, bounded, with the words a user does not need taken out. */
    static String userDetail(int status, String message) {
        String first = message.lines().findFirst().orElse("").strip();
        if (first.isEmpty() || first.equalsIgnoreCase("Bad query") || first.equalsIgnoreCase("Bad Request"))
            return "The request could not be read as a SPARQL protocol request; check the parameters and the body";
        if (first.startsWith("Insufficient content written"))
            return "The answer could not be written; check the graph parameter (an absolute IRI such as https://example.org/g)";
        if (first.toLowerCase(java.util.Locale.ROOT).contains("query timed out"))
            // Not an outage: this query's own cost.
            return "The query ran longer than this server's time limit for one query and was stopped; narrow it (a more "
                    + "specific pattern, fewer OPTIONALs, a LIMIT) or split it into smaller queries";
        first = first.replaceAll("[a-z]+(\\.[a-z0-9]+)+\\.[A-Z][A-Za-z]*(Exception|Error): ?", "");
        if (first.length() > MAX_DETAIL) first = first.substring(0, MAX_DETAIL) + "…";
        return status >= 500 ? "The SPARQL service failed: " + first : first;
    }
}
