package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Numbers and strings at their extremes come back exactly as they were written, through every
 * write path (SPARQL Update, Graph Store, terms, products), also when written by concurrent
 * writers: nothing is truncated to 64 bits, rounded, re-typed or re-encoded on the way.
 *
 * <p>Integers the store cannot keep exactly (outside 64 bits; TDB2 narrows them on disk, see
 * {@code StorableLiterals}) are refused in words on every path, and nothing of the write is kept.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class LiteralRoundTripTest {
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static TestServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        base = server.base();
    }

    /** Lexical form and datatype of every extreme tried. */
    static Map<String, String> extremes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("9223372036854775807", "integer");               // Long.MAX_VALUE
        m.put("-9223372036854775808", "integer");              // Long.MIN_VALUE
        m.put("72057594037927936", "integer");                 // 2^56, just past TDB2's inline integers
        m.put("9".repeat(90_000) + ".0", "decimal");           // 10^90000 − 1, as the refusal below advises
        m.put("9".repeat(400) + "." + "0".repeat(399) + "1", "decimal");
        m.put("-0." + "0".repeat(500) + "1", "decimal");
        m.put("1.7976931348623157E308", "double");
        m.put("4.9E-324", "double");
        m.put("-INF", "double");
        m.put("NaN", "double");
        m.put("", "string");
        m.put(HARD_STRING, "string");
        return m;
    }

    /** Integers TDB2 would not give back as written once reopened: refused, never narrowed. */
    static Map<String, String> unstorable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("9".repeat(90_000), "integer");                 // 10^90000 − 1: its low 64 bits are all ones
        m.put("-" + "9".repeat(1_020), "integer");
        m.put("18446744073709551616", "integer");              // 2^64: its low 64 bits are all zero
        m.put("-9223372036854775809", "integer");              // Long.MIN_VALUE − 1
        m.put("-9223372036854775808", "long");                 // would come back an xsd:integer
        return m;
    }

    /**
     * A long string of everything that is easy to get wrong: characters outside the Basic
     * Multilingual Plane (surrogate pairs), combining marks, right-to-left text, quotes,
     * backslashes, control characters and line breaks, a NUL-free but non-Latin-1 mix.
     */
    static final String HARD_STRING = ("\uD83D\uDE00 e\u0301 \u05E9\u05DC\u05D5\u05DD \" ' \\ \t\r\n \u2028 \u00FF\u0100 \uFFFD \u4E2D ").repeat(5_000);

    static String literal(String lex, String type) {
        return "\"" + escape(lex) + "\"^^<" + XSD + type + ">";
    }

    /** Escapes for a SPARQL or Turtle string literal. */
    static String escape(String lex) {
        return lex.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Every object of {@code <urn:ex:s> <urn:ex:p> ?o} in {@code graph}, as lexical form → datatype. */
    static Map<String, String> readBack(String graph) throws Exception {
        var r = Fixtures.post(base + "/sparql", "SELECT ?o { GRAPH <" + graph + "> { ?s <urn:ex:p> ?o } }",
                "Content-Type", "application/sparql-query", "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode b : Json.MAPPER.readTree(r.body()).at("/results/bindings"))
            // SPARQL JSON results leave the datatype out for xsd:string (RDF 1.1 simple literals).
            out.put(b.at("/o/value").asText(), b.at("/o/datatype").isMissingNode() ? "string" : b.at("/o/datatype").asText().replace(XSD, ""));
        return out;
    }

    static void update(String graph, String lex, String type, int i) {
        var r = Fixtures.post(base + "/update", "INSERT DATA { GRAPH <" + graph + "> { <urn:ex:s" + i + "> <urn:ex:p> "
                + literal(lex, type) + " } }", "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertEquals(204, r.statusCode(), r.body());
    }

    @Test
    void throughSparqlUpdateOneAtATimeAndConcurrently() throws Exception {
        String one = "https://w3id.org/virtkg/graph/user/numbers-update";
        int i = 0;
        for (var e : extremes().entrySet()) update(one, e.getKey(), e.getValue(), i++);
        assertEquals(extremes(), readBack(one));

        String many = "https://w3id.org/virtkg/graph/user/numbers-concurrent";
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        int n = 0;
        for (var e : extremes().entrySet()) {
            int k = n++;
            writers.add(CompletableFuture.runAsync(() -> update(many, e.getKey(), e.getValue(), k)));
        }
        for (var w : writers) w.join();
        assertEquals(extremes(), readBack(many));
    }

    @Test
    void throughTheGraphStoreAndTerms() throws Exception {
        StringBuilder ttl = new StringBuilder();
        int i = 0;
        for (var e : extremes().entrySet()) ttl.append("<urn:ex:s").append(i++).append("> <urn:ex:p> ").append(literal(e.getKey(), e.getValue())).append(" .\n");
        String graph = "https://w3id.org/virtkg/graph/user/numbers-gsp";
        var put = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Fixtures.enc(graph)))
                .PUT(HttpRequest.BodyPublishers.ofString(ttl.toString())), "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertEquals(201, put.statusCode(), put.body());
        assertEquals(extremes(), readBack(graph));

        var terms = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/terms/numbers"))
                .PUT(HttpRequest.BodyPublishers.ofString(ttl.toString())), "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertEquals(201, terms.statusCode(), terms.body());
        assertEquals(extremes(), readBack("https://w3id.org/virtkg/graph/terms/numbers"));

        // Deleting them deletes them (a value read back changed would not match and stay behind).
        var delete = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Fixtures.enc(graph))).DELETE(),
                "Authorization", "Bearer " + ADMIN);
        assertEquals(204, delete.statusCode(), delete.body());
        assertEquals(Map.of(), readBack(graph));
    }

    @Test
    void throughTheProductApiConcurrently() throws Exception {
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        // Labels are at most 200 characters (the product API's own limit); each is at it or near it.
        String[] labels = {HARD_STRING.substring(0, HARD_STRING.offsetByCodePoints(0, 190)), "\uD83D\uDE80".repeat(100), "x".repeat(200), "\u00C5ngstr\u00F6m \"quoted\" \\ back"};
        for (int i = 0; i < labels.length; i++) {
            String body = Json.MAPPER.writeValueAsString(Map.of("kind", "Hypervisor", "id", "Extreme" + i, "label", labels[i]));
            writers.add(CompletableFuture.runAsync(() -> {
                var r = Fixtures.post(base + "/api/products", body, "Content-Type", "application/json", "Authorization", "Bearer " + EDITOR);
                assertEquals(201, r.statusCode(), r.body());
            }));
        }
        for (var w : writers) w.join();
        for (int i = 0; i < labels.length; i++) {
            var r = Fixtures.get(base + "/api/products/Extreme" + i);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(labels[i], Json.MAPPER.readTree(r.body()).get("label").asText(), "label of Extreme" + i);
        }
    }

    @Test
    void integersTheStoreCannotKeepAreRefusedInWordsOnEveryPathAndNothingIsWritten() throws Exception {
        String graph = "https://w3id.org/virtkg/graph/user/numbers-refused";
        int i = 0;
        for (var e : unstorable().entrySet()) {
            String statement = "<urn:ex:ok" + i + "> <urn:ex:p> \"kept?\" . <urn:ex:s" + i + "> <urn:ex:p> " + literal(e.getKey(), e.getValue()) + " .";
            var update = Fixtures.post(base + "/update", "INSERT DATA { GRAPH <" + graph + "> { " + statement + " } }",
                    "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
            assertEquals(422, update.statusCode(), update.body());
            assertTrue(update.body().contains("Nothing was changed") && update.body().contains("store keeps exactly")
                    || update.body().contains("would come back from the store as an xsd:integer"), update.body());
            var put = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + Fixtures.enc(graph)))
                    .PUT(HttpRequest.BodyPublishers.ofString(statement)), "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
            assertEquals(422, put.statusCode(), put.body());
            var terms = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/terms/numbers-refused"))
                    .PUT(HttpRequest.BodyPublishers.ofString(statement)), "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
            assertEquals(422, terms.statusCode(), terms.body());
            i++;
        }
        assertEquals(Map.of(), readBack(graph), "nothing of a refused write was kept");
        assertEquals(Map.of(), readBack("https://w3id.org/virtkg/graph/terms/numbers-refused"));
    }
}
