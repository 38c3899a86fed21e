package org.virtkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.Main;
import org.virtkg.app.VirtkgServer;
import org.virtkg.sparql.GuardedQuery;
import org.virtkg.testing.Fixtures;
import picocli.CommandLine;

/**
 * {@code virtkg serve} reads its limits from flags, environment variables and a config file, in
 * that order of precedence, and the limits take effect over HTTP on the real server.
 */
class ServeSettingsTest {
    @TempDir
    Path tmp;

    /** The serve command as the launcher builds it, parsed from {@code args}, reading {@code env}. */
    static ServeCommand serve(Map<String, String> env, String... args) {
        CommandLine cli = Main.commandLine();
        CommandLine serve = cli.getSubcommands().get("serve");
        java.util.List<String> full = new java.util.ArrayList<>(java.util.List.of("serve", "--mem", "--port", "0", "--host", "127.0.0.1",
                "--ontology", Fixtures.fixtureDir("ontology").toString(), "--data", Fixtures.fixtureDir("data").toString()));
        full.addAll(java.util.List.of(args));
        cli.parseArgs(full.toArray(String[]::new));
        ServeCommand cmd = serve.getCommand();
        cmd.environment = env;
        return cmd;
    }

    /** An empty selection (every pair, no requirements) padded with whitespace to 1.5 MiB. */
    static final String PADDED_JSON = "{" + " ".repeat(1_500_000) + "}";

    @Test
    void eachSourceSetsALimitAndAFlagBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
        Path config = tmp.resolve("virtkg.yaml");
        Files.writeString(config, """
                # rows: the flag and the environment both set them too; the flag wins
                max-rows: 5
                # upload: the environment wins over the file
                max-upload: 2
                # query text: only the file sets it
                max-query-length: 300
                # JSON bodies: above Javalin's own 1 MiB request size
                max-json: 2
                """);
        Map<String, String> env = Map.of("VIRTKG_MAX_ROWS", "4", "VIRTKG_MAX_UPLOAD", "1", "VIRTKG_ADMIN_TOKEN", ADMIN);
        try (VirtkgServer server = serve(env, "--config", config.toString(), "--max-rows", "3").start()) {
            String base = "http://127.0.0.1:" + server.port();

            var rows = get(base + "/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
            assertEquals(200, rows.statusCode(), rows.body());
            assertTrue(rows.headers().firstValue(GuardedQuery.TRUNCATED).orElse("").startsWith("true; rows=3;"),
                    "the flag's 3 rows, not the environment's 4 or the file's 5: " + rows.headers().map());

            String turtle = "<urn:x:a> <urn:x:p> \"" + "x".repeat(1_500_000) + "\" .\n";
            var upload = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/data?graph=" + enc("https://w3id.org/virtkg/graph/user/settings")))
                            .PUT(HttpRequest.BodyPublishers.ofString(turtle)),
                    "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
            assertEquals(413, upload.statusCode(), "1.5 MiB is over the environment's 1 MiB (the file allowed 2): " + upload.body());

            String longQuery = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(300);
            assertEquals(413, get(base + "/sparql?query=" + enc(longQuery)).statusCode(), "the file's 300 characters");
            assertEquals(200, get(base + "/sparql?query=" + enc("ASK { ?s ?p ?o }")).statusCode(), "a short query still runs");
            var json = Fixtures.post(base + "/api/selection", PADDED_JSON, "Content-Type", "application/json");
            assertEquals(200, json.statusCode(), "1.5 MiB of JSON is within the file's 2 MiB: " + json.body());
        }
    }

    @Test
    void aPropertiesFileWorksAndUnsetLimitsKeepTheirDefaults() throws Exception {
        Path config = tmp.resolve("virtkg.properties");
        Files.writeString(config, "# rows\nmax-rows = 2\n");
        try (VirtkgServer server = serve(Map.of(), "--config", config.toString()).start()) {
            String base = "http://127.0.0.1:" + server.port();
            var rows = get(base + "/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
            assertTrue(rows.headers().firstValue(GuardedQuery.TRUNCATED).orElse("").startsWith("true; rows=2;"), rows.headers().map().toString());
            String longQuery = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(5_000);
            assertEquals(200, get(base + "/sparql?query=" + enc(longQuery)).statusCode(), "max-query-length is still 100,000");
            assertEquals(413, Fixtures.post(base + "/api/selection", PADDED_JSON, "Content-Type", "application/json").statusCode(),
                    "max-json is still 1 MiB");
        }
    }

    @Test
    void aBadValueStopsStartUpNamingTheSettingTheSourceAndTheRange() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        CommandLine serve = cli.getSubcommands().get("serve");
        serve.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        ServeCommand cmd = serve.getCommand();
        cmd.environment = Map.of("VIRTKG_MAX_ACTIVE_READS", "0");
        int code = cli.execute("serve", "--mem", "--port", "0");
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.contains("max-active-reads") && text.contains("environment variable VIRTKG_MAX_ACTIVE_READS")
                && text.contains("from 1 to 100,000"), text);
        assertFalse(text.contains("at org.virtkg"), "no stack trace: " + text);
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedWithTheNearestName() throws Exception {
        Path config = tmp.resolve("virtkg.properties");
        Files.writeString(config, "max-rows=10\nmax-uplod=3\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.virtkg.app.Settings.Invalid.class,
                () -> serve(Map.of(), "--config", config.toString()).settings());
        assertTrue(e.getMessage().contains("\"max-uplod\"") && e.getMessage().contains("line 2")
                && e.getMessage().contains("did you mean max-upload"), e.getMessage());
    }

    @Test
    void theStoreTimeoutSharedWithTheOtherCommandsIsASettingOfServeToo() {
        var flag = serve(Map.of("VIRTKG_STORE_TIMEOUT", "9"), "--store-timeout", "5").settings();
        assertEquals(java.time.Duration.ofSeconds(5), flag.duration(org.virtkg.app.Setting.STORE_TIMEOUT));
        assertEquals("flag --store-timeout", flag.source(org.virtkg.app.Setting.STORE_TIMEOUT).toString());
        var env = serve(Map.of("VIRTKG_STORE_TIMEOUT", "9")).settings();
        assertEquals(java.time.Duration.ofSeconds(9), env.duration(org.virtkg.app.Setting.STORE_TIMEOUT));
    }

    @Test
    void everySettingIsAServeFlagAndTheHelpNamesItsVariable() {
        CommandLine serve = Main.commandLine().getSubcommands().get("serve");
        for (org.virtkg.app.Setting s : org.virtkg.app.Setting.values())
            assertTrue(serve.getCommandSpec().findOption(s.flag()) != null, s.flag());
        String help = serve.getUsageMessage();
        assertTrue(help.contains("--max-rows") && help.contains("VIRTKG_MAX_ROWS") && help.contains("--config"), help);
    }
}
