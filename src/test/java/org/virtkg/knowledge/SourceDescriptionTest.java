package org.virtkg.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * {@link Provenance#describe} has one member per property, and leaves out a property it has no
 * member for: nothing the shipped knowledge says of a source graph may be left out that way, or
 * every answer citing that source would drop it without a word.
 */
class SourceDescriptionTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore());
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void everyPropertyOfEveryShippedSourceGraphHasAMember() {
        Set<String> members = Arrays.stream(Provenance.Source.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        // property local name -> one source graph that uses it, for the message
        var unmatched = new TreeMap<String, String>();
        int[] described = {0};
        kb.read(s -> {
            var dsg = s.dataset();
            for (var names = dsg.listGraphNodes(); names.hasNext(); ) {
                Node g = names.next();
                if (!KnowledgeBase.isAssertedGraph(g)) continue;
                boolean any = false;
                for (var it = dsg.find(Node.ANY, g, Node.ANY, Node.ANY); it.hasNext(); ) {
                    Quad q = it.next();
                    if (!KnowledgeBase.isAssertedGraph(q.getGraph())) continue;
                    any = true;
                    String key = Provenance.localName(q.getPredicate().getURI());
                    if (!members.contains(key)) unmatched.putIfAbsent(key + " (" + q.getPredicate().getURI() + ")", g.getURI());
                }
                if (any) described[0]++;
            }
            return null;
        });
        assertTrue(described[0] > 100, "the shipped data describes its source graphs: " + described[0]);
        assertEquals(new TreeMap<String, String>(), unmatched, "properties of source graphs Provenance.Source has no member for");
    }

    @Test
    void aDescribedSourceKeepsEveryValueItsMembersStandFor() {
        // A table cell of the paper: its row, column, indexes and text, each in its member.
        Provenance.Source cell = kb.read(s -> {
            var dsg = s.dataset();
            for (var names = dsg.listGraphNodes(); names.hasNext(); ) {
                Node g = names.next();
                var d = Provenance.describe(dsg, g);
                if (d.cellText() != null && d.rowIndex() != null && d.columnIndex() != null) return d;
            }
            return null;
        });
        assertTrue(cell != null, "a paper table cell is described with its row, column and text");
        Set<String> filled = new TreeSet<>();
        for (RecordComponent c : Provenance.Source.class.getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(cell) != null) filled.add(c.getName());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(filled.containsAll(Set.of("graph", "role", "table", "row", "column", "rowIndex", "columnIndex", "cellText")),
                "members of a described table cell: " + filled);
    }
}
