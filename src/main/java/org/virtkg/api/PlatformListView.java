package org.virtkg.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.claims.Claims;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.reasoner.Explanation;

/**
 * The parts of the platform list ({@code GET /api/platforms}) of one knowledge-base version that
 * are worth keeping, each kept with what it read, so that a change carries every part it cannot
 * have changed to the next version ({@link #after}) instead of the list being computed anew. After
 * a write, a list of hundreds of support values then costs the values the write touched, not all.
 *
 * <p>The parts: a platform's summary ({@link Catalog#summary}), one support value
 * ({@link Catalog#value} of {@code platform vkg:supports technology}), whether a resource is of a
 * class ({@link Catalog#isA}), and which technologies a platform's support values are about
 * ({@link Catalog#objects}). The first three are computed through {@link Catalog#recording}, which
 * notes the claims they judged and the resources whose labels or notations they read. With the
 * claims' notes, inverse pairs and contradictions unchanged ({@link Knowledge#claimsStillHold})
 * and every derivation kept ({@link Knowledge#followable}), a claim's evidence reads only the
 * quads stating it or its inverse and, when inferred, those stating the triples of its
 * derivation; so such a part can change only when a change adds or removes (asserted or inferred)
 * one of those triples, their inverses, or a statement about a resource it read. A summary also
 * watches every statement about its platform, which decides which kinds and licences it lists.
 * A platform's technologies change only by support triples from or to it: added ones are joined
 * to the kept ones, a removed one has the platform read again. Touched parts are dropped and
 * computed again when next asked; every other part is carried. A change that is not followable
 * drops them all (the next request starts an empty view). Resources are compared by
 * case-insensitive id, as {@link IdIndex} looks them up.
 *
 * <p>The support values are sorted by label, as {@link Catalog#values} sorts them; only where two
 * labels are equal does the store's order decide, so a kept list with a tie is read from the
 * store again. Which platforms there are, which are services for this request, and the filter by
 * technology or class are read again at each version by the same code as before: an answer is
 * always the one a full computation at its version gives. {@code PlatformListFollowsChangesTest}
 * compares both.
 */
final class PlatformListView {
    /**
     * What a part read: triples whose evidence or presence it used (closed under inverse),
     * resources by lower-case id, and the claims it judged inferred, whose derivations' triples it
     * read too. Those are walked when the part is first followed, not when it is computed: a
     * followable change keeps every derivation as it was, so the walk finds the same triples then,
     * and a list computed anew after a change that is not followed costs no more than before.
     */
    static final class Deps {
        final Set<Triple> triples;
        final Set<String> resources;
        final List<Triple> inferred;
        private volatile Set<Triple> derivations;

        Deps(Set<Triple> triples, Set<String> resources, List<Triple> inferred) {
            this.triples = triples;
            this.resources = resources;
            this.inferred = inferred;
            this.derivations = inferred.isEmpty() ? Set.of() : null;
        }

        /** The triples (either way round) of the derivations of the inferred claims. */
        Set<Triple> derivations(Catalog catalog, Claims claims) {
            Set<Triple> d = derivations;
            if (d == null) {
                Set<Triple> out = new HashSet<>();
                for (Triple t : inferred) catalog.explain(t).ifPresent(e -> addDerivation(out, e, claims));
                derivations = d = Set.copyOf(out);
            }
            return d;
        }
    }

    record Part<T>(T value, Deps deps) {}

    final long version;
    /** The claims every part was judged with; a version whose catalogue has other claims gets a view of its own. */
    final Claims claims;
    private final Map<Node, Part<Catalog.Summary>> summaries;
    private final Map<Triple, Part<Catalog.Value>> values;
    private final Map<Triple, Part<Boolean>> memberships;
    /** Per platform, the technologies of its support values ({@link Catalog#objects}), as read or followed since. */
    private final Map<Node, List<Node>> objects;

    PlatformListView(long version, Claims claims) {
        this(version, claims, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private PlatformListView(long version, Claims claims, Map<Node, Part<Catalog.Summary>> summaries,
                             Map<Triple, Part<Catalog.Value>> values, Map<Triple, Part<Boolean>> memberships,
                             Map<Node, List<Node>> objects) {
        this.version = version;
        this.claims = claims;
        this.summaries = summaries;
        this.values = values;
        this.memberships = memberships;
        this.objects = objects;
    }

    /** {@link Catalog#summary} of {@code p}. */
    Catalog.Summary summary(Catalog catalog, Node p) {
        Part<Catalog.Summary> part = summaries.get(p);
        if (part == null) {
            part = compute(catalog, () -> catalog.summary(p), Set.of(p));
            summaries.put(p, part);
        }
        return part.value();
    }

    /**
     * The values of {@code p vkg:supports} (and {@code vkg:supportedBy p}), as
     * {@link Catalog#values(Node, Node, Node)} gives them. Which technologies they are is kept too,
     * followed as changes add some; their order is the labels' alone unless two labels are equal
     * (then the store's order decides, so the list is read from the store again).
     */
    List<Catalog.Value> supports(Catalog catalog, Node p) {
        List<Node> kept = objects.get(p);
        if (kept != null) {
            List<Catalog.Value> out = values(catalog, p, kept);
            if (!tied(out)) return out;
        }
        List<Node> read = catalog.objects(p, Catalog.SUPPORTS, Catalog.SUPPORTED_BY);
        objects.put(p, List.copyOf(read));
        return values(catalog, p, read);
    }

    private List<Catalog.Value> values(Catalog catalog, Node p, List<Node> objects) {
        List<Catalog.Value> out = new ArrayList<>(objects.size());
        for (Node o : objects) {
            Triple key = Triple.create(p, Catalog.SUPPORTS, o);
            Part<Catalog.Value> part = values.get(key);
            if (part == null) {
                part = compute(catalog, () -> catalog.value(p, Catalog.SUPPORTS, o), Set.of());
                values.put(key, part);
            }
            out.add(part.value());
        }
        out.sort(Catalog.VALUE_ORDER);
        return out;
    }

    /** True when two of the sorted {@code values} have the same label (ignoring case). */
    private static boolean tied(List<Catalog.Value> values) {
        for (int i = 1; i < values.size(); i++) if (Catalog.VALUE_ORDER.compare(values.get(i - 1), values.get(i)) == 0) return true;
        return false;
    }

    /** {@link Catalog#isA}. */
    boolean isA(Catalog catalog, Node x, Node type) {
        Triple key = Triple.create(x, org.apache.jena.vocabulary.RDF.type.asNode(), type);
        Part<Boolean> part = memberships.get(key);
        if (part == null) {
            part = compute(catalog, () -> catalog.isA(x, type), Set.of());
            memberships.put(key, part);
        }
        return part.value();
    }

    private <T> Part<T> compute(Catalog catalog, Supplier<T> computation, Set<Node> watched) {
        Catalog.Reads reads = new Catalog.Reads();
        T value = catalog.recording(reads, computation);
        Set<Triple> triples = new HashSet<>();
        for (Triple t : reads.claims) addEitherWay(triples, t, claims);
        Set<String> resources = new HashSet<>();
        for (Node n : reads.resources) resources.add(key(n));
        for (Node n : watched) resources.add(key(n));
        // An inferred claim's sources and disputed flag are those of the facts of its derivation.
        return new Part<>(value, new Deps(Set.copyOf(triples), Set.copyOf(resources), List.copyOf(reads.inferred)));
    }

    private static void addDerivation(Set<Triple> triples, Explanation e, Claims claims) {
        List<Explanation> pending = new ArrayList<>(List.of(e));
        Set<Triple> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Explanation x = pending.remove(pending.size() - 1);
            if (!seen.add(x.triple())) continue;
            addEitherWay(triples, x.triple(), claims);
            pending.addAll(x.premises());
        }
    }

    private static void addEitherWay(Set<Triple> triples, Triple t, Claims claims) {
        triples.add(t);
        Triple inv = claims.inverse(t);
        if (inv != null) triples.add(inv);
    }

    private static String key(Node n) {
        return (n.isURI() ? IdIndex.idOf(n) : n.toString()).toLowerCase(Locale.ROOT);
    }

    /**
     * This view after {@code changes} (consecutive, the first following this version): the parts
     * no change can have touched, or null when a change is not one it can follow. The caller holds
     * a read transaction seeing the state after the last change.
     */
    PlatformListView after(Catalog catalog, List<KnowledgeBase.Committed> changes) {
        long expected = version + 1;
        Set<Triple> added = new HashSet<>(), removed = new HashSet<>();
        for (KnowledgeBase.Committed c : changes) {
            if (c.version() != expected++ || !Knowledge.followable(c, catalog.dataset()) || !Knowledge.claimsStillHold(c, claims)) return null;
            for (Quad q : c.added()) added.add(q.asTriple());
            for (Quad q : c.deleted()) removed.add(q.asTriple());
            added.addAll(c.inferredAdded());
            removed.addAll(c.inferredRemoved());
        }
        Set<Triple> touched = new HashSet<>(added);
        touched.addAll(removed);
        // A part's triples are closed under inverse, so the touched triples as they are suffice
        // for them; a resource is touched by a statement about it either way round.
        Set<String> resources = new HashSet<>();
        for (Triple t : touched) {
            resources.add(key(t.getSubject()));
            Triple inv = claims.inverse(t);
            if (inv != null) resources.add(key(inv.getSubject()));
        }
        return new PlatformListView(changes.get(changes.size() - 1).version(), claims,
                kept(summaries, touched, resources, catalog), kept(values, touched, resources, catalog),
                kept(memberships, touched, resources, catalog),
                keptObjects(added, removed));
    }

    /**
     * The technologies of each platform's support values after the changes: those the changes
     * add (a {@code vkg:supports} from the platform or a {@code vkg:supportedBy} to it, asserted or
     * inferred) joined to the kept ones; a platform that lost one is read from the store again.
     */
    private Map<Node, List<Node>> keptObjects(Set<Triple> added, Set<Triple> removed) {
        Map<Node, Set<Node>> more = new java.util.HashMap<>();
        Set<Node> lost = new HashSet<>();
        for (Triple t : added) {
            Node[] pair = supportPair(t);
            if (pair != null && !pair[1].isBlank()) more.computeIfAbsent(pair[0], k -> new java.util.LinkedHashSet<>()).add(pair[1]);
        }
        for (Triple t : removed) {
            Node[] pair = supportPair(t);
            if (pair != null) lost.add(pair[0]);
        }
        Map<Node, List<Node>> out = new ConcurrentHashMap<>();
        for (var e : objects.entrySet()) {
            if (lost.contains(e.getKey())) continue;
            Set<Node> extra = more.get(e.getKey());
            if (extra == null) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            java.util.LinkedHashSet<Node> joined = new java.util.LinkedHashSet<>(e.getValue());
            joined.addAll(extra);
            out.put(e.getKey(), List.copyOf(joined));
        }
        return out;
    }

    /** For a support triple either way round: the platform and the technology; otherwise null. */
    private static Node[] supportPair(Triple t) {
        if (t.getPredicate().equals(Catalog.SUPPORTS)) return new Node[] {t.getSubject(), t.getObject()};
        if (t.getPredicate().equals(Catalog.SUPPORTED_BY)) return new Node[] {t.getObject(), t.getSubject()};
        return null;
    }

    private <K, T> Map<K, Part<T>> kept(Map<K, Part<T>> parts, Set<Triple> touched, Set<String> resources, Catalog catalog) {
        Map<K, Part<T>> out = new ConcurrentHashMap<>();
        for (var e : parts.entrySet())
            if (untouched(e.getValue().deps(), touched, resources, catalog)) out.put(e.getKey(), e.getValue());
        return out;
    }

    private boolean untouched(Deps deps, Set<Triple> touched, Set<String> resources, Catalog catalog) {
        for (String r : deps.resources) if (resources.contains(r)) return false;
        return disjoint(deps.triples, touched) && disjoint(deps.derivations(catalog, claims), touched);
    }

    private static boolean disjoint(Set<Triple> a, Set<Triple> b) {
        Set<Triple> smaller = a.size() < b.size() ? a : b;
        Set<Triple> larger = smaller == a ? b : a;
        for (Triple t : smaller) if (larger.contains(t)) return false;
        return true;
    }

    /** Tests: how many parts of each kind this view holds (summaries, values, memberships, platforms' technologies). */
    List<Integer> sizes() {
        return List.of(summaries.size(), values.size(), memberships.size(), objects.size());
    }
}
