package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.Fixtures.post;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The REST views follow writes: new ids resolve, ETags change, a platform that supports only LXD
 * is a container platform (LXD is a container hypervisor) but not concluded to support LXC, and an
 * explicit vkg:doesNotSupport makes a pair unsupported.
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class ChangingKnowledgeApiTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    @Test
    void aNewPlatformIsServedWithItsInferencesAndANewEtag() {
        String before = get(base + "/api/platforms").headers().firstValue("ETag").orElseThrow();
        assertEquals(404, get(base + "/api/platforms/MicroCloud").statusCode());
        var w = post(base + "/data?graph=https://w3id.org/virtkg/graph/user/microcloud", """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix vkg: <https://w3id.org/virtkg/ontology#> .
                @prefix id: <https://w3id.org/virtkg/id/> .
                id:MicroCloud a vkg:CloudPlatform ; rdfs:label "MicroCloud" ;
                    vkg:supports id:LXD ;
                    vkg:doesNotSupport id:KVM .
                """, "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
        assertTrue(w.statusCode() == 200 || w.statusCode() == 201 || w.statusCode() == 204, w.statusCode() + " " + w.body());

        var r = get(base + "/api/platforms/microcloud", "If-None-Match", before);
        assertEquals(200, r.statusCode(), "the old ETag no longer matches");
        assertNotEquals(before, r.headers().firstValue("ETag").orElseThrow());

        // LXD runs its containers through LXC, but the ontology does not turn that into support
        // (docs/reasoning.md, "Justifications"): the open world answers unknown, not supported.
        JsonNode lxc = json(get(base + "/api/compatibility?technology=LXC&platform=MicroCloud"), 200);
        assertEquals("unknown", lxc.get("status").asText());
        JsonNode lxd = json(get(base + "/api/compatibility?technology=LXD&platform=MicroCloud"), 200);
        assertEquals("supported", lxd.get("status").asText());
        assertEquals("stated", lxd.get("basis").asText());

        JsonNode kvm = json(get(base + "/api/compatibility?technology=KVM&platform=MicroCloud"), 200);
        assertEquals("unsupported", kvm.get("status").asText());
        assertEquals("stated", kvm.get("basis").asText());
        assertJson(kvm).at("/sources").hasItemWith("/graph", "https://w3id.org/virtkg/graph/user/microcloud");

        JsonNode byClass = json(get(base + "/api/platforms?supports=ContainerTechnology"), 200);
        assertJson(byClass).at("/items").hasItemWith("/id", "MicroCloud");

        JsonNode selection = json(post(base + "/api/selection?limit=500", "{\"containerBased\": true}"), 200);
        assertJson(selection).at("/items").hasItemWith("/platform/id", "MicroCloud"); // the new pairs are ranked too
        var csv = get(base + "/api/compatibility/matrix", "Accept", "text/csv").body();
        assertTrue(csv.contains("LXD,MicroCloud,supported,stated"), "the cached matrix was recomputed for the new version");
        assertTrue(csv.contains("KVM,MicroCloud,unsupported,stated"));
    }
}
