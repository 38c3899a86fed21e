package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;

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

    public CatalogRoutes(Knowledge knowledge, ExplainRoutes explain, ResponseCache cache) {
        this.knowledge = knowledge;
        this.explain = explain;
        this.cache = cache;
    }

    public void listTechnologies(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            Http.Page page = Http.page(ctx);
            cache.json(ctx, catalog.version(), () -> {
                List<Node> all = catalog.technologies();
                return page.envelope(ctx, "items", page.slice(all).stream().map(catalog::summary).toList(), all.size());
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
                List<Map<String, Object>> items = new ArrayList<>();
                for (Catalog.Value p : page.slice(platforms)) {
                    Node pn = catalog.index().id(p.id());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("platform", p);
                    m.put("status", catalog.claims().compatibility(pn, t).status());
                    m.put("basis", p.basis());
                    m.put("disputed", p.disputed());
                    m.put("explanation", explain.explanation(Triple.create(pn, Catalog.SUPPORTS, t)));
                    items.add(m);
                }
                Map<String, Object> body = page.envelope(ctx, "items", items, platforms.size());
                body.put("technology", catalog.ref(t));
                body.put("excluded", Map.of(Catalog.SERVICES, excluded));
                return body;
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
                List<Map<String, Object>> all = new ArrayList<>();
                List<Catalog.Ref> excluded = new ArrayList<>();
                if (supports == null || supports.isBlank()) {
                    for (Node p : catalog.platforms()) {
                        if (!services && catalog.isService(p)) excluded.add(catalog.ref(p));
                        else all.add(catalog.summary(p));
                    }
                } else {
                    Node target = Ids.param(catalog, "supports", supports, true);
                    boolean isClass = catalog.isClass(target);
                    if (!isClass) Ids.requireA(catalog, "supports", target, Catalog.TECHNOLOGY, "a virtualization technology or a class of them");
                    for (Node p : catalog.platforms()) {
                        List<Catalog.Value> via = catalog.values(p, Catalog.SUPPORTS, Catalog.SUPPORTED_BY).stream()
                                .filter(v -> {
                                    Node t = catalog.index().id(v.id());
                                    return t != null && (isClass ? catalog.isA(t, target) : t.equals(target));
                                }).toList();
                        if (via.isEmpty()) continue;
                        if (!services && catalog.isService(p)) {
                            excluded.add(catalog.ref(p));
                            continue;
                        }
                        Map<String, Object> m = catalog.summary(p);
                        m.put("supports", via);
                        m.put("basis", via.stream().allMatch(Catalog.Value::inferred) ? "inferred" : "stated");
                        m.put("disputed", via.stream().allMatch(Catalog.Value::disputed));
                        all.add(m);
                    }
                }
                Map<String, Object> body = page.envelope(ctx, "items", page.slice(all), all.size());
                body.put("excluded", Map.of(Catalog.SERVICES, excluded));
                return body;
            });
        });
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
        Node t = Ids.path(catalog, ctx.pathParam("id"));
        if (!catalog.isA(t, Catalog.TECHNOLOGY))
            throw new ProblemException(Problem.of(404, "'" + IdIndex.idOf(t) + "' is not a virtualization technology; see /id/"
                    + IdIndex.idOf(t)).with("suggestions", List.of()));
        return t;
    }

    private static Node platformAt(Catalog catalog, Context ctx) {
        Node p = Ids.path(catalog, ctx.pathParam("id"));
        if (!catalog.isA(p, Catalog.PLATFORM))
            throw new ProblemException(Problem.of(404, "'" + IdIndex.idOf(p) + "' is not a cloud platform; see /id/"
                    + IdIndex.idOf(p)).with("suggestions", List.of()));
        return p;
    }
}
