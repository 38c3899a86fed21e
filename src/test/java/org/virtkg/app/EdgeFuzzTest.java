package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.RawHttp;
import org.virtkg.testing.TestServer;

/**
 * A bounded, seeded fuzz of every operation in {@code /openapi.json} (the SPARQL and Graph Store
 * endpoints among them): hostile path and query values, malformed escapes, odd content types and
 * charsets, wrong and doubled credentials, broken bodies. For every answer: no 5xx but a timeout's
 * 503; every error under {@code /api/} a problem; a refused request leaves the knowledge-base
 * version where it was; no HTML page links to a script URL. The seed is printed, and
 * {@code -Dvirtkg.fuzz.seed=N -Dvirtkg.fuzz.requests=M} replays or lengthens a run.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class EdgeFuzzTest {
    static final long SEED = Long.getLong("virtkg.fuzz.seed", 20261126L);
    static final int REQUESTS = Integer.getInteger("virtkg.fuzz.requests", 400);
    static TestServer server;
    static int port;

    static final String[] VALUES = {"KVM", "%u002e", "%zz", "%C0%80", "%FF", "%C3%A9", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E",
            "'%20OR%201=1", "%00", "a".repeat(3000), "javascript:alert(1)", "-1", "99999999999999999999999999999", "NaN", "",
            "%20", "LXC", "OpenStack", "https://w3id.org/virtkg/graph/ontology", "urn:x", "%F0%9F%92%A5", "*", "%25"};
    static final String[] TYPES = {"application/json", "application/json; charset=bogus", "text/turtle", "text/turtle; charset=utf-16",
            "application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-16", "application/ld+json", "multipart/form-data; boundary=x",
            "image/png", "text/plain", null};
    static final String[] BODIES = {null, "", "{}", "[]", "{\"kind\": \"Hypervisor\", \"id\": \"Fz\", \"label\": \"x\", \"hostOS\": 5}",
            "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}", "<urn:ex:s> <urn:ex:p> \"x\" .", "<urn:ex:s> <urn:ex:p> " + "(".repeat(500),
            "SELECT * { ?s ?p ?o } LIMIT 1", "INSERT DATA { GRAPH <urn:ex:g> { <urn:ex:s> <urn:ex:p> 1 } }", "query=ASK%20%7B%7D",
            "update=DROP%20ALL", "\u0000\u0001\u00ff", "{\"guestOS\": \"Windows\", \"extra\": {\"x\": 1}}",
            "<urn:ex:s> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> ."};

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        port = URI.create(server.base()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Operation(String method, String path) {}

    static long version() throws Exception {
        return Json.MAPPER.readTree(Fixtures.get(server.base() + "/api/health").body()).get("knowledgeBaseVersion").asLong();
    }

    @Test
    void noServerErrorsEveryErrorAProblemRefusalsChangeNothing() throws Exception {
        System.out.println("EdgeFuzzTest seed " + SEED + ", " + REQUESTS + " requests");
        JsonNode paths = Json.MAPPER.readTree(Fixtures.get(server.base() + "/openapi.json").body()).get("paths");
        List<Operation> ops = new ArrayList<>();
        paths.fieldNames().forEachRemaining(p -> paths.get(p).fieldNames().forEachRemaining(m -> {
            // The change stream never ends by itself; it has its own tests.
            if (!p.equals("/api/changes/stream")) ops.add(new Operation(m.toUpperCase(java.util.Locale.ROOT), p));
        }));
        assertTrue(ops.size() > 30, "the fuzz covers the whole API: " + ops.size());
        Random rnd = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            Operation op = ops.get(rnd.nextInt(ops.size()));
            String target = op.path().replaceAll("\\{[^}]+}", pick(rnd, VALUES));
            StringBuilder query = new StringBuilder();
            for (String name : new String[] {"graph", "query", "technology", "platform", "limit", "since", "s", "p", "o", "supports",
                    "default-graph-uri", "update", "offset", "bogus"})
                if (rnd.nextInt(5) == 0) query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(pick(rnd, VALUES));
            target += query;
            List<String> headers = new ArrayList<>();
            String type = pick(rnd, TYPES);
            if (type != null) headers.addAll(List.of("Content-Type", type));
            switch (rnd.nextInt(5)) {
                case 0 -> headers.addAll(List.of("Authorization", "Bearer " + ADMIN));
                case 1 -> headers.addAll(List.of("Authorization", "Bearer " + EDITOR));
                case 2 -> headers.addAll(List.of("Authorization", "Bearer wrong"));
                case 3 -> headers.addAll(List.of("Authorization", "Bearer " + ADMIN, "Authorization", "Bearer wrong"));
                default -> { }
            }
            if (rnd.nextBoolean()) headers.addAll(List.of("Accept", pick(rnd, new String[] {"application/json", "text/html", "text/csv",
                    "image/png", "text/turtle", "*/*", "application/sparql-results+json"})));
            String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : pick(rnd, BODIES);
            long before = version();
            RawHttp.Answer a = RawHttp.send(port, op.method(), target, body, headers.toArray(String[]::new));
            String what = op.method() + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target) + " → " + a.status();
            if (a.status() >= 500 && a.status() != 503) failures.add(what + " (server error) " + a.body());
            if (a.status() >= 400 && target.startsWith("/api/") && !a.contentType().startsWith("application/problem+json"))
                failures.add(what + " (not a problem: " + a.contentType() + ")");
            if (a.status() >= 400 && version() != before) failures.add(what + " (refused, yet the knowledge base changed)");
            if (a.contentType().startsWith("text/html") && a.body().contains("href=\"javascript:"))
                failures.add(what + " (a script link rendered)");
        }
        assertEquals(List.of(), failures, "seed " + SEED);
        // The pages that render data show nothing unsafe either, whatever the fuzz stored.
        for (String page : new String[] {"/id/KVM", "/id/OpenStack"})
            assertFalse(Fixtures.get(server.base() + page, "Accept", "text/html").body().contains("href=\"javascript:"), page);
    }

    static String pick(Random rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }
}
