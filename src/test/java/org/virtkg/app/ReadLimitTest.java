package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * The bound on reads executing at once ({@code serve --max-active-reads}, {@link VirtkgServer#readLimit}):
 * reads above it wait their turn and then run; writes and the change stream are not counted, so
 * they run while the reads are held.
 */
class ReadLimitTest {
    @Test
    void readsAboveTheLimitWaitWhileWritesAndTheChangeStreamRun() throws Exception {
        int limit = 2, reads = 5;
        AtomicInteger activeReads = new AtomicInteger(), mostReads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch readsIn = new CountDownLatch(limit);
        CountDownLatch othersIn = new CountDownLatch(3);
        Handler next = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                boolean read = request.getMethod().equals("GET") && request.getHttpURI().getPath().equals("/api/technologies");
                if (read) {
                    mostReads.accumulateAndGet(activeReads.incrementAndGet(), Math::max);
                    readsIn.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    activeReads.decrementAndGet();
                } else {
                    othersIn.countDown();
                }
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        };
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        QoSHandler qos = (QoSHandler) VirtkgServer.readLimit(next, limit);
        server.setHandler(qos);
        server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            List<CompletableFuture<HttpResponse<Void>>> held = new ArrayList<>();
            for (int i = 0; i < reads; i++)
                held.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/technologies")).build(),
                        HttpResponse.BodyHandlers.discarding()));
            assertTrue(readsIn.await(30, TimeUnit.SECONDS), "the first reads run");
            // The rest wait (suspended by the QoSHandler, holding no thread) until a running read ends.
            while (qos.getSuspendedRequestCount() < reads - limit) Thread.onSpinWait();
            assertEquals(limit, activeReads.get());
            // Not counted: a write, a SPARQL update, the change stream; they run although the reads are held.
            var others = List.of(
                    http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/products")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.discarding()),
                    http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/update")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                            HttpResponse.BodyHandlers.discarding()),
                    http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/changes/stream")).build(),
                            HttpResponse.BodyHandlers.discarding()));
            assertTrue(othersIn.await(30, TimeUnit.SECONDS), "writes and the stream are not held behind the reads");
            for (var f : others) assertEquals(200, f.get(30, TimeUnit.SECONDS).statusCode());
            release.countDown();
            for (var f : held) assertEquals(200, f.get(30, TimeUnit.SECONDS).statusCode());
            assertEquals(limit, mostReads.get(), "never more reads at once than the limit");
        } finally {
            server.stop();
        }
    }
}
