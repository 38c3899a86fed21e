package org.virtkg.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.IdIndex;

/**
 * A claim as users send it ({@code /api/claims}, or an entry of a product's {@code claims}):
 * checked field by field and resolved against the knowledge base, then written as RDF. Written
 * once, so both ways in accept and refuse the same things in the same words.
 */
final class ClaimRequests {
    static final Set<String> KINDS = Set.of("claim", "dispute", "condition");
    static final Node DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    static final Map<String, Node> NOTE_CLASS = Map.of("dispute", Catalog.vkg("Dispute"), "condition", Catalog.vkg("Condition"));

    /** One claim, resolved. {@code kind}: claim, dispute or condition. */
    record Request(String kind, Node subject, Node property, Node object, String source, String note, String asOf) {
        Triple claim() {
            return Triple.create(subject, property, object);
        }
    }

    ClaimRequests() {}

    /**
     * A claim as sent: the JSON body of {@code POST /api/claims}, an entry of a product's
     * {@code claims}. Bound by {@link Json#bind}, so a field it does not have is refused by name.
     */
    @Describe(name = "ClaimInput")
    record Body(@Describe(allowed = {"claim", "dispute", "condition"}, description = "claim (default), or a note on that claim") String kind,
                @Describe(description = "Id, prefixed name or IRI (in a product: defaults to the product)") String subject,
                @Describe(required = true, description = "A property, e.g. supports or doesNotSupport") String property,
                @Describe(required = true, description = "Id, prefixed name or IRI (a class for type; for a datatype property, the "
                        + "value's text)") String object,
                @Describe(format = "uri", description = "Where the claim comes from (recorded, never fetched)") String source,
                String note,
                @Describe(format = "date", description = "The day the source speaks as of (YYYY-MM-DD; not after today): view=current "
                        + "lets the newest dated side of a disagreement win. A claim filed on its own only (POST /api/claims)") String asOf) {}

    /**
     * Reads one claim; {@code at} prefixes field names in messages (e.g. {@code claims[2].}); a
     * missing subject is {@code defaultSubject} when there is one. Runs in a read transaction.
     */
    Request parse(Catalog catalog, Body body, String at, Node defaultSubject) {
        if (body == null) throw problem(400, at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "must be a JSON object");
        String kind = body.kind() == null ? "claim" : body.kind();
        if (!KINDS.contains(kind)) throw problem(400, at + "kind", "must be claim, dispute or condition, got '" + kind + "'");
        String subjectId = required(body.subject(), at, "subject", defaultSubject == null);
        Node subject = subjectId == null ? defaultSubject : resource(catalog, at + "subject", subjectId);
        Node property = property(catalog, at, required(body.property(), at, "property", true));
        Node object = object(catalog, at, property, required(body.object(), at, "object", true));
        String source = body.source();
        if (source != null && !source.matches("https?://\\S{1,2000}"))
            throw problem(400, at + "source", "must be an http(s) URL (it is recorded, never fetched)");
        if (source == null && !kind.equals("claim"))
            throw problem(422, at + "source", "is required for a " + kind + ": the address of what it rests on");
        String note = body.note();
        if (note != null && note.length() > 2000) throw problem(400, at + "note", "must be at most 2000 characters");
        String asOf = body.asOf();
        if (asOf != null) {
            java.time.LocalDate day;
            try {
                day = java.time.LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                throw problem(400, at + "asOf", "must be a date as YYYY-MM-DD, e.g. 2026-04-01, not '" + asOf + "'");
            }
            if (org.virtkg.kb.AsOf.isAfterToday(day)) throw problem(400, at + "asOf", org.virtkg.kb.AsOf.AFTER_TODAY);
            // (In a product, whose claims take the product's source and date, the product says so.)
            if (source == null && defaultSubject == null) throw problem(422, at + "asOf", "dates a source: give the claim's source too");
        }
        return new Request(kind, subject, property, object, source, note, asOf);
    }

    static ProblemException problem(int status, String field, String what) {
        return new ProblemException(Problem.of(status, "Field '" + field + "' " + what).withField(field));
    }

    private static String required(String value, String at, String field, boolean required) {
        if (value == null && required) throw problem(400, at + field, "is required");
        return value;
    }

    /** A resource named by its id, its id's prefixed name or its full IRI ({@link IdIndex#id}); 422 saying how to name one otherwise. */
    private static Node resource(Catalog catalog, String field, String id) {
        Node n = catalog.index().id(id);
        if (n == null) {
            java.util.List<String> near = catalog.index().suggest(id, false, 8);
            String example = near.isEmpty() ? "KVM" : near.getFirst();
            throw new ProblemException(Problem.of(422, "Field '" + field + "': no id '" + id + "' in the knowledge base; give an id (such as "
                    + example + "), id:" + example + " or the IRI " + org.virtkg.store.Graphs.ID + example).withField(field).withSuggestions(near));
        }
        return n;
    }

    /** A property of the vocabulary (its local name, {@code vkg:} name or IRI, or {@code type}), declared as an object or datatype property. */
    private static Node property(Catalog catalog, String at, String name) {
        if (name.equals("type") || name.equals("a")) return RDF.type.asNode();
        String local = name.startsWith(org.virtkg.store.Graphs.VOCAB) ? name.substring(org.virtkg.store.Graphs.VOCAB.length())
                : name.startsWith("vkg:") ? name.substring(4) : name;
        Node p = Catalog.vkg(local);
        Graph u = catalog.union();
        if (!u.contains(p, RDF.type.asNode(), OWL2.ObjectProperty.asNode()) && !u.contains(p, RDF.type.asNode(), OWL2.DatatypeProperty.asNode()))
            throw problem(422, at + "property", "'" + name + "' is not a property of the virtkg ontology "
                    + "(e.g. supports, doesNotSupport, vmmType, virtualization, hostOS, feature); see /ontology");
        return p;
    }

    /** The object: an id for object properties (a class for {@code type}), a literal of the declared range for datatype properties. */
    private static Node object(Catalog catalog, String at, Node property, String text) {
        Graph u = catalog.union();
        if (!u.contains(property, RDF.type.asNode(), OWL2.DatatypeProperty.asNode())) {
            if (property.equals(RDF.type.asNode())) {
                Node c = catalog.index().vocabClass(text);
                if (c == null) throw problem(422, at + "object", "'" + text + "' is not a class of the virtkg ontology");
                return c;
            }
            return resource(catalog, at + "object", text);
        }
        Node range = null;
        var it = u.find(property, RDFS.range.asNode(), Node.ANY);
        while (it.hasNext() && range == null) {
            Node r = it.next().getObject();
            if (r.isURI() && r.getURI().startsWith(XSDDatatype.XSD)) range = r;
        }
        if (range == null) return NodeFactory.createLiteralString(text);
        var dt = TypeMapper.getInstance().getSafeTypeByName(range.getURI());
        if (!dt.isValid(text))
            throw problem(422, at + "object", "'" + text + "' is not a valid " + range.getURI().substring(XSDDatatype.XSD.length() + 1)
                    + ", which the property '" + catalog.label(property) + "' takes");
        return NodeFactory.createLiteralDT(text, dt);
    }

    /** The claim in words ("CloudStack does not support KVM"). Runs in a read transaction. */
    String sentence(Catalog catalog, Request r) {
        return catalog.claims().sentence(r.claim());
    }

    /** A dispute or condition as a note resource {@code note} in {@code g}. */
    void addNote(Graph g, Request r, Node note, String sentence) {
        g.add(Triple.create(note, RDF.type.asNode(), NOTE_CLASS.get(r.kind())));
        g.add(Triple.create(note, Catalog.vkg("claimSubject"), r.subject()));
        g.add(Triple.create(note, Catalog.vkg("claimProperty"), r.property()));
        g.add(Triple.create(note, Catalog.vkg("claimObject"), r.object()));
        g.add(Triple.create(note, RDFS.label.asNode(), NodeFactory.createLiteralLang(
                (r.kind().equals("dispute") ? "Dispute of: " : "Condition on: ") + sentence, "en")));
        g.add(Triple.create(note, RDFS.comment.asNode(), NodeFactory.createLiteralLang(r.note() != null ? r.note()
                : (r.kind().equals("dispute") ? "Disputed by " : "Condition stated by ") + r.source(), "en")));
        g.add(Triple.create(note, DERIVED, NodeFactory.createURI(r.source())));
    }

    /**
     * An entry of a product's {@code claims} as it was sent: its kind, the triple (the subject
     * absent when it is the product's), and of a dispute or condition its source and note.
     */
    @Describe(name = "ProductClaim", description = "A note or triple of a product's graph, as POST /api/claims takes it")
    record Filed(@Describe(allowed = {"claim", "dispute", "condition"}) String kind,
            @Describe(description = "Absent when it is the product") @JsonInclude(JsonInclude.Include.NON_NULL) String subject,
            String property, String object,
            @JsonUnwrapped Sourced sourced) {
        /**
         * By their members as text, in order ("{kind=dispute, subject=KVM, …}"), as the maps they
         * were before were sorted: a GET lists them alike on every read, and as it always did.
         */
        static final java.util.Comparator<Filed> ORDER = java.util.Comparator.comparing(f -> "{kind=" + f.kind
                + (f.subject == null ? "" : ", subject=" + f.subject) + ", property=" + f.property + ", object=" + f.object
                + (f.sourced == null ? "" : ", source=" + f.sourced.source + ", note=" + f.sourced.note) + "}");
    }

    /** A dispute's or condition's source and note, each null when it has none. */
    record Sourced(@Describe(nullable = true) String source, @Describe(nullable = true) String note) {}

    /** The notes of {@code graph} (a product's or a claim's), as they were sent. */
    static java.util.List<Filed> notesIn(Graph g) {
        java.util.List<Filed> out = new java.util.ArrayList<>();
        for (var e : NOTE_CLASS.entrySet()) {
            g.find(Node.ANY, RDF.type.asNode(), e.getValue()).forEachRemaining(t -> {
                Node n = t.getSubject();
                Node p = one(g, n, Catalog.vkg("claimProperty"));
                Node o = one(g, n, Catalog.vkg("claimObject"));
                Node src = one(g, n, DERIVED);
                Node c = one(g, n, RDFS.comment.asNode());
                out.add(new Filed(e.getKey(), IdIndex.idOf(one(g, n, Catalog.vkg("claimSubject"))),
                        p.equals(RDF.type.asNode()) ? "type" : IdIndex.idOf(p), o.isLiteral() ? o.getLiteralLexicalForm() : IdIndex.idOf(o),
                        new Sourced(src == null ? null : src.getURI(), c == null ? null : c.getLiteralLexicalForm())));
            });
        }
        out.sort(Filed.ORDER);
        return out;
    }

    static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }
}
