package org.virtkg.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.virtkg.imports.NovaMatrix;
import org.virtkg.imports.NovaMatrixImport;
import org.virtkg.kb.AsOf;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code virtkg import …}: outside documents turned into sourced facts, one change each. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an outside document's facts as one change (validated, logged, revertable).",
        subcommands = ImportCommand.NovaMatrixCommand.class)
public final class ImportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "nova-matrix", mixinStandardHelpOptions = true,
            description = {"Import one release of OpenStack Nova's hypervisor feature support matrix (doc/source/user/support-matrix.ini).",
                    "Importing the same release again changes nothing; other releases are kept (support since / until)."})
    static final class NovaMatrixCommand implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "FILE", description = "The support-matrix.ini of one release.")
        Path file;

        @Option(names = "--release", required = true, paramLabel = "NAME", description = "The OpenStack release, e.g. train or 2026.1.")
        String release;

        @Option(names = "--source", required = true, paramLabel = "URL",
                description = "The address the file was read from (recorded with every fact, never fetched); a GitHub blob/{commit}/… address gives the commit.")
        String source;

        @Option(names = "--commit", paramLabel = "SHA", description = "The git commit the file was read at (default: taken from --source if it names one).")
        String commit;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "The date the facts hold for, e.g. the commit date, not after today (UTC) (default: the date of an earlier import "
                        + "of this release, else today).")
        String date;

        @Option(names = "--out", paramLabel = "FILE.trig",
                description = {"Write the conversion to FILE.trig instead of importing it into a store (no store is opened; needs --date).",
                        "This is how the releases shipped in data/nova-*.trig are made (docs/data-sources.md)."})
        Path out;

        @Override
        public Integer call() {
            if (out != null && date == null) {
                System.err.println("virtkg import nova-matrix: --out needs --date (the date the facts hold for)");
                return 2;
            }
            NovaMatrixImport.Release rel;
            try {
                rel = new NovaMatrixImport.Release(release, source, commit, date == null ? null : LocalDate.parse(date));
            } catch (NovaMatrixImport.DateAfterToday e) {
                System.err.println("virtkg import nova-matrix: nothing imported; --date " + e.date() + " " + AsOf.AFTER_TODAY);
                return 2;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                System.err.println("virtkg import nova-matrix: " + e.getMessage());
                return 2;
            }
            String text;
            try {
                if (Files.size(file) > NovaMatrix.MAX_FILE_BYTES) {
                    System.err.println("virtkg import nova-matrix: " + file + " is larger than " + NovaMatrix.MAX_FILE_BYTES + " bytes; not a support matrix");
                    return 2;
                }
                text = NovaMatrix.utf8(Files.readAllBytes(file));
            } catch (CharacterCodingException e) {
                System.err.println("virtkg import nova-matrix: " + file + " is not UTF-8 text");
                return 2;
            } catch (IOException e) {
                System.err.println("virtkg import nova-matrix: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            NovaMatrixImport conversion;
            try {
                conversion = new NovaMatrixImport(NovaMatrix.parse(text), rel);
            } catch (NovaMatrix.FormatException e) {
                System.err.println("virtkg import nova-matrix: nothing imported; " + file + ": " + e.getMessage());
                return 2;
            }
            if (out != null) {
                try (var o = Files.newOutputStream(out)) {
                    conversion.writeTrig(rel.date(), o);
                } catch (IOException e) {
                    System.err.println("virtkg import nova-matrix: cannot write " + out + ": " + e.getMessage());
                    return 2;
                }
                System.err.printf("virtkg import nova-matrix: release %s written to %s (graph <%s>)%n", rel.name(), out, rel.graph());
                for (String w : conversion.warnings()) System.err.println("virtkg import nova-matrix: warning: " + w);
                return 0;
            }
            try (KnowledgeStore opened = store.open(); KnowledgeBase kb = KnowledgeBase.openForOneChange(opened)) {
                var r = conversion.apply(kb, "virtkg import");
                if (r.changed())
                    System.err.printf("virtkg import nova-matrix: release %s as change %d into <%s>: %d drivers, %d features, %d values%n",
                            r.release(), r.changeId(), r.graph(), r.drivers(), r.features(), r.values());
                else
                    System.err.printf("virtkg import nova-matrix: release %s was already imported exactly so; nothing changed%n", r.release());
                for (String w : r.warnings()) System.err.println("virtkg import nova-matrix: warning: " + w);
                if (!r.unmappedDrivers().isEmpty())
                    System.err.println("virtkg import nova-matrix: drivers with no known technology: " + String.join(", ", r.unmappedDrivers()));
                return 0;
            } catch (NovaMatrixImport.ShippedReleaseException e) {
                System.err.println("virtkg import nova-matrix: nothing imported; " + e.getMessage());
                return 2;
            } catch (WriteRejectedException e) {
                System.err.println("virtkg import nova-matrix: nothing imported; refused (" + e.kind() + "): " + e.getMessage());
                for (String line : e.reportInWords()) System.err.println("  " + line);
                return 3;
            }
        }
    }

}
