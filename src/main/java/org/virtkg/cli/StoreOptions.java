package org.virtkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.virtkg.app.Setting;
import org.virtkg.app.Settings;
import org.virtkg.app.ShippedKnowledge;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.RemoteKnowledgeStore;
import org.virtkg.store.RemoteStoreSettings;
import org.virtkg.store.StoreException;
import org.virtkg.store.TdbKnowledgeStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --db DIR | --mem | --store-url URL}: which store a command works on, and
 * {@code --config FILE}: where the command's settings ({@link Setting}) come from besides flags
 * and environment variables. Every command that opens a store reads its settings the same way
 * ({@link #settings}), so {@code --store-timeout} of {@code load}, {@code query} or
 * {@code backup} comes from a flag, {@code VIRTKG_STORE_TIMEOUT} or the config file as it does for
 * {@code serve}.
 */
final class StoreOptions {
    /** Environment variable holding the remote store's password (kept out of the command line and `ps`). */
    static final String PASSWORD_ENV = "VIRTKG_STORE_PASSWORD";

    /** The command this mixin is part of: its parse result says which setting flags were given. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Settings file (key=value properties, or key: value YAML by the extension .yaml/.yml) with any",
                    "of the limits of docs/configuration.md; " + Settings.CONFIG_ENV + " may name it instead. A flag wins over its",
                    "environment variable (VIRTKG_<NAME>), which wins over the file."})
    Path configFile;

    /** The environment the settings are read from; tests give their own. */
    Map<String, String> environment = System.getenv();

    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    @ArgGroup(exclusive = false, heading = "Remote store (with --store-url):%n")
    Remote remote = new Remote();

    static final class Choice {
        @Option(names = "--db", paramLabel = "DIR",
                description = "TDB2 database directory (default: var/tdb2 in the project directory).")
        Path db;

        @Option(names = "--mem", description = "Use a throwaway store (TDB2 in a temporary directory, deleted on exit); nothing is kept.")
        boolean mem;

        @Option(names = "--store-url", paramLabel = "URL",
                description = "Keep every graph in this external SPARQL 1.1 store (e.g. a Fuseki dataset http://host:3030/ds); "
                        + "see docs/deployment.md.")
        String storeUrl;
    }

    static final class Remote {
        @Option(names = "--store-query-url", paramLabel = "URL",
                description = "The store's SPARQL query endpoint, when it is not --store-url (GraphDB: …/repositories/ID).")
        String queryUrl;

        @Option(names = "--store-update-url", paramLabel = "URL",
                description = "The store's SPARQL update endpoint, when it is not --store-url (GraphDB: …/repositories/ID/statements).")
        String updateUrl;

        @Option(names = "--store-user", paramLabel = "NAME",
                description = "User for HTTP Basic authentication; the password comes from " + PASSWORD_ENV
                        + " or --store-password-file.")
        String user;

        @Option(names = "--store-password-file", paramLabel = "FILE", description = "File whose first line is the store password.")
        Path passwordFile;

        /** Checked by {@link Settings} like every setting, whichever source gives it. */
        @Option(names = "--store-timeout", paramLabel = "SECONDS",
                description = "Longest one request to the store may take (default: 30; env VIRTKG_STORE_TIMEOUT).")
        String timeout;
    }

    /**
     * The settings of this invocation: the flags given, then {@link #environment}, then the config
     * file ({@code --config}, or the file {@link Settings#CONFIG_ENV} names), then the defaults. A
     * bad value from any source stops the command with a message naming the setting and its source.
     */
    Settings settings() {
        CommandLine.ParseResult parsed = command == null ? null : command.commandLine().getParseResult();
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            OptionSpec matched = parsed == null ? null : parsed.matchedOption(s.flag());
            if (matched != null && !matched.originalStringValues().isEmpty())
                flags.put(s, matched.originalStringValues().get(matched.originalStringValues().size() - 1));
        }
        return Settings.resolve(flags, environment, configFile);
    }

    KnowledgeStore open() {
        return open(line -> {});
    }

    /** {@code --mem}: a throwaway store that starts empty. */
    boolean isThrowaway() {
        return choice != null && choice.mem;
    }

    KnowledgeStore open(java.util.function.Consumer<String> progress) {
        return open(progress, null);
    }

    /**
     * For commands that only read ({@code query}, {@code backup}): the store, which must exist, and
     * is never an empty one. An embedded store's directory that holds none is refused rather than
     * created, so a mistyped or missing {@code --db} is said; {@code --mem} is a throwaway store
     * holding the shipped knowledge and its inferences, as {@code serve --mem} starts with: what a
     * query there is about, and what a backup of it holds.
     */
    KnowledgeStore openExisting() {
        if (choice == null || (!choice.mem && choice.storeUrl == null)) {
            Path db = embeddedDb().toAbsolutePath().normalize();
            if (!TdbKnowledgeStore.holdsStore(db))
                throw new StoreException("There is no virtkg store at " + db + ": name one with --db DIR (the directory 'virtkg serve --db DIR' "
                        + "or 'virtkg load --db DIR' wrote), or use --store-url URL, or --mem for a throwaway store holding the shipped knowledge");
        }
        KnowledgeStore opened = open();
        if (isThrowaway()) {
            try {
                KnowledgeBase.openDeferred(opened, Duration.ZERO, line -> {}).sync(ShippedKnowledge.locate(null).shippedData(line -> {}));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }
        return opened;
    }

    /** Opens the store; {@code settings} are the invocation's if already read, else they are read here when needed. */
    KnowledgeStore open(java.util.function.Consumer<String> progress, Settings settings) {
        if (choice != null && choice.storeUrl != null) {
            Duration timeout = (settings != null ? settings : settings()).duration(Setting.STORE_TIMEOUT);
            return RemoteKnowledgeStore.connect(remoteSettings(timeout), progress);
        }
        if (remote != null && (remote.queryUrl != null || remote.updateUrl != null || remote.user != null))
            throw new StoreException("--store-query-url, --store-update-url and --store-user need --store-url");
        if (choice != null && choice.mem) return TdbKnowledgeStore.inMemory();
        return TdbKnowledgeStore.open(embeddedDb());
    }

    /** The embedded store's directory: {@code --db}, or the project's {@code var/tdb2}. */
    private Path embeddedDb() {
        return choice != null && choice.db != null ? choice.db : Home.defaultDb();
    }

    private RemoteStoreSettings remoteSettings(Duration timeout) {
        Remote r = remote != null ? remote : new Remote();
        String password = null;
        if (r.user != null) {
            password = System.getenv(PASSWORD_ENV);
            if (r.passwordFile != null) {
                try {
                    password = Files.readAllLines(r.passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                } catch (IOException e) {
                    throw new StoreException("Cannot read the store password file " + r.passwordFile + ": " + e.getMessage(), e);
                }
            }
            if (password == null)
                throw new StoreException("--store-user " + r.user + " needs a password: set " + PASSWORD_ENV + " or --store-password-file");
        }
        try {
            return new RemoteStoreSettings(r.queryUrl != null ? r.queryUrl : choice.storeUrl,
                    r.updateUrl != null ? r.updateUrl : choice.storeUrl, r.user, password, timeout);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }
}
