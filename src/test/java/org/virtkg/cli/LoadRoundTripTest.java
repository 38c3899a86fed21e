package org.virtkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.Main;
import org.virtkg.api.Json;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * Literals at their extremes survive {@code virtkg load} into an on-disk store, and a backup of
 * that store loaded again: the same lexical forms, datatypes and language tags come back from
 * {@code virtkg query}, each command a store opened anew, so TDB2's node cache hides nothing. A
 * restore that narrowed big integers to 64 bits once lost data silently; such integers are now
 * refused with a message, and nothing of the file is loaded.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class LoadRoundTripTest {
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String GRAPH = "https://w3id.org/virtkg/graph/user/extremes";

    @TempDir
    Path tmp;

    /**
     * Each literal tried (ill-typed ones are left out: the reasoner refuses them as inconsistent,
     * on every write path alike), as its N-Quads term → the lexical form and type (datatype or @lang) expected back. */
    static Map<String, String> extremes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : new String[] {
                "72057594037927936",                 // 2^56, just past TDB2's inline integers
                "36028797018963968",                 // 2^55
                "-36028797018963969",
                "9223372036854775807",               // Long.MAX_VALUE
                "-9223372036854775808",              // Long.MIN_VALUE
                "42", "-7", "0"})
            m.put(n, "integer");
        m.put("9".repeat(400) + "." + "0".repeat(399) + "1", "decimal");
        m.put("-0." + "0".repeat(500) + "1", "decimal");
        m.put("12345678901234567890.123456789012345678901", "decimal");
        m.put("1.7976931348623157E308", "double");
        m.put("4.9E-324", "double");
        m.put("-INF", "double");
        m.put("INF", "double");
        m.put("NaN", "double");
        m.put("99999999999999999999", "nonNegativeInteger");
        m.put("18446744073709551616.0", "decimal");  // 2^64 as the refusal below advises
        m.put("36028797018963967", "long");           // 2^55 − 1, the largest xsd:long TDB2 keeps as one
        m.put("18446744073709551615", "unsignedLong"); // 2^64 − 1: not a Java long
        m.put("2024-02-29", "date");
        m.put("P1Y2M3DT4H5M6.7S", "duration");
        return m;
    }

    static String nquads() {
        StringBuilder nq = new StringBuilder();
        int i = 0;
        for (var e : extremes().entrySet())
            nq.append("<urn:ex:s").append(i++).append("> <urn:ex:p> \"").append(e.getKey()).append("\"^^<").append(XSD)
                    .append(e.getValue()).append("> <").append(GRAPH).append("> .\n");
        nq.append("<urn:ex:lang> <urn:ex:p> \"Grüße \\\"x\\\" \uD83D\uDE00\"@de-CH-1996 <").append(GRAPH).append("> .\n");
        nq.append("<urn:ex:lang> <urn:ex:p> \"\"@en <").append(GRAPH).append("> .\n");
        nq.append("<urn:ex:lang> <urn:ex:p> \"plain\" <").append(GRAPH).append("> .\n");
        nq.append("<urn:ex:lang> <urn:ex:p> \"odd\"^^<urn:ex:datatype> <").append(GRAPH).append("> .\n");
        return nq.toString();
    }

    static Map<String, String> expected() {
        Map<String, String> m = new LinkedHashMap<>(extremes());
        m.replaceAll((lex, type) -> XSD + type);
        m.put("Grüße \"x\" \uD83D\uDE00", "@de-ch-1996");
        m.put("", "@en");
        m.put("plain", XSD + "string");
        m.put("odd", "urn:ex:datatype");
        return m;
    }

    /** A store holding the shipped knowledge (so a load checks against it without a sync of its own). */
    private static Path seeded(Path db) {
        ShippedStoreSeed.copyInto(TdbKnowledgeStore.open(db)).close();
        return db;
    }

    @Test
    void extremeLiteralsSurviveLoadBackupAndRestore() throws Exception {
        Path nq = tmp.resolve("extremes.nq");
        Files.writeString(nq, nquads());
        Path db = seeded(tmp.resolve("db"));
        assertEquals(0, run("load", "--db", db.toString(), nq.toString()));
        assertSame(readBack(db), "after virtkg load");

        Path backup = tmp.resolve("backup.nq.gz");
        assertEquals(0, run("backup", "--db", db.toString(), "--out", backup.toString()));
        Path restored = tmp.resolve("restored");
        assertEquals(0, run("load", "--db", restored.toString(), backup.toString()));
        assertSame(readBack(restored), "after a backup of it restored with virtkg load");

        // Loading the backup once more over the restored store finds everything already there.
        assertEquals(0, run("load", "--db", restored.toString(), backup.toString()));
        assertSame(readBack(restored), "after loading the same backup twice");
    }

    @Test
    void extremeLiteralsSurviveALoadIntoAStoreThatAlreadyHasData() throws Exception {
        // Opening a store that holds data rebuilds the reasoner's closure from it: that must not
        // touch the stored values either.
        Path db = seeded(tmp.resolve("db"));
        Path first = tmp.resolve("first.nq");
        Files.writeString(first, nquads());
        assertEquals(0, run("load", "--db", db.toString(), first.toString()));
        Path second = tmp.resolve("second.ttl");
        Files.writeString(second, "<urn:ex:other> <urn:ex:p> \"1\" .\n");
        assertEquals(0, run("load", "--db", db.toString(), second.toString()));
        assertSame(readBack(db), "after a second load into the same store");
    }

    @Test
    void aFileWithAnIntegerTheStoreCannotKeepIsRefusedInWordsAndNothingIsLoaded() throws Exception {
        Path db = seeded(tmp.resolve("db"));
        Path file = tmp.resolve("big.nq");
        Files.writeString(file, "<urn:ex:a> <urn:ex:p> \"fine\" <" + GRAPH + "> .\n"
                + "<urn:ex:b> <urn:ex:p> \"18446744073709551616\"^^<" + XSD + "integer> <" + GRAPH + "> .\n");
        PrintStream old = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = run("load", "--db", db.toString(), file.toString());
        } finally {
            System.setErr(old);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, said);
        org.junit.jupiter.api.Assertions.assertTrue(said.contains("nothing loaded") && said.contains("18446744073709551616")
                && said.contains("xsd:decimal"), said);
        assertEquals(java.util.List.of(), readBack(db), "nothing of the file was loaded");
    }

    /** Fails naming, shortened, each literal lost and each one that came back instead. */
    private static void assertSame(java.util.List<String> actual, String when) {
        var expected = new java.util.ArrayList<String>();
        expected().forEach((lex, type) -> expected.add(term(lex, type)));
        var lost = new java.util.ArrayList<>(expected);
        lost.removeAll(actual);
        var extra = new java.util.ArrayList<>(actual);
        extra.removeAll(expected);
        if (!lost.isEmpty() || !extra.isEmpty())
            throw new AssertionError(when + ": lost " + shorten(lost) + "; came back instead " + shorten(extra));
        assertEquals(expected.size(), actual.size(), when + ": each literal once");
    }

    private static String term(String lex, String type) {
        return lex + "^^" + type;
    }

    private static String shorten(java.util.List<String> terms) {
        return terms.stream().map(t -> (t.length() > 80 ? t.substring(0, 30) + "…(" + t.length() + " chars)…" + t.substring(t.indexOf("^^")) : t)
                .replace(XSD, "xsd:")).toList().toString();
    }

    /** Each object of {@code ?s <urn:ex:p> ?o} in the graph, read by {@code virtkg query}: as lexical form^^datatype (or ^^@lang). */
    private java.util.List<String> readBack(Path db) throws Exception {
        Path q = tmp.resolve("q.rq");
        Files.writeString(q, "SELECT ?o { GRAPH <" + GRAPH + "> { ?s <urn:ex:p> ?o } }");
        PrintStream old = System.out;
        var buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("query", "--db", db.toString(), "--format", "json", q.toString()));
        } finally {
            System.setOut(old);
        }
        var out = new java.util.ArrayList<String>();
        for (JsonNode b : Json.MAPPER.readTree(buf.toString(StandardCharsets.UTF_8)).at("/results/bindings")) {
            JsonNode o = b.get("o");
            String type = o.has("xml:lang") ? "@" + o.get("xml:lang").asText().toLowerCase(java.util.Locale.ROOT)
                    : o.has("datatype") ? o.get("datatype").asText() : XSD + "string";
            out.add(term(o.get("value").asText(), type));
        }
        return out;
    }

    private static int run(String... args) {
        return Main.commandLine().execute(args);
    }
}
