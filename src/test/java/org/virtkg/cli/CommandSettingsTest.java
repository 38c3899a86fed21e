package org.virtkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtkg.Main;
import org.virtkg.app.Setting;
import picocli.CommandLine;

/**
 * The commands other than {@code serve} that open a store ({@code query}, {@code load},
 * {@code backup}, {@code import}) read {@code store-timeout} like {@code serve} reads every
 * setting: a flag, then {@code VIRTKG_STORE_TIMEOUT}, then the config file ({@code --config} or
 * {@code VIRTKG_CONFIG}), then the default; and the value read is the one the store client uses.
 */
class CommandSettingsTest {
    @TempDir
    Path tmp;

    /** The launcher's command line with {@code args} parsed; the named subcommand reads {@code env}. */
    static StoreOptions parsed(Map<String, String> env, String... args) {
        CommandLine cli = Main.commandLine();
        cli.parseArgs(args);
        Object command = cli.getSubcommands().get(args[0]).getCommand();
        StoreOptions store = switch (command) {
            case QueryCommand q -> q.store;
            case LoadCommand l -> l.store;
            case BackupCommand b -> b.store;
            default -> throw new AssertionError(args[0]);
        };
        store.environment = env;
        return store;
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheConfigFileForEveryStoreCommand() throws Exception {
        Path config = tmp.resolve("virtkg.yaml");
        Files.writeString(config, "store-timeout: 7\n");
        Path data = Files.writeString(tmp.resolve("d.ttl"), "");
        for (List<String> command : List.of(List.of("query", "q.rq"), List.of("load", data.toString()), List.of("backup", "--out=out.nq"))) {
            List<String> base = new ArrayList<>(command);
            base.addAll(List.of("--store-url", "http://127.0.0.1:9/ds", "--config", config.toString()));
            assertEquals(Duration.ofSeconds(7), parsed(Map.of(), base.toArray(String[]::new)).settings().duration(Setting.STORE_TIMEOUT),
                    command.get(0) + ": the file");
            var env = parsed(Map.of("VIRTKG_STORE_TIMEOUT", "3"), base.toArray(String[]::new)).settings();
            assertEquals(Duration.ofSeconds(3), env.duration(Setting.STORE_TIMEOUT), command.get(0) + ": the environment");
            assertEquals("environment variable VIRTKG_STORE_TIMEOUT", env.source(Setting.STORE_TIMEOUT).toString());
            List<String> withFlag = new ArrayList<>(base);
            withFlag.addAll(List.of("--store-timeout", "2"));
            assertEquals(Duration.ofSeconds(2), parsed(Map.of("VIRTKG_STORE_TIMEOUT", "3"), withFlag.toArray(String[]::new)).settings()
                    .duration(Setting.STORE_TIMEOUT), command.get(0) + ": the flag");
            // VIRTKG_CONFIG names the file when --config is not given.
            assertEquals(Duration.ofSeconds(7), parsed(Map.of("VIRTKG_CONFIG", config.toString()),
                    command.get(0), command.get(1), "--store-url", "http://127.0.0.1:9/ds").settings().duration(Setting.STORE_TIMEOUT));
        }
    }

    /**
     * End to end: a store that accepts the connection and never answers. With the timeout from the
     * environment, {@code virtkg query} gives up after it and says so in words; a bad value in
     * the environment stops the command before any request, naming the setting and its source.
     */
    @Test
    void theTimeoutFromTheEnvironmentIsTheOneTheStoreClientUsesAndABadOneIsRefusedInWords() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (Exception closed) {
                    // the test is over
                }
            });
            Path query = Files.writeString(tmp.resolve("q.rq"), "ASK {}");
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/ds";

            long started = System.nanoTime();
            var timedOut = run(Map.of("VIRTKG_STORE_TIMEOUT", "0.5"), "query", query.toString(), "--store-url", url);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(1, timedOut.code(), timedOut.err());
            assertTrue(timedOut.err().contains("no answer within the timeout"), timedOut.err());
            // Not a performance figure: the default (30 s) would still be waiting; the 0.5 s given took effect.
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "gave up after " + took);

            var bad = run(Map.of("VIRTKG_STORE_TIMEOUT", "soon"), "query", query.toString(), "--store-url", url);
            assertEquals(1, bad.code(), bad.err());
            assertTrue(bad.err().contains("store-timeout") && bad.err().contains("VIRTKG_STORE_TIMEOUT"), bad.err());
            assertTrue(!bad.err().contains("Exception"), bad.err());
            silent.close();
            acceptor.join();
            for (Socket s : held) s.close();
        }
    }

    record Outcome(int code, String err) {}

    static Outcome run(Map<String, String> env, String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        // The command object is the one execute() runs: hand it its environment first.
        QueryCommand query = cli.getSubcommands().get("query").getCommand();
        query.store.environment = env;
        int code = cli.execute(args);
        return new Outcome(code, err.toString());
    }
}
