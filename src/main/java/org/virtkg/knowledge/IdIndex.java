package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.store.Graphs;

/**
 * Every id the knowledge base knows (local names of {@code id:} IRIs) and every {@code vkg:} class,
 * keyed by lower case, because ids are unique ignoring case and users type them in any case.
 * Built from the union graph once, then carried from version to version by {@link #after}, from
 * the change itself, so a write does not cost a scan of everything.
 */
public final class IdIndex {
    private final Map<String, Node> ids;
    private final Map<String, Node> classes;

    private IdIndex(Map<String, Node> ids, Map<String, Node> classes) {
        this.ids = ids;
        this.classes = classes;
    }

    /** Scans {@code union}; callers hold a read transaction. */
    public static IdIndex build(Graph union) {
        Map<String, Node> ids = new TreeMap<>();
        Map<String, Node> classes = new TreeMap<>();
        union.find().forEachRemaining(t -> {
            add(ids, t.getSubject());
            add(ids, t.getObject());
        });
        union.find(Node.ANY, RDF.type.asNode(), OWL2.Class.asNode()).forEachRemaining(t -> {
            Node c = t.getSubject();
            if (c.isURI() && c.getURI().startsWith(Graphs.VOCAB))
                classes.put(c.getURI().substring(Graphs.VOCAB.length()).toLowerCase(Locale.ROOT), c);
        });
        return new IdIndex(ids, classes);
    }

    /**
     * This index after a change that added and deleted {@code added} / {@code deleted} (asserted
     * quads), with {@code union} showing the data after it (callers hold a read transaction). A
     * node leaves the index only when nothing mentions it any more. Class names are unchanged:
     * changes that declare or remove classes rebuild the index instead.
     */
    public IdIndex after(Collection<Quad> added, Collection<Quad> deleted, Graph union) {
        Map<String, Node> next = new TreeMap<>(ids);
        for (Quad q : added) {
            add(next, q.getSubject());
            add(next, q.getObject());
        }
        for (Quad q : deleted) {
            for (Node n : List.of(q.getSubject(), q.getObject())) {
                if (!n.isURI() || !n.getURI().startsWith(Graphs.ID)) continue;
                if (union.find(n, Node.ANY, Node.ANY).hasNext() || union.find(Node.ANY, Node.ANY, n).hasNext()) continue;
                String key = n.getURI().substring(Graphs.ID.length()).toLowerCase(Locale.ROOT);
                if (n.equals(next.get(key))) next.remove(key);
            }
        }
        return new IdIndex(next, classes);
    }

    private static void add(Map<String, Node> ids, Node n) {
        if (!n.isURI() || !n.getURI().startsWith(Graphs.ID)) return;
        String local = n.getURI().substring(Graphs.ID.length());
        if (!local.isEmpty() && local.indexOf('/') < 0) ids.putIfAbsent(local.toLowerCase(Locale.ROOT), n);
    }

    /** The prefixed name of an id ({@code id:KVM}), as {@link Graphs#PREFIXES} declares it. */
    private static final String ID_PREFIX = "id:";

    /**
     * The individual with this id (any case), or null. It may also be named as an IRI is: its full
     * IRI ({@code https://w3id.org/virtkg/id/KVM}) or prefixed name ({@code id:KVM}) — each exactly,
     * as an IRI names one resource, while an id is what people type, in any case.
     */
    public Node id(String id) {
        if (id == null) return null;
        String t = id.trim();
        boolean iri = t.startsWith(Graphs.ID) || t.startsWith(ID_PREFIX);
        if (!iri) return ids.get(t.toLowerCase(Locale.ROOT));
        String local = t.substring(t.startsWith(Graphs.ID) ? Graphs.ID.length() : ID_PREFIX.length());
        Node n = ids.get(local.toLowerCase(Locale.ROOT));
        return n != null && n.getURI().equals(Graphs.ID + local) ? n : null;
    }

    /**
     * The id a typed name is about, for suggestions: the local name of an id's IRI or prefixed
     * name, the last segment of any other IRI (https://example.org/KVM is about KVM), else as typed.
     */
    static String localPart(String typed) {
        String t = typed.trim();
        if (t.startsWith(Graphs.ID)) return t.substring(Graphs.ID.length());
        if (t.startsWith(ID_PREFIX)) return t.substring(ID_PREFIX.length());
        if (t.matches("(?i)^(https?|urn):\\S+$")) return t.substring(Math.max(t.lastIndexOf('/'), Math.max(t.lastIndexOf('#'), t.lastIndexOf(':'))) + 1);
        return t;
    }

    /** Every individual it knows, by id ignoring case: the resources {@code /id/{name}} describes. */
    public Collection<Node> individuals() {
        return java.util.Collections.unmodifiableCollection(ids.values());
    }

    /** The {@code vkg:} class with this local name (any case), or null. */
    public Node vocabClass(String name) {
        return name == null ? null : classes.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The local name of an id or vkg: IRI; the IRI itself for anything else. */
    public static String idOf(Node n) {
        if (!n.isURI()) return n.toString();
        String iri = n.getURI();
        if (iri.startsWith(Graphs.ID)) return iri.substring(Graphs.ID.length());
        if (iri.startsWith(Graphs.VOCAB)) return iri.substring(Graphs.VOCAB.length());
        return iri;
    }

    /**
     * Close matches for a mistyped id, best first: a case-insensitive prefix or substring match,
     * an edit distance of at most 2, or a one-letter typo in the first letters of a long id. {@code alsoClasses} adds vkg: class names.
     */
    public List<String> suggest(String typed, boolean alsoClasses, int max) {
        return suggest(typed, alsoClasses, max, n -> true);
    }

    /** {@link #suggest(String, boolean, int)} among the resources {@code keep} accepts (e.g. only technologies). */
    public List<String> suggest(String typed, boolean alsoClasses, int max, java.util.function.Predicate<Node> keep) {
        String q = typed == null ? "" : localPart(typed).toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.of();
        Map<String, Node> pool = new HashMap<>(ids);
        if (alsoClasses) classes.forEach(pool::putIfAbsent);
        pool.values().removeIf(n -> !keep.test(n));
        record Match(String id, int score) {}
        List<Match> matches = new ArrayList<>();
        for (var e : pool.entrySet()) {
            String k = e.getKey();
            int score;
            if (k.startsWith(q) || q.startsWith(k) && k.length() >= 3) score = 0;
            else if (k.contains(q) && q.length() >= 2) score = 1;
            else {
                int d = levenshtein(q, k, 2);
                if (d <= 2) score = 1 + d;
                // A typo in the start of a long id ("Containr" for ContainerTechnology).
                else if (q.length() >= 4 && levenshtein(q, k.substring(0, Math.min(k.length(), q.length())), 1) <= 1) score = 4;
                else continue;
            }
            matches.add(new Match(idOf(e.getValue()), score));
        }
        return matches.stream()
                .sorted(Comparator.comparingInt(Match::score).thenComparing(m -> m.id().length()).thenComparing(Match::id))
                .limit(max).map(Match::id).toList();
    }

    /**
     * Edit distance, giving up (returning {@code bound + 1}) once it must exceed {@code bound}.
     * Hand-written rather than a dependency: a dozen lines, and the early exit keeps a scan of
     * every id cheap.
     */
    public static int levenshtein(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) return bound + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > bound) return bound + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
