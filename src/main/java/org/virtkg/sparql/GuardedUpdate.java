package org.virtkg.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.update.UpdateException;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.virtkg.api.Problem;
import org.virtkg.api.ProblemException;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
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
    private final long maxBytes;

    public GuardedUpdate(KnowledgeBase kb, long maxBytes) {
        this.kb = kb;
        this.maxBytes = maxBytes;
    }

    /**
     * Replaces Fuseki's execution entirely (Fuseki would buffer the body without a cap and answer
     * 204 after us); Fuseki's {@code validate} step (method, parameters) still runs before this.
     */
    /** The base updates are parsed against: reserved (RFC 2606), so no IRI written in full starts with it. */
    static final String RELATIVE_BASE = "http://relative-iri.invalid/";

    /** The first relative IRI the update wrote (as written), or null when every IRI is absolute. */
    static String relativeIri(UpdateRequest request) {
        String text = request.toString();
        int at = text.indexOf(RELATIVE_BASE);
        if (at < 0) return null;
        int end = at + RELATIVE_BASE.length();
        while (end < text.length() && text.charAt(end) != '>' && !Character.isWhitespace(text.charAt(end))) end++;
        return text.substring(at + RELATIVE_BASE.length(), end);
    }

    @Override
    public void execute(HttpAction action) {
        String text = requestText(action);
        if (text == null) return;
        if (action.getRequestParameter("using-graph-uri") != null || action.getRequestParameter("using-named-graph-uri") != null) {
            ServletOps.errorBadRequest("using-graph-uri and using-named-graph-uri are not supported; use USING / WITH in the update");
            return;
        }
        UpdateRequest request;
        try {
            // Parsed against a base no real IRI has, so that relative IRIs show (Jena would
            // otherwise resolve them against the server's working directory: file:///…).
            request = UpdateFactory.create(text, RELATIVE_BASE);
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest(ascii(SparqlErrors.describe(ex)));
            return;
        } catch (org.apache.jena.sparql.expr.ExprEvalException ex) {
            ServletOps.errorBadRequest(ascii(SparqlErrors.describe(ex)));
            return;
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The update is nested too deeply to parse");
            return;
        }
        String relative = relativeIri(request);
        if (relative != null) {
            ServletOps.errorBadRequest(ascii("The update uses the relative IRI <" + relative + ">; write absolute IRIs "
                    + "(e.g. <https://w3id.org/virtkg/id/" + relative + ">): a relative one would resolve against nothing meaningful"));
            return;
        }
        String refusal = UpdatePolicy.check(request);
        if (refusal != null) {
            ServletOps.error(refusal.startsWith(UpdatePolicy.FORBIDDEN) ? 403 : 400,
                    ascii(refusal.substring(refusal.indexOf(':') + 1).trim()));
            return;
        }
        try {
            // Only the admin role reaches /update (FusekiGate checks the token).
            kb.write(ChangeKind.SPARQL_UPDATE, "admin", "SPARQL Update (" + request.getOperations().size() + " operation(s))",
                    dsg -> UpdateExec.dataset(dsg).update(request).execute());
        } catch (WriteRejectedException ex) {
            writeProblem(action, ProblemException.rejected(ex, "").problem());
            return;
        } catch (UpdateException ex) {
            ServletOps.errorBadRequest(ascii("The update failed and nothing was changed: " + ex.getMessage()));
            return;
        } catch (StoreUnavailableException | StoreConflictException ex) {
            action.setResponseHeader("Retry-After", "1");
            writeProblem(action, ProblemException.storeUnavailable(ex));
            return;
        }
        ServletOps.successNoContent(action);
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
            String update = action.getRequestParameter("update");
            if (update == null) ServletOps.errorBadRequest("The form has no 'update' parameter");
            return update;
        }
        ServletOps.error(415, "Send the update as application/sparql-update, or as a form with an 'update' parameter");
        return null;
    }

    private byte[] readCapped(InputStream input) {
        try {
            byte[] body = input.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) ServletOps.error(413, "The update is larger than " + maxBytes + " bytes");
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

    /** Fuseki sizes plain-text error bodies in chars, so its messages must stay ASCII. */
    static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
