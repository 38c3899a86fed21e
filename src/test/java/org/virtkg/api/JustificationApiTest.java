package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.app.VirtkgServer;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The explanation of an inferred answer ends in the justifications of the ontology axioms it used
 * (GET /api/explain), read from the shipped ontology; and the support chain is the narrowed one:
 * supports o runsGuestsThrough, with LXD's containers run through LXC, no longer supports o basedOn.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class JustificationApiTest {
    static final String VKG = "https://w3id.org/virtkg/ontology#";
    static final String ID = "https://w3id.org/virtkg/id/";
    static VirtkgServer server;
    static String base;
    static Model ontology;

    @BeforeAll
    static void start() {
        server = ShippedServer.start(AccessTokens.of(ADMIN, null));
        base = ShippedServer.base(server);
        ontology = RDFDataMgr.loadModel(Fixtures.projectDir().resolve("ontology/virtkg.ttl").toString());
    }

    /** The justification the ontology file gives {@code vkg:local}: what the answer must end in. */
    static String justification(String local) {
        return ontology.getRequiredProperty(ontology.createResource(VKG + local), ontology.createProperty(VKG + "justification")).getString();
    }

    static JsonNode explain(String s, String p, String o) {
        return json(get(base + "/api/explain?s=" + enc(s) + "&p=" + enc(p) + "&o=" + enc(o)), 200);
    }

    /** Every node of an explanation tree. */
    static List<JsonNode> nodes(JsonNode tree) {
        List<JsonNode> out = new ArrayList<>();
        List<JsonNode> pending = new ArrayList<>(List.of(tree));
        while (!pending.isEmpty()) {
            JsonNode n = pending.remove(pending.size() - 1);
            out.add(n);
            n.path("premises").forEach(pending::add);
        }
        return out;
    }

    /**
     * A premise that is an axiom: stated in the ontology, or a schema triple the reasoner derived
     * from the ontology's (an RDFS or OWL term as predicate, e.g. a subclass link from an equivalence).
     */
    static boolean isAxiom(JsonNode premise) {
        for (JsonNode s : premise.path("sources")) if (s.path("role").asText().equals("ontology")) return true;
        String p = premise.at("/triple/p").asText();
        return (p.startsWith("http://www.w3.org/2000/01/rdf-schema#") || p.startsWith("http://www.w3.org/2002/07/owl#"))
                && !p.endsWith("#sameAs");
    }

    static boolean justifies(JsonNode step, String local) {
        for (JsonNode j : step.path("justification"))
            if (j.path("term").asText().equals(VKG + local) && j.path("text").asText().equals(justification(local))) return true;
        return false;
    }

    /** Each rule step that used an axiom names a justification; steps that used none name none. */
    static void justifiedWhereAxiomsAreUsed(JsonNode tree) {
        for (JsonNode n : nodes(tree)) {
            boolean usesAxiom = false;
            for (JsonNode p : n.path("premises")) usesAxiom |= isAxiom(p);
            if (usesAxiom) assertFalse(n.path("justification").isEmpty(), "a step using an axiom is justified: " + n);
            else assertTrue(n.path("justification").isMissingNode(), "a step using no axiom has no justification: " + n);
        }
    }

    @Test
    void anInferredClassEndsInTheDefinedClassJustification() {
        // XCP is an IaaS platform because Table 2 gives it the IaaS service model and IaaSPlatform is defined by it.
        JsonNode r = explain("XCP", "rdf:type", "vkg:IaaSPlatform");
        assertEquals("inferred", r.get("status").asText());
        justifiedWhereAxiomsAreUsed(r.get("explanation"));
        assertTrue(nodes(r.get("explanation")).stream().anyMatch(n -> justifies(n, "IaaSPlatform")), r.toString());
    }

    @Test
    void anInverseEndsInTheInverseJustification() {
        // Table 1 says KVM is supported by Amazon EC2; "Amazon EC2 supports KVM" follows from supportedBy owl:inverseOf supports.
        JsonNode r = explain("AmazonEC2", "vkg:supports", "KVM");
        JsonNode top = r.get("explanation");
        assertEquals("prp-inv1", top.get("rule").asText());
        assertTrue(justifies(top, "supportedBy"), top.toString());
        justifiedWhereAxiomsAreUsed(top);
        assertJson(top).hasTextBelow("Table 1"); // and the premise still cites its table cell
    }

    @Test
    void theWhyLinkOfTheResourcePageLeadsToTheJustification() {
        // /id/XCP marks the inferred type and links "why?" to the explanation; that explanation carries the justification.
        String html = get(base + "/id/XCP", "Accept", "text/html").body();
        Matcher m = Pattern.compile("href=\"/#/explain\\?s=([^&\"]*)&amp;p=([^&\"]*)&amp;o=(vkg%3AIaaSPlatform)\"").matcher(html);
        assertTrue(m.find(), "a why? link for the inferred type IaaS platform: " + html);
        JsonNode r = explain(decode(m.group(1)), decode(m.group(2)), decode(m.group(3)));
        assertTrue(nodes(r.get("explanation")).stream().anyMatch(n -> justifies(n, "IaaSPlatform")), r.toString());
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aPlatformSupportingLxdIsAContainerPlatformAndTheExplanationEndsInTheJustifications() {
        var w = post(base + "/data?graph=" + enc("https://w3id.org/virtkg/graph/user/justified-cloud"), """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                @prefix id: <https://w3id.org/virtkg/id/> .
                id:JustifiedCloud a vkg:CloudPlatform ; rdfs:label "JustifiedCloud" ; vkg:supports id:LXD .
                """, "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertTrue(w.statusCode() / 100 == 2, w.statusCode() + " " + w.body());

        // LXD is a container hypervisor, hence a container technology; a platform supporting one is a container platform.
        JsonNode r = explain("JustifiedCloud", "rdf:type", "vkg:ContainerPlatform");
        assertEquals("inferred", r.get("status").asText());
        JsonNode top = r.get("explanation");
        assertTrue(nodes(top).stream().anyMatch(n -> justifies(n, "ContainerPlatform")), "ends in ContainerPlatform's justification: " + top);
        justifiedWhereAxiomsAreUsed(top);
        // No chain: supporting LXD is not concluded to be supporting LXC (docs/reasoning.md, "Justifications").
        assertEquals(404, get(base + "/api/explain?s=JustifiedCloud&p=vkg:supports&o=LXC").statusCode());
    }

    @Test
    void kvmBasedOnQemuNoLongerMakesItsPlatformsSupportQemu() {
        // The paper: KVM is an extension of QEMU (stated, kept) ...
        assertEquals("asserted", explain("KVM", "vkg:basedOn", "QEMU").get("status").asText());
        // ... and seven platforms support KVM; none of them is said to support QEMU, and none is concluded to.
        for (String platform : List.of("AmazonEC2", "CloudStack", "Enomaly", "Eucalyptus", "Ganeti", "Nimbus", "OpenNebula")) {
            assertEquals(200, get(base + "/api/explain?s=" + platform + "&p=vkg:supports&o=KVM").statusCode(), platform);
            var r = get(base + "/api/explain?s=" + platform + "&p=vkg:supports&o=QEMU");
            assertEquals(404, r.statusCode(), platform + ": " + r.body());
        }
        // OpenStack, which Table 2 says supports QEMU, still does.
        assertEquals("asserted", explain("OpenStack", "vkg:supports", "QEMU").get("status").asText());
    }
}
