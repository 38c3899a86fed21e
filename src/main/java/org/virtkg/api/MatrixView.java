package org.virtkg.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.claims.Claims;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.knowledge.PaperView;
import org.virtkg.store.Graphs;

/**
 * The compatibility matrix of one view ({@code all}, {@code current} or {@code paper}) and one
 * {@code include}, for one knowledge-base version, kept as rows of cells so that a change updates
 * it instead of the whole matrix being computed again ({@link #after}).
 *
 * <p>A cell (technology, platform) is what {@link Claims#compatibility} answers for
 * {@code platform vkg:supports technology} and {@code platform vkg:doesNotSupport technology}
 * ({@code view=current}: {@link Claims#newestWins}). What that answer reads, and so what can change
 * it, is: whether the two triples hold, which graphs state them (or their inverses), the notes
 * naming them, and, for an inferred claim, its derivation, the facts it rests on being disputed,
 * and the dates of its sources. A change that leaves the derivations the reasoner held as they
 * were (it adds, or it removes and DRed derives no conclusion anew: what rested on a removed
 * triple is gone, and is in the change), leaves the recorded disagreements, the notes, the
 * inverse pairs and the dates alone ({@link Catalog#followable}, {@link Catalog#claimsStillHold}), can therefore
 * change only the cells whose two triples (or their inverses) it adds or removes, asserted or
 * inferred, and the rows and columns of the products it makes or unmakes technologies and
 * platforms (or commercial services), or relabels. Any other change leaves the matrix to be
 * computed anew for the next version, as it was before. The test
 * {@code MatrixFollowsChangesTest} compares a followed matrix with a computed one, byte for byte.
 *
 * <p>Each row's cells are kept, with their CSV lines, so a new version's body is written from the
 * rows, not computed again.
 */
final class MatrixView {
    /** A technology's cells, in the order of {@link #platforms}, with their CSV lines. */
    record Row(Map<Node, CompatibilityRoutes.Cell> cells, String csv) {}

    final long version;
    final String view;
    final boolean services;
    /** The claims every cell was computed with; followed only while a change leaves them true. */
    final Claims claims;
    /** {@code view=paper}: the paper's own reasoner, whose membership and claims a followed change cannot touch. */
    final PaperView paper;
    final List<Node> technologies;
    final List<Node> platforms;
    /** Of {@link #platforms}, the commercial services (some only with include=services): their columns are marked. */
    final Set<Node> serviceColumns;
    final List<Node> excluded;
    final Map<Node, String> labels;
    final Map<Node, Row> rows;
    final Map<String, String> lifecycles;
    private volatile CompatibilityRoutes.Matrix serialised;

    private MatrixView(long version, String view, boolean services, Claims claims, PaperView paper, List<Node> technologies,
                       List<Node> platforms, Set<Node> serviceColumns, List<Node> excluded, Map<Node, String> labels,
                       Map<Node, Row> rows, Map<String, String> lifecycles) {
        this.version = version;
        this.view = view;
        this.services = services;
        this.claims = claims;
        this.paper = paper;
        this.technologies = technologies;
        this.platforms = platforms;
        this.serviceColumns = serviceColumns;
        this.excluded = excluded;
        this.labels = labels;
        this.rows = rows;
        this.lifecycles = lifecycles;
    }

    /** Computes the matrix of {@code version} from the store; the caller holds a read transaction seeing that version. */
    static MatrixView build(Catalog catalog, long version, String view, boolean services) {
        PaperView paper = view.equals("paper") ? catalog.paperView() : null;
        Claims claims = catalog.claims(view);
        Map<Node, String> labels = new HashMap<>();
        List<Node> ts = paper == null ? catalog.technologies() : paper.instances(Catalog.TECHNOLOGY, catalog);
        List<Node> ps = new ArrayList<>();
        List<Node> excluded = new ArrayList<>();
        Set<Node> serviceColumns = new HashSet<>();
        for (Node p : paper == null ? catalog.platforms() : paper.instances(Catalog.PLATFORM, catalog)) {
            // Judged as the view judges everything else: the paper view by the paper's own reasoner.
            // The same judgement marks the column of a service brought back, so mark and leaving out agree.
            boolean service = isService(catalog, paper, p);
            if (service && !services) excluded.add(p);
            else {
                ps.add(p);
                if (service) serviceColumns.add(p);
            }
        }
        for (List<Node> list : List.of(ts, ps, excluded)) for (Node n : list) labels.put(n, catalog.label(n));
        Map<Node, Row> rows = new HashMap<>();
        for (Node t : ts) rows.put(t, row(claims, view, t, ps, Map.of(), Set.copyOf(ps)));
        return new MatrixView(version, view, services, claims, paper, ts, ps, Set.copyOf(serviceColumns), excluded, labels, rows,
                paper == null ? Lifecycles.lifecycles(catalog) : null);
    }

    /**
     * This matrix after {@code changes} (consecutive, the first following this version), or null
     * when one of them may change it in a way it cannot follow. The caller holds a read
     * transaction seeing the state after the last change (a batch commits once, so no reader ever
     * sees the states between).
     */
    MatrixView after(Catalog catalog, List<KnowledgeBase.Committed> changes) {
        long expected = version + 1;
        List<Triple> touched = new ArrayList<>();
        for (KnowledgeBase.Committed c : changes) {
            if (c.version() != expected++ || !Knowledge.followable(c, catalog.dataset()) || !Knowledge.claimsStillHold(c, claims)) return null;
            if (paper != null && Knowledge.touchesPaper(c)) return null;
            touched.addAll(c.touched());
        }
        // Products whose membership, service flag or label may have changed; cells whose claims did.
        Set<Node> members = new HashSet<>();
        Map<Node, Set<Node>> cellsOf = new HashMap<>();
        for (Triple t : touched) {
            Node p = t.getPredicate();
            if (p.equals(RDF.type.asNode()) || p.equals(RDFS.label.asNode())) members.add(t.getSubject());
            for (Triple c : new Triple[] {t, claims.inverse(t)}) {
                if (c == null) continue;
                if (c.getPredicate().equals(Claims.SUPPORTS) || c.getPredicate().equals(Claims.DOES_NOT_SUPPORT))
                    cellsOf.computeIfAbsent(c.getObject(), k -> new HashSet<>()).add(c.getSubject());
            }
        }
        Set<Node> ts = new HashSet<>(technologies), ps = new HashSet<>(platforms), es = new HashSet<>(excluded);
        Set<Node> marked = new HashSet<>(serviceColumns);
        Map<Node, String> newLabels = new HashMap<>(labels);
        boolean reorder = false;
        Set<Node> newRows = new HashSet<>(), newColumns = new HashSet<>();
        for (Node n : members) {
            if (!n.isURI() || !n.getURI().startsWith(Graphs.ID)) continue;
            boolean isT = isA(catalog, paper, n, Catalog.TECHNOLOGY);
            boolean isPlatform = isA(catalog, paper, n, Catalog.PLATFORM);
            boolean service = isPlatform && isService(catalog, paper, n);
            boolean isP = isPlatform && (services || !service), isE = isPlatform && !services && service;
            // A column that stays while its product becomes (or stops being) a service changes only its mark.
            if (isP && service) marked.add(n);
            else marked.remove(n);
            if (isT != ts.contains(n)) {
                if (isT) {
                    ts.add(n);
                    newRows.add(n);
                } else {
                    ts.remove(n);
                }
                reorder = true;
            }
            if (isP != ps.contains(n)) {
                if (isP) {
                    ps.add(n);
                    newColumns.add(n);
                } else {
                    ps.remove(n);
                }
                reorder = true;
            }
            if (isE != es.contains(n)) {
                if (isE) es.add(n);
                else es.remove(n);
                reorder = true;
            }
            if (isT || isPlatform) {
                String label = catalog.label(n);
                if (!label.equals(newLabels.put(n, label))) reorder = true;
            } else {
                newLabels.remove(n);
            }
        }
        Comparator<Node> order = Comparator.comparing((Node n) -> newLabels.get(n), String.CASE_INSENSITIVE_ORDER).thenComparing(Node::getURI);
        List<Node> tList = reorder ? sorted(ts, order) : technologies;
        List<Node> pList = reorder ? sorted(ps, order) : platforms;
        List<Node> eList = reorder ? sorted(es, order) : excluded;
        boolean columnsChanged = !pList.equals(platforms);
        Map<Node, Row> newRowsMap = new HashMap<>();
        for (Node t : tList) {
            Row old = rows.get(t);
            Set<Node> dirty = new HashSet<>(newColumns);
            dirty.addAll(cellsOf.getOrDefault(t, Set.of()));
            if (old == null || newRows.contains(t)) newRowsMap.put(t, row(claims, view, t, pList, Map.of(), Set.copyOf(pList)));
            else if (!dirty.isEmpty() || columnsChanged) newRowsMap.put(t, row(claims, view, t, pList, old.cells(), dirty));
            else newRowsMap.put(t, old);
        }
        return new MatrixView(changes.get(changes.size() - 1).version(), view, services, claims, paper, tList, pList, Set.copyOf(marked), eList,
                newLabels, newRowsMap, paper == null ? Lifecycles.lifecycles(catalog) : null);
    }

    private static List<Node> sorted(Set<Node> nodes, Comparator<Node> order) {
        List<Node> out = new ArrayList<>(nodes);
        out.sort(order);
        return List.copyOf(out);
    }

    private static boolean isA(Catalog catalog, PaperView paper, Node n, Node type) {
        return paper == null ? catalog.isA(n, type) : paper.isA(n, type);
    }

    private static boolean isService(Catalog catalog, PaperView paper, Node p) {
        return paper == null ? catalog.isService(p) : paper.isA(p, Catalog.SERVICE);
    }

    /** A technology's row over {@code platforms}: the cells in {@code compute} computed, the others taken from {@code kept}. */
    private static Row row(Claims claims, String view, Node t, List<Node> platforms, Map<Node, CompatibilityRoutes.Cell> kept, Set<Node> compute) {
        Map<Node, CompatibilityRoutes.Cell> cells = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder();
        for (Node p : platforms) {
            CompatibilityRoutes.Cell c = compute.contains(p) || !kept.containsKey(p) ? cell(claims, view, t, p) : kept.get(p);
            cells.put(p, c);
            csv.append(c.technology()).append(',').append(c.platform()).append(',').append(c.status()).append(',')
                    .append(c.basis() == null ? "" : c.basis()).append("\r\n");
        }
        return new Row(cells, csv.toString());
    }

    private static CompatibilityRoutes.Cell cell(Claims claims, String view, Node t, Node p) {
        Claims.Compatibility a = claims.compatibility(p, t);
        if (view.equals("current")) a = claims.newestWins(a);
        return new CompatibilityRoutes.Cell(IdIndex.idOf(t), IdIndex.idOf(p), a.status(), a.basis() == null ? null : a.basis().json());
    }

    /** The body, both ways, made once per version from the rows' kept cells and CSV lines. */
    CompatibilityRoutes.Matrix serialised() {
        CompatibilityRoutes.Matrix m = serialised;
        if (m != null) return m;
        synchronized (this) {
            if (serialised == null) {
                StringBuilder csv = new StringBuilder("technology,platform,status,basis\r\n");
                List<CompatibilityRoutes.Cell> cells = new java.util.ArrayList<>();
                for (Node t : technologies) {
                    Row r = rows.get(t);
                    csv.append(r.csv());
                    cells.addAll(r.cells().values());
                }
                String json = Json.write(new CompatibilityRoutes.MatrixAnswer(refs(technologies), columns(), cells,
                        Map.of(Catalog.SERVICES, refs(excluded)), lifecycles));
                serialised = new CompatibilityRoutes.Matrix(json, csv.toString());
            }
            return serialised;
        }
    }

    private List<Catalog.Ref> refs(List<Node> nodes) {
        return nodes.stream().map(n -> new Catalog.Ref(IdIndex.idOf(n), labels.get(n))).toList();
    }

    /** The platforms' columns, each service's marked (read from what was kept: serialising opens no transaction). */
    private List<Catalog.PlatformRef> columns() {
        return platforms.stream().map(n -> Catalog.platformRef(n, labels.get(n), serviceColumns.contains(n))).toList();
    }
}
