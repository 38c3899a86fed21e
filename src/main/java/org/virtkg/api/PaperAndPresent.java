package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
            @Describe(description = "The paper's facts about it; absent under view=current")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Lifecycles.Fact> paper,
            @JsonUnwrapped Today today,
            @Describe(description = "Under view=all: the properties on which the two sides differ, with each side's facts")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Lifecycles.Disagreement> disputed) {
        static Sides of(Lifecycles.Sides s) {
            return new Sides(s.id(), s.label(), s.view(), s.paper(), s.current() == null ? null : new Today(s.current(), s.lifecycleStatus()),
                    s.disputed());
        }
    }

    /** Today's side (absent under view=paper): the dated current facts, and the lifecycle status they give. */
    public record Today(
            @Describe(description = "The dated facts of current sources and of the newest imported support matrix that speaks of it "
                    + "(with the address and asOf of their source); absent under view=paper")
            List<Lifecycles.Fact> current,
            @Describe(nullable = true, description = "Its lifecycle status today (a notation, e.g. maintained), or null when no "
                    + "current source gives one; absent under view=paper")
            String lifecycleStatus) {}

    /**
     * The "Paper and present" section of {@code /id/{name}}: the paper's facts next to the dated
     * current ones, and the properties on which they differ; {@code null} when no current source
     * speaks of {@code x}.
     */
    public static ResourcePage.Comparison comparison(Catalog catalog, Node x) {
        Lifecycles.Sides s = Lifecycles.sides(catalog, x, "all");
        if (s.current().isEmpty()) return null;
        // Each fact once (several of the paper's cells and sentences state the same one), and only
        // the facts a reader compares with today's: names and descriptions are in the page's head.
        Set<ResourcePage.Fact> paperFacts = new LinkedHashSet<>();
        for (var f : s.paper())
            if (!NOT_COMPARED.contains(f.property())) paperFacts.add(fact(f, null, null));
        List<ResourcePage.Fact> today = new ArrayList<>();
        for (var f : s.current()) {
            // Only a web address becomes a link.
            String address = f.address() != null && (f.address().startsWith("https://") || f.address().startsWith("http://")) ? f.address() : null;
            today.add(fact(f, address, f.asOf()));
        }
        return new ResourcePage.Comparison(List.copyOf(paperFacts), today, s.disputed().stream().map(Lifecycles.Disagreement::property).toList());
    }

    /** Properties (as {@link IdIndex#idOf} gives them) not listed side by side: names and descriptions. */
    private static final Set<String> NOT_COMPARED = Set.of("http://www.w3.org/2000/01/rdf-schema#label",
            "http://www.w3.org/2000/01/rdf-schema#comment", "http://www.w3.org/2004/02/skos/core#altLabel");

    private static ResourcePage.Fact fact(Lifecycles.Fact f, String address, String asOf) {
        return new ResourcePage.Fact(f.propertyLabel(), f.valueLabel() != null ? f.valueLabel() : f.value(), f.disputed(), address, asOf);
    }
}
