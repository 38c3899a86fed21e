package org.virtkg;

import org.virtkg.app.Version;
import org.virtkg.cli.BackupCommand;
import org.virtkg.cli.BenchCommand;
import org.virtkg.cli.ImportCommand;
import org.virtkg.cli.LoadCommand;
import org.virtkg.cli.QueryCommand;
import org.virtkg.cli.ReasonCommand;
import org.virtkg.cli.ServeCommand;
import org.virtkg.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code virtkg} command line: every entry point of the project, one subcommand each. */
@Command(name = "virtkg",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "A knowledge graph of open-source hypervisors and cloud platforms.",
        subcommands = {
                ServeCommand.class,
                LoadCommand.class,
                ImportCommand.class,
                QueryCommand.class,
                BackupCommand.class,
                ReasonCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        jvmDefaults(args.length > 0 && (args[0].equals("serve") || args[0].equals("bench")));
        int code = commandLine().execute(args);
        // serve returns only when the server has stopped; everything else exits with its code.
        System.exit(code);
    }

    static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String HTTP_CLIENT_KEEPALIVE = "jdk.httpclient.keepalive.timeout";
    /** Seconds an idle connection to a remote store is kept: below the common servers' idle timeouts. */
    static final String STORE_CONNECTION_IDLE_SECONDS = "10";

    /**
     * The JVM-wide properties a command runs with unless its command line sets them (a {@code -D}
     * still wins). Both are read once, so this runs before any logger or HTTP client exists.
     */
    static void jvmDefaults(boolean serving) {
        // A command's output is its own lines; the service's log (INFO) is for the server.
        if (!serving && System.getProperty(LOG_LEVEL) == null) System.setProperty(LOG_LEVEL, "warn");
        // The JDK's HTTP client keeps an idle connection 30 s, the idle timeout of Jetty and so of
        // Fuseki: a request to a remote store sent after about 30 s of quiet could go out on a
        // connection the store was closing that instant, and fail with the outcome unknown (seen in
        // a CI run against the test Fuseki). Dropping idle connections well before the common
        // servers' timeouts (Jetty 30 s, Tomcat 20 s) takes that race away; a reconnect costs one
        // handshake.
        if (System.getProperty(HTTP_CLIENT_KEEPALIVE) == null) System.setProperty(HTTP_CLIENT_KEEPALIVE, STORE_CONNECTION_IDLE_SECONDS);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                // A store that cannot be opened or reached, a bad setting or an unreadable tokens file
                // is the user's to fix: say why, no stack trace.
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (!(e instanceof StoreException || e instanceof org.virtkg.app.Settings.Invalid
                            || e instanceof org.virtkg.security.AccessTokens.UnreadableFile)) throw e;
                    cmd.getErr().println("virtkg: " + e.getMessage());
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"virtkg " + Version.current(), "Java " + Runtime.version()};
        }
    }
}
