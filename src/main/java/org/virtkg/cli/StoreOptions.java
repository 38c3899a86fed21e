package org.virtkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.virtkg.store.KnowledgeStore;
import org.virtkg.store.RemoteKnowledgeStore;
import org.virtkg.store.RemoteStoreSettings;
import org.virtkg.store.StoreException;
import org.virtkg.store.TdbKnowledgeStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --db DIR | --mem | --store-url URL}: which store a command works on. */
final class StoreOptions {
    /** Environment variable holding the remote store's password (kept out of the command line and `ps`). */
    static final String PASSWORD_ENV = "VIRTKG_STORE_PASSWORD";

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

        @Option(names = "--store-timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Longest one request to the store may take (default: ${DEFAULT-VALUE}).")
        double timeoutSeconds = 30;
    }

    KnowledgeStore open() {
        return open(line -> {});
    }

    /** {@code --mem}: a throwaway store that starts empty. */
    boolean isThrowaway() {
        return choice != null && choice.mem;
    }

    KnowledgeStore open(java.util.function.Consumer<String> progress) {
        if (choice != null && choice.storeUrl != null) return RemoteKnowledgeStore.connect(remoteSettings(), progress);
        if (remote != null && (remote.queryUrl != null || remote.updateUrl != null || remote.user != null))
            throw new StoreException("--store-query-url, --store-update-url and --store-user need --store-url");
        if (choice != null && choice.mem) return TdbKnowledgeStore.inMemory();
        Path db = choice != null && choice.db != null ? choice.db : Home.defaultDb();
        return TdbKnowledgeStore.open(db);
    }

    private RemoteStoreSettings remoteSettings() {
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
                    r.updateUrl != null ? r.updateUrl : choice.storeUrl, r.user, password,
                    Duration.ofMillis((long) (r.timeoutSeconds * 1000)));
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }
}
