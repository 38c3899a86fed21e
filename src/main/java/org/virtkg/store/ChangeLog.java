package org.virtkg.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The one change log: an append-only entry per accepted change, written into
 * {@link Graphs#CHANGES} <em>in the same transaction</em> as the change itself, so the log and the
 * data can never disagree after a crash. An entry's id <em>is</em> the knowledge-base version the
 * change produced. It holds the change as an RDF Patch (the asserted quads it added and deleted;
 * the reasoner's conclusions are re-derived from them), its kind, who made it and when.
 *
 * <p>It is the audit trail ({@code /api/changes}), the change feed, what {@code revert} inverts and,
 * with a remote store, what other instances replay to catch up: there is no second journal.
 */
public final class ChangeLog {
    static final String NS = Graphs.BASE + "system#";
    static final Node GRAPH = Graphs.node(Graphs.CHANGES);
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node CHANGE = NodeFactory.createURI(NS + "Change");
    static final Node SEQ = NodeFactory.createURI(NS + "seq");
    private static final Node KIND = NodeFactory.createURI(NS + "kind");
    private static final Node WHO = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    private static final Node WHEN = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Node SUMMARY = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment");
    static final Node PATCH = NodeFactory.createURI(NS + "patch");
    private static final Node ADDED = NodeFactory.createURI(NS + "quadsAdded");
    private static final Node DELETED = NodeFactory.createURI(NS + "quadsDeleted");
    private static final Node REVERTS = NodeFactory.createURI(NS + "reverts");
    /**
     * Changes touching more quads than this keep no patch (a bulk load would otherwise double the
     * store): they cannot be reverted, and other instances of a shared store reload instead of replaying.
     */
    public static final int MAX_PATCH_QUADS = 50_000;
    /**
     * A patch longer than about this many characters is kept as several {@code sys:patch} literals,
     * each a complete RDF Patch of some of the change's quads. A remote store receives the entry
     * inside a SPARQL Update, and Jena's SPARQL parser grows its token buffer 2,048 characters at a
     * time, so one literal of n characters costs it on the order of n²/4,096 character copies: the
     * shipped data's first sync (a 5.7-million-character patch) took 37 s to parse instead of 2.6 s.
     * The parts need no order: a change's added and deleted quads are disjoint (it is a net change),
     * so applying them part by part gives the same result as applying the whole.
     */
    public static final int PATCH_PART_CHARS = 64 * 1024;

    /**
     * One logged change. {@code kind} says what made it (see {@code kb.ChangeKind}); {@code patchParts}
     * is empty for a change too big to keep a patch, and holds several patches for a long one (see
     * {@link #PATCH_PART_CHARS}).
     */
    public record Entry(long id, String kind, String who, Instant when, String summary, int added, int deleted, Long reverts,
                        List<String> patchParts) {
        public Entry {
            patchParts = List.copyOf(patchParts);
        }

        /** The whole change as one RDF Patch, or null when no patch was kept. */
        public String patch() {
            if (patchParts.isEmpty()) return null;
            if (patchParts.size() == 1) return patchParts.getFirst();
            ChangeRecorder all = quads();
            return patchText(all.added, all.deleted);
        }

        /** The change as the quads it added and deleted; empty when no patch was kept. */
        public ChangeRecorder quads() {
            return ChangeLog.quads(patchParts);
        }
    }

    private ChangeLog() {}

    /** The quads the given patch parts add and delete, however many parts there are. */
    public static ChangeRecorder quads(Collection<String> patchParts) {
        ChangeRecorder recorded = new ChangeRecorder(null);
        for (String part : patchParts)
            RDFPatchOps.read(new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8))).apply(recorded);
        return recorded;
    }

    public static Node iri(long id) {
        return NodeFactory.createURI(Graphs.BASE + "change/" + id);
    }

    /**
     * Appends entry {@code id} for the net change, inside the caller's write transaction. Entries
     * of changes with no quads are never written.
     */
    public static void append(DatasetGraph dsg, long id, String kind, String who, String summary, Collection<Quad> added,
                              Collection<Quad> deleted, Long reverts) {
        Node e = iri(id);
        dsg.add(GRAPH, e, TYPE, CHANGE);
        dsg.add(GRAPH, e, SEQ, integer(id));
        dsg.add(GRAPH, e, KIND, NodeFactory.createLiteralString(kind));
        dsg.add(GRAPH, e, WHO, NodeFactory.createLiteralString(who));
        dsg.add(GRAPH, e, WHEN, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
        dsg.add(GRAPH, e, SUMMARY, NodeFactory.createLiteralString(summary));
        if (added.size() + deleted.size() <= MAX_PATCH_QUADS)
            for (String part : patchParts(added, deleted)) dsg.add(GRAPH, e, PATCH, NodeFactory.createLiteralString(part));
        dsg.add(GRAPH, e, ADDED, integer(added.size()));
        dsg.add(GRAPH, e, DELETED, integer(deleted.size()));
        if (reverts != null) dsg.add(GRAPH, e, REVERTS, iri(reverts));
    }

    /** The net change as RDF Patch text: deletions first, then additions. */
    static String patchText(Collection<Quad> added, Collection<Quad> deleted) {
        RDFPatch patch = RDFPatchOps.build(c -> {
            c.txnBegin();
            for (Quad q : deleted) c.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            for (Quad q : added) c.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            c.txnCommit();
        });
        return RDFPatchOps.str(patch);
    }

    /**
     * The net change as one or more RDF Patches of at most about {@link #PATCH_PART_CHARS}
     * characters each (a single quad longer than that gets a part of its own).
     */
    static List<String> patchParts(Collection<Quad> added, Collection<Quad> deleted) {
        List<String> parts = new ArrayList<>();
        List<Quad> partAdded = new ArrayList<>(), partDeleted = new ArrayList<>();
        long chars = 0;
        for (Collection<Quad> side : List.of(deleted, added))
            for (Quad q : side) {
                long length = approximateLength(q);
                if (chars > 0 && chars + length > PATCH_PART_CHARS) {
                    parts.add(patchText(partAdded, partDeleted));
                    partAdded.clear();
                    partDeleted.clear();
                    chars = 0;
                }
                (side == added ? partAdded : partDeleted).add(q);
                chars += length;
            }
        if (chars > 0 || parts.isEmpty()) parts.add(patchText(partAdded, partDeleted));
        return parts;
    }

    /** About the length of a quad's line in RDF Patch text. */
    private static long approximateLength(Quad q) {
        return 8L + q.getGraph().toString().length() + q.getSubject().toString().length()
                + q.getPredicate().toString().length() + q.getObject().toString().length();
    }

    /** Every entry id, ascending; callers hold a read transaction. */
    private static List<Long> ids(DatasetGraph dsg) {
        List<Long> ids = new ArrayList<>();
        dsg.find(GRAPH, Node.ANY, SEQ, Node.ANY).forEachRemaining(q -> ids.add(number(q.getObject())));
        ids.sort(Long::compare);
        return ids;
    }

    /** Entries newest first; callers hold a read transaction. */
    public static List<Entry> list(DatasetGraph dsg, int offset, int limit) {
        List<Long> ids = ids(dsg).reversed();
        List<Entry> out = new ArrayList<>();
        for (int i = offset; i < ids.size() && out.size() < limit; i++) get(dsg, ids.get(i)).ifPresent(out::add);
        return out;
    }

    /** Up to {@code limit} entries with an id above {@code after}, oldest first; callers hold a read transaction. */
    public static List<Entry> after(DatasetGraph dsg, long after, int limit) {
        List<Entry> out = new ArrayList<>();
        for (long id : ids(dsg)) {
            if (id <= after) continue;
            if (out.size() == limit) break;
            get(dsg, id).ifPresent(out::add);
        }
        return out;
    }

    /** The id of the last entry made at or before {@code when} (0 if none); callers hold a read transaction. */
    public static long lastIdAtOrBefore(DatasetGraph dsg, Instant when) {
        long last = 0;
        for (var it = dsg.find(GRAPH, Node.ANY, WHEN, Node.ANY); it.hasNext(); ) {
            Quad q = it.next();
            if (!Instant.parse(q.getObject().getLiteralLexicalForm()).isAfter(when)) {
                var seq = dsg.find(GRAPH, q.getSubject(), SEQ, Node.ANY);
                if (seq.hasNext()) last = Math.max(last, number(seq.next().getObject()));
            }
        }
        return last;
    }

    public static long count(DatasetGraph dsg) {
        long n = 0;
        for (var it = dsg.find(GRAPH, Node.ANY, SEQ, Node.ANY); it.hasNext(); it.next()) n++;
        return n;
    }

    public static Optional<Entry> get(DatasetGraph dsg, long id) {
        Node e = iri(id);
        if (!dsg.contains(GRAPH, e, TYPE, CHANGE)) return Optional.empty();
        Long reverts = one(dsg, e, REVERTS).map(n -> Long.parseLong(n.getURI().substring(n.getURI().lastIndexOf('/') + 1))).orElse(null);
        return Optional.of(new Entry(id,
                // Entries written before kinds were recorded were all made by users.
                one(dsg, e, KIND).map(Node::getLiteralLexicalForm).orElse("user"),
                one(dsg, e, WHO).map(Node::getLiteralLexicalForm).orElse("?"),
                one(dsg, e, WHEN).map(n -> Instant.parse(n.getLiteralLexicalForm())).orElse(Instant.EPOCH),
                one(dsg, e, SUMMARY).map(Node::getLiteralLexicalForm).orElse(""),
                one(dsg, e, ADDED).map(n -> (int) number(n)).orElse(0),
                one(dsg, e, DELETED).map(n -> (int) number(n)).orElse(0),
                reverts,
                all(dsg, e, PATCH).stream().map(Node::getLiteralLexicalForm).toList()));
    }

    private static Optional<Node> one(DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(GRAPH, s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }

    private static List<Node> all(DatasetGraph dsg, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(GRAPH, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static long number(Node n) {
        return ((Number) n.getLiteralValue()).longValue();
    }
}
