package org.virtkg.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named-query library: every {@code *.rq} in one directory, with its grlc-style header
 * ({@code #+ summary:}, {@code #+ description: >}, {@code #+ params:}, {@code #+ tags:},
 * {@code #+ example:}). Read once at startup, so adding a query needs a restart but no Java.
 */
public final class QueryLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(QueryLibrary.class);
    private static final Pattern KEY = Pattern.compile("^(\\w+):\\s*(.*)$");
    /** {@code - name: {type: iri, default: "…", description: "…"}} */
    private static final Pattern PARAM = Pattern.compile("^-\\s*(\\w+):\\s*\\{(.*)}\\s*$");
    private static final Pattern FIELD = Pattern.compile("(\\w+):\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,}]+))");

    /** A declared parameter: bound to {@code ?_name}. */
    public record Param(String name, String type, String defaultValue, String description) {}

    /** One query of the library. */
    public record NamedQuery(String name, String summary, String description, List<Param> params, List<String> tags,
                             String example, Query query) {}

    private final Map<String, NamedQuery> queries;

    private QueryLibrary(Map<String, NamedQuery> queries) {
        this.queries = queries;
    }

    /** Loads every {@code .rq} in {@code dir}; a missing directory is an empty library, a broken query is skipped loudly. */
    public static QueryLibrary load(Path dir) {
        Map<String, NamedQuery> out = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            LOG.info("No query library at {}", dir);
            return new QueryLibrary(out);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
                try {
                    out.put(name, parse(name, Files.readString(f, StandardCharsets.UTF_8)));
                } catch (QueryParseException | IllegalArgumentException e) {
                    LOG.warn("Skipping query {}: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueryLibrary(out);
    }

    static NamedQuery parse(String name, String text) {
        Map<String, String> scalars = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        String key = null;
        boolean folded = false;
        for (String raw : text.lines().takeWhile(l -> l.startsWith("#")).toList()) {
            if (!raw.startsWith("#+")) continue;
            String body = raw.substring(2);
            String line = body.strip();
            if (line.isEmpty()) continue;
            boolean indented = body.startsWith("  ");
            Matcher k = KEY.matcher(line);
            if (!indented && k.matches()) {
                key = k.group(1);
                String v = k.group(2).strip();
                folded = v.equals(">") || v.equals("|");
                if (folded) scalars.put(key, "");
                else if (v.isEmpty()) lists.put(key, new ArrayList<>());
                else scalars.put(key, unquote(v));
            } else if (key != null && folded) {
                scalars.merge(key, line, (a, b) -> a.isEmpty() ? b : a + " " + b);
            } else if (key != null && line.startsWith("-")) {
                lists.computeIfAbsent(key, x -> new ArrayList<>()).add(line);
            }
        }
        List<Param> params = new ArrayList<>();
        for (String item : lists.getOrDefault("params", List.of())) {
            Matcher m = PARAM.matcher(item);
            if (!m.matches()) throw new IllegalArgumentException("cannot read parameter declaration '" + item + "'");
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher f = FIELD.matcher(m.group(2));
            while (f.find()) fields.put(f.group(1), f.group(2) != null ? f.group(2).replace("\\\"", "\"") : f.group(3).strip());
            params.add(new Param(m.group(1), fields.getOrDefault("type", "iri"), fields.get("default"), fields.get("description")));
        }
        List<String> tags = lists.getOrDefault("tags", List.of()).stream().map(t -> t.substring(1).strip()).toList();
        return new NamedQuery(name, scalars.get("summary"), scalars.get("description"), List.copyOf(params), tags,
                scalars.get("example"), QueryFactory.create(text));
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    public NamedQuery get(String name) {
        return queries.get(name);
    }

    public Collection<NamedQuery> all() {
        return queries.values();
    }
}
