package org.virtkg.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.virtkg.store.Graphs;

/**
 * The JSON fields of a product and the ontology properties they stand for — one table, read by
 * the write side ({@code POST/PUT /api/products}) so that a product is written in the same shape
 * the GET representations show. Values are ids of existing resources.
 */
public final class ProductFields {
    private ProductFields() {}

    /** Field name → property local name in {@code vkg:}. */
    public static final Map<String, String> REFERENCES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        // Virtualization technologies (Table 1)
        m.put("vmmType", "vmmType");
        m.put("virtualization", "virtualization");
        m.put("hostOS", "hostOS");
        m.put("guestOS", "guestOS");
        m.put("platforms", "supportedBy");
        m.put("basedOn", "basedOn");
        m.put("uses", "uses");
        m.put("features", "feature");
        m.put("lacksFeatures", "lacksFeature");
        m.put("limitations", "limitation");
        // Cloud platforms (Table 2)
        m.put("deploymentModels", "deploymentModel");
        m.put("hypervisors", "supports");
        m.put("operatingSystems", "operatingSystem");
        m.put("languages", "language");
        m.put("serviceModels", "serviceModel");
        m.put("characteristics", "characteristic");
        m.put("components", "component");
        m.put("interfaces", "interface");
        m.put("organisations", "targetOrganisation");
        m.put("developers", "developer");
        REFERENCES = Map.copyOf(m);
        ORDER = m.keySet().toArray(String[]::new);
    }

    /** Field names in a stable, readable order. */
    public static final String[] ORDER;

    public static Node property(String field) {
        return NodeFactory.createURI(Graphs.VOCAB + REFERENCES.get(field));
    }
}
