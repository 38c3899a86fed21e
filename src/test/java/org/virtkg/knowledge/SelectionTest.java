package org.virtkg.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Selection.Candidate;
import org.virtkg.knowledge.Selection.Outcome;
import org.virtkg.knowledge.Selection.Requirement;
import org.virtkg.knowledge.Selection.Verdict;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.ShippedStoreSeed;

/**
 * The selection algorithm on its own, without HTTP: requirement records in, ranked candidates and
 * verdicts out, over a real knowledge base (TDB2 in a temporary directory, the shipped data, the
 * reasoner) read through one snapshot, as a request reads it.
 */
class SelectionTest {
    static KnowledgeBase kb;
    static Knowledge knowledge;

    @BeforeAll
    static void open() {
        kb = Fixtures.withShippedData(ShippedStoreSeed.inMemoryStore());
        knowledge = new Knowledge(kb);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    /** A requirement as the REST layer makes it from {@code {"field": {"value": id, "weight": weight}}}. */
    static Requirement req(Catalog catalog, String field, String id, String weight) {
        Node n = catalog.index().id(id);
        assertNotNull(n, id);
        return new Requirement(Selection.FIELDS.get(field), IdIndex.idOf(n), n, null, weight, Selection.WEIGHTS.get(weight));
    }

    static Requirement containerBased(boolean wanted, String weight) {
        return new Requirement(Selection.FIELDS.get("containerBased"), null, null, wanted, weight, Selection.WEIGHTS.get(weight));
    }

    static <T> T read(Function<Catalog, T> work) {
        return knowledge.read(work);
    }

    static Outcome select(Catalog catalog, List<Requirement> reqs, Set<String> include) {
        return new Selection(catalog).select(reqs, null, null, include, "all");
    }

    static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }

    static Candidate pair(Outcome o, String id) {
        return o.candidates().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + id + " in " + ids(o.candidates())));
    }

    @Test
    void aMustLeavesOutThePairsASourceExcludesAndRanksThemLastWhenIncluded() {
        read(catalog -> {
            List<Requirement> reqs = List.of(req(catalog, "guestOS", "Windows", "must"));
            Outcome strict = select(catalog, reqs, Set.of());
            List<String> ranked = ids(strict.ranked());
            assertTrue(ranked.contains("OpenStack+KVM"), ranked.toString());
            assertFalse(ranked.stream().anyMatch(p -> p.endsWith("+LXC") || p.endsWith("+OpenVZ")), ranked.toString());
            assertTrue(strict.excluded().get("violated") >= 2, strict.excluded().toString());

            Outcome all = select(catalog, reqs, Set.of("violated", "unknown"));
            List<String> allRanked = ids(all.ranked());
            assertTrue(allRanked.indexOf("OpenStack+LXC") > allRanked.indexOf("OpenStack+KVM"), allRanked.toString());
            assertEquals(0, all.excluded().get("violated"));
            Verdict lxc = pair(all, "OpenStack+LXC").verdicts().get(0);
            assertEquals("violated", lxc.status(), lxc.toString());
            assertEquals(-1, lxc.sign());
            // The fact it rests on: LXC's limitation (the paper's "require Linux as both guest and host OS").
            assertNotNull(lxc.fact(), lxc.toString());
            assertEquals(Catalog.vkg("limitation"), lxc.fact().getPredicate());
            assertEquals("violated", Selection.mustTier(pair(all, "OpenStack+LXC"), all.musts()));
            assertEquals("satisfied", Selection.mustTier(pair(all, "OpenStack+KVM"), all.musts()));
            return null;
        });
    }

    @Test
    void containerBasedIsDecidedByTheReasonerAndTheOntologysDisjointness() {
        read(catalog -> {
            Outcome o = select(catalog, List.of(containerBased(true, "must")), Set.of("violated"));
            List<String> ranked = ids(o.ranked());
            Verdict lxd = pair(o, "OpenStack+LXD").verdicts().get(0);
            assertEquals("satisfied", lxd.status(), lxd.toString());
            Verdict kvm = pair(o, "OpenStack+KVM").verdicts().get(0);
            assertEquals("violated", kvm.status(), kvm.toString());
            // KVM is a type 1 hypervisor, a class the ontology declares disjoint with container technologies.
            assertEquals(RDF.type.asNode(), kvm.fact().getPredicate());
            Node clash = kvm.fact().getObject();
            assertNotNull(catalog.classes().disjointClassOf(catalog.union(), catalog.index().id("KVM"), Catalog.vkg("ContainerTechnology")));
            assertTrue(catalog.isA(catalog.index().id("KVM"), clash), clash.toString());
            // Satisfied must pairs first, then the violated ones.
            int lastSatisfied = -1, firstViolated = Integer.MAX_VALUE;
            for (int i = 0; i < ranked.size(); i++) {
                String tier = Selection.mustTier(o.ranked().get(i), o.musts());
                if (tier.equals("satisfied")) lastSatisfied = i;
                else firstViolated = Math.min(firstViolated, i);
            }
            assertTrue(lastSatisfied < firstViolated, ranked.toString());
            return null;
        });
    }

    @Test
    void withinATierScoresNeverRise() {
        read(catalog -> {
            Outcome o = select(catalog, List.of(req(catalog, "languages", "Python", "should"), req(catalog, "interfaces", "EC2", "nice"),
                    containerBased(false, "nice")), Set.of());
            assertFalse(o.ranked().isEmpty());
            double previous = Double.POSITIVE_INFINITY;
            for (Candidate c : o.ranked()) {
                double score = Selection.score(c, o.weights());
                assertTrue(score <= previous, ids(o.ranked()).toString());
                previous = score;
                // The score is the sum of weight × sign over the verdicts.
                double sum = 0;
                for (int i = 0; i < o.weights().length; i++) sum += o.weights()[i] * c.verdicts().get(i).sign();
                assertEquals(sum, score, 1e-9);
            }
            return null;
        });
    }

    /** The sensitivity note's smallest weight change, applied, makes the pair it names the top. */
    @Test
    void theWeightChangeTheSensitivityNamesChangesTheTop() {
        read(catalog -> {
            List<Requirement> reqs = List.of(req(catalog, "hostOS", "Windows", "should"), containerBased(true, "nice"));
            Outcome o = select(catalog, reqs, Set.of());
            Selection.TopChoice s = o.sensitivity().choice();
            assertEquals(o.ranked().get(0).id(), s.top());
            Selection.WeightChange change = s.weightChange();
            assertNotNull(change, s.toString());
            int i = List.of("hostOS", "containerBased").indexOf(change.field());
            double beyond = change.beyond();
            double step = change.direction().equals("raise") ? 0.01 : -0.01;
            List<Requirement> changed = new ArrayList<>(reqs);
            Requirement r = reqs.get(i);
            for (double w : List.of(beyond - step, beyond + step)) {
                changed.set(i, new Requirement(r.field(), r.value(), r.node(), r.flag(), Selection.fmt(w), w));
                String top = select(catalog, changed, Set.of()).ranked().get(0).id();
                if (w == beyond - step) assertEquals(s.top(), top, "just short of the change, the top stays");
                else assertEquals(change.newTop(), top, "just beyond it, the named pair is the top");
            }
            return null;
        });
    }

    @Test
    void filtersNarrowTheCandidatesByIdAndByClass() {
        read(catalog -> {
            Outcome o = new Selection(catalog).select(List.of(), List.of(catalog.index().id("OpenStack")),
                    List.of(Catalog.vkg("ContainerTechnology")), Set.of(), "all");
            assertEquals(List.of("OpenStack+LXC", "OpenStack+LXD"), ids(o.candidates()).stream().sorted().toList());
            return null;
        });
    }
}
