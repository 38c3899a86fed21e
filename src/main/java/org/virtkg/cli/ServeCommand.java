package org.virtkg.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.virtkg.app.ServerConfig;
import org.virtkg.app.Setting;
import org.virtkg.app.Settings;
import org.virtkg.app.ShippedKnowledge;
import org.virtkg.app.VirtkgServer;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.security.AccessTokens;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.ShippedData;
import org.virtkg.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code virtkg serve}: load or re-sync the shipped graphs, then serve HTTP until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, modelTransformer = ServeCommand.SettingOptions.class,
        description = {"Serve the SPARQL endpoints, REST API and web UI on one port.",
                "The store is first synced with the shipped ontology/ and data/ (inside the jar, or --knowledge DIR);",
                "user graphs are never touched."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--knowledge", paramLabel = "DIR",
            description = {"Folder with ontology/, data/ and queries/ to serve instead of the copies inside the jar",
                    "(the launcher uses the project's own folders)."})
    Path knowledgeDir;

    @Option(names = "--ontology", paramLabel = "DIR", description = "Ontology folder (default: ontology/ of the knowledge).")
    Path ontologyDir;

    @Option(names = "--data", paramLabel = "DIR", description = "Seed data folder (default: data/ of the knowledge).")
    Path dataDir;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Properties file with admin=… and editor=… tokens (docs/security.md, Tokens file); VIRTKG_ADMIN_TOKEN / VIRTKG_EDITOR_TOKEN win.")
    Path tokensFile;



    /** The environment the settings and the tokens are read from; tests give their own. */
    Map<String, String> environment = System.getenv();

    /**
     * Adds one option per {@link Setting} that the command does not declare itself (only
     * {@code --store-timeout} is, in {@link StoreOptions}, shared with the other commands). The
     * options are strings: {@link Settings} checks them, so a bad value is reported the same way
     * whichever source gave it.
     */
    public static final class SettingOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (Setting s : Setting.values()) {
                if (spec.findOption(s.flag()) != null) continue;
                spec.addOption(OptionSpec.builder(s.flag()).paramLabel(s.unit() == Setting.Unit.SECONDS ? "SECONDS"
                                : s.unit() == Setting.Unit.MILLIS ? "MILLIS" : s.unit() == Setting.Unit.MIB ? "MIB" : "N")
                        .type(String.class)
                        .description(s.description() + " (default: " + s.documentedDefault() + "; range " + s.range()
                                + "; env " + s.envVar() + ").")
                        .build());
            }
            return spec;
        }
    }

    /** The settings of this invocation: flags, then {@link #environment}, then the config file, then defaults. */
    Settings settings() {
        store.environment = environment;
        return store.settings();
    }

    @Override
    public Integer call() {
        VirtkgServer server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM / Ctrl-C: stop taking requests, then close the store so it reopens cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("virtkg: stopping");
            server.close();
            stopped.countDown();
        }, "virtkg-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Reads the settings, opens and syncs the store, and starts the server (which closes the store when it is closed). */
    VirtkgServer start() {
        // Settings first: a bad limit stops start-up before the store is opened.
        Settings settings = settings();
        AccessTokens tokens = AccessTokens.fromEnvironment(environment, tokensFile);
        ShippedKnowledge knowledgeFiles = ShippedKnowledge.locate(knowledgeDir);
        System.err.println("virtkg: shipped knowledge from " + knowledgeFiles.origin());
        KnowledgeStore kb = store.open(line -> System.err.println("virtkg: " + line), settings);
        KnowledgeBase knowledge;
        try {
            knowledge = KnowledgeBase.openDeferred(kb, settings.duration(Setting.STORE_STALENESS),
                    settings.intValue(Setting.WRITE_BATCH),
                    line -> System.err.println("virtkg: " + line));
            // The shipped files are one change through the write pipeline: validated, reasoned
            // over, and in /api/changes with kind "sync" (with the stored conclusions, if a new
            // version of the rules changed them).
            ShippedData shipped = new ShippedData(
                    ontologyDir != null ? ontologyDir : knowledgeFiles.ontology(),
                    dataDir != null ? dataDir : knowledgeFiles.data(),
                    line -> System.err.println("virtkg: " + line));
            ShippedData.Report report = knowledge.sync(shipped);
            if (knowledge.isEmpty())
                throw new StoreException("Nothing to serve: no ontology was found in " + (ontologyDir != null ? ontologyDir
                        : knowledgeFiles.ontology()) + " and the store holds none; the knowledge base would be empty");
            System.err.printf("virtkg: shipped data %s (%d file(s) loaded, %d unchanged, %d removed)%n",
                    report.changed() ? "synced" : "up to date",
                    report.loaded().size(), report.unchanged().size(), report.removed().size());
        } catch (WriteRejectedException e) {
            kb.close();
            throw new StoreException("The files in ontology/ and data/ were refused, so the store was left as it was: "
                    + e.getMessage() + (e.report().isEmpty() ? "" : ":\n  " + String.join("\n  ", e.reportInWords()))
                    + "\nThe graphs named are where each statement is; one the store held before (loaded or written earlier) must go"
                    + " before these files can be served over it, or serve another --db.");
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
        ServerConfig config = ServerConfig.defaults().withQueriesDir(knowledgeFiles.queries()).withHost(host).withPort(port)
                .withTokens(tokens).withSettings(settings);
        VirtkgServer server = VirtkgServer.start(config, knowledge);
        if (!tokens.writesEnabled())
            System.err.println("virtkg: no access token configured; writes are disabled (set VIRTKG_ADMIN_TOKEN to enable)");
        System.err.printf("virtkg: ready on http://%s:%d/%n", "0.0.0.0".equals(host) ? "localhost" : host, server.port());
        return server;
    }
}
