package org.virtkg.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.claims.Claims;
import org.virtkg.imports.SupportMatrices;

/**
 * Selection: rank the compatible (platform, technology) pairs of one snapshot against weighted
 * requirements. The algorithm only; reading a request and writing the answer are
 * {@code api/SelectionRoutes}'.
 *
 * <p>Each requirement is {@code satisfied} when the KB entails it and {@code violated} only when a
 * source excludes it: an explicit {@code vkg:doesNotSupport} (or {@code vkg:lacksFeature}); a
 * limitation that allows only another operating system ({@code vkg:onlyHostOS} /
 * {@code vkg:onlyGuestOS}: OpenVZ and LXC "require Linux as both guest and host OS"); the
 * requirement putting the candidate in a class the ontology declares disjoint with one it already
 * belongs to (a type 1 hypervisor is not type 2, nor a container hypervisor); or a Table 2 cell
 * that lists the platform's deployment or service models, read as the complete list, when no
 * source at all states the wanted one. Anything else is {@code unknown}: having other values is not
 * a no (open world).
 *
 * <p>A pair's score is the sum of weight × (+1 satisfied, 0 unknown, −1 violated). Pairs that do
 * not satisfy every {@code must} are left out unless {@code include} brings them back
 * ({@code violated}, {@code unknown}); then they rank after those that do. Platforms that are
 * commercial services are no candidates unless {@code include} has {@link Catalog#SERVICES} or the
 * platform filter names them. The outcome carries a sensitivity note: the smallest weight change,
 * and the requirement changes, that would change the top choice.
 */
public final class Selection {
    /** Which product of a pair a requirement field speaks of. */
    public enum Side { TECHNOLOGY, PLATFORM, EITHER }

    /**
     * A requirement field, with the heading people read it under ({@code label}, the wizard's).
     * {@code onlyProperty}: the limitation property that excludes other
     * values; {@code closedByTable}: a table cell stating this property lists all its values.
     */
    public record Field(String name, String label, Side side, String property, String onlyProperty, boolean closedByTable) {}

    /** The requirement fields by name, in the order they are documented. */
    public static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        for (Field f : List.of(
                new Field("hostOS", "Host OS", Side.TECHNOLOGY, "hostOS", "onlyHostOS", false),
                new Field("guestOS", "Guest OS", Side.TECHNOLOGY, "guestOS", "onlyGuestOS", false),
                new Field("virtualization", "Virtualization type", Side.TECHNOLOGY, "virtualization", null, false),
                new Field("vmmType", "Hypervisor (VMM) type", Side.TECHNOLOGY, "vmmType", null, false),
                new Field("containerBased", "Container-based technology", Side.TECHNOLOGY, null, null, false),
                new Field("deploymentModel", "Deployment model", Side.PLATFORM, "deploymentModel", null, true),
                new Field("serviceModel", "Service model", Side.PLATFORM, "serviceModel", null, true),
                new Field("organisation", "Target organisation", Side.PLATFORM, "targetOrganisation", null, false),
                new Field("interfaces", "Interfaces", Side.PLATFORM, "interface", null, false),
                new Field("languages", "Implementation languages", Side.PLATFORM, "language", null, false),
                new Field("features", "Features", Side.EITHER, "feature", null, false))) {
            FIELDS.put(f.name(), f);
        }
    }

    /** The named weights; {@code must} also leaves out the pairs that do not satisfy it. */
    public static final Map<String, Double> WEIGHTS = Map.of("must", 3.0, "should", 2.0, "nice", 1.0);
    /** The weight of a plain value (the request format before weights existed). */
    public static final String DEFAULT_WEIGHT = "should";
    /** Largest numeric weight accepted; bounds the arithmetic and the sensitivity note. */
    public static final double MAX_WEIGHT = 100.0;
    /** Comparison slack for sums of weights. */
    private static final double EPSILON = 1e-9;

    private static final Node TABLE = Catalog.vkg("table");
    private static final Node LIMITATION = Catalog.vkg("limitation");

    /** One requirement after validation: a field, one id (or the boolean of containerBased) and its weight. */
    public record Requirement(Field field, String value, Node node, Boolean flag, String weightName, double weight) {
        public boolean must() {
            return "must".equals(weightName);
        }

        public Object shownValue() {
            return flag != null ? flag : value;
        }
    }

    /**
     * A requirement's outcome for one pair: its field and value, the product it was judged on,
     * {@code satisfied}, {@code violated} or {@code unknown} and why, the described sources, and
     * the fact it rests on ({@code fact}, null when none). Resting on a fact, it has that fact's
     * {@code basis}, {@code disputed} (and, disputed, the {@code disputes}) and the
     * {@code explain} address; a verdict read from a table cell as a complete list is
     * {@code editorial}; one from an imported support matrix has the drivers' {@code answer}s.
     * Null members have no value (left out where shown).
     */
    public record Verdict(String field, Object value, String subject, String status, String reason, List<Provenance.Cited> sources,
                          String basis, Boolean disputed, List<String> disputes, String explain, Boolean editorial, String answer,
                          List<DriverAnswer> drivers, Triple fact) {
        public int sign() {
            return switch (status) {
                case "satisfied" -> 1;
                case "violated" -> -1;
                default -> 0;
            };
        }
    }

    /**
     * What one driver of an imported support matrix answers for a feature: its key and title, the
     * answer, the caveat and its source when it has one, the release's graph, and the statement
     * when the matrix makes one (none: the answer is {@code unknown}).
     */
    public record DriverAnswer(String driver, String title, String answer, String caveat, String caveatSource, String source, String statement) {}

    /** One candidate pair: the view's compatibility answer and its verdicts (in requirement order). */
    public record Candidate(Node platform, Node technology, Claims.Compatibility answer, String pLabel, String tLabel, List<Verdict> verdicts) {
        public String id() {
            return IdIndex.idOf(platform) + "+" + IdIndex.idOf(technology);
        }
    }

    /**
     * What a selection found: the requirements with their weights, every candidate (in the
     * platforms' and then their technologies' order), those the {@code include} admits ranked best
     * first, how many pairs were left out and why ({@code violated}, {@code unknown},
     * {@code services}, {@code view}), and the sensitivity of the top choice.
     */
    public record Outcome(List<Requirement> requirements, double[] weights, boolean[] musts, List<Candidate> candidates,
                          List<Candidate> ranked, Map<String, Integer> excluded, Sensitivity sensitivity) {}

    /**
     * The smallest change that would change the top choice ({@code choice}; null when no pair is
     * selected), which of a tie rest on no disputed fact (null but for a tie in which some do), and
     * all of it in words ({@code note}).
     */
    public record Sensitivity(TopChoice choice, List<String> tiedUndisputed, String note) {}

    /**
     * The top pair's id, the runner-up's and the score between them (null when there is none), the
     * pairs tied with it (null when none), the smallest weight change that gives another top (null
     * when none does), and each requirement change that does.
     */
    public record TopChoice(String top, String runnerUp, Double margin, List<String> tiedWith, WeightChange weightChange,
                            List<RequirementChange> requirementChanges) {}

    /** One requirement's weight, {@code from} raised or lowered ({@code direction}) {@code beyond} a value, makes {@code newTop} the top. */
    public record WeightChange(String field, Object value, double from, String direction, double beyond, String newTop) {}

    /** Dropping a requirement, or relaxing it from must to should ({@code change}), makes {@code newTop} the top. */
    public record RequirementChange(String change, String field, Object value, String newTop) {}

    private final Catalog catalog;

    /** A selection over {@code catalog}'s snapshot. */
    public Selection(Catalog catalog) {
        this.catalog = catalog;
    }

    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    /**
     * Judges every candidate pair against {@code reqs} and ranks them. {@code platforms} and
     * {@code technologies} narrow the candidates (ids or classes; null: no filter); {@code view}
     * ({@code all}, {@code current}, {@code paper}) decides which pairs are candidates and, under
     * {@code paper}, judges the verdicts on the paper's claims.
     */
    public Outcome select(List<Requirement> reqs, List<Node> platformsWanted, List<Node> technologiesWanted, Set<String> include, String view) {
        Claims claims = catalog.claims(view);
        int notInView = 0;
        List<Candidate> all = new ArrayList<>();
        int services = 0;
        for (Node p : catalog.platforms()) {
            if (!matches(p, platformsWanted)) continue;
            // A commercial service is left out unless asked for: by include=services, or by naming it.
            boolean leftOut = catalog.isService(p) && !include.contains(Catalog.SERVICES)
                    && (platformsWanted == null || !platformsWanted.contains(p));
            for (Catalog.Value tv : catalog.values(p, Catalog.SUPPORTS, Catalog.SUPPORTED_BY)) {
                Node t = catalog.index().id(tv.id());
                if (t == null || !catalog.isA(t, Catalog.TECHNOLOGY) || !matches(t, technologiesWanted)) continue;
                if (leftOut) {
                    services++;
                    continue;
                }
                // A pair is a candidate when the view says the platform supports the technology (or is disputed on it).
                Claims.Compatibility answer = claims.compatibility(p, t);
                if (view.equals("current")) answer = claims.newestWins(answer);
                if (answer.status().equals("unsupported") || answer.status().equals("unknown")) {
                    notInView++;
                    continue;
                }
                List<Verdict> verdicts = new ArrayList<>();
                for (Requirement r : reqs) {
                    Verdict v = r.flag() != null ? containerBased(r, t) : evaluate(r, p, t);
                    verdicts.add(view.equals("paper") ? asThePaperSays(v, claims) : v);
                }
                all.add(new Candidate(p, t, answer, catalog.label(p), catalog.label(t), verdicts));
            }
        }
        double[] weights = reqs.stream().mapToDouble(Requirement::weight).toArray();
        boolean[] musts = new boolean[reqs.size()];
        for (int i = 0; i < musts.length; i++) musts[i] = reqs.get(i).must();
        List<Candidate> ranked = rank(all, weights, musts, include);
        Map<String, Integer> excluded = new LinkedHashMap<>();
        excluded.put("violated", 0);
        excluded.put("unknown", 0);
        excluded.put(Catalog.SERVICES, services);
        // Pairs some source supports but the view does not (view=paper: not in the paper; view=current: the newest source says no).
        excluded.put("view", notInView);
        for (Candidate c : all) {
            String tier = mustTier(c, musts);
            if (!tier.equals("satisfied") && !include.contains(tier)) excluded.merge(tier, 1, Integer::sum);
        }
        return new Outcome(reqs, weights, musts, all, ranked, excluded, sensitivity(all, reqs, weights, musts, include));
    }

    // ---- ranking ----

    public static double score(Candidate c, double[] weights) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) s += weights[i] * c.verdicts().get(i).sign();
        return s;
    }

    /** "satisfied" when every must is satisfied, else "violated" if one is violated, else "unknown". */
    public static String mustTier(Candidate c, boolean[] musts) {
        String tier = "satisfied";
        for (int i = 0; i < musts.length; i++) {
            if (!musts[i]) continue;
            String s = c.verdicts().get(i).status();
            if (s.equals("violated")) return "violated";
            if (s.equals("unknown")) tier = "unknown";
        }
        return tier;
    }

    private static int tierOrder(String tier) {
        return switch (tier) {
            case "satisfied" -> 0;
            case "unknown" -> 1;
            default -> 2;
        };
    }

    public static int count(Candidate c, String status) {
        return (int) c.verdicts().stream().filter(v -> v.status().equals(status)).count();
    }

    /** The included candidates, best first: must tier, score, satisfied count, violated count, labels. */
    private static List<Candidate> rank(List<Candidate> all, double[] weights, boolean[] musts, Set<String> include) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            String tier = mustTier(c, musts);
            if (tier.equals("satisfied") || include.contains(tier)) out.add(c);
        }
        out.sort(Comparator.<Candidate>comparingInt(c -> tierOrder(mustTier(c, musts)))
                .thenComparing(c -> -score(c, weights))
                .thenComparingInt(c -> -count(c, "satisfied"))
                .thenComparingInt(c -> count(c, "violated"))
                .thenComparing(Candidate::pLabel, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Candidate::tLabel, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    /** True when the ranking orders {@code a} and {@code b} only by their names. */
    private boolean sameRank(Candidate a, Candidate b, double[] weights, boolean[] musts) {
        return mustTier(a, musts).equals(mustTier(b, musts)) && Math.abs(score(a, weights) - score(b, weights)) < EPSILON
                && count(a, "satisfied") == count(b, "satisfied") && count(a, "violated") == count(b, "violated");
    }

    /**
     * The smallest change that would change the top choice: one requirement's weight raised or
     * lowered (every other weight kept), and each requirement whose removal, or relaxing from
     * must to should, gives another top.
     */
    private Sensitivity sensitivity(List<Candidate> all, List<Requirement> reqs, double[] weights, boolean[] musts, Set<String> include) {
        List<Candidate> ranked = rank(all, weights, musts, include);
        if (ranked.isEmpty()) return new Sensitivity(null, null, "No pair is selected; relax a must requirement or add include=violated,unknown.");
        Candidate top = ranked.get(0);
        Candidate runnerUp = ranked.size() > 1 ? ranked.get(1) : null;
        // Pairs the ranking cannot tell from the top (same must tier, score, requirements met and
        // missed) follow it only by name: a tie, said as one.
        List<Candidate> tied = ranked.stream().skip(1).takeWhile(c -> sameRank(c, top, weights, musts)).toList();
        // A weight change reorders candidates within the top's must tier only (musts still exclude).
        String topTier = mustTier(top, musts);
        WeightChange best = null;
        double bestDelta = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reqs.size(); i++) {
            int cTop = top.verdicts().get(i).sign();
            for (Candidate other : ranked) {
                if (other == top || !mustTier(other, musts).equals(topTier)) continue;
                int cOther = other.verdicts().get(i).sign();
                if (cOther == cTop) continue;
                double gap = score(top, weights) - score(other, weights);
                double delta = gap / Math.abs(cOther - cTop);
                // Raising helps `other` when it does better on i; lowering when it does worse, down to 0.
                double to = cOther > cTop ? weights[i] + delta : weights[i] - delta;
                if (to <= EPSILON || to > MAX_WEIGHT) continue;
                if (delta < bestDelta - EPSILON) {
                    bestDelta = delta;
                    best = new WeightChange(reqs.get(i).field().name(), reqs.get(i).shownValue(), weights[i],
                            cOther > cTop ? "raise" : "lower", to, other.id());
                }
            }
        }
        List<RequirementChange> changes = new ArrayList<>();
        for (int i = 0; i < reqs.size(); i++) {
            String after = topWithout(all, weights, musts, include, i, false);
            if (after != null && !after.equals(top.id()))
                changes.add(change("drop", reqs.get(i), after));
            if (musts[i]) {
                String relaxed = topWithout(all, weights, musts, include, i, true);
                if (relaxed != null && !relaxed.equals(top.id()))
                    changes.add(change("relax to should", reqs.get(i), relaxed));
            }
        }
        TopChoice choice = new TopChoice(top.id(), runnerUp == null ? null : runnerUp.id(),
                runnerUp == null ? null : score(top, weights) - score(runnerUp, weights),
                tied.isEmpty() ? null : tied.stream().map(Candidate::id).toList(), best, changes);
        List<String> tiedUndisputed = null;
        StringBuilder note = new StringBuilder();
        if (tied.isEmpty()) note.append("Top choice: " + top.pLabel() + " with " + top.tLabel() + ".");
        else {
            List<String> names = new ArrayList<>();
            for (Candidate c : ranked.subList(0, tied.size() + 1)) names.add(c.pLabel() + " with " + c.tLabel());
            note.append(String.format(Locale.ROOT, "Top choice: a tie between %s: the same score (%s), as many requirements met and missed,"
                    + " so nothing the requirements ask tells them apart; they are listed alphabetically.",
                    inWords(names), fmt(score(top, weights))));
            // What the requirements cannot tell apart, the sources may: which of the tied rest on no disputed fact.
            List<Candidate> inTie = ranked.subList(0, tied.size() + 1);
            List<Candidate> undisputed = inTie.stream().filter(c -> !restsOnADispute(c)).toList();
            if (undisputed.size() < inTie.size()) {
                tiedUndisputed = undisputed.stream().map(Candidate::id).toList();
                List<String> clean = undisputed.stream().map(c -> c.pLabel() + " with " + c.tLabel()).toList();
                note.append(clean.isEmpty() ? " Each of them rests on a disputed fact."
                        : " Of these, only " + inWords(clean) + (clean.size() == 1 ? " rests" : " rest") + " on no disputed fact.");
            }
        }
        if (best != null)
            note.append(String.format(Locale.ROOT, " The smallest weight change that changes it: %s the weight of %s=%s from %s to beyond %s (then %s).",
                    best.direction(), best.field(), best.value(), fmt(best.from()), fmt(best.beyond()), best.newTop()));
        else note.append(" No single weight change alters it.");
        for (RequirementChange c : changes)
            note.append(String.format(Locale.ROOT, " To %s %s=%s makes %s the top.", c.change(), c.field(), c.value(), c.newTop()));
        return new Sensitivity(choice, tiedUndisputed, note.toString());
    }

    /** "A", "A and B", "A, B and C". */
    private static String inWords(List<String> items) {
        return items.size() == 1 ? items.getFirst() : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** Whether a pair's compatibility, or a requirement it meets or misses, rests on a fact some source disputes. */
    private static boolean restsOnADispute(Candidate c) {
        return c.answer().status().equals("disputed") || c.answer().deciding().disputed()
                || c.verdicts().stream().anyMatch(v -> Boolean.TRUE.equals(v.disputed()));
    }

    private static RequirementChange change(String what, Requirement r, String newTop) {
        return new RequirementChange(what, r.field().name(), r.shownValue(), newTop);
    }

    /** The top after dropping requirement {@code i} (or, with {@code relax}, turning its must into should). */
    private static String topWithout(List<Candidate> all, double[] weights, boolean[] musts, Set<String> include, int i, boolean relax) {
        double[] w = weights.clone();
        boolean[] m = musts.clone();
        m[i] = false;
        w[i] = relax ? WEIGHTS.get(DEFAULT_WEIGHT) : 0;
        List<Candidate> r = rank(all, w, m, include);
        return r.isEmpty() ? null : r.get(0).id();
    }

    /** A weight as shown: an integer without decimals, else two. */
    public static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private boolean matches(Node x, List<Node> wanted) {
        if (wanted == null) return true;
        for (Node n : wanted) if (n.equals(x) || (catalog.isClass(n) && catalog.isA(x, n))) return true;
        return false;
    }


    /** A term as /api/explain reads it: an id, a vkg: name, or the IRI. */
    private static String param(Node n) {
        String iri = n.getURI();
        String t = iri.startsWith(org.virtkg.store.Graphs.ID) ? IdIndex.idOf(n)
                : iri.startsWith(org.virtkg.store.Graphs.VOCAB) ? "vkg:" + IdIndex.idOf(n) : iri;
        return java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- judging one requirement ----

    private Verdict evaluate(Requirement r, Node p, Node t) {
        if (r.field().name().equals("features") && isImportedFeature(r.node())) return driverFeature(r, p, t);
        Node prop = Catalog.vkg(r.field().property());
        List<Node> subjects = switch (r.field().side()) {
            case TECHNOLOGY -> List.of(t);
            case PLATFORM -> List.of(p);
            case EITHER -> List.of(p, t);
        };
        for (Node s : subjects) {
            if (catalog.holds(s, prop, r.node())) {
                return verdict(r, s, "satisfied", catalog.label(s) + " " + catalog.label(prop) + " " + catalog.label(r.node())
                        + basisInWords(catalog.claims().evidence(s, prop, r.node())), Triple.create(s, prop, r.node()));
            }
        }
        for (Node s : subjects) {
            if (catalog.holds(s, Catalog.DOES_NOT_SUPPORT, r.node())) {
                return verdict(r, s, "violated", catalog.label(s) + " explicitly does not support " + catalog.label(r.node()),
                        Triple.create(s, Catalog.DOES_NOT_SUPPORT, r.node()));
            }
            Verdict limited = onlyOther(r, s);
            if (limited != null) return limited;
            for (Node c : catalog.classesImpliedBy(s, prop, r.node())) {
                Node clash = catalog.disjointClassOf(s, c);
                if (clash != null) {
                    // The fact that puts s in the clashing class; its explanation leads to the sources.
                    Triple membership = Triple.create(s, RDF.type.asNode(), clash);
                    return verdict(r, s, "violated", catalog.label(s) + " is a " + catalog.label(clash) + ", which the ontology declares "
                            + "disjoint with " + catalog.label(c) + " (what " + catalog.label(prop) + " " + catalog.label(r.node())
                            + " would make it)", membership);
                }
            }
            Verdict closed = closedByTable(r, s, prop);
            if (closed != null) return closed;
        }
        Verdict matched = r.field().name().equals("features") ? throughMatchedFeature(r, p, t) : null;
        if (matched != null) return matched;
        Node s = subjects.get(0);
        List<String> known = subjects.stream().flatMap(x -> catalog.values(x, prop, null).stream()).map(Catalog.Value::label).distinct().toList();
        // "…does not list Windows under Xen's guest OS": the requirement's own name (a noun), not the property's label.
        String field = String.join(" or ", subjects.stream().map(catalog::label).toList()) + "'s " + Character.toLowerCase(r.field().label().charAt(0)) + r.field().label().substring(1);
        String wanted = catalog.label(r.node());
        return verdict(r, s, "unknown", known.isEmpty()
                ? "The knowledge base says nothing of " + field + ", so it cannot tell whether " + wanted + " is among them"
                : "The knowledge base does not list " + wanted + " under " + field + "; it lists " + String.join(", ", known)
                        + ", which does not exclude " + wanted, null);
    }

    /** Violated when {@code s} has a limitation that allows only another value of this field (Linux-only host and guest). */
    private Verdict onlyOther(Requirement r, Node s) {
        if (r.field().onlyProperty() == null) return null;
        Node only = Catalog.vkg(r.field().onlyProperty());
        for (Catalog.Value lv : catalog.values(s, LIMITATION, null)) {
            Node limitation = catalog.index().id(lv.id());
            if (limitation == null) continue;
            List<Catalog.Value> allowed = catalog.values(limitation, only, null);
            if (allowed.isEmpty() || allowed.stream().anyMatch(a -> a.id().equals(r.value()))) continue;
            Triple fact = Triple.create(s, LIMITATION, limitation);
            return verdict(r, s, "violated", catalog.label(s) + " has the limitation '" + catalog.label(limitation) + "': "
                    + catalog.label(only) + " " + String.join(", ", allowed.stream().map(Catalog.Value::label).toList())
                    + ", so not " + catalog.label(r.node()), fact);
        }
        return null;
    }

    /**
     * Violated when a table cell lists the values of this property for {@code s} (Table 2's
     * "Cloud type" and "Service" columns) and no source states the wanted one: a comparison
     * table's cell is read as the complete list.
     */
    private Verdict closedByTable(Requirement r, Node s, Node prop) {
        if (!r.field().closedByTable()) return null;
        Set<Node> cells = new LinkedHashSet<>();
        for (var it = catalog.dataset().find(Node.ANY, s, prop, Node.ANY); it.hasNext(); ) {
            Node g = it.next().getGraph();
            if (g.isURI() && catalog.dataset().contains(Node.ANY, g, TABLE, Node.ANY)) cells.add(g);
        }
        if (cells.isEmpty()) return null;
        List<Provenance.Source> described = cells.stream().map(g -> Provenance.describe(catalog.dataset(), g)).toList();
        List<Provenance.Cited> sources = List.copyOf(described);
        String table = described.get(0).table();
        List<String> listed = catalog.values(s, prop, null).stream().map(Catalog.Value::label).toList();
        Verdict v = verdict(r, s, "violated", catalog.label(s) + "'s row of " + (table == null ? "the table" : table) + " gives its "
                + catalog.label(prop).replaceFirst("^has ", "") + " as " + String.join(", ", listed) + " only, and no source states "
                + catalog.label(r.node()) + " (virtkg's reading, not the paper's words: a table cell lists every value)", null);
        // Not stated by the paper and not entailed by the ontology: say so, so no one takes it for either.
        return new Verdict(v.field(), v.value(), v.subject(), v.status(), v.reason(), sources, v.basis(), v.disputed(), v.disputes(),
                v.explain(), true, v.answer(), v.drivers(), v.fact());
    }

    /**
     * Container-based means an instance of the ontology's container technology class; the ontology
     * makes container hypervisors (LXD) container technologies too, so the reasoner decides.
     */
    private Verdict containerBased(Requirement r, Node t) {
        Node ct = Catalog.vkg("ContainerTechnology");
        boolean wanted = r.flag();
        String label = catalog.label(t);
        if (catalog.isA(t, ct)) {
            Triple membership = Triple.create(t, RDF.type.asNode(), ct);
            return verdict(r, t, wanted ? "satisfied" : "violated", label + " is a " + catalog.label(ct), membership);
        }
        Node notCt = catalog.disjointClassOf(t, ct);
        if (notCt != null) {
            Triple membership = Triple.create(t, RDF.type.asNode(), notCt);
            return verdict(r, t, wanted ? "violated" : "satisfied", label + " is a " + catalog.label(notCt)
                    + ", which the ontology declares disjoint with container technologies", membership);
        }
        return verdict(r, t, "unknown", label + " is not known to be container-based, nor known not to be (a "
                + catalog.label(Catalog.vkg("Hypervisor")) + " without a VMM type may be a container hypervisor)", null);
    }

    // ---- features of imported support matrices (Nova's): judged per driver ----

    private static final Node FEATURE_KEY = Catalog.vkg("featureKey");

    /** The feature an imported support matrix names {@code key} (e.g. operation.live-migrate), or null. */
    public Node featureByKey(String key) {
        var it = catalog.union().find(Node.ANY, FEATURE_KEY, org.apache.jena.graph.NodeFactory.createLiteralString(key));
        return it.hasNext() ? it.next().getSubject() : null;
    }

    public boolean isImportedFeature(Node feature) {
        return catalog.union().find(feature, FEATURE_KEY, Node.ANY).hasNext();
    }

    private static final String DRIVER_ANSWERS = """
            PREFIX vkg: <https://w3id.org/virtkg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?g ?release ?dkey ?dtitle ?tech ?st ?answer ?caveat ?caveatSource WHERE {
              ?driver vkg:partOf ?platform .
              GRAPH ?g {
                ?g vkg:release ?release .
                ?driver vkg:driverKey ?dkey ; dcterms:title ?dtitle .
                OPTIONAL { ?driver vkg:driverFor ?tech }
                OPTIONAL {
                  ?st a vkg:FeatureSupport ; vkg:driver ?driver ; vkg:supportedFeature ?feature ; vkg:supportLevel ?level .
                  OPTIONAL { ?st vkg:caveat ?caveat }
                  OPTIONAL { ?st vkg:caveatSource ?caveatSource }
                }
              }
              # The answers' notations are the ontology's, outside the release's graph.
              OPTIONAL { ?level skos:notation ?answer }
            }
            """;

    /** Answers of a support matrix, best first. */
    private static final List<String> ANSWER_ORDER = List.of("supported", "partial", "unknown", "unsupported");

    /**
     * Does the platform, with the technology, offer the feature? Read from the platform's newest
     * imported support matrix: the drivers it has for the technology, each with its answer; the
     * best answer decides (supported or partial: satisfied; unsupported: violated; unknown, or no
     * driver, or no imported matrix: unknown).
     */
    private Verdict driverFeature(Requirement r, Node p, Node t) {
        record Row(String release, String graph, String key, String title, Node tech, String statement, String answer, String caveat,
                   String caveatSource) {}
        List<Row> rows = new ArrayList<>();
        var query = org.apache.jena.query.QueryFactory.create(DRIVER_ANSWERS);
        try (var exec = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(catalog.dataset())).query(query)
                .substitution("platform", org.apache.jena.rdf.model.ResourceFactory.createResource(p.getURI()))
                .substitution("feature", org.apache.jena.rdf.model.ResourceFactory.createResource(r.node().getURI())).build()) {
            exec.execSelect().forEachRemaining(q -> rows.add(new Row(q.getLiteral("release").getLexicalForm(),
                    q.getResource("g").getURI(), q.getLiteral("dkey").getLexicalForm(), q.getLiteral("dtitle").getLexicalForm(),
                    q.contains("tech") ? SupportMatrices.runsGuestsOn(q.getResource("tech").asNode()) : null,
                    q.contains("st") ? q.getResource("st").getURI() : null,
                    q.contains("answer") ? q.getLiteral("answer").getLexicalForm() : null,
                    q.contains("caveat") ? q.getLiteral("caveat").getLexicalForm() : null,
                    q.contains("caveatSource") ? q.getResource("caveatSource").getURI() : null)));
        }
        String feature = catalog.label(r.node());
        if (rows.isEmpty())
            return verdict(r, p, "unknown", catalog.label(p) + " has no imported support matrix to say whether it offers " + feature, null);
        var named = rows.stream().map(Row::release).collect(java.util.stream.Collectors.toSet());
        SupportMatrices.Release newest = SupportMatrices.newest(SupportMatrices.releases(catalog.dataset()), named).orElse(null);
        if (newest == null)
            return verdict(r, p, "unknown", catalog.label(p) + "'s imported support matrix has no dated release to say whether it offers " + feature, null);
        List<DriverAnswer> drivers = new ArrayList<>();
        String best = null;
        for (Row row : rows) {
            if (!row.release().equals(newest.name()) || !t.equals(row.tech())) continue;
            String answer = row.answer() == null ? "unknown" : row.answer();
            drivers.add(new DriverAnswer(row.key(), row.title(), answer, row.caveat(), row.caveatSource(), row.graph(), row.statement()));
            if (best == null || ANSWER_ORDER.indexOf(answer) < ANSWER_ORDER.indexOf(best)) best = answer;
        }
        drivers.sort(java.util.Comparator.comparing((DriverAnswer d) -> ANSWER_ORDER.indexOf(d.answer())).thenComparing(DriverAnswer::driver));
        String where = " (release " + newest.name() + " of its support matrix, as of " + newest.asOf() + ")";
        Verdict v;
        List<Provenance.Cited> sources = null;
        if (best == null)
            v = verdict(r, p, "unknown", catalog.label(p) + " has no driver for " + catalog.label(t) + where, null);
        else {
            String status = switch (best) {
                case "supported", "partial" -> "satisfied";
                case "unsupported" -> "violated";
                default -> "unknown";
            };
            DriverAnswer top = drivers.get(0);
            v = verdict(r, p, status, catalog.label(p) + "'s driver " + top.driver() + " for " + catalog.label(t) + ": " + feature + " "
                    + switch (best) {
                        case "supported" -> "supported";
                        case "partial" -> "partly supported" + (top.caveat() == null ? "" : " (" + top.caveat() + ")");
                        case "unsupported" -> "not supported by any of its drivers for it";
                        default -> "of unknown support";
                    } + where, null);
            sources = List.of(new Provenance.Release(newest.graph().getURI(), newest.name(), newest.asOf()));
        }
        return new Verdict(v.field(), v.value(), v.subject(), v.status(), v.reason(), sources == null ? v.sources() : sources, v.basis(),
                v.disputed(), v.disputes(), v.explain(), v.editorial(), best, drivers, v.fact());
    }

    /**
     * A feature no fact decides for the pair, judged through the imported support matrix's feature
     * virtkg's editors read as its match ({@code skos:closeMatch} or {@code exactMatch}, either way
     * round; the paper's live migration and Nova's operation.live-migrate): that feature's answer
     * for the pair, as {@link #driverFeature} gives it, said to rest on the editors' reading, marked
     * {@code editorial}, citing the link's sources before the release. Only where nothing else
     * decided, so a source's own statement (LXD lacks live migration) always wins. Null when no
     * matched feature has an answer for the platform and the technology.
     */
    private Verdict throughMatchedFeature(Requirement r, Node p, Node t) {
        for (Triple link : catalog.matchesOf(r.node())) {
            Node other = Catalog.otherSide(link, r.node());
            if (!isImportedFeature(other)) continue;
            Verdict v = driverFeature(new Requirement(r.field(), r.value(), other, r.flag(), r.weightName(), r.weight()), p, t);
            if (v.drivers() == null || v.drivers().isEmpty()) continue;
            List<Provenance.Cited> sources = new ArrayList<>(Provenance.sourcesOf(catalog.dataset(), link));
            sources.addAll(v.sources());
            Node key = catalog.union().find(other, FEATURE_KEY, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
            String reason = "By virtkg's editorial reading, " + catalog.label(r.node()) + " is a " + catalog.label(link.getPredicate())
                    + " of " + catalog.label(p) + "'s support-matrix feature \"" + catalog.label(other) + "\""
                    + (key != null && key.isLiteral() ? " (" + key.getLiteralLexicalForm() + ")" : "") + ": " + v.reason();
            return new Verdict(v.field(), v.value(), v.subject(), v.status(), reason, sources, null, null, null, null, true, v.answer(),
                    v.drivers(), null);
        }
        return null;
    }

    /**
     * A verdict as the paper alone gives it ({@code view=paper}): one resting on a fact the paper
     * does not state or entail (a current source's, an imported support matrix's) is unknown; one
     * resting on a paper fact takes the paper's basis and dispute flag.
     */
    private Verdict asThePaperSays(Verdict v, Claims paper) {
        boolean imported = v.drivers() != null;
        if (v.fact() == null && !imported) return v;
        Claims.Evidence e = v.fact() == null ? null : paper.evidence(v.fact());
        if (e != null && e.holds()) {
            // The reason says the paper's basis and dispute flag too, not every source's.
            String said = basisInWords(catalog.claims().evidence(v.fact()));
            String reason = v.reason().endsWith(said) ? v.reason().substring(0, v.reason().length() - said.length()) + basisInWords(e) : v.reason();
            return new Verdict(v.field(), v.value(), v.subject(), v.status(), reason,
                    e.sources().stream().<Provenance.Cited>map(g -> Provenance.describe(catalog.dataset(), g)).toList(), e.basis().json(), e.disputed(),
                    v.disputes(), v.explain(), v.editorial(), v.answer(), v.drivers(), v.fact());
        }
        return new Verdict(v.field(), v.value(), v.subject(), "unknown", "The paper does not say (view=paper); other sources do: " + v.reason(),
                List.of(), null, null, v.disputes(), v.explain(), v.editorial(), v.answer(), v.drivers(), null);
    }

    /**
     * " (stated)", " (inferred, disputed)": how a fact a verdict rests on is known, said in its
     * reason, so a person reading only the sentence sees a dispute as plainly as the basis.
     */
    private static String basisInWords(Claims.Evidence e) {
        return " (" + (e.basis() == Claims.Basis.STATED ? "stated" : "inferred") + (e.disputed() ? ", disputed" : "") + ")";
    }

    private Verdict verdict(Requirement r, Node subject, String status, String reason, Triple fact) {
        if (fact == null)
            return new Verdict(r.field().name(), r.shownValue(), IdIndex.idOf(subject), status, reason, List.of(), null, null, null, null, null,
                    null, null, null);
        // The fact the verdict rests on, as every view judges a claim (Claims); each verdict's fact
        // holds (it is found by what holds), so it always has a basis.
        Claims.Evidence e = catalog.claims().evidence(fact);
        return new Verdict(r.field().name(), r.shownValue(), IdIndex.idOf(subject), status, reason, List.copyOf(catalog.sourcesOfDerived(fact)),
                e.basis() == null ? null : e.basis().json(), e.disputed(),
                e.disputed() ? e.notes().stream().filter(n -> !n.kind().equals("condition")).map(n -> n.text()).toList() : null,
                "/api/explain?s=" + param(fact.getSubject()) + "&p=" + param(fact.getPredicate()) + "&o=" + param(fact.getObject()),
                null, null, null, fact);
    }
}
