package org.virtkg.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * The fields of a product — one table for everything that names them: the read side
 * ({@code GET /api/technologies/{id}}, {@code GET /api/platforms/{id}}), the write side
 * ({@code POST/PUT /api/products}, which takes the {@link Field#writable() writable} ones), the
 * OpenAPI schemas, and the web UI, which reads it as JSON from {@code GET /api/fields} instead of
 * keeping lists of its own. A field the write side takes is always one the read side shows, so
 * a product reads back in the shape it was written.
 */
public final class ProductFields {
    private ProductFields() {}

    /** Which products a field describes; {@code both}: technologies and platforms alike. */
    public enum Kind {
        technology, platform, both;

        boolean covers(Kind side) {
            return this == both || this == side;
        }
    }

    /**
     * One field.
     *
     * @param name the JSON name
     * @param property the {@code vkg:} property (local name) its values are objects of
     * @param inverse the {@code vkg:} property whose subjects are values too (its inverse), or null
     * @param kind the products it describes
     * @param valueType {@code id} (a resource of the knowledge base, by id) or {@code boolean}
     * @param writable whether {@code POST/PUT /api/products} takes it (read-only ones come from the paper and reasoning)
     * @param label a short name for people
     * @param example example values, as a user would type them
     */
    public record Field(String name, String property, String inverse, Kind kind, String valueType, boolean writable,
                        String label, String example) {
        public Node predicate() {
            return Catalog.vkg(property);
        }

        public Node inversePredicate() {
            return inverse == null ? null : Catalog.vkg(inverse);
        }

        /** Every field is a list of values in JSON: a source may state several, or sources disagree. */
        public String cardinality() {
            return "many";
        }
    }

    private static Field f(String name, String property, String inverse, Kind kind, String type, boolean writable, String label, String example) {
        return new Field(name, property, inverse, kind, type, writable, label, example);
    }

    /** Every field, in the order representations show them. */
    public static final List<Field> ALL = List.of(
            // Virtualization technologies (Table 1)
            f("vmmType", "vmmType", null, Kind.technology, "id", true, "Hypervisor (VMM) type", "Type1"),
            f("virtualization", "virtualization", null, Kind.technology, "id", true, "Virtualization types", "FullVirtualization"),
            f("hostOS", "hostOS", null, Kind.technology, "id", true, "Host OS", "Linux, Windows"),
            f("guestOS", "guestOS", null, Kind.technology, "id", true, "Guest OS", "Linux"),
            f("platforms", "supportedBy", "supports", Kind.technology, "id", true, "Supported by platforms", "OpenNebula"),
            // Cloud platforms (Table 2)
            f("deploymentModels", "deploymentModel", null, Kind.platform, "id", true, "Deployment models", "Private, Hybrid"),
            f("hypervisors", "supports", "supportedBy", Kind.platform, "id", true, "Supports technologies", "KVM, Xen"),
            f("operatingSystems", "operatingSystem", null, Kind.platform, "id", true, "Operating systems", "Linux"),
            f("languages", "language", null, Kind.platform, "id", true, "Languages", "Python"),
            // The two readings of Table 2's "Supported languages" (docs/ontology.md): written in, or offered to users' applications.
            f("implementationLanguages", "implementationLanguage", null, Kind.platform, "id", false, "Implementation languages", "Java"),
            f("applicationLanguages", "applicationLanguage", null, Kind.platform, "id", false, "Application languages", "Python"),
            f("serviceModels", "serviceModel", null, Kind.platform, "id", true, "Service models", "IaaS"),
            f("characteristics", "characteristic", null, Kind.platform, "id", true, "Characteristics", "Scalability"),
            f("components", "component", null, Kind.platform, "id", true, "Components", ""),
            f("interfaces", "interface", null, Kind.platform, "id", true, "Interfaces", "EC2"),
            f("organisations", "targetOrganisation", null, Kind.platform, "id", true, "Target organisations", "SmallOrganisation"),
            f("developers", "developer", null, Kind.platform, "id", true, "Developers", ""),
            // Any product
            f("basedOn", "basedOn", null, Kind.both, "id", true, "Based on", "KVM"),
            f("uses", "uses", null, Kind.both, "id", true, "Uses", "libvirt"),
            f("productFamily", "productFamily", null, Kind.technology, "id", false, "Product family", ""),
            f("sameProductAs", "sameProductAs", null, Kind.technology, "id", false, "Same product as", ""),
            f("features", "feature", null, Kind.both, "id", true, "Features", "LiveMigration"),
            f("lacksFeatures", "lacksFeature", null, Kind.both, "id", true, "Lacks features", "LiveMigration"),
            f("doesNotSupport", "doesNotSupport", null, Kind.both, "id", false, "Does not support", ""),
            f("limitations", "limitation", null, Kind.both, "id", true, "Limitations", ""),
            f("suitableForCloud", "suitableForCloud", null, Kind.technology, "boolean", false, "Suitable for cloud", ""));

    /** The fields the write side takes, by name. */
    public static final Map<String, Field> WRITABLE;

    static {
        Map<String, Field> m = new LinkedHashMap<>();
        for (Field f : ALL) if (f.writable()) m.put(f.name(), f);
        WRITABLE = java.util.Collections.unmodifiableMap(m);
    }

    /** The fields a technology's or a platform's representation shows, in order. */
    public static List<Field> of(Kind side) {
        return ALL.stream().filter(f -> f.kind().covers(side)).toList();
    }

    /** The property a writable field's values are objects of. */
    public static Node property(String field) {
        return WRITABLE.get(field).predicate();
    }
}
