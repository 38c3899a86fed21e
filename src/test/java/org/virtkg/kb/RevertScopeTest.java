package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtkg.store.Graphs;

/**
 * A revert has the rights of the change it reverts, but never over the shipped graphs: refused by
 * the words of the rule a user's write to them meets (ChangeLogTest and CliTest over the real
 * sync and a restored backup). A sync that wrote no shipped graph (only a shipped release of
 * Nova's matrix and the files' records) is refused by its kind.
 */
class RevertScopeTest {
    @Test
    void aRevertNeverWritesTheShippedGraphs() {
        String user = Graphs.USER + "mine", imported = Graphs.IMPORTED + "fx", paper = Graphs.SOURCE + "paper/table1";
        assertNull(ChangeKind.revertRefusal(ChangeKind.Scope.USER, List.of(user)));
        assertNull(ChangeKind.revertRefusal(ChangeKind.Scope.IMPORTED, List.of(imported)), "an import is reverted as before");
        assertNull(ChangeKind.revertRefusal(ChangeKind.Scope.ANY, List.of(user, Graphs.SYSTEM)), "a load into user graphs too");

        for (ChangeKind.Scope scope : ChangeKind.Scope.values()) {
            String why = ChangeKind.revertRefusal(scope, List.of(user, paper));
            assertEquals("it wrote the graph <" + paper + ">, which is read-only: " + ChangeKind.refusal(ChangeKind.Scope.USER, paper), why);
        }
        String sync = ChangeKind.revertRefusal(ChangeKind.SYNC.scope(), List.of(imported, Graphs.SYSTEM));
        assertNotNull(sync);
        assertTrue(sync.contains("change ontology/ or data/"), sync);
    }
}
