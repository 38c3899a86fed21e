package org.virtkg.sparql;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide settings that make SPARQL and RDF parsing safe to expose: no request can make
 * the server fetch a URL or read a local file.
 *
 * <p>Each setting closes one door Jena leaves open by default:
 * <ul>
 *   <li>{@code SERVICE <…>} is allowed unless {@link Service#httpServiceAllowed} is false;</li>
 *   <li>JSON-LD (Titanium) fetches {@code http}, {@code https} and {@code file} contexts unless a
 *       document loader that refuses is set under {@link LangJSONLD11#JSONLD_OPTIONS};</li>
 *   <li>script functions run only when the system property {@code jena:scripting} is set.</li>
 * </ul>
 * {@code LOAD} is refused per request by {@code app.GuardedUpdate}, because Jena 6.2.0 ignores a
 * restricted stream manager for {@code LOAD … INTO}.
 */
public final class SparqlSafety {
    private static final Logger LOG = LoggerFactory.getLogger(SparqlSafety.class);
    private static final String SCRIPTING_PROPERTY = "jena:scripting";

    private SparqlSafety() {}

    /** Applies the settings to Jena's global contexts. Idempotent. */
    public static synchronized void applyGlobally() {
        if (System.getProperty(SCRIPTING_PROPERTY) != null) {
            LOG.warn("System property {} was set; virtkg clears it so SPARQL cannot run scripts", SCRIPTING_PROPERTY);
            System.clearProperty(SCRIPTING_PROPERTY);
        }
        harden(ARQ.getContext());
        harden(RIOT.getContext());
        BoundedValues.install();
    }

    /** Applies the settings to one context (a dataset's or a request's). */
    public static void harden(Context context) {
        context.set(Service.httpServiceAllowed, false);
        context.set(LangJSONLD11.JSONLD_OPTIONS, noRemoteDocuments());
    }

    /** JSON-LD options whose document loader refuses every URL: contexts must be inline. */
    public static JsonLdOptions noRemoteDocuments() {
        return new JsonLdOptions((url, options) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "virtkg does not fetch remote JSON-LD documents (" + url + "); inline the @context");
        });
    }
}
