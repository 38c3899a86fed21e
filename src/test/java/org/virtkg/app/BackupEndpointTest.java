package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.Main;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/** The admin backup endpoint writes a snapshot that `virtkg load` restores into an empty store. */
class BackupEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void backupOverHttpRestoresWithTheCli() throws Exception {
        String snapshot;
        // The real ontology (its blank nodes are what a restore most easily gets wrong) and the
        // paper's data; Nova's matrices would only make the snapshot, the load and the comparison longer.
        try (var server = TestServer.withShippedDataWithoutNova(tmp, AccessTokens.of(ADMIN, EDITOR))) {
            var added = Fixtures.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/products"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"ContainerTechnology\", \"id\": \"Podman\", \"label\": \"Podman\", \"hostOS\": \"Linux\"}")),
                    "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
            assertEquals(201, added.statusCode(), added.body());
            assertEquals(401, Fixtures.get(server.base() + "/api/admin/backup").statusCode());
            assertEquals(403, Fixtures.get(server.base() + "/api/admin/backup", "Authorization", "Bearer " + EDITOR).statusCode());
            var r = Fixtures.get(server.base() + "/api/admin/backup", "Authorization", "Bearer " + ADMIN);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/n-quads"));
            snapshot = r.body();
        }
        var fromHttp = DatasetGraphFactory.create();
        RDFDataMgr.read(fromHttp, new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)), Lang.NQUADS);
        assertTrue(fromHttp.contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/virtkg/graph/user/Podman"),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/virtkg/id/Podman"), org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.Node.ANY));

        Path file = tmp.resolve("snap.nq");
        Files.writeString(file, snapshot);
        Path restored = tmp.resolve("restored");
        assertEquals(0, Main.commandLine().execute("load", "--db", restored.toString(), file.toString()));
        try (var store = TdbKnowledgeStore.open(restored)) {
            var out = new java.io.ByteArrayOutputStream();
            store.backup(out);
            var fromStore = DatasetGraphFactory.create();
            RDFDataMgr.read(fromStore, new ByteArrayInputStream(out.toByteArray()), Lang.NQUADS);
            // The restore is one more change (kind load) on top of the restored log.
            var restoreEntry = org.virtkg.store.ChangeLog.after(fromStore, org.virtkg.store.KbVersion.read(fromHttp), 10);
            assertEquals(1, restoreEntry.size(), "the restore is logged once");
            assertEquals("load", restoreEntry.get(0).kind());
            for (var g : java.util.List.of(org.virtkg.store.Graphs.CHANGES, org.virtkg.store.Graphs.SYSTEM)) {
                fromHttp.removeGraph(org.virtkg.store.Graphs.node(g));
                fromStore.removeGraph(org.virtkg.store.Graphs.node(g));
            }
            // Blank-node labels change on reload, so compare sizes and every ground quad
            // (a full isomorphism check is exponential on the ontology's many blank nodes).
            assertEquals(fromHttp.stream().count(), fromStore.stream().count());
            assertEquals(groundQuads(fromHttp), groundQuads(fromStore), "restored store equals the snapshot");
        }
    }

    private static java.util.Set<org.apache.jena.sparql.core.Quad> groundQuads(org.apache.jena.sparql.core.DatasetGraph dsg) {
        java.util.Set<org.apache.jena.sparql.core.Quad> out = new java.util.HashSet<>();
        dsg.find().forEachRemaining(q -> {
            if (!q.getSubject().isBlank() && !q.getObject().isBlank()) out.add(q);
        });
        return out;
    }
}
