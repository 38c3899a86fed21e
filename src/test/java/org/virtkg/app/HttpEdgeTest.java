package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * Malformed and hostile requests get a clear 4xx problem (RFC 9457, UTF-8) from every endpoint —
 * Fuseki's and Javalin's, and those Jetty answers itself — never a 500, an HTML page or a
 * library's message. Sent over a raw socket, byte for byte, as a hostile client would.
 */
class HttpEdgeTest {
    static TestServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        port = URI.create(server.base()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode problem() {
            assertTrue(headers.getOrDefault("content-type", "").startsWith("application/problem+json"),
                    "a problem, not " + headers.get("content-type") + ": " + body);
            assertTrue(headers.get("content-type").toLowerCase(Locale.ROOT).contains("charset=utf-8"), headers.get("content-type"));
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** One request, exactly these bytes, over its own connection. */
    static Answer raw(String method, String target, String body, String... headers) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            for (int i = 0; i < headers.length; i += 2) req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) req.append("Content-Length: ").append(payload.length).append("\r\n");
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, split).split("\r\n");
            Map<String, String> hs = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int c = head[i].indexOf(':');
                hs.putIfAbsent(head[i].substring(0, c).trim().toLowerCase(Locale.ROOT), head[i].substring(c + 1).trim());
            }
            String payloadText = new String(bytes, split + 4, bytes.length - split - 4, StandardCharsets.UTF_8);
            if ("chunked".equalsIgnoreCase(hs.get("transfer-encoding"))) payloadText = unchunk(payloadText);
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), hs, payloadText);
        }
    }

    static String unchunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            int size = Integer.parseInt(s.substring(i, eol).trim(), 16);
            if (size == 0) break;
            out.append(s, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    static void refused(int status, Answer a, String detailContains) {
        assertEquals(status, a.status(), a.body());
        String detail = a.problem().get("detail").asText();
        assertTrue(detail.contains(detailContains), "detail '" + detail + "' should mention '" + detailContains + "'");
        assertFalse(detail.matches("(?s).*(Exception|java\\.|org\\.apache|Encountered).*"), "no library internals: " + detail);
    }

    @Test
    void malformedEscapesAndNonUtf8AreRefusedClearly() throws Exception {
        refused(400, raw("GET", "/api/technologies/%u002e", null), "percent-escape");
        refused(400, raw("GET", "/sparql?query=%zz", null), "percent-escape");
        refused(400, raw("GET", "/sparql?query=%C0%80", null), "UTF-8");
        refused(400, raw("GET", "/data?graph=%FF", null), "UTF-8");
        refused(400, raw("POST", "/update?x=%C0", "", "Authorization", "Bearer " + ADMIN), "UTF-8");
    }

    @Test
    void unknownCharsetsAreUnsupportedMediaTypes() throws Exception {
        refused(415, raw("POST", "/api/selection", "{}", "Content-Type", "application/json; charset=bogus"), "bogus");
        refused(415, raw("POST", "/api/products", "{}", "Content-Type", "application/json; charset=bogus",
                "Authorization", "Bearer " + EDITOR), "bogus");
        refused(415, raw("POST", "/sparql", "bogus", "Content-Type", "application/sparql-query; charset=bogus"), "bogus");
        refused(415, raw("POST", "/update", "update=x", "Content-Type", "application/x-www-form-urlencoded; charset=utf-16",
                "Authorization", "Bearer " + ADMIN), "UTF-8");
    }

    @Test
    void sparqlErrorsAreProblemsInWordsNotFusekisText() throws Exception {
        refused(400, raw("GET", "/sparql?query=" + Fixtures.enc("ASK { FILTER(REGEX(\"x\", \"(\")) }"), null), "regular expression");
        refused(400, raw("POST", "/sparql?default-graph-uri=x", "", "Content-Type", "application/sparql-query"), "no query");
        refused(400, raw("GET", "/data?graph=%C3%A9", null), "absolute");
        // Fuseki's own refusals come out as problems too.
        Answer syntax = raw("GET", "/sparql?query=" + Fixtures.enc("SELECT * WHERE { ?s ?p }"), null);
        assertEquals(400, syntax.status(), syntax.body());
        syntax.problem();
    }

    @Test
    void errorsJettyAnswersItselfAreProblems() throws Exception {
        Answer nul = raw("GET", "/api/%00", null);
        assertEquals(400, nul.status(), nul.body());
        nul.problem();
        Answer longUri = raw("GET", "/api/" + "a".repeat(20_000), null);
        assertEquals(414, longUri.status());
        assertTrue(longUri.problem().get("detail").asText().contains("too long"));
        Answer bigHeader = raw("GET", "/api/health", null, "X-Big", "b".repeat(20_000));
        assertEquals(431, bigHeader.status());
        bigHeader.problem();
    }

    @Test
    void detailsKeepNonAsciiCharacters() throws Exception {
        Answer a = raw("GET", "/api/technologies/%C3%9C%E2%9C%93", null);
        assertEquals(404, a.status());
        assertTrue(a.problem().get("detail").asText().contains("Ü✓"), a.body());
    }

    @Test
    void ambiguousCredentialsAreRefused() throws Exception {
        String product = "{\"kind\": \"Hypervisor\", \"id\": \"TwoTokens\", \"label\": \"x\"}";
        refused(400, raw("POST", "/api/products", product, "Content-Type", "application/json",
                "Authorization", "Bearer " + ADMIN, "Authorization", "Bearer wrong"), "one Authorization");
        refused(400, raw("POST", "/update", "INSERT DATA { GRAPH <urn:ex:g> { <urn:ex:s> <urn:ex:p> 1 } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN, "Authorization", "Bearer x"),
                "one Authorization");
        assertEquals(404, Fixtures.get(server.base() + "/api/products/TwoTokens").statusCode(), "nothing was written");
    }

    @Test
    void readOnlyGraphsAreRefusedWhateverTheBody() throws Exception {
        String shipped = "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/ontology");
        for (String method : new String[] {"POST", "PUT"}) {
            Answer a = raw(method, shipped, "", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
            assertEquals(403, a.status(), method + " " + a.body());
            assertEquals("forbidden", a.problem().get("kind").asText());
        }
    }

    @Test
    void onlyWebAddressesBecomeLinksAndPagesForbidInlineScript() throws Exception {
        var r = Fixtures.post(server.base() + "/update", "INSERT DATA { GRAPH <https://w3id.org/virtkg/graph/user/links> { "
                        + "<https://w3id.org/virtkg/id/KVM> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(1)> , "
                        + "<https://www.linux-kvm.org/> } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, r.statusCode(), r.body());
        var page = Fixtures.get(server.base() + "/id/KVM", "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("href=\"javascript:"), "a javascript: IRI is never a link");
        assertTrue(page.body().contains("javascript:alert(1)"), "it is still shown, as text");
        assertTrue(page.body().contains("href=\"https://www.linux-kvm.org/\""), "web addresses stay links");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline';") || csp.contains("script-src 'self';"), csp);
        assertFalse(csp.matches(".*script-src[^;]*unsafe-inline.*"), "no inline scripts: " + csp);
        assertTrue(Fixtures.get(server.base() + "/").headers().firstValue("Content-Security-Policy").isPresent(), "the UI too");
        assertTrue(Fixtures.get(server.base() + "/docs").headers().firstValue("Content-Security-Policy").isPresent(), "and the API docs");
    }
}
