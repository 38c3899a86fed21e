package org.virtkg.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.virtkg.knowledge.Knowledge;

/**
 * The ontology published where its IRI would redirect ({@code https://w3id.org/virtkg/ontology} →
 * {@code GET /ontology}, see docs/ontology.md): Turtle, RDF/XML, JSON-LD, N-Triples or HTML
 * documentation by content negotiation, the same at its version IRI ({@code /ontology/{version}}),
 * and a "how to cite and reuse" page ({@code /ontology/cite}). Every representation is a function of
 * the knowledge-base version, so it carries that version's weak ETag (304 on a match) and is built
 * once per version.
 */
public final class OntologyRoutes {
    /** Offered in this order of preference: curl's {@code *}{@code /*} gets Turtle, as at /id/{name}; plain JSON clients get JSON-LD. */
    static final List<String> FORMATS = List.of("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples",
            "text/html", "application/json");
    static final List<String> CITE_FORMATS = List.of("text/html", "application/x-bibtex");
    /** Versions whose model is kept: the newest, and the one a reader that started before a write still sees. */
    static final int MODELS_KEPT = 2;
    /** Rendered bodies kept (a version's formats and pages). */
    static final int BODIES_KEPT = 24;

    private final Knowledge knowledge;
    private final Cache<Long, PublishedOntology> models = Caffeine.newBuilder().maximumSize(MODELS_KEPT).build();
    private final Cache<String, byte[]> bodies = Caffeine.newBuilder().maximumSize(BODIES_KEPT).build();

    public OntologyRoutes(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** {@code GET /ontology} */
    public void ontology(Context ctx) {
        String type = negotiate(ctx, FORMATS, "The ontology is available as ");
        serve(ctx, current(), type);
    }

    /** {@code GET /ontology/{version}}: the version IRI's document, while it is the current version. */
    public void version(Context ctx) {
        String type = negotiate(ctx, FORMATS, "The ontology is available as ");
        PublishedOntology o = current();
        var versionIri = o.metadata().versionIri();
        String asked = o.metadata().iri().getURI() + "/" + ctx.pathParam("version");
        if (versionIri == null || !versionIri.getURI().equals(asked))
            throw ProblemException.of(404, "This server publishes " + (versionIri == null ? "an unversioned ontology"
                    : "version " + versionIri.getURI()) + " of the ontology, at /ontology; it serves no other version ('" + ctx.pathParam("version") + "' is not it).");
        serve(ctx, o, type);
    }

    /** {@code GET /ontology/cite} */
    public void cite(Context ctx) {
        String type = negotiate(ctx, CITE_FORMATS, "How to cite the ontology is available as ");
        PublishedOntology o = current();
        if (Http.notModified(ctx, o.version())) return;
        if (type.equals("application/x-bibtex")) {
            ctx.contentType("application/x-bibtex; charset=utf-8").result(OntologyPages.bibtex(o.metadata()));
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(body(o, "cite", () -> OntologyPages.cite(o).getBytes(StandardCharsets.UTF_8)));
    }

    private static String negotiate(Context ctx, List<String> offered, String what) {
        String type = Http.negotiate(ctx, offered);
        if (type == null) throw ProblemException.of(406, what + String.join(", ", offered));
        return type;
    }

    /** The published ontology of the version this request's read transaction sees, built once per version. */
    private PublishedOntology current() {
        return knowledge.read(catalog -> {
            long version = catalog.version();
            // Computed in this thread, inside this transaction, so the model is exactly that version's.
            return models.get(version, v -> PublishedOntology.read(v, catalog.dataset(), catalog::label));
        });
    }

    private void serve(Context ctx, PublishedOntology o, String type) {
        if (Http.notModified(ctx, o.version())) return;
        if (type.equals("text/html")) {
            ctx.contentType("text/html; charset=utf-8").result(body(o, type, () -> OntologyPages.documentation(o).getBytes(StandardCharsets.UTF_8)));
            return;
        }
        String served = type.equals("application/json") ? "application/ld+json" : type;
        RDFFormat format = switch (served) {
            case "application/rdf+xml" -> RDFFormat.RDFXML_PRETTY;
            case "application/ld+json" -> RDFFormat.JSONLD_PRETTY;
            case "application/n-triples" -> RDFFormat.NTRIPLES;
            default -> RDFFormat.TURTLE_PRETTY;
        };
        byte[] bytes = body(o, served, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, o.graph(), format);
            return out.toByteArray();
        });
        ctx.contentType(served + (served.startsWith("text/") || served.equals("application/n-triples") ? "; charset=utf-8" : "")).result(bytes);
    }

    private byte[] body(PublishedOntology o, String what, java.util.function.Supplier<byte[]> render) {
        return bodies.get(o.version() + " " + what, k -> render.get());
    }
}
