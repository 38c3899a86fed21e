package org.virtkg.sparql;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.engine.binding.Binding;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuseki's SPARQL query processor with virtkg's bounds: the text is capped and parsed with a real
 * error message (Jena reports {@code null} or overflows the stack on very deep nesting), the parsed
 * query is checked by {@link QueryPolicy}, and a {@link StackOverflowError} during evaluation — an
 * Error, not an Exception — becomes a 400 instead of killing the worker's request.
 */
public final class GuardedQuery extends SPARQL_QueryDataset {
    /** Default of the {@code max-query-length} setting. */
    public static final int MAX_QUERY_LENGTH = 100_000;
    /** Default of the {@code max-rows} setting: largest SELECT result sent; beyond it the answer is cut and says so in {@link #TRUNCATED}. */
    public static final int MAX_ROWS = 50_000;
    public static final String TRUNCATED = "X-Virtkg-Truncated";

    private final int maxQueryLength;
    private final int maxRows;
    private final String tooLong;

    /** The processor with the default limits. */
    public GuardedQuery() {
        this(MAX_QUERY_LENGTH, MAX_ROWS);
    }

    /** The processor with the deployment's limits ({@code max-query-length}, {@code max-rows}). */
    public GuardedQuery(int maxQueryLength, int maxRows) {
        this(maxQueryLength, maxRows, "The query is longer than " + maxQueryLength + " characters");
    }

    /**
     * {@link #GuardedQuery(int, int)}, with {@code tooLong} what a longer query is told: the server
     * names the setting that raises the limit there (this layer knows nothing of settings).
     */
    public GuardedQuery(int maxQueryLength, int maxRows, String tooLong) {
        this.maxQueryLength = maxQueryLength;
        this.maxRows = maxRows;
        this.tooLong = tooLong;
    }

    /** What a request whose body is of another type is told (with the type it sent): every way a query may come. */
    public static final String BODY_TYPES = "Send a query as application/sparql-query (the query itself as the body), as "
            + "application/x-www-form-urlencoded (query=...), or with GET and ?query=...";

    /** What an update sent to the query endpoint (as a body, a form or a query text) is told: where it goes. */
    public static final String UPDATE_SENT_HERE = "This is a SPARQL Update, not a query: send it to /update (with a token that may write)";

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString == null || queryString.isBlank())
            ServletOps.errorBadRequest("No query: send it as the parameter query=... or as the body (application/sparql-query)");
        if (queryString.length() > maxQueryLength)
            ServletOps.error(413, tooLong);
        try {
            QueryFactory.create(queryString, Syntax.syntaxARQ);
        } catch (QueryParseException ex) {
            if (isUpdate(queryString))
                ServletOps.errorBadRequest(UPDATE_SENT_HERE);
            ServletOps.errorBadRequest(SparqlErrors.ascii(SparqlErrors.describe(ex)));
        } catch (org.apache.jena.sparql.expr.ExprEvalException ex) {
            ServletOps.errorBadRequest(SparqlErrors.ascii(SparqlErrors.describe(ex)));
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The query is nested too deeply to parse; flatten its groups or OPTIONALs");
        }
        super.execute(queryString, action);
    }

    private static boolean isUpdate(String text) {
        try {
            org.apache.jena.update.UpdateFactory.create(text);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /**
     * A request whose Accept header takes none of the formats the query's kind answers in (results
     * for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE) is a 406 naming them: Fuseki would answer
     * in its default format instead, which the client said it cannot read. An explicit
     * {@code format}/{@code output} parameter overrides the header, as in Fuseki.
     */
    private static void checkAcceptable(HttpAction action, Query query) {
        String accept = action.getRequestHeader("Accept");
        if (accept == null || accept.isBlank() || action.getRequestParameter("format") != null || action.getRequestParameter("output") != null)
            return;
        org.apache.jena.atlas.web.AcceptList offers = query.isSelectType() ? org.apache.jena.fuseki.DEF.rsOfferTable
                : query.isAskType() ? org.apache.jena.fuseki.DEF.rsOfferBoolean : org.apache.jena.fuseki.DEF.rdfOffer;
        org.apache.jena.atlas.web.AcceptList asked;
        try {
            asked = new org.apache.jena.atlas.web.AcceptList(accept);
        } catch (RuntimeException e) {
            return; // an unreadable header: left to Fuseki, as before
        }
        if (org.apache.jena.atlas.web.AcceptList.match(asked, offers) == null)
            ServletOps.error(406, "A " + (query.isSelectType() ? "SELECT" : query.isAskType() ? "ASK" : query.isConstructType() ? "CONSTRUCT" : "DESCRIBE")
                    + " query answers in " + String.join(", ", offers.entries().stream().map(m -> m.getContentTypeStr()).distinct().toList())
                    + "; the request accepts only " + accept);
    }

    /** An update sent as the Protocol's form ({@code update=…}) to this endpoint is pointed to /update, not told "no query=". */
    @Override
    public void validate(HttpAction action) {
        if (action.getRequestParameter(HttpNames.paramQuery) == null && action.getRequestParameter(HttpNames.paramUpdate) != null)
            ServletOps.errorBadRequest(UPDATE_SENT_HERE);
        super.validate(action);
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        checkAcceptable(action, query);
        String refusal = QueryPolicy.check(query);
        if (refusal != null) ServletOps.errorBadRequest(SparqlErrors.ascii("Query refused: " + refusal));
    }

    /** Runs the query with its value-growing operations bounded ({@link BoundedValues}). */
    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        return super.createQueryExec(action, BoundedValues.apply(query), dataset);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        BoundedValues.takeStop();
        try {
            QueryExecResult result = capRows(action, super.executeQuery(action, queryExec, query, queryStringLog));
            stoppedForSize(null);
            return result;
        } catch (RuntimeException ex) {
            // A value grew past its limit: the exception itself, or the cancellation it caused.
            stoppedForSize(ex);
            throw ex;
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The query is nested too deeply to evaluate; flatten its groups or OPTIONALs");
            return null;
        }
    }

    /** A 400 saying which value grew too large, when {@link BoundedValues} stopped the query. */
    private static void stoppedForSize(RuntimeException cause) {
        BoundedValues.ValueTooLarge reason = BoundedValues.takeStop();
        if (reason == null && cause instanceof BoundedValues.ValueTooLarge v) reason = v;
        if (reason != null) ServletOps.errorBadRequest(SparqlErrors.ascii("Query stopped: " + reason.getMessage()));
    }

    /**
     * Reads at most {@code maxRows} + 1 rows: if there are more, only the first {@code maxRows}
     * are sent, and the response header {@link #TRUNCATED} says so (SPARQL result formats have no
     * place for it). Reading ahead happens before any byte is written, so the header can be set.
     */
    private QueryExecResult capRows(HttpAction action, QueryExecResult result) {
        if (result == null || !result.isRowSet()) return result;
        RowSet rows = result.rowSet();
        List<Binding> head = new ArrayList<>();
        while (rows.hasNext() && head.size() <= maxRows) head.add(rows.next());
        if (head.size() > maxRows) {
            head.remove(head.size() - 1);
            action.setResponseHeader(TRUNCATED, "true; rows=" + maxRows + "; add LIMIT/OFFSET to page through the rest");
        }
        return new QueryExecResult(RowSetStream.create(rows.getResultVars(), head.iterator()));
    }
}
