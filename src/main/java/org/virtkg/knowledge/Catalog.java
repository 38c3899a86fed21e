package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.claims.Claims;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.Snapshot;
import org.virtkg.reasoner.Explanation;
import org.virtkg.store.Graphs;

/**
 * The knowledge base at one {@link Snapshot}, seen as products with properties: what the REST
 * representations are made of. Made per request by {@link Knowledge#read} (or {@link Knowledge#at});
 * what is built once per version (id index, class hierarchy, claims, the paper's view) comes from
 * {@link Knowledge}.
 *
 * <p>Every value is read from the union graph (asserted and inferred) and carries what
 * {@link Claims} says of the claim it makes: basis ({@code stated} or {@code inferred}, either
 * direction of an inverse pair counting as stated), {@code disputed}, and the sources.
 *
 * <p>Valid only inside the read transaction its snapshot belongs to.
 */
public final class Catalog {
    public static final Node TECHNOLOGY = vkg("VirtualizationTechnology");
    public static final Node PLATFORM = vkg("CloudPlatform");
    public static final Node SUPPORTS = vkg("supports");
    public static final Node SUPPORTED_BY = vkg("supportedBy");
    public static final Node DOES_NOT_SUPPORT = vkg("doesNotSupport");
    public static final Node OPEN_SOURCE = vkg("OpenSourceProduct");
    public static final Node SERVICE = vkg("CommercialService");
    public static final Node LICENCE = vkg("licence");
    /** The {@code include} value that brings commercial services back into platform lists, the matrix and the wizard. */
    public static final String SERVICES = "services";
    /** What {@code include=services} brings back, for the parameter's error message. */
    public static final String SERVICES_MEANING = "commercial services (vkg:CommercialService, e.g. Amazon EC2), left out by default";

    /**
     * A value of a property, as it appears in every representation: the claim "subject property
     * value" with its basis ({@code stated} or {@code inferred}), whether it is disputed, and the
     * source graphs it rests on; {@code commercialService} is true when the value is a commercial
     * service ({@link #isService}, what platform lists leave out), null for every other value.
     */
    public record Value(String id, String label, String basis, boolean disputed, List<String> sources, List<Dispute> disputes,
                        List<Condition> conditions, Boolean commercialService) {
        public boolean inferred() {
            return "inferred".equals(basis);
        }
    }

    /**
     * Why a value is disputed, one per note: {@code kind} {@code dispute} (a source disputes it),
     * {@code contradiction} (another source states what cannot hold with it) or
     * {@code rests-on-disputed} (inferred only from disputed facts); the note in words; the sources
     * it rests on (the disputing source's graph or document, the contradicting statements' graphs);
     * and the graph that files it, for a dispute someone filed (the product's {@code sources}
     * describe it: who, when), empty for the notes the knowledge base draws itself.
     */
    public record Dispute(String kind, String note, List<String> sources, List<String> filedIn) {}

    /**
     * A condition a source attaches to the claim (support with it is answered {@code partial}): the
     * note in words, the sources it rests on, and the graph that files it (described in the
     * product's {@code sources}: who, when).
     */
    public record Condition(String note, List<String> sources, List<String> filedIn) {}

    /** A reference to a resource (not a claim about it): id and label. */
    public record Ref(String id, String label) {}

    /**
     * A reference to a platform where an answer names one as such (a selection pair's, the
     * compatibility answer's, the matrix's columns): id, label and the commercial-service mark a
     * {@link Value} carries ({@link #serviceMark}), so a rented service brought back by
     * include=services, or asked about by name, is told from the open-source platforms there too.
     */
    public record PlatformRef(String id, String label, Boolean commercialService) {}

    /**
     * What a computation read through this catalogue, for views that keep its result from version
     * to version ({@link #recording}): the claims it judged (each a triple, its evidence read from
     * the quads stating it or its inverse and, for an inferred one, its derivation) and the
     * resources whose labels or notations it read.
     */
    public static final class Reads {
        /** Triples whose evidence (or, from {@link #isA}, whose presence) the result depends on. */
        public final Set<Triple> claims = new LinkedHashSet<>();
        /** Of those, the ones judged inferred: their derivation is part of what was read. */
        public final Set<Triple> inferred = new LinkedHashSet<>();
        /** Resources whose own statements (labels, notations) were read. */
        public final Set<Node> resources = new LinkedHashSet<>();
    }

    private final Knowledge knowledge;
    private final Snapshot snapshot;
    /** Set only while {@link #recording} runs (a catalogue is used by one request's thread). */
    private Reads reads;

    Catalog(Knowledge knowledge, Snapshot snapshot) {
        this.knowledge = knowledge;
        this.snapshot = snapshot;
    }

    public static Node vkg(String local) {
        return NodeFactory.createURI(Graphs.VOCAB + local);
    }

    /** The snapshot this catalogue reads: its version is what an answer from it is labelled with (ETags, caches). */
    public Snapshot snapshot() {
        return snapshot;
    }

    public long version() {
        return snapshot.version();
    }

    /**
     * Runs {@code computation}, noting in {@code into} what it reads through {@link #value},
     * {@link #values}, {@link #isA}, {@link #label} and the licence notations: what a view that
     * keeps the result must watch for changes.
     */
    public <T> T recording(Reads into, java.util.function.Supplier<T> computation) {
        Reads outer = reads;
        reads = into;
        try {
            return computation.get();
        } finally {
            reads = outer;
        }
    }

    public DatasetGraph dataset() {
        return snapshot.dataset();
    }

    public Graph union() {
        return snapshot.union();
    }

    public IdIndex index() {
        return knowledge.built(snapshot).index();
    }

    /** The class hierarchy and disjointness axioms of this version. */
    public Classes classes() {
        return knowledge.built(snapshot).classes();
    }

    /** How the reasoner derives {@code t}, when it does. */
    public Optional<Explanation> explain(Triple t) {
        return knowledge.kb().withReasoner(r -> r.explain(t));
    }

    /** How virtkg's editors link a term to its counterpart in another source's vocabulary (SKOS mapping properties). */
    private static final List<Node> MATCHES = List.of(org.apache.jena.vocabulary.SKOS.closeMatch.asNode(),
            org.apache.jena.vocabulary.SKOS.exactMatch.asNode());

    /**
     * The statements matching {@code x} with another resource of the knowledge base
     * ({@code skos:closeMatch} or {@code skos:exactMatch}, either way round, so that each side finds
     * the other): the paper's live migration and Nova's live-migrate operation, linked by the
     * editors' reading. In canonical order.
     */
    public List<Triple> matchesOf(Node x) {
        List<Triple> out = new ArrayList<>();
        for (Node p : MATCHES) {
            union().find(x, p, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && t.getObject().getURI().startsWith(Graphs.ID) && !t.getObject().equals(x)) out.add(t);
            });
            union().find(Node.ANY, p, x).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Graphs.ID) && !t.getSubject().equals(x)) out.add(t);
            });
        }
        out.sort(org.virtkg.reasoner.RlReasoner.CANONICAL);
        return out;
    }

    /** The other side of {@code match}, a statement of {@link #matchesOf} {@code x}. */
    public static Node otherSide(Triple match, Node x) {
        return match.getSubject().equals(x) ? match.getObject() : match.getSubject();
    }

    /** The sources of a fact that may be inferred ({@link Provenance#sourcesOfDerived}). */
    public List<Provenance.Source> sourcesOfDerived(Triple t) {
        return Provenance.sourcesOfDerived(knowledge.kb(), dataset(), t);
    }

    // ---- reading ----

    public boolean isA(Node x, Node type) {
        if (reads != null) reads.claims.add(Triple.create(x, RDF.type.asNode(), type));
        return union().contains(x, RDF.type.asNode(), type);
    }

    public boolean isClass(Node n) {
        return union().contains(n, RDF.type.asNode(), OWL2.Class.asNode());
    }

    public boolean holds(Node s, Node p, Node o) {
        return union().contains(s, p, o);
    }

    public String label(Node n) {
        if (reads != null) reads.resources.add(n);
        String best = null;
        for (var it = union().find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
            Node l = it.next().getObject();
            if (!l.isLiteral()) continue;
            String lang = l.getLiteralLanguage();
            if (lang.isEmpty() || lang.startsWith("en")) return l.getLiteralLexicalForm();
            if (best == null) best = l.getLiteralLexicalForm();
        }
        if (best != null) return best;
        // The data's terms from other vocabularies (rdf:type, rdfs:comment, skos:notation) have no label in the
        // knowledge base; they read as their local name in words ("type", "comment") in sentences and pages.
        String vocabularyTerm = termOfAnotherVocabulary(n);
        return vocabularyTerm != null ? vocabularyTerm : IdIndex.idOf(n);
    }

    /** "see also" for rdfs:seeAlso: a term of a vocabulary in {@link Graphs#PREFIXES} other than virtkg's own, in words; else null. */
    private static String termOfAnotherVocabulary(Node n) {
        if (!n.isURI()) return null;
        String iri = n.getURI();
        for (String ns : Graphs.PREFIXES.values()) {
            if (ns.equals(Graphs.VOCAB) || ns.equals(Graphs.ID) || !iri.startsWith(ns) || iri.length() == ns.length()) continue;
            return iri.substring(ns.length()).replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    public Ref ref(Node n) {
        return new Ref(IdIndex.idOf(n), label(n));
    }

    /** {@code n} named as a platform, marked when it is a commercial service ({@link #isService}). */
    public PlatformRef platformRef(Node n, String view) {
        return platformRef(n, label(n), isService(n, view));
    }

    /**
     * {@code n} named as a platform, with the label and the judgement of {@link #isService} a view
     * already made (the matrix's, kept from version to version, judges the paper view by the
     * paper's own reasoner, as it judges which platforms to leave out).
     */
    public static PlatformRef platformRef(Node n, String label, boolean service) {
        return new PlatformRef(IdIndex.idOf(n), label, serviceMark(service));
    }

    /**
     * The commercial-service mark as every view writes it: true on a commercial service, null (so
     * absent) on anything no source makes one; absent is no claim that it is open source (that is
     * {@link #licensing}'s to say).
     */
    public static Boolean serviceMark(boolean service) {
        return service ? Boolean.TRUE : null;
    }

    /** What the claims say at this version: built once per version and shared. */
    public Claims claims() {
        return knowledge.claims(this);
    }

    /** The knowledge base as the paper alone gives it, at this version. */
    public PaperView paperView() {
        return knowledge.paperView(this);
    }

    /** The claims as a view sees them: the paper's own ({@code paper}), or every source's ({@code all}, {@code current}). */
    public Claims claims(String view) {
        return view.equals("paper") ? paperView().claims(this) : claims();
    }

    /** The value {@code o} of {@code s p}, as the claim it makes. */
    public Value value(Node s, Node p, Node o) {
        return value(s, p, o, claims(), "all");
    }

    private Value value(Node s, Node p, Node o, Claims claims, String view) {
        Claims.Evidence e = claims.evidence(s, p, o);
        if (reads != null) {
            reads.claims.add(e.claim());
            if (e.basis() == Claims.Basis.INFERRED) reads.inferred.add(e.claim());
        }
        String basis = e.basis() == null ? null : e.basis().json();
        List<String> sources = e.sources().stream().map(Node::getURI).toList();
        // Who disputes it, in every view that shows the flag (a condition makes a claim partial, not disputed).
        List<Dispute> disputes = !e.disputed() ? List.of() : e.notes().stream().filter(n -> !n.kind().equals("condition"))
                .map(n -> new Dispute(n.kind(), n.text(), groundsOf(n), filingOf(n))).toList();
        List<Condition> conditions = e.notes().stream().filter(n -> n.kind().equals("condition"))
                .map(n -> new Condition(n.text(), groundsOf(n), filingOf(n))).toList();
        if (o.isLiteral())
            return new Value(o.getLiteralLexicalForm(), o.getLiteralLexicalForm(), basis, e.disputed(), sources, disputes, conditions, null);
        // A commercial service is marked wherever it is a value (a technology's platforms, compare), by
        // the class membership that leaves it out of platform lists.
        return new Value(IdIndex.idOf(o), label(o), basis, e.disputed(), sources, disputes, conditions, serviceMark(isService(o, view)));
    }

    /** What a note rests on: source graphs and documents by their IRIs. */
    private static List<String> groundsOf(Claims.Note n) {
        return n.grounds().stream().map(g -> g.isURI() ? g.getURI() : g.toString()).toList();
    }

    /** The graph that files a note, as a list: empty for the notes the knowledge base draws itself. */
    private static List<String> filingOf(Claims.Note n) {
        return n.statedIn() == null ? List.of() : List.of(n.statedIn().getURI());
    }

    /** Objects of {@code s p ?o}, plus subjects of {@code ?o inverse s} when an inverse is given. */
    public List<Value> values(Node s, Node p, Node inverse) {
        return values(s, p, inverse, "all");
    }

    /**
     * The values as a view gives them: {@code paper} from the paper's own closure and claims;
     * {@code current} leaves out a support claim (either way) that a newer source contradicts
     * ({@link Claims#newestWins}); {@code all}, everything.
     */
    public List<Value> values(Node s, Node p, Node inverse, String view) {
        Claims claims = claims(view);
        List<Value> out = new ArrayList<>();
        for (Node o : objects(graph(view), s, p, inverse)) {
            if (!shows(view, s, p, o, claims)) continue;
            out.add(value(s, p, o, claims, view));
        }
        out.sort(VALUE_ORDER);
        return out;
    }

    /**
     * The statements about {@code s} as a view gives them, by the rule of {@link #values(Node, Node, Node, String)}:
     * what the {@code /id} page shows and its RDF descriptions say.
     */
    public List<Triple> statements(Node s, String view) {
        // Only view=current judges claims here; the paper view's would be built for nothing.
        Claims claims = view.equals("current") ? claims(view) : null;
        List<Triple> out = new ArrayList<>();
        graph(view).find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (shows(view, t.getSubject(), t.getPredicate(), t.getObject(), claims)) out.add(t);
        });
        return out;
    }

    /** The graph a view reads facts from: the paper's own closure for {@code paper}, every source's (the union) otherwise. */
    public Graph graph(String view) {
        return view.equals("paper") ? paperView().graph() : union();
    }

    /** Whether a view shows {@code s p o} of its {@link #graph}: {@code current} leaves out a support claim a newer source overturns. */
    private boolean shows(String view, Node s, Node p, Node o, Claims claims) {
        return !view.equals("current") || !overtaken(s, p, o, claims);
    }

    /** The order of {@link #values}: by label, ignoring case, then id (never the store's order, which a restored store has otherwise). */
    public static final Comparator<Value> VALUE_ORDER = Comparator.comparing(Value::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Value::id);

    /** The resources {@link #values(Node, Node, Node)} gives values for, in the store's order: objects of {@code s p ?o}, then subjects of {@code ?o inverse s}. */
    public List<Node> objects(Node s, Node p, Node inverse) {
        return objects(union(), s, p, inverse);
    }

    /** The objects of {@code s p ?o} and subjects of {@code ?o inverse s} in {@code from}, in the store's order, blank nodes left out. */
    private static List<Node> objects(Graph from, Node s, Node p, Node inverse) {
        Set<Node> objects = new LinkedHashSet<>();
        from.find(s, p, Node.ANY).forEachRemaining(t -> objects.add(t.getObject()));
        if (inverse != null) from.find(Node.ANY, inverse, s).forEachRemaining(t -> objects.add(t.getSubject()));
        objects.removeIf(Node::isBlank);
        return new ArrayList<>(objects);
    }

    /** True when {@code s p o} is one side of a support disagreement that the newest source decides against. */
    public boolean overtaken(Node s, Node p, Node o, Claims claims) {
        Node platform, technology;
        boolean positive;
        if (p.equals(SUPPORTS) || p.equals(DOES_NOT_SUPPORT)) {
            platform = s;
            technology = o;
            positive = p.equals(SUPPORTS);
        } else if (p.equals(SUPPORTED_BY)) {
            platform = o;
            technology = s;
            positive = true;
        } else {
            return false;
        }
        Claims.Compatibility all = claims.compatibility(platform, technology);
        if (!all.supports().holds() || !all.doesNotSupport().holds()) return false;
        String now = claims.newestWins(all).status();
        return positive ? now.equals("unsupported") : now.equals("supported") || now.equals("partial");
    }

    public List<Value> values(Node s, String vkgProperty) {
        return values(s, vkg(vkgProperty), null);
    }

    private List<Value> values(Node s, String vkgProperty, String view) {
        return values(s, vkg(vkgProperty), null, view);
    }

    /** The {@code vkg:} classes of {@code x}, inferred ones flagged. */
    public List<Value> kinds(Node x) {
        return kinds(x, "all");
    }

    public List<Value> kinds(Node x, String view) {
        return values(x, RDF.type.asNode(), null, view).stream()
                .filter(v -> !v.id().startsWith("http") && !v.id().startsWith("_:"))
                .filter(v -> isVocab(v.id()))
                .toList();
    }

    private boolean isVocab(String local) {
        return index().vocabClass(local) != null;
    }

    /** Instances of {@code type} in the union (inferred types included), sorted by label. */
    public List<Node> instances(Node type) {
        Set<Node> out = new LinkedHashSet<>();
        union().find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Graphs.ID)) out.add(t.getSubject());
        });
        List<Node> list = new ArrayList<>(out);
        list.sort(Comparator.comparing((Node n) -> label(n), String.CASE_INSENSITIVE_ORDER).thenComparing(Node::getURI));
        return list;
    }

    public List<Node> technologies() {
        return instances(TECHNOLOGY);
    }

    public List<Node> platforms() {
        return instances(PLATFORM);
    }

    /**
     * True when {@code x} is a commercial service (a hosted service one rents, e.g. Amazon EC2):
     * left out of platform lists, the matrix and the wizard unless {@code include=services}. Only a
     * source's word makes one; a product no source classifies stays in (open world).
     */
    public boolean isService(Node x) {
        return isA(x, SERVICE);
    }

    /**
     * {@link #isService} in a view: by the facts the view reads ({@link #graph}: under
     * {@code paper} the paper's closure), the one judgement every view's mark uses (the page, the
     * descriptions, a value, the compatibility answer, a selection pair; the matrix keeps its own
     * from its reasoner, the same closure).
     */
    public boolean isService(Node x, String view) {
        if (!view.equals("paper")) return isService(x);
        // Recorded as isA records it, so a view kept from version to version follows the membership.
        if (reads != null) reads.claims.add(Triple.create(x, RDF.type.asNode(), SERVICE));
        return graph(view).contains(x, RDF.type.asNode(), SERVICE);
    }

    /**
     * Whether a product is open source, by which sources, and its licences: {@code status} is
     * {@code open-source}, {@code commercial-service}, {@code unknown} (no source says) or
     * {@code disputed} (sources say both, which the ontology declares disjoint); the class
     * membership's basis (null when unknown), disputed flag and sources; each licence.
     */
    public record Licensing(String status, String basis, boolean disputed, List<String> sources, List<Licence> licences) {
        /** True: open source; false: a commercial service; null: no source says, or sources disagree. */
        public Boolean openSource() {
            return switch (status) {
                case "open-source" -> Boolean.TRUE;
                case "commercial-service" -> Boolean.FALSE;
                default -> null;
            };
        }
    }

    /** A licence of a product: its id and label, SPDX identifier (null when it has none), basis, disputed flag and sources. */
    public record Licence(String id, String label, String spdx, String basis, boolean disputed, List<String> sources) {}

    /** Whether {@code x} is open source, and under which licences ({@link Licensing}). */
    public Licensing licensing(Node x) {
        boolean open = isA(x, OPEN_SOURCE);
        boolean service = isService(x);
        List<Value> kinds = new ArrayList<>();
        if (open) kinds.add(value(x, RDF.type.asNode(), OPEN_SOURCE));
        if (service) kinds.add(value(x, RDF.type.asNode(), SERVICE));
        List<Licence> licences = new ArrayList<>();
        for (Value v : values(x, LICENCE, null)) {
            Node n = index().id(v.id());
            licences.add(new Licence(v.id(), v.label(), n == null ? null : notation(n), v.basis(), v.disputed(), v.sources()));
        }
        return new Licensing(open && service ? "disputed" : open ? "open-source" : service ? "commercial-service" : "unknown",
                kinds.isEmpty() ? null : kinds.stream().allMatch(Value::inferred) ? "inferred" : "stated",
                (open && service) || (!kinds.isEmpty() && kinds.stream().allMatch(Value::disputed)),
                kinds.stream().flatMap(v -> v.sources().stream()).distinct().sorted().toList(), List.copyOf(licences));
    }

    private String notation(Node n) {
        if (reads != null) reads.resources.add(n);
        var it = union().find(n, NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#notation"), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    /** Source graphs that state something about {@code x} (as subject, or as the object of supports), described. */
    public List<Provenance.Source> sources(Node x) {
        return sources(x, Set.of());
    }

    /** {@link #sources(Node)}, and the asserted graphs among {@code alsoNamed} that the store holds. */
    private List<Provenance.Source> sources(Node x, Set<Node> alsoNamed) {
        DatasetGraph dsg = dataset();
        Set<Node> graphs = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
        for (Node g : alsoNamed) if (KnowledgeBase.isAssertedGraph(g) && dsg.containsGraph(g)) graphs.add(g);
        dsg.find(Node.ANY, x, Node.ANY, Node.ANY).forEachRemaining(q -> addGraph(graphs, q));
        dsg.find(Node.ANY, Node.ANY, SUPPORTS, x).forEachRemaining(q -> addGraph(graphs, q));
        // The graphs filing disputes and conditions of its claims: their descriptions say who filed them, and when.
        dsg.find(Node.ANY, Node.ANY, vkg("claimSubject"), x).forEachRemaining(q -> addGraph(graphs, q));
        dsg.find(Node.ANY, Node.ANY, vkg("claimObject"), x).forEachRemaining(q -> addGraph(graphs, q));
        List<Provenance.Source> out = new ArrayList<>();
        for (Node g : graphs) out.add(Provenance.describe(dsg, g));
        return out;
    }

    /**
     * The paper's table cells from which no fact was read that are about {@code x} (the product
     * whose column or row they are in, {@code vkg:cellOf}), in IRI order: Lguest's platforms given
     * as "Xen, KVM" (disputed), LXC's "No hypervisor". With no fact to lead to them, nothing else
     * shows them with the product. Each is a source graph ({@link Provenance#describe} says what it is).
     */
    public List<Node> cellsOf(Node x) {
        Set<Node> cells = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
        dataset().find(Node.ANY, Node.ANY, CELL_OF, x).forEachRemaining(q -> {
            // The paper's cells only, as the page says: a link some other graph (a user's) makes is no cell of the paper.
            if (q.getGraph().isURI() && PaperView.isPaperGraph(q.getGraph().getURI()) && q.getSubject().isURI()) cells.add(q.getSubject());
        });
        return new ArrayList<>(cells);
    }

    /** A table cell's link to the product it is about ({@link #cellsOf}). */
    public static final Node CELL_OF = vkg("cellOf");

    private static void addGraph(Set<Node> graphs, Quad q) {
        if (KnowledgeBase.isAssertedGraph(q.getGraph())) graphs.add(q.getGraph());
    }

    // ---- class reasoning (for "violated" in selection, and class filters) ----

    /** {@code c} and all its named superclasses. */
    public Set<Node> superClassesOf(Node c) {
        return classes().superClassesOf(c);
    }

    /** A class of {@code x} that the ontology declares disjoint with {@code c}, or null ({@link Classes#disjointClassOf}). */
    public Node disjointClassOf(Node x, Node c) {
        return classes().disjointClassOf(union(), x, c);
    }

    /** Named classes that {@code x} would belong to if it had {@code p v} ({@link Classes#impliedBy}). */
    public Set<Node> classesImpliedBy(Node x, Node p, Node v) {
        return Classes.impliedBy(union(), x, p, v, this::isA);
    }

    /** The declared range of a property, or null. */
    public Node range(Node p) {
        var it = union().find(p, RDFS.range.asNode(), Node.ANY);
        while (it.hasNext()) {
            Node r = it.next().getObject();
            if (r.isURI() && r.getURI().startsWith(Graphs.VOCAB)) return r;
        }
        return null;
    }

    // ---- representations ----

    /**
     * A technology's or platform's body: id, IRI, label, its {@code vkg:} classes, the values of
     * every field the table ({@link ProductFields#of}) gives its kind, by field name in the table's
     * order, whether it is open source and its licensing, the view when it is not {@code all}
     * (else null), and the source graphs its values rest on, described. Written as JSON with each
     * field a member of its own where {@code fields} stands, and no {@code view} when it is null
     * (the mix-in the HTTP layer gives it says so: this layer knows nothing of JSON).
     */
    public record Product(String id, String iri, String label, List<Value> kinds, Map<String, List<Value>> fields,
                          Boolean openSource, Licensing licensing, String view, List<Provenance.Source> sources) {
        public Product {
            // In the table's order (Map.copyOf would lose it), and as unchangeable as the rest.
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    public Product technology(Node t) {
        return technology(t, "all");
    }

    /** The technology as a view gives it ({@code all}, {@code paper} or {@code current}, see {@link #values(Node, Node, Node, String)}). */
    public Product technology(Node t, String view) {
        return product(t, ProductFields.Kind.technology, view);
    }

    public Product platform(Node p) {
        return platform(p, "all");
    }

    /** The platform as a view gives it. */
    public Product platform(Node p, String view) {
        return product(p, ProductFields.Kind.platform, view);
    }

    /** A technology's or platform's body: the same parts, its kind's fields. */
    private Product product(Node n, ProductFields.Kind kind, String view) {
        String label = label(n);
        List<Value> kinds = kinds(n, view);
        Map<String, List<Value>> fields = new LinkedHashMap<>();
        for (ProductFields.Field f : ProductFields.of(kind)) fields.put(f.name(), values(n, f.predicate(), f.inversePredicate(), view));
        Licensing licensing = licensing(n);
        List<Value> values = new ArrayList<>(kinds);
        fields.values().forEach(values::addAll);
        return new Product(IdIndex.idOf(n), n.getURI(), label, kinds, fields, licensing.openSource(), licensing,
                view.equals("all") ? null : view, sources(n, named(values)));
    }

    /**
     * The graphs a product's values name (kinds and fields): their sources, and their disputes' and conditions'
     * sources and filing graphs (a claim contradicting a value may be about another subject, as
     * "CloudStack does not support KVM" is for KVM), so that {@code sources} describes each.
     */
    private static Set<Node> named(List<Value> values) {
        Set<Node> graphs = new java.util.HashSet<>();
        for (Value value : values) {
            value.sources().forEach(g -> graphs.add(NodeFactory.createURI(g)));
            for (Dispute d : value.disputes()) {
                d.sources().forEach(g -> graphs.add(NodeFactory.createURI(g)));
                d.filedIn().forEach(g -> graphs.add(NodeFactory.createURI(g)));
            }
            for (Condition c : value.conditions()) {
                c.sources().forEach(g -> graphs.add(NodeFactory.createURI(g)));
                c.filedIn().forEach(g -> graphs.add(NodeFactory.createURI(g)));
            }
        }
        return graphs;
    }

    /**
     * The short form used in lists: id, IRI, label, kinds and, for a product, whether it is open
     * source and its licensing (as {@link Product} has them; {@code openness} is null for anything
     * else, and left out where it is written).
     */
    public record Summary(String id, String iri, String label, List<Value> kinds, Openness openness) {}

    /** Whether a product is open source, and its licensing ({@link Licensing#openSource}, {@link #licensing}). */
    public record Openness(Boolean openSource, Licensing licensing) {}

    /** {@link Summary} of {@code n}. */
    public Summary summary(Node n) {
        Openness openness = null;
        if (isA(n, vkg("Product"))) {
            Licensing licensing = licensing(n);
            openness = new Openness(licensing.openSource(), licensing);
        }
        return new Summary(IdIndex.idOf(n), n.getURI(), label(n), kinds(n), openness);
    }
}
