package org.virtkg.testing;

import java.time.Duration;
import org.virtkg.app.ServerConfig;
import org.virtkg.app.VirtkgServer;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.RemoteKnowledgeStore;
import org.virtkg.store.RemoteStoreSettings;
import org.virtkg.store.TdbKnowledgeStore;

/**
 * The real service on a random loopback port, for HTTP tests.
 *
 * <p>By default the store is a throwaway TDB2 in a temporary directory. With the system property {@value #STORE_PROPERTY}
 * set to {@code remote} (the {@code remote-store-contract} Surefire execution), the same tests run
 * against virtkg backed by a real standalone Fuseki server in a child JVM: one server for the whole
 * test JVM, emptied before each test server starts.
 */
public final class TestServer implements AutoCloseable {
    public static final String STORE_PROPERTY = "virtkg.test.store";
    private final VirtkgServer server;
    private final String base;
    /** A store this server alone uses (a shared server's own Fuseki), closed after it; or null. */
    private final AutoCloseable ownStore;

    private TestServer(VirtkgServer server) {
        this(server, null);
    }

    private TestServer(VirtkgServer server, AutoCloseable ownStore) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
        this.ownStore = ownStore;
    }

    /** Serves the small fixture ontology and data (src/test/resources/fixtures). */
    public static TestServer withFixtures(AccessTokens tokens, Duration queryTimeout) {
        return start(Fixtures.withFixtures(newStore()), tokens, queryTimeout);
    }

    /** The fixtures with a tighter per-client query cap, for limit tests. */
    public static TestServer withFixtures(AccessTokens tokens, Duration queryTimeout, int maxQueriesPerClient) {
        var kb = Fixtures.withFixtures(newStore());
        var config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withTokens(tokens).withQueryTimeout(queryTimeout)
                .withQueriesDir(Fixtures.projectDir().resolve("queries")).withMaxQueriesPerClient(maxQueriesPerClient);
        return new TestServer(VirtkgServer.start(config, kb));
    }

    /**
     * The fixtures under a deployment's settings (e.g. {@code max-upload: 1}), given as a config
     * file would give them: for tests of what a limit's refusal says.
     */
    public static TestServer withFixtures(AccessTokens tokens, java.util.Map<org.virtkg.app.Setting, String> settings) {
        var kb = Fixtures.withFixtures(newStore());
        var config = ServerConfig.defaults().withSettings(org.virtkg.app.Settings.resolve(settings, java.util.Map.of(), null))
                .withHost("127.0.0.1").withPort(0).withTokens(tokens).withQueriesDir(Fixtures.projectDir().resolve("queries"));
        return new TestServer(VirtkgServer.start(config, kb));
    }

    /**
     * Serves the project's real ontology/ and only the data/ files {@code keep} accepts (by file
     * name), e.g. the knowledge base as it was before current sources were added.
     */
    public static TestServer withShippedDataOnly(java.util.function.Predicate<String> keep, java.nio.file.Path scratch, AccessTokens tokens) {
        try {
            java.nio.file.Path data = java.nio.file.Files.createDirectories(scratch.resolve("data"));
            try (var files = java.nio.file.Files.list(Fixtures.projectDir().resolve("data"))) {
                for (var f : files.toList())
                    if (keep.test(f.getFileName().toString())) java.nio.file.Files.copy(f, data.resolve(f.getFileName()));
            }
            var kb = Fixtures.withData(newStore(), Fixtures.projectDir().resolve("ontology"), data);
            return start(kb, tokens, Duration.ofSeconds(10));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Serves the project's real ontology/ and the data/ files but Nova's matrices
     * ({@link Fixtures#shippedDataWithoutNova}), for tests whose point is not the data: a fraction
     * of the start and of each write's reasoning. Against a remote store it serves the whole
     * shipped data, from {@link ShippedStoreSeed}'s copy, which is cheaper there than a first sync
     * of the lighter data through Fuseki.
     */
    public static TestServer withShippedDataWithoutNova(java.nio.file.Path scratch, AccessTokens tokens) {
        if (remoteStore()) return withShippedData(tokens);
        return start(Fixtures.withData(newStore(), Fixtures.projectDir().resolve("ontology"), Fixtures.shippedDataWithoutNova(scratch)),
                tokens, Duration.ofSeconds(10));
    }

    /** Serves the project's real ontology/ and data/. */
    public static TestServer withShippedData(AccessTokens tokens) {
        return start(Fixtures.withShippedData(newShippedStore()), tokens, Duration.ofSeconds(10));
    }

    /**
     * Serves the shipped ontology/ and data/ from an embedded store of its own that a real first
     * sync fills, where {@link #withShippedData} opens a copy of one (as a restart would).
     */
    public static TestServer withShippedDataFreshlySynced(AccessTokens tokens) {
        return start(Fixtures.withShippedData(TdbKnowledgeStore.inMemory()), tokens, Duration.ofSeconds(10));
    }

    /**
     * {@link #withShippedData} for {@link SharedServerExtension}: against a remote store, on a
     * Fuseki server of its own, since the other servers of the run empty the shared one.
     */
    static TestServer sharedWithShippedData(AccessTokens tokens) {
        if (!remoteStore()) return withShippedData(tokens);
        ExternalFuseki own = ExternalFuseki.startInMemory(SharedFuseki.runArea());
        try {
            ShippedStoreSeed.into(own.datasetUrl());
            var store = RemoteKnowledgeStore.connect(remoteSettings(own.datasetUrl()), line -> {});
            TestServer s = start(Fixtures.withShippedData(store), tokens, Duration.ofSeconds(10));
            return new TestServer(s.server, own);
        } catch (RuntimeException | Error e) {
            own.close();
            throw e;
        }
    }

    /** Serves the real ontology/ and data/ from a persistent TDB2 directory (restart tests). */
    public static TestServer withShippedDataOnDisk(java.nio.file.Path db, AccessTokens tokens) {
        return start(Fixtures.withShippedData(TdbKnowledgeStore.open(db)), tokens, Duration.ofSeconds(10));
    }

    /**
     * Serves the real ontology/ and data/ from the remote SPARQL store at {@code datasetUrl} (a
     * Fuseki dataset), as {@code virtkg serve --store-url} does; several may share one store.
     */
    /**
     * How long a test instance waits for the test Fuseki. The first start on an empty store sends
     * all the shipped knowledge (with Nova's support matrices, some 25,000 triples) as one update,
     * which on two shared cores, next to other test JVMs, can take longer than the 30 s default.
     */
    static final Duration REMOTE_STORE_TIMEOUT = Duration.ofSeconds(180);

    public static TestServer onRemoteStore(String datasetUrl, AccessTokens tokens) {
        return start(Fixtures.withShippedData(RemoteKnowledgeStore.connect(remoteSettings(datasetUrl), l -> {})), tokens,
                Duration.ofSeconds(10));
    }

    /** {@link #onRemoteStore(String, AccessTokens)} syncing the given ontology and data folders instead of the shipped ones. */
    public static TestServer onRemoteStore(String datasetUrl, AccessTokens tokens, java.nio.file.Path ontology, java.nio.file.Path data) {
        return start(Fixtures.withData(RemoteKnowledgeStore.connect(remoteSettings(datasetUrl), l -> {}), ontology, data), tokens,
                Duration.ofSeconds(10));
    }

    /** True when this test JVM runs the HTTP tests against a remote store. */
    public static boolean remoteStore() {
        return "remote".equals(System.getProperty(STORE_PROPERTY));
    }

    private static KnowledgeStore newStore() {
        if (!remoteStore()) return TdbKnowledgeStore.inMemory();
        ExternalFuseki fuseki = SharedFuseki.get();
        SharedFuseki.clear();
        return RemoteKnowledgeStore.connect(remoteSettings(fuseki.datasetUrl()), line -> {});
    }

    /**
     * {@link #newStore()} for the shipped data: the store, embedded or remote, starts as a real
     * instance's sync of the shipped data left it (see {@link ShippedStoreSeed}), so the server's
     * own sync finds nothing to do and the server opens it as a restart would.
     */
    private static KnowledgeStore newShippedStore() {
        // A knowledge base opened over the copy answers as a freshly synced one: the reasoner takes
        // facts in one order whatever the store's (SourceOrderTest).
        if (!remoteStore()) return ShippedStoreSeed.inMemoryStore();
        ExternalFuseki fuseki = SharedFuseki.get();
        ShippedStoreSeed.into(fuseki.datasetUrl());
        return RemoteKnowledgeStore.connect(remoteSettings(fuseki.datasetUrl()), line -> {});
    }

    static RemoteStoreSettings remoteSettings(String datasetUrl) {
        RemoteStoreSettings s = RemoteStoreSettings.of(datasetUrl);
        return new RemoteStoreSettings(s.queryUrl(), s.updateUrl(), null, null, REMOTE_STORE_TIMEOUT);
    }

    private static TestServer start(KnowledgeBase kb, AccessTokens tokens, Duration queryTimeout) {
        var config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withTokens(tokens).withQueryTimeout(queryTimeout)
                .withQueriesDir(Fixtures.projectDir().resolve("queries"));
        return new TestServer(VirtkgServer.start(config, kb));
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String base() {
        return base;
    }

    public VirtkgServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        if (ownStore != null) {
            try {
                ownStore.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
