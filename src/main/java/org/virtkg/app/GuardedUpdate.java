package org.virtkg.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.Update;
import org.virtkg.store.Graphs;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.update.UpdateException;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.virtkg.api.Problem;
import org.virtkg.api.ProblemException;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.sparql.SparqlErrors;
import org.virtkg.sparql.UpdatePolicy;
import org.virtkg.store.StoreConflictException;
import org.virtkg.store.StoreUnavailableException;

/**
 * SPARQL Update with virtkg's life cycle: <em>parse</em> the whole body, <em>check</em> it with
 * {@link UpdatePolicy} before anything runs, then <em>perform</em> it through
 * {@link KnowledgeBase#write}, which validates the result (graph rules, consistency) and commits it
 * with its inferences in one transaction — or keeps nothing.
 *
 * <p>Fuseki still validates the protocol (HTTP method, parameters) before {@link #execute}.
 */
public final class GuardedUpdate extends SPARQL_Update {
    private final KnowledgeBase kb;
    private final org.virtkg.api.BodyLimit limit;

    /** Updates of at most {@code limit} ({@code max-update}). */
    public GuardedUpdate(KnowledgeBase kb, org.virtkg.api.BodyLimit limit) {
        this.kb = kb;
        this.limit = limit;
    }

    /**
     * Replaces Fuseki's execution entirely (Fuseki would buffer the body without a cap and answer
     * 204 after us); Fuseki's {@code validate} step (method, parameters) still runs before this.
     */
    /**
     * The base relative IRIs in an update resolve against: the one Fuseki gives queries, so that a
     * relative IRI means the same thing in an update as in a query (the Protocol leaves the base to
     * the service). Without it Jena would resolve them against the server's working directory
     * ({@code file:///…}), storing the server's path in the data.
     */
    public static final String BASE = "http://server/unset-base/";

    /** What a request whose body is of another type is told (with the type it sent): every way an update may come. */
    static final String BODY_TYPES = "Send an update as application/sparql-update (the update itself as the body) or as "
            + "application/x-www-form-urlencoded (update=...)";

    /** What a query sent to the update endpoint (as a form or as application/sparql-query) is told: where it goes. */
    static final String QUERY_SENT_HERE = "This is a SPARQL query, not an update: send it to /sparql";

    /** A query sent as the Protocol's form ({@code query=…}) to this endpoint is pointed to /sparql, not told "no update=". */
    @Override
    public void validate(HttpAction action) {
        if (action.getRequestParameter(HttpNames.paramUpdate) == null && action.getRequestParameter(HttpNames.paramQuery) != null)
            ServletOps.errorBadRequest(QUERY_SENT_HERE);
        super.validate(action);
    }

    @Override
    public void execute(HttpAction action) {
        String text = requestText(action);
        if (text == null) return;
        UpdateRequest request;
        try {
            request = UpdateFactory.create(text, BASE);
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest(SparqlErrors.ascii(SparqlErrors.describe(ex)));
            return;
        } catch (org.apache.jena.sparql.expr.ExprEvalException ex) {
            ServletOps.errorBadRequest(SparqlErrors.ascii(SparqlErrors.describe(ex)));
            return;
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The update is nested too deeply to parse");
            return;
        }
        String usingProblem = applyProtocolDataset(action, request);
        if (usingProblem != null) {
            ServletOps.errorBadRequest(SparqlErrors.ascii(usingProblem));
            return;
        }
        String refusal = UpdatePolicy.check(request);
        if (refusal != null) {
            ServletOps.error(refusal.startsWith(UpdatePolicy.FORBIDDEN) ? 403 : 400,
                    SparqlErrors.ascii(refusal.substring(refusal.indexOf(':') + 1).trim()));
            return;
        }
        try {
            // Only the admin role reaches /update (FusekiGate checks the token).
            kb.write(ChangeKind.SPARQL_UPDATE, "admin", "SPARQL Update (" + request.getOperations().size() + " operation(s))",
                    dsg -> UpdateExec.dataset(dsg).update(request).execute());
        } catch (WriteRejectedException ex) {
            writeProblem(action, ProblemException.rejected(ex));
            return;
        } catch (UpdateException ex) {
            ServletOps.errorBadRequest(SparqlErrors.ascii("The update failed and nothing was changed: " + ex.getMessage()));
            return;
        } catch (StoreUnavailableException | StoreConflictException ex) {
            action.setResponseHeader("Retry-After", "1");
            writeProblem(action, ProblemException.storeUnavailable(ex));
            return;
        }
        ServletOps.successNoContent(action);
    }

    /** The protocol parameters that name the graphs an update's WHERE reads (SPARQL 1.1 Protocol §2.2). */
    static final String USING_GRAPH = "using-graph-uri", USING_NAMED_GRAPH = "using-named-graph-uri";

    /**
     * Applies {@code using-graph-uri} / {@code using-named-graph-uri} to every operation that has a
     * WHERE, as if each had the same {@code USING} / {@code USING NAMED} clauses. They name graphs of
     * this store — Jena builds the WHERE's dataset from the store's own graphs, so nothing is
     * fetched — and they only choose what the WHERE reads: what the operation may write is still
     * checked by {@link UpdatePolicy} and the change's kind. Returns a problem, or null.
     */
    static String applyProtocolDataset(HttpAction action, UpdateRequest request) {
        List<Node> defaults = new ArrayList<>(), named = new ArrayList<>();
        String problem = graphNames(action.getRequestParameterValues(USING_GRAPH), defaults);
        if (problem == null) problem = graphNames(action.getRequestParameterValues(USING_NAMED_GRAPH), named);
        if (problem != null) return problem;
        if (defaults.isEmpty() && named.isEmpty()) return null;
        for (Update op : request.getOperations()) {
            if (!(op instanceof UpdateWithUsing withUsing)) continue;
            // The Protocol says so: the parameters and USING / USING NAMED / WITH in the request conflict.
            if (!withUsing.getUsing().isEmpty() || !withUsing.getUsingNamed().isEmpty() || withUsing.getWithIRI() != null)
                return "The update has USING, USING NAMED or WITH and the request also sends " + USING_GRAPH + " or "
                        + USING_NAMED_GRAPH + "; the SPARQL 1.1 Protocol makes that an error: use one or the other";
            defaults.forEach(withUsing::addUsing);
            named.forEach(withUsing::addUsingNamed);
        }
        return null;
    }

    /** Adds the parameter's graph names to {@code into}; a problem if one is not an absolute IRI. */
    private static String graphNames(String[] values, List<Node> into) {
        if (values == null) return null;
        for (String iri : values) {
            if (!Graphs.isAbsoluteGraphName(iri))
                return "The parameters " + USING_GRAPH + " and " + USING_NAMED_GRAPH + " take absolute http(s) or urn graph IRIs, not '"
                        + iri + "'";
            into.add(NodeFactory.createURI(iri));
        }
        return null;
    }

    /** The update text from the body or the form, or {@code null} after answering an error. */
    private String requestText(HttpAction action) {
        ContentType type = ContentType.create(action.getRequestContentType() == null ? "" : action.getRequestContentType());
        if (WebContent.contentTypeSPARQLUpdate.equals(type.getContentTypeStr())) {
            try (InputStream in = action.getRequestInputStream()) {
                return new String(readCapped(in), StandardCharsets.UTF_8);
            } catch (IOException e) {
                ServletOps.errorBadRequest("Cannot read the update: " + e.getMessage());
                return null;
            }
        }
        if (WebContent.contentTypeHTMLForm.equals(type.getContentTypeStr())) {
            String update = action.getRequestParameter(HttpNames.paramUpdate);
            if (update == null) ServletOps.errorBadRequest("The form has no 'update' parameter");
            return update;
        }
        // (FusekiGate refuses other types before Fuseki sees them; this is the backstop, in the same words.)
        ServletOps.error(415, BODY_TYPES + " (got " + (type.getContentTypeStr().isEmpty() ? "no Content-Type" : type.getContentTypeStr()) + ")");
        return null;
    }

    private byte[] readCapped(InputStream input) {
        try {
            byte[] body = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
            if (body.length > limit.bytes()) ServletOps.error(413, limit.refusal(BodyLimits.UPDATE));
            return body;
        } catch (IOException e) {
            ServletOps.errorBadRequest("Cannot read the update: " + e.getMessage());
            return new byte[0];
        }
    }

    /** Through the action, so Fuseki's own bookkeeping (status in its log line) agrees. */
    private static void writeProblem(HttpAction action, Problem problem) {
        try {
            action.setResponseStatus(problem.status());
            action.setResponseContentType(Problem.MEDIA_TYPE);
            action.setResponseCharacterEncoding("UTF-8");
            action.getResponseOutputStream().write(problem.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client went away; nothing was committed, nothing more to do.
        }
    }

}
