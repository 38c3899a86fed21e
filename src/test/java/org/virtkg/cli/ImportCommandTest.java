package org.virtkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.Main;
import org.virtkg.store.KbVersion;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/** {@code virtkg import nova-matrix} on a store holding the shipped data: one change, idempotent, bad files refused. */
class ImportCommandTest {
    @TempDir
    Path tmp;

    /** virtkg's own fixture in the format of Nova's support-matrix.ini. */
    static final Path CURRENT = Fixtures.projectDir().resolve("src/test/resources/nova/fixture-2.ini");
    static final String URL = "https://example.org/virtkg-fixtures/blob/2222222222222222222222222222222222222222/fixture-2.ini";

    @Test
    void outWritesTheConversionAsTrigTheSameEachTimeWithoutAStore() throws Exception {
        Path one = tmp.resolve("one.trig"), two = tmp.resolve("two.trig");
        for (Path out : new Path[] {one, two})
            assertEquals(0, Main.commandLine().execute("import", "nova-matrix", CURRENT.toString(), "--release", "fixture-2",
                    "--date", "2026-07-01", "--source", URL, "--out", out.toString(), "--db", tmp.resolve("no-store").toString()));
        assertEquals(-1L, Files.mismatch(one, two), "the same file, release and date give the same bytes");
        var parsed = org.apache.jena.riot.RDFParser.source(one).lang(org.apache.jena.riot.Lang.TRIG).toDatasetGraph();
        var g = NodeFactory.createURI("https://w3id.org/virtkg/source/nova/fixture-2");
        assertEquals(List.of(g), org.apache.jena.atlas.iterator.Iter.toList(parsed.listGraphNodes()), "one graph, the release's");
        long expected = Files.readAllLines(CURRENT).stream().filter(l -> l.matches("^driver\\.[^=]+=.*")).count();
        assertEquals(expected, parsed.getGraph(g).find(null, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI("https://w3id.org/virtkg/ontology#FeatureSupport")).toList().size());
        assertTrue(parsed.getGraph(g).contains(g, NodeFactory.createURI("https://w3id.org/virtkg/ontology#commit"),
                NodeFactory.createLiteralString("2222222222222222222222222222222222222222")));
        assertFalse(Files.exists(tmp.resolve("no-store")), "no store opened");
        // Without --date there is no earlier import to take the date from: refused.
        assertEquals(2, Main.commandLine().execute("import", "nova-matrix", CURRENT.toString(), "--release", "fixture-2",
                "--source", URL, "--out", tmp.resolve("three.trig").toString()));
        assertFalse(Files.exists(tmp.resolve("three.trig")));
    }

    @Test
    void importsOnceAndThenChangesNothing() throws Exception {
        Path db = tmp.resolve("db");
        ShippedStoreSeed.copyInto(TdbKnowledgeStore.open(db)).close();
        String[] args = {"import", "nova-matrix", CURRENT.toString(), "--db", db.toString(), "--release", "fixture-2", "--source", URL, "--date", "2026-07-01"};
        assertEquals(0, Main.commandLine().execute(args));
        long expected = Files.readAllLines(CURRENT).stream().filter(l -> l.matches("^driver\\.[^=]+=.*")).count();
        long after;
        try (var store = TdbKnowledgeStore.open(db)) {
            var dsg = store.dataset();
            long[] counts = Txn.calculateRead(dsg, () -> new long[] {
                    dsg.getGraph(NodeFactory.createURI("https://w3id.org/virtkg/source/nova/fixture-2"))
                            .find(null, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                    NodeFactory.createURI("https://w3id.org/virtkg/ontology#FeatureSupport")).toList().size(),
                    KbVersion.read(dsg)});
            assertEquals(expected, counts[0], "one statement per driver value in the file");
            after = counts[1];
        }
        assertEquals(0, Main.commandLine().execute(args), "the same release again");
        try (var store = TdbKnowledgeStore.open(db)) {
            assertEquals(after, Txn.calculateRead(store.dataset(), () -> KbVersion.read(store.dataset())), "nothing changed");
        }
        Path bad = tmp.resolve("bad.ini");
        Files.writeString(bad, "[driver.a]\ntitle=A\n[operation.x]\ntitle=X\nstatus=optional\ndriver.a=maybe\n");
        assertEquals(2, Main.commandLine().execute("import", "nova-matrix", bad.toString(), "--db", db.toString(), "--release", "x", "--source", URL));
        assertEquals(2, Main.commandLine().execute("import", "nova-matrix", CURRENT.toString(), "--db", db.toString(), "--release", "x", "--source", "ftp://x/y"));
        // A release virtkg ships (data/nova-2026.1.trig) belongs to the shipped-data sync: refused.
        assertEquals(2, Main.commandLine().execute("import", "nova-matrix", CURRENT.toString(), "--db", db.toString(), "--release", "2026.1", "--source", URL));
        try (var store = TdbKnowledgeStore.open(db)) {
            assertEquals(after, Txn.calculateRead(store.dataset(), () -> KbVersion.read(store.dataset())), "refused files change nothing");
            assertTrue(Txn.calculateRead(store.dataset(), () -> !store.dataset().containsGraph(NodeFactory.createURI("https://w3id.org/virtkg/source/nova/x"))));
        }
    }

    /**
     * A date after today is refused as a claim's asOf is (ImportRoutes' date too): exit 2, the
     * flag named, nothing written, neither into a store nor as a file to ship.
     */
    @Test
    @ResourceLock(Resources.SYSTEM_ERR)
    void aDateAfterTodayIsRefusedAndNothingIsWritten() throws Exception {
        Path db = tmp.resolve("db");
        ShippedStoreSeed.copyInto(TdbKnowledgeStore.open(db)).close();
        long before;
        try (var store = TdbKnowledgeStore.open(db)) {
            before = Txn.calculateRead(store.dataset(), () -> KbVersion.read(store.dataset()));
        }
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        Path out = tmp.resolve("future.trig");
        for (String date : List.of("2099-01-01", tomorrow)) {
            for (String[] where : new String[][] {{"--db", db.toString()}, {"--out", out.toString()}}) {
                int[] code = new int[1];
                String err = captureErr(() -> code[0] = Main.commandLine().execute("import", "nova-matrix", CURRENT.toString(),
                        "--release", "fx3", "--source", URL, "--date", date, where[0], where[1]));
                assertEquals(2, code[0], err);
                assertTrue(err.contains("--date " + date + " is after today"), err);
            }
        }
        assertFalse(Files.exists(out), "no file written");
        try (var store = TdbKnowledgeStore.open(db)) {
            assertEquals(before, Txn.calculateRead(store.dataset(), () -> KbVersion.read(store.dataset())), "nothing changed");
            assertFalse(Txn.calculateRead(store.dataset(),
                    () -> store.dataset().containsGraph(NodeFactory.createURI("https://w3id.org/virtkg/source/nova/fx3"))));
        }
    }

    private static String captureErr(Runnable r) {
        java.io.PrintStream old = System.err;
        var buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
