package org.virtkg.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.claims.Claims;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.Graphs;
import org.virtkg.store.KbVersion;

/**
 * The knowledge base seen as products with properties: what the REST representations are made of.
 *
 * <p>Every value is read from the union graph (asserted and inferred) and carries what
 * {@link Claims} says of the claim it makes: basis ({@code stated} or {@code inferred}, either
 * direction of an inverse pair counting as stated), {@code disputed}, and the sources.
 *
 * <p>Methods that read the store run in the caller's read transaction when there is one.
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
     * source graphs it rests on.
     */
    public record Value(String id, String label, String basis, boolean disputed, List<String> sources) {
        public boolean inferred() {
            return "inferred".equals(basis);
        }
    }

    /** A reference to a resource (not a claim about it): id and label. */
    public record Ref(String id, String label) {}

    private final KnowledgeBase kb;
    /**
     * Built snapshots by version (Caffeine makes concurrent readers of one version share one
     * build); two entries so a reader of the old version never rebuilds.
     */
    private final Cache<Long, Snapshot> snapshots = Caffeine.newBuilder().maximumSize(2).build();
    /** What the claims say, per version. */
    private final Cache<Long, Claims> claims = Caffeine.newBuilder().maximumSize(2).build();
    /** The newest snapshot, carried forward from each change without a rebuild when it can be. */
    private volatile Snapshot current;
    /** Predicates whose change alters the class hierarchy, disjointness or the class names: rebuild. */
    private static final Set<Node> SCHEMA = Set.of(RDFS.subClassOf.asNode(), OWL2.disjointWith.asNode(), OWL2.members.asNode(),
            RDF.first.asNode(), RDF.rest.asNode(), OWL2.equivalentClass.asNode());

    /** The id index and class hierarchy of one knowledge-base version. */
    record Snapshot(long version, IdIndex index, Map<Node, Set<Node>> superClasses, List<Set<Node>> disjointGroups) {}

    public Catalog(KnowledgeBase kb) {
        this.kb = kb;
        kb.onCommitted(this::follow);
    }

    /**
     * Carries the snapshot to the version a change produced, from the change itself (an
     * instance-level change only adds or drops ids). Runs before the write returns, so the writer's
     * next read finds it. A schema change, or one caught up from elsewhere, leaves the next reader
     * to rebuild.
     */
    private void follow(KnowledgeBase.Committed change) {
        followClaims(change);
        Snapshot s = current;
        if (s == null || !change.known() || s.version() != change.version() - 1 || touchesSchema(change)) return;
        IdIndex index = read(() -> s.index().after(change.added(), change.deleted(), union()));
        advance(new Snapshot(change.version(), index, s.superClasses(), s.disjointGroups()));
    }

    /**
     * Carries the claims (and the paper's view) of the version before a change to the version it
     * produced, when the change cannot alter what they hold: {@link Claims} reads its notes,
     * inverse pairs and contradictions once, at build, and everything else (whether a triple
     * holds, which graphs state it, its derivation) from the reader's own transaction when asked.
     * So the same instance serves the next version unless the change touches what was read at
     * build ({@link #claimsStillHold}). Otherwise the next reader builds them anew, as before.
     */
    private void followClaims(KnowledgeBase.Committed change) {
        if (!change.known()) {
            // Caught up from elsewhere, or the reasoner taken back after a failed commit: what the
            // claims read from it at build (contradictions and their explanations) may differ now.
            claims.invalidateAll();
            paperViews.invalidateAll();
            return;
        }
        long before = change.version() - 1;
        Claims all = claims.getIfPresent(before);
        PaperView paper = paperViews.getIfPresent(before);
        if (all == null && paper == null) return;
        read(() -> {
            boolean base = followable(change, dataset());
            if (all != null && base && claimsStillHold(change, all)) claims.put(change.version(), all);
            // The paper's view reads only the paper's graphs (and labels, read when asked); its
            // claims are built now if they were not, so what they read at build is checked here.
            if (paper != null && base && !touchesPaper(change) && claimsStillHold(change, paper.claims(this)))
                paperViews.put(change.version(), paper);
            return null;
        });
    }

    /**
     * True when views built from claims may follow {@code change} rather than be built anew: its
     * effect on the reasoner is known and kept every derivation and disagreement as it was, it
     * does not touch the class hierarchy, and it dates nothing (read in {@code dsg}, the state after it).
     */
    static boolean followable(KnowledgeBase.Committed change, DatasetGraph dsg) {
        return change.conclusionsKnown() && !touchesSchema(change) && datesUnchanged(change, dsg);
    }

    /** True when {@code change} leaves every statement {@code c} read at build as it was. */
    static boolean claimsStillHold(KnowledgeBase.Committed change, Claims c) {
        List<Triple> touched = new ArrayList<>();
        for (var quads : List.of(change.added(), change.deleted())) for (Quad q : quads) touched.add(q.asTriple());
        touched.addAll(change.inferredAdded());
        touched.addAll(change.inferredRemoved());
        for (Triple t : touched) {
            Node p = t.getPredicate();
            if (Claims.READ_AT_BUILD.contains(p)) return false;
            if (p.equals(RDF.type.asNode()) && Claims.NOTE_CLASSES.contains(t.getObject())) return false;
            if (c.isNote(t.getSubject()) || c.hasNotes(t)) return false;
            if (LABELS.contains(p) && c.labelledInNotes(t.getSubject())) return false;
        }
        return true;
    }

    /** Predicates {@link #label} reads. */
    private static final Set<Node> LABELS = Set.of(RDFS.label.asNode());

    /**
     * True when no graph the change writes is dated and it dates nothing anew: a claim's date
     * (what {@code view=current} weighs) is its sources' ({@link Claims#dateOf}), remembered once read.
     */
    private static boolean datesUnchanged(KnowledgeBase.Committed change, DatasetGraph dsg) {
        Set<Node> graphs = new HashSet<>();
        for (var quads : List.of(change.added(), change.deleted())) {
            for (Quad q : quads) {
                graphs.add(q.getGraph());
                if (q.getPredicate().equals(DERIVED_FROM)) graphs.add(q.getSubject());
            }
        }
        for (Node g : graphs) if (!Claims.dateIn(dsg, g).isEmpty()) return false;
        return true;
    }

    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    static boolean touchesPaper(KnowledgeBase.Committed change) {
        for (var quads : List.of(change.added(), change.deleted()))
            for (Quad q : quads) if (q.getGraph().isURI() && PaperView.isPaperGraph(q.getGraph().getURI())) return true;
        return false;
    }

    private static boolean touchesSchema(KnowledgeBase.Committed change) {
        for (var quads : List.of(change.added(), change.deleted())) {
            for (Quad q : quads) {
                if (SCHEMA.contains(q.getPredicate())) return true;
                if (q.getPredicate().equals(RDF.type.asNode())
                        && (q.getObject().equals(OWL2.Class.asNode()) || q.getObject().equals(OWL2.AllDisjointClasses.asNode())))
                    return true;
            }
        }
        return false;
    }

    public static Node vkg(String local) {
        return NodeFactory.createURI(Graphs.VOCAB + local);
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public DatasetGraph dataset() {
        return kb.store().dataset();
    }

    public Graph union() {
        return dataset().getUnionGraph();
    }

    public <T> T read(Supplier<T> work) {
        return Txn.calculateRead(dataset(), work);
    }

    /**
     * The snapshot of the version the caller's read transaction sees (or, outside one, the newest).
     * The version is read from the data itself, not from {@link KnowledgeBase#version()}: a request
     * that began its transaction before a commit must not get, or build and label, a snapshot of
     * a version its transaction cannot see.
     */
    private Snapshot snapshot() {
        return read(() -> {
            long version = KbVersion.read(dataset());
            Snapshot s = current;
            if (s != null && s.version() == version) return s;
            // Built inside this transaction (Caffeine computes in the caller's thread; a concurrent
            // caller of the same version waits for it), so its content is exactly that version's.
            Snapshot built = snapshots.get(version, this::build);
            advance(built);
            return built;
        });
    }

    /** Makes {@code s} the newest snapshot unless a newer one is already there. */
    private synchronized void advance(Snapshot s) {
        if (current == null || s.version() > current.version()) current = s;
    }

    private Snapshot build(long version) {
        return read(() -> {
            Graph g = union();
            Map<Node, Set<Node>> supers = new TreeMap<>(Comparator.comparing(Node::toString));
            g.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getObject().isURI())
                    supers.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
            });
            List<Set<Node>> groups = new ArrayList<>();
            g.find(Node.ANY, RDF.type.asNode(), OWL2.AllDisjointClasses.asNode()).forEachRemaining(t -> {
                Set<Node> members = new LinkedHashSet<>();
                g.find(t.getSubject(), OWL2.members.asNode(), Node.ANY).forEachRemaining(m -> members.addAll(list(g, m.getObject())));
                groups.add(members);
            });
            g.find(Node.ANY, OWL2.disjointWith.asNode(), Node.ANY).forEachRemaining(t -> groups.add(Set.of(t.getSubject(), t.getObject())));
            return new Snapshot(version, IdIndex.build(g), supers, groups);
        });
    }

    private static List<Node> list(Graph g, Node head) {
        List<Node> out = new ArrayList<>();
        Node n = head;
        for (int guard = 0; n != null && !n.equals(RDF.nil.asNode()) && guard < 1000; guard++) {
            var first = g.find(n, RDF.first.asNode(), Node.ANY);
            if (first.hasNext()) out.add(first.next().getObject());
            var rest = g.find(n, RDF.rest.asNode(), Node.ANY);
            n = rest.hasNext() ? rest.next().getObject() : null;
        }
        return out;
    }

    public IdIndex index() {
        return snapshot().index();
    }

    // ---- resolving what users typed ----

    /** An id in a path: 404 with suggestions when unknown. */
    public Node resolvePath(String id) {
        Node n = index().id(id);
        if (n == null)
            throw new ProblemException(Problem.of(404, "No resource with id '" + id + "'")
                    .with("suggestions", index().suggest(id, false, 8)));
        return n;
    }

    /** An id in a parameter or body field: 400 naming it, with suggestions, when unknown. */
    public Node resolveParam(String param, String id, boolean allowClasses) {
        Node n = index().id(id);
        if (n == null && allowClasses) n = index().vocabClass(id);
        if (n == null)
            throw new ProblemException(Problem.of(400, "Parameter '" + param + "': no id '" + id + "' in the knowledge base")
                    .with("parameter", param).with("suggestions", index().suggest(id, allowClasses, 8)));
        return n;
    }

    /** A resolved id that must be an instance of {@code type}: 400 naming the parameter otherwise. */
    public Node requireA(String param, Node n, Node type, String what) {
        if (!isA(n, type))
            throw new ProblemException(Problem.of(400, "Parameter '" + param + "': '" + IdIndex.idOf(n) + "' is not " + what)
                    .with("parameter", param));
        return n;
    }

    // ---- reading ----

    public boolean isA(Node x, Node type) {
        return union().contains(x, RDF.type.asNode(), type);
    }

    public boolean isClass(Node n) {
        return union().contains(n, RDF.type.asNode(), OWL2.Class.asNode());
    }

    public boolean holds(Node s, Node p, Node o) {
        return union().contains(s, p, o);
    }

    public String label(Node n) {
        String best = null;
        for (var it = union().find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
            Node l = it.next().getObject();
            if (!l.isLiteral()) continue;
            String lang = l.getLiteralLanguage();
            if (lang.isEmpty() || lang.startsWith("en")) return l.getLiteralLexicalForm();
            if (best == null) best = l.getLiteralLexicalForm();
        }
        if (best != null) return best;
        // rdf:type has no label in the knowledge base; it reads as "type" in sentences and pages.
        return n.equals(RDF.type.asNode()) ? "type" : IdIndex.idOf(n);
    }

    public Ref ref(Node n) {
        return new Ref(IdIndex.idOf(n), label(n));
    }

    /**
     * What the claims say, for the version the caller's read transaction sees: built once per
     * version (with the reasoner's disagreements of that moment) and shared.
     */
    public Claims claims() {
        return read(() -> claims.get(KbVersion.read(dataset()), v -> Claims.build(new Claims.World() {
            @Override
            public boolean holds(Triple t) {
                return union().contains(t);
            }

            @Override
            public boolean reads(String graph) {
                return true;
            }

            @Override
            public java.util.Optional<org.virtkg.reasoner.Explanation> explain(Triple t) {
                return kb.withReasoner(r -> r.explain(t));
            }
        }, dataset(), kb.withReasoner(org.virtkg.reasoner.RlReasoner::inconsistencies), this::label)));
    }

    /** The paper's own reasoner and claims, per KB version ({@code view=paper}). */
    private final Cache<Long, PaperView> paperViews = Caffeine.newBuilder().maximumSize(2).build();

    /** The knowledge base as the paper alone gives it, for the version this request reads (inside its read transaction). */
    PaperView paperView() {
        return paperViews.get(KbVersion.read(dataset()), v -> PaperView.of(dataset()));
    }

    /**
     * {@code x}, when the view knows it as a {@code type}: {@code view=paper} does not know the
     * products only current sources name (404, naming {@code parameter} when given).
     */
    Node inView(Node x, Node type, String view, String parameter) {
        if (!view.equals("paper") || paperView().isA(x, type)) return x;
        Problem problem = Problem.of(404, "'" + IdIndex.idOf(x) + "' is not in the paper (view=paper); ask with view=all");
        if (parameter != null) problem = problem.with("parameter", parameter);
        throw new ProblemException(problem.with("view", view));
    }

    /** The claims as a view sees them: the paper's own ({@code paper}), or every source's ({@code all}, {@code current}). */
    public Claims claims(String view) {
        return view.equals("paper") ? paperView().claims(this) : claims();
    }

    /** The value {@code o} of {@code s p}, as the claim it makes. */
    public Value value(Node s, Node p, Node o) {
        return value(s, p, o, claims());
    }

    private Value value(Node s, Node p, Node o, Claims claims) {
        Claims.Evidence e = claims.evidence(s, p, o);
        String basis = e.basis() == null ? null : e.basis().json();
        List<String> sources = e.sources().stream().map(Node::getURI).toList();
        return o.isLiteral() ? new Value(o.getLiteralLexicalForm(), o.getLiteralLexicalForm(), basis, e.disputed(), sources)
                : new Value(IdIndex.idOf(o), label(o), basis, e.disputed(), sources);
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
        Graph from = view.equals("paper") ? paperView().graph() : union();
        Claims claims = claims(view);
        Set<Node> objects = new LinkedHashSet<>();
        from.find(s, p, Node.ANY).forEachRemaining(t -> objects.add(t.getObject()));
        if (inverse != null) from.find(Node.ANY, inverse, s).forEachRemaining(t -> objects.add(t.getSubject()));
        List<Value> out = new ArrayList<>();
        for (Node o : objects) {
            if (o.isBlank()) continue;
            if (view.equals("current") && overtaken(s, p, o, claims)) continue;
            out.add(value(s, p, o, claims));
        }
        out.sort(Comparator.comparing(Value::label, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** True when {@code s p o} is one side of a support disagreement that the newest source decides against. */
    boolean overtaken(Node s, Node p, Node o, Claims claims) {
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

    List<Value> kinds(Node x, String view) {
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
     * Whether {@code x} is open source, and under which licences: {@code status} is
     * {@code open-source}, {@code commercial-service}, {@code unknown} (no source says) or
     * {@code disputed} (sources say both, which the ontology declares disjoint); the class
     * membership's basis, disputed flag and sources; and each licence with its SPDX identifier,
     * basis and sources.
     */
    public Map<String, Object> licensing(Node x) {
        boolean open = isA(x, OPEN_SOURCE);
        boolean service = isService(x);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", open && service ? "disputed" : open ? "open-source" : service ? "commercial-service" : "unknown");
        List<Value> kinds = new ArrayList<>();
        if (open) kinds.add(value(x, RDF.type.asNode(), OPEN_SOURCE));
        if (service) kinds.add(value(x, RDF.type.asNode(), SERVICE));
        m.put("basis", kinds.isEmpty() ? null : kinds.stream().allMatch(Value::inferred) ? "inferred" : "stated");
        m.put("disputed", (open && service) || (!kinds.isEmpty() && kinds.stream().allMatch(Value::disputed)));
        m.put("sources", kinds.stream().flatMap(v -> v.sources().stream()).distinct().sorted().toList());
        List<Map<String, Object>> licences = new ArrayList<>();
        for (Value v : values(x, LICENCE, null)) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", v.id());
            l.put("label", v.label());
            Node n = index().id(v.id());
            l.put("spdx", n == null ? null : notation(n));
            l.put("basis", v.basis());
            l.put("disputed", v.disputed());
            l.put("sources", v.sources());
            licences.add(l);
        }
        m.put("licences", licences);
        return m;
    }

    /** The open-source flag of a {@link #licensing} answer: true, false (a commercial service) or null (unknown or disputed). */
    public static Boolean openSource(Map<String, Object> licensing) {
        return switch ((String) licensing.get("status")) {
            case "open-source" -> Boolean.TRUE;
            case "commercial-service" -> Boolean.FALSE;
            default -> null;
        };
    }

    private String notation(Node n) {
        var it = union().find(n, NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#notation"), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    /** Source graphs that state something about {@code x} (as subject, or as the object of supports), described. */
    public List<Map<String, Object>> sources(Node x) {
        DatasetGraph dsg = dataset();
        Set<Node> graphs = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
        dsg.find(Node.ANY, x, Node.ANY, Node.ANY).forEachRemaining(q -> addGraph(graphs, q));
        dsg.find(Node.ANY, Node.ANY, SUPPORTS, x).forEachRemaining(q -> addGraph(graphs, q));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node g : graphs) out.add(Provenance.describe(dsg, g));
        return out;
    }

    private static void addGraph(Set<Node> graphs, Quad q) {
        if (KnowledgeBase.isAssertedGraph(q.getGraph())) graphs.add(q.getGraph());
    }

    // ---- class reasoning the REST layer needs for "violated" ----

    /** {@code c} and all its named superclasses. */
    public Set<Node> superClassesOf(Node c) {
        Map<Node, Set<Node>> supers = snapshot().superClasses();
        Set<Node> out = new LinkedHashSet<>();
        List<Node> pending = new ArrayList<>(List.of(c));
        while (!pending.isEmpty()) {
            Node n = pending.remove(pending.size() - 1);
            if (out.add(n)) pending.addAll(supers.getOrDefault(n, Set.of()));
        }
        return out;
    }

    /**
     * A class of {@code x} that the ontology declares disjoint with {@code c} (or with one of
     * its superclasses), or null: then {@code x} cannot be a {@code c} without making the KB
     * inconsistent, which is the only closed-world conclusion the REST layer draws.
     */
    public Node disjointClassOf(Node x, Node c) {
        Set<Node> cUp = superClassesOf(c);
        Set<Node> xTypes = new LinkedHashSet<>();
        union().find(x, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) xTypes.addAll(superClassesOf(t.getObject()));
        });
        for (Set<Node> group : snapshot().disjointGroups()) {
            Node fromX = null;
            Node fromC = null;
            for (Node m : group) {
                if (xTypes.contains(m)) fromX = m;
                if (cUp.contains(m)) fromC = m;
            }
            if (fromX != null && fromC != null && !fromX.equals(fromC)) return fromX;
        }
        return null;
    }

    /**
     * Named classes that {@code x} would belong to if it had {@code p v}: classes equivalent to the
     * restriction {@code ∃p.{v}}, or to an intersection of it with named classes {@code x} already
     * belongs to (how the ontology defines Type1Hypervisor and friends).
     */
    public Set<Node> classesImpliedBy(Node x, Node p, Node v) {
        Graph g = union();
        Set<Node> out = new LinkedHashSet<>();
        g.find(Node.ANY, OWL2.hasValue.asNode(), v).forEachRemaining(hv -> {
            Node r = hv.getSubject();
            if (!g.contains(r, OWL2.onProperty.asNode(), p)) return;
            equivalentNamed(g, r, out);
            g.find(Node.ANY, OWL2.intersectionOf.asNode(), Node.ANY).forEachRemaining(i -> {
                List<Node> members = list(g, i.getObject());
                if (!members.contains(r)) return;
                for (Node m : members) if (!m.equals(r) && (!m.isURI() || !isA(x, m))) return;
                equivalentNamed(g, i.getSubject(), out);
            });
        });
        return out;
    }

    private static void equivalentNamed(Graph g, Node anon, Set<Node> out) {
        g.find(Node.ANY, OWL2.equivalentClass.asNode(), anon).forEachRemaining(t -> {
            if (t.getSubject().isURI()) out.add(t.getSubject());
        });
        g.find(anon, OWL2.equivalentClass.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) out.add(t.getObject());
        });
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

    public Map<String, Object> technology(Node t) {
        return technology(t, "all");
    }

    /** The technology as a view gives it ({@code all}, {@code paper} or {@code current}, see {@link #values(Node, Node, Node, String)}). */
    public Map<String, Object> technology(Node t, String view) {
        Map<String, Object> m = head(t);
        m.put("kinds", kinds(t, view));
        putFields(m, t, ProductFields.Kind.technology, view);
        putLicensing(m, t);
        if (!view.equals("all")) m.put("view", view);
        m.put("sources", sources(t));
        return m;
    }

    public Map<String, Object> platform(Node p) {
        return platform(p, "all");
    }

    /** The platform as a view gives it. */
    public Map<String, Object> platform(Node p, String view) {
        Map<String, Object> m = head(p);
        m.put("kinds", kinds(p, view));
        putFields(m, p, ProductFields.Kind.platform, view);
        putLicensing(m, p);
        if (!view.equals("all")) m.put("view", view);
        m.put("sources", sources(p));
        return m;
    }

    /** The short form used in lists: id, label, kinds and, for a product, whether it is open source. */
    public Map<String, Object> summary(Node n) {
        Map<String, Object> m = head(n);
        m.put("kinds", kinds(n));
        if (isA(n, vkg("Product"))) putLicensing(m, n);
        return m;
    }

    /** The values of every field the table ({@link ProductFields}) gives this side, in its order. */
    private void putFields(Map<String, Object> m, Node x, ProductFields.Kind side, String view) {
        for (ProductFields.Field f : ProductFields.of(side)) m.put(f.name(), values(x, f.predicate(), f.inversePredicate(), view));
    }

    private void putLicensing(Map<String, Object> m, Node x) {
        Map<String, Object> licensing = licensing(x);
        m.put("openSource", openSource(licensing));
        m.put("licensing", licensing);
    }

    private Map<String, Object> head(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", IdIndex.idOf(n));
        m.put("iri", n.getURI());
        m.put("label", label(n));
        return m;
    }
}
