package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.virtkg.app.ServerConfig;
import org.virtkg.app.VirtkgServer;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.ShippedData;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;

/** The real service over the shipped ontology, data and query library, in memory, on a random port. */
final class ShippedServer {
    private ShippedServer() {}

    static VirtkgServer start(AccessTokens tokens) {
        var store = TdbKnowledgeStore.inMemory();
        new ShippedData(Fixtures.projectDir().resolve("ontology"), Fixtures.projectDir().resolve("data"), l -> {})
                .sync(store.dataset());
        return VirtkgServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withTokens(tokens)
                        .withQueryTimeout(Duration.ofSeconds(10)).withQueriesDir(Fixtures.projectDir().resolve("queries")),
                KnowledgeBase.open(store, l -> {}));
    }

    static String base(VirtkgServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
