package org.virtkg.kb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.store.Graphs;

/**
 * The append-only audit trail: one entry per accepted change, written into
 * {@link Graphs#CHANGES} <em>in the same transaction</em> as the change itself, so the log and
 * the data can never disagree after a crash. Each entry holds the change as an RDF Patch, who made
 * it and when.
 */
public final class ChangeLog {
    static final String NS = Graphs.BASE + "system#";
    private static final Node GRAPH = Graphs.node(Graphs.CHANGES);
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node CHANGE = NodeFactory.createURI(NS + "Change");
    private static final Node SEQ = NodeFactory.createURI(NS + "seq");
    private static final Node WHO = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    private static final Node WHEN = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Node SUMMARY = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment");
    private static final Node PATCH = NodeFactory.createURI(NS + "patch");
    private static final Node ADDED = NodeFactory.createURI(NS + "quadsAdded");
    private static final Node DELETED = NodeFactory.createURI(NS + "quadsDeleted");
    private static final Node REVERTS = NodeFactory.createURI(NS + "reverts");

    /** One logged change. */
    public record Entry(long id, String who, Instant when, String summary, int added, int deleted, Long reverts, String patch) {
        public Map<String, Object> toMap(boolean withPatch) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("who", who);
            m.put("when", when.toString());
            m.put("summary", summary);
            m.put("added", added);
            m.put("deleted", deleted);
            if (reverts != null) m.put("reverts", reverts);
            if (withPatch) m.put("patch", patch);
            return m;
        }
    }

    private ChangeLog() {}

    static Node iri(long id) {
        return NodeFactory.createURI(Graphs.BASE + "change/" + id);
    }

    /** The highest id in the log (0 when empty); read once at start, then counted in memory. */
    static long lastId(DatasetGraph dsg) {
        return lastId(dsg.find(GRAPH, Node.ANY, SEQ, Node.ANY));
    }

    /** The highest id among the entries in {@code quads} (0 when there are none), e.g. in a change just replayed. */
    static long lastId(Iterator<Quad> quads) {
        long max = 0;
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (GRAPH.equals(q.getGraph()) && SEQ.equals(q.getPredicate()))
                max = Math.max(max, ((Number) q.getObject().getLiteralValue()).longValue());
        }
        return max;
    }

    /** Appends entry {@code id} for the net change, inside the caller's write transaction. */
    static void append(DatasetGraph dsg, long id, String who, String summary, Collection<Quad> added, Collection<Quad> deleted,
                       Long reverts) {
        RDFPatch patch = RDFPatchOps.build(c -> {
            c.txnBegin();
            for (Quad q : deleted) c.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            for (Quad q : added) c.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
            c.txnCommit();
        });
        Node e = iri(id);
        dsg.add(GRAPH, e, TYPE, CHANGE);
        dsg.add(GRAPH, e, SEQ, NodeFactory.createLiteralDT(Long.toString(id), XSDDatatype.XSDinteger));
        dsg.add(GRAPH, e, WHO, NodeFactory.createLiteralString(who));
        dsg.add(GRAPH, e, WHEN, NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
        dsg.add(GRAPH, e, SUMMARY, NodeFactory.createLiteralString(summary));
        dsg.add(GRAPH, e, PATCH, NodeFactory.createLiteralString(RDFPatchOps.str(patch)));
        dsg.add(GRAPH, e, ADDED, NodeFactory.createLiteralDT(Integer.toString(added.size()), XSDDatatype.XSDinteger));
        dsg.add(GRAPH, e, DELETED, NodeFactory.createLiteralDT(Integer.toString(deleted.size()), XSDDatatype.XSDinteger));
        if (reverts != null) dsg.add(GRAPH, e, REVERTS, iri(reverts));
    }

    /** Entries newest first; callers hold a read transaction. */
    public static List<Entry> list(DatasetGraph dsg, int offset, int limit) {
        List<Long> ids = new ArrayList<>();
        dsg.find(GRAPH, Node.ANY, SEQ, Node.ANY)
                .forEachRemaining(q -> ids.add(((Number) q.getObject().getLiteralValue()).longValue()));
        ids.sort((a, b) -> Long.compare(b, a));
        List<Entry> out = new ArrayList<>();
        for (int i = offset; i < ids.size() && out.size() < limit; i++) get(dsg, ids.get(i)).ifPresent(out::add);
        return out;
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
                one(dsg, e, WHO).map(Node::getLiteralLexicalForm).orElse("?"),
                one(dsg, e, WHEN).map(n -> Instant.parse(n.getLiteralLexicalForm())).orElse(Instant.EPOCH),
                one(dsg, e, SUMMARY).map(Node::getLiteralLexicalForm).orElse(""),
                one(dsg, e, ADDED).map(n -> ((Number) n.getLiteralValue()).intValue()).orElse(0),
                one(dsg, e, DELETED).map(n -> ((Number) n.getLiteralValue()).intValue()).orElse(0),
                reverts,
                one(dsg, e, PATCH).map(Node::getLiteralLexicalForm).orElse("")));
    }

    private static Optional<Node> one(DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(GRAPH, s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }
}
