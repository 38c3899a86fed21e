package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.imports.NovaMatrixImport;

/** The sections of docs/ontology.md on features, lifecycles and views, against the ontology, the data and the importer. */
class OntologyDocCurrentKnowledgeTest {
    static String sections;

    @BeforeAll
    static void read() throws Exception {
        String doc = Files.readString(Kb.projectDir().resolve("docs/ontology.md"));
        int from = doc.indexOf("## Features and support matrices"), to = doc.indexOf("## Querying");
        assertTrue(from > 0 && to > from, "the sections exist");
        sections = doc.substring(from, to);
    }

    @Test
    void theDriverTableIsTheImportersMapping() {
        Map<String, String> table = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\| `([a-z0-9-]+)` \\| `id:([A-Za-z]+)` \\|").matcher(sections);
        while (m.find()) table.put(m.group(1), m.group(2));
        assertEquals(NovaMatrixImport.TECHNOLOGIES, table);
    }

    @Test
    void everyTermNamedIsDefined() {
        Graph union = Kb.unionGraph();
        Set<String> undefined = new TreeSet<>();
        Matcher m = Pattern.compile("`(vkg|id):([A-Za-z][A-Za-z0-9-]*)`").matcher(sections);
        while (m.find()) {
            Node term = m.group(1).equals("vkg") ? Kb.vkg(m.group(2)) : Kb.id(m.group(2));
            if (!union.contains(term, Node.ANY, Node.ANY)) undefined.add(m.group());
        }
        assertEquals(Set.of(), undefined);
        // The answers the doc names are the support levels' and lifecycle statuses' notations.
        Node notation = Kb.uri("http://www.w3.org/2004/02/skos/core#notation");
        Map<String, String> said = Map.of("FullSupport", "supported", "PartialSupport", "partial", "NoSupport", "unsupported", "UnknownSupport", "unknown",
                "Maintained", "maintained", "Discontinued", "discontinued", "Superseded", "superseded", "Forked", "forked");
        for (var e : said.entrySet()) {
            assertTrue(union.contains(Kb.id(e.getKey()), notation, org.apache.jena.graph.NodeFactory.createLiteralString(e.getValue())), e.toString());
            assertTrue(sections.contains("`id:" + e.getKey() + "` (`" + e.getValue() + "`") || sections.contains("`" + e.getValue() + "`"), e.toString());
        }
        // "Lguest: 2.6.23 and 4.14"
        assertTrue(union.contains(Kb.id("Lguest"), Kb.vkg("inMainlineLinuxSince"), org.apache.jena.graph.NodeFactory.createLiteralString("2.6.23")));
        assertTrue(union.contains(Kb.id("Lguest"), Kb.vkg("removedFromLinuxIn"), org.apache.jena.graph.NodeFactory.createLiteralString("4.14")));
    }

    @Test
    void theSparqlExampleFollowsOneCellAcrossTheShippedReleases() {
        Matcher m = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL).matcher(sections);
        assertTrue(m.find(), "the example");
        List<String> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(Kb.asserted())).query(m.group(1)).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> rows.add(s.getLiteral("release").getString() + "=" + s.getLiteral("value").getString()));
        }
        // Nova's files: [operation.live-migrate] driver.libvirt-lxc=missing in every shipped release (ShippedNovaReleasesTest names the lines).
        assertEquals(List.of("train=missing", "2023.1=missing", "2026.1=missing"), rows);
    }
}
