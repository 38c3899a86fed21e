package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.claims.Claims;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.security.Role;
import org.virtkg.store.Graphs;

/**
 * {@code /api/claims}: an editor's sourced statement about the knowledge base, kept next to the
 * paper's rather than replacing it.
 *
 * <p>A claim is one graph, {@code graph/user/claim/{id}}, describing itself as its source (who,
 * when, the cited address, the note). Its {@code kind}:
 * <ul>
 *   <li>{@code claim} (default): the graph states {@code subject property object}. When that
 *       contradicts what other sources state, the write pipeline records it as a disagreement if
 *       the claim has a {@code source}, and refuses it (422, naming the contradicted statement)
 *       if it has none ({@link org.virtkg.kb.Disagreements});
 *   <li>{@code dispute}: a {@code vkg:Dispute} note on the claim {@code subject property object}
 *       (which need not be false in logic for someone to doubt it); a source is required;
 *   <li>{@code condition}: a {@code vkg:Condition} on it (support with a condition answers
 *       {@code partial}); a source is required.
 * </ul>
 * Withdrawing ({@code DELETE}) drops the graph: the answers are what they were before.
 */
public final class ClaimRoutes {
    /** Where claims' graphs live: {@code PREFIX + id}. */
    static final String PREFIX = Graphs.USER + "claim/";
    private static final Node DERIVED = ClaimRequests.DERIVED;
    private static final Node ATTRIBUTED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    private static final Node GENERATED = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Node AS_OF = Catalog.vkg("asOf");
    private static final Map<String, Node> NOTE_CLASS = ClaimRequests.NOTE_CLASS;

    private final KnowledgeBase kb;
    private final Knowledge knowledge;
    private final Auth auth;
    private final ClaimRequests requests;
    private final BodyLimit limit;

    /** Routes that read claim bodies of at most {@code limit} ({@code max-json}). */
    public ClaimRoutes(KnowledgeBase kb, Knowledge knowledge, Auth auth, BodyLimit limit) {
        this.limit = limit;
        this.kb = kb;
        this.knowledge = knowledge;
        this.auth = auth;
        this.requests = new ClaimRequests();
    }

    public void create(Context ctx) {
        Role role = auth.require(ctx, Role.EDITOR);
        ClaimRequests.Body body = Json.read(ctx, limit, ClaimRequests.Body.class, "the claim",
                "{\"subject\": \"CloudStack\", \"property\": \"doesNotSupport\", \"object\": \"KVM\", \"source\": \"https://example.org/notes\", \"note\": \"...\"}");
        ClaimRequests.Request r = knowledge.read(catalog -> {
            ClaimRequests.Request parsed = requests.parse(catalog, body, "", null);
            // A dispute or condition is a note on a statement the knowledge base makes: on one it
            // neither states nor entails, it would dispute nothing and confuse every answer.
            if (!parsed.kind().equals("claim") && !catalog.claims().evidence(parsed.claim()).holds())
                throw new ProblemException(Problem.of(422, "The knowledge base neither states nor entails that "
                        + requests.sentence(catalog, parsed) + ", so there is nothing to " + (parsed.kind().equals("dispute") ? "dispute" : "attach a condition to")
                        + ". To say it is not so, state the opposite as a claim with a source (e.g. doesNotSupport)").withField("kind"));
            return parsed;
        });
        String id = Long.toString(System.nanoTime() & 0xffffffffffL, 36) + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36), 36);
        Node graph = NodeFactory.createURI(PREFIX + id);
        Graph g = toRdf(r, graph, role);
        kb.write(ChangeKind.CLAIM, role.actor(), r.kind() + " " + knowledge.read(catalog -> requests.sentence(catalog, r)), dsg -> {
            if (!dsg.getGraph(graph).isEmpty()) throw new WriteRejectedException("conflict", "Claim '" + id + "' exists", List.of());
            g.find().forEachRemaining(t -> dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        ctx.status(201).header("Location", "/api/claims/" + id);
        ctx.json(knowledge.read(catalog -> representation(catalog, graph)));
    }

    public void list(Context ctx) {
        Http.Page page = Http.page(ctx);
        ctx.json(knowledge.read(catalog -> {
            List<Claim> all = new ArrayList<>();
            for (Node g : claimGraphs(catalog.dataset())) all.add(representation(catalog, g));
            all.sort(java.util.Comparator.comparing(c -> String.valueOf(c.created())));
            return page.envelope(ctx, page.slice(all), all.size());
        }));
    }

    public void get(Context ctx) {
        ctx.json(knowledge.read(catalog -> representation(catalog, existing(catalog, ctx.pathParam("id")))));
    }

    public void delete(Context ctx) {
        Role role = auth.require(ctx, Role.EDITOR);
        Node graph = knowledge.read(catalog -> existing(catalog, ctx.pathParam("id")));
        kb.write(ChangeKind.CLAIM, role.actor(), "withdraw claim " + ctx.pathParam("id"), dsg -> {
            if (dsg.getGraph(graph).isEmpty())
                throw new WriteRejectedException("missing", "Claim '" + ctx.pathParam("id") + "' was withdrawn meanwhile", List.of());
            dsg.removeGraph(graph);
        });
        ctx.status(204);
    }

    private Graph toRdf(ClaimRequests.Request r, Node graph, Role role) {
        Graph g = GraphFactory.createDefaultGraph();
        String sentence = knowledge.read(catalog -> requests.sentence(catalog, r));
        if (r.kind().equals("claim")) g.add(r.claim());
        else requests.addNote(g, r, NodeFactory.createURI(graph.getURI() + "#note"), sentence);
        // The graph's label says what was filed: a dispute of "OpenStack supports LXD" is not a claim that it does.
        String filed = switch (r.kind()) {
            case "dispute" -> "Dispute by " + role.actor() + " of: ";
            case "condition" -> "Condition by " + role.actor() + " on: ";
            default -> "Claim by " + role.actor() + ": ";
        };
        g.add(Triple.create(graph, RDFS.label.asNode(), NodeFactory.createLiteralLang(filed + sentence, "en")));
        if (r.note() != null) g.add(Triple.create(graph, RDFS.comment.asNode(), NodeFactory.createLiteralLang(r.note(), "en")));
        if (r.source() != null) g.add(Triple.create(graph, DERIVED, NodeFactory.createURI(r.source())));
        // The day its source speaks as of: what view=current weighs when sides disagree (Claims.dateOf).
        if (r.asOf() != null) g.add(Triple.create(graph, AS_OF, NodeFactory.createLiteralDT(r.asOf(), XSDDatatype.XSDdate)));
        g.add(Triple.create(graph, ATTRIBUTED, NodeFactory.createLiteralString(role.actor())));
        g.add(Triple.create(graph, GENERATED, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime)));
        return g;
    }

    // ---- reading claims back ----

    static List<Node> claimGraphs(DatasetGraph dsg) {
        List<Node> out = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && g.getURI().startsWith(PREFIX)) out.add(g);
        });
        out.sort(java.util.Comparator.comparing(Node::getURI));
        return out;
    }

    private static Node existing(Catalog catalog, String id) {
        Node g = NodeFactory.createURI(PREFIX + id);
        if (!id.matches("[a-z0-9]{1,40}") || !catalog.dataset().containsGraph(g) || catalog.dataset().getGraph(g).isEmpty())
            throw ProblemException.of(404, "There is no claim '" + id + "'; GET /api/claims lists them");
        return g;
    }

    /**
     * A claim as stored, with what the knowledge base now answers about the triple it concerns
     * (the schema Claim in /openapi.json is generated from it): the triple's members are absent
     * when its graph holds none, and so is the compatibility address, but of a support claim.
     */
    @Describe(name = "Claim", description = "A claim, dispute or condition an editor added, and what the knowledge base now answers "
            + "about its triple")
    public record Claim(
            String id,
            @Describe(description = "The named graph that holds it") String graph,
            @Describe(allowed = {"claim", "dispute", "condition"}) String kind,
            @Describe(description = "The triple's subject id") @JsonInclude(JsonInclude.Include.NON_NULL) String subject,
            @Describe(description = "The triple's property id (type for rdf:type)") @JsonInclude(JsonInclude.Include.NON_NULL) String property,
            @Describe(description = "The triple's object id, or a literal's text") @JsonInclude(JsonInclude.Include.NON_NULL) String object,
            @Describe(description = "The triple in words") @JsonInclude(JsonInclude.Include.NON_NULL) String claim,
            @Describe(nullable = true, description = "The address it cites as its source") String source,
            @Describe(nullable = true) String note,
            @Describe(nullable = true, description = "The date its source speaks for (YYYY-MM-DD)") String asOf,
            @Describe(nullable = true, description = "Who added it: editor or admin") String by,
            @Describe(nullable = true, description = "When it was added (ISO 8601)") String created,
            @Describe(description = "What the knowledge base now answers about the triple") @JsonInclude(JsonInclude.Include.NON_NULL)
            Answered knowledgeBase,
            @Describe(description = "Of a supports or doesNotSupport claim: its /api/compatibility question")
            @JsonInclude(JsonInclude.Include.NON_NULL) String compatibility) {}

    /**
     * What the knowledge base answers about a claim's triple: whether it holds, on what basis,
     * disputed or not, stated by which graphs, with which notes.
     */
    @Describe(name = "ClaimAnswered")
    public record Answered(boolean holds, @Describe(allowed = {"stated", "inferred"}, nullable = true) String basis, boolean disputed,
            @Describe(description = "IRIs of the graphs that state it") List<String> statedBy,
            @Describe(description = "The dispute and condition notes about it, in words") List<String> notes) {}

    private static Claim representation(Catalog catalog, Node graph) {
        DatasetGraph dsg = catalog.dataset();
        Graph g = dsg.getGraph(graph);
        String id = graph.getURI().substring(PREFIX.length());
        Triple claim = null;
        String kind = "claim";
        Node note = NodeFactory.createURI(graph.getURI() + "#note");
        for (var e : NOTE_CLASS.entrySet()) {
            if (g.contains(note, RDF.type.asNode(), e.getValue())) {
                kind = e.getKey();
                claim = Triple.create(ClaimRequests.one(g, note, Catalog.vkg("claimSubject")), ClaimRequests.one(g, note, Catalog.vkg("claimProperty")),
                        ClaimRequests.one(g, note, Catalog.vkg("claimObject")));
            }
        }
        if (claim == null)
            for (Triple t : g.find().toList())
                if (!t.getSubject().equals(graph)) claim = t;
        Node source = ClaimRequests.one(g, graph, DERIVED);
        Node comment = ClaimRequests.one(g, graph, RDFS.comment.asNode());
        Node asOf = ClaimRequests.one(g, graph, AS_OF);
        Node who = ClaimRequests.one(g, graph, ATTRIBUTED);
        Node when = ClaimRequests.one(g, graph, GENERATED);
        Answered now = null;
        String compatibility = null;
        if (claim != null) {
            Claims.Evidence e = catalog.claims().evidence(claim);
            now = new Answered(e.holds(), e.basis() == null ? null : e.basis().json(), e.disputed(),
                    e.sources().stream().map(Node::getURI).toList(), e.notes().stream().map(n -> n.text()).toList());
            if (claim.getPredicate().equals(Claims.SUPPORTS) || claim.getPredicate().equals(Claims.DOES_NOT_SUPPORT))
                compatibility = "/api/compatibility?technology=" + IdIndex.idOf(claim.getObject()) + "&platform=" + IdIndex.idOf(claim.getSubject());
        }
        return new Claim(id, graph.getURI(), kind,
                claim == null ? null : IdIndex.idOf(claim.getSubject()),
                claim == null ? null : claim.getPredicate().equals(RDF.type.asNode()) ? "type" : IdIndex.idOf(claim.getPredicate()),
                claim == null ? null : claim.getObject().isLiteral() ? claim.getObject().getLiteralLexicalForm() : IdIndex.idOf(claim.getObject()),
                claim == null ? null : catalog.claims().sentence(claim),
                source == null ? null : source.getURI(), comment == null ? null : comment.getLiteralLexicalForm(),
                asOf == null ? null : asOf.getLiteralLexicalForm(), who == null ? null : who.getLiteralLexicalForm(),
                when == null ? null : when.getLiteralLexicalForm(), now, compatibility);
    }

}
