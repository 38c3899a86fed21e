package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named-query library: every {@code *.rq} in one directory, with its grlc-style header
 * ({@code #+ summary:}, {@code #+ description: >}, {@code #+ params:}, {@code #+ tags:},
 * {@code #+ example:}), which is YAML read by Jackson's YAML module. Read once at startup, so
 * adding a query needs a restart but no Java.
 */
public final class QueryLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(QueryLibrary.class);

    /** A declared parameter: bound to {@code ?_name}. */
    public record Param(String name, String type, String defaultValue, String description) {}

    /** One query of the library. */
    public record NamedQuery(String name, String summary, String description, List<Param> params, List<String> tags,
                             String example, Query query) {
        /**
         * Each declared parameter from {@code given} (name → value as a user types it) or its
         * default, as the RDF term the query's {@code ?_name} takes: a 400 problem naming the
         * parameter when it is not declared, missing without a default, malformed or of the wrong kind.
         */
        public Map<String, Node> bind(Map<String, String> given) {
            for (String name : given.keySet())
                if (params.stream().noneMatch(p -> p.name().equals(name)))
                    throw new ProblemException(Problem.of(400, "Parameter '" + name + "' is not a parameter of query '" + this.name + "'"
                            + (params.isEmpty() ? " (it takes none)" : "; it takes " + params.stream().map(Param::name).toList()))
                            .withParameter(name));
            Map<String, Node> out = new java.util.LinkedHashMap<>();
            for (Param p : params) {
                String v = given.get(p.name());
                if (v == null || v.isBlank()) v = p.defaultValue();
                if (v == null) throw new ProblemException(Problem.of(400, "Parameter '" + p.name() + "' is required").withParameter(p.name()));
                Node n = switch (p.type()) {
                    case "iri" -> {
                        Node t = Terms.parse(p.name(), v);
                        if (!t.isURI())
                            throw new ProblemException(Problem.of(400, "Parameter '" + p.name() + "' must be an IRI or an id, not a literal")
                                    .withParameter(p.name()));
                        yield t;
                    }
                    case "boolean" -> {
                        if (!v.equals("true") && !v.equals("false"))
                            throw new ProblemException(Problem.of(400, "Parameter '" + p.name() + "' must be true or false").withParameter(p.name()));
                        yield NodeFactory.createLiteralDT(v, org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean);
                    }
                    // Strings are taken verbatim as a literal: quotes or braces in them are just characters.
                    default -> NodeFactory.createLiteralString(v);
                };
                out.put(p.name(), n);
            }
            return out;
        }

        /** The query with each bound parameter in place of its {@code ?_name}, as the server substitutes it ({@code QueryExec} substitution). */
        public Query with(Map<String, Node> bindings) {
            Map<org.apache.jena.sparql.core.Var, Node> vars = new java.util.LinkedHashMap<>();
            bindings.forEach((k, v) -> vars.put(org.apache.jena.sparql.core.Var.alloc("_" + k), v));
            Query out = org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.syntaxSubstitute(query, vars);
            // The substitution keeps each bound ?_name as a column, (value AS ?_name); the server's answer has only the
            // columns the query names, and so does this one.
            if (out.isSelectType() && !query.isQueryResultStar()) vars.keySet().forEach(out.getProject()::remove);
            return out;
        }
    }

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

    /**
     * A query's header as written: YAML (grlc's decorators), bound by Jackson. A key it does not
     * have is an error naming it, not ignored, so a misspelt {@code sumary:} is noticed at start.
     */
    record Header(String summary, String description, List<Map<String, ParamSpec>> params, List<String> tags, String example) {}

    /** {@code - name: {type: iri, default: "…", description: "…"}} */
    record ParamSpec(String type, @JsonProperty("default") String defaultValue, String description) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A query file's header and query: the same reading the library gives each of its files. */
    public static NamedQuery parse(String name, String text) {
        // The header: the leading comment lines; those starting "#+" are YAML once "#+ " is taken off.
        StringBuilder yaml = new StringBuilder();
        for (String raw : text.lines().takeWhile(l -> l.startsWith("#")).toList()) {
            if (!raw.startsWith("#+")) continue;
            String body = raw.substring(2);
            yaml.append(body.startsWith(" ") ? body.substring(1) : body).append('\n');
        }
        Header h;
        try {
            h = yaml.isEmpty() ? null : YAML.readValue(yaml.toString(), Header.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("unknown header key '" + e.getPropertyName() + "'; a header has "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("the '#+' header is not valid YAML" + (at == null ? "" : " (header line " + at.getLineNr() + ")")
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (h == null) h = new Header(null, null, null, null, null);
        List<Param> params = new ArrayList<>();
        for (Map<String, ParamSpec> item : h.params() == null ? List.<Map<String, ParamSpec>>of() : h.params()) {
            if (item == null || item.size() != 1)
                throw new IllegalArgumentException("each parameter is one '- name: {type: …, default: …, description: …}', not " + item);
            var e = item.entrySet().iterator().next();
            ParamSpec spec = e.getValue() == null ? new ParamSpec(null, null, null) : e.getValue();
            params.add(new Param(e.getKey(), spec.type() == null ? "iri" : spec.type(), spec.defaultValue(), spec.description()));
        }
        return new NamedQuery(name, strip(h.summary()), strip(h.description()), List.copyOf(params),
                h.tags() == null ? List.of() : List.copyOf(h.tags()), strip(h.example()), QueryFactory.create(text));
    }

    /** A folded block ({@code >}) ends with a newline; the text does not. */
    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    public NamedQuery get(String name) {
        return queries.get(name);
    }

    public Collection<NamedQuery> all() {
        return queries.values();
    }
}
