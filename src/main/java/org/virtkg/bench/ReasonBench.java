package org.virtkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFBase;
import org.virtkg.reasoner.Delta;
import org.virtkg.reasoner.RlReasoner;

/**
 * LUBM benchmark of {@link RlReasoner} against Jena's OWLMicro reasoner: load, closure, the 14 LUBM queries over
 * asserted + inferred triples (checked against the reference counts for LUBM(1)), incremental add/remove of a small
 * "product", peak heap. Usage: {@code ReasonBench [--shared DIR] [--sizes 1,10] [--skip-jena] [--jena-sizes 1]
 * [--jena-timeout 60]}.
 */
public final class ReasonBench {
    static final String UB = "http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#";
    static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    /** Options. */
    public record Options(Path shared, List<Integer> sizes, boolean skipJena, Set<Integer> jenaSizes, int jenaTimeoutSec) {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(System.getProperty("virtkg.shared", "../shared"));
        List<Integer> sizes = List.of(1, 10);
        boolean skipJena = false;
        Set<Integer> jenaSizes = Set.of(1);
        int timeout = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[++i]);
                case "--sizes" -> sizes = parseInts(args[++i]);
                case "--skip-jena" -> skipJena = true;
                case "--jena-sizes" -> jenaSizes = Set.copyOf(parseInts(args[++i]));
                case "--jena-timeout" -> timeout = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int rc = run(new Options(shared, sizes, skipJena, jenaSizes, timeout), System.out);
        System.exit(rc);
    }

    static List<Integer> parseInts(String s) {
        List<Integer> out = new ArrayList<>();
        for (String p : s.split(",")) if (!p.isBlank()) out.add(Integer.parseInt(p.trim()));
        return out;
    }

    /** Runs the benchmark; returns 0 if all checked query counts matched, 1 otherwise. */
    public static int run(Options o, PrintStream out) throws IOException {
        Path lubm = o.shared().resolve("bench/lubm");
        Map<String, Query> queries = new LinkedHashMap<>();
        for (int q = 1; q <= 14; q++) queries.put("q" + q, QueryFactory.create(Files.readString(lubm.resolve("queries/q" + q + ".rq"))));
        Map<String, Long> expected = new HashMap<>();
        for (String line : Files.readAllLines(lubm.resolve("expected-counts-lubm1.tsv"))) {
            String[] f = line.split("\t");
            if (f.length >= 2 && f[0].matches("q\\d+")) expected.put(f[0], Long.parseLong(f[1]));
        }
        int rc = 0;
        out.printf("virtkg reasoner benchmark (LUBM) -- %d cores, max heap %d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        for (int size : o.sizes()) {
            Path data = lubm.resolve("lubm" + size + ".nt.gz");
            if (!Files.exists(data)) {
                out.println("LUBM(" + size + "): " + data + " not found, skipped");
                continue;
            }
            out.printf("%n== LUBM(%d) ==%n", size);
            gc();
            resetPeaks();
            long t0 = System.nanoTime();
            List<Triple> triples = new ArrayList<>();
            read(lubm.resolve("univ-bench.ttl"), triples);
            read(data, triples);
            long tLoad = System.nanoTime() - t0;

            var threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            RlReasoner r = RlReasoner.create();
            r.add(triples);
            long tClosure = System.nanoTime() - t0;
            long cClosure = threads.getCurrentThreadCpuTime() - c0;
            int inferred = r.inferredCount();
            long heapReasoner = peakHeapMb();
            out.printf("ours : load %,d triples %s | closure %s wall, %s CPU of the reasoning thread | inferred %,d | %,.0f derivations/s | consistent %s | peak heap %,d MB%n",
                    triples.size(), ms(tLoad), ms(tClosure), ms(cClosure), inferred, inferred / (tClosure / 1e9), r.isConsistent(), heapReasoner);

            t0 = System.nanoTime();
            Graph g = GraphMemFactory.createDefaultGraph();
            r.closure().forEach(g::add);
            Model m = ModelFactory.createModelForGraph(g);
            long tGraph = System.nanoTime() - t0;
            long tq0 = System.nanoTime();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (var e : queries.entrySet()) counts.put(e.getKey(), count(e.getValue(), m, 0));
            long tQueries = System.nanoTime() - tq0;
            int ok = 0;
            StringBuilder sb = new StringBuilder();
            for (var e : counts.entrySet()) {
                Long exp = size == 1 ? expected.get(e.getKey()) : null;
                boolean good = exp == null || exp.longValue() == e.getValue();
                if (exp != null && good) ok++;
                if (!good) rc = 1;
                sb.append(' ').append(e.getKey()).append('=').append(e.getValue()).append(exp != null && !good ? "(expected " + exp + ")" : "");
            }
            out.printf("ours : queries%s%n", sb);
            if (size == 1) out.printf("ours : %d/14 query counts match the reference%n", ok);
            long oursEnd = tClosure + tGraph + tQueries;
            out.printf("ours : graph build %s | 14 queries %s | end to end (closure + graph + queries) %s%n", ms(tGraph), ms(tQueries), ms(oursEnd));

            incremental(r, out);

            if (!o.skipJena() && o.jenaSizes().contains(size)) {
                r = null;
                g = null;
                m = null;
                gc();
                resetPeaks();
                Model base = ModelFactory.createDefaultModel();
                triples.forEach(base.getGraph()::add);
                triples = null;
                t0 = System.nanoTime();
                InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), base);
                inf.prepare();
                long tPrep = System.nanoTime() - t0;
                StringBuilder jb = new StringBuilder();
                long tj0 = System.nanoTime();
                int jok = 0, timeouts = 0;
                boolean stuck = false;
                for (var e : queries.entrySet()) {
                    if (stuck) {
                        jb.append(' ').append(e.getKey()).append("=skipped");
                        continue;
                    }
                    long c = countCapped(e.getValue(), inf, o.jenaTimeoutSec());
                    if (c == -2) stuck = true;
                    Long exp = size == 1 ? expected.get(e.getKey()) : null;
                    if (c < 0) timeouts++;
                    if (c == -3) rc = 1;
                    else if (exp != null && exp == c) jok++;
                    jb.append(' ').append(e.getKey()).append('=').append(c == -1 ? "timeout" : c == -2 ? "timeout(stuck)" : Long.toString(c));
                }
                long tJq = System.nanoTime() - tj0;
                long jenaEnd = tPrep + tJq;
                out.printf("jena : OWLMicro prepare %s | 14 queries %s (cap %d s/query, %d timed out) | end to end %s | peak heap %,d MB%n",
                        ms(tPrep), ms(tJq), o.jenaTimeoutSec(), timeouts, ms(jenaEnd), peakHeapMb());
                out.printf("jena : queries%s%n", jb);
                if (size == 1) out.printf("jena : %d/14 query counts match the reference%n", jok);
                out.printf("ratio: end to end, OWLMicro / ours = %.1fx%s%n", (double) jenaEnd / oursEnd,
                        timeouts > 0 ? " (lower bound: Jena queries were capped)" : "");
            }
        }
        return rc;
    }

    /**
     * Adds a small "product" (a new graduate student with course, advisor, department, degree, and a new research
     * group inside the department) and removes it again.
     */
    static void incremental(RlReasoner r, PrintStream out) {
        String d = "http://www.Department0.University0.edu/";
        var student = NodeFactory.createURI(d + "BenchStudent");
        var group = NodeFactory.createURI(d + "BenchGroup");
        var type = NodeFactory.createURI(RDF_TYPE);
        List<Triple> product = List.of(
                Triple.create(student, type, NodeFactory.createURI(UB + "GraduateStudent")),
                Triple.create(student, NodeFactory.createURI(UB + "takesCourse"), NodeFactory.createURI(d + "GraduateCourse0")),
                Triple.create(student, NodeFactory.createURI(UB + "memberOf"), NodeFactory.createURI("http://www.Department0.University0.edu")),
                Triple.create(student, NodeFactory.createURI(UB + "advisor"), NodeFactory.createURI(d + "FullProfessor0")),
                Triple.create(student, NodeFactory.createURI(UB + "undergraduateDegreeFrom"), NodeFactory.createURI("http://www.University1.edu")),
                Triple.create(group, type, NodeFactory.createURI(UB + "ResearchGroup")),
                Triple.create(group, NodeFactory.createURI(UB + "subOrganizationOf"), NodeFactory.createURI("http://www.Department0.University0.edu")));
        int before = r.size();
        long best = Long.MAX_VALUE, bestRm = Long.MAX_VALUE, firstAdd = 0, firstRm = 0;
        Delta add = null, rm = null;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            add = r.add(product);
            long t1 = System.nanoTime();
            rm = r.remove(product);
            long t2 = System.nanoTime();
            if (i == 0) {
                firstAdd = t1 - t0;
                firstRm = t2 - t1;
            }
            best = Math.min(best, t1 - t0);
            bestRm = Math.min(bestRm, t2 - t1);
        }
        out.printf("ours : incremental add of a %d-triple product %s (+%d inferred) | remove %s (-%d inferred) | size restored %s"
                        + " (best of 20; first run: add %s, remove %s)%n",
                product.size(), ms(best), add.addedCount(), ms(bestRm), rm.removedCount(), r.size() == before, ms(firstAdd), ms(firstRm));
    }

    /**
     * Runs a query on a daemon thread with a hard cap: -1 = timed out (aborted), -2 = did not even stop after the
     * abort (Jena's backward-chaining engine does not always check for cancellation); the caller then skips the
     * remaining queries so the benchmark stays bounded.
     */
    static long countCapped(Query q, Model m, int timeoutSec) {
        QueryExecution qe = QueryExecution.model(m).query(q).timeout(timeoutSec, TimeUnit.SECONDS).build();
        java.util.concurrent.FutureTask<Long> task =
                new java.util.concurrent.FutureTask<>(() -> (long) ResultSetFormatter.consume(qe.execSelect()));
        Thread t = new Thread(task, "jena-query");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(timeoutSec, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            qe.abort();
            try {
                t.join(5000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return t.isAlive() ? -2 : -1;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof QueryCancelledException ? -1 : -3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -3;
        }
    }

    static long count(Query q, Model m, int timeoutSec) {
        var b = QueryExecution.model(m).query(q);
        if (timeoutSec > 0) b = b.timeout(timeoutSec, TimeUnit.SECONDS);
        try (QueryExecution qe = b.build()) {
            return ResultSetFormatter.consume(qe.execSelect());
        } catch (QueryCancelledException e) {
            return -1;
        }
    }

    static void read(Path p, List<Triple> into) {
        RDFDataMgr.parse(new StreamRDFBase() {
            @Override
            public void triple(Triple t) { into.add(t); }
        }, p.toString());
    }

    static String ms(long nanos) {
        return nanos < 10_000_000 ? String.format("%.2f ms", nanos / 1e6) : String.format("%,.0f ms", nanos / 1e6);
    }

    static void gc() {
        for (int i = 0; i < 2; i++) System.gc();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) b.resetPeakUsage();
    }

    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) sum += b.getPeakUsage().getUsed();
        return sum >> 20;
    }
}
