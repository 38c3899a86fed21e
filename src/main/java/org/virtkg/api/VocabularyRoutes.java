package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.Selection;
import org.virtkg.store.Graphs;

/**
 * The vocabulary as the web UI's pages need it, typed, so that no page sends SPARQL of its own:
 * every term with its label and kind ({@code GET /api/vocabulary}, the search index), the class
 * hierarchy with instance counts ({@code GET /api/classes}), the instances of one class
 * ({@code GET /api/classes/{id}/instances}) and the values properties take
 * ({@code GET /api/values}) and the selection wizard's requirements with their options
 * ({@code GET /api/selection/requirements}).
 *
 * <p>Everything is read from the union graph (asserted and inferred), as {@code /sparql} reads it,
 * so the answers are what the queries these routes replace gave.
 */
public final class VocabularyRoutes {
    /** A term of the vocabulary: {@code kind} is class, property, concept (SKOS) or individual. */
    @Describe(name = "VocabularyTerm", description = "A class, property, SKOS concept or named individual with its label")
    public record Term(String id, String iri, String label,
                       @Describe(allowed = {"class", "property", "concept", "individual"}) String kind) {}

    /**
     * A {@code vkg:} class: {@code superClasses} are its direct named superclasses (those not implied
     * through another), {@code instances} the number of {@code id:} resources that are instances of it,
     * inferred membership included; {@code comment} is empty for a class without one.
     */
    @Describe(name = "VocabularyClass", description = "A vkg: class, its direct superclasses and its number of instances")
    public record ClassNode(String id, String iri, String label, String comment, List<String> superClasses, int instances) {}

    /** The kinds of term, in the order one is picked when a term has several types. */
    private static final List<Map.Entry<Node, String>> KINDS = List.of(
            Map.entry(OWL2.Class.asNode(), "class"), Map.entry(OWL2.ObjectProperty.asNode(), "property"),
            Map.entry(OWL2.DatatypeProperty.asNode(), "property"), Map.entry(SKOS.Concept.asNode(), "concept"),
            Map.entry(OWL2.NamedIndividual.asNode(), "individual"));
    /** Ranges that say nothing about a property's values (every resource is one). */
    private static final Set<Node> TRIVIAL_RANGES = Set.of(RDFS.Resource.asNode(), OWL2.Thing.asNode());

    private final Knowledge knowledge;
    private final ResponseCache cache;

    public VocabularyRoutes(Knowledge knowledge, ResponseCache cache) {
        this.knowledge = knowledge;
        this.cache = cache;
    }

    /** {@code GET /api/vocabulary} */
    public void vocabulary(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> Map.of("items", terms(catalog)));
        });
    }

    /** {@code GET /api/classes} */
    public void classes(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> Map.of("items", classNodes(catalog)));
        });
    }

    /** {@code GET /api/classes/{id}/instances} */
    public void instances(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            Http.Page page = Http.page(ctx);
            cache.json(ctx, catalog.version(), () -> {
                Node c = classAt(catalog, ctx.pathParam("id"));
                List<Node> all = catalog.instances(c);
                return page.envelope(ctx, page.slice(all).stream().map(catalog::ref).toList(), all.size()).withClass(catalog.ref(c));
            });
        });
    }

    /** {@code GET /api/values?property=hostOS,guestOS} */
    public void values(Context ctx) {
        List<String> names = new ArrayList<>();
        for (String s : Http.required(ctx, "property").split(",")) if (!s.isBlank() && !names.contains(s.trim())) names.add(s.trim());
        if (names.isEmpty()) throw ProblemException.of(400, "Parameter 'property' names no property");
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String name : names) values.put(name, valuesOf(catalog, propertyNamed(catalog, name)));
                return Map.of("values", values);
            });
        });
    }

    /**
     * {@code GET /api/selection/requirements}: the requirements {@code POST /api/selection} takes,
     * from the table it judges them by ({@link Selection#FIELDS}): each with its heading, the
     * product of a pair it speaks of, its property and the values that property takes (none for
     * {@code containerBased}, a yes/no), and the named weights. The wizard is built from it, so
     * it cannot offer a requirement the server does not know or miss one it does.
     */
    public void requirements(Context ctx) {
        knowledge.run(catalog -> {
            if (Http.notModified(ctx, catalog.version())) return;
            cache.json(ctx, catalog.version(), () -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Selection.Field f : Selection.FIELDS.values()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", f.name());
                    m.put("label", f.label());
                    m.put("side", f.side().name().toLowerCase(java.util.Locale.ROOT));
                    m.put("property", f.property());
                    m.put("values", f.property() == null ? null : valuesOf(catalog, propertyNamed(catalog, f.property())));
                    items.add(m);
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", items);
                body.put("weights", new java.util.TreeMap<>(Selection.WEIGHTS));
                body.put("defaultWeight", Selection.DEFAULT_WEIGHT);
                return body;
            });
        });
    }

    // ---- reading (from the request's snapshot) ----

    private static List<Term> terms(Catalog catalog) {
        Graph g = catalog.union();
        Map<Node, String> kindOf = new HashMap<>();
        // Walk the kinds from the least to the most preferred, so the preferred one is kept.
        for (var kind : KINDS.reversed())
            g.find(Node.ANY, RDF.type.asNode(), kind.getKey()).forEachRemaining(t -> {
                Node x = t.getSubject();
                if (x.isURI() && x.getURI().startsWith(Graphs.BASE)) kindOf.put(x, kind.getValue());
            });
        List<Term> out = new ArrayList<>();
        kindOf.forEach((x, kind) -> {
            // A term without a label has nothing to be found by.
            if (!g.find(x, RDFS.label.asNode(), Node.ANY).hasNext()) return;
            out.add(new Term(IdIndex.idOf(x), x.getURI(), catalog.label(x), kind));
        });
        out.sort(Comparator.comparing(Term::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Term::iri));
        return out;
    }

    /** Every {@code vkg:} class, by IRI. */
    private static Set<Node> vocabClasses(Catalog catalog) {
        Set<Node> classes = new TreeSet<>(Comparator.comparing(Node::getURI));
        catalog.union().find(Node.ANY, RDF.type.asNode(), OWL2.Class.asNode()).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Graphs.VOCAB)) classes.add(t.getSubject());
        });
        return classes;
    }

    private static List<String> classIds(Catalog catalog) {
        return vocabClasses(catalog).stream().map(IdIndex::idOf).toList();
    }

    private static List<ClassNode> classNodes(Catalog catalog) {
        Graph g = catalog.union();
        Set<Node> classes = vocabClasses(catalog);
        List<ClassNode> out = new ArrayList<>();
        for (Node c : classes) {
            Set<Node> supers = new LinkedHashSet<>();
            g.find(c, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> {
                Node s = t.getObject();
                if (s.isURI() && !s.equals(c) && classes.contains(s)) supers.add(s);
            });
            out.add(new ClassNode(IdIndex.idOf(c), c.getURI(), catalog.label(c), java.util.Objects.requireNonNullElse(comment(g, c), ""), direct(catalog, supers),
                    countInstances(g, c)));
        }
        return out;
    }

    /**
     * The direct ones of a class's superclasses: the store holds the closure, so a superclass implied
     * through another one is dropped (unless the two are equivalent: then neither implies the other
     * more directly, and both stay).
     */
    private static List<String> direct(Catalog catalog, Set<Node> supers) {
        Map<Node, Set<Node>> up = new HashMap<>();
        for (Node s : supers) up.put(s, catalog.superClassesOf(s));
        List<String> out = new ArrayList<>();
        for (Node s : supers) {
            boolean implied = supers.stream().anyMatch(o -> !o.equals(s) && up.get(o).contains(s) && !up.get(s).contains(o));
            if (!implied) out.add(IdIndex.idOf(s));
        }
        out.sort(null);
        return out;
    }

    private static int countInstances(Graph g, Node c) {
        Set<Node> seen = new java.util.HashSet<>();
        g.find(Node.ANY, RDF.type.asNode(), c).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Graphs.ID)) seen.add(t.getSubject());
        });
        return seen.size();
    }

    private static String comment(Graph g, Node n) {
        String any = null;
        for (var it = g.find(n, RDFS.comment.asNode(), Node.ANY); it.hasNext(); ) {
            Node c = it.next().getObject();
            if (!c.isLiteral()) continue;
            String lang = c.getLiteralLanguage();
            if (lang.isEmpty() || lang.startsWith("en")) return c.getLiteralLexicalForm();
            if (any == null) any = c.getLiteralLexicalForm();
        }
        return any;
    }

    /** The {@code vkg:} class with this local name (any case); 404 with the nearest class names otherwise. */
    private static Node classAt(Catalog catalog, String id) {
        Node c = catalog.index().vocabClass(id);
        if (c == null)
            throw new ProblemException(Problem.of(404, "No class vkg:" + id + "; see GET /api/classes")
                    .withSuggestions(UnknownNames.nearest(id, classIds(catalog))));
        return c;
    }

    /** Every {@code vkg:} object or datatype property, by local name. */
    private static Map<String, Node> properties(Catalog catalog) {
        Graph g = catalog.union();
        Map<String, Node> out = new java.util.TreeMap<>();
        for (Node type : List.of(OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(), RDF.Property.asNode()))
            g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                Node p = t.getSubject();
                if (p.isURI() && p.getURI().startsWith(Graphs.VOCAB)) out.put(IdIndex.idOf(p), p);
            });
        return out;
    }

    private static Node propertyNamed(Catalog catalog, String name) {
        Map<String, Node> all = properties(catalog);
        Node p = all.get(name);
        if (p == null)
            throw new ProblemException(Problem.of(400, "Parameter 'property': no property vkg:" + name + " in the ontology")
                    .withParameter("property").withSuggestions(UnknownNames.nearest(name, all.keySet())));
        return p;
    }

    /**
     * The {@code id:} resources a property takes: every instance of its declared ranges (bar the
     * trivial ones) and every value some resource has for it, sorted by label.
     */
    private static List<Catalog.Ref> valuesOf(Catalog catalog, Node p) {
        Graph g = catalog.union();
        Set<Node> values = new LinkedHashSet<>();
        g.find(p, RDFS.range.asNode(), Node.ANY).forEachRemaining(r -> {
            if (r.getObject().isURI() && !TRIVIAL_RANGES.contains(r.getObject())) values.addAll(catalog.instances(r.getObject()));
        });
        g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(Graphs.ID)) values.add(t.getObject());
        });
        return values.stream().map(catalog::ref)
                .sorted(Comparator.comparing(Catalog.Ref::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Catalog.Ref::id)).toList();
    }
}
