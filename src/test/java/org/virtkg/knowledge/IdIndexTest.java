package org.virtkg.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** Case-insensitive ids and close-match suggestions, without a server. */
class IdIndexTest {
    static final String ID = "https://w3id.org/virtkg/id/";
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    static IdIndex index() {
        Graph g = GraphFactory.createDefaultGraph();
        for (String p : new String[] {"OpenStack", "OpenNebula", "OpenNode", "KVM", "Xen", "XenServer"})
            g.add(NodeFactory.createURI(ID + p), NodeFactory.createURI(VKG + "supports"), NodeFactory.createURI(ID + "KVM"));
        g.add(NodeFactory.createURI(VKG + "ContainerTechnology"), NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI("http://www.w3.org/2002/07/owl#Class"));
        return IdIndex.build(g);
    }

    @Test
    void idsMatchIgnoringCase() {
        IdIndex ix = index();
        assertEquals(ID + "OpenStack", ix.id("openstack").getURI());
        assertEquals(ID + "KVM", ix.id(" kvm ").getURI());
        assertNull(ix.id("Open"));
        assertEquals(VKG + "ContainerTechnology", ix.vocabClass("containertechnology").getURI());
    }

    @Test
    void anIdMayBeNamedByItsIriOrPrefixedNameExactly() {
        IdIndex ix = index();
        assertEquals(ID + "OpenStack", ix.id(ID + "OpenStack").getURI());
        assertEquals(ID + "OpenStack", ix.id(" id:OpenStack ").getURI());
        assertNull(ix.id(ID + "openstack"), "an IRI names one resource: not another case of it");
        assertNull(ix.id("id:openstack"));
        assertNull(ix.id("https://example.org/OpenStack"));
        assertEquals("OpenStack", ix.suggest(ID + "openstak", false, 8).get(0), "suggestions for the id within the IRI");
        assertEquals("OpenStack", ix.suggest("https://example.org/OpenStack", false, 8).get(0));
    }

    @Test
    void suggestionsArePrefixesSubstringsAndSmallEdits() {
        IdIndex ix = index();
        assertEquals("OpenNode", ix.suggest("open", false, 8).get(0), "prefix matches first, shortest first");
        assertTrue(ix.suggest("openstak", false, 8).contains("OpenStack"), "one edit");
        assertTrue(ix.suggest("KVMM", false, 8).contains("KVM"));
        assertTrue(ix.suggest("server", false, 8).contains("XenServer"), "substring");
        assertTrue(ix.suggest("Containr", true, 8).contains("ContainerTechnology"));
        assertEquals(java.util.List.of(), ix.suggest("Zzzzzz", false, 8));
    }

    @Test
    void levenshteinGivesUpPastTheBound() {
        assertEquals(0, IdIndex.levenshtein("kvm", "kvm", 2));
        assertEquals(1, IdIndex.levenshtein("kvm", "kvmm", 2));
        assertEquals(2, IdIndex.levenshtein("xen", "xne", 2));
        assertEquals(3, IdIndex.levenshtein("openstack", "eucalyptus", 2));
    }
}
