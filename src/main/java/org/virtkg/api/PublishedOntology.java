package org.virtkg.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.store.Graphs;

/**
 * The ontology as published at {@code /ontology}: the shipped ontology graph(s) and the term graphs
 * admins added through {@code /api/terms}, merged, and the documentation model read from that graph
 * alone (terms, their axioms, the ontology's metadata) plus a few examples from the knowledge base.
 * Built inside one read transaction, so every part is of the same knowledge-base version.
 */
record PublishedOntology(long version, Graph graph, Metadata metadata, List<Term> terms, Map<Node, Term> byIri) {
    /** How many instances or uses of a term the documentation shows. */
    static final int EXAMPLES = 5;

    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String VANN = "http://purl.org/vocab/vann/";
    static final Node ONTOLOGY_IRI = NodeFactory.createURI(Graphs.BASE + "ontology");

    enum Kind {
        CLASS("Classes", "Class"), OBJECT_PROPERTY("Object properties", "Object property"),
        DATATYPE_PROPERTY("Datatype properties", "Datatype property"), ANNOTATION_PROPERTY("Annotation properties", "Annotation property"),
        PROPERTY("Other properties", "Property"), INDIVIDUAL("Individuals", "Individual");

        final String heading;
        final String singular;

        Kind(String heading, String singular) {
            this.heading = heading;
            this.singular = singular;
        }

        String anchor() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "s";
        }
    }

    /** One resource the knowledge base uses a term with: a subject (and, for properties, its value). */
    record Example(Node subject, String subjectLabel, Node object, String objectLabel) {}

    record Term(Node iri, String anchor, Kind kind, String label, String comment, List<Node> types, List<Node> supers,
            List<Node> subs, List<Node> domains, List<Node> ranges, List<Node> inverses, List<Node> disjoint, List<Example> examples,
            int uses) {}

    /** The ontology header: what a citation and the page's top need. Missing values are null or empty. */
    record Metadata(Node iri, String title, String description, Node versionIri, String versionInfo, List<String> creators,
            String created, String modified, Node licence, String prefix, String namespace) {}

    /** True for the graphs that make up the published ontology. */
    static boolean isOntologyGraph(Node g) {
        if (!g.isURI()) return false;
        String iri = g.getURI();
        return iri.equals(Graphs.ONTOLOGY) || iri.startsWith(Graphs.GRAPH + "ontology/") || iri.startsWith(Graphs.TERMS);
    }

    /**
     * Reads the published ontology from {@code dsg} (inside the caller's read transaction).
     *
     * @param label the label of a resource of the knowledge base (for examples)
     */
    static PublishedOntology read(long version, DatasetGraph dsg, Function<Node, String> label) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("vkg", Graphs.VOCAB).setNsPrefix("id", Graphs.ID).setNsPrefix("owl", OWL2.getURI())
                .setNsPrefix("rdf", RDF.getURI()).setNsPrefix("rdfs", RDFS.getURI()).setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
                .setNsPrefix("dcterms", DCTERMS).setNsPrefix("vann", VANN).setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
                .setNsPrefix("prov", "http://www.w3.org/ns/prov#").setNsPrefix("schema", "https://schema.org/");
        dsg.listGraphNodes().forEachRemaining(name -> {
            if (isOntologyGraph(name)) dsg.getGraph(name).find().forEachRemaining(g::add);
        });
        Graph union = dsg.getUnionGraph();
        Map<Node, Term> byIri = new LinkedHashMap<>();
        for (Node s : subjects(g)) byIri.put(s, term(g, union, s, label));
        List<Term> terms = new ArrayList<>(byIri.values());
        terms.sort(Comparator.comparing((Term t) -> t.kind()).thenComparing(Term::label, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(t -> t.iri().getURI()));
        return new PublishedOntology(version, g, metadata(g), terms, byIri);
    }

    /** The IRIs the ontology describes under the virtkg base, except the ontology itself. */
    private static Set<Node> subjects(Graph g) {
        Set<Node> out = new LinkedHashSet<>();
        g.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(Graphs.BASE) && !g.contains(s, RDF.type.asNode(), OWL2.Ontology.asNode())) out.add(s);
        });
        return out;
    }

    /**
     * Where a term is documented on the page: its local name for {@code vkg:} terms (so
     * {@code https://w3id.org/virtkg/ontology#Term} lands on it), the rest of the IRI after the base,
     * with {@code -} for {@code /}, for anything else ({@code id-Linux}).
     */
    static String anchor(Node iri) {
        String s = iri.getURI();
        return s.startsWith(Graphs.VOCAB) ? s.substring(Graphs.VOCAB.length()) : s.substring(Graphs.BASE.length()).replace('/', '-');
    }

    private static final Set<Node> CLASS_TYPES = Set.of(OWL2.Class.asNode(), RDFS.Class.asNode());
    private static final Set<Node> OBJECT_PROPERTY_TYPES = Set.of(OWL2.ObjectProperty.asNode(), OWL2.TransitiveProperty.asNode(),
            OWL2.SymmetricProperty.asNode(), OWL2.AsymmetricProperty.asNode(), OWL2.InverseFunctionalProperty.asNode(),
            OWL2.ReflexiveProperty.asNode(), OWL2.IrreflexiveProperty.asNode());

    private static Kind kind(Set<Node> types) {
        if (types.stream().anyMatch(CLASS_TYPES::contains)) return Kind.CLASS;
        if (types.stream().anyMatch(OBJECT_PROPERTY_TYPES::contains)) return Kind.OBJECT_PROPERTY;
        if (types.contains(OWL2.DatatypeProperty.asNode())) return Kind.DATATYPE_PROPERTY;
        if (types.contains(OWL2.AnnotationProperty.asNode())) return Kind.ANNOTATION_PROPERTY;
        if (types.contains(RDF.Property.asNode())) return Kind.PROPERTY;
        return Kind.INDIVIDUAL;
    }

    private static Term term(Graph g, Graph union, Node s, Function<Node, String> label) {
        Set<Node> types = new LinkedHashSet<>(named(g, s, RDF.type.asNode()));
        Kind kind = kind(types);
        boolean property = kind != Kind.CLASS && kind != Kind.INDIVIDUAL;
        Node superP = kind == Kind.CLASS ? RDFS.subClassOf.asNode() : property ? RDFS.subPropertyOf.asNode() : null;
        List<Node> supers = superP == null ? List.of() : sorted(named(g, s, superP));
        List<Node> subs = superP == null ? List.of() : sorted(namedSubjects(g, superP, s));
        List<Node> inverses = new ArrayList<>(named(g, s, OWL2.inverseOf.asNode()));
        inverses.addAll(namedSubjects(g, OWL2.inverseOf.asNode(), s));
        List<Node> disjoint = new ArrayList<>(named(g, s, OWL2.disjointWith.asNode()));
        disjoint.addAll(namedSubjects(g, OWL2.disjointWith.asNode(), s));
        // owl:AllDisjointClasses: every member is disjoint with every other.
        g.find(Node.ANY, RDF.type.asNode(), OWL2.AllDisjointClasses.asNode()).forEachRemaining(d ->
                g.find(d.getSubject(), OWL2.members.asNode(), Node.ANY).forEachRemaining(m -> {
                    List<Node> members = list(g, m.getObject());
                    if (members.contains(s)) for (Node other : members) if (!other.equals(s)) disjoint.add(other);
                }));
        // An individual's "types" are its classes; a term's are its declarations (characteristics stay visible).
        types.remove(OWL2.NamedIndividual.asNode());
        List<Example> examples = new ArrayList<>();
        int uses = examples(union, s, kind, label, examples);
        return new Term(s, anchor(s), kind, text(g, s, RDFS.label.asNode(), anchor(s)), text(g, s, RDFS.comment.asNode(), null),
                sorted(types), supers, subs, classExpression(g, s, RDFS.domain.asNode()), classExpression(g, s, RDFS.range.asNode()),
                sorted(new LinkedHashSet<>(inverses)), sorted(new LinkedHashSet<>(disjoint)), examples, uses);
    }

    /**
     * Instances of a class, uses of a property, or resources that refer to an individual, in the
     * knowledge base (inferences included), sorted by label; fills {@code out} with the first few
     * and returns how many there are.
     */
    private static int examples(Graph union, Node s, Kind kind, Function<Node, String> label, List<Example> out) {
        List<Triple> found = new ArrayList<>();
        if (kind == Kind.CLASS) union.find(Node.ANY, RDF.type.asNode(), s).forEachRemaining(found::add);
        else if (kind == Kind.INDIVIDUAL) union.find(Node.ANY, Node.ANY, s).forEachRemaining(found::add);
        else union.find(Node.ANY, s, Node.ANY).forEachRemaining(found::add);
        found.removeIf(t -> !isKnowledgeResource(t.getSubject()) || t.getSubject().equals(s));
        Set<String> seen = new LinkedHashSet<>();
        List<Example> all = new ArrayList<>();
        for (Triple t : found) {
            boolean withObject = kind != Kind.CLASS && kind != Kind.INDIVIDUAL;
            Node o = withObject ? t.getObject() : null;
            if (o != null && o.isBlank()) continue;
            if (!seen.add(t.getSubject() + " " + o)) continue;
            all.add(new Example(t.getSubject(), label.apply(t.getSubject()), o,
                    o == null ? null : o.isLiteral() ? o.getLiteralLexicalForm() : label.apply(o)));
        }
        all.sort(Comparator.comparing(Example::subjectLabel, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(e -> e.objectLabel() == null ? "" : e.objectLabel(), String.CASE_INSENSITIVE_ORDER));
        out.addAll(all.subList(0, Math.min(EXAMPLES, all.size())));
        return all.size();
    }

    /** Resources of the knowledge base with a page at {@code /id/{name}}. */
    static boolean isKnowledgeResource(Node n) {
        return n.isURI() && n.getURI().startsWith(Graphs.ID) && n.getURI().length() > Graphs.ID.length();
    }

    /** Named classes of a domain or range; an {@code owl:unionOf} is spread into its members. */
    private static List<Node> classExpression(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            Node o = t.getObject();
            if (o.isURI()) out.add(o);
            else if (o.isBlank()) g.find(o, OWL2.unionOf.asNode(), Node.ANY).forEachRemaining(u -> out.addAll(list(g, u.getObject())));
        });
        return sorted(new LinkedHashSet<>(out));
    }

    private static List<Node> list(Graph g, Node head) {
        List<Node> out = new ArrayList<>();
        Set<Node> seen = new LinkedHashSet<>();
        for (Node n = head; n != null && !n.equals(RDF.nil.asNode()) && seen.add(n); ) {
            var first = g.find(n, RDF.first.asNode(), Node.ANY);
            if (first.hasNext()) {
                Node m = first.next().getObject();
                if (m.isURI()) out.add(m);
            }
            var rest = g.find(n, RDF.rest.asNode(), Node.ANY);
            n = rest.hasNext() ? rest.next().getObject() : null;
        }
        return out;
    }

    private static Set<Node> named(Graph g, Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI() && !t.getObject().equals(s)) out.add(t.getObject());
        });
        return out;
    }

    private static Set<Node> namedSubjects(Graph g, Node p, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        g.find(Node.ANY, p, o).forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().equals(o)) out.add(t.getSubject());
        });
        return out;
    }

    private static List<Node> sorted(Set<Node> nodes) {
        List<Node> out = new ArrayList<>(nodes);
        out.sort(Comparator.comparing(Node::getURI));
        return out;
    }

    /** An English (or untagged) literal value, else any, else {@code fallback}. */
    static String text(Graph g, Node s, Node p, String fallback) {
        String any = null;
        for (var it = g.find(s, p, Node.ANY); it.hasNext(); ) {
            Node o = it.next().getObject();
            if (!o.isLiteral()) continue;
            String lang = o.getLiteralLanguage();
            if (lang.isEmpty() || lang.startsWith("en")) return o.getLiteralLexicalForm();
            if (any == null) any = o.getLiteralLexicalForm();
        }
        return any != null ? any : fallback;
    }

    private static Metadata metadata(Graph g) {
        Node o = g.contains(ONTOLOGY_IRI, RDF.type.asNode(), OWL2.Ontology.asNode()) ? ONTOLOGY_IRI
                : g.find(Node.ANY, RDF.type.asNode(), OWL2.Ontology.asNode()).nextOptional().map(Triple::getSubject).orElse(ONTOLOGY_IRI);
        Node dc = NodeFactory.createURI(DCTERMS + "title");
        String title = text(g, o, dc, text(g, o, RDFS.label.asNode(), "virtkg ontology"));
        String description = text(g, o, NodeFactory.createURI(DCTERMS + "description"), text(g, o, RDFS.comment.asNode(), null));
        Node versionIri = g.find(o, OWL2.versionIRI.asNode(), Node.ANY).nextOptional().map(Triple::getObject).filter(Node::isURI).orElse(null);
        List<String> creators = new ArrayList<>();
        g.find(o, NodeFactory.createURI(DCTERMS + "creator"), Node.ANY).forEachRemaining(t ->
                creators.add(t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : t.getObject().toString()));
        creators.sort(String::compareTo);
        Node licence = g.find(o, NodeFactory.createURI(DCTERMS + "license"), Node.ANY).nextOptional().map(Triple::getObject)
                .filter(Node::isURI).orElse(null);
        return new Metadata(o, title, description, versionIri, text(g, o, OWL2.versionInfo.asNode(), null), creators,
                text(g, o, NodeFactory.createURI(DCTERMS + "created"), null), text(g, o, NodeFactory.createURI(DCTERMS + "modified"), null),
                licence, text(g, o, NodeFactory.createURI(VANN + "preferredNamespacePrefix"), "vkg"),
                text(g, o, NodeFactory.createURI(VANN + "preferredNamespaceUri"), Graphs.VOCAB));
    }

    /** The terms of one kind, in page order. */
    List<Term> of(Kind kind) {
        return terms.stream().filter(t -> t.kind() == kind).toList();
    }
}
