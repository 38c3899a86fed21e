package org.virtkg.reasoner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFBase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** On LUBM(1): incremental add in chunks and DRed removal of a chunk agree with from-scratch materialisation. */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class LubmIncrementalTest {
    @Test
    void chunkedAddAndRemoveMatchFromScratch() {
        String shared = System.getProperty("virtkg.shared");
        Path dir = shared == null ? null : Path.of(shared, "bench", "lubm");
        Assumptions.assumeTrue(dir != null && Files.exists(dir.resolve("lubm1.nt.gz")), "LUBM(1) not found under virtkg.shared; skipping");
        long t00 = System.nanoTime();
        List<Triple> onto = read(dir.resolve("univ-bench.ttl")), data = read(dir.resolve("lubm1.nt.gz"));
        System.out.printf("LUBM(1) read: %.0f ms%n", (System.nanoTime() - t00) / 1e6);

        RlReasoner full = RlReasoner.create();
        full.add(onto);
        full.add(data);
        Set<Triple> fullInf = full.inferred().collect(Collectors.toSet());
        assertTrue(full.isConsistent());
        System.out.printf("LUBM(1) full: %.0f ms%n", (System.nanoTime() - t00) / 1e6);

        // data first, ontology last (schema arriving after the data), in three chunks
        long t1 = System.nanoTime();
        RlReasoner inc = RlReasoner.create();
        int third = data.size() / 3;
        inc.add(data.subList(0, third));
        inc.add(data.subList(third, 2 * third));
        inc.add(onto);
        inc.add(data.subList(2 * third, data.size()));
        System.out.printf("LUBM(1) chunked add (data, data, ontology, data): %.0f ms%n", (System.nanoTime() - t1) / 1e6);
        assertEquals(fullInf, inc.inferred().collect(Collectors.toSet()));

        // remove the middle chunk with DRed, compare with from scratch on the rest
        long t0 = System.nanoTime();
        inc.remove(data.subList(third, 2 * third));
        System.out.printf("LUBM(1) DRed removal of %d asserted triples: %.0f ms%n", third, (System.nanoTime() - t0) / 1e6);
        List<Triple> rest = new ArrayList<>(onto);
        rest.addAll(data.subList(0, third));
        rest.addAll(data.subList(2 * third, data.size()));
        RlReasoner ref = RlReasoner.create();
        ref.add(rest);
        Set<Triple> refInf = ref.inferred().collect(Collectors.toSet());
        Set<Triple> incInf = new HashSet<>(inc.inferred().toList());
        assertEquals(refInf.size(), incInf.size());
        assertEquals(refInf, incInf);
        assertEquals(ref.size(), inc.size());
        System.out.printf("LUBM(1) total: %.0f ms%n", (System.nanoTime() - t00) / 1e6);
    }

    static List<Triple> read(Path p) {
        List<Triple> out = new ArrayList<>();
        RDFDataMgr.parse(new StreamRDFBase() {
            @Override
            public void triple(Triple t) { out.add(t); }
        }, p.toString());
        return out;
    }
}
