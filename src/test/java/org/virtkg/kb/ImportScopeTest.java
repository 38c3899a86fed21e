package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.virtkg.store.Graphs;

/**
 * An import writes only imported documents' graphs; users never write those. The shipped-data
 * sync writes the releases virtkg ships as files (data/nova-*.trig), which an import then refuses
 * (NovaMatrixImportTest, ShippedNovaReleasesTest).
 */
class ImportScopeTest {
    @Test
    void importsWriteOnlyTheirOwnGraphs() {
        assertNull(ChangeKind.IMPORT.refusal(Graphs.IMPORTED + "2026.1"));
        for (String other : new String[] {Graphs.ONTOLOGY, Graphs.SOURCE + "paper/table1/KVM/vmmType", Graphs.USER + "x", Graphs.INFERRED, Graphs.SYSTEM})
            assertNotNull(ChangeKind.IMPORT.refusal(other), other);
        assertNotNull(ChangeKind.SPARQL_UPDATE.refusal(Graphs.IMPORTED + "2026.1"), "users may not edit an import");
        assertNull(ChangeKind.SYNC.refusal(Graphs.IMPORTED + "2026.1"), "the sync writes the shipped releases");
        assertNotNull(ChangeKind.SYNC.refusal(Graphs.USER + "x"), "but no user graph");
    }
}
