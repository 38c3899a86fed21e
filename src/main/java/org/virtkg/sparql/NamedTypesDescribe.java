package org.virtkg.sparql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.describe.DescribeBNodeClosure;
import org.apache.jena.sparql.core.describe.DescribeHandler;
import org.apache.jena.sparql.core.describe.DescribeHandlerFactory;
import org.apache.jena.sparql.core.describe.DescribeHandlerRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;

/**
 * {@code DESCRIBE} for people: Jena's usual description (a resource's triples, closed over the
 * blank nodes they reach) without the resource's memberships of anonymous classes.
 *
 * <p>The reasoner types every product with the restrictions and intersections of the classes it
 * belongs to ({@code id:XCP a _:b0, _:b1}); those are its working material, not facts a reader can
 * use, and following them drags the class expressions' own triples into the answer. Only
 * {@code rdf:type} triples whose object is a blank node are left out, with whatever only they
 * reached; other blank-node values (a class's restriction, a structured value) are described as
 * before. The memberships stay in the store: {@code SELECT ?c { id:XCP a ?c }} still returns them.
 */
public final class NamedTypesDescribe implements DescribeHandler {
    private final DescribeHandler closure = new DescribeBNodeClosure();
    private final List<Resource> described = new ArrayList<>();
    private Model out;
    private Model all;

    /**
     * Makes this the only DESCRIBE handler of the JVM's registry (Jena keeps one, shared by
     * Fuseki's endpoints and local query executions; a context-specific one cannot be created).
     * Idempotent.
     */
    public static synchronized void register() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        for (var it = registry.handlers(); it.hasNext(); )
            if (it.next() instanceof Factory) return;
        registry.clear();
        registry.add(new Factory());
    }

    /** True for a membership of an anonymous class expression: what people's answers leave out. */
    public static boolean isAnonymousType(Triple t) {
        return t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isBlank();
    }

    private static final class Factory implements DescribeHandlerFactory {
        @Override
        public DescribeHandler create() {
            return new NamedTypesDescribe();
        }
    }

    @Override
    public void start(Model accumulateResultModel, Context cxt) {
        out = accumulateResultModel;
        all = ModelFactory.createDefaultModel();
        closure.start(all, cxt);
    }

    @Override
    public void describe(Resource r) {
        described.add(r);
        closure.describe(r);
    }

    @Override
    public void finish() {
        closure.finish();
        // Copy what the described resources reach without passing through an anonymous type.
        Deque<RDFNode> pending = new ArrayDeque<>();
        for (Resource r : described) pending.push(all.asRDFNode(r.asNode()));
        Set<RDFNode> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            RDFNode n = pending.pop();
            if (!n.isResource() || !seen.add(n)) continue;
            for (var it = all.listStatements(n.asResource(), null, (RDFNode) null); it.hasNext(); ) {
                Statement s = it.next();
                if (isAnonymousType(s.asTriple())) continue;
                out.add(s);
                if (s.getObject().isAnon()) pending.push(s.getObject());
            }
        }
    }
}
