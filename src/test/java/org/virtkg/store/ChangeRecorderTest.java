package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.jena.rdfpatch.system.DatasetGraphChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/** The net change of a write: what the change log records and a revert undoes. */
class ChangeRecorderTest {
    private static final Quad HELD = SSE.parseQuad("(<x:g> <x:s> <x:p> 1)");
    private static final Quad NEW = SSE.parseQuad("(<x:g> <x:s> <x:p> 2)");

    @Test
    void onlyRealChangesAreRecordedAndAnUndoCancelsOut() {
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(base, () -> base.add(HELD));
        ChangeRecorder net = new ChangeRecorder(base);
        DatasetGraph recorded = new DatasetGraphChanges(base, net);
        Txn.executeWrite(recorded, () -> {
            recorded.add(HELD);              // already there: no change
            recorded.delete(NEW);            // not there: no change
            assertTrue(net.isEmpty());
            recorded.add(NEW);
            recorded.delete(HELD);
            assertEquals(Set.of(NEW), net.added);
            assertEquals(Set.of(HELD), net.deleted);
            recorded.delete(NEW);            // takes back its own add
            recorded.add(HELD);              // and its own delete
            assertTrue(net.isEmpty(), "a write that ends where it began changed nothing: " + net.added + " " + net.deleted);
        });
    }

    @Test
    void theRecordedPatchRoundTripsThroughTheChangeLogsParts() {
        DatasetGraph base = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(base, () -> base.add(HELD));
        ChangeRecorder net = new ChangeRecorder(base);
        DatasetGraph recorded = new DatasetGraphChanges(base, net);
        Txn.executeWrite(recorded, () -> {
            recorded.add(NEW);
            recorded.delete(HELD);
        });
        ChangeRecorder read = ChangeLog.quads(ChangeLog.patchParts(net.added, net.deleted));
        assertEquals(net.added, read.added);
        assertEquals(net.deleted, read.deleted);
    }
}
