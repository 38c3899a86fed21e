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
import org.junit.jupiter.api.Test;
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
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
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
            List<String> objects = f.get(4).startsWith("\"") ? List.of(f.get(4)) : Arrays.asList(f.get(4).split(" "));
            for (String o : objects) {
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

    // --- Readings of truncated or ambiguous cells (docs/ontology.md, "How the tables were read") ---------

    /** paper:{path} for the paper's source IRIs, which SPARQL's prefixed names cannot spell (they contain '/'). */
    static String expandSources(String sparql) {
        return sparql.replaceAll("paper:([A-Za-z][A-Za-z0-9._/-]*[A-Za-z0-9])", "<" + Kb.PAPER_SOURCES + "/$1>");
    }

    private static boolean ask(String pattern) {
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(Kb.PREFIXES + "PREFIX paper: <" + Kb.PAPER_SOURCES
                + "/>\n" + expandSources("ASK { " + pattern + " }")).build()) {
            return qe.execAsk();
        }
    }

    private static List<String> select(String query, String var) {
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(Kb.PREFIXES + "PREFIX paper: <" + Kb.PAPER_SOURCES
                + "/>\n" + expandSources(query)).build()) {
            qe.execSelect().forEachRemaining(r -> out.add(r.get(var).isLiteral() ? r.getLiteral(var).getLexicalForm()
                    : r.getResource(var).getURI().replace(Kb.ID, "id:").replace(Kb.PAPER_SOURCES + "/", "paper:")));
        }
        out.sort(null);
        return out;
    }

    /** The truncated row "Suitable with": each verdict kept, each marked an editorial reading. */
    @Test
    void suitableWithRowIsAnEditorialReading() {
        List<String> cells = select("""
                SELECT ?cell WHERE { GRAPH <%s> { ?cell vkg:table "Table 1" ; vkg:row "Suitable with" ; vkg:editorialNote ?note }
                  FILTER (CONTAINS(?note, "editorial reading")) }""".formatted(Kb.PAPER_SOURCES), "cell");
        assertEquals(7, cells.size(), "every cell of the row says its reading is editorial: " + cells);
        // Each cell still states its verdict (the paper's Yes/No is kept).
        for (String[] v : new String[][] {{"Xen", "true"}, {"KVM", "true"}, {"LXD", "false"}, {"LXC", "true"}, {"Lguest", "false"},
                {"VirtualBox", "true"}, {"OpenVZ", "false"}})
            assertTrue(ask("GRAPH paper:table1/%s/suitableForCloud { id:%s vkg:suitableForCloud %s }".formatted(v[0], v[0], v[1])), v[0]);
    }

    /** The verdicts of the row that the text contradicts are disputed, the others are not. */
    @Test
    void suitabilityVerdictsTheTextContradictsAreDisputed() {
        List<String> disputed = select("""
                SELECT ?t WHERE { ?d a vkg:Dispute ; vkg:claimSubject ?t ; vkg:claimProperty vkg:suitableForCloud ; vkg:claimObject ?v ;
                                     vkg:aboutSource ?cell ; prov:wasDerivedFrom ?ground .
                                  GRAPH ?cell { ?t vkg:suitableForCloud ?v } }""", "t");
        assertEquals(List.of("id:LXC", "id:LXD", "id:OpenVZ", "id:VirtualBox"), disputed.stream().distinct().toList());
        // The grounds are the paper's own sentences: LXD's OpenStack pair, VirtualBox's HPC limit, OpenVZ and LXC alike.
        assertTrue(ask("?d vkg:claimSubject id:LXD ; vkg:claimProperty vkg:suitableForCloud ; prov:wasDerivedFrom paper:section2.1/LXD/4"));
        assertTrue(ask("?d vkg:claimSubject id:VirtualBox ; vkg:claimProperty vkg:suitableForCloud ; prov:wasDerivedFrom paper:section2.2/VirtualBox/1"));
        assertTrue(ask("?d vkg:claimSubject id:LXC ; vkg:claimProperty vkg:suitableForCloud ; prov:wasDerivedFrom paper:section2.2/OpenVZ/1"));
        assertTrue(ask("?d vkg:claimSubject id:OpenVZ ; vkg:claimProperty vkg:suitableForCloud ; prov:wasDerivedFrom paper:section2.2/OpenVZ/1"));
    }

    /**
     * The last row of Table 1 is not shifted: the cells that name platforms name ones the rest of the
     * paper also gives for that technology, so "No hypervisor" and "Xen, KVM" are read in place.
     */
    @Test
    void lastRowOfTable1IsReadInPlace() {
        // Every technology cell of the row that names platforms shares at least one with Table 2 or the text.
        List<String> unconfirmed = select("""
                SELECT ?t WHERE {
                  GRAPH ?cell { ?t vkg:supportedBy ?p } ?cell vkg:table "Table 1" ; vkg:row "Service Provider/Cloud platform" .
                  FILTER NOT EXISTS { ?t vkg:supportedBy ?q . GRAPH ?cell { ?t vkg:supportedBy ?q }
                                      GRAPH ?other { { ?q vkg:supports ?t } UNION { ?t vkg:supportedBy ?q } } FILTER (?other != ?cell) }
                }""", "t");
        assertEquals(List.of(), unconfirmed, "cells of the row whose platforms no other source gives");
        assertEquals(4, select("""
                SELECT DISTINCT ?cell WHERE { GRAPH ?cell { ?t vkg:supportedBy ?p }
                  ?cell vkg:row "Service Provider/Cloud platform" }""", "cell").size(), "four cells of the row name platforms");
        // Nobody says the row is shifted any more.
        assertEquals(List.of(), select("""
                SELECT ?s WHERE { GRAPH <%s> { ?s ?p ?text } FILTER (isLiteral(?text) && CONTAINS(LCASE(STR(?text)), "shifted")
                                                            && !CONTAINS(LCASE(STR(?text)), "not shifted")) }""".formatted(Kb.PAPER_SOURCES), "s"));
        // "No hypervisor": an editorial reading (no hypervisor needed), not disputed, no fact.
        for (String t : List.of("LXC", "OpenVZ")) {
            assertTrue(ask("paper:table1/%s/supportedBy vkg:cellText \"No hypervisor\" ; vkg:editorialNote ?n FILTER (CONTAINS(?n, \"needs no hypervisor\"))".formatted(t)), t);
            assertFalse(ask("paper:table1/%s/supportedBy vkg:disputed true".formatted(t)), t);
            assertFalse(ask("GRAPH paper:table1/%s/supportedBy { ?s ?p ?o }".formatted(t)), t);
        }
        // "Xen, KVM" for Lguest: hypervisors in a row of platforms, no sentence explains it: disputed, no fact.
        assertTrue(ask("paper:table1/Lguest/supportedBy vkg:cellText \"Xen, KVM\" ; vkg:disputed true ; vkg:disputeNote ?n FILTER (CONTAINS(?n, \"not shifted\"))"));
        assertFalse(ask("GRAPH paper:table1/Lguest/supportedBy { ?s ?p ?o }"));
    }

    /** OpenStack's "Best option for Private and public Cloud" is a recommendation, not a list of deployment models. */
    @Test
    void openStackApplicationCellIsARecommendation() {
        assertTrue(ask("""
                GRAPH paper:table2/OpenStack/targetOrganisation {
                  ?e a vkg:Evaluation ; vkg:evaluates id:OpenStack ; vkg:aspect id:CloudSuitability ; vkg:verdict id:BestInClass ;
                     vkg:context id:Private , id:Public }"""));
        assertFalse(ask("GRAPH paper:table2/OpenStack/targetOrganisation { ?s vkg:deploymentModel|vkg:targetOrganisation ?o }"));
    }

    /** XCP's "Only tool for automatic management" keeps its "only", and that "only" is disputed. */
    @Test
    void xcpOnlyToolKeepsItsOnlyAndIsDisputed() {
        assertTrue(ask("""
                GRAPH paper:table2/XCP/characteristic {
                  id:XCP vkg:characteristic id:AutomaticManagement .
                  ?e vkg:evaluates id:XCP ; vkg:aspect id:ManagementAutomation ; vkg:verdict id:BestInClass ; vkg:scope ?scope
                  FILTER (CONTAINS(?scope, "only")) }
                ?d a vkg:Dispute ; vkg:claimSubject ?e ; vkg:claimProperty vkg:verdict ; vkg:claimObject id:BestInClass ;
                   vkg:aboutSource paper:table2/XCP/characteristic ; prov:wasDerivedFrom paper:section3/Nimbus/8"""));
        assertFalse(ask("?d vkg:claimSubject id:XCP ; vkg:claimProperty vkg:characteristic"), "automatic management itself is not disputed");
    }

    /** "OSsupported" says neither host nor guest: every cell is read with vkg:operatingSystem and says so. */
    @Test
    void osSupportedColumnIsNeitherHostNorGuest() {
        assertEquals(10, select("""
                SELECT ?cell WHERE { ?cell vkg:table "Table 2" ; vkg:column "OSsupported" ; vkg:editorialNote ?n
                  FILTER (CONTAINS(?n, "host") && CONTAINS(?n, "guest")) }""", "cell").size());
        assertEquals(List.of("vkg:operatingSystem"), select("""
                SELECT DISTINCT ?p WHERE { ?cell vkg:table "Table 2" ; vkg:column "OSsupported" . GRAPH ?cell { ?s ?p ?o } }""", "p")
                .stream().map(p -> p.replace(Kb.VKG, "vkg:")).toList());
    }

    /** "Supported languages": the general property, and for TPlatform, a PaaS, the languages users develop in. */
    @Test
    void supportedLanguagesAreReadPerPlatform() {
        assertEquals(List.of("vkg:applicationLanguage"), select("""
                SELECT DISTINCT ?p WHERE { GRAPH paper:table2/TPlatform/language { id:TPlatform ?p ?o } }""", "p")
                .stream().map(p -> p.replace(Kb.VKG, "vkg:")).toList());
        assertEquals(List.of("vkg:language"), select("""
                SELECT DISTINCT ?p WHERE { ?cell vkg:table "Table 2" ; vkg:column "Supported languages" ; vkg:row ?row
                  FILTER (?row != "TPlatform") GRAPH ?cell { ?s ?p ?o } }""", "p")
                .stream().map(p -> p.replace(Kb.VKG, "vkg:")).toList());
        assertTrue(ask("vkg:applicationLanguage rdfs:subPropertyOf vkg:language . vkg:implementationLanguage rdfs:subPropertyOf vkg:language"));
        // The text says which platforms are written in what.
        assertTrue(ask("GRAPH paper:section3/OpenStack/2 { id:OpenStack vkg:implementationLanguage id:Python }"));
        assertTrue(ask("GRAPH paper:section3/CloudStack/1 { id:CloudStack vkg:implementationLanguage id:Java }"));
    }

    /** Eucalyptus: Table 2 "Private" against section 3's "private, public or hybrid", flagged, not merged. */
    @Test
    void eucalyptusCloudTypesAreDisputedNotMerged() {
        assertEquals(List.of("id:Hybrid", "id:Public"), select("""
                SELECT ?m WHERE { ?d a vkg:Dispute ; vkg:claimSubject id:Eucalyptus ; vkg:claimProperty vkg:deploymentModel ;
                   vkg:claimObject ?m ; vkg:aboutSource paper:section3/Eucalyptus/2 ;
                   prov:wasDerivedFrom paper:table2/Eucalyptus/deploymentModel , paper:section3/Eucalyptus/11 }""", "m"));
        assertTrue(ask("GRAPH paper:table2/Eucalyptus/deploymentModel { id:Eucalyptus vkg:deploymentModel id:Private }"));
        assertFalse(ask("?d vkg:claimSubject id:Eucalyptus ; vkg:claimObject id:Private"), "private is not in doubt");
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
        if (token.startsWith("\"")) {
            // A language-tagged literal, "text"@en (the transcription's texts contain no quote character).
            int end = token.lastIndexOf('"');
            assertTrue(end > 0 && token.startsWith("@", end + 1), "literal without a language tag: " + token);
            return NodeFactory.createLiteralLang(token.substring(1, end), token.substring(end + 2));
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
