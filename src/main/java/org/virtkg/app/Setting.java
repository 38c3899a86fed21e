package org.virtkg.app;

import java.util.Locale;

/**
 * Every limit a deployment may change, in one table: the flag of {@code virtkg serve} (its name),
 * the environment variable, the config-file key (the name again), the unit, the default, the
 * allowed range and what it limits. {@link Settings} reads them (flag, then environment, then
 * config file, then default); docs/configuration.md is this table written out, and a test keeps
 * the two equal. Limits that protect the parsers and the evaluator themselves stay constants:
 * {@link Settings#FIXED} lists them with the reason.
 */
public enum Setting {
    QUERY_TIMEOUT("query-timeout", Unit.SECONDS, "10", 0.001, 86_400,
            "Wall-clock limit of one SPARQL query (503 when exceeded)",
            "`/sparql`, `/asserted/sparql`, `/api/queries/*`"),
    MAX_QUERIES_PER_CLIENT("max-queries-per-client", Unit.COUNT, "8", 1, 100_000,
            "SPARQL queries one client address may have running at once (429 beyond)",
            "`/sparql`, `/asserted/sparql`"),
    MAX_ACTIVE_READS("max-active-reads", Unit.COUNT, null, 1, 100_000,
            "Reads (GET, HEAD, SPARQL queries) executing at once, all clients together; more wait their turn",
            "every read"),
    MAX_ROWS("max-rows", Unit.COUNT, "50000", 1, 10_000_000,
            "Rows of one SELECT result; beyond, the answer is cut and says so in `X-Virtkg-Truncated`",
            "`/sparql`, `/asserted/sparql`"),
    MAX_QUERY_LENGTH("max-query-length", Unit.CHARACTERS, "100000", 100, 10_000_000,
            "Characters of one SPARQL query text (413 beyond)",
            "`/sparql`, `/asserted/sparql`"),
    MAX_UPDATE("max-update", Unit.MIB, "1", 1, 1024,
            "SPARQL Update body (413 beyond)",
            "`/update`"),
    MAX_UPLOAD("max-upload", Unit.MIB, "16", 1, 1024,
            "RDF upload: Graph Store Protocol, ontology terms, imports (413 beyond)",
            "`/data`, `/api/terms`, `/api/imports/*`"),
    MAX_JSON("max-json", Unit.MIB, "1", 1, 64,
            "JSON request body (413 beyond)",
            "`/api/products`, `/api/claims`, `/api/selection`"),
    MAX_CHANGE_STREAMS("max-change-streams", Unit.COUNT, "256", 1, 65_536,
            "Change streams (server-sent events) open at once (503 beyond)",
            "`/api/changes/stream`"),
    WRITE_BATCH("write-batch", Unit.COUNT, "32", 1, 1024,
            "Writes committed together in one store transaction (readers of the reasoner wait while a batch is judged)",
            "every write"),
    STORE_TIMEOUT("store-timeout", Unit.SECONDS, "30", 0.001, 3600,
            "Longest one request to an external store may take",
            "with `--store-url`"),
    STORE_STALENESS("store-staleness", Unit.MILLIS, "0", 0, 3_600_000,
            "How old a read's last check of a shared store may be; 0 checks once per read (coalesced)",
            "with `--store-url`");

    /** The unit a value is written in, and what kind of number it must be. */
    public enum Unit {
        SECONDS("SECONDS", "seconds", true),
        MILLIS("MILLIS", "milliseconds", false),
        MIB("MIB", "MiB", false),
        CHARACTERS("N", "characters", false),
        COUNT("N", "", false);

        final String label;
        final String word;
        final boolean decimal;

        Unit(String label, String word, boolean decimal) {
            this.label = label;
            this.word = word;
            this.decimal = decimal;
        }
    }

    private final String key;
    private final Unit unit;
    private final String defaultText;
    private final double min;
    private final double max;
    private final String description;
    private final String appliesTo;

    Setting(String key, Unit unit, String defaultText, double min, double max, String description, String appliesTo) {
        this.key = key;
        this.unit = unit;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.description = description;
        this.appliesTo = appliesTo;
    }

    /** The name: the config-file key, and the flag without its dashes. */
    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    public String envVar() {
        return "VIRTKG_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public Unit unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public String appliesTo() {
        return appliesTo;
    }

    /**
     * The default as written in a flag; {@code max-active-reads} has none that is the same on
     * every machine (four per processor, at least eight: {@link ServerConfig#DEFAULT_MAX_ACTIVE_READS}).
     */
    public String defaultText() {
        return defaultText != null ? defaultText : Long.toString(ServerConfig.DEFAULT_MAX_ACTIVE_READS);
    }

    /** The default as documented (machine-independent). */
    public String documentedDefault() {
        return defaultText != null ? withUnit(number(parse(defaultText).doubleValue())) : "4 per processor, at least 8";
    }

    public String range() {
        return withUnit(number(min) + "–" + number(max));
    }

    private String withUnit(String n) {
        return unit.word.isEmpty() ? n : n + " " + unit.word;
    }

    static String number(double d) {
        if (d == Math.rint(d)) return String.format(Locale.ROOT, "%,d", (long) d);
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The value of {@code text}, checked against the unit and range (IllegalArgumentException saying why not). */
    Number parse(String text) {
        String t = text == null ? "" : text.strip().replace("_", "");
        double d;
        try {
            d = unit.decimal ? Double.parseDouble(t) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not " + (unit.decimal ? "a number" : "a whole number"));
        }
        if (!(d >= min && d <= max)) throw new IllegalArgumentException("out of range");
        return unit.decimal ? (Number) d : (Number) (long) d;
    }

    /**
     * What a request refused at this limit is told: "{@code what} exceeds the limit of {@code limit};
     * the setting max-update raises it (--max-update, VIRTKG_MAX_UPDATE, or max-update in the config
     * file; see docs/configuration.md)" — the limit, and every way to change it.
     */
    public String exceeded(String what, String limit) {
        return what + " exceeds the limit of " + limit + "; the setting " + key + " raises it (" + flag() + ", " + envVar() + ", or "
                + key + " in the config file; see docs/configuration.md)";
    }

    /** "a whole number of MiB from 1 to 1,024", for error messages. */
    String expectation() {
        return (unit.decimal ? "a number" : "a whole number") + (unit.word.isEmpty() ? "" : " of " + unit.word)
                + " from " + number(min) + " to " + number(max);
    }
}
