package org.virtkg.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.kb.Disagreements;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.reasoner.Explanation;
import org.virtkg.reasoner.Inconsistency;
import org.virtkg.reasoner.RlReasoner;
import org.virtkg.store.Graphs;

/**
 * The one definition of what the knowledge base says about a claim (a triple), used by every view:
 * REST, {@code /id/{name}} pages, the matrix, selection and comparison.
 *
 * <ul>
 *   <li><b>basis</b>: {@code stated} when some source graph states the triple, in either direction
 *       of an {@code owl:inverseOf} pair ("Table 2 says OpenStack supports KVM" states "KVM is
 *       supported by OpenStack" too); {@code inferred} when only reasoning gives it.
 *   <li><b>sources</b>: the graphs stating it; for an inferred claim, those stating the facts its
 *       derivation rests on (the ontology's axioms are the rules, not evidence).
 *   <li><b>notes</b>: {@code vkg:Dispute} and {@code vkg:Condition} notes naming the claim, and
 *       <em>contradictions</em>: statements of other sources that cannot hold together with it,
 *       as the reasoner finds them (the write pipeline records them only when both sides are
 *       sourced, see {@link Disagreements}).
 *   <li><b>disputed</b>: a contradiction holds; or every source stating it is disputed by a note
 *       (a note naming no source disputes the claim whoever states it); or, for an inferred claim,
 *       a note names it or every derivation of it rests on a disputed fact (it does not follow
 *       from the undisputed facts alone; then its sources are those of such a derivation).
 * </ul>
 *
 * <p>An instance reads one version of the knowledge base as one view sees it ({@link World});
 * build it inside a read transaction and keep it for that version only.
 */
public final class Claims {
    static final String VKG = Graphs.VOCAB;
    private static final Node CLAIM_SUBJECT = vkg("claimSubject");
    private static final Node CLAIM_PROPERTY = vkg("claimProperty");
    private static final Node CLAIM_OBJECT = vkg("claimObject");
    private static final Node ABOUT_SOURCE = vkg("aboutSource");
    private static final Node DISPUTE = vkg("Dispute");
    private static final Node CONDITION = vkg("Condition");
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node AS_OF = vkg("asOf");
    public static final Node SUPPORTS = vkg("supports");
    public static final Node DOES_NOT_SUPPORT = vkg("doesNotSupport");

    /** Where a claim's truth and its statements are read from: the whole knowledge base, or the paper alone. */
    public interface World {
        /** True when the triple is in this world's closure. */
        boolean holds(Triple t);

        /** True for graphs this world reads. */
        boolean reads(String graph);

        /** Why the triple holds, down to asserted facts. */
        Optional<Explanation> explain(Triple t);

        /** Every fact this world's graphs state (in the caller's read transaction). */
        List<Triple> assertedFacts();
    }

    /** Stated or inferred. */
    public enum Basis {
        STATED, INFERRED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A note on a claim: {@code dispute} or {@code condition} (a {@code vkg:ClaimNote}, with its
     * IRI), {@code contradiction} (another source's statements that cannot hold with it; {@code
     * others} names them), or {@code rests-on-disputed} (an inferred claim whose derivation uses a
     * disputed fact, {@code others}). {@code statedIn} is the graph that states a dispute or
     * condition (its description says who filed it and when); null for the notes the knowledge
     * base draws itself.
     */
    public record Note(String kind, Node id, String text, List<Node> about, List<Node> grounds, List<Triple> others, Node statedIn) {}

    /** What the knowledge base says about one claim. {@code basis} is null when it does not hold. */
    public record Evidence(Triple claim, boolean holds, Basis basis, List<Node> sources, List<Note> notes, boolean disputed) {
        /** A condition a source attaches to it: a support claim with one is answered {@code partial}. */
        public boolean conditional() {
            return notes.stream().anyMatch(n -> n.kind().equals("condition"));
        }
    }

    /** A compatibility answer: one of the five states, and the evidence both ways. */
    public record Compatibility(String status, Basis basis, Evidence supports, Evidence doesNotSupport) {
        /** The evidence the status rests on: the negative when the answer is no, else support when it holds, else the negative. */
        public Evidence deciding() {
            if (status.equals("unsupported")) return doesNotSupport;
            return supports.holds() || !doesNotSupport.holds() ? supports : doesNotSupport;
        }
    }

    private final World world;
    private final DatasetGraph dsg;
    private final Function<Node, String> label;
    /** owl:inverseOf, both ways. */
    private final Map<Node, Node> inverses = new HashMap<>();
    private final Map<Triple, List<Note>> notes = new HashMap<>();
    /** Every resource naming a claim ({@code vkg:claimSubject}): a note, or one a type would make a note. */
    private final Set<Node> noteIds = new java.util.HashSet<>();
    /** Resources whose labels went into the text of the contradiction notes at build. */
    private final Set<Node> labelledInNotes = new java.util.HashSet<>();
    /** Source graph → its date (ISO {@code yyyy-mm-dd}), or "" when undated. */
    private final Map<Node, String> dates = new java.util.concurrent.ConcurrentHashMap<>();

    private Claims(World world, DatasetGraph dsg, Function<Node, String> label) {
        this.world = world;
        this.dsg = dsg;
        this.label = label;
    }

    /**
     * Reads the notes and inverse pairs of {@code world} from {@code dsg} (in the caller's read
     * transaction) and the contradictions from the world's current inconsistencies.
     */
    public static Claims build(World world, DatasetGraph dsg, List<Inconsistency> inconsistencies, Function<Node, String> label) {
        Claims c = new Claims(world, dsg, label);
        dsg.find(Node.ANY, Node.ANY, OWL2.inverseOf.asNode(), Node.ANY).forEachRemaining(q -> {
            if (!KnowledgeBase.isAssertedGraph(q.getGraph()) || !world.reads(q.getGraph().getURI())) return;
            c.inverses.put(q.getSubject(), q.getObject());
            c.inverses.put(q.getObject(), q.getSubject());
        });
        c.readNotes();
        for (Inconsistency inc : inconsistencies) c.addContradictions(inc);
        // Notes in one order, not the store's: a claim's disputes and conditions by IRI, then its contradictions.
        for (List<Note> ns : c.notes.values()) ns.sort(NOTE_ORDER);
        return c;
    }

    private static Node vkg(String local) {
        return NodeFactory.createURI(VKG + local);
    }

    private void readNotes() {
        dsg.find(Node.ANY, Node.ANY, CLAIM_SUBJECT, Node.ANY).forEachRemaining(q -> {
            Node g = q.getGraph();
            if (!KnowledgeBase.isAssertedGraph(g) || !world.reads(g.getURI())) return;
            Node n = q.getSubject();
            noteIds.add(n);
            Node p = one(g, n, CLAIM_PROPERTY);
            Node o = one(g, n, CLAIM_OBJECT);
            if (p == null || o == null) return;
            String kind = dsg.contains(g, n, RDF.type.asNode(), CONDITION) ? "condition"
                    : dsg.contains(g, n, RDF.type.asNode(), DISPUTE) ? "dispute" : null;
            if (kind == null) return;
            Note note = new Note(kind, n, text(g, n), all(g, n, ABOUT_SOURCE), all(g, n, DERIVED_FROM), List.of(), g);
            notes.computeIfAbsent(Triple.create(q.getObject(), p, o), k -> new ArrayList<>()).add(note);
        });
    }

    private Node one(Node g, Node s, Node p) {
        var it = dsg.find(g, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** The objects of {@code s p} in graph {@code g}, in text order (not the store's). */
    private List<Node> all(Node g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(g, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        out.sort(Comparator.comparing(Node::toString));
        return out;
    }

    private static final Comparator<Note> NOTE_ORDER = Comparator.comparing((Note n) -> n.id() == null)
            .thenComparing(n -> n.id() == null ? "" : n.id().toString()).thenComparing(Note::text);

    private String text(Node g, Node n) {
        Node c = one(g, n, RDFS.comment.asNode());
        if (c == null) c = one(g, n, RDFS.label.asNode());
        return c == null || !c.isLiteral() ? "" : c.getLiteralLexicalForm();
    }

    /**
     * For each premise of {@code inc}, the facts of the <em>other</em> premises' derivations are
     * what contradicts it (and every fact its own derivation rests on).
     */
    private void addContradictions(Inconsistency inc) {
        List<Triple> premises = inc.triples();
        List<Map<Triple, List<Node>>> basisOf = new ArrayList<>();
        for (Explanation e : inc.explanations()) basisOf.add(factsOf(e));
        for (int i = 0; i < premises.size() && i < basisOf.size(); i++) {
            List<Triple> others = new ArrayList<>();
            List<Node> grounds = new ArrayList<>();
            for (int j = 0; j < basisOf.size(); j++) {
                if (j == i) continue;
                for (var f : basisOf.get(j).entrySet()) {
                    if (basisOf.get(i).containsKey(f.getKey()) || others.contains(f.getKey())) continue;
                    others.add(f.getKey());
                    for (Node g : f.getValue()) if (!grounds.contains(g)) grounds.add(g);
                }
            }
            grounds.sort(BY_IRI);
            if (others.isEmpty()) continue;
            for (Triple t : others) labelledInNotes.addAll(List.of(t.getSubject(), t.getPredicate(), t.getObject()));
            String text = "Contradicted by " + String.join("; ", others.stream().map(t -> "'" + sentence(t) + "'").toList())
                    + " (" + inc.message() + ")";
            Note note = new Note("contradiction", null, text, List.of(), grounds, others, null);
            Set<Triple> keys = new LinkedHashSet<>();
            keys.add(premises.get(i));
            keys.addAll(basisOf.get(i).keySet());
            for (Triple k : keys) notes.computeIfAbsent(k, x -> new ArrayList<>()).add(note);
        }
    }

    /** The asserted facts (not axioms) an explanation rests on, with the graphs of this world stating them. */
    private Map<Triple, List<Node>> factsOf(Explanation root) {
        return Disagreements.factsOf(dsg, List.of(root), world::reads);
    }

    /** "CloudStack does not support KVM": the claim in words, from labels. */
    public String sentence(Triple t) {
        return label.apply(t.getSubject()) + " " + label.apply(t.getPredicate()) + " "
                + (t.getObject().isLiteral() ? "'" + t.getObject().getLiteralLexicalForm() + "'" : label.apply(t.getObject()));
    }

    /** The triple the other way round, when its property has an inverse. */
    public Triple inverse(Triple t) {
        Node inv = inverses.get(t.getPredicate());
        return inv == null || t.getObject().isLiteral() ? null : Triple.create(t.getObject(), inv, t.getSubject());
    }

    /** Graphs of this world stating {@code t} exactly (not its inverse). */
    private List<Node> statingGraphs(Triple t) {
        List<Node> out = new ArrayList<>();
        dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).forEachRemaining(q -> {
            Node g = q.getGraph();
            if (KnowledgeBase.isAssertedGraph(g) && world.reads(g.getURI()) && !out.contains(g)) out.add(g);
        });
        return out;
    }

    /**
     * Graphs of this world stating {@code t} in either direction of an inverse pair: the basis
     * "stated". In IRI order: the store's own order follows its node ids, which depend on the order
     * the statements were first written, so a restored or copied store would list them otherwise.
     */
    private List<Node> statingEitherWay(Triple t) {
        List<Node> stating = statingGraphs(t);
        Triple inv = inverse(t);
        if (inv != null) for (Node g : statingGraphs(inv)) if (!stating.contains(g)) stating.add(g);
        stating.sort(BY_IRI);
        return stating;
    }

    private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::getURI);

    private List<Note> notesOf(Triple t) {
        List<Note> out = new ArrayList<>(notes.getOrDefault(t, List.of()));
        Triple inv = inverse(t);
        if (inv != null) for (Note n : notes.getOrDefault(inv, List.of())) if (!out.contains(n)) out.add(n);
        return out;
    }

    /** True when a note (dispute, condition, contradiction) names {@code t} or its inverse. */
    public boolean hasNotes(Triple t) {
        return !notesOf(t).isEmpty();
    }

    /** True when {@code n} names a claim ({@code vkg:claimSubject}): its statements are a note's, read at build. */
    public boolean isNote(Node n) {
        return noteIds.contains(n);
    }

    /** True when {@code n}'s label is part of a contradiction note's text, which is written at build. */
    public boolean labelledInNotes(Node n) {
        return labelledInNotes.contains(n);
    }

    public Evidence evidence(Node s, Node p, Node o) {
        return evidence(Triple.create(s, p, o));
    }

    /** The evidence for {@code t}: the one rule every view applies. */
    public Evidence evidence(Triple t) {
        boolean holds = world.holds(t);
        List<Node> stating = statingEitherWay(t);
        List<Note> ns = notesOf(t);
        if (!holds) return new Evidence(t, false, null, stating, ns, false);
        if (!stating.isEmpty()) return new Evidence(t, true, Basis.STATED, stating, ns, disputedStated(stating, ns));
        // Inferred: the sources are those of the facts it rests on; it is disputed when a note
        // names it, or when one of those facts is disputed.
        Map<Triple, List<Node>> basis = world.explain(t).map(this::factsOf).orElse(Map.of());
        boolean disputed = ns.stream().anyMatch(n -> !n.kind().equals("condition"));
        List<Triple> disputedBasis = disputedAmong(basis.keySet(), t);
        if (!disputedBasis.isEmpty()) {
            // The derivation the reasoner recorded (the first it found) rests on a disputed fact;
            // the claim is disputed only if every derivation does, i.e. if it does not follow
            // from the undisputed facts alone. If it does, that derivation is the one given.
            Optional<Explanation> undisputedDerivation = undisputedDerivation(t);
            if (undisputedDerivation.isPresent()) {
                basis = factsOf(undisputedDerivation.get());
                disputedBasis = List.of();
            }
        }
        List<Node> sources = new ArrayList<>();
        basis.values().forEach(gs -> gs.forEach(g -> { if (!sources.contains(g)) sources.add(g); }));
        sources.sort(BY_IRI);
        if (!disputedBasis.isEmpty()) {
            ns = new ArrayList<>(ns);
            ns.add(new Note("rests-on-disputed", null, "Follows from " + String.join("; ", disputedBasis.stream().map(f -> "'" + sentence(f) + "'").toList())
                    + ", which is disputed", List.of(), List.of(), disputedBasis, null));
            disputed = true;
        }
        return new Evidence(t, true, Basis.INFERRED, sources, ns, disputed);
    }

    /** The facts among {@code facts} (other than {@code claim} itself) that are disputed. */
    private List<Triple> disputedAmong(java.util.Collection<Triple> facts, Triple claim) {
        List<Triple> out = new ArrayList<>();
        for (Triple f : facts) if (!f.equals(claim) && disputedStated(statingEitherWay(f), notesOf(f))) out.add(f);
        return out;
    }

    /**
     * The world's facts less the disputed ones, reasoned over: built on first need (the shipped
     * data's 23,000 facts less some thirty disputed ones took 35–60 ms here) and then kept up to
     * date with each change the claims follow ({@link #follow}). Null until needed.
     */
    private RlReasoner undisputed;
    /** The disputed facts left out of {@link #undisputed}: fixed for this instance, since its notes are. */
    private Set<Triple> leftOut;

    /** Why {@code t} follows from the undisputed facts alone, or empty when it does not. */
    private synchronized Optional<Explanation> undisputedDerivation(Triple t) {
        if (undisputed == null) {
            leftOut = disputedFacts();
            List<Triple> facts = new ArrayList<>();
            for (Triple f : world.assertedFacts()) if (!leftOut.contains(f)) facts.add(f);
            RlReasoner r = RlReasoner.create();
            r.add(facts);
            undisputed = r;
        }
        return undisputed.contains(t) ? undisputed.explain(t) : Optional.empty();
    }

    /** Every fact a note names (either way round) that is disputed: what the undisputed reasoner leaves out. */
    private Set<Triple> disputedFacts() {
        Set<Triple> out = new java.util.HashSet<>();
        for (Triple named : notes.keySet()) {
            Triple inv = inverse(named);
            for (Triple f : inv == null ? List.of(named) : List.of(named, inv))
                if (disputedStated(statingEitherWay(f), notesOf(f))) out.add(f);
        }
        return out;
    }

    /**
     * Brings these claims to the version a change produced, when they serve it unchanged (the
     * change touched nothing read at build: see {@code knowledge/Knowledge.followClaims}): the
     * undisputed reasoner, if built, takes the facts the change added and drops those no graph of
     * this world states any more. Call in a read transaction of the new version.
     */
    public synchronized void follow(java.util.Collection<Quad> added, java.util.Collection<Quad> deleted) {
        if (undisputed == null) return;
        List<Triple> in = new ArrayList<>(), out = new ArrayList<>();
        for (Quad q : added)
            if (KnowledgeBase.isAssertedGraph(q.getGraph()) && world.reads(q.getGraph().getURI()) && !leftOut.contains(q.asTriple())) in.add(q.asTriple());
        for (Quad q : deleted)
            if (KnowledgeBase.isAssertedGraph(q.getGraph()) && world.reads(q.getGraph().getURI()) && statingGraphs(q.asTriple()).isEmpty()) out.add(q.asTriple());
        undisputed.add(in);
        undisputed.remove(out);
    }

    /** A stated claim is disputed when contradicted, or when disputes cover every source stating it. */
    private static boolean disputedStated(List<Node> stating, List<Note> ns) {
        Set<Node> covered = new java.util.HashSet<>();
        for (Note n : ns) {
            if (n.kind().equals("contradiction")) return true;
            if (!n.kind().equals("dispute")) continue;
            if (n.about().isEmpty()) return true;
            covered.addAll(n.about());
        }
        return !covered.isEmpty() && covered.containsAll(stating);
    }

    /**
     * Does {@code platform} support {@code technology}? {@code supported}, {@code partial} (a
     * condition is attached), {@code unsupported} (only for a stated or entailed
     * {@code vkg:doesNotSupport}: the world is open), {@code disputed} (sources disagree, or the
     * only support is disputed), or {@code unknown}.
     */
    public Compatibility compatibility(Node platform, Node technology) {
        Evidence sup = evidence(platform, SUPPORTS, technology);
        Evidence neg = evidence(platform, DOES_NOT_SUPPORT, technology);
        if (sup.holds() && neg.holds()) {
            Basis b = sup.basis() == Basis.STATED || neg.basis() == Basis.STATED ? Basis.STATED : Basis.INFERRED;
            return new Compatibility("disputed", b, sup, neg);
        }
        if (sup.holds())
            return new Compatibility(sup.disputed() ? "disputed" : sup.conditional() ? "partial" : "supported", sup.basis(), sup, neg);
        if (neg.holds()) return new Compatibility(neg.disputed() ? "disputed" : "unsupported", neg.basis(), sup, neg);
        return new Compatibility("unknown", null, sup, neg);
    }

    /**
     * The answer when the newest source wins ({@code view=current}): where statements for and
     * against the claim both hold, the side whose newest source is dated later decides; where
     * either side is undated, or both are as new, it stays {@code disputed}. A side that is
     * disputed for another reason (a dispute note, or resting on a disputed fact) stays disputed.
     * Any other answer is unchanged: with no disagreement there is nothing to weigh.
     */
    public Compatibility newestWins(Compatibility a) {
        Evidence yes = a.supports(), no = a.doesNotSupport();
        if (!yes.holds() || !no.holds()) return a;
        Optional<String> yesDate = newest(yes.sources()), noDate = newest(no.sources());
        if (yesDate.isEmpty() || noDate.isEmpty() || yesDate.get().equals(noDate.get())) return a;
        Evidence winner = yesDate.get().compareTo(noDate.get()) > 0 ? yes : no;
        String status = disputedApartFromDisagreement(winner) ? "disputed"
                : winner == no ? "unsupported" : winner.conditional() ? "partial" : "supported";
        return new Compatibility(status, winner.basis(), yes, no);
    }

    /** True when the evidence is disputed by something other than a contradicting statement. */
    private static boolean disputedApartFromDisagreement(Evidence e) {
        List<Note> others = e.notes().stream().filter(n -> !n.kind().equals("contradiction")).toList();
        if (e.basis() == Basis.STATED) return disputedStated(e.sources(), others);
        return others.stream().anyMatch(n -> !n.kind().equals("condition"));
    }

    /** The latest date among the sources, when any is dated. */
    public Optional<String> newest(List<Node> sources) {
        return sources.stream().map(this::dateOf).filter(d -> !d.isEmpty()).max(String::compareTo);
    }

    /**
     * The date a source graph's facts hold for ({@code vkg:asOf}, ISO): its own, else that of what
     * it is derived from (a table cell of the paper: the paper's); "" when undated.
     */
    public String dateOf(Node graph) {
        return dates.computeIfAbsent(graph, g -> dateIn(dsg, g));
    }

    /** {@link #dateOf}, read from {@code dsg} now (the caller's transaction), not remembered. */
    public static String dateIn(DatasetGraph dsg, Node graph) {
        String own = asOf(dsg, graph);
        if (own != null) return own;
        var from = dsg.find(Node.ANY, graph, DERIVED_FROM, Node.ANY);
        while (from.hasNext()) {
            String d = asOf(dsg, from.next().getObject());
            if (d != null) return d;
        }
        return "";
    }

    /** Predicates whose statements this class reads once, at build (notes, inverse pairs) or remembers (dates). */
    public static final Set<Node> READ_AT_BUILD = Set.of(CLAIM_SUBJECT, CLAIM_PROPERTY, CLAIM_OBJECT, ABOUT_SOURCE, AS_OF,
            OWL2.inverseOf.asNode());

    /** The note classes: a resource that becomes one becomes a note. */
    public static final Set<Node> NOTE_CLASSES = Set.of(DISPUTE, CONDITION);

    private static String asOf(DatasetGraph dsg, Node x) {
        var it = dsg.find(Node.ANY, x, AS_OF, Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (q.getObject().isLiteral() && KnowledgeBase.isAssertedGraph(q.getGraph())) return q.getObject().getLiteralLexicalForm();
        }
        return null;
    }

    /** Every quad of the dataset in this world's graphs stating {@code t}: the claim's statements. */
    public List<Quad> statements(Triple t) {
        List<Quad> out = new ArrayList<>();
        for (Node g : statingGraphs(t)) out.add(Quad.create(g, t));
        return out;
    }
}
