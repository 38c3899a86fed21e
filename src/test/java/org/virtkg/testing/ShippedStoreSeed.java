package org.virtkg.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.system.Txn;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.RemoteKnowledgeStore;
import org.virtkg.store.TdbKnowledgeStore;

/**
 * A remote store as a real virtkg instance leaves it after syncing the shipped ontology and data
 * into it when empty: made by that very sync, then copied into other stores.
 *
 * <p>Why: the first sync is one SPARQL Update carrying some 29,000 quads and, in its change-log
 * entry, an RDF Patch of them as one multi-megabyte string literal. Fuseki's parser (JavaCC's
 * {@code SimpleCharStream}) grows its buffer by 2 KB at a time while reading one token, so that
 * literal (5.7 million characters) costs it 40 s and more on two cores, against 2.6 s for the same
 * quads without it (measured 2026-11-26; apache/jena#1324, javacc/javacc#72). The copy goes
 * in through the Graph Store Protocol as N-Quads, which Jena's RIOT reads in well under a second.
 * Tests of the first sync itself ({@code RemoteStoreTest}'s start on an empty store) do not use it.
 *
 * <p>The build runs two test JVMs that need it (the default Surefire execution, for
 * {@code RemoteStoreTest}, and {@code remote-store-contract}), so the snapshot is also kept in
 * {@code target/shipped-store-seed/}, under a digest of everything the sync's outcome depends on:
 * the shipped {@code ontology/} and {@code data/} files, the compiled main classes and this test harness. Any change
 * to either makes a new digest, so a stale snapshot is never read; a later JVM of the same build
 * reads the file instead of syncing again.
 *
 * <p>The embedded store has the same copy ({@link #inMemoryStore}): a sync of some 30,000 quads
 * through the shapes and the reasoner takes 2.5–4 s on two cores, against about a second to copy
 * the quads the first such sync of the JVM left and open the knowledge base over them (the sync
 * then finds nothing to do). The knowledge-base tests and the test servers that are not about the
 * sync use it (see {@code TestServer.newShippedStore}). Tests of the sync itself open their own
 * store with {@code Fixtures.withShippedData(store)} and never get a copy.
 */
public final class ShippedStoreSeed {
    /** Per JVM, one snapshot for each pair of ontology and data folders a test syncs. */
    private static final java.util.Map<List<Path>, DatasetGraph> SNAPSHOTS = new java.util.HashMap<>();

    /** The embedded store as this JVM's first sync of the shipped folders left it (see {@link #inMemoryStore}). */
    private static DatasetGraph inMemorySnapshot;

    private ShippedStoreSeed() {}

    /**
     * A new in-memory TDB2 store holding what a first sync of the shipped ontology and data leaves
     * in one: the first call of the JVM runs that sync (a real one, into a store of its own) and
     * keeps its quads; every call copies them into a fresh store in one transaction.
     */
    public static KnowledgeStore inMemoryStore() {
        return copyInto(TdbKnowledgeStore.inMemory());
    }

    /** {@link #inMemoryStore} for a given (empty) embedded store, e.g. one on disk that a command then opens. */
    public static synchronized KnowledgeStore copyInto(TdbKnowledgeStore store) {
        if (inMemorySnapshot == null) {
            TdbKnowledgeStore first = TdbKnowledgeStore.inMemory();
            KnowledgeBase kb = Fixtures.withShippedData(first);
            try {
                DatasetGraph copy = DatasetGraphFactory.create();
                Txn.executeRead(first.dataset(), () -> first.dataset().find().forEachRemaining(copy::add));
                inMemorySnapshot = copy;
            } finally {
                kb.close();
            }
        }
        DatasetGraph snapshot = inMemorySnapshot;
        store.write(dsg -> {
            snapshot.find().forEachRemaining(dsg::add);
            return null;
        });
        return store;
    }

    /** Empties the Fuseki dataset at {@code datasetUrl} and fills it as the shipped data's first sync does. */
    public static void into(String datasetUrl) {
        into(datasetUrl, Fixtures.projectDir().resolve("ontology"), Fixtures.projectDir().resolve("data"));
    }

    /**
     * Empties the Fuseki dataset at {@code datasetUrl} and fills it as a first sync of the given
     * ontology and data folders does (e.g. the shipped ontology with only some of the data files).
     * Only the shipped folders' snapshot is also kept on disk for later JVMs.
     */
    public static synchronized void into(String datasetUrl, Path ontology, Path data) {
        List<Path> key = key(ontology, data);
        boolean shipped = key.equals(shippedKey());
        DatasetGraph snapshot = SNAPSHOTS.get(key);
        if (snapshot == null && shipped) snapshot = readCached();
        if (snapshot == null) {
            SharedFuseki.empty(datasetUrl);
            KnowledgeBase kb = Fixtures.withData(RemoteKnowledgeStore.connect(TestServer.remoteSettings(datasetUrl), line -> {}), ontology, data);
            kb.close();
            snapshot = DSP.service(datasetUrl).GET();
            if (shipped) writeCached(snapshot);
        } else {
            // One Graph Store Protocol PUT replaces the whole dataset: Fuseki clears it and loads
            // the copy in one request and one transaction, where DROP ALL and a POST were two, and
            // DROP ALL, deleting quad by quad, cost the server about a second on its own.
            DSP.service(datasetUrl).PUT(snapshot);
        }
        SNAPSHOTS.put(key, snapshot);
    }

    /**
     * Takes the store at {@code datasetUrl}, which a test has just brought to the state of the
     * shipped data's first sync with real instances (and written nothing else to), as the shipped
     * snapshot, unless this JVM or an earlier one of the build already made it: the sync is tens
     * of seconds, and a later JVM ({@code remote-store-contract}) then reads the file instead.
     */
    public static synchronized void keepShippedFrom(String datasetUrl) {
        List<Path> key = shippedKey();
        if (SNAPSHOTS.containsKey(key)) return;
        Path file = cacheFile();
        if (file == null || Files.isRegularFile(file)) return;
        DatasetGraph snapshot = DSP.service(datasetUrl).GET();
        writeCached(snapshot);
        SNAPSHOTS.put(key, snapshot);
    }

    /** The key of {@link #SNAPSHOTS} for an ontology folder and a data folder. */
    private static List<Path> key(Path ontology, Path data) {
        return List.of(ontology.toAbsolutePath().normalize(), data.toAbsolutePath().normalize());
    }

    /** The key of the shipped folders' snapshot, the one also kept on disk. */
    private static List<Path> shippedKey() {
        return key(Fixtures.projectDir().resolve("ontology"), Fixtures.projectDir().resolve("data"));
    }

    /** The snapshot a JVM before this one made from the same files and classes, or null. */
    private static DatasetGraph readCached() {
        Path file = cacheFile();
        if (file == null || !Files.isRegularFile(file)) return null;
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFDataMgr.read(dsg, file.toString(), Lang.NQUADS);
        return dsg;
    }

    private static void writeCached(DatasetGraph dsg) {
        Path file = cacheFile();
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "seed-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                RDFDataMgr.write(out, dsg, Lang.NQUADS);
            }
            // Whole or not at all: a reader never sees a half-written file.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // Snapshots of earlier files or classes can never be read again (some 15 MB each).
            try (Stream<Path> old = Files.list(file.getParent())) {
                for (Path p : old.filter(p -> p.toString().endsWith(".nq") && !p.equals(file)).toList()) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the shipped-store snapshot in " + file.getParent(), e);
        }
    }

    /** {@code target/shipped-store-seed/<digest>.nq}, or null when the compiled classes are not where Maven puts them. */
    private static Path cacheFile() {
        Path project = Fixtures.projectDir();
        Path classes = project.resolve("target/classes");
        if (!Files.isDirectory(classes)) return null;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path root : List.of(project.resolve("ontology"), project.resolve("data"), classes,
                    project.resolve("target/test-classes/org/virtkg/testing"))) {
                if (Files.isDirectory(root)) digest(sha, project, root);
            }
            return project.resolve("target/shipped-store-seed").resolve(HexFormat.of().formatHex(sha.digest()) + ".nq");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code root}, in path order: its path and its bytes. */
    private static void digest(MessageDigest sha, Path project, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            sha.update(project.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
            }
            sha.update((byte) 0);
        }
    }
}
