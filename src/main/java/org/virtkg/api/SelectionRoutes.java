package org.virtkg.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * {@code POST /api/selection}: rank the compatible (platform, technology) pairs against a set of
 * requirements.
 *
 * <p>Each requirement is {@code satisfied} when the KB entails it, {@code violated} only when the KB
 * entails its negation, and {@code unknown} otherwise. The KB entails a negation in two ways only:
 * an explicit {@code vkg:doesNotSupport} (or its sub-property {@code vkg:lacksFeature}) of the
 * value, or the requirement putting the candidate in a class the ontology declares disjoint with one
 * it already belongs to (e.g. asking for a type 2 hypervisor of a type 1 hypervisor). Having
 * <em>other</em> values is never taken as a no: a platform listed as private and public may
 * still be usable for hybrid clouds as far as the KB knows.
 *
 * <p>An array of ids is one requirement per id (all wanted). Ranking: satisfied count descending,
 * violated ascending, unknown ascending, then platform and technology labels.
 */
public final class SelectionRoutes {
    private enum Side { TECHNOLOGY, PLATFORM, EITHER }

    private record Field(String name, Side side, String property) {}

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        for (Field f : List.of(
                new Field("hostOS", Side.TECHNOLOGY, "hostOS"),
                new Field("guestOS", Side.TECHNOLOGY, "guestOS"),
                new Field("virtualization", Side.TECHNOLOGY, "virtualization"),
                new Field("vmmType", Side.TECHNOLOGY, "vmmType"),
                new Field("containerBased", Side.TECHNOLOGY, null),
                new Field("deploymentModel", Side.PLATFORM, "deploymentModel"),
                new Field("serviceModel", Side.PLATFORM, "serviceModel"),
                new Field("organisation", Side.PLATFORM, "targetOrganisation"),
                new Field("interfaces", Side.PLATFORM, "interface"),
                new Field("languages", Side.PLATFORM, "language"),
                new Field("features", Side.EITHER, "feature"))) {
            FIELDS.put(f.name(), f);
        }
    }

    /** One requirement after validation: a field and one id (or the boolean of containerBased). */
    private record Requirement(Field field, String value, Node node, Boolean flag) {}

    private final Catalog catalog;

    public SelectionRoutes(Catalog catalog) {
        this.catalog = catalog;
    }

    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    public void select(Context ctx) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (JacksonException e) {
            throw ProblemException.of(400, "The body must be a JSON object of requirements: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject())
            throw ProblemException.of(400, "The body must be a JSON object of requirements, e.g. "
                    + "{\"guestOS\": \"Windows\", \"deploymentModel\": \"Hybrid\", \"serviceModel\": \"IaaS\"}");
        Http.Page page = Http.page(ctx);
        ctx.json(catalog.read(() -> {
            List<Requirement> reqs = requirements(body);
            List<Map<String, Object>> ranked = new ArrayList<>();
            for (Node p : catalog.platforms()) {
                for (Catalog.Value tv : catalog.values(p, Catalog.SUPPORTS, Catalog.SUPPORTED_BY)) {
                    Node t = catalog.index().id(tv.id());
                    if (t == null || !catalog.isA(t, Catalog.TECHNOLOGY)) continue;
                    ranked.add(candidate(p, t, tv.inferred(), reqs));
                }
            }
            ranked.sort(Comparator.<Map<String, Object>>comparingInt(m -> -(int) m.get("satisfied"))
                    .thenComparingInt(m -> (int) m.get("violated"))
                    .thenComparingInt(m -> (int) m.get("unknown"))
                    .thenComparing(m -> ((Catalog.Value) m.get("platform")).label(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(m -> ((Catalog.Value) m.get("technology")).label(), String.CASE_INSENSITIVE_ORDER));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requirements", reqs.stream().map(r -> Map.of("field", r.field().name(), "value",
                    r.flag() != null ? r.flag() : r.value())).toList());
            out.putAll(page.envelope(ctx, "items", page.slice(ranked), ranked.size()));
            return out;
        }));
    }

    private List<Requirement> requirements(JsonNode body) {
        List<Requirement> out = new ArrayList<>();
        for (var it = body.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            Field f = FIELDS.get(name);
            if (f == null)
                throw new ProblemException(Problem.of(400, "Unknown requirement field '" + name + "'; known fields: " + FIELDS.keySet())
                        .with("parameter", name).with("suggestions", suggestField(name)));
            JsonNode v = e.getValue();
            if (f.property() == null) {
                if (!v.isBoolean()) throw badValue(name, "true or false");
                out.add(new Requirement(f, null, null, v.booleanValue()));
                continue;
            }
            List<JsonNode> items = new ArrayList<>();
            if (v.isArray()) v.forEach(items::add);
            else items.add(v);
            if (items.isEmpty()) throw badValue(name, "an id or a non-empty array of ids");
            for (JsonNode item : items) {
                if (!item.isTextual() || item.asText().isBlank()) throw badValue(name, "an id or an array of ids");
                Node n = catalog.resolveParam(name, item.asText(), false);
                Node range = catalog.range(Catalog.vkg(f.property()));
                if (range != null && !catalog.isA(n, range))
                    throw new ProblemException(Problem.of(400, "Requirement '" + name + "': '" + IdIndex.idOf(n) + "' is not a "
                            + catalog.label(range)).with("parameter", name));
                out.add(new Requirement(f, IdIndex.idOf(n), n, null));
            }
        }
        return out;
    }

    /** A term as /api/explain reads it: an id, a vkg: name, or the IRI. */
    private static String param(Node n) {
        String iri = n.getURI();
        String t = iri.startsWith(org.virtkg.store.Graphs.ID) ? IdIndex.idOf(n)
                : iri.startsWith(org.virtkg.store.Graphs.VOCAB) ? "vkg:" + IdIndex.idOf(n) : iri;
        return java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ProblemException badValue(String field, String expected) {
        return new ProblemException(Problem.of(400, "Requirement '" + field + "' must be " + expected).with("parameter", field));
    }

    private static List<String> suggestField(String name) {
        String q = name.toLowerCase(java.util.Locale.ROOT);
        return FIELDS.keySet().stream().filter(k -> {
            String l = k.toLowerCase(java.util.Locale.ROOT);
            return l.startsWith(q) || q.startsWith(l) || IdIndex.levenshtein(q, l, 2) <= 2;
        }).toList();
    }

    private Map<String, Object> candidate(Node p, Node t, boolean pairInferred, List<Requirement> reqs) {
        List<Map<String, Object>> results = new ArrayList<>();
        int sat = 0, vio = 0, unk = 0;
        for (Requirement r : reqs) {
            Map<String, Object> res = r.flag() != null ? containerBased(t, r.flag()) : evaluate(r, p, t);
            switch ((String) res.get("status")) {
                case "satisfied" -> sat++;
                case "violated" -> vio++;
                default -> unk++;
            }
            results.add(res);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platform", catalog.value(p, false));
        m.put("technology", catalog.value(t, false));
        m.put("compatibility", Map.of("status", "supported", "inferred", pairInferred,
                "href", "/api/compatibility?technology=" + IdIndex.idOf(t) + "&platform=" + IdIndex.idOf(p)));
        m.put("satisfied", sat);
        m.put("violated", vio);
        m.put("unknown", unk);
        m.put("requirements", results);
        return m;
    }

    private Map<String, Object> evaluate(Requirement r, Node p, Node t) {
        Node prop = Catalog.vkg(r.field().property());
        List<Node> subjects = switch (r.field().side()) {
            case TECHNOLOGY -> List.of(t);
            case PLATFORM -> List.of(p);
            case EITHER -> List.of(p, t);
        };
        for (Node s : subjects) {
            if (catalog.holds(s, prop, r.node())) {
                boolean stated = catalog.asserted(s, prop, r.node());
                return result(r, s, "satisfied", catalog.label(s) + " " + catalog.label(prop) + " " + catalog.label(r.node())
                        + (stated ? " (stated)" : " (inferred)"), Triple.create(s, prop, r.node()), !stated);
            }
        }
        for (Node s : subjects) {
            if (catalog.holds(s, Catalog.DOES_NOT_SUPPORT, r.node())) {
                boolean stated = catalog.asserted(s, Catalog.DOES_NOT_SUPPORT, r.node());
                return result(r, s, "violated", catalog.label(s) + " explicitly does not support " + catalog.label(r.node()),
                        Triple.create(s, Catalog.DOES_NOT_SUPPORT, r.node()), !stated);
            }
            for (Node c : catalog.classesImpliedBy(s, prop, r.node())) {
                Node clash = catalog.disjointClassOf(s, c);
                if (clash != null) {
                    // The fact that puts s in the clashing class; its explanation leads to the sources.
                    Triple membership = Triple.create(s, org.apache.jena.vocabulary.RDF.type.asNode(), clash);
                    return result(r, s, "violated", catalog.label(s) + " is a " + catalog.label(clash) + ", which the ontology declares "
                            + "disjoint with " + catalog.label(c) + " (what " + catalog.label(prop) + " " + catalog.label(r.node())
                            + " would make it)", membership, !catalog.asserted(s, membership.getPredicate(), clash));
                }
            }
        }
        Node s = subjects.get(0);
        List<String> known = subjects.stream().flatMap(x -> catalog.values(x, prop, null).stream()).map(Catalog.Value::label).distinct().toList();
        return result(r, s, "unknown", "The knowledge base does not say whether " + String.join(" or ", subjects.stream().map(catalog::label).toList())
                + " " + catalog.label(prop) + " " + catalog.label(r.node())
                + (known.isEmpty() ? "" : "; it lists " + String.join(", ", known) + ", which does not exclude it"), null, false);
    }

    /** Container-based means a container technology or a container hypervisor (LXC, OpenVZ, LXD). */
    private Map<String, Object> containerBased(Node t, boolean wanted) {
        Node ct = Catalog.vkg("ContainerTechnology");
        Node ch = Catalog.vkg("ContainerHypervisor");
        Requirement r = new Requirement(FIELDS.get("containerBased"), null, null, wanted);
        boolean is = catalog.isA(t, ct) || catalog.isA(t, ch);
        Node notCt = catalog.disjointClassOf(t, ct);
        Node notCh = catalog.disjointClassOf(t, ch);
        boolean isNot = notCt != null && notCh != null;
        String label = catalog.label(t);
        if (is) return result(r, t, wanted ? "satisfied" : "violated", label + " is a container technology or container hypervisor", null, false);
        if (isNot) return result(r, t, wanted ? "violated" : "satisfied", label + " is a " + catalog.label(notCt)
                + ", disjoint with container technologies and container hypervisors", null, false);
        return result(r, t, "unknown", label + " is not known to be container-based, nor known not to be (a "
                + catalog.label(Catalog.vkg("Hypervisor")) + " may be a container hypervisor)", null, false);
    }

    private Map<String, Object> result(Requirement r, Node subject, String status, String reason, Triple fact, boolean inferred) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", r.field().name());
        m.put("value", r.flag() != null ? r.flag() : r.value());
        m.put("subject", IdIndex.idOf(subject));
        m.put("status", status);
        m.put("reason", reason);
        if (fact != null) {
            m.put("inferred", inferred);
            m.put("sources", Provenance.sourcesOf(catalog.dataset(), fact));
            m.put("explain", "/api/explain?s=" + param(fact.getSubject()) + "&p=" + param(fact.getPredicate())
                    + "&o=" + param(fact.getObject()));
        }
        return m;
    }
}
