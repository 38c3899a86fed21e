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
        subcommands = BenchCommand.Reason.class)
public class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench: choose a benchmark, e.g. 'bench reason' (see --help)");
        return 2;
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
