package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * A commercial service (vkg:CommercialService, e.g. Amazon EC2, which Table 1 gives as a platform
 * of KVM and Xen) is left out of platform lists; wherever it does appear, every view marks it the
 * same way (walk-through: it appeared unmarked among KVM's open-source platforms). Over HTTP on the
 * shipped data: the technology's own answer, its platform list with include=services, compare, the
 * product page (HTML and JSON-LD), the named query, the selection's pairs, the compatibility answer
 * and the matrix's columns.
 */
class CommercialServiceMarksTest {
    static String base;
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        base = shared.base();
    }

    /** Platform id -> its commercialService member ("absent" when it has none) among {@code values}. */
    static Map<String, String> marks(JsonNode values) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode v : values) out.put(v.get("id").asText(), v.has("commercialService") ? v.get("commercialService").asText() : "absent");
        return out;
    }

    @Test
    void aTechnologysPlatformsMarkAmazonEc2AndOnlyIt() {
        JsonNode kvm = json(get(base + "/api/technologies/KVM"), 200);
        Map<String, String> marks = marks(kvm.get("platforms"));
        assertEquals("true", marks.get("AmazonEC2"), kvm.get("platforms").toString());
        for (String open : new String[] {"CloudStack", "Enomaly", "Eucalyptus", "Ganeti", "Nimbus", "OpenNebula", "OpenStack"})
            assertEquals("absent", marks.get(open), open + " is no commercial service: " + marks);
        // A value that is no product carries no mark either.
        assertFalse(kvm.get("vmmType").get(0).has("commercialService"), kvm.get("vmmType").toString());

        // The platform list of the technology, asked to bring the services back, marks it the same way.
        JsonNode list = json(get(base + "/api/technologies/KVM/platforms?include=services"), 200);
        Map<String, String> listed = new TreeMap<>();
        for (JsonNode item : list.get("items")) listed.put(item.at("/platform/id").asText(),
                item.at("/platform").has("commercialService") ? item.at("/platform/commercialService").asText() : "absent");
        assertEquals("true", listed.get("AmazonEC2"), list.toString());
        assertEquals("absent", listed.get("OpenStack"), list.toString());
    }

    @Test
    void compareMarksItAsTheProductsOwnValuesDo() {
        JsonNode r = json(get(base + "/api/compare?ids=KVM,Xen"), 200);
        JsonNode platforms = null;
        for (JsonNode row : r.get("properties")) if (row.get("property").asText().equals("platforms")) platforms = row.get("values");
        assertTrue(platforms != null, r.toString());
        for (String t : new String[] {"KVM", "Xen"}) {
            Map<String, String> marks = marks(platforms.get(t));
            assertEquals("true", marks.get("AmazonEC2"), t + ": " + marks);
            assertEquals("absent", marks.get("OpenNebula"), t + ": " + marks);
        }
    }

    @Test
    void theProductPageSaysCommercialServiceInWordsAndItsJsonLdSaysTheClass() {
        String html = get(base + "/id/KVM", "Accept", "text/html").body();
        assertTrue(html.contains("<a href=\"/id/AmazonEC2\">Amazon EC2</a> <span class=\"badge commercial-service\">commercial service</span>"),
                "Amazon EC2 is marked in words on KVM's page");
        assertFalse(html.contains("<a href=\"/id/OpenNebula\">OpenNebula</a> <span class=\"badge commercial-service\">"),
                "OpenNebula is not marked");

        var r = get(base + "/id/KVM", "Accept", "application/ld+json");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.JSONLD).parse(g);
        assertTrue(g.contains(NodeFactory.createURI(ID + "AmazonEC2"), RDF.type.asNode(), NodeFactory.createURI(VKG + "CommercialService")),
                "the description says which of KVM's platforms is a commercial service");
        assertFalse(g.contains(NodeFactory.createURI(ID + "OpenNebula"), RDF.type.asNode(), NodeFactory.createURI(VKG + "CommercialService")));
    }

    @Test
    void theNamedQueryHasACommercialServiceColumn() {
        JsonNode r = json(get(base + "/api/queries/platforms-for-technology?technology=id:KVM", "Accept", "application/sparql-results+json"), 200);
        Map<String, String> marks = new TreeMap<>();
        for (JsonNode b : r.at("/results/bindings"))
            marks.put(b.at("/platform/value").asText().substring(ID.length()), b.at("/commercialService/value").asText("unbound"));
        assertEquals("true", marks.get("AmazonEC2"), marks.toString());
        assertEquals("false", marks.get("CloudStack"), marks.toString());
        assertEquals("false", marks.get("OpenStack"), marks.toString());
    }

    /** The commercialService member of a platform reference ("absent" when it has none). */
    static String mark(JsonNode ref) {
        return ref.has("commercialService") ? ref.get("commercialService").asText() : "absent";
    }

    @Test
    void aSelectionPairOnACommercialServiceSaysSo() {
        // Brought back by include=services: every pair on Amazon EC2 is marked, no other pair is.
        JsonNode r = json(post(base + "/api/selection?include=services&limit=500", "{}", "Content-Type", "application/json"), 200);
        Map<String, String> marks = new TreeMap<>();
        for (JsonNode pair : r.get("items")) {
            String platform = pair.at("/platform/id").asText();
            String was = marks.put(platform, mark(pair.get("platform")));
            assertTrue(was == null || was.equals(marks.get(platform)), platform + " is marked alike in each of its pairs");
            assertFalse(pair.get("technology").has("commercialService"), pair.get("technology").toString());
        }
        assertEquals("true", marks.get("AmazonEC2"), marks.toString());
        for (String open : new String[] {"CloudStack", "Eucalyptus", "OpenNebula", "OpenStack"})
            assertEquals("absent", marks.get(open), open + " is no commercial service: " + marks);

        // Named in the platform filter (asking for it), it is marked the same way.
        JsonNode named = json(post(base + "/api/selection?platform=AmazonEC2", "{}", "Content-Type", "application/json"), 200);
        assertTrue(named.get("items").size() > 0, named.toString());
        for (JsonNode pair : named.get("items")) assertEquals("true", mark(pair.get("platform")), pair.toString());
    }

    @Test
    void theCompatibilityAnswerMarksAPlatformThatIsACommercialService() {
        for (String view : new String[] {"all", "paper", "current"}) {
            JsonNode ec2 = json(get(base + "/api/compatibility?technology=KVM&platform=AmazonEC2&view=" + view), 200);
            assertEquals("true", mark(ec2.get("platform")), view + ": " + ec2.get("platform"));
            assertFalse(ec2.get("technology").has("commercialService"), ec2.get("technology").toString());
            JsonNode open = json(get(base + "/api/compatibility?technology=KVM&platform=OpenStack&view=" + view), 200);
            assertEquals("absent", mark(open.get("platform")), view + ": " + open.get("platform"));
        }
    }

    @Test
    void theMatrixMarksItsCommercialServiceColumns() {
        for (String view : new String[] {"all", "paper", "current"}) {
            JsonNode m = json(get(base + "/api/compatibility/matrix?include=services&view=" + view), 200);
            Map<String, String> marks = marks(m.get("platforms"));
            for (String service : OpenSourceApiTest.SERVICES)
                assertEquals("true", marks.get(service), view + ": " + service + " is a commercial service: " + marks);
            for (String open : new String[] {"CloudStack", "Eucalyptus", "OpenNebula", "OpenStack"})
                assertEquals("absent", marks.get(open), view + ": " + open + " is no commercial service: " + marks);
            for (JsonNode t : m.get("technologies")) assertFalse(t.has("commercialService"), view + ": " + t);
            // Without include=services no column is a service, so none is marked.
            JsonNode open = json(get(base + "/api/compatibility/matrix?view=" + view), 200);
            assertEquals(java.util.Set.of("absent"), java.util.Set.copyOf(marks(open.get("platforms")).values()), view);
        }
    }
}
