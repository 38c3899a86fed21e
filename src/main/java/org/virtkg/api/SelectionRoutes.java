package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.virtkg.claims.Claims;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.knowledge.Selection.Candidate;
import org.virtkg.knowledge.Selection.Requirement;
import org.virtkg.knowledge.Selection;

/**
 * {@code POST /api/selection}: select and rank the compatible (platform, technology) pairs against
 * weighted requirements. This class reads the request (requirements, filters, {@code include},
 * {@code view}) and writes the answer; the judging and ranking are {@link Selection}'s, over the
 * request's one snapshot.
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
 * <p>A requirement is a plain value (weight {@code should}) or {@code {"value": …, "weight": …}}
 * with {@code must}, {@code should}, {@code nice} or a positive number. A pair's score is the sum
 * of weight × (+1 satisfied, 0 unknown, −1 violated). Pairs that do not satisfy every {@code must}
 * are left out unless {@code ?include=violated,unknown} brings them back; then they rank after
 * those that do. Platforms that are commercial services (the survey's public-cloud examples,
 * e.g. Amazon EC2) are no candidates unless {@code include=services} or the {@code platform}
 * filter names them by id: the survey selects among open-source options. {@code ?platform=} and
 * {@code ?technology=} (ids or classes, comma-separated) narrow the candidates. The answer carries a sensitivity note: the smallest weight change, and the
 * requirement changes, that would change the top choice.
 */
public final class SelectionRoutes {
    /** The named weights ({@link Selection#WEIGHTS}). */
    public static final Map<String, Double> WEIGHTS = Selection.WEIGHTS;
    /** Largest numeric weight accepted ({@link Selection#MAX_WEIGHT}). */
    public static final double MAX_WEIGHT = Selection.MAX_WEIGHT;
    /** What {@code ?include=} may bring back. */
    private static final Map<String, String> INCLUDABLE = Map.of(
            "violated", "pairs that violate a must requirement",
            "unknown", "pairs where the knowledge base does not say whether a must requirement holds",
            Catalog.SERVICES, Catalog.SERVICES_MEANING);

    private final Knowledge knowledge;
    private final BodyLimit limit;

    /** Selection that reads requirement bodies of at most {@code limit} ({@code max-json}). */
    public SelectionRoutes(Knowledge knowledge, BodyLimit limit) {
        this.knowledge = knowledge;
        this.limit = limit;
    }

    public static List<String> fieldNames() {
        return Selection.fieldNames();
    }

    public void select(Context ctx) {
        JsonNode body = Json.readObject(ctx, limit, "the requirements",
                "{\"guestOS\": {\"value\": \"Windows\", \"weight\": \"must\"}, \"deploymentModel\": \"Hybrid\"}");
        Http.Page page = Http.page(ctx);
        Set<String> include = Http.include(ctx, INCLUDABLE);
        // The candidates can be narrowed in the query (?platform=) or in the body ("platform": …), not both.
        String platformFilter = filterParam(ctx, body, "platform");
        String technologyFilter = filterParam(ctx, body, "technology");
        String view = CompatibilityRoutes.view(ctx);
        ctx.json(knowledge.read(catalog -> {
            List<Requirement> reqs = requirements(catalog, body);
            List<Node> platformsWanted = filter(catalog, "platform", platformFilter, Catalog.PLATFORM, "a cloud platform or a class of them");
            List<Node> technologiesWanted = filter(catalog, "technology", technologyFilter, Catalog.TECHNOLOGY,
                    "a virtualization technology or a class of them");
            Selection.Outcome outcome = new Selection(catalog).select(reqs, platformsWanted, technologiesWanted, include, view);
            // Only the page's pairs are written out; where their products stand today is read once per product.
            Lifecycles.Today today = new Lifecycles.Today(catalog);
            List<Pair> items = page.slice(outcome.ranked()).stream()
                    .map(c -> item(catalog, c, reqs, outcome.weights(), outcome.musts(), view, today)).toList();
            Http.Envelope<Pair> pairs = page.envelope(ctx, items, outcome.ranked().size());
            return new Selected(reqs.stream().map(r -> new Weighted(r.field().name(), r.shownValue(), r.weightName(), r.weight())).toList(),
                    include.stream().sorted().toList(), view, outcome.excluded(), outcome.candidates().size(), outcome.sensitivity(),
                    pairs.total(), pairs.limit(), pairs.offset(), pairs.next(), pairs.items());
        }));
    }

    /**
     * The answer of {@code POST /api/selection} (its schema in /openapi.json is generated from it):
     * the selection's members, then the page's (the outcome reads before the pairs), as a
     * {@link Http.Envelope} names them.
     */
    @Describe(name = "Selection", description = "The requirements as read, what was left out, the sensitivity of the top choice, "
            + "and a page of the ranked pairs")
    public record Selected(
            @Describe(description = "The requirements as read, each with its weight by name and by value") List<Weighted> requirements,
            @Describe(description = "What include= brought back, sorted") List<String> include,
            @Describe(allowed = {"all", "paper", "current"}) String view,
            @Describe(description = "How many pairs were left out, by why: violated, unknown (a must), services, view")
            Map<String, Integer> excluded,
            @Describe(description = "The candidate pairs judged (before the musts and include= leave some out)") int candidates,
            Selection.Sensitivity sensitivity,
            int total, int limit, int offset,
            @Describe(nullable = true, description = "The next page's address, null on the last page") String next,
            @Describe(description = "The ranked pairs, best first") List<Pair> items) {}

    /** A requirement as read: its field, value (an id, or true/false), and weight by name and by value. */
    @Describe(name = "SelectionRequirement")
    public record Weighted(String field, @Describe(types = {"string", "boolean"}, description = "An id, or true or false") Object value,
            @Describe(description = "must, should, nice, or the number given") String weight, double weightValue) {}

    /**
     * One ranked pair: the platform and the technology, their compatibility, how they meet each
     * requirement, and (not under view=paper) where each stands today.
     */
    @Describe(name = "SelectionPair")
    public record Pair(
            @Describe(description = "The platform, marked commercialService: true when it is a commercial service") Catalog.PlatformRef platform,
            Catalog.Ref technology,
            PairCompatibility compatibility,
            @Describe(allowed = {"satisfied", "unknown", "violated"}, description = "How the pair meets the must requirements") String must,
            @Describe(description = "Sum of weight x (+1 satisfied, 0 unknown, -1 violated)") double score,
            @Describe(description = "The score of a pair satisfying every requirement") double maxScore,
            int satisfied, int violated, int unknown,
            @Describe(description = "How the pair meets each requirement, in the request's order") List<Judged> requirements,
            @Describe(description = "Where each stands today; absent under view=paper") @JsonInclude(JsonInclude.Include.NON_NULL)
            CompatibilityRoutes.Lifecycle lifecycle,
            @Describe(description = "Warnings for a discontinued or superseded product; absent under view=paper")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> cautions) {}

    /** A requirement's verdict for a pair, with the requirement's weight and the points the verdict earns. */
    @Describe(name = "SelectionVerdict")
    public record Judged(@JsonUnwrapped @Describe(required = true) Selection.Verdict verdict,
            @Describe(description = "must, should, nice, or the number given") String weight, double weightValue,
            @Describe(description = "weightValue x (+1 satisfied, 0 unknown, -1 violated)") double points) {}

    /** A pair's compatibility in brief, with the address of the whole answer. */
    @Describe(name = "SelectionCompatibility")
    public record PairCompatibility(
            @Describe(allowed = {"supported", "partial", "unsupported", "disputed", "unknown"}) String status,
            @Describe(allowed = {"stated", "inferred"}, nullable = true) String basis,
            boolean disputed,
            @Describe(description = "IRIs of the source graphs the deciding claim rests on") List<String> sources,
            @Describe(description = "The /api/compatibility question of the pair") String href,
            @Describe(description = "Under view=current, when only the paper states the pair: that today's view rests on its word alone")
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    private static Pair item(Catalog catalog, Candidate c, List<Requirement> reqs, double[] weights, boolean[] musts, String view,
            Lifecycles.Today today) {
        Claims.Evidence deciding = c.answer().deciding();
        PairCompatibility compatibility = new PairCompatibility(c.answer().status(), c.answer().basis() == null ? null : c.answer().basis().json(),
                c.answer().status().equals("disputed"), deciding.sources().stream().map(Node::getURI).toList(),
                "/api/compatibility?technology=" + IdIndex.idOf(c.technology()) + "&platform=" + IdIndex.idOf(c.platform())
                        + (view.equals("all") ? "" : "&view=" + view),
                CompatibilityRoutes.paperAloneNote(catalog.claims(view), view, c.answer()));
        List<Judged> breakdown = new ArrayList<>();
        for (int i = 0; i < reqs.size(); i++)
            breakdown.add(new Judged(c.verdicts().get(i), reqs.get(i).weightName(), weights[i], weights[i] * c.verdicts().get(i).sign()));
        CompatibilityRoutes.Lifecycle lifecycle = null;
        List<String> cautions = null;
        if (!view.equals("paper")) {
            // Where each product stands today, as the compatibility check gives it: a person ranking
            // pairs to adopt now must see that a well-scoring platform is no longer developed.
            lifecycle = new CompatibilityRoutes.Lifecycle(today.lifecycle(c.technology()), today.lifecycle(c.platform()));
            cautions = today.cautions(List.of(c.platform(), c.technology()));
        }
        // A pair on a commercial service (include=services, or named in the filter) says so, as every view marks one.
        return new Pair(catalog.platformRef(c.platform(), view), catalog.ref(c.technology()), compatibility, Selection.mustTier(c, musts),
                Selection.score(c, weights), java.util.Arrays.stream(weights).sum(), Selection.count(c, "satisfied"),
                Selection.count(c, "violated"), Selection.count(c, "unknown"), breakdown, lifecycle, cautions);
    }

    // ---- reading the request ----

    /** Ids or classes from a comma-separated filter parameter, or null for no filter. */
    private static List<Node> filter(Catalog catalog, String param, String value, Node type, String what) {
        if (value == null || value.isBlank()) return null;
        List<Node> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (s.isBlank()) continue;
            Node n = Ids.param(catalog, param, s.trim(), true, x -> catalog.isA(x, type) || catalog.isClass(x) && catalog.superClassesOf(x).contains(type));
            if (catalog.isClass(n)) {
                if (!catalog.superClassesOf(n).contains(type))
                    throw new ProblemException(Problem.of(400, "Parameter '" + param + "': '" + IdIndex.idOf(n) + "' is not " + what).withParameter(param));
            } else Ids.requireA(catalog, param, n, type, what);
            out.add(n);
        }
        return out;
    }

    /** Body keys that narrow the candidates rather than state a requirement. */
    private static final Set<String> FILTERS = Set.of("platform", "technology");

    /** A filter from the query, or from the body (an id, or an array of ids), or null. */
    private static String filterParam(Context ctx, JsonNode body, String name) {
        String q = ctx.queryParam(name);
        JsonNode b = body.get(name);
        if (b == null || b.isNull()) return q;
        if (q != null)
            throw new ProblemException(Problem.of(400, "'" + name + "' is given both as a query parameter and in the body; give it once")
                    .withParameter(name));
        List<String> ids = new ArrayList<>();
        if (b.isArray()) b.forEach(x -> ids.add(x.isTextual() ? x.asText() : ""));
        else ids.add(b.isTextual() ? b.asText() : "");
        if (ids.isEmpty() || ids.stream().anyMatch(String::isBlank))
            throw new ProblemException(Problem.of(400, "'" + name + "' in the body must be an id or an array of ids").withParameter(name));
        return String.join(",", ids);
    }

    private static List<Requirement> requirements(Catalog catalog, JsonNode body) {
        List<Requirement> out = new ArrayList<>();
        for (var it = body.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            if (FILTERS.contains(name)) continue;
            Selection.Field f = Selection.FIELDS.get(name);
            if (f == null) {
                List<String> accepted = new ArrayList<>(Selection.FIELDS.keySet());
                accepted.addAll(FILTERS);
                throw UnknownNames.refuse("field", Problem::withField, "A selection request", List.of(name), accepted);
            }
            JsonNode v = e.getValue();
            String weightName = Selection.DEFAULT_WEIGHT;
            double weight = Selection.WEIGHTS.get(Selection.DEFAULT_WEIGHT);
            if (v.isObject()) {
                for (var keys = v.fieldNames(); keys.hasNext(); ) {
                    String k = keys.next();
                    if (!k.equals("value") && !k.equals("weight"))
                        throw UnknownNames.refuse("field", Problem::withField, "A weighted requirement ({\"value\": …, \"weight\": \"must\" | \"should\" "
                                + "| \"nice\" | a number})", name + ".", List.of(k), List.of("value", "weight"));
                }
                if (!v.has("value")) throw badValue(name, "{\"value\": …, \"weight\": …} with a value");
                JsonNode w = v.get("weight");
                if (w != null && !w.isNull()) {
                    if (w.isTextual() && Selection.WEIGHTS.containsKey(w.asText().toLowerCase(Locale.ROOT))) {
                        weightName = w.asText().toLowerCase(Locale.ROOT);
                        weight = Selection.WEIGHTS.get(weightName);
                    } else if (w.isNumber() && w.asDouble() > 0 && w.asDouble() <= Selection.MAX_WEIGHT) {
                        weight = w.asDouble();
                        weightName = Selection.fmt(weight);
                    } else {
                        throw new ProblemException(Problem.of(400, "Requirement '" + name + "': the weight must be \"must\", \"should\", \"nice\" "
                                + "or a number above 0 and at most " + Selection.fmt(Selection.MAX_WEIGHT) + ", not " + w).withParameter(name));
                    }
                }
                v = v.get("value");
            }
            if (f.property() == null) {
                if (!v.isBoolean()) throw badValue(name, "true or false");
                out.add(new Requirement(f, null, null, v.booleanValue(), weightName, weight));
                continue;
            }
            List<JsonNode> items = new ArrayList<>();
            if (v.isArray()) v.forEach(items::add);
            else items.add(v);
            if (items.isEmpty()) throw badValue(name, "an id or a non-empty array of ids");
            for (JsonNode item : items) {
                if (!item.isTextual() || item.asText().isBlank()) throw badValue(name, "an id or an array of ids");
                // A feature of an imported support matrix may also be named by its key there (e.g. operation.live-migrate).
                Node n = f.name().equals("features") ? new Selection(catalog).featureByKey(item.asText()) : null;
                if (n == null) n = Ids.param(catalog, name, item.asText(), false);
                Node range = catalog.range(Catalog.vkg(f.property()));
                if (range != null && !catalog.isA(n, range))
                    throw new ProblemException(Problem.of(400, "Requirement '" + name + "': '" + IdIndex.idOf(n) + "' is not a "
                            + catalog.label(range)).withParameter(name));
                out.add(new Requirement(f, IdIndex.idOf(n), n, null, weightName, weight));
            }
        }
        return out;
    }


    private static ProblemException badValue(String field, String expected) {
        return new ProblemException(Problem.of(400, "Requirement '" + field + "' must be " + expected).withParameter(field));
    }
}
