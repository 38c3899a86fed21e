package org.virtkg.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.app.ShippedKnowledge;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.Graphs;
import org.virtkg.store.KbVersion;
import org.virtkg.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtkg load}: add RDF files to the store in one transaction. Quad files (TriG, N-Quads —
 * e.g. a backup) keep their graphs; triples go to {@code --graph}. All or nothing; a graph the
 * store already holds exactly is left alone, so loading the same backup twice changes nothing.
 * Into a knowledge base, files write only the graphs a user may write; a backup restored into a
 * store without one brings back every graph it held.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load RDF files into the store in one transaction (all or nothing).",
                "Restores a backup made with 'virtkg backup' into an empty store."})
public final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Graph for triples: an absolute http(s) or urn IRI, not a shipped graph, an import's or virtkg's own "
                    + "(default: " + Graphs.USER + "loaded). Quads keep their own graph.")
    String graph = Graphs.USER + "loaded";

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "RDF files, each in the syntax its extension names: " + RdfFiles.EXTENSIONS + ".")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                System.err.println("virtkg load: cannot read " + f);
                return 2;
            }
            if (RdfFiles.syntax(f) == null) {
                System.err.println("virtkg load: " + RdfFiles.unknownSyntax(f));
                return 2;
            }
        }
        // The graph names the server takes (?graph= of /data), and the graphs a user may write:
        // a graph named otherwise could be neither read nor deleted over HTTP, and a shipped one
        // would differ from its file while the next start finds the file up to date.
        if (!Graphs.isAbsoluteGraphName(graph)) {
            System.err.println("virtkg load: --graph " + graph + " must be an absolute http(s) or urn IRI, e.g. " + Graphs.USER + "mine");
            return 2;
        }
        String readOnly = ChangeKind.refusal(ChangeKind.Scope.USER, graph);
        if (readOnly != null) {
            System.err.println("virtkg load: --graph <" + graph + "> is read-only: " + readOnly);
            return 2;
        }
        Node target = NodeFactory.createURI(graph);
        // Every file is parsed completely before the store is opened for writing: a broken file
        // is named (with line and column) and nothing is changed.
        DatasetGraph incoming = DatasetGraphFactory.create();
        long total = 0;
        for (Path f : files) {
            try {
                total += parse(f, incoming, target);
            } catch (RiotParseException e) {
                System.err.printf(Locale.ROOT, "virtkg load: nothing loaded; %s, line %d, column %d: %s%n", f, e.getLine(), e.getCol(),
                        e.getOriginalMessage());
                return 2;
            } catch (RiotException e) {
                // Jena's parsers put the position in the message: "[line: 4, col: 1 ] Broken token".
                // Line, column and what is wrong, in the words the server and 'reason' use.
                String said = org.virtkg.api.RdfBodies.parserMessageInWords(String.valueOf(e.getMessage()));
                System.err.println("virtkg load: nothing loaded; " + f + (said.startsWith("line ") ? ", " : ": ") + said);
                return 2;
            } catch (IOException e) {
                System.err.println("virtkg load: nothing loaded; cannot read " + f + ": " + e.getMessage());
                return 2;
            }
        }
        long read = total;
        boolean restore = false;
        try (KnowledgeStore opened = store.open(); KnowledgeBase kb = KnowledgeBase.openForOneChange(opened)) {
            // A store without the knowledge base (a new one) has nothing to check the files against:
            // the shipped ontology and data come first, as 'serve' would bring them, so a file that
            // contradicts them is refused now rather than stop the server later. A backup brings its
            // own ontology and is restored as it is.
            boolean held = holdsOntology(opened);
            restore = !held && incoming.containsGraph(ONTOLOGY_GRAPH);
            if (!held && !restore) {
                kb.sync(ShippedKnowledge.locate(null).shippedData(line -> {}));
                System.err.println("virtkg load: the store held no knowledge base; the shipped ontology and data were brought in first"
                        + " (a change of kind sync), so the files are checked against them");
            }
            // One change through the write pipeline, like any other: validated, reasoned over
            // (the inferred graph is committed with it), and logged with kind "load", so it can be
            // seen in /api/changes and reverted. Into a knowledge base, files write what a user
            // may (the pipeline refuses a quad in a shipped graph, an import's or virtkg's own);
            // a backup restored into a store without one brings back every graph it held.
            List<String> same = new ArrayList<>();
            var result = kb.write(ChangeKind.LOAD, restore ? ChangeKind.Scope.ANY : ChangeKind.Scope.USER, "virtkg load", "load " + files.stream()
                    .map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")), dsg -> addAll(incoming, dsg, same));
            if (!same.isEmpty())
                System.err.printf(Locale.ROOT, "virtkg load: %d graph(s) already held exactly this content and were left as they were%n",
                        same.size());
            if (result.changeId() == 0)
                System.err.printf(Locale.ROOT, "virtkg load: read %,d triples; all were already in %s, nothing changed%n",
                        read, opened.location());
            else
                System.err.printf(Locale.ROOT, "virtkg load: committed %,d triples to %s as change %d (+%,d inferred)%n",
                        read, opened.location(), result.changeId(), result.inferredAdded());
            return 0;
        } catch (WriteRejectedException e) {
            System.err.println("virtkg load: nothing loaded; refused (" + e.kind() + "): " + e.getMessage());
            for (String line : e.reportInWords()) System.err.println("  " + line);
            if (e.kind().equals("forbidden") && !restore)
                System.err.println("virtkg load: a backup (virtkg backup) is restored whole into a store without a knowledge base: "
                        + "virtkg load --db NEWDIR FILE");
            return 3;
        }
    }

    private static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(Graphs.ONTOLOGY);

    private static boolean holdsOntology(KnowledgeStore store) {
        return org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> store.dataset().containsGraph(ONTOLOGY_GRAPH));
    }

    /** Parses {@code f} completely into {@code into}; returns how many triples it holds. */
    private static long parse(Path f, DatasetGraph into, Node target) throws IOException {
        Lang lang = RdfFiles.syntax(f);
        Progress progress = new Progress(intoGraph(StreamRDFLib.dataset(into), target), System.err, f.getFileName().toString());
        try (InputStream in = open(f)) {
            RDFParser.source(in).lang(lang).base(Graphs.ID).errorHandler(ErrorHandlerFactory.errorHandlerNoLogging).parse(progress);
        }
        System.err.printf(Locale.ROOT, "virtkg load: %s: %,d triples in %.1f s%n", f, progress.count(), progress.elapsedSeconds());
        return progress.count();
    }

    /**
     * Adds each graph read to the store, except a graph the store already holds exactly (the
     * same triples, blank nodes matched as RDF graph isomorphism does): adding it again would
     * leave a second copy of every blank-node structure, so loading the same backup twice would
     * grow the store each time.
     */
    private static void addAll(DatasetGraph incoming, DatasetGraph dsg, List<String> same) {
        // A backup's knowledge-base version matters only when it is ahead of the store's (the
        // backup's change ids must never be issued again); a version behind it is history.
        long stored = KbVersion.read(dsg);
        long backedUp = KbVersion.read(incoming);
        incoming.deleteAny(Graphs.node(Graphs.SYSTEM), KbVersion.SUBJECT, KbVersion.PREDICATE, Node.ANY);
        if (backedUp > stored) KbVersion.set(incoming, backedUp);
        for (var it = incoming.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            Graph in = incoming.getGraph(g);
            Graph existing = dsg.getGraph(g);
            if (in.isEmpty()) continue;
            if (!existing.isEmpty() && existing.size() == in.size() && existing.isIsomorphicWith(in)) {
                same.add(g.getURI());
                continue;
            }
            in.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        return f.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Sends triples and default-graph quads to {@code target}; named quads keep their graph. */
    private static StreamRDF intoGraph(StreamRDF dest, Node target) {
        return new StreamRDFWrapper(dest) {
            @Override
            public void triple(org.apache.jena.graph.Triple t) {
                super.quad(Quad.create(target, t));
            }

            @Override
            public void quad(Quad q) {
                // A backup carries the reasoner's conclusions (and, from a remote store, its old
                // journal): those are re-derived or obsolete, never loaded as data.
                if (Graphs.INFERRED.equals(q.getGraph().getURI()) || Graphs.JOURNAL.equals(q.getGraph().getURI()))
                    return;
                super.quad(q.isDefaultGraph() ? Quad.create(target, q.asTriple()) : q);
            }
        };
    }
}
