package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StorableLiterals} refuses exactly the literals a real TDB2 store does not give back as
 * written once it is reopened (while it is open its node cache hides the loss): each candidate is
 * written to a store on disk, the store closed and opened again, and the literal read back; it
 * must come back the same (same value and datatype) if and only if {@link StorableLiterals}
 * accepts it. TDB2 is the oracle, so a Jena upgrade that fixes or widens the fault fails here.
 */
class StorableLiteralsTest {
    @TempDir
    Path tmp;

    static List<Node> candidates() {
        List<Node> out = new ArrayList<>();
        for (String n : List.of("0", "42", "-7", "36028797018963967", "36028797018963968", "-36028797018963968", "-36028797018963969",
                "72057594037927936", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
                "18446744073709551616", "9".repeat(1_000), "-" + "9".repeat(1_020)))
            out.add(NodeFactory.createLiteralDT(n, XSDDatatype.XSDinteger));
        for (String n : List.of("36028797018963967", "36028797018963968", "-36028797018963968", "-36028797018963969",
                "9223372036854775807", "-9223372036854775808", "42"))
            out.add(NodeFactory.createLiteralDT(n, XSDDatatype.XSDlong));
        out.add(NodeFactory.createLiteralDT("2147483647", XSDDatatype.XSDint));
        out.add(NodeFactory.createLiteralDT("-32768", XSDDatatype.XSDshort));
        out.add(NodeFactory.createLiteralDT("127", XSDDatatype.XSDbyte));
        out.add(NodeFactory.createLiteralDT("18446744073709551615", XSDDatatype.XSDunsignedLong));
        out.add(NodeFactory.createLiteralDT("99999999999999999999", XSDDatatype.XSDnonNegativeInteger));
        out.add(NodeFactory.createLiteralDT("9".repeat(400) + ".5", XSDDatatype.XSDdecimal));
        out.add(NodeFactory.createLiteralDT("18446744073709551616.0", XSDDatatype.XSDdecimal));
        return out;
    }

    @Test
    void refusesExactlyWhatTdb2DoesNotKeepAcrossAReopen() {
        List<Node> nodes = candidates();
        Node g = NodeFactory.createURI(Graphs.USER + "literals");
        Node p = NodeFactory.createURI("urn:ex:p");
        try (var store = TdbKnowledgeStore.open(tmp)) {
            store.write(dsg -> {
                for (int i = 0; i < nodes.size(); i++) dsg.add(g, NodeFactory.createURI("urn:ex:s" + i), p, nodes.get(i));
                return null;
            });
        }
        Map<String, String> disagreements = new LinkedHashMap<>();
        try (var store = TdbKnowledgeStore.open(tmp)) {
            var dsg = store.dataset();
            Txn.executeRead(dsg, () -> {
                for (int i = 0; i < nodes.size(); i++) {
                    Node written = nodes.get(i);
                    Node back = dsg.find(g, NodeFactory.createURI("urn:ex:s" + i), p, Node.ANY).next().getObject();
                    boolean kept = back.getLiteralDatatypeURI().equals(written.getLiteralDatatypeURI())
                            && back.getLiteralValue().equals(written.getLiteralValue());
                    boolean accepted = StorableLiterals.refusal(written) == null;
                    if (kept != accepted)
                        disagreements.put(written.toString().length() > 80 ? written.toString().substring(0, 60) + "…" : written.toString(),
                                (accepted ? "accepted" : "refused") + ", but TDB2 gave back " + (back.toString().length() > 80
                                        ? back.toString().substring(0, 60) + "…" : back.toString()));
                }
            });
        }
        assertEquals(Map.of(), disagreements);
    }
}
