package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDFS;
import org.virtkg.knowledge.Catalog;
import org.virtkg.knowledge.Knowledge;
import org.virtkg.knowledge.ProductFields;

/**
 * {@code GET /api/fields}: the product field table ({@link ProductFields}) as JSON, so clients and
 * the web UI (the add/edit form, naming the field a SHACL report's property stands for) read the
 * fields from the one place the server reads them from. Each field's description is its
 * property's {@code rdfs:comment} in the ontology, which says what the values mean.
 */
public final class FieldRoutes {
    private final Knowledge knowledge;

    public FieldRoutes(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public void fields(Context ctx) {
        List<Described> fields = knowledge.read(catalog -> {
            List<Described> out = new ArrayList<>();
            for (ProductFields.Field f : ProductFields.ALL)
                out.add(new Described(f.name(), f.predicate().getURI(), f.inverse() == null ? null : f.inversePredicate().getURI(),
                        f.kind().name(), f.cardinality(), f.valueType(), f.writable(), f.label(), comment(catalog, f.predicate()),
                        f.example().isEmpty() ? null : f.example()));
            return out;
        });
        ctx.json(new Fields(fields));
    }

    /** The answer of {@code /api/fields} (its schema in /openapi.json is generated from it): the field table, in its order. */
    @Describe(name = "Fields", description = "The product field table, in the order representations show the fields")
    public record Fields(List<Described> fields) {}

    /** One row of the field table ({@link ProductFields.Field}) as a client reads it, with its property's description. */
    @Describe(name = "Field")
    public record Described(
            @Describe(description = "The member name in product representations and writes") String name,
            @Describe(description = "The property's IRI") String predicate,
            @Describe(nullable = true, description = "The inverse property's IRI, whose statements count too") String inverse,
            @Describe(allowed = {"technology", "platform", "both"}, description = "The products it describes") String kind,
            @Describe(allowed = {"many"}, description = "Every field is a list of values") String cardinality,
            @Describe(allowed = {"id", "boolean"}) String valueType,
            @Describe(description = "Whether POST/PUT /api/products takes it") boolean writable,
            String label,
            @Describe(nullable = true, description = "The property's rdfs:comment") String description,
            @Describe(nullable = true) String example) {}

    private static String comment(Catalog catalog, Node property) {
        for (var it = catalog.union().find(property, RDFS.comment.asNode(), Node.ANY); it.hasNext(); ) {
            Node c = it.next().getObject();
            if (c.isLiteral() && (c.getLiteralLanguage().isEmpty() || c.getLiteralLanguage().startsWith("en"))) return c.getLiteralLexicalForm();
        }
        return null;
    }
}
