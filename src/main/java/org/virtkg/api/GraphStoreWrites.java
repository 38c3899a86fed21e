package org.virtkg.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.Role;
import org.virtkg.store.Graphs;

/**
 * Graph Store Protocol writes ({@code PUT}, {@code POST}, {@code DELETE} on {@code /data?graph=IRI}).
 *
 * <p>A {@code POST} to {@code /data} without {@code ?graph} creates a new user graph under
 * {@link #CREATED} and answers 201 with its IRI in {@code Location}.
 *
 * <p>Reads are {@code app/GraphStoreReads}'; writes come here so that they take the same path as every other
 * write: body parsed completely first (a truncated upload changes nothing), then one
 * {@link KnowledgeBase#write} with validation and re-inference.
 */
public final class GraphStoreWrites {
    /** The RDF syntaxes a body (or each part of a multipart body) may use. */
    static final Set<Lang> ACCEPTED = Set.of(Lang.TURTLE, Lang.NTRIPLES, Lang.RDFXML, Lang.JSONLD);
    /** Where graphs created by a {@code POST} to {@code /data} itself are named: user graphs, one per POST. */
    public static final String CREATED = Graphs.USER + "created/";
    private final KnowledgeBase kb;
    private final Auth auth;
    private final BodyLimit limit;

    public GraphStoreWrites(KnowledgeBase kb, Auth auth, BodyLimit limit) {
        this.kb = kb;
        this.auth = auth;
        this.limit = limit;
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
        Conditional condition = Conditional.of(ctx);
        kb.write(ChangeKind.GRAPH_STORE, role.actor(), "DELETE graph <" + g.getURI() + ">",
                dsg -> condition.delete(dsg, g, "graph <" + g.getURI() + ">", "There is no graph <" + g.getURI() + ">"));
        ctx.status(204);
    }

    private void write(Context ctx, boolean replace) {
        Role role = auth.require(ctx, Role.ADMIN);
        // A POST to the store itself creates a graph and says where (Graph Store Protocol §5.5).
        boolean create = !replace && ctx.queryParam("graph") == null && ctx.queryParam("default") == null;
        Node g = create ? Graphs.node(CREATED + UUID.randomUUID()) : targetGraph(ctx);
        Graph parsed = parseBody(ctx);
        Conditional condition = Conditional.of(ctx);
        // Created or not is decided inside the write, on the state it changes: of concurrent
        // PUTs with If-None-Match: * exactly one creates the graph.
        Conditional.Written[] written = new Conditional.Written[1];
        kb.write(ChangeKind.GRAPH_STORE, role.actor(), (replace ? "PUT" : "POST") + " graph <" + g.getURI() + ">", dsg -> {
            // A store of named graphs keeps no empty graph: a 201 for nothing would name a graph that answers 404.
            if (parsed.isEmpty() && dsg.getGraph(g).isEmpty())
                throw ProblemException.of(400, "The body holds no triples, so there is no graph <" + g.getURI()
                        + "> to create; send the triples it should hold");
            written[0] = condition.write(dsg, g, parsed, replace, "graph <" + g.getURI() + ">");
        });
        if (written[0].etag() != null) ctx.header("ETag", written[0].etag());
        if (create) ctx.header("Location", g.getURI());
        ctx.status(written[0].existed() ? 204 : 201);
    }

    private static Node targetGraph(Context ctx) {
        String graph = ctx.queryParam("graph");
        if (ctx.queryParam("default") != null || graph == null || graph.isBlank())
            throw ProblemException.of(400, "Name the graph to write with ?graph=<IRI>; the default graph is the read-only union of all named graphs");
        Node g = Graphs.node(graph);
        if (!Graphs.isAbsoluteGraphName(graph))
            throw ProblemException.of(400, "Parameter 'graph' must be an absolute http(s) or urn IRI");
        // Refused whatever the body: even an empty POST to a read-only graph is an attempt to write it.
        String refusal = ChangeKind.GRAPH_STORE.refusal(g.getURI());
        if (refusal != null)
            throw new ProblemException(Problem.of(403, "The graph <" + g.getURI() + "> is read-only: " + refusal).withKind("forbidden"));
        return g;
    }

    /**
     * The body's triples, parsed completely: one RDF document, or a {@code multipart/form-data}
     * body whose parts are merged (Graph Store Protocol §5.5), each part under the same rules.
     */
    private Graph parseBody(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(RdfBodies.MULTIPART))
            return RdfBodies.parseParts(ctx, limit, ACCEPTED, Graphs.ID);
        return RdfBodies.parse(ctx, limit, ACCEPTED, Graphs.ID);
    }
}
