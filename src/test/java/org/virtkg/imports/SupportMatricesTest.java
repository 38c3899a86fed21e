package org.virtkg.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;

/** Which imported release is the newest: the one ordering every view of imported support matrices uses. */
class SupportMatricesTest {
    private static final String TRIG = """
            PREFIX vkg: <https://w3id.org/virtkg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX n: <https://w3id.org/virtkg/source/nova/>
            PREFIX id: <https://w3id.org/virtkg/id/>
            n:b { n:b vkg:release "b" ; vkg:asOf "2024-05-01" ; prov:wasDerivedFrom <https://example.org/b> .
                  id:X vkg:supports id:Y . }
            n:a { n:a vkg:release "a" ; vkg:asOf "2024-05-01" ; vkg:commit "abc1234" ; prov:wasDerivedFrom <https://example.org/a> .
                  id:X vkg:supports id:Z . }
            n:old { n:old vkg:release "old" ; vkg:asOf "2019-10-16" ; prov:wasDerivedFrom <https://example.org/old> .
                    id:W vkg:supports id:Y . }
            n:undated { n:undated vkg:release "undated" . id:W vkg:supports id:Z . }
            <https://w3id.org/virtkg/source/paper/x> { <https://w3id.org/virtkg/source/paper/x> vkg:release "not imported" ; vkg:asOf "2030-01-01" . }
            """;

    private static DatasetGraph data() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.create().source(new StringReader(TRIG)).lang(Lang.TRIG).parse(dsg);
        return dsg;
    }

    @Test
    void releasesAreOrderedByDateThenNameAndOnlyDatedImportsCount() {
        List<SupportMatrices.Release> releases = SupportMatrices.releases(data());
        assertEquals(List.of("old", "a", "b"), releases.stream().map(SupportMatrices.Release::name).toList());
        SupportMatrices.Release a = releases.get(1);
        assertEquals("abc1234", a.commit());
        assertEquals("https://example.org/a", a.address());
        assertEquals("2024-05-01", a.asOf());
    }

    @Test
    void theNewestIsTheLastInThatOrderAmongThoseAsked() {
        DatasetGraph dsg = data();
        List<SupportMatrices.Release> releases = SupportMatrices.releases(dsg);
        assertEquals("b", SupportMatrices.newest(releases, Set.of("a", "b", "old")).orElseThrow().name());
        assertEquals("a", SupportMatrices.newest(releases, Set.of("a", "old")).orElseThrow().name());
        assertTrue(SupportMatrices.newest(releases, Set.of("undated")).isEmpty());
        assertEquals("b", SupportMatrices.newestAbout(dsg, NodeFactory.createURI("https://w3id.org/virtkg/id/X")).orElseThrow().name());
        assertEquals("old", SupportMatrices.newestAbout(dsg, NodeFactory.createURI("https://w3id.org/virtkg/id/W")).orElseThrow().name(),
                "an undated release that speaks of W is not newer than a dated one");
    }
}
