package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paper's two tables must be recoverable from the store: the verbatim grid
 * (cell text, row and column headers, positions) and the structured facts read from
 * each cell, both checked against transcriptions kept in src/test/resources/paper.
 */
class TableFidelityTest {

    private static final PrefixMapping PM = PrefixMapping.Factory.create()
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("vkg", Kb.VKG)
            .setNsPrefix("id", Kb.ID);

    /** Rebuild the table grid cell by cell with SPARQL and compare with the verbatim TSV. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tableRebuiltVerbatimFromStore(int n) throws IOException {
        List<List<String>> expected = readTsv("table" + n + ".tsv", false);
        String table = "Table " + n;

        String corner = null;
        String q = Kb.PREFIXES + """
                SELECT ?corner WHERE { GRAPH <%s> { ?t vkg:table ?table ; vkg:cornerText ?corner } }
                """.formatted(Kb.PAPER_SOURCES);
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(q)
                .substitution("table", ResourceFactory.createStringLiteral(table)).build()) {
            ResultSet rs = qe.execSelect();
            assertTrue(rs.hasNext(), "no table source for " + table);
            corner = rs.next().getLiteral("corner").getString();
            assertFalse(rs.hasNext(), "more than one table source for " + table);
        }

        int rows = expected.size() - 1;
        int cols = expected.get(0).size() - 1;
        String[][] grid = new String[rows + 1][cols + 1];
        grid[0][0] = corner;
        int cells = 0;
        String cellQuery = Kb.PREFIXES + """
                SELECT ?ri ?ci ?row ?column ?text WHERE {
                  GRAPH <%s> {
                    ?cell vkg:table ?table ; vkg:rowIndex ?ri ; vkg:columnIndex ?ci ;
                          vkg:row ?row ; vkg:column ?column ; vkg:cellText ?text
                  }
                }""".formatted(Kb.PAPER_SOURCES);
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(cellQuery)
                .substitution("table", ResourceFactory.createStringLiteral(table)).build()) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                int ri = s.getLiteral("ri").getInt();
                int ci = s.getLiteral("ci").getInt();
                assertTrue(ri >= 1 && ri <= rows && ci >= 1 && ci <= cols, "cell outside the table: " + ri + "," + ci);
                assertEquals(null, grid[ri][ci], "two cells at " + ri + "," + ci);
                grid[ri][ci] = s.getLiteral("text").getString();
                grid[ri][0] = consistent(grid[ri][0], s.getLiteral("row").getString(), "row header " + ri);
                grid[0][ci] = consistent(grid[0][ci], s.getLiteral("column").getString(), "column header " + ci);
                cells++;
            }
        }
        assertEquals(rows * cols, cells, "every cell of " + table + " is described exactly once");
        for (int r = 0; r <= rows; r++) {
            assertEquals(expected.get(r), Arrays.asList(grid[r]), table + " line " + r);
        }
    }

    /** Every cell's graph holds exactly the structured facts of the normalized transcription. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void cellGraphsHoldExactlyTheTranscribedFacts(int n) throws IOException {
        String table = "Table " + n;
        List<List<String>> grid = readTsv("table" + n + ".tsv", false);
        Map<String, Set<Triple>> expected = new LinkedHashMap<>();
        Set<String> emptyCells = new HashSet<>();
        for (List<String> f : readTsv("table" + n + "-facts.tsv", true)) {
            String key = f.get(0) + "\t" + f.get(1);
            if (f.get(3).equals("-")) {
                emptyCells.add(key);
                continue;
            }
            Node s = node(f.get(2));
            Node p = node(f.get(3));
            for (String o : f.get(4).split(" ")) {
                expected.computeIfAbsent(key, k -> new HashSet<>()).add(Triple.create(s, p, node(o)));
            }
        }
        // The facts transcription covers every cell of the table.
        for (int r = 1; r < grid.size(); r++) {
            for (int c = 1; c < grid.get(0).size(); c++) {
                String key = grid.get(r).get(0) + "\t" + grid.get(0).get(c);
                assertTrue(expected.containsKey(key) || emptyCells.contains(key), "no facts line for " + key);
            }
        }
        for (int r = 1; r < grid.size(); r++) {
            for (int c = 1; c < grid.get(0).size(); c++) {
                String row = grid.get(r).get(0);
                String col = grid.get(0).get(c);
                Node cell = cellSource(table, row, col);
                assertNotNull(cell, "no source for " + table + " / " + row + " / " + col);
                Graph g = Kb.asserted().getGraph(cell);
                Set<Triple> actual = new HashSet<>(g.find().toList());
                Set<Triple> want = expected.getOrDefault(row + "\t" + col, Set.of());
                assertEquals(want, actual, "facts of " + table + " / " + row + " / " + col + " (" + cell + ")");
            }
        }
    }

    private static Node cellSource(String table, String row, String column) {
        String q = Kb.PREFIXES + """
                SELECT ?cell WHERE { GRAPH <%s> { ?cell vkg:table ?table ; vkg:row ?row ; vkg:column ?column } }
                """.formatted(Kb.PAPER_SOURCES);
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(q)
                .substitution("table", ResourceFactory.createStringLiteral(table))
                .substitution("row", ResourceFactory.createStringLiteral(row))
                .substitution("column", ResourceFactory.createStringLiteral(column)).build()) {
            ResultSet rs = qe.execSelect();
            if (!rs.hasNext()) {
                return null;
            }
            Node n = rs.next().getResource("cell").asNode();
            assertFalse(rs.hasNext(), "several sources for " + row + " / " + column);
            return n;
        }
    }

    private static String consistent(String seen, String now, String what) {
        if (seen != null) {
            assertEquals(seen, now, what + " differs between cells");
        }
        return now;
    }

    private static Node node(String token) {
        if (token.equals("true") || token.equals("false")) {
            return NodeFactory.createLiteralDT(token, XSDDatatype.XSDboolean);
        }
        String iri = PM.expandPrefix(token);
        assertFalse(iri.equals(token), "unknown prefix in " + token);
        return NodeFactory.createURI(iri);
    }

    /** Reads a tab-separated file; keeps empty trailing cells; optionally skips '#' comment lines. */
    static List<List<String>> readTsv(String name, boolean skipComments) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(Kb.paperResource(name), StandardCharsets.UTF_8)) {
            if (line.isEmpty() || (skipComments && line.startsWith("#"))) {
                continue;
            }
            out.add(Arrays.asList(line.split("\t", -1)));
        }
        return out;
    }
}
