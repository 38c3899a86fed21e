package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.ChangeKind;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.kb.WriteRejectedException;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.store.Graphs;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * The matrix, and the claims behind it, follow each change instead of being computed again per
 * version; followed, they must be exactly what computing them anew gives. Every view and include is
 * compared byte for byte, after each of a sequence of writes: new technologies and platforms, a
 * support claim between existing products, a relabelling, a product becoming a commercial service,
 * a dispute note, a deletion and a refused write.
 */
class MatrixFollowsChangesTest {
    private static final String VKG = Graphs.VOCAB;
    private static final String ID = Graphs.ID;
    private static final List<String> VIEWS = List.of("all", "current", "paper");

    private static Quad quad(String graph, String subject, String predicate, String object) {
        return SSE.parseQuad("(<" + Graphs.USER + graph + "> <" + ID + subject + "> " + predicate + " " + object + ")");
    }

    private static String vkg(String local) {
        return "<" + VKG + local + ">";
    }

    private static String id(String local) {
        return "<" + ID + local + ">";
    }

    /** A write, and whether the views must have followed it (null: either may happen, the comparison decides). */
    private record Step(String name, Boolean follows, Consumer<DatasetGraph> change) {}

    @Test
    void aFollowedMatrixIsExactlyTheOneComputedAnew() {
        try (KnowledgeBase kb = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore())) {
            Knowledge knowledge = new Knowledge(kb);
            CompatibilityRoutes routes = new CompatibilityRoutes(knowledge, new ExplainRoutes(kb), new ResponseCache());
            for (String view : VIEWS) for (boolean services : List.of(false, true)) routes.matrixView(view, services);

            Quad note = quad("mf-note", "MfNote", "rdf:type", vkg("Dispute"));
            List<Step> steps = List.of(
                    new Step("a new container technology OpenStack supports", true, dsg -> {
                        dsg.add(quad("mf1", "MfTech", "rdf:type", vkg("ContainerTechnology")));
                        dsg.add(quad("mf1", "MfTech", vkg("hostOS"), id("Linux")));
                        dsg.add(quad("mf1", "MfTech", "rdfs:label", "\"Mf tech\"@en"));
                        dsg.add(quad("mf1", "OpenStack", vkg("supports"), id("MfTech")));
                    }),
                    new Step("a new platform supporting KVM and the new technology", true, dsg -> {
                        dsg.add(quad("mf2", "MfCloud", "rdf:type", vkg("CloudPlatform")));
                        dsg.add(quad("mf2", "MfCloud", "rdfs:label", "\"Aa Mf cloud\"@en"));
                        dsg.add(quad("mf2", "MfCloud", vkg("supports"), id("KVM")));
                        dsg.add(quad("mf2", "MfTech", vkg("supportedBy"), id("MfCloud")));
                    }),
                    new Step("an existing platform said to support an existing technology", true,
                            dsg -> dsg.add(quad("mf3", "Nimbus", vkg("supports"), id("LXC")))),
                    new Step("a technology relabelled so that it sorts first", null, dsg -> {
                        dsg.delete(quad("mf1", "MfTech", "rdfs:label", "\"Mf tech\"@en"));
                        dsg.add(quad("mf1", "MfTech", "rdfs:label", "\"Aaa Mf tech\"@en"));
                    }),
                    new Step("the new platform made a commercial service", true,
                            dsg -> dsg.add(quad("mf5", "MfCloud", "rdf:type", vkg("CommercialService")))),
                    new Step("a dispute note on a support claim", false, dsg -> {
                        dsg.add(note);
                        dsg.add(quad("mf-note", "MfNote", vkg("claimSubject"), id("Nimbus")));
                        dsg.add(quad("mf-note", "MfNote", vkg("claimProperty"), vkg("supports")));
                        dsg.add(quad("mf-note", "MfNote", vkg("claimObject"), id("LXC")));
                        dsg.add(quad("mf-note", "MfNote", "rdfs:comment", "\"Only in an old release.\"@en"));
                    }),
                    new Step("another technology after the note", true, dsg -> {
                        dsg.add(quad("mf6", "MfTech2", "rdf:type", vkg("Hypervisor")));
                        dsg.add(quad("mf6", "MfTech2", "rdfs:label", "\"Mf tech 2\"@en"));
                        dsg.add(quad("mf6", "MfCloud", vkg("supports"), id("MfTech2")));
                    }),
                    // MfTech stays a virtualization technology through MfCloud's support of it,
                    // derived anew by that route: derivations may have changed, the matrix is computed anew.
                    new Step("the first technology deleted, its kind still following by another route", false, dsg -> dsg.deleteAny(
                            org.apache.jena.graph.NodeFactory.createURI(Graphs.USER + "mf1"), null, null, null)),
                    new Step("a third technology after the deletion", true, dsg -> {
                        dsg.add(quad("mf7", "MfTech3", "rdf:type", vkg("ContainerTechnology")));
                        dsg.add(quad("mf7", "MfTech3", vkg("hostOS"), id("Linux")));
                        dsg.add(quad("mf7", "MfTech3", "rdfs:label", "\"Mf tech 3\"@en"));
                        dsg.add(quad("mf7", "Eucalyptus", vkg("supports"), id("MfTech3")));
                    }),
                    new Step("the third technology deleted, nothing of it holding by another route", true, dsg -> dsg.deleteAny(
                            org.apache.jena.graph.NodeFactory.createURI(Graphs.USER + "mf7"), null, null, null)));
            List<String> followed = new ArrayList<>();
            for (Step step : steps) {
                long before = kb.version();
                try {
                    kb.write(ChangeKind.SPARQL_UPDATE, "test", step.name(), step.change());
                } catch (WriteRejectedException e) {
                    throw new AssertionError(step.name() + ": " + e.getMessage() + " " + e.report(), e);
                }
                assertEquals(before + 1, kb.version(), step.name());
                compare(kb, routes, step, followed);
            }
            // A refused write (an unsourced contradiction of the paper: KVM is a hypervisor) changes
            // nothing: no version, and the matrices stay the ones already followed.
            long before = kb.version();
            MatrixView all = routes.newestMatrix("all", false);
            assertThrows(WriteRejectedException.class, () -> kb.write(ChangeKind.SPARQL_UPDATE, "test", "refused",
                    dsg -> dsg.add(quad("mf-refused", "KVM", "rdf:type", vkg("CloudPlatform")))));
            assertEquals(before, kb.version());
            assertSame(all, routes.newestMatrix("all", false));
            Step after = new Step("a technology after the refused write", true, dsg -> {
                dsg.add(quad("mf8", "MfTech4", "rdf:type", vkg("ContainerTechnology")));
                        dsg.add(quad("mf8", "MfTech4", vkg("hostOS"), id("Linux")));
                dsg.add(quad("mf8", "MfTech4", "rdfs:label", "\"Mf tech 4\"@en"));
                dsg.add(quad("mf8", "OpenNebula", vkg("supports"), id("MfTech4")));
            });
            kb.write(ChangeKind.SPARQL_UPDATE, "test", after.name(), after.change());
            compare(kb, routes, after, followed);
            assertTrue(followed.size() >= 6, "most writes were followed, not recomputed: " + followed);
        }
    }

    /** Equal, or a failure showing where they first differ (a matrix is tens of kilobytes). */
    private static void same(String expected, String actual, String what) {
        if (expected.equals(actual)) return;
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) i++;
        int from = Math.max(0, i - 120);
        throw new AssertionError(what + " differs at " + i + ": computed anew …" + expected.substring(from, Math.min(expected.length(), i + 120))
                + "…, followed …" + actual.substring(from, Math.min(actual.length(), i + 120)) + "…");
    }

    /**
     * For every view and include: the newest matrix was followed (or not) as the step expects,
     * and equals the matrix a fresh catalogue computes (fresh claims, fresh paper view) byte for byte.
     */
    private static void compare(KnowledgeBase kb, CompatibilityRoutes routes, Step step, List<String> followed) {
        long version = kb.version();
        Knowledge fresh = new Knowledge(kb);
        for (String view : VIEWS) {
            for (boolean services : List.of(false, true)) {
                String what = step.name() + " (view=" + view + ", services=" + services + ")";
                MatrixView newest = routes.newestMatrix(view, services);
                boolean wasFollowed = newest != null && newest.version == version;
                if (step.follows() != null) assertEquals(step.follows(), wasFollowed, what + ": followed");
                if (wasFollowed) followed.add(what);
                MatrixView m = routes.matrixView(view, services);
                assertNotNull(m, what);
                assertEquals(version, m.version, what);
                MatrixView anew = fresh.read(catalog -> MatrixView.build(catalog, version, view, services));
                same(anew.serialised().json(), m.serialised().json(), what + ": JSON");
                same(anew.serialised().csv(), m.serialised().csv(), what + ": CSV");
            }
        }
    }
}
