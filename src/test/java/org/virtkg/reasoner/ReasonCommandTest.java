package org.virtkg.reasoner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.cli.ReasonCommand;
import picocli.CommandLine;

/** Exit codes and output of the {@code reason} command. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ReasonCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ReasonCommand());
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void consistentInputWritesClosureAndExitsZero() throws Exception {
        Path ttl = dir.resolve("in.ttl");
        Files.writeString(ttl, RlTestSupport.PREFIXES + ":A rdfs:subClassOf :B . :x a :A .");
        Path out = dir.resolve("out.nt");
        assertEquals(0, run(new StringWriter(), ttl.toString(), "--out", out.toString()));
        String nt = Files.readString(out);
        assertTrue(nt.contains("<http://ex.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/B> ."), nt);
        assertTrue(nt.contains("<http://ex.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/A> ."));
    }

    @Test
    void gzippedNTriplesAreRead() throws Exception {
        Path gz = dir.resolve("in.nt.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write("<http://ex.org/p> <http://www.w3.org/2002/07/owl#inverseOf> <http://ex.org/q> .\n<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out.nt");
        assertEquals(0, run(new StringWriter(), gz.toString(), "--out", out.toString()));
        assertTrue(Files.readString(out).contains("<http://ex.org/b> <http://ex.org/q> <http://ex.org/a> ."));
    }

    @Test
    void inconsistentInputExitsThreeWithReport() throws Exception {
        Path ttl = dir.resolve("bad.ttl");
        Files.writeString(ttl, RlTestSupport.PREFIXES + ":A owl:disjointWith :B . :x a :A , :B .");
        StringWriter err = new StringWriter();
        assertEquals(3, run(err, ttl.toString(), "--out", dir.resolve("o.nt").toString()));
        assertTrue(err.toString().contains("cax-dw"), err.toString());
    }

    @Test
    void unreadableInputExitsTwo() throws Exception {
        Path bad = dir.resolve("broken.ttl");
        Files.writeString(bad, "this is not turtle <<<");
        assertEquals(2, run(new StringWriter(), bad.toString()));
        StringWriter missing = new StringWriter();
        assertEquals(2, run(missing, dir.resolve("missing.nt").toString()));
        assertTrue(missing.toString().contains("missing.nt: there is no such file"), missing.toString());
        // A statement without its object: said in words, as the server says it.
        Path noObject = dir.resolve("no-object.ttl");
        Files.writeString(noObject, "<http://example.org/a> <http://example.org/b> .");
        StringWriter said = new StringWriter();
        assertEquals(2, run(said, noObject.toString()));
        assertTrue(said.toString().contains("found '.' where a value"), said.toString());
        assertFalse(said.toString().contains("[DOT]"), said.toString());
    }

    /**
     * A file whose name does not tell its RDF syntax (no extension, or one no RDF syntax has, or
     * /dev/null) is named, with why and the extensions that are understood; not Jena's "Failed to
     * determine the content type for file:///…".
     */
    @Test
    void aFileWhoseNameDoesNotTellItsSyntaxIsNamedWithTheExtensionsUnderstood() throws Exception {
        for (String name : new String[] {"facts", "facts.txt"}) {
            Path file = dir.resolve(name);
            Files.writeString(file, "<http://example.org/a> <http://example.org/b> <http://example.org/c> .");
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, file.toString()));
            String said = err.toString();
            assertTrue(said.contains(file.toString()) && said.contains("cannot tell the RDF syntax") && said.contains(".ttl")
                    && said.contains(".nt") && said.contains(".trig") && said.contains(".gz"), said);
            assertFalse(said.contains("content type") || said.contains("file://"), said);
        }
        StringWriter empty = new StringWriter();
        assertEquals(2, run(empty, "/dev/null"));
        assertTrue(empty.toString().contains("/dev/null") && empty.toString().contains("cannot tell the RDF syntax"), empty.toString());
    }

    @Test
    void stdoutWhenNoOutOption() throws Exception {
        Path ttl = dir.resolve("in.ttl");
        Files.writeString(ttl, RlTestSupport.PREFIXES + ":p a owl:SymmetricProperty . :a :p :b .");
        var old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(new StringWriter(), ttl.toString()));
        } finally {
            System.setOut(old);
        }
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("<http://ex.org/b> <http://ex.org/p> <http://ex.org/a> ."));
    }
}
