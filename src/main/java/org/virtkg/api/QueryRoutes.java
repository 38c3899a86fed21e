package org.virtkg.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;

/**
 * {@code GET /api/queries} lists the library; {@code GET /api/queries/{name}} runs one query with
 * its parameters bound as RDF terms by substitution (the query text is never edited), over the
 * union graph with inferences.
 */
public final class QueryRoutes {
    /**
     * One RDF term of a row of a named query's answer, as the SPARQL 1.1 Query Results JSON Format
     * writes it (Jena's writer writes the answers; this record only describes them, for each
     * library query's schema in /openapi.json, {@link OpenApi}).
     */
    @Describe(name = "RdfTerm", description = "An RDF term in the SPARQL 1.1 Query Results JSON Format")
    public record RdfTerm(@Describe(allowed = {"uri", "literal", "bnode", "triple"}) String type,
            @Describe(description = "The IRI, the literal's lexical form, or the blank node's label") String value,
            @Describe(description = "A typed literal's datatype IRI") @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String datatype,
            @Describe(description = "A language-tagged literal's language") @com.fasterxml.jackson.annotation.JsonProperty("xml:lang")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String lang) {}

    private static final Set<String> RESERVED = Set.of("format");
    private final QueryLibrary library;
    private final KnowledgeBase kb;
    /** For naming an id parameter nothing in the knowledge base uses, with the nearest ids. */
    private final Knowledge knowledge;
    private final Duration timeout;

    public QueryRoutes(QueryLibrary library, KnowledgeBase kb, Knowledge knowledge, Duration timeout) {
        this.library = library;
        this.kb = kb;
        this.knowledge = knowledge;
        this.timeout = timeout;
    }

    public void list(Context ctx) {
        if (Http.notModified(ctx, kb.version())) return;
        List<Listed> items = new ArrayList<>();
        for (QueryLibrary.NamedQuery q : library.all()) items.add(describe(q));
        ctx.json(new Queries(items.size(), items));
    }

    /** The answer of {@code /api/queries} (its schema in /openapi.json is generated from it). */
    @Describe(name = "Queries", description = "The named-query library")
    public record Queries(int total, List<Listed> items) {}

    /** A named query as the library lists it. */
    @Describe(name = "NamedQuery")
    public record Listed(String name, @Describe(description = "Where to run it") String href, String summary, String description,
            @Describe(description = "Its parameters, bound as RDF terms: name, type, default and description") List<QueryLibrary.Param> params,
            List<String> tags,
            @Describe(nullable = true, description = "What it answers for its default parameters, in words") String example,
            @Describe(allowed = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}) String type,
            @Describe(description = "The query's text (the web UI's SPARQL editor preloads the library as examples)") String sparql) {}

    private static Listed describe(QueryLibrary.NamedQuery q) {
        // The text, for the web UI's SPARQL editor (it preloads the library as examples).
        return new Listed(q.name(), "/api/queries/" + q.name(), q.summary(), q.description(), q.params(), q.tags(), q.example(),
                q.query().queryType().name(), q.query().serialize());
    }

    public void run(Context ctx) {
        String name = ctx.pathParam("name");
        QueryLibrary.NamedQuery q = library.get(name);
        if (q == null) {
            List<String> names = library.all().stream().map(QueryLibrary.NamedQuery::name)
                    .filter(n -> n.contains(name.toLowerCase(Locale.ROOT)) || IdIndex.levenshtein(n, name.toLowerCase(Locale.ROOT), 2) <= 2)
                    .toList();
            throw new ProblemException(Problem.of(404, "No named query '" + name + "'; GET /api/queries lists them")
                    .withSuggestions(names));
        }
        Map<String, Node> bindings = bind(ctx, q);
        // An id parameter nothing uses (subject=Xenn) is a typo: named, with the nearest ids, not an empty answer.
        knowledge.read(catalog -> {
            for (QueryLibrary.Param p : q.params())
                if (p.type().equals("iri") && bindings.get(p.name()) != null) Ids.refuseUnused(catalog, p.name(), bindings.get(p.name()));
            return null;
        });
        if (Http.notModified(ctx, kb.version())) return;

        boolean graphResult = q.query().isConstructType() || q.query().isDescribeType();
        List<String> offered = graphResult ? List.of("text/turtle", "application/ld+json", "application/n-triples")
                : List.of("application/sparql-results+json", "application/json", "text/csv");
        String type = Http.negotiate(ctx, offered);
        if (type == null)
            throw ProblemException.of(406, "This query answers in " + String.join(", ", offered));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            kb.read(snapshot -> {
                QueryExecBuilder b = QueryExec.dataset(snapshot.dataset()).query(q.query()).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                bindings.forEach((k, v) -> b.substitution(Var.alloc("_" + k), v));
                try (QueryExec exec = b.build()) {
                    if (graphResult) {
                        Lang lang = switch (type) {
                            case "application/ld+json" -> Lang.JSONLD;
                            case "application/n-triples" -> Lang.NTRIPLES;
                            default -> Lang.TURTLE;
                        };
                        RDFDataMgr.write(out, exec.construct(), lang);
                    } else {
                        var lang = type.equals("text/csv") ? ResultSetLang.RS_CSV : ResultSetLang.RS_JSON;
                        if (q.query().isAskType()) ResultsWriter.create().lang(lang).build().write(out, exec.ask());
                        else ResultsWriter.create().lang(lang).build().write(out, exec.select());
                    }
                }
                return null;
            });
        } catch (QueryCancelledException e) {
            throw ProblemException.of(503, "The query took longer than " + timeout.toSeconds() + " s");
        }
        ctx.contentType(type.equals("text/csv") ? "text/csv; charset=utf-8" : type).result(out.toByteArray());
    }

    /** The request's parameters (other than the reserved ones) bound as the query declares them ({@link QueryLibrary.NamedQuery#bind}). */
    private static Map<String, Node> bind(Context ctx, QueryLibrary.NamedQuery q) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : ctx.queryParamMap().keySet())
            if (!RESERVED.contains(name)) given.put(name, ctx.queryParam(name));
        return q.bind(given);
    }
}
