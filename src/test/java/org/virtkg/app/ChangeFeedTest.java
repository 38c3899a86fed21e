package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/** The change feed as a client sees it: server-sent events, every change once, in order, across a reconnect. */
class ChangeFeedTest {
    static TestServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One open event stream; events arrive on a queue as they are parsed. */
    static final class Stream implements AutoCloseable {
        record Event(String id, String name, JsonNode data) {}

        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpResponse<java.util.stream.Stream<String>> response;
        private final Thread reader;

        Stream(String query, String lastEventId) throws Exception {
            this(query, lastEventId, "text/event-stream");
        }

        Stream(String query, String lastEventId, String accept) throws Exception {
            var b = HttpRequest.newBuilder(URI.create(base + "/api/changes/stream" + query)).header("Accept", accept);
            if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
            response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            reader = Thread.ofVirtual().start(() -> {
                String id = null, name = null;
                StringBuilder data = new StringBuilder();
                try (var lines = response.body()) {
                    for (var it = lines.iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) events.add(new Event(id, name, Json.MAPPER.readTree(data.toString())));
                            id = null;
                            name = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) id = line.substring(3).trim();
                        else if (line.startsWith("event:")) name = line.substring(6).trim();
                        else if (line.startsWith("data:")) data.append(line.substring(5).trim());
                    }
                } catch (Exception e) {
                    // closed by the test
                }
            });
        }

        Event next() throws InterruptedException {
            Event e = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(e, "no event within 10 s");
            return e;
        }

        @Override
        public void close() {
            reader.interrupt();
            response.body().close();
        }
    }

    static long addNote(String n) {
        var r = Fixtures.post(base + "/update", "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/notes> { "
                + "<https://w3id.org/virtkg/id/KVM> <http://www.w3.org/2000/01/rdf-schema#comment> \"note " + n + "\" } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, r.statusCode(), r.body());
        return version();
    }

    static long version() {
        try {
            return Json.MAPPER.readTree(Fixtures.get(base + "/api/health").body()).get("knowledgeBaseVersion").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyChangeArrivesOnceInOrderAcrossAReconnect() throws Exception {
        long start = version();
        List<Long> written = new ArrayList<>();
        String lastSeen;
        try (var stream = new Stream("", null)) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            for (int i = 0; i < 3; i++) written.add(addNote("a" + i));
            for (long id : written) {
                var e = stream.next();
                assertEquals("change", e.name());
                assertEquals(Long.toString(id), e.id());
                assertEquals(id, e.data().get("id").asLong());
                assertEquals("sparql-update", e.data().get("kind").asText());
                assertEquals("admin", e.data().get("who").asText());
            }
            lastSeen = Long.toString(written.get(2));
        }
        // While disconnected, two more changes; the reconnect resumes exactly after the last one seen.
        long d1 = addNote("b1");
        long d2 = addNote("b2");
        try (var stream = new Stream("?patch=true", lastSeen)) {
            var e1 = stream.next();
            var e2 = stream.next();
            assertEquals(List.of(Long.toString(d1), Long.toString(d2)), List.of(e1.id(), e2.id()));
            assertTrue(e1.data().get("patch").asText().contains("note b1"), "the RDF Patch on request: " + e1.data());
            long d3 = addNote("c");
            assertEquals(Long.toString(d3), stream.next().id(), "then live changes");
            assertTrue(stream.events.isEmpty(), "nothing twice");
        }
        // since= replays from any point: the first written change onwards.
        try (var stream = new Stream("?since=" + start, null)) {
            assertEquals(Long.toString(written.get(0)), stream.next().id());
        }
    }

    @Test
    void anyClientThatAcceptsTheStreamGetsItOthersAreToldWhatToDo() throws Exception {
        long start = version();
        try (var stream = new Stream("?since=" + start, null, "*/*")) {
            assertEquals("text/event-stream", stream.response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            long id = addNote("curl");
            assertEquals(Long.toString(id), stream.next().id(), "curl's default Accept: */* gets the events");
        }
        var json = Fixtures.get(base + "/api/changes/stream", "Accept", "application/json");
        assertEquals(406, json.statusCode());
        assertJson(json).at("/detail").textContains("/api/changes?since=");
    }

    @Test
    void aBadStartingPointIsAClearError() {
        var r = Fixtures.get(base + "/api/changes/stream?since=last-tuesday");
        assertEquals(400, r.statusCode(), r.body());
        assertJson(r).at("/detail").textContains("'since'").textContains("last-tuesday");
    }
}
