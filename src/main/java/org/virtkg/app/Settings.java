package org.virtkg.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.virtkg.api.UnknownNames;

/**
 * The values of every {@link Setting}, each from the first source that gives it: a flag, an
 * environment variable, the config file ({@code --config FILE}, properties or YAML), the default.
 * A bad value from any source, or an unknown key in the file, stops start-up with a message
 * naming the setting, where the value came from and what is allowed: a limit silently left at
 * its default because of a typo is worse than a server that does not start.
 */
public final class Settings {
    /** Environment variable naming the config file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "VIRTKG_CONFIG";

    /** A limit that is deliberately not configurable, and why. */
    public record Fixed(String limit, String value, String where, String why) {}

    /** Limits that stay constants: they protect the parsers and the evaluator, whatever the deployment. */
    public static final List<Fixed> FIXED = List.of(
            new Fixed("Nesting of groups/OPTIONAL/UNION/subqueries", "100 levels", "`QueryPolicy.MAX_DEPTH`",
                    "deeper nesting overflows the query parser's and evaluator's stack; no query needs it"),
            new Fixed("Nesting of `EXISTS` / `NOT EXISTS` (in queries and updates' `WHERE`)", "10 levels", "`QueryPolicy.MAX_EXISTS_DEPTH`",
                    "Jena's query planner takes time that doubles with each level, before the query runs and out of the timeout's reach"),
            new Fixed("`LIMIT` / `OFFSET`", "1,000,000,000", "`QueryPolicy.MAX_LIMIT`",
                    "only refuses absurd numbers; rows sent are bounded by `max-rows`"),
            new Fixed("Regex pattern, literals and numbers in a query", "≤ 256 characters, no nested quantifiers; 10,000 characters / 40 digits",
                    "`QueryPolicy`, `SparqlErrors`", "guards against catastrophic backtracking and huge constants, which no setting makes safe"),
            new Fixed("Growth of computed values", "64 × the largest input; 100,000 from constants; 1,000,000 characters / 100,000 digits at run time",
                    "`ValueGrowth`, `BoundedValues`", "keeps one expression from exhausting memory before the timeout can stop it"),
            new Fixed("Parts of a multipart upload", "100", "`RdfBodies.MAX_PARTS`",
                    "the parts share the `max-upload` budget; the count only bounds per-part overhead"),
            new Fixed("JSON nesting, number and string length", "64 levels; 100 digits; 1,000,000 characters", "`Json.READ_LIMITS`",
                    "parser safety (stack depth, quadratic number parsing); the body size is `max-json`"),
            new Fixed("Turtle / TriG nesting", "64 levels", "`RdfBodies.MAX_NESTING`", "parser stack safety"),
            new Fixed("Wait for a read's turn", "30 s, at most 4,096 waiting", "`VirtkgServer.MAX_READ_WAIT`, `MAX_WAITING_READS`",
                    "bounds the memory of the waiting queue; tune `max-active-reads` instead"),
            new Fixed("Idle connection to a remote store", "kept 10 s (`-Djdk.httpclient.keepalive.timeout=S` overrides)",
                    "`Main.STORE_CONNECTION_IDLE_SECONDS`",
                    "closed before the store's own idle timeout (Fuseki's 30 s), so no request goes out on a connection the store is closing"));

    /** Where a value came from, as said in messages. */
    public record Source(String kind, String where) {
        static final Source DEFAULT = new Source("default", "");

        @Override
        public String toString() {
            return where.isEmpty() ? kind : kind + " " + where;
        }
    }

    /** A value that cannot be used; the message says which setting, from where, and what is allowed. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    private final Map<Setting, Number> values;
    private final Map<Setting, Source> sources;

    private Settings(Map<Setting, Number> values, Map<Setting, Source> sources) {
        this.values = values;
        this.sources = sources;
    }

    /** Every setting at its default. */
    public static Settings defaults() {
        return resolve(Map.of(), Map.of(), null);
    }

    /**
     * @param flags  the raw text of each setting given on the command line
     * @param env    the environment ({@code System.getenv()}, or a map in tests)
     * @param config the config file, or null; when null, {@link #CONFIG_ENV} may name one
     */
    public static Settings resolve(Map<Setting, String> flags, Map<String, String> env, Path config) {
        if (config == null && env.get(CONFIG_ENV) != null && !env.get(CONFIG_ENV).isBlank())
            config = Path.of(env.get(CONFIG_ENV));
        Map<Setting, Entry> file = config == null ? Map.of() : readFile(config);
        Map<Setting, Number> values = new EnumMap<>(Setting.class);
        Map<Setting, Source> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String raw;
            Source source;
            if (flags.get(s) != null) {
                raw = flags.get(s);
                source = new Source("flag", s.flag());
            } else if (env.get(s.envVar()) != null) {
                raw = env.get(s.envVar());
                source = new Source("environment variable", s.envVar());
            } else if (file.containsKey(s)) {
                raw = file.get(s).value();
                source = new Source("config file", config + " line " + file.get(s).line());
            } else {
                raw = s.defaultText();
                source = Source.DEFAULT;
            }
            try {
                values.put(s, s.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new Invalid("Invalid " + s.key() + " \"" + raw + "\" from " + source + ": " + e.getMessage()
                        + "; expected " + s.expectation() + " (see docs/configuration.md)");
            }
            sources.put(s, source);
        }
        return new Settings(values, sources);
    }

    private record Entry(String value, int line) {}

    /** A flat file of {@code key: value} (YAML, by the extension .yaml/.yml) or {@code key=value} (properties). */
    static Map<Setting, Entry> readFile(Path file) {
        Map<String, Entry> raw = new LinkedHashMap<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) readYaml(file, raw);
            else readProperties(file, raw);
        } catch (IOException e) {
            throw new Invalid("Cannot read the config file " + file + ": " + e.getMessage());
        }
        List<String> keys = Arrays.stream(Setting.values()).map(Setting::key).toList();
        Map<Setting, Entry> out = new EnumMap<>(Setting.class);
        for (var e : raw.entrySet()) {
            Setting s = byKey(e.getKey());
            if (s == null) {
                List<String> near = UnknownNames.nearest(e.getKey(), keys);
                throw new Invalid("Unknown setting \"" + e.getKey() + "\" in config file " + file + " line " + e.getValue().line()
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?")
                        + " The settings are listed in docs/configuration.md");
            }
            out.put(s, e.getValue());
        }
        return out;
    }

    private static void readProperties(Path file, Map<String, Entry> raw) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (at < 0) throw new Invalid("Config file " + file + " line " + (i + 1) + ": expected key=value, got \"" + line + "\"");
            put(raw, file, line.substring(0, at).strip(), line.substring(at + 1).strip(), i + 1);
        }
    }

    private static void readYaml(Path file, Map<String, Entry> raw) throws IOException {
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t == null) return; // an empty file sets nothing
            if (t != JsonToken.START_OBJECT)
                throw new Invalid("Config file " + file + " line " + p.currentTokenLocation().getLineNr() + ": expected key: value lines");
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                JsonToken v = p.nextToken();
                if (!v.isScalarValue())
                    throw new Invalid("Config file " + file + " line " + line + ": " + key + " must be a single value");
                put(raw, file, key, v == JsonToken.VALUE_NULL ? "" : p.getText(), line);
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new Invalid("Config file " + file + " is not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static void put(Map<String, Entry> raw, Path file, String key, String value, int line) {
        Entry before = raw.putIfAbsent(key, new Entry(value, line));
        if (before != null)
            throw new Invalid("Config file " + file + " sets " + key + " twice (lines " + before.line() + " and " + line + ")");
    }

    static Setting byKey(String key) {
        for (Setting s : Setting.values()) if (s.key().equals(key)) return s;
        return null;
    }

    public Source source(Setting s) {
        return sources.get(s);
    }

    public long longValue(Setting s) {
        return values.get(s).longValue();
    }

    public int intValue(Setting s) {
        return Math.toIntExact(values.get(s).longValue());
    }

    /** A value in {@link Setting.Unit#MIB}, in bytes. */
    public long bytes(Setting s) {
        return values.get(s).longValue() << 20;
    }

    /** A value in seconds or milliseconds, as a duration. */
    public Duration duration(Setting s) {
        return switch (s.unit()) {
            case SECONDS -> Duration.ofNanos(Math.round(values.get(s).doubleValue() * 1e9));
            case MILLIS -> Duration.ofMillis(values.get(s).longValue());
            default -> throw new IllegalArgumentException(s.key() + " is not a duration");
        };
    }

    /** The table of docs/configuration.md, from {@link Setting} and {@link #FIXED}; a test keeps the doc equal to it. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder();
        b.append("| Name (config-file key) | Flag | Environment variable | Default | Range | What it limits | Where |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Setting s : Setting.values())
            b.append("| `").append(s.key()).append("` | `").append(s.flag()).append(' ').append(s.unit().label).append("` | `")
                    .append(s.envVar()).append("` | ").append(s.documentedDefault()).append(" | ").append(s.range())
                    .append(" | ").append(s.description()).append(" | ").append(s.appliesTo()).append(" |\n");
        b.append("\n| Fixed limit | Value | In the code | Why it is not a setting |\n|---|---|---|---|\n");
        for (Fixed f : FIXED)
            b.append("| ").append(f.limit()).append(" | ").append(f.value()).append(" | ").append(f.where()).append(" | ")
                    .append(f.why()).append(" |\n");
        return b.toString();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Setting s : Setting.values()) parts.add(s.key() + "=" + values.get(s) + " (" + sources.get(s) + ")");
        return String.join(", ", parts);
    }
}
