package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsCodec;
import org.apache.jena.tdb2.sys.TDBInternal;
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

    @Test
    void aNewStoreKeepsFourQuadIndexesWhoeverOpensItLater() throws Exception {
        Quad written = SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/a> <x:s> <x:p> 1)");
        try (var store = TdbKnowledgeStore.open(tmp)) {
            store.write(dsg -> {
                dsg.add(written);
                return null;
            });
        }
        StoreParams recorded = StoreParamsCodec.read(Location.create(tmp.toString()));
        assertEquals(List.of("GSPO", "SPOG", "POSG", "OSPG"), List.of(recorded.getQuadIndexes()), "the store records its four quad indexes");
        // Opened by plain TDB2, without our parameters, it reads the four from the store itself.
        DatasetGraph plain = DatabaseMgr.connectDatasetGraph(tmp.toString());
        try {
            assertEquals(List.of(written), inGraphWithPredicate(plain, written));
        } finally {
            TDBInternal.expel(plain);
        }
        try (var files = Files.list(tmp.resolve("Data-0001"))) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("GPOS") || f.startsWith("GOSP")).toList());
        }
    }

    @Test
    void aStoreMadeWithSixQuadIndexesKeepsThemAllUpToDate() {
        // A store made before the four (or by another tool): TDB2's six, and no tdb.cfg to say so.
        Quad before = SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/a> <x:s1> <x:p> 1)");
        Quad after = SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/a> <x:s2> <x:p> 2)");
        DatasetGraph six = DatabaseMgr.connectDatasetGraph(tmp.toString());
        Txn.executeWrite(six, () -> six.add(before));
        TDBInternal.expel(six);
        assertTrue(Files.notExists(tmp.resolve("tdb.cfg")));

        try (var store = TdbKnowledgeStore.open(tmp)) {
            store.write(dsg -> {
                dsg.add(after);
                return null;
            });
        }
        // Reopened with TDB2's defaults, a graph-and-predicate pattern is answered from GPOS: had the
        // write above skipped that index, it would find the first quad only.
        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(tmp.toString());
        try {
            assertEquals(List.of(before, after), inGraphWithPredicate(reopened, before));
        } finally {
            TDBInternal.expel(reopened);
        }
    }

    private static List<Quad> inGraphWithPredicate(DatasetGraph dsg, Quad like) {
        return Txn.calculateRead(dsg, () -> {
            List<Quad> found = new ArrayList<>();
            dsg.find(like.getGraph(), Node.ANY, like.getPredicate(), Node.ANY).forEachRemaining(found::add);
            return found;
        });
    }
}
