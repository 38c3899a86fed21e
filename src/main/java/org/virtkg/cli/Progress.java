package org.virtkg.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/**
 * Counts what flows through an RDF stream and, once a load has run for more than a second, prints
 * a progress line to stderr every second, so a long load never looks hung.
 */
final class Progress extends StreamRDFWrapper {
    private final PrintStream out;
    private final String label;
    private final long started = System.nanoTime();
    private long lastReport = started;
    private long count;

    Progress(StreamRDF dest, PrintStream out, String label) {
        super(dest);
        this.out = out;
        this.label = label;
    }

    @Override
    public void triple(Triple triple) {
        super.triple(triple);
        tick();
    }

    @Override
    public void quad(Quad quad) {
        super.quad(quad);
        tick();
    }

    private void tick() {
        count++;
        if ((count & 0x3FF) != 0) return;
        long now = System.nanoTime();
        if (now - lastReport >= 1_000_000_000L) {
            lastReport = now;
            out.printf(Locale.ROOT, "%s: %,d triples (%,.0f/s)%n", label, count, count / seconds(now));
        }
    }

    long count() {
        return count;
    }

    double elapsedSeconds() {
        return seconds(System.nanoTime());
    }

    private double seconds(long now) {
        return Math.max(1e-9, (now - started) / 1e9);
    }
}
