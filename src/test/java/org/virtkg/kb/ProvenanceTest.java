package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every fact carries a source: data lives only in named graphs, every named graph is a
 * described source derived from the paper or an outside document, and the paper's quotes
 * are verbatim.
 */
class ProvenanceTest {

    private static final Node WAS_DERIVED_FROM = Kb.uri(Kb.PROV + "wasDerivedFrom");
    private static final Node SOURCE = Kb.vkg("Source");
    private static final Node PAPER = Kb.id("ShrimaliPatelSurvey");

    @Test
    void dataFilesHaveNoDefaultGraphTriples() {
        for (Path f : Kb.dataFiles()) {
            DatasetGraph d = Kb.parseDataset(f);
            assertTrue(d.getDefaultGraph().isEmpty(), f + " has triples outside named graphs");
        }
    }

    /** The description graph of data/current.trig: where the products stand today, dated. */
    static final String CURRENT_SOURCES = "https://w3id.org/virtkg/source/current";
    /** Graphs of the shipped releases of Nova's support matrix (data/nova-*.trig). */
    static final String NOVA_RELEASES = "https://w3id.org/virtkg/source/nova/";

    @Test
    void everyFactGraphIsADescribedSource() {
        Graph paper = Kb.asserted().getGraph(Kb.uri(Kb.PAPER_SOURCES));
        Graph outside = Kb.asserted().getGraph(Kb.uri(Kb.OUTSIDE_SOURCES));
        Graph current = Kb.asserted().getGraph(Kb.uri(CURRENT_SOURCES));
        List<String> problems = new ArrayList<>();
        int graphs = 0;
        for (Node g : (Iterable<Node>) () -> Kb.asserted().listGraphNodes()) {
            String iri = g.getURI();
            if (iri.equals(Kb.PAPER_SOURCES) || iri.equals(Kb.OUTSIDE_SOURCES) || iri.equals(CURRENT_SOURCES) || iri.equals(Kb.ONTOLOGY_GRAPH)) {
                continue;
            }
            graphs++;
            if (iri.startsWith(Kb.PAPER_SOURCES + "/")) {
                if (!paper.contains(g, RDF.type.asNode(), SOURCE) || !paper.contains(g, WAS_DERIVED_FROM, PAPER)) {
                    problems.add(iri + " is not described as a vkg:Source derived from the paper");
                }
            } else if (iri.startsWith(Kb.OUTSIDE_SOURCES + "/") || iri.startsWith(CURRENT_SOURCES + "/")) {
                // Outside knowledge (data/outside.trig) and current knowledge (data/current.trig, dated) alike.
                Graph described = iri.startsWith(CURRENT_SOURCES + "/") ? current : outside;
                List<Triple> from = described.find(g, WAS_DERIVED_FROM, Node.ANY).toList();
                if (iri.startsWith(CURRENT_SOURCES + "/") && !described.find(g, Kb.uri(Kb.VKG + "asOf"), Node.ANY).hasNext())
                    problems.add(iri + " is current knowledge without an as-of date");
                if (!described.contains(g, RDF.type.asNode(), SOURCE) || from.isEmpty()
                        || !from.stream().allMatch(t -> t.getObject().isURI() && t.getObject().getURI().matches("^https?://.+"))) {
                    problems.add(iri + " is not described as a vkg:Source derived from a web document");
                }
            } else if (iri.startsWith(NOVA_RELEASES)) {
                // A shipped release of Nova's matrix (data/nova-*.trig) describes itself, inside its own graph:
                // derived from the file's address at a commit, with its release and date.
                Graph self = Kb.asserted().getGraph(g);
                List<Triple> from = self.find(g, WAS_DERIVED_FROM, Node.ANY).toList();
                if (!self.contains(g, RDF.type.asNode(), SOURCE) || from.size() != 1
                        || !from.get(0).getObject().getURI().matches("^https://github\\.com/openstack/nova/blob/[0-9a-f]{40}/doc/source/user/support-matrix\\.ini$")
                        || !self.find(g, Kb.uri(Kb.VKG + "commit"), Node.ANY).hasNext()
                        || !self.find(g, Kb.uri(Kb.VKG + "release"), Node.ANY).hasNext()
                        || !self.find(g, Kb.uri(Kb.VKG + "asOf"), Node.ANY).hasNext())
                    problems.add(iri + " is a Nova release not described by its address at a commit, its release and its date");
            } else {
                problems.add(iri + " is neither a paper nor an outside source graph");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(graphs > 200, "suspiciously few source graphs: " + graphs);
    }

    @Test
    void descriptionGraphsHoldNoProductFacts() {
        // Facts about products must sit in their own source graph, never in the description graphs.
        for (String dg : List.of(Kb.PAPER_SOURCES, Kb.OUTSIDE_SOURCES, CURRENT_SOURCES)) {
            Set<String> bad = new TreeSet<>();
            Kb.asserted().getGraph(Kb.uri(dg)).find().forEachRemaining(t -> {
                Node s = t.getSubject();
                boolean ok = s.equals(PAPER) || (s.isURI() && s.getURI().startsWith(Kb.SOURCE));
                if (!ok) {
                    bad.add(s.toString());
                }
            });
            assertEquals(Set.of(), bad, "unexpected subjects in " + dg);
        }
    }

    @Test
    void everyIdUsedInDataIsTypedByASourceOrTheOntology() {
        // A product (or component, organisation...) mentioned anywhere must have a sourced type.
        Graph ontology = Kb.ontology();
        Graph union = Kb.unionGraph();
        Set<String> untyped = new TreeSet<>();
        Kb.asserted().find().forEachRemaining(q -> {
            if (q.getGraph().getURI().equals(Kb.ONTOLOGY_GRAPH)) {
                return;
            }
            for (Node n : List.of(q.getSubject(), q.getObject())) {
                if (n.isURI() && n.getURI().startsWith(Kb.ID)
                        && !ontology.contains(n, RDF.type.asNode(), Node.ANY)
                        && !union.contains(n, RDF.type.asNode(), Node.ANY)) {
                    untyped.add(n.getURI());
                }
            }
        });
        assertEquals(Set.of(), untyped);
    }

    @Test
    void ontologyHoldsNoProducts() {
        // Products are paper facts; the ontology only has vocabulary individuals.
        Graph o = Kb.ontology();
        Set<String> products = new TreeSet<>();
        for (String cls : List.of("Product", "VirtualizationTechnology", "Hypervisor", "ContainerTechnology",
                "ContainerHypervisor", "CloudPlatform", "Tool", "ArchitectureComponent", "Organisation")) {
            o.find(Node.ANY, RDF.type.asNode(), Kb.vkg(cls)).forEachRemaining(t -> products.add(t.getSubject().toString()));
        }
        assertEquals(Set.of(), products);
    }

    @Test
    void quotesAreVerbatimFromThePaper() throws IOException {
        Path paperFile = Path.of(System.getProperty("virtkg.shared", "../shared")).resolve("seed/000_8acc286fdce5b68f.txt");
        Assumptions.assumeTrue(Files.exists(paperFile), "paper not available: " + paperFile);
        String paper = normalise(Files.readString(paperFile, StandardCharsets.UTF_8));
        Graph descriptions = Kb.asserted().getGraph(Kb.uri(Kb.PAPER_SOURCES));
        List<String> notFound = new ArrayList<>();
        int quotes = 0;
        for (Triple t : descriptions.find(Node.ANY, Kb.vkg("quote"), Node.ANY).toList()) {
            quotes++;
            String q = normalise(t.getObject().getLiteralLexicalForm());
            if (!paper.contains(q)) {
                notFound.add(t.getSubject() + ": " + q);
            }
        }
        // Cell texts too (the paper's tables are tab-separated lines).
        for (Triple t : descriptions.find(Node.ANY, Kb.vkg("cellText"), Node.ANY).toList()) {
            String c = t.getObject().getLiteralLexicalForm();
            if (!c.isEmpty() && !paper.contains(normalise(c))) {
                notFound.add(t.getSubject() + ": " + c);
            }
        }
        assertEquals(List.of(), notFound, "not verbatim in the paper");
        assertTrue(quotes > 100, "suspiciously few quotes: " + quotes);
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
