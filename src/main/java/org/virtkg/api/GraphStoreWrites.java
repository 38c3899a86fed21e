package org.virtkg.api;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.security.Role;
import org.virtkg.store.Graphs;

/**
 * Graph Store Protocol writes ({@code PUT}, {@code POST}, {@code DELETE} on {@code /data?graph=IRI}).
 *
 * <p>Reads stay with Fuseki; writes come here so that they take the same path as every other
 * write: body parsed completely first (a truncated upload changes nothing), then one
 * {@link KnowledgeBase#write} with validation and re-inference.
 */
public final class GraphStoreWrites {
    private final KnowledgeBase kb;
    private final Auth auth;
    private final long maxBytes;

    public GraphStoreWrites(KnowledgeBase kb, Auth auth, long maxBytes) {
        this.kb = kb;
        this.auth = auth;
        this.maxBytes = maxBytes;
    }

    public void put(Context ctx) {
        write(ctx, true);
    }

    public void post(Context ctx) {
        write(ctx, false);
    }

    public void delete(Context ctx) {
        Role role = auth.require(ctx, Role.ADMIN);
        Node g = targetGraph(ctx);
        boolean existed = exists(g);
        if (!existed) throw ProblemException.of(404, "There is no graph <" + g.getURI() + ">");
        run(() -> kb.write(who(role), "DELETE graph <" + g.getURI() + ">", dsg -> dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY)));
        ctx.status(204);
    }

    private void write(Context ctx, boolean replace) {
        Role role = auth.require(ctx, Role.ADMIN);
        Node g = targetGraph(ctx);
        Graph parsed = parseBody(ctx);
        boolean existed = exists(g);
        run(() -> kb.write(who(role), (replace ? "PUT" : "POST") + " graph <" + g.getURI() + ">", dsg -> {
            if (replace) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            parsed.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }));
        ctx.status(existed ? 204 : 201);
    }

    private static String who(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static void run(Runnable write) {
        try {
            write.run();
        } catch (WriteRejectedException e) {
            int status = "forbidden".equals(e.kind()) ? 403 : 422;
            throw new ProblemException(Problem.of(status, e.getMessage()).with("report", e.report()));
        }
    }

    private boolean exists(Node g) {
        return Txn.calculateRead(kb.store().dataset(), () -> !kb.store().dataset().getGraph(g).isEmpty());
    }

    private static Node targetGraph(Context ctx) {
        String graph = ctx.queryParam("graph");
        if (ctx.queryParam("default") != null || graph == null || graph.isBlank())
            throw ProblemException.of(400, "Name the graph to write with ?graph=<IRI>; the default graph is the read-only union of all named graphs");
        Node g = Graphs.node(graph);
        if (!graph.matches("(?i)^(https?|urn):\\S+$"))
            throw ProblemException.of(400, "Parameter 'graph' must be an absolute http(s) or urn IRI");
        return g;
    }

    private Graph parseBody(Context ctx) {
        String contentType = ctx.contentType();
        Lang lang = contentType == null ? null : RDFLanguages.contentTypeToLang(contentType.split(";")[0].trim());
        if (lang == null || !RDFLanguages.isTriples(lang))
            throw ProblemException.of(415, "Send the graph as text/turtle, application/n-triples, application/rdf+xml "
                    + "or application/ld+json (got " + (contentType == null ? "no Content-Type" : contentType) + ")");
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw ProblemException.of(400, "Cannot read the request body: " + e.getMessage());
        }
        if (body.length > maxBytes)
            throw ProblemException.of(413, "The body is larger than the " + maxBytes + "-byte limit for RDF uploads");
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(Graphs.ID)
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(graph);
        } catch (RiotException e) {
            throw ProblemException.of(400, "The " + lang.getName() + " body does not parse, nothing was changed: " + e.getMessage());
        }
        return graph;
    }
}
