package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.api.ChangeFeed;
import org.virtkg.api.Json;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.sparql.GuardedQuery;

/** Precedence, sources and messages of the settings table, and docs/configuration.md kept equal to it. */
class SettingsTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultsAreTheLimitsTheCodeHadBefore() {
        Settings d = Settings.defaults();
        ServerConfig old = ServerConfig.defaults();
        ServerConfig c = old.withSettings(d);
        assertEquals(old, c, "applying the default settings changes nothing");
        assertEquals(GuardedQuery.MAX_ROWS, c.maxRows());
        assertEquals(GuardedQuery.MAX_QUERY_LENGTH, c.maxQueryLength());
        assertEquals(Json.MAX_BODY_BYTES, c.maxJsonBytes());
        assertEquals(ChangeFeed.MAX_SUBSCRIBERS, c.maxChangeStreams());
        assertEquals(KnowledgeBase.MAX_BATCH, d.intValue(Setting.WRITE_BATCH));
        assertEquals(Duration.ofSeconds(30), d.duration(Setting.STORE_TIMEOUT));
        assertEquals(Duration.ZERO, d.duration(Setting.STORE_STALENESS));
        for (Setting s : Setting.values()) assertEquals("default", d.source(s).kind(), s.key());
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
        Path file = tmp.resolve("c.properties");
        Files.writeString(file, "query-timeout=4\nmax-rows=40\nmax-json=3\n");
        Settings s = Settings.resolve(Map.of(Setting.QUERY_TIMEOUT, "1.5"),
                Map.of("VIRTKG_QUERY_TIMEOUT", "2", "VIRTKG_MAX_ROWS", "20"), file);
        assertEquals(Duration.ofMillis(1500), s.duration(Setting.QUERY_TIMEOUT));
        assertEquals("flag --query-timeout", s.source(Setting.QUERY_TIMEOUT).toString());
        assertEquals(20, s.intValue(Setting.MAX_ROWS));
        assertEquals("environment variable VIRTKG_MAX_ROWS", s.source(Setting.MAX_ROWS).toString());
        assertEquals(3L << 20, s.bytes(Setting.MAX_JSON));
        assertEquals("config file " + file + " line 3", s.source(Setting.MAX_JSON).toString());
        assertEquals(16L << 20, s.bytes(Setting.MAX_UPLOAD));
        assertEquals("default", s.source(Setting.MAX_UPLOAD).toString());
    }

    @Test
    void theConfigFileMayBeNamedByTheEnvironment() throws Exception {
        Path file = tmp.resolve("c.yml");
        Files.writeString(file, "write-batch: 7\n");
        assertEquals(7, Settings.resolve(Map.of(), Map.of(Settings.CONFIG_ENV, file.toString()), null).intValue(Setting.WRITE_BATCH));
    }

    @Test
    void aBadValueNamesTheSettingItsSourceAndTheRange() throws Exception {
        var env = assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(), Map.of("VIRTKG_MAX_UPLOAD", "lots"), null));
        assertEquals("Invalid max-upload \"lots\" from environment variable VIRTKG_MAX_UPLOAD: not a whole number;"
                + " expected a whole number of MiB from 1 to 1,024 (see docs/configuration.md)", env.getMessage());

        var flag = assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(Setting.QUERY_TIMEOUT, "0"), Map.of(), null));
        assertTrue(flag.getMessage().contains("flag --query-timeout") && flag.getMessage().contains("out of range")
                && flag.getMessage().contains("from 0.001 to 86,400"), flag.getMessage());

        Path yaml = tmp.resolve("c.yaml");
        Files.writeString(yaml, "# limits\nmax-rows: 10\nmax-change-streams: 0\n");
        var file = assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(), Map.of(), yaml));
        assertTrue(file.getMessage().startsWith("Invalid max-change-streams \"0\" from config file " + yaml + " line 3: out of range"),
                file.getMessage());
    }

    @Test
    void theFileIsCheckedForUnknownKeysDuplicatesAndShape() throws Exception {
        Path p = tmp.resolve("c.properties");
        Files.writeString(p, "max-rows=10\nquery-timout=3\n");
        var unknown = assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(), Map.of(), p));
        assertTrue(unknown.getMessage().contains("Unknown setting \"query-timout\" in config file " + p + " line 2; did you mean query-timeout?"),
                unknown.getMessage());

        Files.writeString(p, "max-rows=10\n\nmax-rows=11\n");
        assertTrue(assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(), Map.of(), p)).getMessage()
                .contains("sets max-rows twice (lines 1 and 3)"));

        Path y = tmp.resolve("c.yaml");
        Files.writeString(y, "limits:\n  max-rows: 10\n");
        assertTrue(assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(), Map.of(), y)).getMessage()
                .contains("line 1: limits must be a single value"));

        Path missing = tmp.resolve("absent.yaml");
        assertTrue(assertThrows(Settings.Invalid.class, () -> Settings.resolve(Map.of(), Map.of(), missing)).getMessage()
                .startsWith("Cannot read the config file " + missing));
    }

    @Test
    void docsConfigurationHoldsTheTableOfTheCode() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        Matcher m = Pattern.compile("<!-- settings:begin[^>]*-->\\n(.*?)<!-- settings:end -->", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/configuration.md has the generated region");
        String expected = Settings.markdownTable();
        if (!expected.equals(m.group(1))) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/configuration-table.md"), expected);
        }
        assertEquals(expected, m.group(1), "docs/configuration.md differs from Setting/Settings.FIXED; the table of the code is in"
                + " target/configuration-table.md, paste it between the markers");
    }
}
