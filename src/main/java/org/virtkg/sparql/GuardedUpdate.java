package org.virtkg.sparql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update with virtkg's rules checked before anything executes.
 *
 * <p>The request body is read once (up to a cap), parsed, and checked by {@link UpdatePolicy};
 * only then does Fuseki's own processor run it, from the buffered bytes, in one transaction.
 */
public final class GuardedUpdate extends SPARQL_Update {
    private final long maxBytes;

    public GuardedUpdate(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body = readCapped(input);
        String text = new String(body, StandardCharsets.UTF_8);
        UpdateRequest request;
        try {
            request = UpdateFactory.create(text);
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest(SparqlErrors.describe(ex));
            return;
        } catch (StackOverflowError ex) {
            ServletOps.errorBadRequest("The update is nested too deeply to parse");
            return;
        }
        String refusal = UpdatePolicy.check(request);
        if (refusal != null) {
            // Fuseki sizes error bodies in chars, so keep its messages ASCII.
            String message = refusal.substring(refusal.indexOf(':') + 1).trim().replaceAll("[^\\x20-\\x7E]", "?");
            ServletOps.error(refusal.startsWith(UpdatePolicy.FORBIDDEN) ? 403 : 400, message);
            return;
        }
        super.execute(action, new ByteArrayInputStream(body));
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
}
