package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.pages.ResourcePage;

/**
 * A product as the paper describes it and as current sources do, side by side:
 * {@code GET /api/lifecycles/{id}?view=paper|current|all}, and the same as the "Paper and present"
 * section of {@code /id/{name}}. What each side holds, and what they disagree on, is
 * {@link Lifecycles}'; this class reads the request and shapes the answer.
 */
public final class PaperAndPresent {
    /** The values of {@code view}. */
    public static final List<String> VIEWS = List.of("all", "paper", "current");

    private final Knowledge knowledge;
    private final ResponseCache cache;

    public PaperAndPresent(Knowledge knowledge, ResponseCache cache) {
        this.knowledge = knowledge;
        this.cache = cache;
    }

    public void lifecycle(Context ctx) {
        String view = ctx.queryParamAsClass("view", String.class).getOrDefault("all");
        if (!VIEWS.contains(view))
            throw new ProblemException(Problem.of(400, "Parameter 'view' must be one of " + String.join(", ", VIEWS) + ", got '" + view + "'")
                    .withParameter("view"));
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> Sides.of(Lifecycles.sides(catalog, Ids.path(catalog, ctx.pathParam("id")), view)));
        });
    }

    /**
     * The answer of {@code /api/lifecycles/{id}} (its schema in /openapi.json is generated from
     * it), made from what {@link Lifecycles#sides} found: a side the view does not show is absent,
     * as are the disagreements but under view=all.
     */
    @Describe(name = "PaperAndPresent", description = "The product in the paper and today, side by side")
    public record Sides(String id, String label, @Describe(allowed = {"all", "paper", "current"}) String view,
            @Describe(description = "The paper's facts about it (each: property, propertyLabel, value, valueLabel for an id, source, "
                    + "disputed); absent under view=current")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Object>> paper,
            @JsonUnwrapped Today today,
            @Describe(description = "Under view=all: the properties on which the two sides differ, with each side's facts")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Disagreement> disputed) {
        @SuppressWarnings("unchecked")
        static Sides of(Map<String, Object> s) {
            List<Map<String, Object>> disputed = (List<Map<String, Object>>) s.get("disputed");
            return new Sides((String) s.get("id"), (String) s.get("label"), (String) s.get("view"), (List<Map<String, Object>>) s.get("paper"),
                    s.containsKey("current") ? new Today((List<Map<String, Object>>) s.get("current"), (String) s.get("lifecycleStatus")) : null,
                    disputed == null ? null : disputed.stream().map(d -> new Disagreement((String) d.get("property"),
                            (List<Map<String, Object>>) d.get("paper"), (List<Map<String, Object>>) d.get("current"))).toList());
        }
    }

    /** Today's side (absent under view=paper): the dated current facts, and the lifecycle status they give. */
    public record Today(
            @Describe(description = "The dated facts of current sources and of the newest imported support matrix that speaks of it "
                    + "(as the paper's, with the address and asOf of their source); absent under view=paper")
            List<Map<String, Object>> current,
            @Describe(nullable = true, description = "Its lifecycle status today (a notation, e.g. maintained), or null when no "
                    + "current source gives one; absent under view=paper")
            String lifecycleStatus) {}

    /** A property on which the paper and today's sources differ, with each side's facts. */
    @Describe(name = "PaperAndPresentDisagreement")
    public record Disagreement(String property, List<Map<String, Object>> paper, List<Map<String, Object>> current) {}

    /**
     * The "Paper and present" section of {@code /id/{name}}: the paper's facts next to the dated
     * current ones, and the properties on which they differ; {@code null} when no current source
     * speaks of {@code x}.
     */
    public static ResourcePage.Comparison comparison(Catalog catalog, Node x) {
        Map<String, Object> s = Lifecycles.sides(catalog, x, "all");
        @SuppressWarnings("unchecked") List<Map<String, Object>> current = (List<Map<String, Object>>) s.get("current");
        if (current.isEmpty()) return null;
        @SuppressWarnings("unchecked") List<Map<String, Object>> paper = (List<Map<String, Object>>) s.get("paper");
        // Each fact once (several of the paper's cells and sentences state the same one), and only
        // the facts a reader compares with today's: names and descriptions are in the page's head.
        Set<ResourcePage.Fact> paperFacts = new LinkedHashSet<>();
        for (var f : paper)
            if (!NOT_COMPARED.contains(String.valueOf(f.get("property")))) paperFacts.add(fact(f, null, null));
        List<ResourcePage.Fact> today = new ArrayList<>();
        for (var f : current) {
            // Only a web address becomes a link.
            String address = f.get("address") instanceof String a && (a.startsWith("https://") || a.startsWith("http://")) ? a : null;
            today.add(fact(f, address, (String) f.get("asOf")));
        }
        @SuppressWarnings("unchecked") List<Map<String, Object>> disputed = (List<Map<String, Object>>) s.get("disputed");
        return new ResourcePage.Comparison(List.copyOf(paperFacts), today, disputed.stream().map(d -> (String) d.get("property")).toList());
    }

    /** Properties (as {@link IdIndex#idOf} gives them) not listed side by side: names and descriptions. */
    private static final Set<String> NOT_COMPARED = Set.of("http://www.w3.org/2000/01/rdf-schema#label",
            "http://www.w3.org/2000/01/rdf-schema#comment", "http://www.w3.org/2004/02/skos/core#altLabel");

    private static ResourcePage.Fact fact(Map<String, Object> f, String address, String asOf) {
        Object label = f.getOrDefault("valueLabel", f.get("value"));
        return new ResourcePage.Fact(String.valueOf(f.get("propertyLabel")), String.valueOf(label), Boolean.TRUE.equals(f.get("disputed")),
                address, asOf);
    }
}
