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
 */
public final class CompatibilityRoutes {
    private final Catalog catalog;
    private final ExplainRoutes explain;
    /** The matrix is |technologies| x |platforms| lookups: compute once per KB version. */
    private final Cache<Long, Matrix> matrices = Caffeine.newBuilder().maximumSize(2).build();

    private final ResponseCache cache;

    public CompatibilityRoutes(Catalog catalog, ExplainRoutes explain, ResponseCache cache) {
        this.catalog = catalog;
        this.explain = explain;
        this.cache = cache;
    }

    public record Cell(String technology, String platform, String status, boolean inferred) {}

    /** One version's matrix, already serialised both ways: a request only writes bytes. */
    record Matrix(String json, String csv) {}

    public void compatibility(Context ctx) {
        if (Http.notModified(ctx, catalog.kb().version())) return;
        String tParam = Http.required(ctx, "technology");
        String pParam = Http.required(ctx, "platform");
        cache.json(ctx, () -> catalog.read(() -> {
            Node t = catalog.requireA("technology", catalog.resolveParam("technology", tParam, false), Catalog.TECHNOLOGY,
                    "a virtualization technology");
            Node p = catalog.requireA("platform", catalog.resolveParam("platform", pParam, false), Catalog.PLATFORM,
                    "a cloud platform");
            Cell cell = cell(t, p);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("technology", catalog.value(t, false));
            body.put("platform", catalog.value(p, false));
            body.put("status", cell.status());
            body.put("inferred", cell.inferred());
            Triple fact = switch (cell.status()) {
                case "supported" -> Triple.create(p, Catalog.SUPPORTS, t);
                case "unsupported" -> Triple.create(p, Catalog.DOES_NOT_SUPPORT, t);
                default -> null;
            };
            body.put("explanation", fact == null ? null : explain.explanation(fact));
            body.put("sources", fact == null ? List.of() : sources(fact));
            if (fact == null)
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
        if (Http.notModified(ctx, catalog.kb().version())) return;
        Matrix m = matrices.get(catalog.kb().version(), v -> catalog.read(this::computeMatrix));
        String type = Http.negotiate(ctx, List.of("application/json", "text/csv"));
        if ("text/csv".equals(type)) {
            ctx.contentType("text/csv; charset=utf-8").result(m.csv());
            return;
        }
        ctx.contentType("application/json").result(m.json());
    }

    private Matrix computeMatrix() {
        List<Node> ts = catalog.technologies();
        List<Node> ps = catalog.platforms();
        Facts facts = scanned();
        List<Cell> cells = new ArrayList<>();
        StringBuilder csv = new StringBuilder("technology,platform,status,inferred\r\n");
        for (Node t : ts) {
            for (Node p : ps) {
                Cell c = cell(t, p, facts);
                cells.add(c);
                csv.append(c.technology()).append(',').append(c.platform()).append(',').append(c.status()).append(',')
                        .append(c.inferred()).append("\r\n");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("technologies", ts.stream().map(n -> catalog.value(n, false)).toList());
        body.put("platforms", ps.stream().map(n -> catalog.value(n, false)).toList());
        body.put("cells", cells);
        return new Matrix(Json.write(body), csv.toString());
    }
}
