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
        // A command's output is its own lines; the service's log (INFO) is for the server. Set before
        // any logger exists (slf4j-simple reads it once); a -D on the command line still wins.
        boolean serving = args.length > 0 && (args[0].equals("serve") || args[0].equals("bench"));
        if (!serving && System.getProperty(LOG_LEVEL) == null) System.setProperty(LOG_LEVEL, "warn");
        // The JDK's HTTP client keeps an idle connection 30 s, the idle timeout of Jetty and so of
        // Fuseki: a request to a remote store sent after about 30 s of quiet could go out on a
        // connection the store was closing that instant, and fail with the outcome unknown (seen in
        // a CI run). Dropping idle connections well before any common server timeout (Jetty 30 s,
        // Tomcat 20 s) takes that race away; a reconnect costs one handshake. Read once, when the
        // first client is built, so set before any; a -D on the command line still wins.
        if (System.getProperty(HTTP_CLIENT_KEEPALIVE) == null) System.setProperty(HTTP_CLIENT_KEEPALIVE, STORE_CONNECTION_IDLE_SECONDS);
        int code = commandLine().execute(args);
        // serve returns only when the server has stopped; everything else exits with its code.
        System.exit(code);
    }

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String HTTP_CLIENT_KEEPALIVE = "jdk.httpclient.keepalive.timeout";
    /** Seconds an idle connection to a remote store is kept: below the common servers' idle timeouts. */
    static final String STORE_CONNECTION_IDLE_SECONDS = "10";

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                // A store that cannot be opened or reached, or a bad setting, is the user's to fix: say why, no stack trace.
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (!(e instanceof StoreException || e instanceof org.virtkg.app.Settings.Invalid)) throw e;
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
