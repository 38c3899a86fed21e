package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The worked examples in docs/ontology.md are valid: they parse and the added product passes the shapes. */
class DocsExampleTest {

    private static List<String> blocks(String lang) throws IOException {
        String md = Files.readString(Kb.projectDir().resolve("docs/ontology.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(md);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void workedExampleConformsToTheShapes() throws IOException {
        List<String> trig = blocks("trig");
        List<String> turtle = blocks("turtle");
        assertFalse(trig.isEmpty(), "no TriG example in the docs");

        Graph g = GraphFactory.createDefaultGraph();
        Kb.unionGraph().find().forEachRemaining(g::add);
        for (String t : turtle) {
            RDFParser.fromString(t, Lang.TURTLE).parse(g);
        }
        for (String t : trig) {
            DatasetGraph d = DatasetGraphFactory.createGeneral();
            RDFParser.fromString(t, Lang.TRIG).parse(d);
            assertTrue(d.getDefaultGraph().isEmpty(), "example puts facts outside named graphs");
            d.find().forEachRemaining(q -> g.add(q.asTriple()));
        }
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(Kb.parseGraph(Kb.shapesFile())), g);
        assertTrue(report.conforms(), "docs example violates the shapes");
    }

    @Test
    void sparqlExamplesParse() throws IOException {
        for (String q : blocks("sparql")) {
            QueryFactory.create(q);
        }
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(blocks("sparql").get(0)).build()) {
            assertTrue(qe.execSelect().hasNext(), "the provenance example returns nothing");
        }
    }
}
