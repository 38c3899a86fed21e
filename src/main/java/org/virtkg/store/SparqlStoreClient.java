package org.virtkg.store;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.modify.request.QuadAcc;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Everything virtkg says to a remote store, in plain SPARQL 1.1 Query and Update over the SPARQL
 * Protocol — no Graph Store Protocol, no vendor extensions — so it works with any conforming
 * store (Fuseki, GraphDB, Stardog, Amazon Neptune).
 *
 * <p>The store holds, besides the data, the knowledge-base version in {@link Graphs#SYSTEM} and
 * the {@linkplain ChangeLog change log}: one entry per version with the asserted quads it changed,
 * as an RDF Patch. A write is <em>one</em> update operation whose {@code WHERE} clause matches only
 * if the store is still at the version the write was based on; it moves the version on and
 * changes the data, its log entry included, all or nothing. Other instances compare versions and
 * replay the log's entries; there is no second journal. Blank nodes travel as
 * {@linkplain Skolem skolem IRIs}.
 */
final class SparqlStoreClient {
    private static final String SYS = Graphs.BASE + "system#";
    private static final Node SYSTEM = Graphs.node(Graphs.SYSTEM);
    /** The replication journal of earlier versions; no longer written, never read into a copy. */
    private static final Node JOURNAL = Graphs.node(Graphs.JOURNAL);
    /** Marks the log entry of a write with the writer's own id, so that it can tell whether its write landed. */
    static final Node WRITE_ID = NodeFactory.createURI(SYS + "writeId");

    /**
     * One change-log entry as the store holds it: its version, its patch parts (none when the change was
     * too big to keep one) and every quad of the entry itself.
     */
    record LogEntry(long version, List<String> patchParts, List<Quad> quads) {}

    private final RemoteStoreSettings settings;
    private final HttpClient http;
    private final Map<String, String> headers;
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();

    SparqlStoreClient(RemoteStoreSettings settings) {
        this.settings = settings;
        // Redirects are not followed: the operator named the endpoint, and a store that redirects
        // a POST elsewhere is misconfigured. HTTP/1.1 with keep-alive: stores speak it, and the
        // JDK's default attempt to upgrade each plain-http request to HTTP/2 costs time per
        // request (measured: 12 ms against 22 ms per version check on a loaded machine).
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.headers = settings.user() == null ? Map.of()
                : Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)));
    }

    /** The knowledge-base version the store holds now; 0 for a store virtkg never wrote. */
    long version() {
        Query q = QueryFactory.create("SELECT ?v WHERE { GRAPH " + iri(SYSTEM) + " { "
                + iri(KbVersion.SUBJECT) + " " + iri(KbVersion.PREDICATE) + " ?v } }");
        return call("version", "read the version", () -> {
            long v = 0;
            try (QueryExecHTTP exec = query(q)) {
                RowSet rows = exec.select();
                while (rows.hasNext()) v = Math.max(v, longValue(rows.next().get("v")));
            }
            return v;
        });
    }

    /** Every quad outside the journal, blank nodes restored; one query, so one consistent snapshot. */
    List<Quad> fetchAll(Consumer<String> progress) {
        Query q = QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != " + iri(JOURNAL) + ") }");
        return call("fetch", "read the data", () -> {
            List<Quad> out = new ArrayList<>();
            Var g = Var.alloc("g"), s = Var.alloc("s"), p = Var.alloc("p"), o = Var.alloc("o");
            try (QueryExecHTTP exec = query(q)) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    Binding b = rows.next();
                    out.add(Skolem.fromStore(Quad.create(b.get(g), b.get(s), b.get(p), b.get(o))));
                    if (out.size() % 200_000 == 0) progress.accept(String.format(Locale.ROOT, "fetched %,d quads…", out.size()));
                }
            }
            return out;
        });
    }

    /** The change-log entries with a version above {@code after}, oldest first, with their quads. */
    List<LogEntry> changesAfter(long after) {
        Node log = ChangeLog.GRAPH;
        Query q = QueryFactory.create("SELECT ?v ?e ?p ?o WHERE { GRAPH " + iri(log) + " { ?e " + iri(ChangeLog.SEQ)
                + " ?v ; ?p ?o } FILTER(?v > " + after + ") } ORDER BY ?v");
        return call("changes", "read the change log", () -> {
            java.util.TreeMap<Long, List<Quad>> byVersion = new java.util.TreeMap<>();
            java.util.Map<Long, List<String>> patches = new java.util.HashMap<>();
            Var v = Var.alloc("v"), e = Var.alloc("e"), p = Var.alloc("p"), o = Var.alloc("o");
            try (QueryExecHTTP exec = query(q)) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    Binding b = rows.next();
                    long version = longValue(b.get(v));
                    byVersion.computeIfAbsent(version, k -> new ArrayList<>()).add(Quad.create(log, b.get(e), b.get(p), b.get(o)));
                    if (ChangeLog.PATCH.equals(b.get(p))) patches.computeIfAbsent(version, k -> new ArrayList<>()).add(b.get(o).getLiteralLexicalForm());
                }
            }
            List<LogEntry> out = new ArrayList<>();
            byVersion.forEach((version, quads) -> out.add(new LogEntry(version, patches.getOrDefault(version, List.of()), quads)));
            return out;
        });
    }

    /**
     * Applies a change to the store if, and only if, the store is still at version {@code from}.
     *
     * @throws StoreConflictException    another instance moved the store on first; nothing applied
     * @throws StoreUnavailableException the store did not answer; the outcome is unknown
     */
    void publish(long from, long to, Collection<Quad> added, Collection<Quad> deleted, String writeId) {
        UpdateModify op = new UpdateModify();
        op.setHasDeleteClause(true);
        op.setHasInsertClause(true);
        QuadAcc del = op.getDeleteAcc();
        QuadAcc ins = op.getInsertAcc();
        Var v = Var.alloc("v");
        if (from > 0) del.addQuad(Quad.create(SYSTEM, KbVersion.SUBJECT, KbVersion.PREDICATE, v));
        for (Quad q : deleted) del.addQuad(Skolem.toStore(q));
        ins.addQuad(Quad.create(SYSTEM, KbVersion.SUBJECT, KbVersion.PREDICATE, KbVersion.literal(to)));
        for (Quad q : added) ins.addQuad(Skolem.toStore(q));
        Quad mark = writeMark(to, writeId);
        ins.addQuad(mark);
        // The precondition: the version is still `from` (compared by value, whatever integer
        // type the store keeps), or, for the very first write, there is no version yet.
        String versionPattern = "GRAPH " + iri(SYSTEM) + " { " + iri(KbVersion.SUBJECT) + " " + iri(KbVersion.PREDICATE) + " ?v }";
        op.setElement(from > 0
                ? parseWhere("{ " + versionPattern + " FILTER(?v = " + from + ") }")
                : parseWhere("{ FILTER NOT EXISTS { " + versionPattern + " } }"));
        UpdateRequest request = new UpdateRequest(op);
        call("update", "write", () -> {
            UpdateExecHTTP.newBuilder().endpoint(settings.updateUrl()).httpClient(http).httpHeaders(headers)
                    .timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).update(request).build().execute();
            return null;
        });
        // SPARQL Update says nothing about how many solutions matched, so ask whether our entry is there.
        String ask = "ASK { GRAPH " + iri(mark.getGraph()) + " { " + iri(mark.getSubject()) + " " + iri(WRITE_ID) + " "
                + FmtUtils.stringForNode(mark.getObject()) + " } }";
        boolean applied = call("confirm", "confirm the write", () -> {
            try (QueryExecHTTP exec = query(QueryFactory.create(ask))) {
                return exec.ask();
            }
        });
        if (!applied) {
            meters.counter("virtkg.store.conflicts").increment();
            throw new StoreConflictException("The store moved past version " + from + " before this write reached it");
        }
    }

    /** The quad that marks version {@code to}'s log entry as written by {@code writeId}. */
    static Quad writeMark(long to, String writeId) {
        return Quad.create(ChangeLog.GRAPH, ChangeLog.iri(to), WRITE_ID, NodeFactory.createLiteralString(writeId));
    }

    private QueryExecHTTP query(Query q) {
        return QueryExecHTTPBuilder.create().endpoint(settings.queryUrl()).httpClient(http).httpHeaders(headers)
                .timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).query(q).build();
    }

    private static ElementGroup parseWhere(String group) {
        return (ElementGroup) QueryFactory.create("SELECT * WHERE " + group).getQueryPattern();
    }

    private interface Call<T> {
        T run();
    }

    /**
     * Runs one exchange with the store, timed under {@code virtkg.store.requests{op, outcome}}; any
     * failure of the exchange becomes a {@link StoreUnavailableException}.
     */
    private <T> T call(String op, String what, Call<T> call) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T result = call.run();
            outcome = "ok";
            return result;
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Could not " + what + " at the SPARQL store " + settings.displayUrl() + ": "
                    + describe(e), e);
        } finally {
            sample.stop(Timer.builder("virtkg.store.requests")
                    .description("Requests to the remote SPARQL store, by operation and outcome")
                    .tag("op", op).tag("outcome", outcome).register(meters));
        }
    }

    /** Where this client's meters go: nowhere until {@link RemoteKnowledgeStore#bindMetrics} adds a registry. */
    CompositeMeterRegistry meters() {
        return meters;
    }

    /**
     * What went wrong, in words an operator can act on: the HTTP status and the store's own
     * message, or the network failure. Jena's messages repeat the request URL, query and all,
     * which says nothing the operator does not know.
     */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return "connection refused (is the store running, and is the URL right?)";
            if (t instanceof java.net.http.HttpConnectTimeoutException) return "no connection within the timeout";
            if (t instanceof java.net.http.HttpTimeoutException) return "no answer within the timeout (--store-timeout)";
            if (t instanceof java.net.UnknownHostException) return "unknown host " + t.getMessage();
            if (t instanceof javax.net.ssl.SSLException) return "TLS failed: " + t.getMessage();
            int status = t instanceof QueryExceptionHTTP q ? q.getStatusCode() : t instanceof HttpException h ? h.getStatusCode() : -1;
            if (status > 0) {
                String body = t instanceof QueryExceptionHTTP q ? q.getResponse() : ((HttpException) t).getResponse();
                String hint = status == 401 || status == 403 ? " (check --store-user and the password)"
                        : status == 404 ? " (check the endpoint URL)" : "";
                return "HTTP " + status + hint + (body == null || body.isBlank() ? "" : ": " + abbreviate(body.strip()));
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()));
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    private static long longValue(Node n) {
        if (n == null || !n.isLiteral()) return 0;
        Object v = n.getLiteralValue();
        if (v instanceof Number num) return num.longValue();
        return Long.parseLong(n.getLiteralLexicalForm());
    }

    private static String iri(Node n) {
        return "<" + n.getURI() + ">";
    }
}
