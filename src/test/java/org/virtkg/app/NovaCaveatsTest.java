package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.app.NovaMatrixImportTest.Value;
import static org.virtkg.app.NovaMatrixImportTest.read;
import static org.virtkg.testing.Fixtures.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.imports.NovaCaveats;
import org.virtkg.imports.NovaMatrix;
import org.virtkg.imports.NovaMatrixImport;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * A partial value's caveat is virtkg's own summary of Nova's note, chosen by driver, feature and
 * the note's digest: the fixture (fixture-1.ini) imported with a test table of summaries
 * (fixture-caveats.tsv, same format as the shipped table) into the real service, then read back
 * through the feature matrix. A note whose words changed must not keep the old summary. The
 * shipped releases' coverage is checked in {@link ShippedNovaReleasesTest}.
 */
class NovaCaveatsTest {
    static final Path TABLE = Fixtures.projectDir().resolve("src/test/resources/nova/fixture-caveats.tsv");
    static final String URL = "https://example.org/virtkg-fixtures/blob/3333333333333333333333333333333333333333/fixture-1.ini";
    static final String LXC = "libvirt-lxc-fx", LIVE = "operation.fx-live-migrate";
    static TestServer server;
    static String base;
    static Path scratch;

    @BeforeAll
    static void start() throws Exception {
        scratch = Files.createTempDirectory("virtkg-caveats-");
        // Without the shipped Nova releases: only the fixture's releases are in the matrix.
        server = TestServer.withShippedDataOnly(name -> !name.startsWith("nova-"), scratch, AccessTokens.none());
        base = server.base();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        try (var walk = Files.walk(scratch)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The test's own reading of the table: "driver feature" → [digest, summary]. */
    static Map<String, String[]> table() throws Exception {
        Map<String, String[]> out = new HashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            out.put(f[0] + " " + f[1], new String[] {f[2], f[3]});
        }
        return out;
    }

    /** Imports {@code text} as {@code release} with the test table, through the real write pipeline. */
    static List<String> importWithTable(String text, String release, String date) throws Exception {
        var conversion = new NovaMatrixImport(NovaMatrix.parse(text), new NovaMatrixImport.Release(release, URL, null, LocalDate.parse(date)),
                NovaCaveats.parse(Files.readString(TABLE), TABLE.getFileName().toString()));
        var r = conversion.apply(server.server().knowledgeBase(), "NovaCaveatsTest");
        assertTrue(r.changed(), release);
        return r.warnings();
    }

    static JsonNode cell(String release, String driver, String feature) throws Exception {
        var r = Fixtures.get(base + "/api/platforms/OpenStack/features?release=" + enc(release) + "&driver=" + enc(driver) + "&feature=" + enc(feature));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode m = Json.MAPPER.readTree(r.body());
        assertEquals(1, m.get("cells").size(), m.toString());
        JsonNode c = m.get("cells").get(0);
        assertEquals(release, c.at("/source/release").asText(), c.toString());
        return c;
    }

    @Test
    void aSummarisedNoteGetsItsSummaryTheOthersTheGenericSentence() throws Exception {
        var file = read(NovaMatrixImportTest.FIXTURE_1);
        var summaries = table();
        List<String> warnings = importWithTable(Files.readString(NovaMatrixImportTest.FIXTURE_1), "caveats-a", "2026-06-01");
        int specific = 0, unsummarised = 0, noNote = 0;
        List<String> expectedWarnings = new ArrayList<>();
        for (var section : file.entrySet())
            for (var kv : section.getValue().entrySet()) {
                if (!kv.getKey().startsWith("driver.") || !kv.getValue().text().equals("partial")) continue;
                String d = kv.getKey().substring("driver.".length()), f = section.getKey();
                Value note = section.getValue().get("driver-notes." + d);
                JsonNode c = cell("caveats-a", d, f);
                String[] row = summaries.get(d + " " + f);
                if (row != null) {
                    specific++;
                    assertEquals(row[1], c.get("caveat").asText(), "virtkg's summary of the note: " + c);
                    assertEquals(URL + "#L" + note.line(), c.get("caveatSource").asText(), "and the link to the note itself");
                } else if (note != null) {
                    unsummarised++;
                    assertEquals(NovaCaveats.GENERIC_WITH_NOTE, c.get("caveat").asText(), c.toString());
                    assertEquals(URL + "#L" + note.line(), c.get("caveatSource").asText());
                    expectedWarnings.add("line " + note.line() + ": the note on driver " + d + "'s partial value for " + f + " has no summary");
                } else {
                    noNote++;
                    assertEquals(NovaCaveats.GENERIC_WITHOUT_NOTE, c.get("caveat").asText(), c.toString());
                    assertFalse(c.has("caveatSource"), c.toString());
                }
            }
        assertEquals(List.of(1, 1, 2), List.of(specific, unsummarised, noNote), "the fixture has each kind of partial value");
        // The import says which notes went without a summary, by line.
        assertEquals(expectedWarnings.size(), warnings.size(), warnings.toString());
        for (int i = 0; i < warnings.size(); i++) assertTrue(warnings.get(i).startsWith(expectedWarnings.get(i)), warnings.get(i));
    }

    @Test
    void aChangedNoteFallsBackToTheGenericSentenceAndSaysSo() throws Exception {
        String text = Files.readString(NovaMatrixImportTest.FIXTURE_1);
        String before = "that run the same kernel.";
        assertTrue(text.contains(before));
        // Nova rewords the note: the summary of the old words must not be reused.
        String changed = text.replace(before, "that run the same kernel and the same CPU model.");
        List<String> warnings = importWithTable(changed, "caveats-b", "2026-07-01");
        int noteLine = read(NovaMatrixImportTest.FIXTURE_1).get(LIVE).get("driver-notes." + LXC).line();
        JsonNode c = cell("caveats-b", LXC, LIVE);
        assertEquals(NovaCaveats.GENERIC_WITH_NOTE, c.get("caveat").asText(), c.toString());
        assertEquals(URL + "#L" + noteLine, c.get("caveatSource").asText());
        String oldDigest = table().get(LXC + " " + LIVE)[0];
        String warning = warnings.stream().filter(w -> w.startsWith("line " + noteLine + ":")).findFirst().orElseThrow(() -> new AssertionError(warnings.toString()));
        assertTrue(warning.contains("is not the note summarised") && warning.contains("summarised " + oldDigest) && warning.contains("generic caveat"), warning);
        // The same words wrapped on other lines are the same note: the summary holds.
        String rewrapped = text.replace("only between hosts\n  that run", "only\n  between hosts that run");
        assertFalse(rewrapped.equals(text), "the fixture's note is wrapped where the test expects");
        importWithTable(rewrapped, "caveats-c", "2026-08-01");
        assertEquals(table().get(LXC + " " + LIVE)[1], cell("caveats-c", LXC, LIVE).get("caveat").asText());
    }

    @Test
    void aMalformedTableIsRefusedNamingItsLine() {
        String good = "# comment\n\nlibvirt-kvm-x86\toperation.snapshot\t0123456789abcdef\tA summary.\n";
        assertEquals(1, NovaCaveats.parse(good, "t.tsv").summaries().size());
        for (String[] bad : new String[][] {
                {"three fields", "libvirt-kvm-x86\toperation.snapshot\tA summary.\n"},
                {"a short digest", "libvirt-kvm-x86\toperation.snapshot\t0123abcd\tA summary.\n"},
                {"a feature in no group", "libvirt-kvm-x86\thardware.snapshot\t0123456789abcdef\tA summary.\n"},
                {"no full stop", "libvirt-kvm-x86\toperation.snapshot\t0123456789abcdef\tA summary\n"},
                {"a paragraph, not a sentence", "libvirt-kvm-x86\toperation.snapshot\t0123456789abcdef\t" + "Long words. ".repeat(20).strip() + "\n"},
                {"a row given twice", "libvirt-kvm-x86\toperation.snapshot\t0123456789abcdef\tAnother summary.\n"}}) {
            var e = assertThrows(NovaCaveats.FormatException.class, () -> NovaCaveats.parse(good + bad[1], "t.tsv"), bad[0]);
            assertTrue(e.getMessage().startsWith("t.tsv line 4:"), bad[0] + ": " + e.getMessage());
        }
    }
}
