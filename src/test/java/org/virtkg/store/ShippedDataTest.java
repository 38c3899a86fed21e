package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.kb.KnowledgeBase;

/** First start loads the shipped files; later starts reload only what changed; user graphs stay. */
class ShippedDataTest {
    @TempDir
    Path tmp;

    private static final String KVM_TTL = "<https://w3id.org/virtkg/id/KVM> a <https://w3id.org/virtkg/ontology#Hypervisor> .\n";
    private static final String USER_GRAPH = Graphs.USER + "mine";

    @Test
    void syncLoadsOnceThenOnlyWhatChanged() throws Exception {
        Path onto = Files.createDirectories(tmp.resolve("ontology"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(onto.resolve("virtkg.ttl"), "<https://w3id.org/virtkg/ontology#Hypervisor> a <http://www.w3.org/2002/07/owl#Class> .\n");
        Files.writeString(data.resolve("a.ttl"), KVM_TTL);
        Files.writeString(data.resolve("b.trig"), "<https://w3id.org/virtkg/source/paper/x> { <https://w3id.org/virtkg/id/Xen> a <https://w3id.org/virtkg/ontology#Hypervisor> . }\n");
        ShippedData shipped = new ShippedData(onto, data, line -> {});

        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.open(tmp.resolve("db")), line -> {})) {
            var store = kb.store();
            var first = kb.sync(shipped);
            assertEquals(List.of("ontology/virtkg.ttl", "data/a.ttl", "data/b.trig"), first.loaded());
            assertEquals(1L, store.graphSizes().get(Graphs.ONTOLOGY));
            assertEquals(1L, store.graphSizes().get(Graphs.DATA + "a"));
            assertEquals(1L, store.graphSizes().get(Graphs.SOURCE + "paper/x"));
            addUserTriple(store);
        }
        // Restart: nothing changed, nothing reloaded.
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.open(tmp.resolve("db")), line -> {})) {
            var store = kb.store();
            var again = kb.sync(shipped);
            assertFalse(again.changed());
            assertEquals(3, again.unchanged().size());
        }
        // Edit one file, delete another: only those are touched, the user graph survives.
        Files.writeString(data.resolve("a.ttl"), KVM_TTL + "<https://w3id.org/virtkg/id/LXC> a <https://w3id.org/virtkg/ontology#ContainerTechnology> .\n");
        Files.delete(data.resolve("b.trig"));
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.open(tmp.resolve("db")), line -> {})) {
            var store = kb.store();
            var third = kb.sync(shipped);
            assertEquals(List.of("data/a.ttl"), third.loaded());
            assertEquals(List.of("data/b.trig"), third.removed());
            var sizes = store.graphSizes();
            assertEquals(2L, sizes.get(Graphs.DATA + "a"));
            assertFalse(sizes.containsKey(Graphs.SOURCE + "paper/x"));
            assertEquals(1L, sizes.get(USER_GRAPH));
        }
    }

    @Test
    void aShippedImportOwnsItsGraph() throws Exception {
        // A release of Nova's matrix shipped as data/nova-r1.trig replaces an import an admin made under that
        // name before it was shipped; from then on the import refuses it (ShippedNovaReleasesTest).
        Path data = Files.createDirectories(tmp.resolve("data"));
        String graph = Graphs.IMPORTED + "r1";
        Files.writeString(data.resolve("nova-r1.trig"), "<" + graph + "> { <https://w3id.org/virtkg/id/nova-driver-x> a <https://w3id.org/virtkg/ontology#HypervisorDriver> . }\n");
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.inMemory(), line -> {})) {
            Node g = NodeFactory.createURI(graph);
            kb.write(org.virtkg.kb.ChangeKind.IMPORT, "admin", "an import before the release was shipped", dsg -> {
                dsg.add(g, NodeFactory.createURI(Graphs.ID + "old"), NodeFactory.createURI(Graphs.VOCAB + "driverKey"), NodeFactory.createLiteralString("old"));
                dsg.add(g, NodeFactory.createURI(Graphs.ID + "old2"), NodeFactory.createURI(Graphs.VOCAB + "driverKey"), NodeFactory.createLiteralString("old2"));
            });
            assertFalse(Txn.calculateRead(kb.store().dataset(), () -> ShippedData.ships(kb.store().dataset(), g)));
            kb.sync(new ShippedData(null, data, line -> {}));
            assertEquals(1L, kb.store().graphSizes().get(graph), "the shipped file's graph, without the earlier import's triples");
            assertTrue(Txn.calculateRead(kb.store().dataset(), () -> ShippedData.ships(kb.store().dataset(), g)));
        }
    }

    @Test
    void aBrokenFileChangesNothing() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("a.ttl"), KVM_TTL);
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.inMemory(), line -> {})) {
            var store = kb.store();
            kb.sync(new ShippedData(null, data, line -> {}));
            Files.writeString(data.resolve("a.ttl"), KVM_TTL + "<https://w3id.org/virtkg/id/Broken> a ");
            var e = assertThrows(StoreException.class, () -> kb.sync(new ShippedData(null, data, line -> {})));
            assertTrue(e.getMessage().contains("data/a.ttl"), e.getMessage());
            assertEquals(1L, store.graphSizes().get(Graphs.DATA + "a"), "the old content stays");
        }
    }

    @Test
    void shippedFilesMayNotWriteServiceGraphs() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("evil.trig"), "<" + Graphs.INFERRED + "> { <a:s> <a:p> <a:o> . }\n");
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.inMemory(), line -> {})) {
            var store = kb.store();
            var e = assertThrows(StoreException.class, () -> kb.sync(new ShippedData(null, data, line -> {})));
            assertTrue(e.getMessage().contains("not a shipped graph"), e.getMessage());
        }
    }

    /**
     * A sync is a change in the log like any other, but not one a revert may undo: what it wrote is
     * the shipped files' content, read-only to users (ChangeLogTest: over HTTP). The next start
     * brings the store up to date with the files again; a revert would only make it differ from them.
     */
    @Test
    void aSyncIsAChangeThatIsNotReverted() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("a.ttl"), KVM_TTL);
        ShippedData shipped = new ShippedData(null, data, line -> {});
        try (var kb = KnowledgeBase.openDeferred(TdbKnowledgeStore.inMemory(), java.time.Duration.ZERO, line -> {})) {
            kb.sync(shipped);
            Files.writeString(data.resolve("a.ttl"), "<https://w3id.org/virtkg/id/LXC> a <https://w3id.org/virtkg/ontology#ContainerTechnology> .\n");
            kb.sync(shipped);
            var dsg = kb.store().dataset();
            var entries = Txn.calculateRead(dsg, () -> ChangeLog.after(dsg, 0, 10));
            assertEquals(List.of("sync", "sync"), entries.stream().map(ChangeLog.Entry::kind).toList());
            var second = entries.get(1);
            assertEquals("shipped data: loaded data/a.ttl", second.summary());
            assertEquals(kb.version(), second.id(), "the change id is the version it produced");

            long version = kb.version();
            var refused = assertThrows(org.virtkg.kb.WriteRejectedException.class, () -> kb.revert(second.id(), "admin"));
            assertEquals("forbidden", refused.kind());
            assertTrue(refused.getMessage().contains("<" + Graphs.DATA + "a>") && refused.getMessage().contains("shipped"), refused.getMessage());
            assertEquals(version, kb.version(), "nothing changed");
            assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(Graphs.node(Graphs.DATA + "a"),
                    NodeFactory.createURI("https://w3id.org/virtkg/id/LXC"), Node.ANY, Node.ANY)), "the file's content stays");
            assertFalse(Txn.calculateRead(dsg, () -> shipped.plan(dsg)).changed(), "and the store is up to date with the files");
        }
    }

    private static void addUserTriple(KnowledgeStore store) {
        Txn.executeWrite(store.dataset(), () -> store.dataset().add(NodeFactory.createURI(USER_GRAPH),
                NodeFactory.createURI("https://w3id.org/virtkg/id/Firecracker"),
                NodeFactory.createURI("https://w3id.org/virtkg/ontology#basedOn"),
                NodeFactory.createURI("https://w3id.org/virtkg/id/KVM")));
    }
}
