package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.JsonAssert.assertJson;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.GraphStoreWrites;
import org.virtkg.api.RdfBodies;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.RawHttp;
import org.virtkg.testing.TestServer;

/**
 * The Graph Store Protocol at {@code /data}, byte for byte: the default graph read as the union
 * queries see, {@code HEAD} with the headers {@code GET} would send, graph names that must be
 * absolute, {@code multipart/form-data} uploads merged under the same rules as single bodies, and
 * graph creation by {@code POST} to the store.
 */
class GraphStoreProtocolTest {
    static final String USER = "https://w3id.org/virtkg/graph/user/";
    static final String BOUNDARY = "virtkg-test-boundary";
    static TestServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, EDITOR), Duration.ofSeconds(10));
        port = URI.create(server.base()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RawHttp.Answer raw(String method, String target, String body, String... headers) throws Exception {
        return RawHttp.send(port, method, target, body, headers);
    }

    static Graph graph(RawHttp.Answer a, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(a.body().getBytes(StandardCharsets.UTF_8))).lang(lang).parse(g);
        return g;
    }

    static String multipart(String... typeAndBody) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < typeAndBody.length; i += 2) {
            b.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"part").append(i / 2 + 1)
                    .append("\"; filename=\"part").append(i / 2 + 1).append("\"\r\n");
            if (typeAndBody[i] != null) b.append("Content-Type: ").append(typeAndBody[i]).append("\r\n");
            b.append("\r\n").append(typeAndBody[i + 1]).append("\r\n");
        }
        return b.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    static RawHttp.Answer postParts(String graph, String body) throws Exception {
        return raw("POST", "/data?graph=" + Fixtures.enc(graph), body, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                "Authorization", "Bearer " + ADMIN);
    }

    static boolean exists(String graph) throws Exception {
        return raw("HEAD", "/data?graph=" + Fixtures.enc(graph), null).status() == 200;
    }

    /** A graph read in Turtle uses virtkg's prefixes, as /id pages do (fourth walk-through: the ontology was 234 kB of full IRIs). */
    @Test
    void aGraphInTurtleUsesPrefixes() throws Exception {
        RawHttp.Answer onto = raw("GET", "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/ontology"), null, "Accept", "text/turtle");
        assertEquals(200, onto.status(), onto.body());
        assertTrue(onto.body().contains("PREFIX vkg:") || onto.body().contains("@prefix vkg:"), onto.body().substring(0, 300));
        assertTrue(onto.body().contains("vkg:Hypervisor"), "prefixed names in the body");
        Graph asTurtle = graph(onto, Lang.TURTLE);
        Graph asNTriples = graph(raw("GET", "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/graph/ontology"), null,
                "Accept", "application/n-triples"), Lang.NTRIPLES);
        assertTrue(asTurtle.isIsomorphicWith(asNTriples), "the same graph either way");
    }

    @Test
    void theDefaultGraphIsTheUnionQueriesSeeForGetAndHead() throws Exception {
        RawHttp.Answer get = raw("GET", "/data?default", null, "Accept", "application/n-triples");
        assertEquals(200, get.status(), get.body());
        assertEquals("application/n-triples; charset=utf-8", get.contentType());
        Graph union = graph(raw("GET", "/sparql?query=" + Fixtures.enc("CONSTRUCT WHERE { ?s ?p ?o }"), null,
                "Accept", "application/n-triples"), Lang.NTRIPLES);
        Graph served = graph(get, Lang.NTRIPLES);
        assertFalse(served.isEmpty(), "never an empty 200");
        assertTrue(union.isIsomorphicWith(served), "GET ?default (" + served.size() + ") = the union (" + union.size() + ")");

        RawHttp.Answer head = raw("HEAD", "/data?default", null, "Accept", "application/n-triples");
        assertEquals(200, head.status());
        assertEquals(get.contentType(), head.contentType());
        assertEquals("", head.body(), "HEAD sends no body");
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length), head.headers().get("content-length"),
                "HEAD states the length GET sends, not 0");
    }

    @Test
    void theWholeDatasetIsSentAsQuadsWithItsLength() throws Exception {
        RawHttp.Answer get = raw("GET", "/data", null);
        assertEquals(200, get.status(), get.body());
        assertEquals("application/n-quads; charset=utf-8", get.contentType());
        assertTrue(get.body().contains("<https://w3id.org/virtkg/source/paper/table1/KVM/type>"), "quads name their graphs");
        RawHttp.Answer head = raw("HEAD", "/data", null);
        assertEquals(200, head.status());
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length), head.headers().get("content-length"));
        assertEquals("application/trig; charset=utf-8", raw("GET", "/data", null, "Accept", "application/trig").contentType());
        RawHttp.Answer turtle = raw("GET", "/data", null, "Accept", "text/turtle");
        assertEquals(406, turtle.status(), "a dataset is not one graph: " + turtle.body());
        assertTrue(HttpEdgeTest.problem(turtle).get("detail").asText().contains("?default"), turtle.body());
    }

    @Test
    void headOfANamedGraphHasTheHeadersOfItsGet() throws Exception {
        String target = "/data?graph=" + Fixtures.enc("https://w3id.org/virtkg/source/paper/table1/KVM/type");
        RawHttp.Answer get = raw("GET", target, null, "Accept", "text/turtle");
        RawHttp.Answer head = raw("HEAD", target, null, "Accept", "text/turtle");
        assertEquals(200, get.status(), get.body());
        assertEquals(200, head.status());
        assertEquals("text/turtle; charset=utf-8", head.contentType());
        assertNotNull(get.headers().get("etag"));
        assertEquals(get.headers().get("etag"), head.headers().get("etag"));
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length), head.headers().get("content-length"));
        assertEquals("", head.body());
        assertEquals(304, raw("GET", target, null, "If-None-Match", get.headers().get("etag")).status());
        RawHttp.Answer missing = raw("HEAD", "/data?graph=" + Fixtures.enc(USER + "never-written"), null);
        assertEquals(404, missing.status());
        RawHttp.Answer missingGet = raw("GET", "/data?graph=" + Fixtures.enc(USER + "never-written"), null);
        assertEquals(404, missingGet.status());
        HttpEdgeTest.problem(missingGet);
    }

    @Test
    void aRelativeGraphNameIsABadRequestForEveryMethod() throws Exception {
        for (String method : new String[] {"GET", "HEAD", "PUT", "POST", "DELETE"}) {
            RawHttp.Answer a = raw(method, "/data?graph=people/1", method.equals("PUT") || method.equals("POST") ? "<urn:ex:a> <urn:ex:p> 1 ." : null,
                    "Authorization", "Bearer " + ADMIN, "Content-Type", "application/n-triples");
            assertEquals(400, a.status(), method + ": " + a.body());
            if (!method.equals("HEAD")) assertTrue(HttpEdgeTest.problem(a).get("detail").asText().contains("absolute"), a.body());
        }
        RawHttp.Answer both = raw("GET", "/data?default&graph=" + Fixtures.enc(USER + "x"), null);
        assertEquals(400, both.status(), both.body());
    }

    @Test
    void multipartUploadsAreMergedEachPartUnderTheSameRules() throws Exception {
        String g = USER + "multipart";
        RawHttp.Answer ok = postParts(g, multipart(
                "text/turtle; charset=utf-8", "<urn:ex:jane> <http://xmlns.com/foaf/0.1/givenName> \"Jane\" .",
                "application/n-triples", "<urn:ex:jane> <http://xmlns.com/foaf/0.1/familyName> \"Doe\" .",
                "application/ld+json", "{\"@id\": \"urn:ex:jane\", \"http://xmlns.com/foaf/0.1/nick\": \"jd\"}"));
        assertEquals(201, ok.status(), ok.body());
        Graph merged = graph(raw("GET", "/data?graph=" + Fixtures.enc(g), null, "Accept", "application/n-triples"), Lang.NTRIPLES);
        assertEquals(3, merged.size(), "all three parts, merged: " + merged);

        // Any bad part refuses the whole upload, naming the part, and nothing is written.
        String bad = USER + "multipart-refused";
        RawHttp.Answer untyped = postParts(bad, multipart("text/turtle", "<urn:ex:a> <urn:ex:p> 1 .", null, "<urn:ex:b> <urn:ex:p> 2 ."));
        assertEquals(415, untyped.status(), untyped.body());
        assertTrue(HttpEdgeTest.problem(untyped).get("detail").asText().contains("part 2"), untyped.body());
        RawHttp.Answer image = postParts(bad, multipart("image/png", "PNG"));
        assertEquals(415, image.status(), image.body());
        RawHttp.Answer broken = postParts(bad, multipart("text/turtle", "<urn:ex:a> <urn:ex:p> 1 .", "text/turtle", "<urn:ex:b> <urn:ex:p> ."));
        assertEquals(400, broken.status(), broken.body());
        assertTrue(HttpEdgeTest.problem(broken).get("detail").asText().contains("part 2"), broken.body());
        String deep = "<urn:ex:a> <urn:ex:p> " + "[ <urn:ex:p> ".repeat(RdfBodies.MAX_NESTING + 1) + "1" + " ]".repeat(RdfBodies.MAX_NESTING + 1) + " .";
        assertEquals(400, postParts(bad, multipart("text/turtle", deep)).status());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"urn:ex:a\">"
                + "<rdf:value>&e;</rdf:value></rdf:Description></rdf:RDF>";
        RawHttp.Answer entity = postParts(bad, multipart("application/rdf+xml", xxe));
        assertEquals(400, entity.status(), entity.body());
        assertJson(entity.body()).at("/detail").textContains("external entities");
        RawHttp.Answer empty = raw("POST", "/data?graph=" + Fixtures.enc(bad), "--" + BOUNDARY + "--\r\n",
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY, "Authorization", "Bearer " + ADMIN);
        assertEquals(400, empty.status(), empty.body());
        RawHttp.Answer noBoundary = raw("POST", "/data?graph=" + Fixtures.enc(bad), "x",
                "Content-Type", "multipart/form-data", "Authorization", "Bearer " + ADMIN);
        assertEquals(400, noBoundary.status(), noBoundary.body());
        String[] tooMany = new String[2 * (RdfBodies.MAX_PARTS + 1)];
        for (int i = 0; i < tooMany.length; i += 2) {
            tooMany[i] = "application/n-triples";
            tooMany[i + 1] = "<urn:ex:a> <urn:ex:p> " + i + " .";
        }
        RawHttp.Answer many = postParts(bad, multipart(tooMany));
        assertEquals(400, many.status(), many.body());
        assertTrue(HttpEdgeTest.problem(many).get("detail").asText().contains("at most " + RdfBodies.MAX_PARTS + " parts"), many.body());
        assertFalse(exists(bad), "nothing of a refused upload was written");
        // Writes to read-only graphs stay refused, whatever the body's shape.
        RawHttp.Answer shipped = postParts("https://w3id.org/virtkg/graph/ontology", multipart("text/turtle", "<urn:ex:a> <urn:ex:p> 1 ."));
        assertEquals(403, shipped.status(), shipped.body());
    }

    /**
     * A body without triples creates nothing: a store of quads holds no empty graph, so a 201 would
     * name a graph that answers 404. Onto a graph that exists, a PUT of nothing empties it (as
     * DELETE does) and a POST adds nothing; both 204.
     */
    @Test
    void anEmptyBodyCreatesNoGraphAndEmptiesAnExistingOne() throws Exception {
        String g = USER + "empty-body";
        for (String method : List.of("PUT", "POST")) {
            RawHttp.Answer none = raw(method, "/data?graph=" + Fixtures.enc(g), "", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
            assertEquals(400, none.status(), method + ": " + none.body());
            assertJson(none.body()).at("/detail").textContains("no triples");
            assertFalse(exists(g), method + " of nothing created no graph");
        }
        String body = "<urn:ex:e> <urn:ex:p> \"1\" .";
        assertEquals(201, raw("PUT", "/data?graph=" + Fixtures.enc(g), body, "Content-Type", "application/n-triples",
                "Authorization", "Bearer " + ADMIN).status());
        assertEquals(204, raw("POST", "/data?graph=" + Fixtures.enc(g), "", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN).status());
        assertTrue(exists(g), "a POST of nothing adds nothing");
        assertEquals(204, raw("PUT", "/data?graph=" + Fixtures.enc(g), "", "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN).status());
        assertFalse(exists(g), "a PUT of nothing empties the graph");
    }

    @Test
    void aPostToTheStoreCreatesAGraphAndSaysWhere() throws Exception {
        RawHttp.Answer created = raw("POST", "/data", "<urn:ex:new> <urn:ex:p> \"fresh\" .", "Content-Type", "application/n-triples",
                "Authorization", "Bearer " + ADMIN);
        assertEquals(201, created.status(), created.body());
        String location = created.headers().get("location");
        assertNotNull(location);
        assertTrue(location.startsWith(GraphStoreWrites.CREATED), location);
        Graph g = graph(raw("GET", "/data?graph=" + Fixtures.enc(location), null, "Accept", "application/n-triples"), Lang.NTRIPLES);
        assertEquals(1, g.size());
        RawHttp.Answer second = raw("POST", "/data", "<urn:ex:new> <urn:ex:p> \"fresh\" .", "Content-Type", "application/n-triples",
                "Authorization", "Bearer " + ADMIN);
        assertFalse(location.equals(second.headers().get("location")), "each POST creates its own graph");
        // Without the token nothing is created.
        assertEquals(401, raw("POST", "/data", "<urn:ex:a> <urn:ex:p> 1 .", "Content-Type", "application/n-triples").status());
    }

    @Test
    void writesNeedTheAdminTokenOnEveryPathVariantAndARefusalChangesNothing() throws Exception {
        String g = USER + "guarded";
        String body = "<urn:ex:g> <urn:ex:p> \"1\" .";
        var none = raw("PUT", "/data?graph=" + Fixtures.enc(g), body, "Content-Type", "application/n-triples");
        assertEquals(401, none.status(), none.body());
        assertEquals("Bearer realm=\"virtkg\"", none.headers().get("www-authenticate"));
        assertEquals(401, raw("PUT", "/data?graph=" + Fixtures.enc(g), body, "Content-Type", "application/n-triples",
                "Authorization", "Bearer not-a-token").status());
        assertEquals(403, raw("PUT", "/data?graph=" + Fixtures.enc(g), body, "Content-Type", "application/n-triples",
                "Authorization", "Bearer " + EDITOR).status(), "an editor may not write graphs");
        assertEquals(403, raw("DELETE", "/data?graph=" + Fixtures.enc(USER + "x"), null, "Authorization", "Bearer " + EDITOR).status());
        // A variant of the path is judged like the path itself: no token, no answer but 401.
        for (String variant : new String[] {"//data", "/DATA", "/data;x=1"})
            assertEquals(401, raw("PUT", variant + "?graph=" + Fixtures.enc(g), body, "Content-Type", "application/n-triples").status(), variant);
        assertFalse(exists(g), "no refused write created the graph");
        assertEquals(201, raw("PUT", "/data?graph=" + Fixtures.enc(g), body, "Content-Type", "application/n-triples",
                "Authorization", "Bearer " + ADMIN).status());
        assertTrue(exists(g));
    }
}
