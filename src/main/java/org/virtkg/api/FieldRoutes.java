package org.virtkg.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<Map<String, Object>> fields = knowledge.read(catalog -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ProductFields.Field f : ProductFields.ALL) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f.name());
                m.put("predicate", f.predicate().getURI());
                m.put("inverse", f.inverse() == null ? null : f.inversePredicate().getURI());
                m.put("kind", f.kind().name());
                m.put("cardinality", f.cardinality());
                m.put("valueType", f.valueType());
                m.put("writable", f.writable());
                m.put("label", f.label());
                m.put("description", comment(catalog, f.predicate()));
                m.put("example", f.example().isEmpty() ? null : f.example());
                out.add(m);
            }
            return out;
        });
        ctx.json(Map.of("fields", fields));
    }

    private static String comment(Catalog catalog, Node property) {
        for (var it = catalog.union().find(property, RDFS.comment.asNode(), Node.ANY); it.hasNext(); ) {
            Node c = it.next().getObject();
            if (c.isLiteral() && (c.getLiteralLanguage().isEmpty() || c.getLiteralLanguage().startsWith("en"))) return c.getLiteralLexicalForm();
        }
        return null;
    }
}
