package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped data satisfies the shapes, and the shapes reject malformed new products. */
class ShapesTest {

    private static Shapes shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = Shapes.parse(Kb.parseGraph(Kb.shapesFile()));
    }

    /** What the service validates: asserted data ∪ ontology. */
    private static Graph shippedGraph() {
        Graph g = GraphFactory.createDefaultGraph();
        Kb.unionGraph().find().forEachRemaining(g::add);
        return g;
    }

    @Test
    void shippedDataConforms() {
        ValidationReport report = ShaclValidator.get().validate(shapes, shippedGraph());
        assertTrue(report.conforms(), () -> "shipped data violates the shapes:\n" + print(report));
    }

    @Test
    void shapesTargetTheProducts() {
        // Guard against shapes that silently target nothing (e.g. a misspelt class).
        for (String cls : new String[] {"Hypervisor", "ContainerTechnology", "ContainerHypervisor", "CloudPlatform", "Tool", "Source"}) {
            assertTrue(shapes.getTargetShapes().stream().anyMatch(s -> s.getTargets().stream()
                    .anyMatch(t -> t.getObject().equals(Kb.vkg(cls)))),
                    "no shape targets vkg:" + cls);
        }
    }

    static Stream<Arguments> malformedProducts() {
        return Stream.of(
                Arguments.of("missing label", "id:Firecracker a vkg:Hypervisor .", "Firecracker"),
                Arguments.of("two labels", "id:Firecracker a vkg:Hypervisor ; rdfs:label \"a\" , \"b\" .", "Firecracker"),
                Arguments.of("hostOS is not an operating system",
                        "id:Firecracker a vkg:Hypervisor ; rdfs:label \"Firecracker\" ; vkg:hostOS id:LiveMigration .", "Firecracker"),
                Arguments.of("guestOS is a literal",
                        "id:Firecracker a vkg:Hypervisor ; rdfs:label \"Firecracker\" ; vkg:guestOS \"Linux\" .", "Firecracker"),
                Arguments.of("suitableForCloud is not a boolean",
                        "id:Firecracker a vkg:Hypervisor ; rdfs:label \"Firecracker\" ; vkg:suitableForCloud \"yes\" .", "Firecracker"),
                Arguments.of("vmmType is not a hypervisor model",
                        "id:Firecracker a vkg:Hypervisor ; rdfs:label \"Firecracker\" ; vkg:vmmType id:FullVirtualization .", "Firecracker"),
                Arguments.of("platform supports an operating system",
                        "id:NewCloud a vkg:CloudPlatform ; rdfs:label \"NewCloud\" ; vkg:supports id:Linux .", "NewCloud"),
                Arguments.of("platform with a wrong deployment model",
                        "id:NewCloud a vkg:CloudPlatform ; rdfs:label \"NewCloud\" ; vkg:deploymentModel id:IaaS .", "NewCloud"),
                Arguments.of("container hypervisor without the container technology it is based on",
                        "id:Incus a vkg:ContainerHypervisor ; rdfs:label \"Incus\" ; vkg:basedOn id:KVM .", "Incus"),
                Arguments.of("container technology without host OS",
                        "id:Podman a vkg:ContainerTechnology ; rdfs:label \"Podman\" .", "Podman"),
                Arguments.of("product outside the id namespace",
                        "<https://example.org/Firecracker> a vkg:Hypervisor ; rdfs:label \"Firecracker\" .", "https://example.org/Firecracker"),
                Arguments.of("component of nothing",
                        "id:Orphan a vkg:ArchitectureComponent ; rdfs:label \"Orphan\" .", "Orphan"),
                Arguments.of("disputed source without a note",
                        "<https://w3id.org/virtkg/source/paper/section9/X/1> a vkg:Source ; prov:wasDerivedFrom id:ShrimaliPatelSurvey ;"
                                + " vkg:section \"9\" ; vkg:quote \"q\" ; vkg:disputed true .",
                        "https://w3id.org/virtkg/source/paper/section9/X/1"),
                Arguments.of("dispute naming no claim object",
                        "<https://example.org/d1> a vkg:Dispute ; vkg:claimSubject id:KVM ; vkg:claimProperty vkg:vmmType ; rdfs:comment \"why\" .",
                        "https://example.org/d1"),
                Arguments.of("dispute without a reason",
                        "<https://example.org/d2> a vkg:Dispute ; vkg:claimSubject id:KVM ; vkg:claimProperty vkg:vmmType ; vkg:claimObject id:Type1 .",
                        "https://example.org/d2"),
                Arguments.of("condition naming two subjects",
                        "<https://example.org/d3> a vkg:Condition ; vkg:claimSubject id:KVM , id:Xen ; vkg:claimProperty vkg:vmmType ;"
                                + " vkg:claimObject id:Type1 ; rdfs:comment \"why\" .",
                        "https://example.org/d3"),
                Arguments.of("source without derivation",
                        "<https://w3id.org/virtkg/source/paper/section9/X/2> a vkg:Source ; vkg:section \"9\" ; vkg:quote \"q\" .",
                        "https://w3id.org/virtkg/source/paper/section9/X/2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedProducts")
    void malformedProductIsRejected(String why, String turtle, String focus) {
        Graph g = shippedGraph();
        // Turtle accepts SPARQL-style PREFIX lines.
        RDFParser.fromString(Kb.PREFIXES + turtle, Lang.TURTLE).parse(g);
        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        assertFalse(report.conforms(), why + ": accepted although malformed");
        Node focusNode = Kb.uri(focus.startsWith("http") ? focus : Kb.ID + focus);
        assertTrue(report.getEntries().stream().anyMatch(e -> e.focusNode().equals(focusNode)),
                () -> why + ": no violation reported on " + focusNode + "\n" + print(report));
    }

    private static String print(ValidationReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShLib.printReport(out, r);
        return out.toString(StandardCharsets.UTF_8);
    }
}
