package org.virtkg.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a partial value of Nova's support matrix means, in virtkg's own words: one short summary
 * per note, read from a table ({@value #RESOURCE}, format in docs/data-sources.md).
 *
 * <p>Nova explains a {@code partial} value in a prose note ({@code driver-notes.DRIVER}). That prose
 * is Apache-2.0 text and is never copied; the facts it states (which guests, hosts, operations)
 * may be, so a person writes them down once, as a summary keyed by driver, feature and a digest
 * of the note's text. Keying on the digest is what keeps a summary honest over releases: the same
 * note in the next release gets the same summary, and a note Nova has reworded does not silently
 * keep a summary of the old words. It gets the generic sentence instead, and the import says so
 * (a warning naming the note's line and its new digest), so that someone rereads the note.
 */
public final class NovaCaveats {
    /** The shipped table, a classpath resource beside this class. */
    public static final String RESOURCE = "nova-caveats.tsv";
    /** A partial value whose note has no summary (or a summary of other words). */
    public static final String GENERIC_WITH_NOTE = "Nova marks this partial: it works only in the configurations its note (linked) names.";
    /** A partial value without a note. */
    public static final String GENERIC_WITHOUT_NOTE =
            "Nova marks this partial (works only in some configurations) without saying which; ask the driver's documentation.";
    /** Hex digits of a note digest: 64 bits of SHA-256 are plenty to tell two notes of one cell apart. */
    public static final int DIGEST_LENGTH = 16;

    private static final Pattern DRIVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern FEATURE = Pattern.compile("([a-z]+)\\.[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{" + DIGEST_LENGTH + "}");
    /** One short sentence: a summary longer than this is a paraphrase of the note, not a summary. */
    private static final int MAX_SUMMARY = 200;

    /** One row: the summary of the note with this digest on this driver's value for this feature. */
    public record Summary(String driver, String feature, String digest, String text, int line) {}

    /** The caveat a partial value gets, and the warning to give when it is the generic one for want of a summary. */
    public record Caveat(String text, String warning) {}

    /** The table does not read; {@code line} is 1-based. */
    public static final class FormatException extends RuntimeException {
        FormatException(String name, int line, String message) {
            super(name + " line " + line + ": " + message, null, false, false);
        }
    }

    private record Key(String driver, String feature, String digest) {}

    private final String name;
    private final Map<Key, Summary> rows;

    private NovaCaveats(String name, Map<Key, Summary> rows) {
        this.name = name;
        this.rows = rows;
    }

    private static volatile NovaCaveats shipped;

    /** The table shipped with virtkg; a malformed one fails every import, naming its line. */
    public static NovaCaveats shipped() {
        NovaCaveats s = shipped;
        if (s == null) {
            try (InputStream in = NovaCaveats.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("this build of virtkg has no " + RESOURCE + " beside " + NovaCaveats.class.getName());
                shipped = s = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s;
    }

    /**
     * Reads a table: UTF-8 lines, blank or {@code #} comments ignored, otherwise four fields
     * separated by one tab each: driver key, feature key, note digest, summary.
     */
    public static NovaCaveats parse(String text, String name) {
        Map<Key, Summary> rows = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 4)
                throw new FormatException(name, no, "expected 4 tab-separated fields (driver, feature, note digest, summary), got " + f.length);
            if (!DRIVER.matcher(f[0]).matches()) throw new FormatException(name, no, "'" + f[0] + "' is not a Nova driver key");
            var fm = FEATURE.matcher(f[1]);
            if (!fm.matches() || !NovaMatrix.GROUPS.contains(fm.group(1)))
                throw new FormatException(name, no, "'" + f[1] + "' is not a Nova feature key (GROUP.NAME, GROUP one of " + String.join(", ", NovaMatrix.GROUPS) + ")");
            if (!DIGEST.matcher(f[2]).matches())
                throw new FormatException(name, no, "'" + f[2] + "' is not a note digest (" + DIGEST_LENGTH + " lowercase hex digits, see NovaCaveats.digest)");
            String summary = f[3].strip();
            if (summary.isEmpty() || !summary.equals(f[3]) || !summary.endsWith(".") || summary.length() > MAX_SUMMARY)
                throw new FormatException(name, no, "the summary must be one sentence ending with '.', without outer spaces, at most " + MAX_SUMMARY + " characters");
            Summary before = rows.put(new Key(f[0], f[1], f[2]), new Summary(f[0], f[1], f[2], summary, no));
            if (before != null) throw new FormatException(name, no, "repeats the row on line " + before.line());
        }
        return new NovaCaveats(name, rows);
    }

    /**
     * The digest a note is recognised by: SHA-256 of its text with every run of white space made
     * one space (so that re-wrapping Nova's lines changes nothing), first {@value #DIGEST_LENGTH}
     * hex digits.
     */
    public static String digest(String note) {
        String normal = note.strip().replaceAll("\\s+", " ");
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, DIGEST_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    public List<Summary> summaries() {
        return List.copyOf(rows.values());
    }

    /**
     * The caveat of a partial value: the summary of its note if the table has one for exactly
     * this note, else the generic sentence, with a warning when a note went unsummarised.
     */
    public Caveat caveat(String driver, String feature, String note, Integer noteLine) {
        if (note == null) return new Caveat(GENERIC_WITHOUT_NOTE, null);
        String digest = digest(note);
        Summary s = rows.get(new Key(driver, feature, digest));
        if (s != null) return new Caveat(s.text(), null);
        List<String> other = new ArrayList<>();
        for (Summary r : rows.values()) if (r.driver().equals(driver) && r.feature().equals(feature)) other.add(r.digest());
        String where = "line " + noteLine + ": the note on driver " + driver + "'s partial value for " + feature;
        return new Caveat(GENERIC_WITH_NOTE, other.isEmpty()
                ? where + " has no summary in " + name + " (note digest " + digest + "); the generic caveat is used"
                : where + " is not the note summarised in " + name + " (note digest " + digest + ", summarised " + String.join(", ", other)
                        + "): Nova changed it, so the generic caveat is used until the summary is checked against the new note");
    }
}
