package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.KnowledgeBase;
import org.junit.jupiter.api.io.TempDir;

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

    private static void addUserTriple(KnowledgeStore store) {
        Txn.executeWrite(store.dataset(), () -> store.dataset().add(NodeFactory.createURI(USER_GRAPH),
                NodeFactory.createURI("https://w3id.org/virtkg/id/Firecracker"),
                NodeFactory.createURI("https://w3id.org/virtkg/ontology#basedOn"),
                NodeFactory.createURI("https://w3id.org/virtkg/id/KVM")));
    }
}
