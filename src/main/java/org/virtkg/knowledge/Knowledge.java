package org.virtkg.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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

/**
 * The knowledge layer's long-lived part: what is built once per knowledge-base version and shared
 * by every request that reads that version (the id index and class hierarchy, the claims, the
 * paper's own view), and carried to the next version by the changes themselves when they allow it.
 *
 * <p>A request reads through {@link #read}: one {@link Snapshot} (version and read transaction),
 * taken at the edge, and a {@link Catalog} over it that answers from these per-version parts.
 */
public final class Knowledge {
    private final KnowledgeBase kb;
    /**
     * Built id indexes and class hierarchies by version: the newest and the one before the newest
     * batch, so a reader that began before a batch committed never rebuilds (nor one just after).
     */
    private final PerVersion<Built> builds = new PerVersion<>();
    /** What the claims say, per version. */
    private final PerVersion<Claims> claims = new PerVersion<>();
    /** The paper's own reasoner and claims, per KB version ({@code view=paper}). */
    private final PerVersion<PaperView> paperViews = new PerVersion<>();
    /** Predicates whose change alters the class hierarchy, disjointness or the class names: rebuild. */
    private static final Set<Node> SCHEMA = Set.of(RDFS.subClassOf.asNode(), OWL2.disjointWith.asNode(), OWL2.members.asNode(),
            RDF.first.asNode(), RDF.rest.asNode(), OWL2.equivalentClass.asNode());

    /** The id index and class hierarchy of one knowledge-base version. */
    record Built(long version, IdIndex index, Classes classes) {}

    public Knowledge(KnowledgeBase kb) {
        this.kb = kb;
        kb.onCommitted(this::follow);
        kb.onBatchCommitted(batch -> {
            // The versions a batch passed through are never any reader's: only its last one is.
            long first = batch.get(0).version(), last = batch.get(batch.size() - 1).version();
            for (PerVersion<?> views : List.of(builds, claims, paperViews)) views.forgetBetween(first - 1, last);
        });
    }

    public KnowledgeBase kb() {
        return kb;
    }

    /** Runs {@code work} on the catalogue of one snapshot, taken now (or the caller's, inside a read). */
    public <T> T read(Function<Catalog, T> work) {
        return kb.read(s -> work.apply(at(s)));
    }

    /** {@link #read} for work that answers nothing. */
    public void run(Consumer<Catalog> work) {
        kb.read(s -> {
            work.accept(at(s));
            return null;
        });
    }

    /** The catalogue as {@code snapshot} gives it; valid while its read transaction is. */
    public Catalog at(Snapshot snapshot) {
        return new Catalog(this, snapshot);
    }

    // ---- per version ----

    /**
     * The id index and class hierarchy of the snapshot's version. Built inside the snapshot's
     * transaction ({@link PerVersion} computes in the caller's thread; a concurrent caller of the
     * same version waits for it), so its content is exactly that version's.
     */
    Built built(Snapshot s) {
        return builds.get(s.version(), () -> {
            fullBuilds.incrementAndGet();
            return new Built(s.version(), IdIndex.build(s.union()), Classes.read(s.union()));
        });
    }

    private final java.util.concurrent.atomic.AtomicLong fullBuilds = new java.util.concurrent.atomic.AtomicLong();

    /** Tests: how many times the id index and class hierarchy were built from the store rather than followed. */
    long fullBuilds() {
        return fullBuilds.get();
    }

    /** What the claims say at {@code c}'s version: built once per version (with the reasoner's disagreements of that moment). */
    Claims claims(Catalog c) {
        return claims.get(c.version(), () -> Claims.build(new Claims.World() {
            @Override
            public boolean holds(Triple t) {
                return c.union().contains(t);
            }

            @Override
            public boolean reads(String graph) {
                return true;
            }

            @Override
            public java.util.Optional<org.virtkg.reasoner.Explanation> explain(Triple t) {
                return kb.withReasoner(r -> r.explain(t));
            }

            @Override
            public List<Triple> assertedFacts() {
                return KnowledgeBase.assertedTriples(c.dataset());
            }
        }, c.dataset(), kb.withReasoner(org.virtkg.reasoner.RlReasoner::inconsistencies), c::label));
    }

    /** The knowledge base as the paper alone gives it, at {@code c}'s version. */
    PaperView paperView(Catalog c) {
        return paperViews.get(c.version(), () -> PaperView.of(c.dataset()));
    }

    // ---- following changes ----

    /**
     * Carries the build to the version a change produced, from the change itself (an
     * instance-level change only adds or drops ids). Runs before the write returns, so the writer's
     * next read finds it. A schema change, or one caught up from elsewhere, leaves the next reader
     * to rebuild.
     */
    private void follow(KnowledgeBase.Committed change) {
        followClaims(change);
        Built b = builds.getIfPresent(change.version() - 1);
        if (b == null || !change.known() || touchesSchema(change)) return;
        IdIndex index = kb.read(s -> b.index().after(change.added(), change.deleted(), s.union()));
        builds.put(change.version(), new Built(change.version(), index, b.classes()));
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
            claims.clear();
            paperViews.clear();
            return;
        }
        long before = change.version() - 1;
        Claims all = claims.getIfPresent(before);
        PaperView paper = paperViews.getIfPresent(before);
        if (all == null && paper == null) return;
        read(c -> {
            boolean base = followable(change, c.dataset());
            if (all != null && base && claimsStillHold(change, all)) {
                all.follow(change.added(), change.deleted());
                claims.put(change.version(), all);
            }
            // The paper's view reads only the paper's graphs (and labels, read when asked); its
            // claims are built now if they were not, so what they read at build is checked here.
            if (paper != null && base && !touchesPaper(change) && claimsStillHold(change, paper.claims(c)))
                paperViews.put(change.version(), paper);
            return null;
        });
    }

    /**
     * True when views built from claims may follow {@code change} rather than be built anew: its
     * effect on the reasoner is known and kept every derivation and disagreement as it was, it
     * does not touch the class hierarchy, and it dates nothing (read in {@code dsg}, the state after it).
     */
    public static boolean followable(KnowledgeBase.Committed change, DatasetGraph dsg) {
        return change.conclusionsKnown() && !touchesSchema(change) && datesUnchanged(change, dsg);
    }

    /** True when {@code change} leaves every statement {@code c} read at build as it was. */
    public static boolean claimsStillHold(KnowledgeBase.Committed change, Claims c) {
        for (Triple t : change.touched()) {
            Node p = t.getPredicate();
            if (Claims.READ_AT_BUILD.contains(p)) return false;
            if (p.equals(RDF.type.asNode()) && Claims.NOTE_CLASSES.contains(t.getObject())) return false;
            if (c.isNote(t.getSubject()) || c.hasNotes(t)) return false;
            if (LABELS.contains(p) && c.labelledInNotes(t.getSubject())) return false;
        }
        return true;
    }

    /** Predicates {@link Catalog#label} reads. */
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

    public static boolean touchesPaper(KnowledgeBase.Committed change) {
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
}
