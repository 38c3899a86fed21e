package org.virtkg.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.virtkg.store.AssertedView;
import org.virtkg.store.Graphs;

/**
 * SHACL validation of what a write asserts, against the shipped shapes ({@link Graphs#SHAPES}).
 *
 * <p>Only the subjects the write touched are validated, and against the <em>asserted</em> data
 * (plus the ontology): a wrong reference such as {@code hostOS: KVM} must fail here, not become
 * "true" because a range axiom lets the reasoner infer that KVM is an operating system.
 */
final class ShapeGate {
    private final Shapes shapes;

    private ShapeGate(Shapes shapes) {
        this.shapes = shapes;
    }

    /** Reads the shapes graph once; a store without shapes validates nothing. */
    static ShapeGate load(DatasetGraph dsg) {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getGraph(Graphs.node(Graphs.SHAPES)).find().forEachRemaining(copy::add));
        return new ShapeGate(copy.isEmpty() ? null : Shapes.parse(copy));
    }

    /** Validates {@code focus} inside the caller's write transaction; throws when any fails. */
    void check(DatasetGraph dsg, Set<Node> focus) {
        if (shapes == null || focus.isEmpty()) return;
        Graph asserted = new AssertedView(dsg).getDefaultGraph();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Node node : focus) {
            ValidationReport report = ShaclValidator.get().validate(shapes, asserted, node);
            for (ReportEntry e : report.getEntries()) results.add(entry(e));
        }
        if (!results.isEmpty())
            throw new WriteRejectedException("shacl", "The data does not satisfy the shapes in ontology/shapes.ttl ("
                    + results.size() + " problem" + (results.size() == 1 ? "" : "s") + ")", results);
    }

    private static Map<String, Object> entry(ReportEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("focusNode", str(e.focusNode()));
        if (e.resultPath() != null) m.put("path", e.resultPath().toString());
        if (e.value() != null) m.put("value", str(e.value()));
        m.put("message", e.message());
        if (e.sourceConstraintComponent() != null) m.put("constraint", str(e.sourceConstraintComponent()));
        if (e.source() != null && e.source().isURI()) m.put("shape", e.source().getURI());
        return m;
    }

    private static String str(Node n) {
        return n.isURI() ? n.getURI() : FmtUtils.stringForNode(n);
    }
}
