package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.virtkg.claims.Claims;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.PerVersion;

/**
 * Technologies and platforms: {@code /api/technologies[/{id}[/platforms]]} and
 * {@code /api/platforms[/{id}]}, with inferred values flagged.
 *
 * <p>Platform lists leave out commercial services (the survey's public-cloud examples, e.g. Amazon
 * EC2: {@link Catalog#isService}) unless {@code include=services}; the answer names what it left
 * out ({@code excluded.services}), so nothing disappears silently.
 */
public final class CatalogRoutes {
    private final Knowledge knowledge;
    private final ExplainRoutes explain;
    private final ResponseCache cache;
    /**
     * The platform list's kept parts per KB version ({@link PlatformListView}): the newest one is
     * carried to the version each batch of changes produces, while the changes allow it.
     */
    private final PerVersion<PlatformListView> platformViews = new PerVersion<>();
    private volatile PlatformListView newestPlatformView;

    public CatalogRoutes(Knowledge knowledge, ExplainRoutes explain, ResponseCache cache) {
        this.knowledge = knowledge;
        this.explain = explain;
        this.cache = cache;
        // Runs under the write lock after the catalogue's own listener (which carries the claims),
        // before the batch's writers get their answers: a writer's next list reads its change.
        knowledge.kb().onBatchCommitted(this::followPlatformList);
    }

    /** Carries the newest platform view to the version a batch produced, or leaves the next request to start one. */
    private void followPlatformList(List<KnowledgeBase.Committed> changes) {
        PlatformListView v = newestPlatformView;
        if (v == null) return;
        newestPlatformView = null;
        if (changes.get(0).version() != v.version + 1) return;
        PlatformListView next = knowledge.read(catalog -> v.after(catalog, changes));
        if (next == null) return;
        platformViews.put(next.version, next);
        newestPlatformView = next;
    }

    /** The platform view of {@code catalog}'s version, followed from an earlier one or started empty. */
    PlatformListView platformView(Catalog catalog) {
        long version = catalog.version();
        Claims claims = catalog.claims();
        PlatformListView v = platformViews.get(version, () -> new PlatformListView(version, claims));
        // Parts are judged with the claims of their version; should those have been built anew
        // since (evicted), the view starts afresh with them rather than mix the two.
        if (v.claims != claims) {
            PlatformListView fresh = new PlatformListView(version, claims);
            platformViews.replace(version, v, fresh);
            v = fresh;
        }
        synchronized (this) {
            PlatformListView n = newestPlatformView;
            if (n == null || n.version < version || (n.version == version && n != v)) newestPlatformView = v;
        }
        return v;
    }

    public void listTechnologies(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            Http.Page page = Http.page(ctx);
            cache.json(ctx, catalog.version(), () -> {
                List<Node> all = catalog.technologies();
                return page.envelope(ctx, page.slice(all).stream().map(catalog::summary).toList(), all.size());
            });
        });
    }

    public void technology(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            String view = CompatibilityRoutes.view(ctx);
            cache.json(ctx, catalog.version(),
                    () -> catalog.technology(Ids.inView(catalog, technologyAt(catalog, ctx), Catalog.TECHNOLOGY, view, null), view));
        });
    }


    /** What {@code include} may bring back into platform lists and the matrix. */
    static final Map<String, String> INCLUDABLE = Map.of(Catalog.SERVICES, Catalog.SERVICES_MEANING);

    /** True when the request asks for commercial services too ({@code include=services}). */
    static boolean includeServices(Context ctx) {
        return Http.include(ctx, INCLUDABLE).contains(Catalog.SERVICES);
    }

    /** The platforms that support the technology, each with its status, basis (stated or inferred), whether it is disputed, and why. */
    public void technologyPlatforms(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            Http.Page page = Http.page(ctx);
            boolean services = includeServices(ctx);
            cache.json(ctx, catalog.version(), () -> {
                Node t = technologyAt(catalog, ctx);
                List<Catalog.Value> platforms = new ArrayList<>();
                List<Catalog.Ref> excluded = new ArrayList<>();
                for (Catalog.Value p : catalog.values(t, Catalog.SUPPORTED_BY, Catalog.SUPPORTS)) {
                    Node pn = catalog.index().id(p.id());
                    if (!services && pn != null && catalog.isService(pn)) excluded.add(catalog.ref(pn));
                    else platforms.add(p);
                }
                List<SupportingPlatform> items = new ArrayList<>();
                for (Catalog.Value p : page.slice(platforms)) {
                    Node pn = catalog.index().id(p.id());
                    items.add(new SupportingPlatform(p, catalog.claims().compatibility(pn, t).status(), p.basis(), p.disputed(),
                            explain.explanation(Triple.create(pn, Catalog.SUPPORTS, t))));
                }
                return page.envelope(ctx, items, platforms.size()).withTechnology(catalog.ref(t))
                        .withExcluded(Map.of(Catalog.SERVICES, excluded));
            });
        });
    }

    /**
     * Platforms, optionally only those supporting a technology or any technology of a class;
     * commercial services only with {@code include=services}.
     */
    public void listPlatforms(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            Http.Page page = Http.page(ctx);
            String supports = ctx.queryParam("supports");
            boolean services = includeServices(ctx);
            cache.json(ctx, catalog.version(), () -> {
                PlatformList list = platformList(catalog, platformView(catalog), supports, services);
                return page.envelope(ctx, page.slice(list.items()), list.items().size())
                        .withExcluded(Map.of(Catalog.SERVICES, list.excluded()));
            });
        });
    }

    /** A platform that supports the technology: its value, the pair's compatibility status, and why it supports it. */
    @Describe(name = "SupportingPlatform")
    public record SupportingPlatform(Catalog.Value platform,
            @Describe(allowed = {"supported", "partial", "unsupported", "disputed", "unknown"}) String status,
            @Describe(allowed = {"stated", "inferred"}, nullable = true) String basis, boolean disputed,
            @Describe(nullable = true, description = "How the support is stated or entailed (as /api/explain)") ExplainRoutes.Explained explanation) {}

    /** A platform in a list: its summary and, when the list is of those supporting something, what it supports of it. */
    @Describe(name = "PlatformSummary")
    public record PlatformSummary(@JsonUnwrapped @Describe(required = true) Catalog.Summary summary,
            @Describe(description = "Of a list of those supporting a technology or class: the technologies it supports of it")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Catalog.Value> supports,
            @Describe(allowed = {"stated", "inferred"}, description = "Of such a list: inferred when every one of those is")
            @JsonInclude(JsonInclude.Include.NON_NULL) String basis,
            @Describe(description = "Of such a list: true when every one of those is disputed")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean disputed) {}

    /** The platform list before paging: the platforms (summaries, with what they support when asked) and the services left out. */
    record PlatformList(List<PlatformSummary> items, List<Catalog.Ref> excluded) {}

    /**
     * The platform list at {@code catalog}'s version. The summaries, support values and class
     * memberships come from {@code parts} (kept from earlier versions where no change touched
     * them, computed here otherwise), or, when it is null, straight from the catalogue; which
     * platforms and values there are, and the filter, are read here either way.
     */
    static PlatformList platformList(Catalog catalog, PlatformListView parts, String supports, boolean services) {
        java.util.function.Function<Node, Catalog.Summary> summary = parts == null ? catalog::summary : p -> parts.summary(catalog, p);
        java.util.function.Function<Node, List<Catalog.Value>> supported = parts == null
                ? p -> catalog.values(p, Catalog.SUPPORTS, Catalog.SUPPORTED_BY) : p -> parts.supports(catalog, p);
        java.util.function.BiPredicate<Node, Node> isA = parts == null ? catalog::isA : (x, c) -> parts.isA(catalog, x, c);
        List<PlatformSummary> all = new ArrayList<>();
        List<Catalog.Ref> excluded = new ArrayList<>();
        if (supports == null || supports.isBlank()) {
            for (Node p : catalog.platforms()) {
                if (!services && isA.test(p, Catalog.SERVICE)) excluded.add(catalog.ref(p));
                else all.add(new PlatformSummary(summary.apply(p), null, null, null));
            }
        } else {
            Node target = Ids.param(catalog, "supports", supports, true);
            boolean isClass = catalog.isClass(target);
            if (!isClass) Ids.requireA(catalog, "supports", target, Catalog.TECHNOLOGY, "a virtualization technology or a class of them");
            for (Node p : catalog.platforms()) {
                List<Catalog.Value> via = supported.apply(p).stream()
                        .filter(v -> {
                            Node t = catalog.index().id(v.id());
                            return t != null && (isClass ? isA.test(t, target) : t.equals(target));
                        }).toList();
                if (via.isEmpty()) continue;
                if (!services && isA.test(p, Catalog.SERVICE)) {
                    excluded.add(catalog.ref(p));
                    continue;
                }
                all.add(new PlatformSummary(summary.apply(p), via, via.stream().allMatch(Catalog.Value::inferred) ? "inferred" : "stated",
                        via.stream().allMatch(Catalog.Value::disputed)));
            }
        }
        return new PlatformList(all, excluded);
    }

    /** Tests: the newest platform view, followed or started, or null. */
    PlatformListView newestPlatformView() {
        return newestPlatformView;
    }

    public void platform(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            String view = CompatibilityRoutes.view(ctx);
            cache.json(ctx, catalog.version(),
                    () -> catalog.platform(Ids.inView(catalog, platformAt(catalog, ctx), Catalog.PLATFORM, view, null), view));
        });
    }

    private static Node technologyAt(Catalog catalog, Context ctx) {
        return Ids.path(catalog, ctx.pathParam("id"), Catalog.TECHNOLOGY, "virtualization technology");
    }

    private static Node platformAt(Catalog catalog, Context ctx) {
        return Ids.path(catalog, ctx.pathParam("id"), Catalog.PLATFORM, "cloud platform");
    }
}
