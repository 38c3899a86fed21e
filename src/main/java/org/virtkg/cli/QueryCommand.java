package org.virtkg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.virtkg.sparql.SparqlErrors;
import org.virtkg.sparql.SparqlSafety;
import org.virtkg.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code virtkg query}: run a SPARQL query against the store or a running server. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL query (from FILE, or - for stdin) and print the results.",
                "Works on the store directly (--db; the server must not be running on it), on the shipped knowledge",
                "in a throwaway store (--mem), or on a running server (--url)."})
public final class QueryCommand implements Callable<Integer> {
    /** The formats {@code -f} takes; each suits rows (SELECT, ASK), a graph (CONSTRUCT, DESCRIBE), or both. */
    enum Format {
        text(true, true), json(true, false), xml(true, true), csv(true, false), tsv(true, false),
        turtle(false, true), ntriples(false, true), jsonld(false, true);

        final boolean rows;
        final boolean graph;

        Format(boolean rows, boolean graph) {
            this.rows = rows;
            this.graph = graph;
        }

        /** "text, json, xml, csv, tsv": the formats that suit rows, or a graph. */
        static String suiting(boolean rows) {
            return String.join(", ", java.util.Arrays.stream(values()).filter(f -> rows ? f.rows : f.graph).map(Enum::name).toList());
        }
    }

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The query file, or - to read stdin.")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = {"Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                    "SELECT and ASK: text (a table; true or false), json, xml, csv, tsv; CONSTRUCT and DESCRIBE: text (Turtle), turtle, ntriples,",
                    "jsonld, xml (RDF/XML). A format that does not suit the query is refused (exit 2)."})
    Format format;

    @Option(names = "--url", paramLabel = "URL", description = "A running server: its address (http://localhost:8080, meaning its /sparql) or a SPARQL endpoint.")
    String url;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = {"A parameter of a query-library file (queries/*.rq, its '#+ params:' header), e.g. -p technology=KVM;",
                    "a parameter not given takes the header's default, as GET /api/queries/{name} does."})
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws IOException {
        String text;
        if ("-".equals(source)) {
            text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } else {
            Path p = Path.of(source);
            if (!Files.isReadable(p)) {
                System.err.println("virtkg query: cannot read " + source);
                return 2;
            }
            text = Files.readString(p);
        }
        // Read as the query library reads its files: a '#+' header, if any, then the query; a
        // library query takes its parameters as the server does (given, or the default).
        org.virtkg.api.QueryLibrary.NamedQuery named;
        try {
            named = org.virtkg.api.QueryLibrary.parse("-".equals(source) ? "stdin" : Path.of(source).getFileName().toString().replaceFirst("\\.rq$", ""), text);
        } catch (QueryParseException e) {
            System.err.println("virtkg query: " + SparqlErrors.describe(e));
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("virtkg query: the '#+' header: " + e.getMessage());
            return 2;
        }
        Query query;
        try {
            query = named.params().isEmpty() && params.isEmpty() ? named.query() : named.with(named.bind(params));
        } catch (org.virtkg.api.ProblemException e) {
            System.err.println("virtkg query: " + e.problem().detail());
            return 2;
        }
        String unsuited = unsuited(query, format);
        if (unsuited != null) {
            // Before any store is opened or server asked: the answer could not be printed as asked.
            System.err.println("virtkg query: " + unsuited);
            return 2;
        }
        if (url != null) {
            String endpoint = endpoint(url);
            try (RDFLink link = RDFLink.connect(endpoint); QueryExec exec = link.query(query)) {
                print(exec, query, System.out);
            } catch (org.apache.jena.atlas.web.HttpException | org.apache.jena.query.QueryException e) {
                System.err.println("virtkg query: " + remoteFailure(endpoint, e));
                return 1;
            }
            return 0;
        }
        SparqlSafety.applyGlobally();
        // A throwaway store holds the shipped knowledge (StoreOptions.openExisting), as on a server started with --mem.
        try (KnowledgeStore kb = store.openExisting()) {
            Txn.executeRead(kb.dataset(), () -> {
                try (QueryExec exec = QueryExec.dataset(kb.dataset()).query(query).build()) {
                    print(exec, query, System.out);
                }
            });
        }
        return 0;
    }

    /** The SPARQL endpoint at {@code url}: a virtkg server's own address (nothing after the host) means its /sparql. */
    static String endpoint(String url) {
        java.net.URI u;
        try {
            u = java.net.URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return url;
        }
        String path = u.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) return url.strip().replaceAll("/+$", "") + "/sparql";
        return url.strip();
    }

    /** Why a server could not answer, in words: not reached, refused (its status and message), or not a SPARQL endpoint. */
    private static String remoteFailure(String endpoint, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof java.io.IOException)
            return "cannot reach " + endpoint + " (" + rootCause(e) + "); is the server running, and is that its address?";
        int status = e instanceof org.apache.jena.atlas.web.HttpException h ? h.getStatusCode()
                : e instanceof org.apache.jena.sparql.engine.http.QueryExceptionHTTP q ? q.getStatusCode() : -1;
        String body = e instanceof org.apache.jena.atlas.web.HttpException h && h.getResponse() != null ? h.getResponse().strip() : "";
        if (status > 0 && status != 200)
            return "the server at " + endpoint + " refused the query (HTTP " + status + ")" + (body.isEmpty() ? "" : ": " + body);
        return endpoint + " did not answer as a SPARQL endpoint; give the server's address or its /sparql endpoint, e.g. http://localhost:8080";
    }

    /** A network error as people say it: connection refused, unknown host, else the innermost cause's message. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) return "connection refused";
            if (t instanceof java.net.UnknownHostException) return "unknown host " + t.getMessage();
            if (t instanceof java.net.http.HttpTimeoutException) return "no answer in time";
            root = t;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Why {@code format} does not suit {@code query}'s kind (a SELECT printed as Turtle would
     * silently be a text table), with the formats that do; null when it suits.
     */
    static String unsuited(Query query, Format format) {
        boolean rows = query.isSelectType() || query.isAskType();
        if (rows ? format.rows : format.graph) return null;
        String kind = query.isSelectType() ? "a SELECT gives rows" : query.isAskType() ? "an ASK gives true or false"
                : query.isConstructType() ? "a CONSTRUCT gives a graph" : "a DESCRIBE gives a graph";
        return kind + ", which the format '" + format + "' does not write; use -f with one of " + Format.suiting(rows)
                + (rows ? "" : " (text and turtle are Turtle, xml is RDF/XML)");
    }

    private void print(QueryExec exec, Query query, PrintStream out) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            switch (format) {
                case json -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_JSON);
                case xml -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_XML);
                case csv -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_CSV);
                case tsv -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_TSV);
                default -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_Text);
            }
        } else if (query.isAskType()) {
            boolean b = exec.ask();
            switch (format) {
                case json -> ResultSetMgr.write(out, b, ResultSetLang.RS_JSON);
                case xml -> ResultSetMgr.write(out, b, ResultSetLang.RS_XML);
                case csv -> ResultSetMgr.write(out, b, ResultSetLang.RS_CSV);
                case tsv -> ResultSetMgr.write(out, b, ResultSetLang.RS_TSV);
                default -> out.println(b);
            }
        } else {
            var graph = query.isConstructType() ? exec.construct() : exec.describe();
            Lang lang = switch (format) {
                case ntriples -> Lang.NTRIPLES;
                case jsonld -> Lang.JSONLD;
                case xml -> Lang.RDFXML;
                default -> Lang.TURTLE;
            };
            RDFDataMgr.write(out, graph, lang);
        }
        out.flush();
    }
}
