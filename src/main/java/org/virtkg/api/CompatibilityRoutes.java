package org.virtkg.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * {@code /api/compatibility?technology=&platform=} and {@code /api/compatibility/matrix}.
 *
 * <p>Status: {@code supported} when the KB entails {@code platform vkg:supports technology}
 * (asserted in either direction or inferred, e.g. through a based-on chain);
 * {@code unsupported} only when it entails {@code platform vkg:doesNotSupport technology} (the
 * ontology's one negative property; {@code vkg:lacksFeature} is its sub-property); otherwise
 * {@code unknown}: the open world gives no license to say no.
 *
 * <p>{@code view}: {@code paper} answers from the paper alone ({@link PaperView}), exactly as the
 * knowledge base did before current sources were added. {@code current} and {@code all} (the
 * default) add where each product stands today (its lifecycle, from {@code data/current.trig}) and,
 * for a platform with an imported support matrix (OpenStack: Nova's), what its newest release says:
 * {@code supported} when it has a driver for the technology, {@code unsupported} when it has none
 * although an older release had one or the knowledge base says supported. {@code current} lets that
 * newest source win; {@code all} keeps both and answers {@code disputed} where they differ.
 */
public final class CompatibilityRoutes {
    private final Catalog catalog;
    private final ExplainRoutes explain;
    /** The matrix is |technologies| x |platforms| lookups: compute once per KB version. */
    private final Cache<List<Object>, Matrix> matrices = Caffeine.newBuilder().maximumSize(4).build();
    /** Per KB version: platform → what its imported support matrices say of its drivers. */
    private final Cache<Long, Map<Node, DriverSupport>> driverSupports = Caffeine.newBuilder().maximumSize(2).build();
    /** The paper's own reasoner, per KB version. */
    private final Cache<Long, PaperView> paperViews = Caffeine.newBuilder().maximumSize(2).build();
    private final PaperAndPresent present;

    private final ResponseCache cache;

    public CompatibilityRoutes(Catalog catalog, ExplainRoutes explain, ResponseCache cache) {
        this.catalog = catalog;
        this.explain = explain;
        this.cache = cache;
        this.present = new PaperAndPresent(catalog, cache);
    }

    /** {@code view}, checked: one of {@link PaperAndPresent#VIEWS}, default {@code all}. */
    static String view(Context ctx) {
        String view = ctx.queryParam("view");
        if (view == null) return "all";
        if (!PaperAndPresent.VIEWS.contains(view))
            throw new ProblemException(Problem.of(400, "Parameter 'view' must be one of " + String.join(", ", PaperAndPresent.VIEWS) + ", got '" + view + "'")
                    .with("parameter", "view"));
        return view;
    }

    /**
     * A platform's imported support matrices, newest release first in importance: which drivers
     * the newest release has per technology, and the last release with a driver for each.
     */
    record DriverSupport(String release, String asOf, String address, Map<Node, List<String>> newestDrivers, Map<Node, String> lastReleaseWith) {}

    private static final String DRIVERS = """
            PREFIX vkg: <https://w3id.org/virtkg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?platform ?release ?asOf ?src ?dkey ?tech WHERE {
              ?driver vkg:partOf ?platform .
              ?platform a vkg:CloudPlatform .
              GRAPH ?g {
                ?g vkg:release ?release ; vkg:asOf ?asOf ; prov:wasDerivedFrom ?src .
                ?driver a vkg:HypervisorDriver ; vkg:driverKey ?dkey .
                OPTIONAL { ?driver vkg:driverFor ?tech }
              }
            }
            """;

    private Map<Node, DriverSupport> driverSupport() {
        return driverSupports.get(catalog.kb().version(), v -> {
            record Row(Node platform, String release, String asOf, String src, String driver, Node tech) {}
            List<Row> rows = new ArrayList<>();
            try (var exec = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(catalog.dataset())).query(DRIVERS).build()) {
                exec.execSelect().forEachRemaining(s -> rows.add(new Row(s.getResource("platform").asNode(), s.getLiteral("release").getLexicalForm(),
                        s.getLiteral("asOf").getLexicalForm(), s.getResource("src").getURI(), s.getLiteral("dkey").getLexicalForm(),
                        s.contains("tech") ? s.getResource("tech").asNode() : null)));
            }
            Map<Node, DriverSupport> out = new java.util.HashMap<>();
            Map<Node, List<Row>> byPlatform = new java.util.HashMap<>();
            for (Row r : rows) byPlatform.computeIfAbsent(r.platform(), k -> new ArrayList<>()).add(r);
            java.util.Comparator<Row> byDate = java.util.Comparator.comparing(Row::asOf).thenComparing(Row::release);
            for (var e : byPlatform.entrySet()) {
                List<Row> sorted = new ArrayList<>(e.getValue());
                sorted.sort(byDate);
                Row newest = sorted.get(sorted.size() - 1);
                Map<Node, List<String>> drivers = new java.util.HashMap<>();
                Map<Node, String> last = new java.util.HashMap<>();
                for (Row r : sorted) {
                    if (r.tech() == null) continue;
                    last.put(r.tech(), r.release());
                    if (r.release().equals(newest.release()))
                        drivers.computeIfAbsent(r.tech(), k -> new ArrayList<>()).add(r.driver());
                }
                drivers.values().forEach(java.util.Collections::sort);
                out.put(e.getKey(), new DriverSupport(newest.release(), newest.asOf(), newest.src(), drivers, last));
            }
            return out;
        });
    }

    /** What the platform's newest imported support matrix says of the technology, or null when it says nothing that counts. */
    private Map<String, Object> current(Node t, Node p, String knowledgeBaseStatus) {
        DriverSupport d = driverSupport().get(p);
        if (d == null) return null;
        List<String> drivers = d.newestDrivers().get(t);
        String last = d.lastReleaseWith().get(t);
        if ((drivers == null || drivers.isEmpty()) && last == null && !knowledgeBaseStatus.equals("supported")) return null;
        Map<String, Object> c = new LinkedHashMap<>();
        boolean has = drivers != null && !drivers.isEmpty();
        c.put("status", has ? "supported" : "unsupported");
        c.put("release", d.release());
        c.put("asOf", d.asOf());
        c.put("address", d.address());
        if (has) c.put("drivers", drivers);
        else {
            c.put("lastReleaseWithDriver", last);
            c.put("note", "The newest imported support matrix of " + catalog.label(p) + " (release " + d.release() + ") has no driver for "
                    + catalog.label(t) + (last == null ? "" : "; the last release with one was " + last) + ".");
        }
        return c;
    }

    /** The answer of a view other than paper: the newest source wins ({@code current}), or both kept ({@code all}). */
    static String combined(String view, String knowledgeBase, Map<String, Object> current) {
        if (current == null) return knowledgeBase;
        String now = (String) current.get("status");
        if (view.equals("current") || knowledgeBase.equals("unknown") || knowledgeBase.equals(now)) return now;
        return "disputed";
    }

    /** The paper view of the version this request reads (inside its read transaction). */
    private PaperView paperView() {
        return paperViews.get(catalog.kb().version(), v -> PaperView.of(catalog.dataset()));
    }

    public record Cell(String technology, String platform, String status, boolean inferred) {}

    /** One version's matrix, already serialised both ways: a request only writes bytes. */
    record Matrix(String json, String csv) {}

    public void compatibility(Context ctx) {
        if (Http.notModified(ctx, catalog.kb().version())) return;
        String tParam = Http.required(ctx, "technology");
        String pParam = Http.required(ctx, "platform");
        String view = view(ctx);
        cache.json(ctx, () -> catalog.read(() -> {
            Node t = catalog.requireA("technology", catalog.resolveParam("technology", tParam, false), Catalog.TECHNOLOGY,
                    "a virtualization technology");
            Node p = catalog.requireA("platform", catalog.resolveParam("platform", pParam, false), Catalog.PLATFORM,
                    "a cloud platform");
            PaperView paper = view.equals("paper") ? paperView() : null;
            if (paper != null)
                for (Node x : List.of(t, p))
                    if (!paper.isA(x, x == t ? Catalog.TECHNOLOGY : Catalog.PLATFORM))
                        throw new ProblemException(Problem.of(404, "'" + IdIndex.idOf(x) + "' is not in the paper (view=paper); ask with view=all")
                                .with("parameter", x == t ? "technology" : "platform").with("view", view));
            Cell cell = paper == null ? cell(t, p) : cell(t, p, paper.facts());
            Map<String, Object> current = paper == null ? current(t, p, cell.status()) : null;
            String status = paper == null ? combined(view, cell.status(), current) : cell.status();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("technology", catalog.value(t, false));
            body.put("platform", catalog.value(p, false));
            body.put("status", status);
            body.put("inferred", status.equals(cell.status()) && cell.inferred());
            Triple fact = switch (cell.status()) {
                case "supported" -> Triple.create(p, Catalog.SUPPORTS, t);
                case "unsupported" -> Triple.create(p, Catalog.DOES_NOT_SUPPORT, t);
                default -> null;
            };
            body.put("explanation", fact == null ? null
                    : paper == null ? explain.explanation(fact) : explain.explanation(fact, paper.reasoner(), PaperView::isPaperGraph));
            List<Map<String, Object>> sources = fact == null ? List.of() : sources(fact);
            if (paper != null) sources = sources.stream().filter(s -> PaperView.isPaperGraph((String) s.get("graph"))).toList();
            body.put("sources", sources);
            if (paper == null) {
                body.put("paper", Map.of("status", cell(t, p, paperView().facts()).status()));
                body.put("current", current);
                Map<String, Object> lifecycle = new LinkedHashMap<>();
                lifecycle.put("technology", present.lifecycle(t));
                lifecycle.put("platform", present.lifecycle(p));
                body.put("lifecycle", lifecycle);
            }
            body.put("view", view);
            if (status.equals("unknown"))
                body.put("note", "The knowledge base neither states nor entails that " + catalog.label(p) + " supports or does not support "
                        + catalog.label(t) + "; under the open-world assumption that is unknown, not no.");
            return body;
        }));
    }

    /** Sources of the fact as stated in either direction (for supports, also as supportedBy). */
    private List<Map<String, Object>> sources(Triple fact) {
        List<Map<String, Object>> out = new ArrayList<>(Provenance.sourcesOf(catalog.dataset(), fact));
        if (fact.getPredicate().equals(Catalog.SUPPORTS))
            out.addAll(Provenance.sourcesOf(catalog.dataset(), Triple.create(fact.getObject(), Catalog.SUPPORTED_BY, fact.getSubject())));
        return out;
    }

    /** What the knowledge base says about one (technology, platform) pair; the one rule both the check and the matrix use. */
    interface Facts {
        boolean holds(Node s, Node p, Node o);

        boolean asserted(Node s, Node p, Node o);
    }

    Cell cell(Node t, Node p) {
        return cell(t, p, new Facts() {
            @Override
            public boolean holds(Node s, Node pr, Node o) {
                return catalog.holds(s, pr, o);
            }

            @Override
            public boolean asserted(Node s, Node pr, Node o) {
                return catalog.asserted(s, pr, o);
            }
        });
    }

    static Cell cell(Node t, Node p, Facts facts) {
        String tId = IdIndex.idOf(t);
        String pId = IdIndex.idOf(p);
        if (facts.holds(p, Catalog.SUPPORTS, t)) {
            boolean stated = facts.asserted(p, Catalog.SUPPORTS, t) || facts.asserted(t, Catalog.SUPPORTED_BY, p);
            return new Cell(tId, pId, "supported", !stated);
        }
        if (facts.holds(p, Catalog.DOES_NOT_SUPPORT, t))
            return new Cell(tId, pId, "unsupported", !facts.asserted(p, Catalog.DOES_NOT_SUPPORT, t));
        return new Cell(tId, pId, "unknown", false);
    }

    /**
     * The facts the matrix needs, read in one scan per predicate rather than several lookups per
     * cell: with a thousand more products the matrix has tens of thousands of cells.
     */
    private Facts scanned() {
        java.util.Set<Triple> entailed = new java.util.HashSet<>();
        java.util.Set<Triple> stated = new java.util.HashSet<>();
        for (Node pred : List.of(Catalog.SUPPORTS, Catalog.SUPPORTED_BY, Catalog.DOES_NOT_SUPPORT)) {
            catalog.union().find(Node.ANY, pred, Node.ANY).forEachRemaining(entailed::add);
            catalog.dataset().find(Node.ANY, Node.ANY, pred, Node.ANY).forEachRemaining(q -> {
                if (org.virtkg.kb.KnowledgeBase.isAssertedGraph(q.getGraph())) stated.add(q.asTriple());
            });
        }
        return new Facts() {
            @Override
            public boolean holds(Node s, Node p, Node o) {
                return entailed.contains(Triple.create(s, p, o));
            }

            @Override
            public boolean asserted(Node s, Node p, Node o) {
                return stated.contains(Triple.create(s, p, o));
            }
        };
    }

    public void matrix(Context ctx) {
        String view = view(ctx);
        if (Http.notModified(ctx, catalog.kb().version())) return;
        Matrix m = matrices.get(List.of(catalog.kb().version(), view), k -> catalog.read(() -> computeMatrix(view)));
        String type = Http.negotiate(ctx, List.of("application/json", "text/csv"));
        if ("text/csv".equals(type)) {
            ctx.contentType("text/csv; charset=utf-8").result(m.csv());
            return;
        }
        ctx.contentType("application/json").result(m.json());
    }

    private Matrix computeMatrix(String view) {
        PaperView paper = view.equals("paper") ? paperView() : null;
        List<Node> ts = paper == null ? catalog.technologies() : paper.instances(Catalog.TECHNOLOGY, catalog);
        List<Node> ps = paper == null ? catalog.platforms() : paper.instances(Catalog.PLATFORM, catalog);
        Facts facts = paper == null ? scanned() : paper.facts();
        List<Cell> cells = new ArrayList<>();
        StringBuilder csv = new StringBuilder("technology,platform,status,inferred\r\n");
        for (Node t : ts) {
            for (Node p : ps) {
                Cell c = cell(t, p, facts);
                if (paper == null) {
                    String status = combined(view, c.status(), current(t, p, c.status()));
                    if (!status.equals(c.status())) c = new Cell(c.technology(), c.platform(), status, false);
                }
                cells.add(c);
                csv.append(c.technology()).append(',').append(c.platform()).append(',').append(c.status()).append(',')
                        .append(c.inferred()).append("\r\n");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("technologies", ts.stream().map(n -> catalog.value(n, false)).toList());
        body.put("platforms", ps.stream().map(n -> catalog.value(n, false)).toList());
        body.put("cells", cells);
        if (paper == null) body.put("lifecycles", present.lifecycles());
        return new Matrix(Json.write(body), csv.toString());
    }
}
