package org.virtkg.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.reasoner.Inconsistency;
import org.virtkg.reasoner.RlReasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reason FILE... [--graph IRI] [--out FILE]}: OWL 2 RL closure (asserted + inferred) as
 * N-Triples. Quad files are read with all their graphs merged, or one graph.
 * Exit codes: 0 consistent, 3 inconsistent (report on stderr), 2 unreadable or empty input.
 */
@Command(name = "reason", mixinStandardHelpOptions = true,
        description = "Materialise the OWL 2 RL closure of RDF files and write it as N-Triples.")
public class ReasonCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "RDF files, each in the syntax its extension names: " + RdfFiles.EXTENSIONS + ".")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the closure here instead of stdout.")
    Path out;

    @Option(names = "--inferred-only", description = "Write only the inferred triples.")
    boolean inferredOnly;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Of quad files (TriG, N-Quads), read only this graph; by default all graphs are merged. Triple files (e.g. the ontology) are read whole.")
    String graph;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        List<Triple> triples = new ArrayList<>();
        for (Path f : files) {
            try {
                if (!Files.exists(f)) throw new IllegalArgumentException("there is no such file");
                if (!Files.isReadable(f)) throw new IllegalArgumentException("the file cannot be read (check its permissions)");
                if (RdfFiles.syntax(f) == null) {
                    // Before the parser, which would say "Failed to determine the content type for file:///…".
                    err.println("reason: " + RdfFiles.unknownSyntax(f));
                    err.flush();
                    return 2;
                }
                org.apache.jena.riot.RDFParser.source(f.toString()).errorHandler(org.apache.jena.riot.system.ErrorHandlerFactory.errorHandlerNoLogging)
                        .parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple t) {
                        // A triple file (such as the ontology) is read whole: --graph picks a graph of quad files.
                        triples.add(t);
                    }

                    @Override
                    public void quad(Quad q) {
                        // All graphs merged, as virtkg's own default graph is their union.
                        if (graph == null || (!q.isDefaultGraph() && graph.equals(q.getGraph().getURI()))) triples.add(q.asTriple());
                    }
                });
            } catch (RuntimeException e) {
                err.println("reason: unreadable input " + f + ": " + org.virtkg.api.RdfBodies.parserMessageInWords(String.valueOf(e.getMessage())));
                err.flush();
                return 2;
            }
        }
        if (triples.isEmpty()) {
            err.println("reason: no triples read" + (graph != null ? " in the graph <" + graph + ">" : "") + " from " + files);
            err.flush();
            return 2;
        }
        err.printf("reason: read %,d triples from %d file(s)%s%n", triples.size(), files.size(), graph != null ? " (graph <" + graph + ">)" : "");
        err.flush();
        RlReasoner r = RlReasoner.create();
        r.add(triples);
        OutputStream os = out == null ? System.out : Files.newOutputStream(out);
        BufferedOutputStream bos = new BufferedOutputStream(os, 1 << 16);
        try {
            StreamRDF w = StreamRDFWriter.getWriterStream(bos, Lang.NTRIPLES);
            w.start();
            (inferredOnly ? r.inferred() : r.closure()).forEach(w::triple);
            w.finish();
        } finally {
            bos.flush();
            if (out != null) os.close();
        }
        List<Inconsistency> inc = r.inconsistencies();
        if (!inc.isEmpty()) {
            err.println("reason: the input is inconsistent (" + inc.size() + " clash(es)), read as one graph. (virtkg's server records"
                    + " a clash between different sources as a dispute; this command cannot tell sources apart):");
            for (Inconsistency i : inc) {
                err.println("  " + i);
                i.explanations().forEach(e -> err.print(e.render().indent(6)));
            }
            err.flush();
            return 3;
        }
        return 0;
    }

}
