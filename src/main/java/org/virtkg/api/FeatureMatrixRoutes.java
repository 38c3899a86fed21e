package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    public void features(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> matrix(catalog, ctx));
        });
    }

    private static Map<String, Object> matrix(Catalog catalog, Context ctx) {
        Node platform = Ids.path(catalog, ctx.pathParam("id"));
        if (!catalog.isA(platform, Catalog.PLATFORM))
            throw new ProblemException(Problem.of(404, "'" + IdIndex.idOf(platform) + "' is not a cloud platform; see /id/" + IdIndex.idOf(platform))
                    .withSuggestions(List.of()));
        String driverFilter = ctx.queryParam("driver"), featureFilter = ctx.queryParam("feature"), asOfRelease = ctx.queryParam("release");

        java.util.Set<String> releases = new java.util.HashSet<>();
        Map<String, Map<String, Object>> drivers = new TreeMap<>(), features = new TreeMap<>();
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
                Map<String, Object> d = drivers.computeIfAbsent(dkey, k -> new LinkedHashMap<>());
                d.putIfAbsent("key", dkey);
                d.putIfAbsent("id", IdIndex.idOf(s.getResource("driver").asNode()));
                d.putIfAbsent("title", str(s, "dtitle"));
                d.putIfAbsent("technology", s.contains("tech") ? IdIndex.idOf(s.getResource("tech").asNode()) : null);
                Map<String, Object> f = features.computeIfAbsent(fkey, k -> new LinkedHashMap<>());
                f.putIfAbsent("key", fkey);
                f.putIfAbsent("id", IdIndex.idOf(s.getResource("feature").asNode()));
                f.putIfAbsent("group", IdIndex.idOf(s.getResource("group").asNode()));
                f.put("title:" + release, str(s, "ftitle"));
                f.put("status:" + release, str(s, "status"));
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

        List<Map<String, Object>> out = new ArrayList<>();
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
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("driver", dkey);
            cell.put("feature", fkey);
            cell.put("answer", now.answer());
            cell.put("value", now.value());
            cell.put("since", ordered.get(since).name());
            cell.put("until", last < ordered.size() - 1 ? source.name() : null);
            if (now.caveat() != null) cell.put("caveat", now.caveat());
            if (now.caveatSource() != null) cell.put("caveatSource", now.caveatSource());
            cell.put("source", Map.of("graph", source.graph().getURI(), "address", source.address(), "release", source.name(),
                    "asOf", source.asOf(), "commit", source.commit() == null ? "" : source.commit()));
            List<Map<String, Object>> history = new ArrayList<>();
            for (Release r : ordered) {
                Cell c = byRelease.get(r.name());
                if (c != null) history.add(Map.of("release", r.name(), "answer", c.answer(), "value", c.value()));
            }
            cell.put("history", history);
            out.add(cell);
        }
        String newest = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).name();
        List<Map<String, Object>> featureList = new ArrayList<>();
        for (var f : features.values()) {
            // The filters narrow the lists as they narrow the cells: ?feature=x lists x alone.
            if (featureFilter != null && !featureFilter.equals(f.get("key"))) continue;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", f.get("key"));
            item.put("id", f.get("id"));
            item.put("group", f.get("group"));
            String r = latestWith(ordered, f, "title:");
            item.put("title", r == null ? null : f.get("title:" + r));
            item.put("status", r == null ? null : f.get("status:" + r));
            featureList.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platform", IdIndex.idOf(platform));
        body.put("releases", ordered.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("release", r.name());
            m.put("asOf", r.asOf());
            m.put("commit", r.commit());
            m.put("source", r.address());
            m.put("graph", r.graph().getURI());
            return m;
        }).toList());
        body.put("newestRelease", newest);
        body.put("drivers", drivers.values().stream().filter(d -> driverFilter == null || driverFilter.equals(d.get("key"))).toList());
        body.put("features", featureList);
        body.put("cells", out);
        body.put("total", out.size());
        return body;
    }

    private static String latestWith(List<Release> ordered, Map<String, Object> f, String prefix) {
        for (int i = ordered.size() - 1; i >= 0; i--) if (f.containsKey(prefix + ordered.get(i).name())) return ordered.get(i).name();
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
