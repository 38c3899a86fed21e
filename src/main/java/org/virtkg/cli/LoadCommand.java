package org.virtkg.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.Graphs;
import org.virtkg.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virtkg load}: add RDF files to the store in one transaction. Quad files (TriG, N-Quads —
 * e.g. a backup) keep their graphs; triples go to {@code --graph}. All or nothing.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load RDF files into the store in one transaction (all or nothing).",
                "Restores a backup made with 'virtkg backup' into an empty store."})
public final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Graph for triples (default: " + Graphs.USER + "loaded). Quads keep their own graph.")
    String graph = Graphs.USER + "loaded";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "RDF files in any syntax Jena reads (by extension; .gz ok).")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                System.err.println("virtkg load: cannot read " + f);
                return 2;
            }
            if (RDFLanguages.filenameToLang(f.getFileName().toString()) == null) {
                System.err.println("virtkg load: unknown RDF syntax for " + f + " (use .ttl, .nt, .nq, .trig, .rdf, .jsonld, optionally .gz)");
                return 2;
            }
        }
        Node target = NodeFactory.createURI(graph);
        if (Graphs.isSystemManaged(graph)) {
            System.err.println("virtkg load: the graph <" + graph + "> is maintained by virtkg itself");
            return 2;
        }
        try (KnowledgeStore opened = store.open(); KnowledgeBase kb = KnowledgeBase.openForOneChange(opened)) {
            // One change through the write pipeline, like any other: validated, reasoned over
            // (the inferred graph is committed with it), and logged with kind "load", so it can be
            // seen in /api/changes and reverted.
            long[] total = {0};
            var result = kb.write(ChangeKind.LOAD, "virtkg load", "load " + files.stream()
                    .map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")), dsg -> {
                try {
                    total[0] = loadAll(dsg, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (result.changeId() == 0)
                System.err.printf(Locale.ROOT, "virtkg load: read %,d triples; all were already in %s, nothing changed%n",
                        total[0], opened.location());
            else
                System.err.printf(Locale.ROOT, "virtkg load: committed %,d triples to %s as change %d (+%,d inferred)%n",
                        total[0], opened.location(), result.changeId(), result.inferredAdded());
            return 0;
        } catch (RiotException e) {
            System.err.println("virtkg load: nothing loaded; parse error: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("virtkg load: nothing loaded; cannot read input: " + e.getCause().getMessage());
            return 2;
        } catch (WriteRejectedException e) {
            System.err.println("virtkg load: nothing loaded; refused (" + e.kind() + "): " + e.getMessage());
            for (var problem : e.report()) System.err.println("  " + problem);
            return 3;
        }
    }

    private long loadAll(DatasetGraph dsg, Node target) throws IOException {
        long n = 0;
        for (Path f : files) {
            Lang lang = RDFLanguages.filenameToLang(f.getFileName().toString());
            Progress progress = new Progress(intoGraph(StreamRDFLib.dataset(dsg), target), System.err, f.getFileName().toString());
            try (InputStream in = open(f)) {
                RDFParser.source(in).lang(lang).base(Graphs.ID).parse(progress);
            }
            System.err.printf(Locale.ROOT, "virtkg load: %s: %,d triples in %.1f s%n", f, progress.count(), progress.elapsedSeconds());
            n += progress.count();
        }
        return n;
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
