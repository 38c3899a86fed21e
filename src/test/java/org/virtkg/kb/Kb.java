package org.virtkg.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Loads the knowledge base files the way the service does: every data TriG file into
 * its named graphs, the ontology into its own named graph, and a default graph that is
 * the union of all named graphs. Loaded once per test JVM; tests only read it.
 */
final class Kb {

    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String SOURCE = "https://w3id.org/virtkg/source/";
    static final String PAPER_SOURCES = SOURCE + "paper";
    static final String OUTSIDE_SOURCES = SOURCE + "outside";
    static final String ONTOLOGY_GRAPH = "https://w3id.org/virtkg/ontology";
    static final String PROV = "http://www.w3.org/ns/prov#";

    static final String PREFIXES = """
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX vkg:  <https://w3id.org/virtkg/ontology#>
            PREFIX id:   <https://w3id.org/virtkg/id/>
            """;

    private static DatasetGraph asserted;
    private static Dataset union;

    private Kb() {}

    static Path projectDir() {
        return Path.of(System.getProperty("virtkg.projectDir", "."));
    }

    static Path ontologyFile() { return projectDir().resolve("ontology/virtkg.ttl"); }
    static Path shapesFile()   { return projectDir().resolve("ontology/shapes.ttl"); }
    static Path queriesDir()   { return projectDir().resolve("queries"); }
    static Path paperResource(String name) { return projectDir().resolve("src/test/resources/paper").resolve(name); }

    static List<Path> dataFiles() {
        return list(projectDir().resolve("data"), ".trig");
    }

    static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Graph parseGraph(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        return g;
    }

    static DatasetGraph parseDataset(Path file) {
        DatasetGraph d = DatasetGraphFactory.createGeneral();
        RDFParser.source(file).parse(d);
        return d;
    }

    static Graph ontology() {
        return parseGraph(ontologyFile());
    }

    /** Named graphs of all data files plus the ontology graph; empty default graph. */
    static synchronized DatasetGraph asserted() {
        if (asserted == null) {
            DatasetGraph d = DatasetGraphFactory.createGeneral();
            for (Path f : dataFiles()) {
                RDFParser.source(f).parse(d);
            }
            Node og = NodeFactory.createURI(ONTOLOGY_GRAPH);
            ontology().find().forEachRemaining(t -> d.add(og, t.getSubject(), t.getPredicate(), t.getObject()));
            asserted = d;
        }
        return asserted;
    }

    /** The service's view: named graphs as loaded, default graph = union of all named graphs. */
    static synchronized Dataset unionDataset() {
        if (union == null) {
            DatasetGraph d = DatasetGraphFactory.createGeneral();
            asserted().find().forEachRemaining(q -> {
                d.add(q);
                d.add(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject());
            });
            union = DatasetFactory.wrap(d);
        }
        return union;
    }

    /** Union of every named graph (data and ontology), as one graph. */
    static Graph unionGraph() {
        return unionDataset().asDatasetGraph().getDefaultGraph();
    }

    static Node uri(String iri) { return NodeFactory.createURI(iri); }
    static Node vkg(String local) { return uri(VKG + local); }
    static Node id(String local) { return uri(ID + local); }
}
