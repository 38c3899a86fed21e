package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdbKnowledgeStoreTest {
    @TempDir
    Path tmp;

    @Test
    void committedDataSurvivesReopenAndQueriesSeeTheUnion() {
        try (var store = TdbKnowledgeStore.open(tmp)) {
            Txn.executeWrite(store.dataset(), () -> {
                store.dataset().add(SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/a> <x:s> <x:p> 1)"));
                store.dataset().add(SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/b> <x:s> <x:p> 2)"));
            });
        }
        try (var store = TdbKnowledgeStore.open(tmp)) {
            assertEquals("tdb2", store.kind());
            assertEquals(2, store.graphSizes().size());
            long n = Txn.calculateRead(store.dataset(), () -> {
                try (var qe = QueryExecutionFactory.create("SELECT ?o { <x:s> <x:p> ?o }", DatasetFactory.wrap(store.dataset()))) {
                    return (long) ResultSetFormatter.consume(qe.execSelect());
                }
            });
            assertEquals(2, n, "the default graph is the union of the named graphs");
        }
    }

    @Test
    void reopeningInTheSameProcessWorks() {
        // In-process reopen after close must work (tests and restores rely on it).
        try (var store = TdbKnowledgeStore.open(tmp)) {
            assertTrue(store.graphSizes().isEmpty());
        }
        try (var store = TdbKnowledgeStore.open(tmp)) {
            assertTrue(store.location().endsWith(tmp.getFileName().toString()));
        }
    }
}
