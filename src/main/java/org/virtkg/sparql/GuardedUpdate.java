package org.virtkg.sparql;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.update.UpdateException;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.virtkg.api.Problem;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;

/**
 * SPARQL Update with virtkg's life cycle: <em>parse</em> the whole body, <em>check</em> it with
 * {@link UpdatePolicy} before anything runs, then <em>perform</em> it through
 * {@link KnowledgeBase#write}, which validates the result (graph rules, consistency) and commits it
 * with its inferences in one transaction — or keeps nothing.
 *
 * <p>Fuseki still does the protocol part (HTTP method, content types, form or body).
 */
public final class GuardedUpdate extends SPARQL_Update {
    private final KnowledgeBase kb;
    private final long maxBytes;

    public GuardedUpdate(KnowledgeBase kb, long maxBytes) {
        this.kb = kb;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body = readCapped(input);
        UpdateRequest request;
        try {
            request = UpdateFactory.create(new String(body, StandardCharsets.UTF_8));
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest(ascii(SparqlErrors.describe(ex)));
            return;
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The update is nested too deeply to parse");
            return;
        }
        String refusal = UpdatePolicy.check(request);
        if (refusal != null) {
            ServletOps.error(refusal.startsWith(UpdatePolicy.FORBIDDEN) ? 403 : 400,
                    ascii(refusal.substring(refusal.indexOf(':') + 1).trim()));
            return;
        }
        try {
            kb.write(dsg -> UpdateExec.dataset(dsg).update(request).execute());
        } catch (WriteRejectedException ex) {
            int status = "forbidden".equals(ex.kind()) ? 403 : 422;
            writeProblem(action.getResponse(), Problem.of(status, ex.getMessage()).with("report", ex.report()));
            return;
        } catch (UpdateException ex) {
            ServletOps.errorBadRequest(ascii("The update failed and nothing was changed: " + ex.getMessage()));
            return;
        }
        ServletOps.successNoContent(action);
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

    private static void writeProblem(HttpServletResponse response, Problem problem) {
        try {
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(problem.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The client went away; nothing was committed, nothing more to do.
        }
    }

    /** Fuseki sizes plain-text error bodies in chars, so its messages must stay ASCII. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
