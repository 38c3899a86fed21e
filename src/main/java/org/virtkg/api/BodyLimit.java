package org.virtkg.api;

import java.util.Locale;
import org.virtkg.app.Setting;

/**
 * A bound on the size of a request body, and the words of the 413 that enforces it: what was too
 * large, the limit in MiB and in bytes, and the setting that raises it (or, for a fixed bound, why
 * none does). Every body limit of the server words its 413 here, so a client told "too large"
 * always learns by how much it may send and who can change that. A route answers it when it reads
 * past its limit; the edge answers the same words when a body's declared length is past every
 * limit ({@code app/BodyLimits} knows which endpoint has which).
 *
 * @param bytes   the largest body accepted
 * @param setting the setting that sets it, or null for a fixed bound
 * @param fixed   for a fixed bound: why it is what it is (and no setting raises it)
 */
public record BodyLimit(long bytes, Setting setting, String fixed) {
    /** The limit {@code setting} sets, {@code bytes} in this deployment. */
    public static BodyLimit of(Setting setting, long bytes) {
        return new BodyLimit(bytes, setting, null);
    }

    /** A bound no setting changes; {@code why} says so to the client, e.g. "no request to this server may be larger". */
    public static BodyLimit fixed(long bytes, String why) {
        return new BodyLimit(bytes, null, why);
    }

    /** The lower of the two: the one a body meets first. */
    public BodyLimit lower(BodyLimit other) {
        return other.bytes < bytes ? other : this;
    }

    /** The 413's detail: "{@code what} exceeds the limit of 1 MiB (1,048,576 bytes); the setting … raises it (…)". */
    public String refusal(String what) {
        return setting != null ? setting.exceeded(what, size(bytes)) : what + " exceeds the limit of " + size(bytes) + "; " + fixed;
    }

    /** The 413 itself, for a route to throw. */
    public ProblemException refuse(String what) {
        return ProblemException.of(413, refusal(what));
    }

    /** A size as people read it and as a client checks it: "1 MiB (1,048,576 bytes)", "1.5 KiB (1,536 bytes)", "100 bytes". */
    public static String size(long bytes) {
        String exact = String.format(Locale.ROOT, "%,d bytes", bytes);
        if (bytes < 1024) return exact;
        boolean mib = bytes >= 1L << 20;
        double units = bytes / (double) (mib ? 1L << 20 : 1024);
        String human = units == Math.rint(units) ? String.format(Locale.ROOT, "%,d", (long) units) : String.format(Locale.ROOT, "%,.1f", units);
        return human + (mib ? " MiB" : " KiB") + " (" + exact + ")";
    }
}
