package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A named query's '#+' header is YAML: what it says is what the library (and /api/queries) gives. */
class QueryLibraryHeaderTest {
    static final String QUERY = "SELECT ?x WHERE { ?x ?p ?_name }\n";

    @Test
    void aHeaderIsReadAsYaml() {
        QueryLibrary.NamedQuery q = QueryLibrary.parse("labels", """
                # A plain comment, not part of the header.
                #+ summary: Label of a thing
                #+ description: >
                #+   The rdfs:label of a resource,
                #+   or the resources with a given label.
                #+ params:
                #+   - name: {type: string, default: "KVM, \\"the\\" hypervisor: yes", description: "A label, e.g. KVM"}
                #+   - other: {description: Another}
                #+ tags:
                #+   - labels
                #+   - search
                #+ example: 'KVM - "Kernel-based Virtual Machine" (stated: Table 1)'
                """ + QUERY);
        assertEquals("Label of a thing", q.summary());
        assertEquals("The rdfs:label of a resource, or the resources with a given label.", q.description());
        assertEquals(List.of(new QueryLibrary.Param("name", "string", "KVM, \"the\" hypervisor: yes", "A label, e.g. KVM"),
                new QueryLibrary.Param("other", "iri", null, "Another")), q.params());
        assertEquals(List.of("labels", "search"), q.tags());
        assertEquals("KVM - \"Kernel-based Virtual Machine\" (stated: Table 1)", q.example());
    }

    @Test
    void aQueryWithoutAHeaderHasNone() {
        QueryLibrary.NamedQuery q = QueryLibrary.parse("bare", QUERY);
        assertNull(q.summary());
        assertEquals(List.of(), q.params());
        assertEquals(List.of(), q.tags());
    }

    @Test
    void aMisspeltKeyOrBrokenYamlIsAnErrorThatSaysWhere() {
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> QueryLibrary.parse("typo", "#+ sumary: Label\n" + QUERY));
        assertEquals("unknown header key 'sumary'; a header has description, example, params, summary, tags", key.getMessage());
        IllegalArgumentException yaml = assertThrows(IllegalArgumentException.class,
                () -> QueryLibrary.parse("broken", "#+ summary: a\n#+ example: one: two\n" + QUERY));
        assertTrue(yaml.getMessage().startsWith("the '#+' header is not valid YAML (header line 2)"), yaml.getMessage());
    }
}
