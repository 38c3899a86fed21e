package org.virtkg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;

/**
 * One standalone Fuseki server for a whole test JVM: starting one takes seconds, and the contract
 * tests start dozens of virtkg servers. Its child process ends with the JVM (see
 * {@link ExternalFuseki}'s shutdown hook).
 */
public final class SharedFuseki {
    private static ExternalFuseki instance;

    private SharedFuseki() {}

    public static synchronized ExternalFuseki get() {
        if (instance == null || !instance.isAlive()) instance = ExternalFuseki.startInMemory(runArea());
        return instance;
    }

    /** A fresh temporary directory for a Fuseki server's run area (FUSEKI_BASE). */
    static Path runArea() {
        try {
            Path base = Files.createTempDirectory("virtkg-fuseki-");
            base.toFile().deleteOnExit();
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the dataset, so the next virtkg instance starts from a store it never saw. */
    public static synchronized void clear() {
        UpdateExecHTTP.service(get().datasetUrl()).update("DROP ALL").execute();
    }
}
