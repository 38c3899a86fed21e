package org.virtkg.testing;

import java.time.Duration;
import org.virtkg.app.ServerConfig;
import org.virtkg.app.VirtkgServer;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.ShippedData;
import org.virtkg.store.TdbKnowledgeStore;

/** The real service on a random loopback port over an in-memory TDB2 store, for HTTP tests. */
public final class TestServer implements AutoCloseable {
    private final VirtkgServer server;
    private final String base;

    private TestServer(VirtkgServer server) {
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** Serves the small fixture ontology and data (src/test/resources/fixtures). */
    public static TestServer withFixtures(AccessTokens tokens, Duration queryTimeout) {
        var store = TdbKnowledgeStore.inMemory();
        Fixtures.loadFixtures(store);
        return start(store, tokens, queryTimeout);
    }

    /** The fixtures with a tighter per-client query cap, for limit tests. */
    public static TestServer withFixtures(AccessTokens tokens, Duration queryTimeout, int maxQueriesPerClient) {
        var store = TdbKnowledgeStore.inMemory();
        Fixtures.loadFixtures(store);
        var config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withTokens(tokens).withQueryTimeout(queryTimeout)
                .withQueriesDir(Fixtures.projectDir().resolve("queries")).withMaxQueriesPerClient(maxQueriesPerClient);
        return new TestServer(VirtkgServer.start(config, KnowledgeBase.open(store, l -> {})));
    }

    /** Serves the project's real ontology/ and data/. */
    public static TestServer withShippedData(AccessTokens tokens) {
        var store = TdbKnowledgeStore.inMemory();
        new ShippedData(Fixtures.projectDir().resolve("ontology"), Fixtures.projectDir().resolve("data"), l -> {})
                .sync(store.dataset());
        return start(store, tokens, Duration.ofSeconds(10));
    }

    /** Serves the real ontology/ and data/ from a persistent TDB2 directory (restart tests). */
    public static TestServer withShippedDataOnDisk(java.nio.file.Path db, AccessTokens tokens) {
        var store = TdbKnowledgeStore.open(db);
        new ShippedData(Fixtures.projectDir().resolve("ontology"), Fixtures.projectDir().resolve("data"), l -> {})
                .sync(store.dataset());
        return start(store, tokens, Duration.ofSeconds(10));
    }

    private static TestServer start(TdbKnowledgeStore store, AccessTokens tokens, Duration queryTimeout) {
        var config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withTokens(tokens).withQueryTimeout(queryTimeout)
                .withQueriesDir(Fixtures.projectDir().resolve("queries"));
        return new TestServer(VirtkgServer.start(config, KnowledgeBase.open(store, l -> {})));
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
    }
}
