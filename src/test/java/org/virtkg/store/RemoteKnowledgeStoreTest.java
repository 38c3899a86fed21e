package org.virtkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.testing.ExternalFuseki;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedFuseki;

/** The remote store on its own, against a real Fuseki server: the write protocol, catch-up, credentials, errors. */
@ResourceLock(Locks.SHARED_FUSEKI)
class RemoteKnowledgeStoreTest {
    static final Quad A = SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/a> <https://w3id.org/virtkg/id/A> <x:p> 1)");
    static final Quad B = SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/b> <https://w3id.org/virtkg/id/B> <x:p> _:blank)");

    /** Adds or deletes one quad with its change-log entry, as the knowledge base's pipeline writes every change. */
    static void logged(KnowledgeStore store, Quad q, boolean add) {
        store.write(dsg -> {
            if (add) dsg.add(q);
            else dsg.delete(q);
            long id = store.version() + 1;
            ChangeLog.append(dsg, id, "test", "test", "test " + id, add ? List.of(q) : List.of(), add ? List.of() : List.of(q), null);
            KbVersion.set(dsg, id);
            return null;
        });
    }

    /**
     * The test JVM's one in-memory Fuseki ({@link SharedFuseki}), emptied: each test starts on a
     * store no virtkg instance has written, without a child JVM of its own (seconds each).
     */
    static ExternalFuseki emptySharedFuseki() {
        SharedFuseki.clear();
        return SharedFuseki.get();
    }

    static boolean holds(KnowledgeStore store, Quad q) {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().contains(q));
    }

    @Test
    void aWriteBasedOnAnOldVersionIsRefusedWholeAndGoesThroughAfterCatchingUp() {
        ExternalFuseki fuseki = emptySharedFuseki();
        try (var one = RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {});
             var two = RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {})) {
            assertEquals(0, one.version(), "a store virtkg never wrote");
            logged(one, A, true);
            assertEquals(1, one.version());

            // `two` has not caught up: its write is based on version 0 and must not land.
            assertThrows(StoreConflictException.class, () -> logged(two, B, true));
            assertFalse(holds(two, B), "nothing kept locally");
            assertEquals(0, two.version());

            List<Quad> added = new ArrayList<>();
            assertTrue(two.catchUp(new KnowledgeStore.CatchUpListener() {
                @Override
                public void changed(org.apache.jena.sparql.core.DatasetGraph dsg, java.util.Collection<Quad> a,
                                    java.util.Collection<Quad> d) {
                    added.addAll(a);
                }

                @Override
                public void reloaded(org.apache.jena.sparql.core.DatasetGraph dsg) {
                    throw new AssertionError("one version behind: replay the change log, do not reload");
                }
            }));
            assertEquals(List.of(A), added, "the listener hears exactly what changed");
            assertTrue(holds(two, A));
            logged(two, B, true);
            assertEquals(2, two.version());

            assertTrue(one.catchUp(KnowledgeStore.CatchUpListener.NONE));
            assertTrue(holds(one, B), "the blank node came back as the same blank node");
            assertFalse(one.catchUp(KnowledgeStore.CatchUpListener.NONE), "nothing new: one version check, no changes");

            logged(one, B, false);
            assertTrue(two.catchUp(KnowledgeStore.CatchUpListener.NONE));
            assertFalse(holds(two, B), "a blank-node triple written remotely can be deleted remotely");
        }
    }

    @Test
    void aLongChangeTravelsAsSeveralPatchPartsAndIsReplayedWhole() {
        // About 3,000 quads of 120-character literals: several times ChangeLog.PATCH_PART_CHARS.
        List<Quad> many = new ArrayList<>();
        for (int i = 0; i < 3_000; i++)
            many.add(SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/big> <https://w3id.org/virtkg/id/Big" + i
                    + "> <x:p> \"" + "v".repeat(120) + i + "\")"));
        ExternalFuseki fuseki = emptySharedFuseki();
        try (var writer = RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {});
             var behind = RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {})) {
            writer.write(dsg -> {
                many.forEach(dsg::add);
                ChangeLog.append(dsg, 1, "test", "test", "many", many, List.of(), null);
                KbVersion.set(dsg, 1);
                return null;
            });
            ChangeLog.Entry entry = Txn.calculateRead(writer.dataset(), () -> ChangeLog.get(writer.dataset(), 1)).orElseThrow();
            assertTrue(entry.patchParts().size() > 3, "kept in parts: " + entry.patchParts().size());
            for (String part : entry.patchParts())
                assertTrue(part.length() < 2 * ChangeLog.PATCH_PART_CHARS, "a part of " + part.length() + " characters");
            assertEquals(java.util.Set.copyOf(many), entry.quads().added, "the parts together are the whole change");
            assertEquals(java.util.Set.copyOf(many), ChangeLog.quads(List.of(entry.patch())).added,
                    "and the entry reads back as one patch of it");

            List<Quad> heard = new ArrayList<>();
            assertTrue(behind.catchUp(new KnowledgeStore.CatchUpListener() {
                @Override
                public void changed(org.apache.jena.sparql.core.DatasetGraph dsg, java.util.Collection<Quad> a,
                                    java.util.Collection<Quad> d) {
                    heard.addAll(a);
                }

                @Override
                public void reloaded(org.apache.jena.sparql.core.DatasetGraph dsg) {
                    throw new AssertionError("every part is in the log: replay it, do not reload");
                }
            }));
            assertEquals(java.util.Set.copyOf(many), java.util.Set.copyOf(heard));
            assertEquals(1, behind.version());
            ChangeLog.Entry replayed = Txn.calculateRead(behind.dataset(), () -> ChangeLog.get(behind.dataset(), 1)).orElseThrow();
            assertEquals(java.util.Set.copyOf(entry.patchParts()), java.util.Set.copyOf(replayed.patchParts()),
                    "the instance behind holds the same log entry");
        }
    }

    @Test
    void theChangeLogIsTheOnlyJournalAndAChangeWithoutAPatchMeansReload() {
        ExternalFuseki fuseki = emptySharedFuseki();
        try (var writer = RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {});
             var behind = RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {})) {
            for (int i = 1; i <= 3; i++)
                logged(writer, SSE.parseQuad("(<https://w3id.org/virtkg/graph/user/n> <https://w3id.org/virtkg/id/N> <x:p> " + i + ")"), true);
            try (var exec = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(fuseki.datasetUrl())
                    .query("ASK { GRAPH <" + Graphs.JOURNAL + "> { ?s ?p ?o } }").build()) {
                assertFalse(exec.ask(), "no second journal: each patch is kept once, in the change log");
            }
            // A bulk change keeps no patch (ChangeLog.MAX_PATCH_QUADS): an instance behind it must reload.
            org.apache.jena.sparql.exec.http.UpdateExecHTTP.service(fuseki.datasetUrl())
                    .update("DELETE WHERE { GRAPH <" + Graphs.CHANGES + "> { <" + ChangeLog.iri(2).getURI() + "> <"
                            + ChangeLog.PATCH.getURI() + "> ?p } }").execute();
            boolean[] reloaded = {false};
            behind.catchUp(new KnowledgeStore.CatchUpListener() {
                @Override
                public void changed(org.apache.jena.sparql.core.DatasetGraph dsg, java.util.Collection<Quad> a,
                                    java.util.Collection<Quad> d) {
                    throw new AssertionError("change 2 has no patch: the log cannot bridge the gap");
                }

                @Override
                public void reloaded(org.apache.jena.sparql.core.DatasetGraph dsg) {
                    reloaded[0] = true;
                }
            });
            assertTrue(reloaded[0]);
            assertEquals(3, behind.version());
            assertEquals(3L, behind.graphSizes().get("https://w3id.org/virtkg/graph/user/n"));
        }
    }

    @Test
    void credentialsAreSentAndAMissingOneIsNamed(@TempDir Path base) {
        try (var fuseki = ExternalFuseki.startInMemoryWithBasicAuth(base, "virtkg", "s3cret")) {
            var anonymous = assertThrows(StoreUnavailableException.class,
                    () -> RemoteKnowledgeStore.connect(RemoteStoreSettings.of(fuseki.datasetUrl()), l -> {}));
            assertTrue(anonymous.getMessage().contains("HTTP 401"), anonymous.getMessage());
            assertTrue(anonymous.getMessage().contains("--store-user"), anonymous.getMessage());

            var settings = RemoteStoreSettings.of(fuseki.datasetUrl()).withCredentials("virtkg", "s3cret");
            try (var store = RemoteKnowledgeStore.connect(settings, l -> {})) {
                store.write(dsg -> {
                    dsg.add(A);
                    return null;
                });
                assertEquals(1, store.version());
            }
            assertFalse(settings.toString().contains("s3cret"), "settings never print the password");
        }
    }

    @Test
    void anUnreachableStoreIsReportedInWords() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var e = assertThrows(StoreUnavailableException.class, () -> RemoteKnowledgeStore.connect(
                new RemoteStoreSettings("http://127.0.0.1:" + port + "/ds", "http://127.0.0.1:" + port + "/ds", null, null,
                        Duration.ofSeconds(5)), l -> {}));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port + "/ds"), e.getMessage());
    }

    @Test
    void settingsTakeOnlyHttpUrlsAndHideCredentials() {
        assertThrows(IllegalArgumentException.class, () -> RemoteStoreSettings.of("file:///etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> RemoteStoreSettings.of("ftp://host/ds"));
        assertThrows(IllegalArgumentException.class, () -> RemoteStoreSettings.of("not a url"));
        assertThrows(IllegalArgumentException.class,
                () -> new RemoteStoreSettings("http://h/ds", "http://h/ds", "user", null, Duration.ofSeconds(1)));
        assertEquals("http://host:3030/ds", RemoteStoreSettings.of("http://me:pw@host:3030/ds").displayUrl());
    }
}
