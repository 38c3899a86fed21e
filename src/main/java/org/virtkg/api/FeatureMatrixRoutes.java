package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.virtkg.imports.SupportMatrices.Release;
import org.virtkg.imports.SupportMatrices;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.store.Graphs;

/**
 * {@code GET /api/platforms/{id}/features}: a platform's feature × driver matrix from the imported
 * releases of its support matrix (OpenStack: Nova's), each cell with the answer of the newest
 * release that states it, since / until which release that answer holds, Nova's own value, the
 * caveat and the source (address, commit, release, date). Filters: {@code driver}, {@code feature}
 * (Nova's names, e.g. {@code libvirt-lxc}, {@code operation.live-migrate}), {@code release} (the
 * matrix as that release saw it).
 */
public final class FeatureMatrixRoutes {
    private static final String QUERY = """
            PREFIX vkg: <https://w3id.org/virtkg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?g ?release ?driver ?dkey ?dtitle ?tech ?feature ?fkey ?ftitle ?group ?status ?answer ?value ?caveat ?caveatSource
            WHERE {
              ?driver vkg:partOf ?platform .
              GRAPH ?g {
                ?g vkg:release ?release .
                ?st a vkg:FeatureSupport ; vkg:driver ?driver ; vkg:supportedFeature ?feature ;
                    vkg:supportLevel ?level ; vkg:sourceValue ?value .
                ?driver vkg:driverKey ?dkey ; dcterms:title ?dtitle .
                OPTIONAL { ?driver vkg:driverFor ?tech }
                ?feature vkg:featureKey ?fkey ; rdfs:label ?ftitle ; vkg:featureGroup ?group ; vkg:requirementStatus ?status .
                OPTIONAL { ?st vkg:caveat ?caveat }
                OPTIONAL { ?st vkg:caveatSource ?caveatSource }
              }
              ?level skos:notation ?answer .
            }
            """;

    private final Knowledge knowledge;
    private final ResponseCache cache;

    public FeatureMatrixRoutes(Knowledge knowledge, ResponseCache cache) {
        this.knowledge = knowledge;
        this.cache = cache;
    }

    private record Cell(String release, String answer, String value, String caveat, String caveatSource) {}

    /** A feature as the releases name it: its key, id and group, and its title and status per release. */
    private record FeatureSeen(String key, String id, String group, Map<String, String> titles, Map<String, String> statuses) {}

    /**
     * The answer of {@code /api/platforms/{id}/features} (its schema in /openapi.json is generated
     * from it): the releases read, oldest first, the drivers and features (narrowed by the
     * filters as the cells are), and the cells.
     */
    @Describe(name = "FeatureMatrix", description = "A platform's feature x driver matrix from its imported support matrices")
    public record FeatureMatrix(String platform,
            @Describe(description = "The imported releases read, oldest first (up to release=, when given)") List<ReleaseRead> releases,
            @Describe(nullable = true, description = "The newest of them, or null when none is imported") String newestRelease,
            List<Driver> drivers, List<Feature> features, List<FeatureCell> cells,
            @Describe(description = "The number of cells") int total) {}

    /** An imported release of the support matrix: its name, date, commit, address and graph. */
    @Describe(name = "FeatureMatrixRelease")
    public record ReleaseRead(String release, @Describe(description = "YYYY-MM-DD the facts hold for") String asOf,
            @Describe(nullable = true) String commit, @Describe(description = "The address the file was read from") String source, String graph) {}

    /** A driver: Nova's key, its id, title, and the technology it drives (null when none is known). */
    @Describe(name = "FeatureMatrixDriver")
    public record Driver(String key, String id, String title, @Describe(nullable = true) String technology) {}

    /** A feature: Nova's key, its id, group, and its title and requirement status in the newest release that names it. */
    @Describe(name = "FeatureMatrixFeature")
    public record Feature(String key, String id, String group, @Describe(nullable = true) String title,
            @Describe(nullable = true, description = "Nova's requirement status, e.g. mandatory, optional") String status) {}

    /**
     * A driver x feature cell: the newest release's answer and Nova's own value, since and until
     * which release it holds, the caveat when there is one, the source, and the answer per release.
     */
    @Describe(name = "FeatureMatrixCell")
    public record FeatureCell(String driver, String feature,
            @Describe(allowed = {"supported", "partial", "unsupported", "unknown"}) String answer,
            @Describe(description = "Nova's value, e.g. complete, partial, missing, unknown") String value,
            @Describe(description = "The first release of the run of releases with this value") String since,
            @Describe(nullable = true, description = "The last release that states it, when a newer one does not; null when the newest does")
            String until,
            @JsonInclude(JsonInclude.Include.NON_NULL) String caveat,
            @Describe(description = "Where the caveat is stated") @JsonInclude(JsonInclude.Include.NON_NULL) String caveatSource,
            CellSource source, List<Stated> history) {}

    /** The release a cell's answer comes from: graph, address, name, date and commit (empty when none is known). */
    @Describe(name = "FeatureMatrixSource")
    public record CellSource(String graph, String address, String release, String asOf, String commit) {}

    /** What one release says of a cell. */
    @Describe(name = "FeatureMatrixStated")
    public record Stated(String release, String answer, String value) {}

    public void features(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> matrix(catalog, ctx));
        });
    }

    private static FeatureMatrix matrix(Catalog catalog, Context ctx) {
        Node platform = Ids.path(catalog, ctx.pathParam("id"));
        if (!catalog.isA(platform, Catalog.PLATFORM))
            throw new ProblemException(Problem.of(404, "'" + IdIndex.idOf(platform) + "' is not a cloud platform; see /id/" + IdIndex.idOf(platform))
                    .withSuggestions(List.of()));
        String driverFilter = ctx.queryParam("driver"), featureFilter = ctx.queryParam("feature"), asOfRelease = ctx.queryParam("release");

        java.util.Set<String> releases = new java.util.HashSet<>();
        Map<String, Driver> drivers = new TreeMap<>();
        Map<String, FeatureSeen> features = new TreeMap<>();
        // (driver, feature) → release → cell
        Map<List<String>, Map<String, Cell>> cells = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        DatasetGraph dsg = catalog.dataset();
        var query = org.apache.jena.query.QueryFactory.create(QUERY);
        try (var exec = org.apache.jena.query.QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query)
                .substitution("platform", org.apache.jena.rdf.model.ResourceFactory.createResource(platform.getURI())).build()) {
            ResultSet rs = exec.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String release = str(s, "release"), dkey = str(s, "dkey"), fkey = str(s, "fkey");
                releases.add(release);
                // The first row's id and title; the technology of the first row that names one (a release may not).
                String tech = s.contains("tech") ? IdIndex.idOf(s.getResource("tech").asNode()) : null;
                Driver d = drivers.get(dkey);
                if (d == null) drivers.put(dkey, new Driver(dkey, IdIndex.idOf(s.getResource("driver").asNode()), str(s, "dtitle"), tech));
                else if (d.technology() == null && tech != null) drivers.put(dkey, new Driver(d.key(), d.id(), d.title(), tech));
                FeatureSeen f = features.computeIfAbsent(fkey, k -> new FeatureSeen(fkey, IdIndex.idOf(s.getResource("feature").asNode()),
                        IdIndex.idOf(s.getResource("group").asNode()), new HashMap<>(), new HashMap<>()));
                f.titles().put(release, str(s, "ftitle"));
                f.statuses().put(release, str(s, "status"));
                cells.computeIfAbsent(List.of(dkey, fkey), k -> new HashMap<>())
                        .put(release, new Cell(release, str(s, "answer"), str(s, "value"), str(s, "caveat"), str(s, "caveatSource")));
            }
        }
        List<Release> ordered = new ArrayList<>(SupportMatrices.releases(dsg).stream().filter(r -> releases.contains(r.name())).toList());
        if (asOfRelease != null) {
            int cut = indexOf(ordered, asOfRelease);
            if (cut < 0)
                throw new ProblemException(Problem.of(400, "Parameter 'release': no imported release '" + asOfRelease + "'")
                        .withParameter("release").withReleases(ordered.stream().map(Release::name).toList()));
            ordered = new ArrayList<>(ordered.subList(0, cut + 1));
        }
        if (driverFilter != null && !drivers.containsKey(driverFilter))
            throw new ProblemException(Problem.of(400, "Parameter 'driver': no driver '" + driverFilter + "' in the imported releases")
                    .withParameter("driver").withSuggestions(new ArrayList<>(drivers.keySet())));
        if (featureFilter != null && !features.containsKey(featureFilter))
            throw new ProblemException(Problem.of(400, "Parameter 'feature': no feature '" + featureFilter + "' in the imported releases")
                    .withParameter("feature").withSuggestions(features.keySet().stream()
                            .filter(k -> k.contains(featureFilter) || featureFilter.contains(k)).limit(8).toList()));

        List<FeatureCell> out = new ArrayList<>();
        for (var e : cells.entrySet()) {
            String dkey = e.getKey().get(0), fkey = e.getKey().get(1);
            if (driverFilter != null && !driverFilter.equals(dkey) || featureFilter != null && !featureFilter.equals(fkey)) continue;
            Map<String, Cell> byRelease = e.getValue();
            int last = -1;
            for (int i = ordered.size() - 1; i >= 0 && last < 0; i--) if (byRelease.containsKey(ordered.get(i).name())) last = i;
            if (last < 0) continue;
            Cell now = byRelease.get(ordered.get(last).name());
            int since = last;
            while (since > 0) {
                Cell before = byRelease.get(ordered.get(since - 1).name());
                if (before == null || !before.value().equals(now.value())) break;
                since--;
            }
            Release source = ordered.get(last);
            List<Stated> history = new ArrayList<>();
            for (Release r : ordered) {
                Cell c = byRelease.get(r.name());
                if (c != null) history.add(new Stated(r.name(), c.answer(), c.value()));
            }
            out.add(new FeatureCell(dkey, fkey, now.answer(), now.value(), ordered.get(since).name(),
                    last < ordered.size() - 1 ? source.name() : null, now.caveat(), now.caveatSource(),
                    new CellSource(source.graph().getURI(), source.address(), source.name(), source.asOf(),
                            source.commit() == null ? "" : source.commit()), history));
        }
        String newest = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).name();
        List<Feature> featureList = new ArrayList<>();
        for (FeatureSeen f : features.values()) {
            // The filters narrow the lists as they narrow the cells: ?feature=x lists x alone.
            if (featureFilter != null && !featureFilter.equals(f.key())) continue;
            String r = latestWith(ordered, f.titles());
            featureList.add(new Feature(f.key(), f.id(), f.group(), r == null ? null : f.titles().get(r), r == null ? null : f.statuses().get(r)));
        }
        return new FeatureMatrix(IdIndex.idOf(platform),
                ordered.stream().map(r -> new ReleaseRead(r.name(), r.asOf(), r.commit(), r.address(), r.graph().getURI())).toList(),
                newest, drivers.values().stream().filter(d -> driverFilter == null || driverFilter.equals(d.key())).toList(),
                featureList, out, out.size());
    }

    /** The newest of {@code ordered} that {@code byRelease} has, or null. */
    private static String latestWith(List<Release> ordered, Map<String, String> byRelease) {
        for (int i = ordered.size() - 1; i >= 0; i--) if (byRelease.containsKey(ordered.get(i).name())) return ordered.get(i).name();
        return null;
    }

    private static int indexOf(List<Release> ordered, String name) {
        for (int i = 0; i < ordered.size(); i++) if (ordered.get(i).name().equals(name)) return i;
        return -1;
    }

    private static String str(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        if (n == null) return null;
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI();
    }
}
