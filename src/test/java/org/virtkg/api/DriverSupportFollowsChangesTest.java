package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.store.Graphs;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * What the imported support matrices say of each platform's drivers (the compatibility check's
 * {@code current} section) is carried from version to version by writes that cannot change it, and
 * computed anew after one that can: carried or computed, it equals a computation from scratch.
 */
class DriverSupportFollowsChangesTest {
    private static final Node OPENSTACK = NodeFactory.createURI(Graphs.ID + "OpenStack");
    private static final Node LXD = NodeFactory.createURI(Graphs.ID + "LXD");

    private static Quad quad(String graph, String subject, String predicate, String object) {
        return SSE.parseQuad("(" + graph + " " + subject + " " + predicate + " " + object + ")");
    }

    private static String user(String local) {
        return "<" + Graphs.USER + local + ">";
    }

    private static String id(String local) {
        return "<" + Graphs.ID + local + ">";
    }

    private static String vkg(String local) {
        return "<" + Graphs.VOCAB + local + ">";
    }

    private static void write(KnowledgeBase kb, String summary, Consumer<DatasetGraph> change) {
        long before = kb.version();
        kb.write(ChangeKind.SPARQL_UPDATE, "test", summary, change);
        assertEquals(before + 1, kb.version(), summary);
    }

    @Test
    void carriedOverAWriteThatCannotChangeItAndComputedAnewAfterOneThatDoes() {
        try (KnowledgeBase kb = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore())) {
            Knowledge knowledge = new Knowledge(kb);
            CompatibilityRoutes routes = new CompatibilityRoutes(knowledge, new ExplainRoutes(kb), new ResponseCache());
            Map<Node, CompatibilityRoutes.DriverSupport> shipped = routes.driverSupport();
            CompatibilityRoutes.DriverSupport openstack = shipped.get(OPENSTACK);
            assertNotNull(openstack, "the shipped Nova support matrices describe OpenStack's drivers: " + shipped.keySet());

            // A new container technology OpenStack supports: no driver, release or platform typing.
            write(kb, "a product", dsg -> {
                dsg.add(quad(user("ds1"), id("DsTech"), "rdf:type", vkg("ContainerTechnology")));
                dsg.add(quad(user("ds1"), id("DsTech"), "rdfs:label", "\"Ds tech\"@en"));
                dsg.add(quad(user("ds1"), id("DsTech"), vkg("hostOS"), id("Linux")));
                dsg.add(quad(user("ds1"), id("OpenStack"), vkg("supports"), id("DsTech")));
            });
            assertSame(shipped, routes.driverSupport(), "carried, not computed again");
            assertEquals(fresh(knowledge, kb), routes.driverSupport());

            // A driver of OpenStack for LXD in its newest release, stated in a graph of its own.
            String release = openstack.release();
            write(kb, "a driver", dsg -> {
                dsg.add(quad(user("ds2"), user("ds2"), vkg("release"), "\"" + release + "\""));
                dsg.add(quad(user("ds2"), id("DsDriver"), "rdf:type", vkg("HypervisorDriver")));
                dsg.add(quad(user("ds2"), id("DsDriver"), "rdfs:label", "\"Ds driver\"@en"));
                dsg.add(quad(user("ds2"), id("DsDriver"), vkg("driverKey"), "\"ds\""));
                dsg.add(quad(user("ds2"), id("DsDriver"), vkg("driverFor"), id("LXD")));
                dsg.add(quad(user("ds2"), id("DsDriver"), vkg("partOf"), id("OpenStack")));
            });
            Map<Node, CompatibilityRoutes.DriverSupport> after = routes.driverSupport();
            assertNotSame(shipped, after);
            assertEquals(fresh(knowledge, kb), after);
            List<String> lxd = after.get(OPENSTACK).newestDrivers().get(LXD);
            assertTrue(lxd != null && lxd.contains("ds"), "the new driver is OpenStack's newest for LXD: " + lxd);
        }
    }

    /** Computed from scratch by routes that never saw a version before. */
    private static Map<Node, CompatibilityRoutes.DriverSupport> fresh(Knowledge knowledge, KnowledgeBase kb) {
        return new CompatibilityRoutes(knowledge, new ExplainRoutes(kb), new ResponseCache()).driverSupport();
    }
}
