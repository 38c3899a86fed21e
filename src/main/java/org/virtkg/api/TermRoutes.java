package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.Role;
import org.virtkg.store.Graphs;

/**
 * Ontology terms users add (admin): {@code PUT /api/terms/{name}} stores a Turtle or JSON-LD
 * document as the graph {@code graph/terms/{name}} — e.g. a new virtualization type such as
 * microVMs — behind the same gate as every write: an addition that would make the knowledge base
 * inconsistent is refused whole. {@code GET /api/terms} lists the term graphs,
 * {@code GET /api/terms/{name}} returns one as Turtle, {@code DELETE} removes it.
 */
public final class TermRoutes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private final KnowledgeBase kb;
    private final Auth auth;
    private final BodyLimit limit;

    public TermRoutes(KnowledgeBase kb, Auth auth, BodyLimit limit) {
        this.kb = kb;
        this.auth = auth;
        this.limit = limit;
    }

    public void list(Context ctx) {
        List<TermsGraph> items = kb.read(snapshot -> {
            var dsg = snapshot.dataset();
            List<TermsGraph> out = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (g.isURI() && g.getURI().startsWith(Graphs.TERMS))
                    out.add(new TermsGraph(g.getURI().substring(Graphs.TERMS.length()), g.getURI(), dsg.getGraph(g).size()));
            });
            return out;
        });
        ctx.json(new TermsGraphs(items));
    }

    /** The answer of {@code GET /api/terms} (its schema in /openapi.json is generated from it). */
    @Describe(name = "TermsGraphs", description = "The ontology-term graphs users added")
    public record TermsGraphs(List<TermsGraph> items) {}

    /** What a PUT of terms answers: the graph written and its size. */
    @Describe(name = "TermsWritten", description = "The terms graph written: its IRI and how many triples it holds")
    public record TermsWritten(String graph, long triples) {}

    /** A terms graph: its name (/api/terms/{name}), IRI and size. */
    @Describe(name = "TermsGraph")
    public record TermsGraph(String name, String graph, long triples) {}

    public void get(Context ctx) {
        Node g = graph(ctx.pathParam("name"));
        String[] etag = new String[1];
        Graph copy = kb.read(snapshot -> {
            var dsg = snapshot.dataset();
            etag[0] = Conditional.etag(dsg, g);
            Graph out = GraphFactory.createDefaultGraph();
            dsg.getGraph(g).find().forEachRemaining(out::add);
            return out;
        });
        if (copy.isEmpty()) throw ProblemException.of(404, "There are no terms named '" + ctx.pathParam("name") + "'; see /api/terms");
        ctx.header("ETag", etag[0]);
        if (Conditional.notModified(ctx, etag[0])) {
            ctx.status(304);
            return;
        }
        var out = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFDataMgr.write(out, copy, Lang.TURTLE);
        ctx.contentType("text/turtle; charset=utf-8").result(out.toByteArray());
    }

    public void put(Context ctx) {
        Role role = auth.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        Node g = graph(name);
        Graph terms = parse(ctx);
        Conditional condition = Conditional.of(ctx);
        // Whether this PUT created the terms is decided inside the write, on the state it changes.
        Conditional.Written[] written = new Conditional.Written[1];
        write(role, "terms " + name, dsg -> written[0] = condition.write(dsg, g, terms, true, "terms '" + name + "'"));
        ctx.status(written[0].existed() ? 200 : 201).header("Location", "/api/terms/" + name).header("ETag", written[0].etag())
                .json(new TermsWritten(g.getURI(), terms.size()));
    }

    public void delete(Context ctx) {
        Role role = auth.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        Node g = graph(name);
        Conditional condition = Conditional.of(ctx);
        write(role, "delete terms " + name, dsg -> {
            refuseWhileUsed(dsg, g, name);
            condition.delete(dsg, g, "terms '" + name + "'", "There are no terms named '" + name + "'");
        });
        ctx.status(204);
    }

    /**
     * Inside the delete's write: refuses while another graph uses a term the graph defines (a
     * product of that kind, a claim with that property): those would keep a term no view
     * understands any more.
     */
    private static void refuseWhileUsed(org.apache.jena.sparql.core.DatasetGraph dsg, Node g, String name) {
        java.util.Set<Node> defined = new java.util.HashSet<>();
        // The terms it declares (typed there: owl:Class, a property…), not those it only annotates.
        dsg.find(g, Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), Node.ANY).forEachRemaining(q -> { if (q.getSubject().isURI()) defined.add(q.getSubject()); });
        java.util.Set<String> users = new java.util.TreeSet<>();
        for (Node term : defined)
            users.addAll(NamingGraphs.of(g, List.of(dsg.find(Node.ANY, Node.ANY, Node.ANY, term), dsg.find(Node.ANY, Node.ANY, term, Node.ANY))));
        if (!users.isEmpty())
            throw new org.virtkg.kb.WriteRejectedException("conflict", "The terms '" + name + "' are still used by " + users.size() + " graph(s): "
                    + NamingGraphs.listed(users) + ". Change or withdraw those first, then delete the terms", NamingGraphs.report(users));
    }

    private void write(Role role, String summary, java.util.function.Consumer<org.apache.jena.sparql.core.DatasetGraph> change) {
        kb.write(ChangeKind.TERMS, role.actor(), summary, change);
    }

    private static Node graph(String name) {
        if (!NAME.matcher(name).matches())
            throw ProblemException.of(400, "Path parameter 'name' must start with a letter and use letters, digits, '_' or '-'");
        return Graphs.node(Graphs.TERMS + name);
    }

    private Graph parse(Context ctx) {
        Graph g = RdfBodies.parse(ctx, limit, Set.of(Lang.TURTLE, Lang.JSONLD, Lang.NTRIPLES), Graphs.VOCAB);
        if (g.isEmpty()) throw ProblemException.of(400, "The document holds no triples");
        return g;
    }
}
