package org.virtkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.Main;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.ChangeLog;
import org.virtkg.store.Graphs;
import org.virtkg.store.KbVersion;
import org.virtkg.store.TdbKnowledgeStore;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/** The command line end to end: load, query, backup and restore into an empty store. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class CliTest {
    @TempDir
    Path tmp;

    @Test
    void loadQueryBackupRestoreRoundTrip() throws Exception {
        // A store holding the shipped knowledge, as a first sync leaves it (the load into a new
        // store, which brings it in first, is loadIntoANewStoreChecksTheFileAgainstTheShippedKnowledge).
        Path db = tmp.resolve("db");
        ShippedStoreSeed.copyInto(TdbKnowledgeStore.open(db)).close();
        Path ttl = tmp.resolve("fc.ttl");
        Files.writeString(ttl, "<https://w3id.org/virtkg/id/Firecracker> <https://w3id.org/virtkg/ontology#basedOn> <https://w3id.org/virtkg/id/KVM> .\n");
        Path trig = tmp.resolve("two.trig");
        Files.writeString(trig, "<https://w3id.org/virtkg/graph/user/g2> { <x:a> <x:b> \"c\"@en . }\n");

        assertEquals(0, run("load", "--db", db.toString(), ttl.toString(), trig.toString(),
                "--graph", "https://w3id.org/virtkg/graph/user/firecracker"));

        Path q = tmp.resolve("q.rq");
        Files.writeString(q, "SELECT ?b { <https://w3id.org/virtkg/id/Firecracker> <https://w3id.org/virtkg/ontology#basedOn> ?b }");
        String csv = capture(() -> run("query", "--db", db.toString(), "--format", "csv", q.toString()));
        assertTrue(csv.contains("https://w3id.org/virtkg/id/KVM"), csv);

        Path backup = tmp.resolve("snap.nq.gz");
        assertEquals(0, run("backup", "--db", db.toString(), "--out", backup.toString()));
        Path restored = tmp.resolve("restored");
        assertEquals(0, run("load", "--db", restored.toString(), backup.toString()));

        DatasetGraph a = snapshot(db);
        DatasetGraph b = snapshot(restored);
        assertTrue(a.containsGraph(NodeFactory.createURI("https://w3id.org/virtkg/graph/user/firecracker")));
        assertTrue(a.containsGraph(NodeFactory.createURI("https://w3id.org/virtkg/graph/user/g2")));
        // The load is a change like any other: its conclusions are committed with it and it is logged.
        assertTrue(a.containsGraph(NodeFactory.createURI(Graphs.INFERRED)), "inferences committed with the load");
        assertEquals(List.of("sync", "load"), kinds(a), "the shipped knowledge's first sync, then one change of kind load");
        // The restore is a change of its own on top of the backed-up log (a backup brings its own
        // ontology, so nothing is synced first); everything else is identical.
        assertEquals(List.of("sync", "load", "load"), kinds(b));
        assertEquals(KbVersion.read(a) + 1, KbVersion.read(b), "versions never repeat after a restore");
        for (Node g : List.of(Graphs.node(Graphs.CHANGES), Graphs.node(Graphs.SYSTEM))) {
            a.removeGraph(g);
            b.removeGraph(g);
        }
        // Graph by graph (blank nodes are named anew by the restore): the dataset-wide matcher is
        // exponential on the ontology's many blank nodes, a graph's matcher is not.
        assertEquals(graphNames(a), graphNames(b));
        for (Node g : graphNames(a))
            assertTrue(a.getGraph(g).isIsomorphicWith(b.getGraph(g)), "the restored store holds exactly the backed-up graph " + g);

        // A load is revertable like any change: its graphs go, the revert is logged.
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.open(db), line -> {})) {
            var dsg = kb.store().dataset();
            long loadId = Txn.calculateRead(dsg, () -> ChangeLog.after(dsg, 0, 10)).stream()
                    .filter(e -> e.kind().equals("load")).findFirst().orElseThrow().id();
            kb.revert(loadId, "admin");
            assertFalse(kb.store().graphSizes().containsKey("https://w3id.org/virtkg/graph/user/firecracker"));
            assertEquals(List.of("sync", "load", "revert"), Txn.calculateRead(dsg, () -> kinds(dsg)));
        }
        // The restore brought back the shipped graphs as the backup held them: a revert of it would
        // take the knowledge base out, and is refused as a revert of the sync is (ChangeLogTest).
        try (var kb = KnowledgeBase.open(TdbKnowledgeStore.open(restored), line -> {})) {
            var dsg = kb.store().dataset();
            long restore = Txn.calculateRead(dsg, () -> ChangeLog.after(dsg, 0, 10)).getLast().id();
            long version = kb.version();
            var refused = assertThrows(WriteRejectedException.class, () -> kb.revert(restore, "admin"));
            assertEquals("forbidden", refused.kind(), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("Change " + restore + " cannot be reverted: it wrote the graph <")
                    && refused.getMessage().contains("is read-only: it is shipped knowledge"), refused.getMessage());
            assertEquals(version, kb.version(), "nothing changed");
        }
    }

    private static java.util.Set<Node> graphNames(DatasetGraph dsg) {
        java.util.Set<Node> out = new java.util.TreeSet<>(java.util.Comparator.comparing(Node::getURI));
        dsg.listGraphNodes().forEachRemaining(out::add);
        return out;
    }

    /** The kinds of the logged changes, oldest first. */
    private static List<String> kinds(DatasetGraph dsg) {
        return ChangeLog.after(dsg, 0, 100).stream().map(ChangeLog.Entry::kind).toList();
    }

    /**
     * A new store has no knowledge base to check a file against: {@code load} brings the shipped
     * one in first, so a file contradicting itself, or the paper without a source, is refused with
     * the reason in words, rather than loaded unchecked and stopping {@code serve} later.
     */
    @Test
    void loadIntoANewStoreChecksTheFileAgainstTheShippedKnowledge() throws Exception {
        Path db = tmp.resolve("fresh");
        Path contradicting = tmp.resolve("incons.ttl");
        Files.writeString(contradicting, """
                @prefix id: <https://w3id.org/virtkg/id/> . @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                id:MyCloud a vkg:CloudPlatform ; vkg:supports id:KVM ; vkg:doesNotSupport id:KVM .
                """);
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = run("load", "--db", db.toString(), contradicting.toString()));
        assertEquals(3, code[0], err);
        assertTrue(err.contains("nothing loaded") && err.contains("MyCloud"), err);
        try (var store = TdbKnowledgeStore.open(db)) {
            assertFalse(store.graphSizes().containsKey("https://w3id.org/virtkg/graph/user/loaded"), "the file was not loaded");
        }
    }

    /**
     * A store holding statements the shipped files cannot stand with (written before load checked
     * them, or by another tool) stops serve with the statements and where each is, in lines, not a
     * dump of Java maps.
     */
    @Test
    void serveOverAStoreTheShippedFilesContradictSaysWhatAndWhere() throws Exception {
        Path db = tmp.resolve("old");
        try (var store = TdbKnowledgeStore.open(db)) {
            Node g = NodeFactory.createURI("https://w3id.org/virtkg/graph/user/old");
            Node myCloud = NodeFactory.createURI("https://w3id.org/virtkg/id/MyCloud"), kvm = NodeFactory.createURI("https://w3id.org/virtkg/id/KVM");
            Txn.executeWrite(store.dataset(), () -> {
                store.dataset().add(g, myCloud, NodeFactory.createURI("https://w3id.org/virtkg/ontology#supports"), kvm);
                store.dataset().add(g, myCloud, NodeFactory.createURI("https://w3id.org/virtkg/ontology#doesNotSupport"), kvm);
            });
        }
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = run("serve", "--db", db.toString(), "--port", "0"));
        assertEquals(1, code[0], err);
        assertTrue(err.contains("were refused") && err.contains("https://w3id.org/virtkg/id/MyCloud") && err.contains("graph/user/old"), err);
        assertFalse(err.contains("{rule=") || err.contains("explanations="), "no Java maps: " + err);
    }

    /**
     * A query-library file takes its parameters on the command line as GET /api/queries/{name}
     * takes them in the URL: given with -p, or the header's default; an undeclared one is refused.
     */
    @Test
    void queryTakesALibraryFilesParametersOrTheirDefaults() throws Exception {
        Path db = tmp.resolve("db");
        ShippedStoreSeed.copyInto(TdbKnowledgeStore.open(db)).close();
        String file = Fixtures.projectDir().resolve("queries/platforms-for-technology.rq").toString();
        String lxc = capture(() -> run("query", "--db", db.toString(), "--format", "csv", file));
        assertTrue(lxc.contains("/id/OpenStack") && !lxc.contains("/id/CloudStack"), "the default, LXC: " + lxc);
        String kvm = capture(() -> run("query", "--db", db.toString(), "--format", "csv", "-p", "technology=KVM", file));
        assertTrue(kvm.contains("/id/CloudStack") && kvm.contains("/id/OpenStack"), "KVM: " + kvm);
        // The columns are the query's, as the server answers them: no column for the bound parameter (fifth walk-through).
        assertEquals("platform,label,commercialService,via,viaLabel,basis,disputed,sources", kvm.lines().findFirst().orElseThrow(), kvm);
        int[] code = new int[1];
        String err = captureErr(() -> code[0] = run("query", "--db", db.toString(), "-p", "technologie=KVM", file));
        assertEquals(2, code[0], err);
        assertTrue(err.contains("'technologie' is not a parameter of query 'platforms-for-technology'") && err.contains("technology"), err);
    }

    /**
     * Reading commands never make a store up: {@code query} and {@code backup} on a directory that
     * holds no store say so (and create nothing), rather than answer from an empty one (an empty
     * table, a 0-byte backup, "wrote b.nq").
     */
    @Test
    void queryAndBackupRefuseADirectoryWithoutAStore() throws Exception {
        Path none = tmp.resolve("no-store-here");
        Path q = tmp.resolve("q.rq");
        Files.writeString(q, "SELECT * { ?s ?p ?o } LIMIT 1");
        int[] code = new int[2];
        String qerr = captureErr(() -> code[0] = run("query", "--db", none.toString(), q.toString()));
        assertEquals(1, code[0], qerr);
        assertTrue(qerr.contains("no virtkg store at " + none.toAbsolutePath()) && qerr.contains("--db"), qerr);
        Path out = tmp.resolve("b.nq");
        String berr = captureErr(() -> code[1] = run("backup", "--db", none.toString(), "--out", out.toString()));
        assertEquals(1, code[1], berr);
        assertTrue(berr.contains("no virtkg store at " + none.toAbsolutePath()), berr);
        assertFalse(Files.exists(out), "no backup file");
        assertFalse(Files.exists(none), "no store was created");
    }

    @Test
    void badInputGivesAClearErrorAndChangesNothing() throws Exception {
        Path db = tmp.resolve("db");
        Path good = tmp.resolve("good.ttl");
        Files.writeString(good, "<x:a> <x:b> <x:c> .\n");
        Path broken = tmp.resolve("broken.ttl");
        Files.writeString(broken, "<x:d> <x:e> ");
        String err = captureErr(() -> run("load", "--db", db.toString(), good.toString(), broken.toString()));
        assertTrue(err.contains("nothing loaded"), err);
        try (var store = TdbKnowledgeStore.open(db)) {
            assertTrue(store.graphSizes().isEmpty(), "one transaction: the good file was not kept either, nor anything else");
        }
        assertEquals(2, run("load", "--db", db.toString(), tmp.resolve("missing.ttl").toString()));
        Path q = tmp.resolve("bad.rq");
        Files.writeString(q, "SELECT * WHERE { ?s ?p }");
        String qerr = captureErr(() -> run("query", "--mem", q.toString()));
        assertTrue(qerr.contains("line 1"), qerr);
    }

    @Test
    void aFailedLoadNamesTheFileLineAndColumn() throws Exception {
        Path broken = tmp.resolve("broken.trig");
        Files.writeString(broken, "<https://w3id.org/virtkg/graph/user/a> {\n  <x:a> <x:b> <x:c> .\n  <x:d> <x:e> \"unterminated .\n}\n");
        String err = captureErr(() -> run("load", "--db", tmp.resolve("db").toString(), broken.toString()));
        assertTrue(err.matches("(?s).*" + java.util.regex.Pattern.quote(broken.toString()) + ", line [34], column \\d+: .*"), err);
        assertTrue(err.contains("nothing loaded"), err);
    }

    @Test
    void loadingTheSameBackupTwiceChangesNothingTheSecondTime() throws Exception {
        // The shipped knowledge is full of blank nodes (OWL restrictions, SHACL shapes, lists), all
        // in the ontology and the paper's data: Nova's matrices (three quarters of the bytes, not one
        // blank node) are left out, so each load and backup of the store is a fraction of the work.
        Path db = tmp.resolve("db");
        try (var kb = org.virtkg.testing.Fixtures.withData(TdbKnowledgeStore.open(db),
                org.virtkg.testing.Fixtures.projectDir().resolve("ontology"), org.virtkg.testing.Fixtures.shippedDataWithoutNova(tmp))) {
            assertFalse(kb.isEmpty());
        }
        Path backup = tmp.resolve("shipped.nq");
        assertEquals(0, run("backup", "--db", db.toString(), "--out", backup.toString()));
        Path restored = tmp.resolve("restored");
        assertEquals(0, run("load", "--db", restored.toString(), backup.toString()));
        String once = backupOf(restored);
        String err = captureErr(() -> run("load", "--db", restored.toString(), backup.toString()));
        assertTrue(err.contains("nothing changed"), err);
        String twice = backupOf(restored);
        // The same backup text is the same store, blank-node labels included; only when the texts
        // differ is the (slow, on the shipped data's many blank nodes) isomorphism check needed.
        assertTrue(once.equals(twice) || IsoMatcher.isomorphic(parse(once), parse(twice)),
                "the second load of the same backup changed the store");
    }

    @Test
    void reasonReadsEveryGraphOfQuadFilesOrOne() throws Exception {
        Path trig = tmp.resolve("two.trig");
        Files.writeString(trig, """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                <urn:g:schema> { <urn:x:Hypervisor> rdfs:subClassOf <urn:x:Product> . }
                <urn:g:data> { <urn:x:KVM> a <urn:x:Hypervisor> . }
                """);
        Path out = tmp.resolve("closure.nt");
        String err = captureErr(() -> run("reason", trig.toString(), "--out", out.toString()));
        assertTrue(err.contains("read 2 triples"), err);
        assertTrue(Files.readString(out).contains("<urn:x:KVM> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:Product>"),
                "graphs merged: the schema of one graph applies to the data of another");
        assertEquals(0, run("reason", trig.toString(), "--graph", "urn:g:data", "--out", out.toString()));
        assertFalse(Files.readString(out).contains("<urn:x:Product>"), "only the one graph");
        String none = captureErr(() -> run("reason", trig.toString(), "--graph", "urn:g:missing"));
        assertTrue(none.contains("no triples read in the graph <urn:g:missing>"), none);
        assertEquals(2, run("reason", trig.toString(), "--graph", "urn:g:missing"));
        // A triple file (an ontology) is read whole beside one graph of a quad file.
        Path schema = tmp.resolve("schema.ttl");
        Files.writeString(schema, "<urn:x:Hypervisor> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <urn:x:Product> .\n");
        assertEquals(0, run("reason", schema.toString(), trig.toString(), "--graph", "urn:g:data", "--out", out.toString()));
        assertTrue(Files.readString(out).contains("<urn:x:KVM> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:x:Product>"),
                "the ontology's axioms apply to the one graph");
        // A file that does not parse is named with its line and column in words, without the parser's log line.
        Path broken = tmp.resolve("broken.ttl");
        Files.writeString(broken, "<urn:ex:a> <urn:ex:p> .\n");
        int[] code = new int[1];
        String said = captureErr(() -> code[0] = run("reason", broken.toString()));
        assertEquals(2, code[0], said);
        assertTrue(said.contains("unreadable input") && said.contains("line 1, column ") && !said.contains("[line:")
                && !said.contains("[ERROR]") && !said.contains("riot"), said);
    }

    /**
     * A format that does not suit the query's kind is refused, saying which do, before any store is
     * opened: a SELECT gives rows (no Turtle), a CONSTRUCT a graph (no CSV). Not a text table and exit 0.
     */
    @Test
    void aFormatThatDoesNotSuitTheQueryIsRefusedNamingTheFormatsThatDo() throws Exception {
        Path select = tmp.resolve("select.rq");
        Files.writeString(select, "SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        Path construct = tmp.resolve("construct.rq");
        Files.writeString(construct, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1");
        Path ask = tmp.resolve("ask.rq");
        Files.writeString(ask, "ASK { ?s ?p ?o }");
        Path none = tmp.resolve("no-store");
        for (String format : List.of("turtle", "ntriples", "jsonld")) {
            int[] code = new int[1];
            String said = captureErr(() -> code[0] = run("query", "--db", none.toString(), "-f", format, select.toString()));
            assertEquals(2, code[0], said);
            assertTrue(said.contains("a SELECT gives rows") && said.contains("text, json, xml, csv, tsv") && said.contains("'" + format + "'"), said);
        }
        for (String format : List.of("csv", "tsv", "json")) {
            int[] code = new int[1];
            String said = captureErr(() -> code[0] = run("query", "--db", none.toString(), "-f", format, construct.toString()));
            assertEquals(2, code[0], said);
            assertTrue(said.contains("a CONSTRUCT gives a graph") && said.contains("text, xml, turtle, ntriples, jsonld"), said);
        }
        int[] code = new int[1];
        String said = captureErr(() -> code[0] = run("query", "--db", none.toString(), "-f", "turtle", ask.toString()));
        assertEquals(2, code[0], said);
        assertTrue(said.contains("an ASK gives true or false"), said);
        assertFalse(Files.exists(none), "refused before any store was opened");
    }

    /** The extensions an RDF file's refusal names are each one a syntax is read by (also with .gz). */
    @Test
    void theExtensionsARefusalNamesAreRead() throws Exception {
        java.util.regex.Matcher ext = java.util.regex.Pattern.compile("\\.([a-z]+)").matcher(RdfFiles.EXTENSIONS);
        int n = 0;
        while (ext.find()) {
            if (ext.group(1).equals("gz")) continue;
            n++;
            assertTrue(RdfFiles.syntax(Path.of("x." + ext.group(1))) != null, ext.group());
            assertTrue(RdfFiles.syntax(Path.of("x." + ext.group(1) + ".gz")) != null, ext.group() + ".gz");
        }
        assertEquals(7, n, RdfFiles.EXTENSIONS);
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "<x:a> <x:b> <x:c> .\n");
        int[] code = new int[1];
        String said = captureErr(() -> code[0] = run("load", "--db", tmp.resolve("db").toString(), notes.toString()));
        assertEquals(2, code[0], said);
        assertTrue(said.contains("virtkg load: cannot tell the RDF syntax of " + notes + " from its name"), said);
    }

    @Test
    void queryOnAThrowawayStoreIsAboutTheShippedKnowledge() throws Exception {
        Path q = tmp.resolve("q.rq");
        Files.writeString(q, "SELECT ?p { ?p <https://w3id.org/virtkg/ontology#supports> <https://w3id.org/virtkg/id/KVM> } ORDER BY ?p");
        String csv = capture(() -> run("query", "--mem", "--format", "csv", q.toString()));
        assertTrue(csv.contains("https://w3id.org/virtkg/id/OpenStack"), csv);
        assertTrue(csv.contains("https://w3id.org/virtkg/id/CloudStack"), csv);
    }

    /**
     * {@code load --graph} takes the graph names the server takes ({@code ?graph=} of /data: an
     * absolute http(s) or urn IRI), and neither it nor a quad file may write what a user may not:
     * the shipped graphs (the next serve would find the files "up to date" while the store says
     * more), an import's, or virtkg's own. Each is refused in words, exit non-zero, nothing written.
     */
    @Test
    void loadWritesOnlyTheGraphsAUserMayWrite() throws Exception {
        Path db = tmp.resolve("db");
        ShippedStoreSeed.copyInto(TdbKnowledgeStore.open(db)).close();
        DatasetGraph before = snapshot(db);
        Path mine = tmp.resolve("mine.ttl");
        Files.writeString(mine, "<https://w3id.org/virtkg/id/MyThing> <http://www.w3.org/2000/01/rdf-schema#label> \"mine\" .\n");

        int[] code = new int[1];
        String err = captureErr(() -> code[0] = run("load", "--db", db.toString(), "--graph", "notanIRI", mine.toString()));
        assertEquals(2, code[0], err);
        assertTrue(err.contains("--graph notanIRI must be an absolute http(s) or urn IRI"), err);

        for (String readOnly : List.of(Graphs.ONTOLOGY, Graphs.DATA + "a", Graphs.SOURCE + "paper/table1", Graphs.IMPORTED + "train", Graphs.SYSTEM)) {
            err = captureErr(() -> code[0] = run("load", "--db", db.toString(), "--graph", readOnly, mine.toString()));
            assertEquals(2, code[0], err);
            assertTrue(err.contains("--graph <" + readOnly + "> is read-only: it "), err);
        }
        // A quad file naming a shipped graph, without --graph: the same refusal, from the write itself.
        Path trig = tmp.resolve("into-the-ontology.trig");
        Files.writeString(trig, "<" + Graphs.USER + "fine> { <https://w3id.org/virtkg/id/MyThing> <http://www.w3.org/2000/01/rdf-schema#label> \"mine\" . }\n"
                + "<" + Graphs.ONTOLOGY + "> { <https://w3id.org/virtkg/id/MyThing> <http://www.w3.org/2000/01/rdf-schema#label> \"mine\" . }\n");
        err = captureErr(() -> code[0] = run("load", "--db", db.toString(), trig.toString()));
        assertEquals(3, code[0], err);
        assertTrue(err.contains("nothing loaded") && err.contains("The graph <" + Graphs.ONTOLOGY + "> is read-only: it is shipped"), err);

        DatasetGraph after = snapshot(db);
        assertEquals(graphNames(before), graphNames(after), "no graph was added");
        assertEquals(before.getGraph(Graphs.node(Graphs.ONTOLOGY)).size(), after.getGraph(Graphs.node(Graphs.ONTOLOGY)).size());
        assertEquals(kinds(before), kinds(after), "no change was logged");
    }

    /**
     * {@code backup --mem} backs up what {@code query --mem} answers from, the shipped knowledge in
     * a throwaway store (never an empty store: a 0-byte file once said "wrote"): the same quads.
     */
    @Test
    void backupOfAThrowawayStoreIsTheShippedKnowledgeQueryMemAnswersFrom() throws Exception {
        Path out = tmp.resolve("mem.nq");
        assertEquals(0, run("backup", "--mem", "--out", out.toString()));
        DatasetGraph backedUp = parse(Files.readString(out));
        assertTrue(backedUp.getGraph(Graphs.node(Graphs.ONTOLOGY)).size() > 100, "the shipped ontology");
        assertTrue(backedUp.getGraph(Graphs.node(Graphs.INFERRED)).size() > 100, "and its inferences");
        Path q = tmp.resolve("count.rq");
        Files.writeString(q, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        String csv = capture(() -> run("query", "--mem", "--format", "csv", q.toString()));
        assertEquals(String.valueOf(Iter.count(backedUp.find())), csv.lines().skip(1).findFirst().orElseThrow().strip(), csv);
    }

    private static DatasetGraph snapshot(Path db) {
        return parse(backupOf(db));
    }

    /** The store's backup (N-Quads), as `virtkg backup` writes it. */
    private static String backupOf(Path db) {
        try (var store = TdbKnowledgeStore.open(db)) {
            var out = new ByteArrayOutputStream();
            store.backup(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static DatasetGraph parse(String nquads) {
        DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        RDFDataMgr.read(copy, new java.io.ByteArrayInputStream(nquads.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                org.apache.jena.riot.Lang.NQUADS);
        return copy;
    }

    /** query --url takes a server's own address or its /sparql, and says in words when the server cannot answer. */
    @Test
    void queryOnARunningServerTakesItsAddressAndSaysWhyItCannotAnswer(
            @org.virtkg.testing.SharedServer(org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY) org.virtkg.testing.TestServer server)
            throws Exception {
        Path q = tmp.resolve("platforms.rq");
        Files.writeString(q, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/virtkg/ontology#CloudPlatform> }");
        String viaEndpoint = capture(() -> run("query", "--url", server.base() + "/sparql", "--format", "csv", q.toString()));
        assertTrue(viaEndpoint.startsWith("n"), viaEndpoint);
        assertEquals(viaEndpoint, capture(() -> run("query", "--url", server.base(), "--format", "csv", q.toString())), "the base address means /sparql");
        assertEquals(viaEndpoint, capture(() -> run("query", "--url", server.base() + "/", "--format", "csv", q.toString())));
        // An ASK in CSV or TSV is the Protocol's boolean result in that format, not a bare word.
        Path ask = tmp.resolve("ask.rq");
        Files.writeString(ask, "ASK { ?p a <https://w3id.org/virtkg/ontology#CloudPlatform> }");
        assertEquals("_askResult\ntrue", capture(() -> run("query", "--url", server.base(), "-f", "csv", ask.toString())).strip().replace("\r", ""));
        assertEquals("?_askResult\ntrue", capture(() -> run("query", "--url", server.base(), "-f", "tsv", ask.toString())).strip().replace("\r", ""));
        // Nothing listening there: said in words, exit 1, no stack trace.
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String[] exit = new String[1];
        String unreachable = captureErr(() -> {
            exit[0] = String.valueOf(run("query", "--url", "http://127.0.0.1:" + port, q.toString()));
            return 0;
        });
        assertEquals("1", exit[0], unreachable);
        assertTrue(unreachable.contains("cannot reach http://127.0.0.1:" + port + "/sparql (connection refused)"), unreachable);
        // A page that is not a SPARQL endpoint.
        String notSparql = captureErr(() -> run("query", "--url", server.base() + "/api/health", q.toString()));
        assertTrue(notSparql.contains("virtkg query: "), notSparql);
        for (String said : List.of(unreachable, notSparql))
            assertFalse(said.contains("Exception") || said.contains("\tat "), "no stack trace: " + said);
    }

    private static int run(String... args) {
        return Main.commandLine().execute(args);
    }

    private interface Action {
        int run() throws Exception;
    }

    private static String capture(Action a) throws Exception {
        PrintStream old = System.out;
        var buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, a.run());
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String captureErr(Action a) throws Exception {
        PrintStream old = System.err;
        var buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            a.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
