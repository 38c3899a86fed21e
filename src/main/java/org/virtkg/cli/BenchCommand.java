package org.virtkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.virtkg.bench.ReasonBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench reason [--shared DIR] [--sizes 1,10] [--skip-jena]}: the LUBM reasoner benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchCommand.Reason.class, BenchCommand.SoakRun.class, BenchCommand.MatrixRun.class})
public class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench: choose a benchmark, e.g. 'bench reason' (see --help)");
        return 2;
    }

    /** A bounded load and soak run against a running server (loopback only). */
    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "N clients mix REST reads, SPARQL and product writes for a fixed time; then every acknowledged write is checked.")
    public static class SoakRun implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL (loopback). Default: ${DEFAULT-VALUE}")
        String url;

        @Option(names = "--token", required = true, description = "Editor or admin token of that server.")
        String token;

        @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients. Default: ${DEFAULT-VALUE}")
        int clients;

        @Option(names = "--seconds", defaultValue = "120", description = "Duration. Default: ${DEFAULT-VALUE}")
        int seconds;

        @Option(names = "--pid", defaultValue = "0", description = "Server process id, to sample its RSS from /proc.")
        long pid;

        @Option(names = "--id-prefix", defaultValue = "P", description = "Prefix of the product ids written. Default: ${DEFAULT-VALUE}")
        String idPrefix;

        @Option(names = "--baseline-seconds", defaultValue = "0", description = "First run the mix without writes this long, "
                + "as the read-only baseline (then: reads p99 with writes / without). Default: ${DEFAULT-VALUE}")
        int baselineSeconds;

        @Option(names = "--rate", defaultValue = "0", description = "Requests per second in all, each client on an "
                + "evenly spaced schedule, latencies counted from when a request was due; 0: every client sends its next "
                + "request as soon as it has an answer (the server saturated). Default: ${DEFAULT-VALUE}")
        double rate;

        @Option(names = "--warmup-seconds", defaultValue = "0", description = "First run the whole mix, writes included, this "
                + "long and count nothing of it (the server compiles its hot paths meanwhile). Default: ${DEFAULT-VALUE}")
        int warmupSeconds;

        @Option(names = "--writes", defaultValue = "create", description = "create: every write adds a new product (the "
                + "knowledge base grows by one per write); cycle: each client creates, replaces twice and deletes one product "
                + "at a time (it stays near its size). Default: ${DEFAULT-VALUE}")
        String writes;

        @Option(names = "--verify-url", description = "Check the acknowledged writes on this server instead "
                + "(another instance over the same remote store). Default: --url")
        String verifyUrl;

        @Override
        public Integer call() throws Exception {
            for (String u : verifyUrl == null ? java.util.List.of(url) : java.util.List.of(url, verifyUrl)) {
                if (!loopback(u)) {
                    System.err.println("soak: loopback targets only (127.0.0.1, localhost, ::1)");
                    return 2;
                }
            }
            if (!writes.equals("create") && !writes.equals("cycle")) {
                System.err.println("soak: --writes is create or cycle, not '" + writes + "'");
                return 2;
            }
            int failures = new org.virtkg.bench.Soak(url, token, clients, java.time.Duration.ofSeconds(seconds), pid)
                    .idPrefix(idPrefix).verifyAt(verifyUrl == null ? url : verifyUrl)
                    .baseline(java.time.Duration.ofSeconds(baselineSeconds)).rate(rate)
                    .warmup(java.time.Duration.ofSeconds(warmupSeconds)).cycleWrites(writes.equals("cycle")).run();
            return failures == 0 ? 0 : 1;
        }
    }

    /** Benchmarks load a server hard: only one on this machine. */
    static boolean loopback(String url) {
        String host = java.net.URI.create(url).getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host) || "[::1]".equals(host);
    }

    @Command(name = "matrix", mixinStandardHelpOptions = true,
            description = "The compatibility matrix right after a write, at the server's size and with N more products.")
    public static class MatrixRun implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Server base URL (loopback). Default: ${DEFAULT-VALUE}")
        String url;

        @Option(names = "--token", required = true, description = "Editor or admin token of that server.")
        String token;

        @Option(names = "--rounds", defaultValue = "30", description = "Write-then-read rounds per size. Default: ${DEFAULT-VALUE}")
        int rounds;

        @Option(names = "--extra", defaultValue = "1000", description = "Products added before the second size. Default: ${DEFAULT-VALUE}")
        int extra;

        @Override
        public Integer call() throws Exception {
            if (!loopback(url)) {
                System.err.println("matrix bench: loopback targets only (127.0.0.1, localhost, ::1)");
                return 2;
            }
            return new org.virtkg.bench.MatrixAfterWrite(url, token, rounds, extra).run(System.out);
        }
    }

    /** LUBM: our OWL 2 RL materialisation vs Jena OWLMicro. */
    @Command(name = "reason", mixinStandardHelpOptions = true,
            description = "LUBM closure, 14 queries, incremental add/remove; compared with Jena OWLMicro.")
    public static class Reason implements Callable<Integer> {
        @Option(names = "--shared", paramLabel = "DIR", description = "Shared inputs directory (holds bench/lubm). Default: ${DEFAULT-VALUE}")
        Path shared = Path.of(System.getProperty("virtkg.shared", "../shared"));

        @Option(names = "--sizes", split = ",", paramLabel = "N", description = "LUBM sizes to run. Default: 1,10")
        List<Integer> sizes = List.of(1, 10);

        @Option(names = "--skip-jena", description = "Do not run Jena OWLMicro.")
        boolean skipJena;

        @Option(names = "--jena-sizes", split = ",", paramLabel = "N", description = "Sizes on which to run Jena OWLMicro. Default: 1")
        List<Integer> jenaSizes = List.of(1);

        @Option(names = "--jena-timeout", paramLabel = "SECONDS", description = "Per-query time cap for Jena. Default: 60")
        int jenaTimeout = 60;

        @Override
        public Integer call() throws Exception {
            return ReasonBench.run(new ReasonBench.Options(shared, sizes, skipJena, Set.copyOf(jenaSizes), jenaTimeout), System.out);
        }
    }
}
