package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.virtkg.api.Json;
import org.virtkg.imports.NovaCaveats;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The releases of OpenStack Nova's support matrix that virtkg ships (data/nova-*.trig, converted
 * with 'virtkg import nova-matrix --out'): a fresh server loads them through the shipped-data sync
 * (one validated change: SHACL and consistency, as every write), and the feature matrix answers
 * as Nova's own files say. The expected cells were read by hand from Nova's file,
 * doc/source/user/support-matrix.ini, at the commits of the release tags (lines named below):
 * train = tag 20.0.0, commit 5d7e4c52ff0b8d71881c209de03a6856fbdcb2fc (2019-10-16);
 * 2023.1 = tag 27.0.0, commit 2bb8689835a4631622201299d531a24f28aad281 (2023-03-22);
 * 2026.1 = tag 33.0.0, commit d5c64e7aba09052601b59bf1297187d85da6b90b (2026-04-01).
 */
@ResourceLock(Locks.SHIPPED_WRITABLE)
class ShippedNovaReleasesTest {
    static final String FILE = "/doc/source/user/support-matrix.ini";
    static final String TRAIN = "https://github.com/openstack/nova/blob/5d7e4c52ff0b8d71881c209de03a6856fbdcb2fc" + FILE;
    static final String ANTELOPE = "https://github.com/openstack/nova/blob/2bb8689835a4631622201299d531a24f28aad281" + FILE;
    static final String CURRENT = "https://github.com/openstack/nova/blob/d5c64e7aba09052601b59bf1297187d85da6b90b" + FILE;
    static TestServer server;
    static String base;

    /**
     * The shared writable server (the admin token is needed to be refused with a 409, not a 401):
     * this class writes nothing, and no other class sharing it imports a Nova matrix.
     */
    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared) {
        server = shared;
        base = server.base();
    }

    static JsonNode json(String path) throws Exception {
        var r = Fixtures.get(base + path);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    static JsonNode cell(String driver, String feature) throws Exception {
        JsonNode m = json("/api/platforms/OpenStack/features?driver=" + enc(driver) + "&feature=" + enc(feature));
        assertEquals(1, m.get("cells").size(), m.toString());
        return m.get("cells").get(0);
    }

    static List<String> history(JsonNode cell) {
        return cell.get("history").findValuesAsText("value");
    }

    @Test
    void theShippedReleasesLoadInReleaseOrderWithTheirSources() throws Exception {
        JsonNode m = json("/api/platforms/OpenStack/features");
        assertEquals(List.of("train", "2023.1", "2026.1"), m.get("releases").findValuesAsText("release"));
        assertEquals(List.of("2019-10-16", "2023-03-22", "2026-04-01"), m.get("releases").findValuesAsText("asOf"));
        assertEquals(List.of(TRAIN, ANTELOPE, CURRENT), m.get("releases").findValuesAsText("source"));
        assertEquals("2026.1", m.get("newestRelease").asText());
        // The number of driver values in each file (driver.X= lines inside feature sections), counted by hand:
        // train 885, 2023.1 696, 2026.1 649.
        assertEquals(649, count("/api/platforms/OpenStack/features?release=2026.1", null));
        assertEquals(696, count("/api/platforms/OpenStack/features?release=2023.1", "2023.1"));
        assertEquals(885, count("/api/platforms/OpenStack/features?release=train", "train"));
        // The shipped graphs are shipped data: the sync wrote them, as one change of kind sync.
        JsonNode changes = json("/api/changes?limit=100");
        boolean synced = false;
        for (JsonNode c : changes.get("items"))
            synced |= c.get("kind").asText().equals("sync") && c.get("summary").asText().contains("data/nova-2026.1.trig");
        assertTrue(synced, changes.toString());
    }

    /** Cells of the matrix as of {@code path}'s release that this release itself states. */
    static long count(String path, String release) throws Exception {
        JsonNode m = json(path);
        long n = 0;
        for (JsonNode c : m.get("cells")) if (release == null ? c.get("until").isNull() : c.at("/source/release").asText().equals(release) && c.get("until").isNull()) n++;
        return n;
    }

    @Test
    void libvirtLxcCannotLiveMigrateAndKvmAttachesVolumes() throws Exception {
        // [operation.live-migrate] driver.libvirt-lxc=missing: train line 469, 2023.1 line 434, 2026.1 line 411.
        JsonNode lxc = cell("libvirt-lxc", "operation.live-migrate");
        assertEquals("unsupported", lxc.get("answer").asText());
        assertEquals("missing", lxc.get("value").asText());
        assertEquals("train", lxc.get("since").asText());
        assertTrue(lxc.get("until").isNull());
        assertEquals(CURRENT, lxc.at("/source/address").asText());
        assertEquals("d5c64e7aba09052601b59bf1297187d85da6b90b", lxc.at("/source/commit").asText());
        assertEquals("2026.1", lxc.at("/source/release").asText());
        // [operation.attach-volume] driver.libvirt-kvm-x86=complete: train line 132, 2023.1 line 122, 2026.1 line 119.
        JsonNode kvm = cell("libvirt-kvm-x86", "operation.attach-volume");
        assertEquals("supported", kvm.get("answer").asText());
        assertEquals(List.of("complete", "complete", "complete"), history(kvm));
        // The driver is linked to the knowledge base's KVM.
        JsonNode drivers = json("/api/platforms/OpenStack/features?driver=libvirt-kvm-x86").get("drivers");
        assertEquals(1, drivers.size(), "the filter narrows the driver list too: " + drivers);
        assertEquals("KVM", drivers.get(0).get("technology").asText(), drivers.toString());
        JsonNode features = json("/api/platforms/OpenStack/features?feature=operation.attach-volume").get("features");
        assertEquals(1, features.size(), "and the feature list: " + features);
        // [operation.encrypted-volume] driver.libvirt-kvm-x86=complete, its note on 2026.1 line 1251: linked, not copied.
        JsonNode encrypted = cell("libvirt-kvm-x86", "operation.encrypted-volume");
        assertEquals("supported", encrypted.get("answer").asText());
        assertEquals(CURRENT + "#L1251", encrypted.get("caveatSource").asText());
    }

    @Test
    void valuesAndDriversThatChangedBetweenReleasesShowSinceAndUntil() throws Exception {
        // [console.vnc] driver.ironic: missing in train (line 1156) and 2023.1 (line 1069), partial in 2026.1 (line 1020, no note).
        JsonNode vnc = cell("ironic", "console.vnc");
        assertEquals("partial", vnc.get("answer").asText());
        assertEquals("2026.1", vnc.get("since").asText());
        assertTrue(vnc.get("until").isNull());
        assertEquals(List.of("missing", "missing", "partial"), history(vnc));
        assertTrue(vnc.has("caveat") && !vnc.has("caveatSource"), vnc.toString());
        // [operation.live-migrate] driver.xenserver=complete in train only (line 463): the XenServer driver ended with train.
        JsonNode xen = cell("xenserver", "operation.live-migrate");
        assertEquals("supported", xen.get("answer").asText());
        assertEquals("train", xen.get("since").asText());
        assertEquals("train", xen.get("until").asText());
        // driver.hyperv=complete in train (line 472) and 2023.1 (line 436); no Hyper-V driver in 2026.1.
        JsonNode hyperv = cell("hyperv", "operation.live-migrate");
        assertEquals("train", hyperv.get("since").asText());
        assertEquals("2023.1", hyperv.get("until").asText());
        assertEquals(ANTELOPE, hyperv.at("/source/address").asText());
    }

    @Test
    void everyPartialValueWithANoteHasVirtkgsOwnSummary() throws Exception {
        // A release refreshed or added without summaries for its notes fails here: reread the notes the
        // import warned about and add rows to nova-caveats.tsv (docs/data-sources.md).
        Map<String, Set<String>> summaries = new HashMap<>();
        for (NovaCaveats.Summary s : NovaCaveats.shipped().summaries())
            summaries.computeIfAbsent(s.driver() + " " + s.feature(), k -> new HashSet<>()).add(s.text());
        Set<String> used = new HashSet<>();
        Map<String, Integer> withNote = new LinkedHashMap<>(), withoutNote = new LinkedHashMap<>();
        for (String release : List.of("train", "2023.1", "2026.1")) {
            for (JsonNode c : json("/api/platforms/OpenStack/features?release=" + release).get("cells")) {
                if (!c.at("/source/release").asText().equals(release) || !c.get("value").asText().equals("partial")) continue;
                String key = c.get("driver").asText() + " " + c.get("feature").asText();
                if (c.has("caveatSource")) {
                    assertTrue(summaries.getOrDefault(key, Set.of()).contains(c.get("caveat").asText()),
                            "a partial value with a note but without virtkg's summary of it: " + c);
                    used.add(key + " " + c.get("caveat").asText());
                    withNote.merge(release, 1, Integer::sum);
                } else {
                    assertEquals(NovaCaveats.GENERIC_WITHOUT_NOTE, c.get("caveat").asText(), c.toString());
                    withoutNote.merge(release, 1, Integer::sum);
                }
            }
        }
        // Partial values with and without a note (driver-notes.DRIVER) in Nova's files, counted by hand:
        // train 9 and 1 (libvirt-vz-vm storage.block), 2023.1 8 and 3 (also vmware and hyperv
        // operation.cache-images), 2026.1 8 and 3 (vmware operation.cache-images, ironic console.vnc).
        assertEquals(Map.of("train", 9, "2023.1", 8, "2026.1", 8), withNote);
        assertEquals(Map.of("train", 1, "2023.1", 3, "2026.1", 3), withoutNote);
        // Every summary is some shipped note's: a row no release uses any more is noticed too.
        for (NovaCaveats.Summary s : NovaCaveats.shipped().summaries())
            assertTrue(used.contains(s.driver() + " " + s.feature() + " " + s.text()), "a summary of a note no shipped release has: " + s);

        // Selection by features shows the same summary, per driver and in its reason.
        JsonNode encrypted = cell("libvirt-kvm-x86", "operation.boot-encrypted-vm");
        assertEquals("partial", encrypted.get("answer").asText());
        assertTrue(summaries.get("libvirt-kvm-x86 operation.boot-encrypted-vm").contains(encrypted.get("caveat").asText()), encrypted.toString());
        var r = Fixtures.post(base + "/api/selection?limit=500&include=violated,unknown",
                "{\"platform\": \"OpenStack\", \"features\": [\"operation.boot-encrypted-vm\"]}", "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode kvm = null;
        for (JsonNode item : Json.MAPPER.readTree(r.body()).get("items")) if (item.at("/technology/id").asText().equals("KVM")) kvm = item;
        JsonNode verdict = kvm.get("requirements").get(0);
        JsonNode x86 = null;
        for (JsonNode d : verdict.get("drivers")) if (d.get("driver").asText().equals("libvirt-kvm-x86")) x86 = d;
        assertEquals(encrypted.get("caveat").asText(), x86.get("caveat").asText(), verdict.toString());
        assertEquals(encrypted.get("caveatSource").asText(), x86.get("caveatSource").asText());
        // x86 is KVM's only driver with any support for it (aarch64, ppc64, s390x: missing), so its caveat is the reason's.
        assertEquals("partial", verdict.get("answer").asText(), verdict.toString());
        assertTrue(verdict.get("reason").asText().contains(encrypted.get("caveat").asText()), verdict.toString());
    }

    @Test
    void aShippedReleaseCannotBeImportedOverButAnotherNameCan() throws Exception {
        long before = json("/api/changes?limit=1").at("/items/0/id").asLong();
        String fixture = java.nio.file.Files.readString(Fixtures.projectDir().resolve("src/test/resources/nova/fixture-1.ini"));
        var r = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/imports/nova-matrix?release=2026.1&source=" + enc(CURRENT)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(fixture)), "Content-Type", "text/plain", "Authorization", "Bearer " + ADMIN);
        assertEquals(409, r.statusCode(), r.body());
        assertJson(r).at("/detail").textContains("data/nova-2026.1.trig");
        assertEquals(before, json("/api/changes?limit=1").at("/items/0/id").asLong(), "nothing changed");
        assertEquals("2026.1", cell("libvirt-lxc", "operation.live-migrate").at("/source/release").asText());
        assertFalse(Fixtures.get(base + "/api/platforms/OpenStack/features?driver=libvirt-lxc-fx").statusCode() == 200);
    }
}
