package org.virtkg.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenStack Nova's hypervisor feature support matrix ({@code doc/source/user/support-matrix.ini}),
 * read strictly: what the file says about drivers, features and each driver's level of support.
 *
 * <p>The file is in Python's {@code configparser} dialect: {@code [section]} headers, {@code key=value}
 * lines, values continued on indented lines, full-line {@code #} or {@code ;} comments. A small
 * parser is used rather than an INI library because none on Maven Central reads indented
 * continuation lines, and a refused file must be answered with the line at fault: every error
 * names its line. Nothing is guessed: an unknown section group, a value Nova does not define, a
 * driver that was never declared or a key given twice refuses the whole file.
 */
public final class NovaMatrix {
    /** The biggest matrix file accepted, from the command line or over HTTP; Nova's is about 60 KB. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    /** Strict UTF-8: a file in another encoding is refused rather than read with replacement characters. */
    public static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    /** The feature groups of the matrix: the four its header names, and the remote consoles its sections use. */
    public static final List<String> GROUPS = List.of("operation", "console", "storage", "networking", "guest");
    /** Nova's implementation levels. */
    public static final Set<String> VALUES = Set.of("complete", "partial", "missing", "unknown");

    private static final Pattern SECTION = Pattern.compile("\\[([^\\]]*)\\]\\s*");
    private static final Pattern DRIVER_SECTION = Pattern.compile("driver\\.([A-Za-z0-9][A-Za-z0-9_-]*)");
    private static final Pattern FEATURE_SECTION = Pattern.compile("([a-z]+)\\.([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Nova's requirement statuses; the extension writes {@code condition(...)}, its header comment {@code conditional(...)}. */
    private static final Pattern STATUS = Pattern.compile("mandatory|optional|choice\\([^()]+\\)|condition(al)?\\([^()]+\\)");

    /** A driver as its section declares it. */
    public record Driver(String key, String title, int line) {}

    /**
     * A driver's value for one feature, and the line and text of its note if the file has one. The
     * note's text is Nova's prose: it is kept only to recognise the note ({@link NovaCaveats#digest}),
     * never written out.
     */
    public record Support(String driver, String value, int line, Integer noteLine, String note) {}

    /** A feature (section {@code group.name}) with its status and each driver's value. */
    public record Feature(String key, String group, String title, String status, int line, List<Support> support) {}

    /** {@code warnings}: what was read but left out, with its line (Nova's own files have notes for drivers they never declare). */
    public record Matrix(List<Driver> drivers, List<Feature> features, List<String> warnings) {
        public int values() {
            return features.stream().mapToInt(f -> f.support().size()).sum();
        }
    }

    /** The file does not read as a Nova support matrix; {@code line} is 1-based, 0 for the file as a whole. */
    public static final class FormatException extends RuntimeException {
        private final int line;

        FormatException(int line, String message) {
            super((line > 0 ? "line " + line + ": " : "") + message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private NovaMatrix() {}

    private record Entry(String value, int line) {}

    private record Section(String name, int line, Map<String, Entry> entries) {}

    public static Matrix parse(String text) {
        List<Section> sections = sections(text);
        Map<String, Driver> drivers = new LinkedHashMap<>();
        for (Section s : sections) {
            var m = DRIVER_SECTION.matcher(s.name());
            if (!s.name().startsWith("driver.")) continue;
            if (!m.matches())
                throw new FormatException(s.line(), "driver section [" + s.name() + "] must be named driver.NAME (letters, digits, '-', '_')");
            Entry title = required(s, "title");
            drivers.put(m.group(1), new Driver(m.group(1), title.value(), s.line()));
        }
        List<Feature> features = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Section s : sections) {
            if (s.name().startsWith("driver.")) continue;
            var m = FEATURE_SECTION.matcher(s.name());
            if (!m.matches() || !GROUPS.contains(m.group(1)))
                throw new FormatException(s.line(), "section [" + s.name() + "] is neither driver.NAME nor a feature in one of the groups "
                        + String.join(", ", GROUPS));
            Entry title = required(s, "title");
            Entry status = required(s, "status");
            if (!STATUS.matcher(status.value()).matches())
                throw new FormatException(status.line(), "status '" + status.value()
                        + "' is not one of mandatory, optional, choice(GROUP), condition(CONDITION)");
            List<Support> support = new ArrayList<>();
            for (var e : s.entries().entrySet()) {
                String key = e.getKey();
                Entry v = e.getValue();
                if (key.startsWith("driver-notes.")) {
                    String d = key.substring("driver-notes.".length());
                    // A note on a driver that is not declared attaches to nothing; Nova's own renderer
                    // ignores it too (its 2026.1 file has one). Said, not refused.
                    if (!drivers.containsKey(d))
                        warnings.add("line " + v.line() + ": note for driver '" + d + "', which no [driver." + d + "] section declares; left out");
                } else if (key.startsWith("driver.")) {
                    String d = key.substring("driver.".length());
                    if (!drivers.containsKey(d))
                        throw new FormatException(v.line(), "value for driver '" + d + "', which no [driver." + d + "] section declares");
                    if (!VALUES.contains(v.value()))
                        throw new FormatException(v.line(), "value '" + v.value() + "' for driver '" + d
                                + "' is not one of complete, partial, missing, unknown");
                    Entry note = s.entries().get("driver-notes." + d);
                    support.add(new Support(d, v.value(), v.line(), note == null ? null : note.line(), note == null ? null : note.value()));
                }
                // Other keys (notes, cli, links) are Nova's prose and commands: linked, never copied.
            }
            features.add(new Feature(s.name(), m.group(1), title.value(), status.value(), s.line(), List.copyOf(support)));
        }
        if (drivers.isEmpty()) throw new FormatException(0, "no [driver.NAME] section: this is not a Nova support matrix");
        if (features.isEmpty()) throw new FormatException(0, "no feature section ([operation.…], [storage.…], …): this is not a Nova support matrix");
        return new Matrix(List.copyOf(drivers.values()), List.copyOf(features), List.copyOf(warnings));
    }

    private static Entry required(Section s, String key) {
        Entry e = s.entries().get(key);
        if (e == null || e.value().isEmpty())
            throw new FormatException(s.line(), "section [" + s.name() + "] has no " + key);
        return e;
    }

    /** Sections with their entries, continuation lines joined with a space; structure errors name their line. */
    private static List<Section> sections(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Section> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Section current = null;
        String lastKey = null;
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                lastKey = null;
                continue;
            }
            char first = line.charAt(0);
            if (first == '#' || first == ';') continue;
            if (first == ' ' || first == '\t') {
                if (current == null || lastKey == null)
                    throw new FormatException(no, "indented line continues no value (indentation continues the value on the line above)");
                Entry prev = current.entries().get(lastKey);
                current.entries().put(lastKey, new Entry((prev.value() + " " + line.strip()).strip(), prev.line()));
                continue;
            }
            var sm = SECTION.matcher(line);
            if (sm.matches()) {
                String name = sm.group(1).strip();
                Integer before = seen.put(name, no);
                if (before != null) throw new FormatException(no, "section [" + name + "] repeats the one on line " + before);
                current = new Section(name, no, new LinkedHashMap<>());
                out.add(current);
                lastKey = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) throw new FormatException(no, "expected [section], key=value or a comment, got '" + abbreviate(line) + "'");
            if (current == null) throw new FormatException(no, "key=value before any [section]");
            String key = line.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) throw new FormatException(no, "'" + abbreviate(key) + "' is not a key (letters, digits, '.', '-', '_')");
            Entry old = current.entries().put(key, new Entry(line.substring(eq + 1).strip(), no));
            if (old != null) throw new FormatException(no, "key '" + key + "' repeats the one on line " + old.line() + " in [" + current.name() + "]");
            lastKey = key;
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
