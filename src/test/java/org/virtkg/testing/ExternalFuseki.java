package org.virtkg.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real standalone Fuseki server ({@code org.apache.jena:jena-fuseki-server}) in a child JVM, for
 * tests of code that talks to a remote SPARQL store over HTTP.
 *
 * <p>Maven copies the server jar to {@code target/fuseki/jena-fuseki-server.jar} (phase
 * {@code process-test-resources}) and Surefire passes its path in the system property
 * {@value #JAR_PROPERTY}. The jar is never put on the test classpath: it is shaded and would clash
 * with our own Jena and Jetty.
 *
 * <p>One dataset is served at {@code /ds} on the loopback interface, with SPARQL Query, SPARQL Update
 * and the Graph Store Protocol all at {@link #datasetUrl()}. The child runs
 * <pre>
 *   java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar jena-fuseki-server.jar --localhost --port P --update --mem /ds
 *   java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar jena-fuseki-server.jar --localhost --port P --update --tdb2 --loc DIR /ds
 * </pre>
 * with {@code FUSEKI_BASE} (Fuseki's run area: shiro.ini, config.ttl, logs) set to the directory the
 * caller gives, usually a JUnit {@code @TempDir}. {@code --update} matters for {@code --loc}: without it
 * a TDB2 dataset is served read-only ({@code --mem} is writable either way).
 *
 * <p>Readiness is read from the child's log, not guessed with sleeps: a daemon thread reads its merged
 * stdout/stderr line by line, keeps the last {@value #KEPT_LINES} lines for error messages, and
 * releases the starter when Fuseki logs {@code "INFO  Start Fuseki"}, which it does only after Jetty has
 * bound the port. If Fuseki logs {@code "Failed to bind port P"} (another process took the free port
 * we picked) the start is retried on a new port, a few times at most. A child that exits, or is not
 * ready within 60 s, fails the start with its output in the exception message.
 *
 * <p>Class data sharing: the child loads some thousands of classes from the shaded jar at each
 * start, seconds of a start on two busy cores. The first child of a build that is stopped with
 * {@link #close()} writes them to a CDS archive ({@code -XX:ArchiveClassesAtExit}, a file of its own,
 * then renamed into place whole) next to the jar, named after the jar's size and date; every later
 * start maps that archive ({@code -XX:SharedArchiveFile}) and is ready in about half the time
 * (measured 2026-11-27: 3.7-5.0 s without, 2.1-2.6 s with). The JVM checks the archive against
 * the jar and runs without it when they do not match, so it can make a start slower, never wrong.
 *
 * <p>Always {@link #close()} an instance (try-with-resources or {@code @AfterEach}); a JVM shutdown
 * hook also kills any child still running when the test JVM exits normally.
 */
public final class ExternalFuseki implements AutoCloseable {
    /** The system property Surefire sets to the server jar's path. */
    public static final String JAR_PROPERTY = "virtkg.fuseki.jar";
    /** The dataset's path on the server. */
    public static final String DATASET_PATH = "/ds";

    static final int KEPT_LINES = 200;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How long a child writing the CDS archive may take to exit: the dump takes seconds on two busy cores. */
    private static final Duration ARCHIVING_STOP_GRACE = Duration.ofSeconds(60);
    /** Set while one child of this JVM is to write the archive (one is enough). */
    private static final java.util.concurrent.atomic.AtomicBoolean ARCHIVING = new java.util.concurrent.atomic.AtomicBoolean();
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int PORT_ATTEMPTS = 5;
    /**
     * A small heap, and C1 only with the serial GC: starts about a second sooner on a 2-core machine.
     * 512 MB, not 256: the first sync of the shipped data (with the Nova releases, ~17,000 asserted
     * triples) is one update, and with 256 MB it took longer than the store timeout collecting garbage.
     */
    private static final List<String> CHILD_JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Logged by Fuseki 6 after Jetty started and bound its port, e.g. {@code [ts] Server     INFO  Start Fuseki}. */
    private static final Pattern READY = Pattern.compile("\\bINFO\\s+Start Fuseki\\s*$");
    /** Logged just before, e.g. {@code [ts] Server     INFO    Port:   http=41234}. */
    private static final Pattern PORT_LINE = Pattern.compile("\\bPort:\\s+http=(\\d+)");
    /** Logged when the port is taken, e.g. {@code [ts] Fuseki     ERROR Failed to bind port 41234 - ...}; the JVM then exits. */
    private static final Pattern BIND_FAILED = Pattern.compile("Failed to bind port (\\d+)");

    /** Children still running, killed by a shutdown hook if the test JVM exits without closing them. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "external-fuseki-reaper"));
    }

    /** What to start: the same spec restarts the same server. */
    private record Spec(Path jar, Path fusekiBase, Path tdb2Dir, Path passwordFile) {
        Spec(Path jar, Path fusekiBase, Path tdb2Dir) {
            this(jar, fusekiBase, tdb2Dir, null);
        }

        List<String> datasetArgs() {
            List<String> args = new ArrayList<>();
            if (passwordFile != null) args.addAll(List.of("--passwd=" + passwordFile, "--auth=basic"));
            args.addAll(tdb2Dir == null
                    ? List.of("--update", "--mem", DATASET_PATH)
                    : List.of("--update", "--tdb2", "--loc", tdb2Dir.toString(), DATASET_PATH));
            return args;
        }

        String describe() {
            return tdb2Dir == null ? "in-memory Fuseki" : "Fuseki over TDB2 " + tdb2Dir;
        }
    }

    private final Spec spec;
    private final int port;
    private final Process process;
    private final OutputReader output;
    /** The file this child writes its CDS archive to when it exits normally, or null. */
    private final Path archiving;
    private boolean archiveHandled;
    private boolean closed;

    private ExternalFuseki(Spec spec, int port, Process process, OutputReader output, Path archiving) {
        this.spec = spec;
        this.port = port;
        this.process = process;
        this.output = output;
        this.archiving = archiving;
    }

    /** Fuseki with one in-memory dataset at {@code /ds}; {@code fusekiBase} is its run area (e.g. a {@code @TempDir}). */
    public static ExternalFuseki startInMemory(Path fusekiBase) {
        return start(new Spec(serverJar(), fusekiBase, null), 0);
    }

    /** {@link #startInMemory(Path)} trying {@code preferredPort} first (for the harness's own port-retry test). */
    static ExternalFuseki startInMemory(Path fusekiBase, int preferredPort) {
        return start(new Spec(serverJar(), fusekiBase, null), preferredPort);
    }

    /**
     * {@link #startInMemory(Path)} behind HTTP Basic authentication: every request needs
     * {@code user}/{@code password} ({@code --passwd FILE --auth=basic}).
     */
    public static ExternalFuseki startInMemoryWithBasicAuth(Path fusekiBase, String user, String password) {
        try {
            Files.createDirectories(fusekiBase);
            Path passwd = fusekiBase.resolve("passwd");
            Files.writeString(passwd, user + ": " + password + "\n");
            return start(new Spec(serverJar(), fusekiBase, null, passwd.toAbsolutePath()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the password file in " + fusekiBase, e);
        }
    }

    /**
     * Fuseki with one TDB2 dataset at {@code /ds} stored in {@code tdb2Dir} (created when missing), so
     * data survives {@link #restart()} and a new start on the same directory.
     */
    public static ExternalFuseki startPersistent(Path fusekiBase, Path tdb2Dir) {
        try {
            // Fuseki refuses a --loc directory that does not exist yet.
            Files.createDirectories(tdb2Dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the TDB2 directory " + tdb2Dir, e);
        }
        return start(new Spec(serverJar(), fusekiBase, tdb2Dir.toAbsolutePath()), 0);
    }

    /** e.g. {@code http://127.0.0.1:41234/ds}: SPARQL Query, SPARQL Update and Graph Store Protocol. */
    public String datasetUrl() {
        return serverUrl() + DATASET_PATH;
    }

    /** e.g. {@code http://127.0.0.1:41234} ({@code --localhost} listens on 127.0.0.1 only). */
    public String serverUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the child printed (at most {@value #KEPT_LINES}), for assertion messages. */
    public String output() {
        return output.text();
    }

    /** Kills the child at once (SIGKILL), as a crash would, and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(process, KILL_WAIT);
        LIVE.remove(process);
        archived(); // killed: no archive; another child may write it
    }

    /** Asks the child to stop (SIGTERM), kills it after a few seconds if it has not; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(process, archiving != null ? ARCHIVING_STOP_GRACE : STOP_GRACE)) {
                process.destroyForcibly();
                awaitExit(process, KILL_WAIT);
            }
        }
        LIVE.remove(process);
        archived();
    }

    /** If this child was to write the CDS archive: puts a written one in place, and lets another child try if none was. */
    private synchronized void archived() {
        if (archiving == null || archiveHandled) return;
        archiveHandled = true;
        try {
            if (!process.isAlive() && process.exitValue() != 137 && Files.size(archiving) > 0 && archive(spec.jar()) != null) {
                Files.move(archiving, archive(spec.jar()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return; // later starts map it; ARCHIVING stays set
            }
        } catch (IOException | IllegalThreadStateException e) {
            // No archive this time: starts stay as they were.
        }
        abandon(archiving);
    }

    /**
     * The CDS archive for {@code jar}: next to it, named after its size and modification time so
     * that a new jar never meets an old archive; null when the jar cannot be read.
     */
    static Path archive(Path jar) {
        try {
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + Files.size(jar) + "-"
                    + Files.getLastModifiedTime(jar).toMillis() + ".jsa";
            return jar.toAbsolutePath().resolveSibling(name);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Stops this server (if {@link #kill()} has not already) and starts a new one on the same TDB2
     * directory, on the same port when it is still free, else on a new one. Only for
     * {@link #startPersistent}: an in-memory dataset would come back empty. Use the returned instance;
     * this one stays closed.
     */
    public ExternalFuseki restart() {
        if (spec.tdb2Dir() == null) {
            throw new IllegalStateException("restart() is for startPersistent(); an in-memory Fuseki would come back empty");
        }
        close();
        return start(spec, port);
    }

    @Override
    public String toString() {
        return spec.describe() + " at " + datasetUrl() + (process.isAlive() ? "" : " (stopped)");
    }

    // ---------------------------------------------------------------------------------------------

    /** The server jar named by {@value #JAR_PROPERTY}, or an exception that says how to get it. */
    static Path serverJar() {
        return serverJar(System.getProperty(JAR_PROPERTY));
    }

    static Path serverJar(String property) {
        String how = "Maven fetches org.apache.jena:jena-fuseki-server and copies it to target/fuseki/jena-fuseki-server.jar"
                + " in phase process-test-resources: run the tests with ./virtkg test (or once ./mvnw process-test-resources"
                + " and, outside Maven, pass -D" + JAR_PROPERTY + "=<that path>).";
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("The standalone Fuseki server jar is not known: system property "
                    + JAR_PROPERTY + " is not set. " + how);
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The standalone Fuseki server jar is missing: " + jar + " (from "
                    + JAR_PROPERTY + "). " + how);
        }
        return jar;
    }

    /** Starts on {@code preferredPort} (0: any free one), moving to new free ports when the port is taken. */
    private static ExternalFuseki start(Spec spec, int preferredPort) {
        List<String> triedPorts = new ArrayList<>();
        int candidate = preferredPort;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = candidate > 0 ? candidate : freePort();
            candidate = 0;
            ExternalFuseki fuseki = tryStart(spec, port);
            if (fuseki != null) {
                return fuseki;
            }
            triedPorts.add(String.valueOf(port));
        }
        throw new IllegalStateException(spec.describe() + " could not bind a port in " + PORT_ATTEMPTS
                + " attempts (tried " + String.join(", ", triedPorts) + ")");
    }

    /** The started server, or null when Fuseki reported that the port was taken; throws on anything else. */
    private static ExternalFuseki tryStart(Spec spec, int port) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(CHILD_JVM_FLAGS);
        Path archive = archive(spec.jar());
        Path archiving = null;
        if (archive != null && Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (archive != null && ARCHIVING.compareAndSet(false, true)) {
            archiving = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-" + port + ".tmp");
            command.add("-XX:ArchiveClassesAtExit=" + archiving);
        }
        command.addAll(List.of("-jar", spec.jar().toString(), "--localhost", "--port", String.valueOf(port)));
        command.addAll(spec.datasetArgs());

        Process process;
        try {
            Files.createDirectories(spec.fusekiBase());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.fusekiBase().toFile())
                    .redirectErrorStream(true);
            builder.environment().put("FUSEKI_BASE", spec.fusekiBase().toAbsolutePath().toString());
            builder.environment().remove("FUSEKI_HOME");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
        LIVE.add(process);
        try {
            process.getOutputStream().close(); // Fuseki reads no input
        } catch (IOException ignored) {
            // Nothing was written; a failed close changes nothing.
        }
        OutputReader output = new OutputReader(process, port);
        output.start();

        try {
            output.ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ExternalFuseki(spec, port, process, output, archiving);
        } catch (TimeoutException e) {
            stop(process);
            abandon(archiving);
            throw new IllegalStateException(spec.describe() + " on port " + port + " did not log \"Start Fuseki\" within "
                    + READY_TIMEOUT.toSeconds() + " s.\nCommand: " + String.join(" ", command) + "\n" + output.report(), e);
        } catch (InterruptedException e) {
            stop(process);
            abandon(archiving);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + spec.describe(), e);
        } catch (ExecutionException e) {
            // The child printed its last line and closed its output: it has exited (or is about to).
            boolean exited = awaitExit(process, Duration.ofSeconds(2));
            stop(process);
            abandon(archiving);
            if (output.bindFailed()) {
                return null;
            }
            String status = exited ? "exited with code " + process.exitValue() : "closed its output";
            throw new IllegalStateException(spec.describe() + " on port " + port + " " + status + " before it was ready"
                    + (e.getCause() instanceof FailedStart f ? " (" + f.getMessage() + ")" : "")
                    + ".\nCommand: " + String.join(" ", command) + "\n" + output.report(), e.getCause());
        }
    }

    /** A child that was to write the CDS archive failed to start: drop its file, let another child try. */
    private static void abandon(Path archiving) {
        if (archiving == null) return;
        try {
            Files.deleteIfExists(archiving);
        } catch (IOException ignored) {
            // A leftover temporary file in target/ changes nothing.
        }
        ARCHIVING.set(false);
    }

    private static void stop(Process process) {
        process.destroyForcibly();
        awaitExit(process, KILL_WAIT);
        LIVE.remove(process);
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The test JVM's own java, so the child runs on the same JDK. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A port that was free a moment ago; Fuseki may still lose it to someone else, hence the retries. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Why the readiness future failed. */
    private static final class FailedStart extends Exception {
        FailedStart(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Drains the child's merged output for its whole life (so a chatty child never blocks on a full
     * pipe), keeps the last lines, and completes {@link #ready} on the readiness line or fails it when
     * the output ends first.
     */
    private static final class OutputReader extends Thread {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final Process process;
        private final int port;
        private final ArrayDeque<String> lines = new ArrayDeque<>();
        private volatile boolean bindFailed;
        private volatile int loggedPort = -1;

        OutputReader(Process process, int port) {
            super("external-fuseki-" + port + "-output");
            setDaemon(true);
            this.process = process;
            this.port = port;
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    keep(line);
                    if (ready.isDone()) {
                        continue;
                    }
                    Matcher portLine = PORT_LINE.matcher(line);
                    if (portLine.find()) {
                        loggedPort = Integer.parseInt(portLine.group(1));
                    }
                    if (BIND_FAILED.matcher(line).find()) {
                        bindFailed = true;
                    } else if (READY.matcher(line).find()) {
                        if (loggedPort == -1 || loggedPort == port) {
                            ready.complete(null);
                        } else {
                            ready.completeExceptionally(new FailedStart("Fuseki logged port " + loggedPort
                                    + ", not the requested " + port));
                        }
                    }
                }
            } catch (IOException e) {
                // The stream closes under us when the process is destroyed; nothing more to read.
            } finally {
                ready.completeExceptionally(new FailedStart(bindFailed ? "port taken" : "output ended"));
            }
        }

        private synchronized void keep(String line) {
            if (lines.size() == KEPT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        boolean bindFailed() {
            return bindFailed;
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        String report() {
            String text = text();
            return text.isEmpty() ? "(Fuseki printed nothing)" : "Last lines from Fuseki:\n" + text;
        }
    }
}
