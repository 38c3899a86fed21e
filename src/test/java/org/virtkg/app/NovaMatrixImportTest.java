package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.JsonAssert.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.imports.NovaCaveats;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * The importer over its own fixture (two "releases" written for virtkg in the format of Nova's
 * support-matrix.ini, test resources), over HTTP into the real service with the shipped data, then
 * asked about through the REST API and SPARQL. Expected figures are read from the fixture by this
 * test itself, with its own line scan, never written down. The fixture's releases are dated after
 * the shipped ones (the newest, 2026.1, is of 2026-04-01) so that they are the newest the matrix
 * knows, and before today, as every date must be; its drivers and features are its own, so the
 * shipped releases' cells never mix with them.
 */
class NovaMatrixImportTest {
    static final Path FIXTURE_1 = Fixtures.projectDir().resolve("src/test/resources/nova/fixture-1.ini");
    static final Path FIXTURE_2 = Fixtures.projectDir().resolve("src/test/resources/nova/fixture-2.ini");
    static final String COMMIT_1 = "1111111111111111111111111111111111111111";
    static final String COMMIT_2 = "2222222222222222222222222222222222222222";
    static final String URL_1 = "https://example.org/virtkg-fixtures/blob/" + COMMIT_1 + "/fixture-1.ini";
    static final String URL_2 = "https://example.org/virtkg-fixtures/blob/" + COMMIT_2 + "/fixture-2.ini";
    static final String DATE_1 = "2026-06-01", DATE_2 = "2026-07-01";
    static TestServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- the test's own reading of the file: section → (key → value, with its line) ----

    record Value(String text, int line) {}

    static Map<String, Map<String, Value>> read(Path ini) throws Exception {
        Map<String, Map<String, Value>> out = new LinkedHashMap<>();
        Map<String, Value> section = null;
        List<String> lines = Files.readAllLines(ini);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = Pattern.compile("^\\[(.+)]$").matcher(line);
            if (h.matches()) out.put(h.group(1), section = new LinkedHashMap<>());
            else if (section != null && line.matches("^[a-z][^=\\s]*=.*"))
                section.put(line.substring(0, line.indexOf('=')), new Value(line.substring(line.indexOf('=') + 1), i + 1));
        }
        return out;
    }

    static String value(Map<String, Map<String, Value>> m, String section, String key) {
        Value v = m.get(section).get(key);
        return v == null ? null : v.text();
    }

    static Set<String> driverKeys(Map<String, Map<String, Value>> m) {
        Set<String> out = new HashSet<>();
        for (String s : m.keySet()) if (s.startsWith("driver.")) out.add(s.substring("driver.".length()));
        return out;
    }

    static long features(Map<String, Map<String, Value>> m) {
        return m.keySet().stream().filter(s -> !s.startsWith("driver.")).count();
    }

    static long values(Map<String, Map<String, Value>> m) {
        return m.entrySet().stream().filter(e -> !e.getKey().startsWith("driver."))
                .mapToLong(e -> e.getValue().keySet().stream().filter(k -> k.startsWith("driver.")).count()).sum();
    }

    static String answerFor(String novaValue) {
        return switch (novaValue) {
            case "complete" -> "supported";
            case "partial" -> "partial";
            case "missing" -> "unsupported";
            default -> "unknown";
        };
    }

    // ---- HTTP ----

    static HttpResponse<String> importIni(String body, String query, String token, String type) {
        return Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/nova-matrix?" + query))
                .POST(HttpRequest.BodyPublishers.ofString(body)), "Content-Type", type, "Authorization", "Bearer " + token);
    }

    static JsonNode importFile(Path ini, String release, String url, String date) throws Exception {
        var r = importIni(Files.readString(ini), "release=" + enc(release) + "&source=" + enc(url) + "&date=" + date, ADMIN, "text/plain");
        return json(r, 200);
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static JsonNode cell(String driver, String feature) {
        JsonNode m = json(Fixtures.get(base + "/api/platforms/OpenStack/features?driver=" + enc(driver) + "&feature=" + enc(feature)), 200);
        assertEquals(1, m.get("cells").size(), m.toString());
        return m.get("cells").get(0);
    }

    static long newestChange() {
        return json(Fixtures.get(base + "/api/changes?limit=1"), 200).get("items").get(0).get("id").asLong();
    }

    static long sparqlCount(String where) {
        var r = Fixtures.get(base + "/sparql?query=" + enc("SELECT (COUNT(*) AS ?n) WHERE { " + where + " }"),
                "Accept", "application/sparql-results+json");
        return json(r, 200).at("/results/bindings/0/n/value").asLong();
    }

    static boolean ask(String pattern) {
        return VirtkgServerTest.askAt(base, pattern);
    }

    @Test
    void aReleaseImportsWithEveryDriverFeatureAndValueOfTheFile() throws Exception {
        var file = read(FIXTURE_2);
        Set<String> drivers = driverKeys(file);
        JsonNode r = importFile(FIXTURE_2, "fixture-2", URL_2, DATE_2);
        assertEquals(drivers.size(), r.get("drivers").asInt(), r.toString());
        assertEquals(features(file), r.get("features").asLong(), r.toString());
        assertEquals(values(file), r.get("values").asLong(), r.toString());
        assertEquals(values(file), sparqlCount("GRAPH <https://w3id.org/virtkg/source/nova/fixture-2> { ?s a <https://w3id.org/virtkg/ontology#FeatureSupport> }"));
        // The note for a driver no section declares is read, left out and reported with its line.
        int orphan = file.get("storage.fx-attach-volume").get("driver-notes.xenserver-fx").line();
        assertFalse(drivers.contains("xenserver-fx"));
        assertEquals(2, r.get("warnings").size(), r.toString());
        assertTrue(r.at("/warnings/0").asText().startsWith("line " + orphan + ":"), r.toString());
        // So is the note virtkg has no summary of (the fixture's drivers are its own): the generic caveat is used.
        int unsummarised = file.get("storage.fx-attach-volume").get("driver-notes.libvirt-vz-fx").line();
        assertTrue(r.at("/warnings/1").asText().startsWith("line " + unsummarised + ": the note on driver libvirt-vz-fx's partial value"), r.toString());
        // Drivers are linked to the knowledge base's technologies by their name; one maps to none.
        assertTrue(ask("<https://w3id.org/virtkg/id/nova-driver-libvirt-kvm-fx> <https://w3id.org/virtkg/ontology#driverFor> <https://w3id.org/virtkg/id/KVM>"));
        assertTrue(ask("<https://w3id.org/virtkg/id/nova-driver-libvirt-lxc-fx> <https://w3id.org/virtkg/ontology#driverFor> <https://w3id.org/virtkg/id/LXC>"));
        assertTrue(ask("<https://w3id.org/virtkg/id/nova-driver-libvirt-vz-fx> <https://w3id.org/virtkg/ontology#driverFor> <https://w3id.org/virtkg/id/Virtuozzo>"));
        assertFalse(ask("<https://w3id.org/virtkg/id/nova-driver-fx-unmapped> <https://w3id.org/virtkg/ontology#driverFor> ?t"));
        assertEquals(List.of("fx-unmapped"), Json.MAPPER.convertValue(r.get("unmappedDrivers"), List.class));
        // Drivers are components of OpenStack (through Nova), inferred.
        assertTrue(ask("<https://w3id.org/virtkg/id/nova-driver-libvirt-lxc-fx> <https://w3id.org/virtkg/ontology#partOf> <https://w3id.org/virtkg/id/OpenStack>"));

        // Every value of the file, as the matrix answers it: answer, Nova's value, caveat, note link, source.
        JsonNode all = json(Fixtures.get(base + "/api/platforms/OpenStack/features?release=fixture-2"), 200);
        Map<String, Integer> valuesSeen = new LinkedHashMap<>();
        int inRelease = 0;
        for (JsonNode cell : all.get("cells")) {
            String d = cell.get("driver").asText(), f = cell.get("feature").asText();
            if (!drivers.contains(d)) continue; // the shipped releases' drivers
            inRelease++;
            String v = value(file, f, "driver." + d);
            assertEquals(v, cell.get("value").asText(), cell.toString());
            assertEquals(answerFor(v), cell.get("answer").asText(), cell.toString());
            valuesSeen.merge(v, 1, Integer::sum);
            assertEquals(URL_2, cell.at("/source/address").asText());
            assertEquals(COMMIT_2, cell.at("/source/commit").asText(), "the commit is read from the address");
            assertEquals("fixture-2", cell.at("/source/release").asText());
            assertEquals(DATE_2, cell.at("/source/asOf").asText());
            assertEquals(v.equals("partial"), cell.has("caveat"), cell.toString());
            Value note = file.get(f).get("driver-notes." + d);
            if (v.equals("partial"))
                assertEquals(note == null ? NovaCaveats.GENERIC_WITHOUT_NOTE : NovaCaveats.GENERIC_WITH_NOTE, cell.get("caveat").asText(), cell.toString());
            if (note != null) assertEquals(URL_2 + "#L" + note.line(), cell.get("caveatSource").asText(), "the note's own line: " + cell);
            else assertFalse(cell.has("caveatSource"), cell.toString());
        }
        assertEquals(values(file), inRelease);
        assertEquals(Set.of("complete", "partial", "missing", "unknown"), valuesSeen.keySet(), "the fixture has every value");
        // Features: their group and status as the file states them, in the feature taxonomy.
        Set<String> groups = new HashSet<>();
        for (JsonNode f : all.get("features")) {
            String key = f.get("key").asText();
            if (!file.containsKey(key)) continue;
            String group = key.substring(0, key.indexOf('.'));
            groups.add(group);
            assertEquals(value(file, key, "status"), f.get("status").asText(), f.toString());
            assertEquals(value(file, key, "title"), f.get("title").asText(), f.toString());
            assertEquals(Character.toUpperCase(group.charAt(0)) + group.substring(1) + "Features", f.get("group").asText(), f.toString());
        }
        assertEquals(Set.of("operation", "console", "storage", "networking", "guest"), groups, "the fixture has every group");
        // Nova's prose is linked, not copied: no literal of the graph holds a note's words.
        String noteWords = value(file, "storage.fx-attach-volume", "driver-notes.libvirt-vz-fx");
        assertFalse(ask("GRAPH <https://w3id.org/virtkg/source/nova/fixture-2> { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), \"" + noteWords + "\")) }"));
    }

    @Test
    void importingTheSameReleaseTwiceChangesNothing() throws Exception {
        JsonNode first = importFile(FIXTURE_2, "fixture-2", URL_2, DATE_2);
        long version = newestChange();
        JsonNode again = importFile(FIXTURE_2, "fixture-2", URL_2, DATE_2);
        assertFalse(again.get("changed").asBoolean(), again.toString());
        assertTrue(again.get("change").isNull());
        assertEquals(version, newestChange(), "no change logged");
        assertEquals(first.get("values"), again.get("values"));
    }

    @Test
    void twoReleasesGiveSupportSinceAndUntil() throws Exception {
        importFile(FIXTURE_1, "fixture-1", URL_1, DATE_1);
        importFile(FIXTURE_2, "fixture-2", URL_2, DATE_2);
        var one = read(FIXTURE_1);
        var two = read(FIXTURE_2);
        // A driver the newer release dropped: its answers hold until the older one.
        Set<String> dropped = new HashSet<>(driverKeys(one));
        dropped.removeAll(driverKeys(two));
        assertEquals(Set.of("xenserver-fx"), dropped, "the fixture drops one driver");
        JsonNode gone = json(Fixtures.get(base + "/api/platforms/OpenStack/features?driver=xenserver-fx"), 200);
        long stated = one.values().stream().filter(s -> s.containsKey("driver.xenserver-fx")).count();
        assertEquals(stated, gone.get("total").asLong());
        for (JsonNode c : gone.get("cells")) {
            assertEquals("fixture-1", c.get("until").asText(), c.toString());
            assertEquals("fixture-1", c.get("since").asText(), c.toString());
        }
        // Every value of both releases: changed → since the newer release, with both in its history; unchanged → since the older.
        int changed = 0, unchanged = 0;
        for (var f : two.entrySet())
            for (var kv : f.getValue().entrySet()) {
                if (!kv.getKey().startsWith("driver.")) continue;
                String d = kv.getKey().substring("driver.".length());
                String old = one.containsKey(f.getKey()) ? value(one, f.getKey(), kv.getKey()) : null;
                JsonNode c = cell(d, f.getKey());
                assertEquals(answerFor(kv.getValue().text()), c.get("answer").asText(), c.toString());
                assertTrue(c.get("until").isNull(), c.toString());
                if (kv.getValue().text().equals(old)) {
                    unchanged++;
                    assertEquals("fixture-1", c.get("since").asText(), c.toString());
                } else {
                    assertEquals("fixture-2", c.get("since").asText(), c.toString());
                    if (old != null) {
                        changed++;
                        assertEquals(List.of(old, kv.getValue().text()), List.of(c.at("/history/0/value").asText(), c.at("/history/1/value").asText()));
                    }
                }
            }
        assertTrue(changed >= 2 && unchanged >= 2, "the fixture has changed and unchanged values: " + changed + ", " + unchanged);
        // As fixture-1 saw it: that release's values only (for the fixture's drivers).
        JsonNode asOfOne = json(Fixtures.get(base + "/api/platforms/OpenStack/features?release=fixture-1"), 200);
        long fixtureCells = 0;
        for (JsonNode c : asOfOne.get("cells")) {
            if (!driverKeys(one).contains(c.get("driver").asText())) continue;
            fixtureCells++;
            assertEquals(value(one, c.get("feature").asText(), "driver." + c.get("driver").asText()), c.get("value").asText(), c.toString());
        }
        assertEquals(values(one), fixtureCells);

        // Each release states what OpenStack supports: fixture-1 (June 2026) has a XenServer driver, fixture-2
        // (July 2026) has none. Both are kept as claims: disputed under view=all, the newest wins under view=current.
        assertTrue(ask("GRAPH <https://w3id.org/virtkg/source/nova/fixture-1> { <https://w3id.org/virtkg/id/OpenStack> <https://w3id.org/virtkg/ontology#supports> <https://w3id.org/virtkg/id/XenServer> }"));
        assertTrue(ask("GRAPH <https://w3id.org/virtkg/source/nova/fixture-2> { <https://w3id.org/virtkg/id/OpenStack> <https://w3id.org/virtkg/ontology#doesNotSupport> <https://w3id.org/virtkg/id/XenServer> }"));
        String q = base + "/api/compatibility?technology=XenServer&platform=OpenStack";
        JsonNode all = json(Fixtures.get(q), 200);
        assertEquals("disputed", all.get("status").asText(), all.toString());
        JsonNode now = json(Fixtures.get(q + "&view=current"), 200);
        assertEquals("unsupported", now.get("status").asText(), now.toString());
        assertEquals(DATE_2, now.get("asOf").asText(), now.toString());
        assertEquals(DATE_1, now.at("/against/asOf").asText(), now.toString());
        assertJson(now).at("/sources").hasTextBelowContaining("/source/nova/fixture-2");
        assertJson(now).at("/against/sources").hasTextBelowContaining("/source/nova/fixture-1");
        assertTrue(now.get("decidedBy").asText().contains("(as of " + DATE_2 + ") over"), now.toString());
    }

    /** A malformed variant of fixture-2: {@code from} replaced by {@code to}; {@code at} is the line the refusal must name. */
    record Malformed(String what, String from, String to, String at) {}

    @Test
    void malformedInputIsA400NamingTheLineAndChangesNothing() throws Exception {
        long version = newestChange();
        String text = Files.readString(FIXTURE_2);
        String query = "release=broken&source=" + enc(URL_2);
        for (Malformed m : List.of(
                new Malformed("a value Nova does not define", "driver.libvirt-lxc-fx=missing", "driver.libvirt-lxc-fx=sometimes", "driver.libvirt-lxc-fx=sometimes"),
                new Malformed("a value for an undeclared driver", "driver.libvirt-kvm-fx=complete", "driver.libvirt-kvm-fx=complete\ndriver.no-such-driver=complete", "driver.no-such-driver=complete"),
                new Malformed("an unknown status", "status=mandatory", "status=required", "status=required"),
                new Malformed("a section in no feature group", "[guest.fx-uefi]", "[hardware.fx-uefi]", "[hardware.fx-uefi]"),
                new Malformed("a driver section name with a space", "[driver.fx-unmapped]", "[driver.fx unmapped]", "[driver.fx unmapped]"),
                new Malformed("a section without title", "title=Fixture serial console\n", "", "[console.fx-serial]"),
                new Malformed("a section given twice", "[guest.fx-uefi]", "[console.fx-serial]", "[console.fx-serial]#2"),
                new Malformed("a key given twice", "title=Fixture UEFI boot", "title=Fixture UEFI boot\ntitle=again", "title=again"),
                new Malformed("a line that is no key=value", "title=Fixture UEFI boot", "title=Fixture UEFI boot\njust words", "just words"),
                new Malformed("a key that is no key", "title=Fixture UEFI boot", "title=Fixture UEFI boot\nbad key=1", "bad key=1"),
                new Malformed("two features with one id", "[guest.fx-uefi]", "[guest.fx.uefi]\ntitle=X\nstatus=optional\n\n[guest.fx-uefi]", "[guest.fx-uefi]"),
                new Malformed("an indented line continuing nothing", "# virtkg's own test fixture", "  dangling continuation\n# virtkg's own test fixture", "  dangling continuation"),
                new Malformed("a value before any section", "# virtkg's own test fixture", "title=early\n# virtkg's own test fixture", "title=early"))) {
            assertTrue(text.contains(m.from()), m.what());
            String bad = text.replaceFirst(Pattern.quote(m.from()), Matcher.quoteReplacement(m.to()));
            int line = m.at().endsWith("#2") ? lastLineOf(bad, m.at().substring(0, m.at().length() - 2)) : lineOf(bad, m.at());
            var r = importIni(bad, query, ADMIN, "text/plain");
            JsonNode p = json(r, 400);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), m.what());
            assertEquals(line, p.get("line").asInt(), m.what() + ": " + p);
            assertTrue(p.get("detail").asText().contains("line " + line), p.toString());
        }
        // Whole-file refusals have no line.
        JsonNode noFeatures = json(importIni("[driver.x]\ntitle=X\n", query, ADMIN, "text/plain"), 400);
        assertFalse(noFeatures.has("line"), noFeatures.toString());
        json(importIni("# only a comment\n", query, ADMIN, "text/plain"), 400);
        // Parameters, content type, roles, size.
        json(importIni(text, "release=bad/name&source=" + enc(URL_2), ADMIN, "text/plain"), 400);
        json(importIni(text, "release=ok&source=" + enc("file:///etc/passwd"), ADMIN, "text/plain"), 400);
        json(importIni(text, "release=ok&source=" + enc(URL_2) + "&date=yesterday", ADMIN, "text/plain"), 400);
        json(importIni(text, "release=ok&source=" + enc(URL_2) + "&commit=not-a-commit", ADMIN, "text/plain"), 400);
        json(importIni(text, "release=ok&source=" + enc(URL_2), ADMIN, "application/json"), 415);
        assertEquals(403, importIni(text, "release=ok&source=" + enc(URL_2), EDITOR, "text/plain").statusCode());
        assertEquals(401, Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/imports/nova-matrix?release=ok&source=" + enc(URL_2)))
                .POST(HttpRequest.BodyPublishers.ofString(text)), "Content-Type", "text/plain").statusCode());
        json(importIni("#".repeat(5 << 20), "release=ok&source=" + enc(URL_2), ADMIN, "text/plain"), 413);

        assertEquals(version, newestChange(), "nothing changed");
        assertFalse(ask("GRAPH <https://w3id.org/virtkg/source/nova/broken> { ?s ?p ?o }"));
        assertFalse(ask("GRAPH <https://w3id.org/virtkg/source/nova/ok> { ?s ?p ?o }"));
    }

    /**
     * A release dated after today would be the newest source of every pair it speaks of, and win
     * under view=current until that day came: refused like a claim's asOf after today (400, naming
     * the parameter), today itself (UTC, as for claims) being the last day accepted; nothing changes.
     */
    @Test
    void aDateAfterTodayIsRefusedAndChangesNothing() throws Exception {
        long version = newestChange();
        String text = Files.readString(FIXTURE_1);
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        for (String date : List.of("2099-05-05", tomorrow)) {
            var r = importIni(text, "release=future&source=" + enc(URL_1) + "&date=" + date, ADMIN, "text/plain");
            JsonNode p = json(r, 400);
            assertEquals("date", p.get("parameter").asText(), p.toString());
            assertTrue(p.get("detail").asText().contains("'date' " + date + " is after today"), p.toString());
            assertTrue(p.get("detail").asText().contains("nothing was changed"), p.toString());
        }
        assertEquals(version, newestChange(), "nothing changed");
        assertFalse(ask("GRAPH <https://w3id.org/virtkg/source/nova/future> { ?s ?p ?o }"));
        JsonNode now = json(Fixtures.get(base + "/api/compatibility?technology=XenServer&platform=OpenStack&view=current"), 200);
        assertFalse(now.toString().contains("2099"), now.toString());
    }

    @Test
    void anImportIsOneChangeThatCanBeReverted() throws Exception {
        var file = read(FIXTURE_1);
        JsonNode r = json(importIni(Files.readString(FIXTURE_1), "release=revert-me&source=" + enc("https://example.org/fixture-1.ini") + "&date=2026-08-01",
                ADMIN, "text/plain; charset=utf-8"), 200);
        assertEquals(values(file), r.get("values").asLong());
        long id = r.get("change").asLong();
        JsonNode change = json(Fixtures.get(base + "/api/changes/" + id), 200);
        assertEquals("import", change.get("kind").asText(), change.toString());
        JsonNode c = cell("libvirt-lxc-fx", "operation.fx-live-migrate");
        assertEquals("revert-me", c.at("/source/release").asText(), "the newest release answers");
        assertEquals(answerFor(value(file, "operation.fx-live-migrate", "driver.libvirt-lxc-fx")), c.get("answer").asText());
        assertEquals("https://example.org/fixture-1.ini#L" + file.get("operation.fx-live-migrate").get("driver-notes.libvirt-lxc-fx").line(),
                c.get("caveatSource").asText(), "the note's own line is linked");
        assertTrue(ask("GRAPH <https://w3id.org/virtkg/source/nova/revert-me> { ?s ?p ?o }"));
        // Users cannot write an import's graph by other means.
        var update = Fixtures.post(base + "/update", "DROP GRAPH <https://w3id.org/virtkg/source/nova/revert-me>",
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + ADMIN);
        assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, update.body());
        var revert = Fixtures.post(base + "/api/changes/" + id + "/revert", "", "Authorization", "Bearer " + ADMIN);
        assertEquals(200, revert.statusCode(), revert.body());
        assertFalse(ask("GRAPH <https://w3id.org/virtkg/source/nova/revert-me> { ?s ?p ?o }"));
    }

    static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        int i = lines.indexOf(line);
        assertTrue(i >= 0, line);
        return i + 1;
    }

    static int lastLineOf(String text, String line) {
        int i = text.lines().toList().lastIndexOf(line);
        assertTrue(i >= 0, line);
        return i + 1;
    }

    @Test
    void aPlatformWithoutAnImportedMatrixHasNoCellsAndUnknownFiltersAre400() {
        JsonNode m = json(Fixtures.get(base + "/api/platforms/OpenNebula/features"), 200);
        assertEquals(0, m.get("total").asInt());
        assertNull(m.get("newestRelease").textValue());
        json(Fixtures.get(base + "/api/platforms/KVM/features"), 404);
        json(Fixtures.get(base + "/api/platforms/OpenStack/features?release=no-such-release"), 400);
        json(Fixtures.get(base + "/api/platforms/OpenStack/features?driver=no-such-driver"), 400);
        json(Fixtures.get(base + "/api/platforms/OpenStack/features?feature=operation.no-such-feature"), 400);
    }
}
