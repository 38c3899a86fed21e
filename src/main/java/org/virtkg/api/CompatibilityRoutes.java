package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.virtkg.claims.Claims;
import org.virtkg.imports.SupportMatrices;
import org.virtkg.kb.KnowledgeBase;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Lifecycles;
import org.virtkg.knowledge.PaperView;
import org.virtkg.knowledge.PerVersion;
import org.virtkg.knowledge.Provenance;
import org.virtkg.store.Graphs;

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
 * knowledge base did before current sources were added. {@code all} (the default) answers from every
 * source's claims ({@link Claims}): where dated current sources (an imported support matrix's
 * release, {@code data/current.trig}) disagree with the paper, the answer is {@code disputed}, both
 * sides sourced. {@code current} lets the newest dated side win ({@link Claims#newestWins}). Both add
 * where each product stands today (its lifecycle) and, for a platform with an imported support
 * matrix (OpenStack: Nova's), what its newest release says of its drivers ({@code current}).
 *
 * <p>The matrix leaves out the platforms that are commercial services (the survey's public-cloud
 * examples, e.g. Amazon EC2) unless {@code include=services}, and names them under
 * {@code excluded.services}; a single {@code /api/compatibility} question answers for any platform.
 * Where a commercial service is named (the answer's platform, the matrix's columns with
 * {@code include=services}) it is marked {@code commercialService: true}, as every view marks one
 * ({@link Catalog#serviceMark}).
 */
public final class CompatibilityRoutes {
    private final Knowledge knowledge;
    private final ExplainRoutes explain;
    /**
     * The matrix is |technologies| x |platforms| lookups: computed once per KB version, view and
     * include (concurrent requests for one share the computation), then carried from version to
     * version by the changes themselves ({@link MatrixView#after}) while they allow it.
     */
    private final PerVersion<MatrixView> matrices = new PerVersion<>();
    /** The newest matrix of each view and include, which the next batch of changes updates. */
    private final Map<List<Object>, MatrixView> newestMatrices = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Per KB version: platform → what its imported support matrices say of its drivers. Carried
     * to the next version by a batch that cannot change it ({@link #followDriverSupport}), since
     * computing it is a join over every imported release graph and most writes touch none.
     */
    private final PerVersion<Map<Node, DriverSupport>> driverSupports = new PerVersion<>();

    private final ResponseCache cache;

    public CompatibilityRoutes(Knowledge knowledge, ExplainRoutes explain, ResponseCache cache) {
        this.knowledge = knowledge;
        this.explain = explain;
        this.cache = cache;
        // Registered after the catalogue's own listener; runs under the write lock, before the
        // batch's writers get their answers, so a writer's next matrix already has its change.
        knowledge.kb().onBatchCommitted(this::followMatrices);
        knowledge.kb().onBatchCommitted(this::followDriverSupport);
    }

    /** What {@link #DRIVERS} and {@link SupportMatrices#releases} read, besides the imported graphs themselves. */
    private static final java.util.Set<Node> DRIVER_PREDICATES = java.util.Set.of(Graphs.node(Graphs.VOCAB + "partOf"),
            Graphs.node(Graphs.VOCAB + "release"), Graphs.node(Graphs.VOCAB + "driverKey"), Graphs.node(Graphs.VOCAB + "driverFor"));
    private static final java.util.Set<Node> DRIVER_CLASSES = java.util.Set.of(Catalog.PLATFORM, Graphs.node(Graphs.VOCAB + "HypervisorDriver"));

    /**
     * Carries the drivers' support to the version a batch produced when nothing the batch did,
     * asserted or concluded, can change it: no quad in an imported graph and no triple with a
     * predicate or class the computation reads. A change whose conclusions are not known (caught
     * up from another instance, or one after which a conclusion rests on a new derivation) leaves it to be computed anew.
     */
    private void followDriverSupport(List<KnowledgeBase.Committed> changes) {
        Map<Node, DriverSupport> before = driverSupports.getIfPresent(changes.get(0).version() - 1);
        if (before == null) return;
        for (var c : changes) {
            if (!c.conclusionsKnown()) return;
            for (var quads : List.of(c.added(), c.deleted()))
                for (Quad q : quads)
                    if (q.getGraph().isURI() && Graphs.isImported(q.getGraph().getURI())) return;
            for (Triple t : c.touched())
                if (readsDrivers(t)) return;
        }
        driverSupports.put(changes.get(changes.size() - 1).version(), before);
    }

    private static boolean readsDrivers(Triple t) {
        return DRIVER_PREDICATES.contains(t.getPredicate())
                || (t.getPredicate().equals(org.apache.jena.vocabulary.RDF.Nodes.type) && DRIVER_CLASSES.contains(t.getObject()));
    }

    /** Carries each matrix computed so far to the version a batch produced, or drops it to be computed anew. */
    private void followMatrices(List<KnowledgeBase.Committed> changes) {
        if (newestMatrices.isEmpty()) return;
        knowledge.read(catalog -> {
            for (var e : newestMatrices.entrySet()) {
                MatrixView m = e.getValue();
                MatrixView next = changes.get(0).version() == m.version + 1 ? m.after(catalog, changes) : null;
                if (next == null) {
                    newestMatrices.remove(e.getKey(), m);
                    continue;
                }
                matrices.put(next.version, e.getKey(), next);
                newestMatrices.merge(e.getKey(), next, (a, b) -> a.version >= b.version ? a : b);
            }
            return null;
        });
    }

    /** Tests: the drivers' support at the newest version, carried or computed. */
    Map<Node, DriverSupport> driverSupport() {
        return knowledge.read(this::driverSupport);
    }

    /** Tests: the newest matrix of a view and include as it stands, followed or computed, or null. */
    MatrixView newestMatrix(String view, boolean services) {
        return newestMatrices.get(List.of(view, services));
    }

    /** Tests: the matrix of the newest version. */
    MatrixView matrixView(String view, boolean services) {
        return knowledge.read(catalog -> matrixView(catalog, view, services));
    }

    /** The matrix of {@code catalog}'s version. */
    MatrixView matrixView(Catalog catalog, String view, boolean services) {
        long version = catalog.version();
        List<Object> key = List.of(view, services);
        MatrixView m = newestMatrices.get(key);
        if (m != null && m.version == version) return m;
        MatrixView built = matrices.get(version, key, () -> MatrixView.build(catalog, version, view, services));
        newestMatrices.merge(key, built, (a, b) -> a.version >= b.version ? a : b);
        return built;
    }

    /** {@code view}, checked: one of {@link PaperAndPresent#VIEWS}, default {@code all}. */
    static String view(Context ctx) {
        String view = ctx.queryParam("view");
        if (view == null) return "all";
        if (!PaperAndPresent.VIEWS.contains(view))
            throw new ProblemException(Problem.of(400, "Parameter 'view' must be one of " + String.join(", ", PaperAndPresent.VIEWS) + ", got '" + view + "'")
                    .withParameter("view"));
        return view;
    }

    /**
     * A platform's imported support matrices, newest release first in importance: which drivers
     * the newest release has per technology, and the last release with a driver for each.
     */
    record DriverSupport(String release, String asOf, String address, Map<Node, List<String>> newestDrivers, Map<Node, String> lastReleaseWith) {}

    private static final String DRIVERS = """
            PREFIX vkg: <https://w3id.org/virtkg/ontology#>
            SELECT ?platform ?release ?dkey ?tech WHERE {
              ?driver vkg:partOf ?platform .
              ?platform a vkg:CloudPlatform .
              GRAPH ?g {
                ?g vkg:release ?release .
                ?driver a vkg:HypervisorDriver ; vkg:driverKey ?dkey .
                OPTIONAL { ?driver vkg:driverFor ?tech }
              }
            }
            """;

    private Map<Node, DriverSupport> driverSupport(Catalog catalog) {
        return driverSupports.get(catalog.version(), () -> {
            record Row(Node platform, String release, String driver, Node tech) {}
            List<Row> rows = new ArrayList<>();
            try (var exec = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(catalog.dataset())).query(DRIVERS).build()) {
                exec.execSelect().forEachRemaining(s -> rows.add(new Row(s.getResource("platform").asNode(), s.getLiteral("release").getLexicalForm(),
                        s.getLiteral("dkey").getLexicalForm(), s.contains("tech") ? SupportMatrices.runsGuestsOn(s.getResource("tech").asNode()) : null)));
            }
            List<SupportMatrices.Release> releases = SupportMatrices.releases(catalog.dataset());
            List<String> order = releases.stream().map(SupportMatrices.Release::name).toList();
            Map<Node, DriverSupport> out = new java.util.HashMap<>();
            Map<Node, List<Row>> byPlatform = new java.util.HashMap<>();
            for (Row r : rows) byPlatform.computeIfAbsent(r.platform(), k -> new ArrayList<>()).add(r);
            for (var e : byPlatform.entrySet()) {
                List<Row> sorted = new ArrayList<>(e.getValue());
                sorted.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.release())));
                var named = sorted.stream().map(Row::release).collect(java.util.stream.Collectors.toSet());
                var newest = SupportMatrices.newest(releases, named);
                if (newest.isEmpty()) continue; // a release without a date: not ordered, so not "the newest"
                Map<Node, List<String>> drivers = new java.util.HashMap<>();
                Map<Node, String> last = new java.util.HashMap<>();
                for (Row r : sorted) {
                    if (r.tech() == null || !order.contains(r.release())) continue;
                    last.put(r.tech(), r.release());
                    if (r.release().equals(newest.get().name()))
                        drivers.computeIfAbsent(r.tech(), k -> new ArrayList<>()).add(r.driver());
                }
                drivers.values().forEach(java.util.Collections::sort);
                out.put(e.getKey(), new DriverSupport(newest.get().name(), newest.get().asOf(), newest.get().address(), drivers, last));
            }
            return out;
        });
    }

    /**
     * What the platform's newest imported support matrix says of the technology, or null when it
     * has none or says nothing that counts; {@code status} is the newest-wins answer of the claims.
     */
    private Current current(Catalog catalog, Node t, Node p, Claims.Compatibility newest) {
        DriverSupport d = driverSupport(catalog).get(p);
        if (d == null) return null;
        List<String> drivers = d.newestDrivers().get(t);
        String last = d.lastReleaseWith().get(t);
        boolean has = drivers != null && !drivers.isEmpty();
        if (!has && last == null && !newest.doesNotSupport().holds()) return null;
        NoDriver none = has ? null : new NoDriver(last, "The newest imported support matrix of " + catalog.label(p) + " (release "
                + d.release() + ") has no driver for " + catalog.label(t) + (last == null ? "" : "; the last imported release with one was " + last) + ".");
        return new Current(newest.status(), d.release(), d.asOf(), d.address(), has ? drivers : null, none);
    }

    /**
     * What the platform's newest imported support matrix says of the technology: the newest-wins
     * status, the release, its date and address, and the drivers it lists for it or, when it lists
     * none, why not ({@link NoDriver}).
     */
    @Describe(name = "CompatibilityCurrent", description = "What the platform's newest imported support matrix says of the technology")
    public record Current(
            @Describe(allowed = {"supported", "partial", "unsupported", "disputed", "unknown"}) String status,
            String release, String asOf, String address,
            @Describe(description = "The matrix's drivers for the technology; absent when it has none")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> drivers,
            @JsonUnwrapped NoDriver noDriver) {}

    /** When the newest matrix has no driver for the technology: the last imported release that had one (null when none did), in words too. */
    public record NoDriver(@Describe(nullable = true) String lastReleaseWithDriver, String note) {}

    /** One matrix cell: the status and the basis of the claim it rests on (null when unknown). */
    @Describe(name = "CompatibilityCell")
    public record Cell(String technology, String platform,
            @Describe(allowed = {"supported", "partial", "unsupported", "disputed", "unknown"}) String status,
            @Describe(allowed = {"stated", "inferred"}, nullable = true, description = "null when status is unknown") String basis) {}

    /**
     * The matrix as JSON (the schema CompatibilityMatrix in /openapi.json is generated from it),
     * written once per version ({@link MatrixView#serialised}): every technology x platform cell,
     * technology by technology, in the platforms' order.
     */
    @Describe(name = "CompatibilityMatrix", description = "Every technology x platform with status and basis")
    public record MatrixAnswer(List<Catalog.Ref> technologies,
            @Describe(description = "The columns, in order; with include=services each commercial service is marked commercialService: true")
            List<Catalog.PlatformRef> platforms,
            List<Cell> cells,
            @Describe(description = "What the matrix leaves out, by the include= value that brings it back (services: commercial services)")
            Map<String, List<Catalog.Ref>> excluded,
            @Describe(description = "Product id -> its lifecycle status today; absent under view=paper")
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> lifecycles) {}

    /** One version's matrix, already serialised both ways: a request only writes bytes. */
    record Matrix(String json, String csv) {}

    /** Source graphs of the paper's own text and tables (not the dated outside sources PaperView also reads). */
    private static final String PAPER_SOURCES = org.virtkg.store.Graphs.SOURCE + "paper";

    public void compatibility(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            String tParam = Http.required(ctx, "technology");
            String pParam = Http.required(ctx, "platform");
            String view = view(ctx);
            cache.json(ctx, catalog.version(), () -> {
                Node t = Ids.paramOfKind(catalog, "technology", tParam, Catalog.TECHNOLOGY, "a virtualization technology");
                Node p = Ids.paramOfKind(catalog, "platform", pParam, Catalog.PLATFORM, "a cloud platform");
                PaperView paper = view.equals("paper") ? catalog.paperView() : null;
                Ids.inView(catalog, t, Catalog.TECHNOLOGY, view, "technology");
                Ids.inView(catalog, p, Catalog.PLATFORM, view, "platform");
                Claims claims = catalog.claims(view);
                Claims.Compatibility all = claims.compatibility(p, t);
                Claims.Compatibility newest = claims.newestWins(all);
                Claims.Compatibility answer = view.equals("current") ? newest : all;
                String status = answer.status();
                Claims.Evidence deciding = answer.deciding();
                Triple fact = deciding.holds() ? deciding.claim() : null;
                // A claim stated only the other way round ("KVM is supported by X") is explained as stated,
                // so the explanation's status and the basis never disagree.
                if (fact != null && deciding.basis() == Claims.Basis.STATED && claims.statements(fact).isEmpty() && claims.inverse(fact) != null)
                    fact = claims.inverse(fact);
                ExplainRoutes.Explained explanation = fact == null ? null
                        : paper == null ? explain.explanation(fact) : explain.explanation(fact, paper.reasoner(), PaperView::isPaperGraph);
                List<Note> notes = new ArrayList<>();
                for (Claims.Evidence e : List.of(answer.supports(), answer.doesNotSupport()))
                    for (Claims.Note n : e.notes()) notes.add(note(catalog, claims, n, e));
                Against against = null;
                String asOf = null;
                String decidedBy = null;
                if (answer.supports().holds() && answer.doesNotSupport().holds()) {
                    Claims.Evidence other = deciding == answer.supports() ? answer.doesNotSupport() : answer.supports();
                    against = new Against(claims.sentence(other.claim()), other.basis().json(), describe(catalog, other.sources()),
                            claims.newest(other.sources()).orElse(null));
                    asOf = claims.newest(deciding.sources()).orElse(null);
                    if (view.equals("current") && !status.equals("disputed"))
                        decidedBy = "The newest source wins: '" + claims.sentence(deciding.claim()) + "' (as of " + asOf
                                + ") over '" + claims.sentence(other.claim()) + "' (as of " + against.asOf() + ").";
                }
                // What all the knowledge base's statements say, before the newest source is let win; where each stands today.
                Present present = paper != null ? null : new Present(new Status(catalog.claims("paper").compatibility(p, t).status()),
                        new Status(all.status()), current(catalog, t, p, newest),
                        new Lifecycle(Lifecycles.lifecycle(catalog, t), Lifecycles.lifecycle(catalog, p)));
                String note = !status.equals("unknown") ? null
                        : "The knowledge base neither states nor entails that " + catalog.label(p) + " supports or does not support "
                                + catalog.label(t) + "; under the open-world assumption that is unknown, not no.";
                String paperAlone = paperAloneNote(claims, view, answer);
                if (paperAlone != null) note = paperAlone;
                // A single question answers for any platform, so the answer says when it is a rented service.
                return new Compatibility(catalog.ref(t), catalog.platformRef(p, view), status, answer.basis() == null ? null : answer.basis().json(),
                        status.equals("disputed"), explanation, describe(catalog, deciding.sources()),
                        notes.stream().filter(n -> !"condition".equals(n.kind())).toList(),
                        notes.stream().filter(n -> "condition".equals(n.kind())).toList(),
                        against, asOf, decidedBy, present, view, note);
            });
        });
    }

    /**
     * Today's view can only repeat what the paper said where no later source speaks of the pair:
     * under {@code view=current}, when the deciding claim rests on the paper's graphs alone (and no
     * other claim contradicts it), the sentence that says so; else null. The compatibility check and
     * the selection's pairs say it alike.
     */
    static String paperAloneNote(Claims claims, String view, Claims.Compatibility answer) {
        Claims.Evidence deciding = answer.deciding();
        if (!view.equals("current") || (answer.supports().holds() && answer.doesNotSupport().holds()) || deciding.sources().isEmpty()
                || !deciding.sources().stream().allMatch(g -> g.getURI().startsWith(PAPER_SOURCES)))
            return null;
        return "Only the paper states this (as of " + claims.newest(deciding.sources()).orElse("its date") + ", an editorial "
                + "date); no later source confirms or overturns it, so today's view rests on the paper's word alone.";
    }

    /**
     * The answer of {@code /api/compatibility}, written by Jackson as it stands (its schema in
     * /openapi.json is generated from it, {@link Schemas#answer}): the members marked
     * {@code NON_NULL} are absent rather than null; {@link Present}'s are absent under
     * {@code view=paper}, which answers from the paper alone.
     */
    @Describe(name = "Compatibility", description = "Whether a platform supports a technology, why, and on whose word")
    public record Compatibility(
            Catalog.Ref technology,
            @Describe(description = "The platform asked about, marked commercialService: true when it is a commercial service")
            Catalog.PlatformRef platform,
            @Describe(allowed = {"supported", "partial", "unsupported", "disputed", "unknown"},
                    description = "partial: supported with a stated condition; disputed: sources disagree, or the only support is disputed")
            String status,
            @Describe(allowed = {"stated", "inferred"}, nullable = true, description = "null when status is unknown") String basis,
            boolean disputed,
            @Describe(nullable = true, description = "How the deciding claim is stated or entailed (as /api/explain), or null when none holds")
            ExplainRoutes.Explained explanation,
            @Describe(description = "The source graphs the deciding claim rests on, described") List<Provenance.Source> sources,
            @Describe(description = "Dispute notes and contradictions, each with its own sources") List<Note> disputes,
            @Describe(description = "Stated conditions of the support, each with its own sources") List<Note> conditions,
            @Describe(description = "When sources say both: the claim that did not decide, with its basis and sources")
            @JsonInclude(JsonInclude.Include.NON_NULL) Against against,
            @Describe(description = "When sources say both: the date of the deciding side's newest source")
            @JsonInclude(JsonInclude.Include.NON_NULL) String asOf,
            @Describe(description = "Under view=current, when the newest source decided a disagreement: which and why")
            @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
            @JsonUnwrapped Present present,
            @Describe(allowed = {"all", "paper", "current"}) String view,
            @Describe(description = "Why unknown is not no (the open world), when status is unknown; under view=current, that only "
                    + "the paper speaks of the pair, when no later source does")
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    /** When sources say both: the other side's claim, its basis, its sources and (when dated) the newest one's date. */
    @Describe(name = "CompatibilityAgainst")
    public record Against(String claim, @Describe(allowed = {"stated", "inferred"}) String basis, List<Provenance.Source> sources,
            @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {}

    /** What only the views with current sources (all, current) add: the paper's and the whole KB's answers, today's matrix and lifecycles. */
    public record Present(
            @Describe(description = "What the paper alone says") Status paper,
            @Describe(description = "What all the knowledge base's statements say, before the newest source is let win") Status knowledgeBase,
            @Describe(nullable = true, description = "What the platform's newest imported support matrix says (status, release, asOf, "
                    + "address, drivers or lastReleaseWithDriver), or null when it has none that counts; absent under view=paper")
            Current current,
            @Describe(description = "Where each stands today (status, address, asOf, ...); absent under view=paper") Lifecycle lifecycle) {}

    /** A compatibility status alone. */
    @Describe(name = "CompatibilityStatus")
    public record Status(@Describe(allowed = {"supported", "partial", "unsupported", "disputed", "unknown"}) String status) {}

    /**
     * Where the technology and the platform each stand today, or null when no current source says
     * anything of it: status (null when no source gives one), address and asOf of the status's
     * source, and every other current fact by property id (a value, or a list of values when the
     * property has several).
     */
    @Describe(name = "Lifecycles", description = "Where each product stands today: status (null when no current source gives one), address and asOf of the status's source, "
            + "and every other current fact by property id (a value, or a list of values when the property has several)")
    public record Lifecycle(@Describe(nullable = true) Lifecycles.Standing technology, @Describe(nullable = true) Lifecycles.Standing platform) {}

    private static List<Provenance.Source> describe(Catalog catalog, List<Node> graphs) {
        List<Provenance.Source> out = new ArrayList<>();
        for (Node g : graphs) out.add(Provenance.describe(catalog.dataset(), g));
        return out;
    }

    /**
     * A dispute or condition note: its kind, its IRI (a note the knowledge base draws has none), the
     * claim it is about, what it says, the statements it is about (when it names them), its own
     * sources, and the graph that filed it, described (who, when; none for one the knowledge base draws).
     */
    @Describe(name = "CompatibilityNote", description = "A dispute, contradiction or condition, with its own sources and who filed it")
    public record Note(@Describe(allowed = {"dispute", "contradiction", "condition", "rests-on-disputed"}) String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            String claim, String note,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> about,
            @Describe(description = "Its sources: source graphs described, or outside documents by address") List<Provenance.Cited> sources,
            @JsonInclude(JsonInclude.Include.NON_NULL) Provenance.Source filedBy) {}

    /** A note ({@link Note}) about the claim of {@code about}. */
    static Note note(Catalog catalog, Claims claims, Claims.Note n, Claims.Evidence about) {
        List<Provenance.Cited> grounds = new ArrayList<>();
        for (Node g : n.grounds()) {
            if (g.isURI() && catalog.dataset().containsGraph(g)) grounds.add(Provenance.describe(catalog.dataset(), g));
            else grounds.add(new Provenance.Document(g.isURI() ? g.getURI() : g.toString()));
        }
        // Who filed it and when (the filing graph's description); the notes the knowledge base draws have none.
        return new Note(n.kind(), n.id() == null ? null : n.id().getURI(), claims.sentence(about.claim()), n.text(),
                n.about().isEmpty() ? null : n.about().stream().map(Node::getURI).toList(), grounds,
                n.statedIn() == null ? null : Provenance.describe(catalog.dataset(), n.statedIn()));
    }

    public void matrix(Context ctx) {
        String view = view(ctx);
        boolean services = CatalogRoutes.includeServices(ctx);
        Matrix m = knowledge.read(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return null;
            return matrixView(catalog, view, services).serialised();
        });
        if (m == null) return;
        String type = Http.negotiate(ctx, List.of("application/json", "text/csv"));
        if ("text/csv".equals(type)) {
            ctx.contentType("text/csv; charset=utf-8").result(m.csv());
            return;
        }
        ctx.contentType("application/json").result(m.json());
    }
}
