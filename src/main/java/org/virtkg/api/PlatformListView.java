package org.virtkg.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * have changed to the next version ({@link #after}) instead of the list being computed anew.
 *
 * <p>The parts: a platform's summary ({@link Catalog#summary}), one support value
 * ({@link Catalog#value} of {@code platform vkg:supports technology}), and whether a resource is
 * of a class ({@link Catalog#isA}). Each is computed through {@link Catalog#recording}, which
 * notes the claims it judged and the resources whose labels or notations it read. With the
 * claims' notes, inverse pairs and contradictions unchanged ({@link Knowledge#claimsStillHold})
 * and every derivation kept ({@link Knowledge#followable}), a claim's evidence reads only the
 * quads stating it or its inverse and, when inferred, those stating the triples of its
 * derivation; so a part can change only when a change adds or removes (asserted or inferred) one
 * of those triples, their inverses, or a statement about a resource it read. A summary also
 * watches every statement about its platform, which decides which kinds and licences it lists.
 * Such parts are dropped and computed again when next asked; every other part is carried. A change
 * that is not followable drops them all (the next request starts an empty view). Resources are
 * compared by case-insensitive id, as {@link IdIndex} looks them up.
 *
 * <p>What is not kept, the list itself (which platforms, which of them are services, which values
 * of a platform there are and in which order, the filter by technology or class), is read again
 * at each version, cheaply, by the same code as before: an answer is always the one a full
 * computation at its version gives. {@code PlatformListFollowsChangesTest} compares both.
 */
final class PlatformListView {
    /** What a part read: triples whose evidence or presence it used (closed under inverse), and resources by lower-case id. */
    record Deps(Set<Triple> triples, Set<String> resources) {}

    record Part<T>(T value, Deps deps) {}

    final long version;
    /** The claims every part was judged with; a version whose catalogue has other claims gets a view of its own. */
    final Claims claims;
    private final Map<Node, Part<Map<String, Object>>> summaries;
    private final Map<Triple, Part<Catalog.Value>> values;
    private final Map<Triple, Part<Boolean>> memberships;

    PlatformListView(long version, Claims claims) {
        this(version, claims, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private PlatformListView(long version, Claims claims, Map<Node, Part<Map<String, Object>>> summaries,
                             Map<Triple, Part<Catalog.Value>> values, Map<Triple, Part<Boolean>> memberships) {
        this.version = version;
        this.claims = claims;
        this.summaries = summaries;
        this.values = values;
        this.memberships = memberships;
    }

    /** {@link Catalog#summary} of {@code p}, a copy the caller may add to. */
    Map<String, Object> summary(Catalog catalog, Node p) {
        Part<Map<String, Object>> part = summaries.get(p);
        if (part == null) {
            part = compute(catalog, () -> catalog.summary(p), Set.of(p));
            summaries.put(p, part);
        }
        return new LinkedHashMap<>(part.value());
    }

    /** The values of {@code p vkg:supports} (and {@code vkg:supportedBy p}), as {@link Catalog#values(Node, Node, Node)} gives them. */
    List<Catalog.Value> supports(Catalog catalog, Node p) {
        return catalog.values(p, Catalog.SUPPORTS, Catalog.SUPPORTED_BY, o -> {
            Triple key = Triple.create(p, Catalog.SUPPORTS, o);
            Part<Catalog.Value> part = values.get(key);
            if (part == null) {
                part = compute(catalog, () -> catalog.value(p, Catalog.SUPPORTS, o), Set.of());
                values.put(key, part);
            }
            return part.value();
        });
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
        for (Triple t : reads.claims) addEitherWay(triples, t);
        // An inferred claim's sources and disputed flag are those of the facts of its derivation.
        for (Triple t : reads.inferred) catalog.explain(t).ifPresent(e -> addDerivation(triples, e));
        Set<String> resources = new HashSet<>();
        for (Node n : reads.resources) resources.add(key(n));
        for (Node n : watched) resources.add(key(n));
        return new Part<>(value, new Deps(Set.copyOf(triples), Set.copyOf(resources)));
    }

    private void addDerivation(Set<Triple> triples, Explanation e) {
        List<Explanation> pending = new ArrayList<>(List.of(e));
        Set<Triple> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Explanation x = pending.remove(pending.size() - 1);
            if (!seen.add(x.triple())) continue;
            addEitherWay(triples, x.triple());
            pending.addAll(x.premises());
        }
    }

    private void addEitherWay(Set<Triple> triples, Triple t) {
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
        Set<Triple> touched = new HashSet<>();
        for (KnowledgeBase.Committed c : changes) {
            if (c.version() != expected++ || !Knowledge.followable(c, catalog.dataset()) || !Knowledge.claimsStillHold(c, claims)) return null;
            for (var quads : List.of(c.added(), c.deleted())) for (Quad q : quads) touched.add(q.asTriple());
            touched.addAll(c.inferredAdded());
            touched.addAll(c.inferredRemoved());
        }
        // A part's triples are closed under inverse, so the touched triples as they are suffice
        // for them; a resource is touched by a statement about it either way round.
        Set<String> resources = new HashSet<>();
        for (Triple t : touched) {
            resources.add(key(t.getSubject()));
            Triple inv = claims.inverse(t);
            if (inv != null) resources.add(key(inv.getSubject()));
        }
        return new PlatformListView(changes.get(changes.size() - 1).version(), claims,
                kept(summaries, touched, resources), kept(values, touched, resources), kept(memberships, touched, resources));
    }

    private static <K, T> Map<K, Part<T>> kept(Map<K, Part<T>> parts, Set<Triple> touched, Set<String> resources) {
        Map<K, Part<T>> out = new ConcurrentHashMap<>();
        for (var e : parts.entrySet()) if (untouched(e.getValue().deps(), touched, resources)) out.put(e.getKey(), e.getValue());
        return out;
    }

    private static boolean untouched(Deps deps, Set<Triple> touched, Set<String> resources) {
        for (String r : deps.resources()) if (resources.contains(r)) return false;
        Set<Triple> smaller = deps.triples().size() < touched.size() ? deps.triples() : touched;
        Set<Triple> larger = smaller == touched ? deps.triples() : touched;
        for (Triple t : smaller) if (larger.contains(t)) return false;
        return true;
    }

    /** Tests: how many parts of each kind this view holds (summaries, values, memberships). */
    List<Integer> sizes() {
        return List.of(summaries.size(), values.size(), memberships.size());
    }
}
