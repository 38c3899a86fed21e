package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.reasoner.RlReasoner;
import org.virtkg.store.Graphs;
import org.virtkg.store.ShippedData;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * The shipped ontology and data, loaded exactly as the service loads them and closed under OWL 2
 * RL by the project's reasoner: consistent, and the inferences the ontology was built for hold.
 */
class ConsistencyTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore());
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    /**
     * The only inconsistencies are recorded disagreements between sources (Nova's releases against
     * the paper on OpenStack's hypervisors): no source contradicts itself.
     */
    @Test
    void theKnowledgeBaseIsConsistentApartFromDisagreementsBetweenSources() {
        RlReasoner r = kb.reasoner();
        var dsg = kb.store().dataset();
        org.apache.jena.system.Txn.executeRead(dsg, () -> {
            for (var inc : r.inconsistencies()) {
                var traced = Disagreements.trace(dsg, inc);
                assertTrue(traced.facts().size() >= 2 && traced.commonSource() == null, () -> "not a disagreement between sources: " + traced);
            }
        });
        assertTrue(r.inferredCount() > 100, "the ontology should make inference worth having");
    }

    @Test
    void inverseSupportIsInferred() {
        // Table 2 says OpenStack supports KVM; the inverse is known without being written.
        assertInferred(id("KVM"), vkg("supportedBy"), id("OpenStack"));
    }

    @Test
    void containerPlatformsAreRecognisedByRestriction() {
        // OpenStack supports LXC (section 3), a container technology, so it is a container platform.
        assertTrue(kb.reasoner().contains(Triple.create(id("OpenStack"), rdfType(), vkg("ContainerPlatform"))));
        assertEquals(true, inInferredGraph(Triple.create(id("OpenStack"), rdfType(), vkg("ContainerPlatform"))));
    }

    @Test
    void basedOnIsTransitiveAndSupportFollowsTheChain() {
        // LXD is based on LXC (outside source); a platform supporting LXD supports LXC.
        assertTrue(kb.reasoner().contains(Triple.create(id("LXD"), vkg("basedOn"), id("LXC"))));
        assertTrue(kb.reasoner().contains(Triple.create(id("OpenStack"), vkg("supports"), id("LXC"))));
    }

    @Test
    void everyInferredTripleHasAnExplanationDownToAssertedFacts() {
        var some = kb.reasoner().inferred().limit(200).toList();
        for (Triple t : some) {
            var e = kb.reasoner().explain(t);
            assertTrue(e.isPresent(), "no explanation for " + t);
            assertTrue(e.get().size() >= 1);
        }
    }

    private static void assertInferred(Node s, Node p, Node o) {
        Triple t = Triple.create(s, p, o);
        assertTrue(kb.reasoner().contains(t), "not entailed: " + t);
        assertTrue(inInferredGraph(t) || kb.reasoner().isAsserted(t), "not in the inferred graph: " + t);
    }

    private static boolean inInferredGraph(Triple t) {
        var dsg = kb.store().dataset();
        return Txn.calculateRead(dsg, () -> dsg.contains(Graphs.node(Graphs.INFERRED), t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private static Node id(String name) {
        return NodeFactory.createURI(Graphs.ID + name);
    }

    private static Node vkg(String name) {
        return NodeFactory.createURI(Graphs.VOCAB + name);
    }

    private static Node rdfType() {
        return NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    }
}
