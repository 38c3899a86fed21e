package org.virtkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.virtkg.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code virtkg backup} (alias {@code export}): a consistent N-Quads snapshot of every graph; of
 * the shipped knowledge with {@code --mem}, as {@code query --mem} answers from it.
 */
@Command(name = "backup", aliases = "export", mixinStandardHelpOptions = true,
        description = {"Write an N-Quads snapshot of every graph, read in one transaction.",
                "With --mem: of the shipped knowledge and its inferences, in a throwaway store (what 'serve --mem' starts with).",
                "Restore it with 'virtkg load --db NEWDIR FILE'."})
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (.nq or .nq.gz); default: stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (KnowledgeStore kb = store.openExisting()) {
            if (out == null) {
                kb.backup(System.out);
                System.out.flush();
                return 0;
            }
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            try (OutputStream os = open(tmp)) {
                kb.backup(os);
            }
            // Only a complete snapshot takes the final name.
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.err.println("virtkg backup: wrote " + out);
            return 0;
        }
    }

    private static OutputStream open(Path p) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        return p.toString().endsWith(".gz.part") ? new GZIPOutputStream(os, 1 << 16) : os;
    }
}
