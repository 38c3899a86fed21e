package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** Files parse; every term is labelled and commented; ids are readable and unique case-insensitively. */
class VocabularyTest {

    @Test
    void allRdfFilesParse() {
        // RDFParser throws on any syntax error; strict IRI checking is Jena's default.
        RDFParser.source(Kb.ontologyFile()).parse(Kb.parseGraph(Kb.ontologyFile()));
        Kb.parseGraph(Kb.shapesFile());
        List<Path> data = Kb.dataFiles();
        assertTrue(data.size() >= 4, "data files: " + data);
        for (Path f : data) {
            RDFParser.source(f).parse(DatasetGraphFactory.createGeneral());
        }
    }

    @Test
    void everyTermHasLabelAndComment() {
        Graph o = Kb.ontology();
        Set<String> missing = new TreeSet<>();
        o.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && (s.getURI().startsWith(Kb.VKG) || s.getURI().startsWith(Kb.ID))) {
                if (!o.contains(s, RDFS.label.asNode(), Node.ANY)) {
                    missing.add(s.getURI() + " rdfs:label");
                }
                if (!o.contains(s, RDFS.comment.asNode(), Node.ANY)) {
                    missing.add(s.getURI() + " rdfs:comment");
                }
            }
        });
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyVkgTermUsedIsDefined() {
        // Catches typos such as vkg:hostOs in data, shapes or queries' targets.
        Graph o = Kb.ontology();
        Set<String> undefined = new TreeSet<>();
        List<Graph> graphs = new ArrayList<>();
        graphs.add(Kb.unionGraph());
        graphs.add(Kb.parseGraph(Kb.shapesFile()));
        for (Graph g : graphs) {
            g.find().forEachRemaining(t -> {
                for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                    if (n.isURI() && n.getURI().startsWith(Kb.VKG) && !o.contains(n, RDF.type.asNode(), Node.ANY)) {
                        undefined.add(n.getURI());
                    }
                }
            });
        }
        assertEquals(Set.of(), undefined);
    }

    @Test
    void taxonomyIndividualsAreInTheirSkosScheme() {
        // Every individual of a taxonomy class is a concept of the matching scheme, so a UI can list them.
        Graph o = Kb.ontology();
        Node inScheme = Kb.uri("http://www.w3.org/2004/02/skos/core#inScheme");
        Map<String, String> schemes = Map.of(
                "VirtualizationType", "VirtualizationTypes", "HypervisorModel", "HypervisorModels",
                "CloudLayer", "CloudLayers", "ServiceModel", "ServiceModels", "DeploymentModel", "DeploymentModels",
                "EvaluationAspect", "EvaluationAspects", "Verdict", "Verdicts");
        Set<String> missing = new TreeSet<>();
        schemes.forEach((cls, scheme) -> {
            List<Node> members = o.find(Node.ANY, RDF.type.asNode(), Kb.vkg(cls)).mapWith(t -> t.getSubject()).toList();
            assertTrue(!members.isEmpty(), "no individuals of vkg:" + cls);
            for (Node m : members) {
                if (!o.contains(m, inScheme, Kb.vkg(scheme))) {
                    missing.add(m.getURI() + " not in vkg:" + scheme);
                }
            }
        });
        assertEquals(Set.of(), missing);
    }

    @Test
    void idsAreReadableAndUniqueIgnoringCase() {
        Map<String, Set<String>> byLower = new HashMap<>();
        Set<String> unreadable = new TreeSet<>();
        Kb.unionGraph().find().forEachRemaining(t -> {
            for (Node n : List.of(t.getSubject(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(Kb.ID)) {
                    String local = n.getURI().substring(Kb.ID.length());
                    if (!local.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                        unreadable.add(local);
                    }
                    byLower.computeIfAbsent(local.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(local);
                }
            }
        });
        assertEquals(Set.of(), unreadable, "ids must be readable local names");
        List<Set<String>> clashes = byLower.values().stream().filter(s -> s.size() > 1).toList();
        assertEquals(List.of(), clashes, "ids that differ only by case");
        for (String expected : List.of("KVM", "Xen", "LXD", "LXC", "Lguest", "VirtualBox", "OpenVZ", "Eucalyptus",
                "OpenNebula", "CloudStack", "Nimbus", "OpenStack", "Ganeti", "Enomaly", "ApacheVCL", "TPlatform", "XCP",
                "Linux", "Windows", "Python", "EC2", "IaaS", "Private", "Hybrid", "Type1", "FullVirtualization", "LiveMigration")) {
            assertTrue(byLower.containsKey(expected.toLowerCase(Locale.ROOT)) && byLower.get(expected.toLowerCase(Locale.ROOT)).contains(expected),
                    "missing id " + expected);
        }
    }
}
