package org.virtkg.app;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What every request must get right before any handler (Fuseki's or ours) reads it, checked once
 * at the edge: well-formed percent-escapes in the path and query, UTF-8 in the query, a charset we
 * can decode, at most one {@code Authorization} header. Each check returns the problem in words
 * (with the status to send) or null. Libraries would otherwise fail deep inside with a server
 * error or a message about their internals.
 */
final class RequestChecks {
    private RequestChecks() {}

    /** A refused request: the status and what to tell the client. */
    record Refusal(int status, String detail) {}

    /** Percent-escapes must be {@code %} and two hex digits, and what they decode to UTF-8. */
    static Refusal uri(String rawPath, String rawQuery) {
        Refusal r = escapes("path", rawPath);
        if (r == null) r = escapes("query string", rawQuery);
        if (r == null && rawPath != null) r = utf8("path", rawPath);
        if (r == null && rawQuery != null) r = utf8("query string", rawQuery);
        return r;
    }

    private static Refusal escapes(String where, String raw) {
        if (raw == null) return null;
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                String bad = raw.substring(i, Math.min(raw.length(), i + 3));
                return new Refusal(400, "The " + where + " has a malformed percent-escape '" + bad
                        + "': use % followed by two hex digits (e.g. %20 for a space)");
            }
        }
        return null;
    }

    /** The bytes the escapes stand for must be UTF-8 (Java's decoders would silently substitute or fail later). */
    private static Refusal utf8(String where, String raw) {
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) bytes[n++] = (byte) c;
            else return null; // raw non-ASCII: Jetty already decoded it as UTF-8
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
            return null;
        } catch (CharacterCodingException e) {
            return new Refusal(400, "The " + where + " is not valid UTF-8 after percent-decoding; encode text as UTF-8 "
                    + "(e.g. é is %C3%A9)");
        }
    }

    /**
     * The body's charset, if the request names one, must be one we decode; forms (which Jetty and
     * Fuseki decode as UTF-8 or Latin-1 only) must be UTF-8.
     */
    static Refusal charset(String contentType) {
        if (contentType == null) return null;
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0) return null;
        String name = contentType.substring(at + 8).split("[;,\\s]")[0].replace("\"", "").trim();
        boolean known;
        try {
            known = !name.isEmpty() && Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            known = false;
        }
        if (!known) return new Refusal(415, "The charset '" + name + "' in Content-Type is not one this server knows; send UTF-8");
        if (lower.startsWith("application/x-www-form-urlencoded") && !Charset.forName(name).equals(StandardCharsets.UTF_8)
                && !Charset.forName(name).equals(StandardCharsets.US_ASCII))
            return new Refusal(415, "Forms must be sent as UTF-8, not " + name);
        return null;
    }

    /** Two credentials are ambiguous: which one should win? */
    static Refusal authorization(List<String> values) {
        return values.size() > 1 ? new Refusal(400, "Send one Authorization header, not " + values.size()) : null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
