package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.RawHttp;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Malformed and hostile requests get a clear 4xx problem (RFC 9457, UTF-8) from every endpoint —
 * Fuseki's and Javalin's, and those Jetty answers itself — never a 500, an HTML page or a
 * library's message. Sent over a raw socket, byte for byte, as a hostile client would.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class HttpEdgeTest {
    static TestServer server;
    static int port;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        port = URI.create(server.base()).getPort();
    }

    /** A problem: RFC 9457 JSON in UTF-8. */
    static JsonNode problem(RawHttp.Answer a) {
        assertTrue(a.contentType().startsWith("application/problem+json"), "a problem, not " + a.contentType() + ": " + a.body());
        assertTrue(a.contentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"), a.contentType());
        try {
            return Json.MAPPER.readTree(a.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + a.body(), e);
        }
    }

    static RawHttp.Answer raw(String method, String target, String body, String... headers) throws Exception {
        return RawHttp.send(port, method, target, body, headers);
    }

    static void refused(int status, RawHttp.Answer a, String detailContains) {
        assertEquals(status, a.status(), a.body());
        String detail = problem(a).get("detail").asText();
        assertTrue(detail.contains(detailContains), "detail '" + detail + "' should mention '" + detailContains + "'");
        assertFalse(detail.matches("(?s).*(Exception|java\\.|org\\.apache|Encountered).*"), "no library internals: " + detail);
    }

    /** A REST path asked with a method it does not take is a 405 naming those it does (was a 404 saying "try /api/health"). */
    @Test
    void aRestPathAskedWithAnotherMethodIsA405ThatListsItsMethods() throws Exception {
        RawHttp.Answer health = raw("PUT", "/api/health", "{}", "Content-Type", "application/json");
        refused(405, health, "PUT is not a method of /api/health; it answers GET, HEAD");
        assertEquals("GET, HEAD", health.headers().get("allow"));
        RawHttp.Answer selection = raw("GET", "/api/selection", null);
        refused(405, selection, "it answers POST");
        assertEquals("POST", selection.headers().get("allow"));
        RawHttp.Answer product = raw("PATCH", "/api/products/KVM", "{}", "Content-Type", "application/json");
        refused(405, product, "PATCH is not a method of /api/products/KVM");
        for (String m : List.of("GET", "PUT", "DELETE"))
            assertTrue(product.headers().get("allow").contains(m), product.headers().get("allow"));
        // A path no route has is still a 404.
        refused(404, raw("PUT", "/api/no-such-thing", "{}", "Content-Type", "application/json"), "No resource at /api/no-such-thing");
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
    void aPathNoRouteMatchesIsAProblemEvenForABrowser() throws Exception {
        // Javalin's own 404 for a browser is text/html; under /api/ it is a problem whatever the client prefers.
        refused(404, raw("DELETE", "/api/claims/https://w3id.org/virtkg/graph/x", null, "Accept", "text/html", "Authorization", "Bearer " + EDITOR),
                "No resource at");
        refused(404, raw("GET", "/api/no/such/thing", null, "Accept", "text/html"), "No resource at");
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
        refused(400, raw("GET", "/sparql?limit=1", null), "query");
        refused(400, raw("GET", "/asserted/sparql?technology=urn:x&bogus=1", null), "query");
        // Fuseki's own refusals come out as problems too.
        RawHttp.Answer syntax = raw("GET", "/sparql?query=" + Fixtures.enc("SELECT * WHERE { ?s ?p }"), null);
        assertEquals(400, syntax.status(), syntax.body());
        problem(syntax);
        // Syntax errors say where and what in words, on one line, not JavaCC's token dump.
        String[][] said = {
                {"SELECT * WHERE { ?s ?p ", "line 1, column 23: the query ends too early"},
                {"SELECT * WHERE { ?s ?p ?o } }", "line 1, column 29: unexpected \"}\""},
                {"SELEC * WHERE {}", "line 1, column 6: unknown word \"SELEC\""},
                {"SELECT * WHERE { ?s ?p \"abc }", "a string is not closed"},
                {"SELECT * WHERE { ?s ?p ?o \u0001 }", "unexpected control character U+0001"},
                {"SELECT * WHERE { ex:a ?p ?o }", "declare it first: PREFIX ex: <its namespace IRI>"},
                // virtkg's own prefixes are known: the whole line to add.
                {"SELECT ?x WHERE { ?x vkg:supports ?y }", "declare it first: PREFIX vkg: <https://w3id.org/virtkg/ontology#>"},
        };
        for (String[] c : said) {
            RawHttp.Answer a = raw("GET", "/sparql?query=" + Fixtures.enc(c[0]), null);
            refused(400, a, c[1]);
            String detail = problem(a).get("detail").asText();
            assertFalse(detail.contains("Was expecting") || detail.contains("?    "), "one line, no token list: " + detail);
        }
    }

    @Test
    void errorsJettyAnswersItselfAreProblems() throws Exception {
        RawHttp.Answer nul = raw("GET", "/api/%00", null);
        assertEquals(400, nul.status(), nul.body());
        problem(nul);
        RawHttp.Answer longUri = raw("GET", "/api/" + "a".repeat(20_000), null);
        assertEquals(414, longUri.status());
        assertTrue(problem(longUri).get("detail").asText().contains("too long"));
        RawHttp.Answer bigHeader = raw("GET", "/api/health", null, "X-Big", "b".repeat(20_000));
        assertEquals(431, bigHeader.status());
        problem(bigHeader);
        RawHttp.Answer control = raw("GET", "/api/hea\u0001lth", null);
        assertEquals(400, control.status(), "a control character in the request line");
        problem(control);
        RawHttp.Answer badLength = raw("GET", "/api/health", null, "Content-Length", "abc");
        assertEquals(400, badLength.status());
        problem(badLength);
    }

    @Test
    void detailsKeepNonAsciiCharacters() throws Exception {
        RawHttp.Answer a = raw("GET", "/api/technologies/%C3%9C%E2%9C%93", null);
        assertEquals(404, a.status());
        assertTrue(problem(a).get("detail").asText().contains("Ü✓"), a.body());
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
            RawHttp.Answer a = raw(method, shipped, "", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
            assertEquals(403, a.status(), method + " " + a.body());
            assertEquals("forbidden", problem(a).get("kind").asText());
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

    @Test
    void deeplyNestedTurtleAndRdfXmlAreRefusedNotAStackOverflow() throws Exception {
        String deepCollections = "<urn:ex:s> <urn:ex:p> " + "(".repeat(3_000) + "1" + ")".repeat(3_000) + " .";
        String deepBlankNodes = "<urn:ex:s> <urn:ex:p> " + "[ <urn:ex:q> ".repeat(20_000) + "1" + " ]".repeat(20_000) + " .";
        String graph = "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/user/deep");
        for (String body : new String[] {deepCollections, deepBlankNodes}) {
            refused(400, raw("PUT", graph, body, "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN), "levels deep");
            refused(400, raw("PUT", "/api/terms/deep", body, "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN),
                    "levels deep");
        }
        // RDF/XML nests by elements: a node inside a property inside a node, 10,000 times.
        String rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        String deepXml = "<rdf:RDF xmlns:rdf='" + rdf + "' xmlns:ex='urn:ex:'>" + "<rdf:Description><ex:p>".repeat(10_000)
                + "<rdf:Description/>" + "</ex:p></rdf:Description>".repeat(10_000) + "</rdf:RDF>";
        refused(400, raw("PUT", graph, deepXml, "Content-Type", "application/rdf+xml", "Authorization", "Bearer " + ADMIN), "levels deep");
        String shallowXml = "<rdf:RDF xmlns:rdf='" + rdf + "' xmlns:ex='urn:ex:'>" + "<rdf:Description><ex:p>".repeat(10)
                + "<rdf:Description/>" + "</ex:p></rdf:Description>".repeat(10) + "</rdf:RDF>";
        RawHttp.Answer xmlOk = raw("PUT", graph, shallowXml, "Content-Type", "application/rdf+xml", "Authorization", "Bearer " + ADMIN);
        assertEquals(201, xmlOk.status(), xmlOk.body());
        // Brackets inside strings, IRIs and comments are not nesting.
        String harmless = "# (((((\n<urn:ex:s> <urn:ex:p> \"" + "[".repeat(500) + "\" , \"\"\"" + "(".repeat(500)
                + "\"\"\" , <urn:ex:o" + "(".repeat(100) + "> .";
        RawHttp.Answer ok = raw("PUT", graph, harmless, "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, ok.status(), ok.body()); // replaces the RDF/XML graph above
    }

    @Test
    void aMalformedChunkedBodyIsAClientError() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            String req = "POST /api/selection HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertEquals(400, status, answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
        }
    }

    @Test
    void valuesThatGrowWithoutBoundAreRefusedBeforeTheQueryRuns() throws Exception {
        // Squaring a 40-digit number 14 times: 650,000 digits, and arithmetic no timeout interrupts.
        StringBuilder squares = new StringBuilder("SELECT ?x14 { BIND(" + "9".repeat(40) + " AS ?x0) ");
        for (int i = 1; i <= 14; i++) squares.append("BIND(?x").append(i - 1).append(" * ?x").append(i - 1).append(" AS ?x").append(i).append(") ");
        squares.append("}");
        long t0 = System.nanoTime();
        refused(400, raw("GET", "/sparql?query=" + Fixtures.enc(squares.toString()), null), "can grow");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused before it runs");
        // Doubling a string taken from the data 14 times.
        StringBuilder doubling = new StringBuilder("SELECT ?s14 { ?x <http://www.w3.org/2000/01/rdf-schema#comment> ?s0 ");
        for (int i = 1; i <= 14; i++) doubling.append("BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i).append(") ");
        doubling.append("}");
        refused(400, raw("GET", "/sparql?query=" + Fixtures.enc(doubling.toString()), null), "larger than its inputs");
        // Ordinary computed values are fine: a label built from several columns, a little arithmetic.
        String ordinary = "SELECT ?line { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l . "
                + "BIND(CONCAT(STR(?p), \" \", ?l, \" (\", LCASE(?l), \", \", UCASE(?l), \")\") AS ?line) BIND(STRLEN(?line) * 2 + 1 AS ?n) } LIMIT 3";
        RawHttp.Answer ok = raw("GET", "/sparql?query=" + Fixtures.enc(ordinary), null, "Accept", "application/sparql-results+json");
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void valuesTheQueryTextCannotBoundAreStoppedWhileTheQueryRuns() throws Exception {
        // Long strings in the data (200,000 characters; 150,000 check marks, nine characters each once
        // percent-encoded): the query text cannot know how long they are.
        String graph = "https://w3id.org/virtkg/graph/user/long-string";
        RawHttp.Answer put = raw("PUT", "/data?graph=" + Fixtures.enc(graph),
                "<urn:ex:s> <urn:ex:p> \"" + "ab".repeat(100_000) + "\" . <urn:ex:s> <urn:ex:q> \"" + "\u2713".repeat(150_000) + "\" .", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertEquals(201, put.status(), put.body());
        String data = "GRAPH <" + graph + "> { ?item <urn:ex:p> ?s } ";
        String pow = "<http://www.w3.org/2005/xpath-functions/math#pow>";
        // Each grows less than ValueGrowth's factor, so only the run-time bound can stop it.
        String[][] cases = {
                {"SELECT (CONCAT(?s, ?s, ?s, ?s, ?s, ?s) AS ?x) { " + data + "}", "CONCAT"},
                {"SELECT (REPLACE(?s, \"a\", \"abcdefgh\") AS ?x) { " + data + "}", "REPLACE"},
                {"SELECT (GROUP_CONCAT(?s) AS ?x) { " + data + "VALUES ?i { 1 2 3 4 5 6 } }", "GROUP_CONCAT"},
                {"SELECT (GROUP_CONCAT(DISTINCT CONCAT(?s, STR(?i))) AS ?x) { " + data + "VALUES ?i { 1 2 3 4 5 6 } }", "GROUP_CONCAT"},
                {"SELECT (ENCODE_FOR_URI(?u) AS ?x) { GRAPH <" + graph + "> { ?item <urn:ex:q> ?u } }", "ENCODE_FOR_URI"},
                {"SELECT ?x { BIND(" + pow + "(10, 2000000000) AS ?x) }", "math:pow"},
                {"SELECT ?y { BIND(" + pow + "(7, 60000) AS ?x) BIND(?x * ?x AS ?y) }", "multiplication"},
                {"ASK { " + data + "FILTER(STRLEN(CONCAT(?s, ?s, ?s, ?s, ?s, ?s)) > 0) }", "CONCAT"},
        };
        for (String[] c : cases) {
            RawHttp.Answer a = raw("POST", "/sparql", c[0], "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
            refused(400, a, c[1]);
            assertTrue(problem(a).get("detail").asText().matches(".*the limit is (1,000,000 characters|100,000 digits).*"), "names the limit: " + a.body());
        }
        // Under the limit the same operations answer as before.
        String fine = "SELECT (STRLEN(CONCAT(?s, ?s)) AS ?n) (STRLEN(REPLACE(?s, \"a\", \"xy\")) AS ?r) (" + pow + "(2, 100) AS ?p) "
                + "(STRLEN(GROUP_CONCAT(?s; separator=\",\")) AS ?g) { " + data + "VALUES ?i { 1 2 } } GROUP BY ?s";
        RawHttp.Answer ok = raw("POST", "/sparql", fine, "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(200, ok.status(), ok.body());
        JsonNode row = Json.MAPPER.readTree(ok.body()).at("/results/bindings/0");
        assertEquals("400000", row.at("/n/value").asText());
        assertEquals("300000", row.at("/r/value").asText());
        assertEquals("1267650600228229401496703205376", row.at("/p/value").asText());
        assertEquals("400001", row.at("/g/value").asText());
        RawHttp.Answer gone = raw("DELETE", "/data?graph=" + Fixtures.enc(graph), null, "Authorization", "Bearer " + ADMIN);
        assertEquals(204, gone.status(), gone.body());
    }

    @Test
    void aBrowserFindsItsWayFromTheEndpointAndFromAMistypedName() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        RawHttp.Answer sparql = raw("GET", "/sparql", null, "Accept", browser);
        assertEquals(200, sparql.status(), sparql.body());
        assertTrue(sparql.contentType().startsWith("text/html"), sparql.contentType());
        assertTrue(sparql.body().contains("/webjars/zazuko__yasgui/"), "the editor: " + sparql.body());
        RawHttp.Answer asserted = raw("GET", "/asserted/sparql", null, "Accept", browser);
        assertEquals(303, asserted.status(), asserted.body());
        assertEquals("/sparql", asserted.headers().get("location"));
        // A SPARQL client without a query still gets the protocol's 400.
        refused(400, raw("GET", "/sparql", null, "Accept", "*/*"), "query");
        RawHttp.Answer missing = raw("GET", "/id/KVMM", null, "Accept", browser);
        assertEquals(404, missing.status());
        assertTrue(missing.contentType().startsWith("text/html"), missing.contentType());
        assertTrue(missing.body().contains("<a href=\"/id/KVM\">KVM</a>"), missing.body());
        RawHttp.Answer hostile = raw("GET", "/id/%3Cscript%3E", null, "Accept", browser);
        assertFalse(hostile.body().contains("<script>"), hostile.body());
        // Programs still get a problem.
        refused(404, raw("GET", "/id/KVMM", null, "Accept", "application/json"), "No resource");
        refused(404, raw("GET", "/id/KVMM", null, "Accept", "*/*"), "No resource");
        // Other errors of pages, and addresses nobody serves, are pages for a browser too.
        RawHttp.Answer badView = raw("GET", "/id/KVM?view=bogus", null, "Accept", browser);
        assertEquals(400, badView.status(), badView.body());
        assertTrue(badView.contentType().startsWith("text/html") && badView.body().contains("Parameter 'view' must be one of"),
                badView.body());
        RawHttp.Answer nowhere = raw("GET", "/no/such/page", null, "Accept", browser);
        assertEquals(404, nowhere.status(), nowhere.body());
        assertTrue(nowhere.contentType().startsWith("text/html") && nowhere.body().contains("<h1>Nothing at this address</h1>"), nowhere.body());
        refused(404, raw("GET", "/no/such/page", null), "No resource at");
        // The API answers problems whatever the client prefers.
        refused(404, raw("GET", "/api/technologies/KVMM", null, "Accept", browser), "No virtualization technology with id");
    }

    @Test
    void jsonBodiesAreReadOneWayAndTheirErrorsAreInWords() throws Exception {
        // A form is not JSON: 415 saying what to send, for selections and products alike.
        refused(415, raw("POST", "/api/selection", "guestOS=Windows", "Content-Type", "application/x-www-form-urlencoded"),
                "Send the requirements as application/json");
        refused(415, raw("POST", "/api/products", "id=X", "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", "Bearer " + EDITOR), "Send the product as application/json");
        RawHttp.Answer broken = raw("POST", "/api/selection", "{\"guestOS\": Windows}", "Content-Type", "application/json");
        refused(400, broken, "not valid JSON (line 1, column");
        assertFalse(problem(broken).get("detail").asText().contains("REDACTED"), broken.body());
        refused(400, raw("POST", "/api/selection", "[1, 2]", "Content-Type", "application/json"), "must be a JSON object");
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIsRefusedNotIgnored() throws Exception {
        RawHttp.Answer typo = raw("GET", "/api/platforms?support=LXC", null);
        refused(400, typo, "Unknown query parameter 'support'. Did you mean 'supports'?");
        assertEquals("support", problem(typo).get("parameter").asText());
        refused(400, raw("GET", "/api/health?verbose=1", null), "takes no query parameters");
        // The parameters the description lists still work, on GET and HEAD alike.
        assertEquals(200, raw("GET", "/api/platforms?supports=LXC&limit=5", null).status());
        assertEquals(200, raw("HEAD", "/api/platforms?supports=LXC", null).status());
    }

    @Test
    void aRelativeIriMeansTheSameInAnUpdateAsInAQueryAndNeverTheServersDirectory() throws Exception {
        String graph = "https://w3id.org/virtkg/graph/user/rel";
        RawHttp.Answer update = raw("POST", "/update", "INSERT DATA { GRAPH <" + graph + "> { <rel> <urn:ex:p> 1 } }",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, update.status(), update.body());
        RawHttp.Answer same = raw("GET", "/sparql?query=" + Fixtures.enc("ASK { GRAPH <" + graph + "> { <rel> <urn:ex:p> 1 } }"),
                null, "Accept", "application/sparql-results+json");
        assertJson(same.body()).at("/boolean").is(true); // the query's <rel> is the update's <rel>
        RawHttp.Answer stored = raw("GET", "/sparql?query=" + Fixtures.enc("SELECT ?s { GRAPH <" + graph + "> { ?s <urn:ex:p> 1 } }"),
                null, "Accept", "application/sparql-results+json");
        assertJson(stored.body()).at("/results/bindings").hasSize(1).at("/0/s/value").is("http://server/unset-base/rel");
        RawHttp.Answer file = raw("GET", "/sparql?query=" + Fixtures.enc("ASK { GRAPH ?g { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"file:\")) } }"),
                null, "Accept", "application/sparql-results+json");
        assertJson(file.body()).at("/boolean").is(false); // nothing stored under file:
    }

    @Test
    void aQueryByGetHasNoBodySoAStrayContentTypeIsIgnored() throws Exception {
        // rdflib 6.1's SPARQLUpdateStore sends this after its first update.
        RawHttp.Answer get = raw("GET", "/sparql?query=" + Fixtures.enc("ASK {}"), null,
                "Content-Type", "application/sparql-update; charset=UTF-8", "Accept", "application/sparql-results+json");
        assertEquals(200, get.status(), get.body());
        assertJson(get.body()).at("/boolean").is(true);
        // A request with a body is still judged by the type it declares.
        RawHttp.Answer post = raw("POST", "/sparql", "ASK {}", "Content-Type", "text/plain");
        assertEquals(415, post.status(), post.body());
        problem(post);
    }

    @Test
    void methodsAndMediaTypesAnEndpointDoesNotServeAreSaidSo() throws Exception {
        String graph = "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/ontology");
        RawHttp.Answer patch = raw("PATCH", graph, "x", "Authorization", "Bearer " + ADMIN, "Content-Type", "text/turtle");
        assertEquals(405, patch.status(), patch.body());
        assertTrue(patch.headers().getOrDefault("allow", "").contains("PUT"), patch.headers().toString());
        problem(patch);
        assertEquals(405, raw("DELETE", "/sparql", null).status());
        refused(406, raw("GET", graph, null, "Accept", "image/png"), "text/turtle");
        assertEquals(200, raw("GET", graph, null, "Accept", "text/turtle").status());
        assertEquals(200, raw("GET", graph, null, "Accept", "*/*").status());
        // A query answers in its kind's formats: a SELECT asked for Turtle only is a 406 naming
        // them, not results in XML; a CONSTRUCT asked for results JSON only, the same.
        String select = "/sparql?query=" + Fixtures.enc("SELECT * { ?s ?p ?o } LIMIT 1");
        refused(406, raw("GET", select, null, "Accept", "text/turtle"), "application/sparql-results+json");
        assertEquals(200, raw("GET", select, null, "Accept", "text/turtle, application/sparql-results+json;q=0.5").status());
        assertEquals(200, raw("GET", select, null, "Accept", "*/*").status());
        assertEquals(200, raw("GET", select, null).status());
        String construct = "/sparql?query=" + Fixtures.enc("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1");
        refused(406, raw("GET", construct, null, "Accept", "application/sparql-results+json"), "text/turtle");
        assertEquals(200, raw("GET", construct, null, "Accept", "text/turtle").status());
    }

    @Test
    void aBodyThatDoesNotParseIsSaidInWords() throws Exception {
        RawHttp.Answer a = raw("PUT", "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/user/bad-iri"), "<urn:a> <urn:ex:p> <urn:ex:o> .",
                "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        refused(400, a, "line 1, column 1: the IRI <urn:a> is not valid");
        String detail = problem(a).get("detail").asText();
        assertFalse(detail.contains("Bad IRI") || detail.contains("[line:"), detail);
        // A statement without its object, and an undeclared prefix: what is wrong and what to write, not the parser's tokens.
        String graph = "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/user/bad-turtle");
        RawHttp.Answer noObject = raw("PUT", graph, "<http://example.org/a> <http://example.org/b> .",
                "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        refused(400, noObject, "found '.' where a value (an <IRI>, a prefixed name or a literal) should be: is a statement missing its object?");
        assertFalse(problem(noObject).get("detail").asText().contains("[DOT]"), problem(noObject).toString());
        refused(400, raw("PUT", graph, "ex:a ex:b ex:c .", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN),
                "the prefix 'ex:' is not declared: add @prefix ex: <its namespace IRI> .");
    }

    @Test
    void anUpdateSentToTheQueryEndpointIsPointedToUpdate() throws Exception {
        RawHttp.Answer a = raw("POST", "/sparql", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", "Content-Type", "application/sparql-query");
        refused(400, a, "/update");
        // The Protocol's direct way of sending an update, to the query endpoint.
        refused(400, raw("POST", "/sparql", "INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }", "Content-Type", "application/sparql-update; charset=utf-8"),
                "send it to /update");
        // And the Protocol's form: update=… (Fuseki would say "SPARQL Query: No 'query=' parameter").
        RawHttp.Answer form = raw("POST", "/sparql", "update=" + Fixtures.enc("INSERT DATA { <urn:ex:a> <urn:ex:b> <urn:ex:c> }"),
                "Content-Type", "application/x-www-form-urlencoded");
        refused(400, form, "send it to /update");
        assertFalse(problem(form).get("detail").asText().contains("query="), problem(form).toString());
        // And the other way: a query sent as a form to /update.
        RawHttp.Answer query = raw("POST", "/update", "query=" + Fixtures.enc("SELECT * WHERE { ?s ?p ?o }"),
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + ADMIN);
        refused(400, query, "send it to /sparql");
    }
}
