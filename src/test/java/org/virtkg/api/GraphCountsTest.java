package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.Graphs;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;

/**
 * The counts behind {@code /api/health} follow the writes: after every kind of change they equal a
 * count of every graph at the same version, and they got there without counting every graph again.
 */
class GraphCountsTest {
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String EX = "https://example.org/counts/";
    static final String PREFIXES = "PREFIX vkg: <" + VKG + "> PREFIX ex: <" + EX + "> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";

    private static KnowledgeBase fixtureKb() {
        return Fixtures.withFixtures(TdbKnowledgeStore.inMemory());
    }

    private static long update(KnowledgeBase kb, String sparql) {
        return kb.write(ChangeKind.SPARQL_UPDATE, "test", "test write",
                dsg -> UpdateExec.dataset(dsg).update(PREFIXES + sparql).execute()).version();
    }

    /** The counts equal a fresh count of every graph, at the knowledge base's current version. */
    private static void assertExact(KnowledgeBase kb, GraphCounts counts, String after) {
        GraphCounts.Counts c = counts.current();
        assertEquals(kb.version(), c.version(), after + ": the counts are of the current version");
        assertEquals(new TreeMap<>(kb.store().graphSizes()), c.sizes(), after + ": the counts equal a full count");
    }

    @Test
    void afterEveryKindOfChangeTheCountsEqualAFullCountWithoutCountingEverything() {
        try (var kb = fixtureKb()) {
            GraphCounts counts = new GraphCounts(kb);
            assertExact(kb, counts, "at start");
            assertEquals(1, counts.fullCounts(), "the first request counts everything");
            long before = counts.current().sizes().values().stream().mapToLong(Long::longValue).sum();

            // An inference with an IRI object (the fixture's inverse pair): the reasoner's delta is added.
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "a> { ex:x vkg:supports ex:y } }");
            assertExact(kb, counts, "an insert with an inference");
            assertTrue(counts.current().sizes().containsKey(Graphs.USER + "a"), "the new graph is counted");
            assertTrue(counts.current().sizes().values().stream().mapToLong(Long::longValue).sum() > before + 2,
                    "the triple, its inverse, the log entry: the counts moved");

            // Two statements whose conclusions differ as RDF terms but not as stored values: the store
            // keeps the integer 0099 as 99, so the inferred graph gains one triple where the reasoner
            // concluded two. Counted from the store, not from the reasoner's delta.
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "b> { ex:p1 rdfs:subPropertyOf ex:q . ex:p2 rdfs:subPropertyOf ex:q } }");
            assertExact(kb, counts, "sub-properties");
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "b> { ex:s ex:p1 \"0099\"^^xsd:integer . ex:s ex:p2 \"99\"^^xsd:integer } }");
            assertExact(kb, counts, "integers equal in value, written differently");

            // A removal: conclusions may go, or stay on another derivation.
            update(kb, "DELETE DATA { GRAPH <" + Graphs.USER + "a> { ex:x vkg:supports ex:y } }");
            assertExact(kb, counts, "a delete that empties a graph");
            assertTrue(!counts.current().sizes().containsKey(Graphs.USER + "a"), "an emptied graph is no longer listed");

            // Several batches between two requests: what each changed accumulates.
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "c> { ex:c1 vkg:supports ex:c2 } }");
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "d> { ex:d1 rdfs:label \"d\" } }");
            long replaced = update(kb, "DELETE WHERE { GRAPH <" + Graphs.USER + "c> { ?s ?p ?o } } ; "
                    + "INSERT DATA { GRAPH <" + Graphs.USER + "c> { ex:c3 vkg:supportedBy ex:c4 . ex:c5 vkg:supports ex:c6 } }");
            assertExact(kb, counts, "three batches in a row");

            // A revert, and a load (the kind that restores backups) writing the system graph and the change log.
            kb.revert(replaced, "test");
            assertExact(kb, counts, "a revert");
            kb.write(ChangeKind.LOAD, "test", "a restore-like load", dsg -> {
                dsg.add(SSE.parseQuad("(<" + Graphs.SYSTEM + "> <" + EX + "s> <" + EX + "p> \"restored\")"));
                dsg.add(SSE.parseQuad("(<" + Graphs.CHANGES + "> <" + EX + "old-entry> <" + EX + "p> \"restored\")"));
            });
            assertExact(kb, counts, "a load writing the system graph and the change log");

            // Refused and empty writes commit nothing: the counts stay.
            long version = kb.version();
            assertThrows(WriteRejectedException.class, () -> update(kb,
                    "INSERT DATA { GRAPH <" + Graphs.USER + "e> { ex:h a vkg:Hypervisor , vkg:CloudPlatform } }"));
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "d> { ex:d1 rdfs:label \"d\" } }");
            assertEquals(version, kb.version());
            assertExact(kb, counts, "a refused and an empty write");

            assertEquals(1, counts.fullCounts(), "every change was followed: nothing was counted in full again");
        }
    }

    @Test
    void manyChangesWithoutARequestRecountTheChangeLogInsteadOfListingItsEntries() {
        try (var kb = fixtureKb()) {
            GraphCounts counts = new GraphCounts(kb, 2);
            assertExact(kb, counts, "at start");
            for (int i = 0; i < 4; i++) update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "many> { ex:m" + i + " vkg:supports ex:n } }");
            assertExact(kb, counts, "four writes");
            assertEquals(1, counts.fullCounts());
        }
    }

    @Test
    void aRequestBetweenACommitAndItsFollowingCountsThatVersionInFull() {
        try (var kb = fixtureKb()) {
            // Batch listeners run in the order they were registered: this one runs after the commit,
            // before the counts have followed it, as a request arriving at that moment would.
            AtomicReference<GraphCounts> holder = new AtomicReference<>();
            List<GraphCounts.Counts> seen = new ArrayList<>();
            List<Map<String, Long>> full = new ArrayList<>();
            kb.onBatchCommitted(batch -> {
                if (holder.get() == null) return;
                seen.add(holder.get().current());
                full.add(new TreeMap<>(kb.store().graphSizes()));
            });
            GraphCounts counts = new GraphCounts(kb);
            holder.set(counts);
            assertExact(kb, counts, "at start");
            long v = update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "w> { ex:w1 vkg:supports ex:w2 } }");
            assertEquals(1, seen.size());
            assertEquals(v, seen.get(0).version(), "the committed version, before it was followed");
            assertEquals(full.get(0), seen.get(0).sizes());
            assertEquals(2, counts.fullCounts(), "counted in full, since nothing had followed that version yet");
            // The full count already includes the batch; following it does not count it twice.
            holder.set(null);
            assertExact(kb, counts, "after the batch was followed");
            update(kb, "INSERT DATA { GRAPH <" + Graphs.USER + "w> { ex:w3 vkg:supports ex:w4 } }");
            assertExact(kb, counts, "the next write");
            assertEquals(2, counts.fullCounts(), "and followed from there");
        }
    }
}
