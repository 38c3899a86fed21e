package org.virtkg.store;

import java.util.Iterator;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The knowledge-base version: one number in the {@link Graphs#SYSTEM} graph that every committed
 * write advances, in the same transaction as the write.
 *
 * <p>It lives in the store rather than in memory so that it means the same thing everywhere: after
 * a restart (an ETag handed out before cannot match different data after), and on every virtkg
 * instance that shares one remote store (each compares its copy's version with the store's).
 */
public final class KbVersion {
    private KbVersion() {}

    static final Node GRAPH = Graphs.node(Graphs.SYSTEM);
    /** The subject that carries the version. */
    public static final Node SUBJECT = NodeFactory.createURI(Graphs.BASE + "system#knowledgeBase");
    /** {@code sys:version}, an {@code xsd:integer}. */
    public static final Node PREDICATE = NodeFactory.createURI(Graphs.BASE + "system#version");

    /** The recorded version, 0 for a store that was never written. */
    public static long read(DatasetGraph dsg) {
        Iterator<Quad> it = dsg.find(GRAPH, SUBJECT, PREDICATE, Node.ANY);
        long v = 0;
        while (it.hasNext()) v = Math.max(v, ((Number) it.next().getObject().getLiteralValue()).longValue());
        return v;
    }

    /** Replaces the recorded version; the caller holds a write transaction. */
    public static void set(DatasetGraph dsg, long version) {
        dsg.deleteAny(GRAPH, SUBJECT, PREDICATE, Node.ANY);
        dsg.add(GRAPH, SUBJECT, PREDICATE, literal(version));
    }

    /** True for the quad that records the version. */
    public static boolean isVersionQuad(Quad q) {
        return GRAPH.equals(q.getGraph()) && SUBJECT.equals(q.getSubject()) && PREDICATE.equals(q.getPredicate());
    }

    public static Node literal(long version) {
        return NodeFactory.createLiteralDT(Long.toString(version), XSDDatatype.XSDinteger);
    }
}
