package org.virtkg.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtkg.store.Graphs;

/** The update and query policies on their own: parsed requests in, a verdict out, nothing run. */
class PoliciesTest {
    private static final String USER = "<" + Graphs.USER + "mine>";

    private static String update(String text) {
        return UpdatePolicy.check(UpdateFactory.create(text));
    }

    private static String query(String text) {
        return QueryPolicy.check(QueryFactory.create(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT DATA { GRAPH " + USER + " { <x:s> <x:p> 1 } }",
            "DELETE DATA { GRAPH " + USER + " { <x:s> <x:p> 1 } }",
            "WITH " + USER + " INSERT { <x:s> <x:p> ?o } WHERE { ?s ?p ?o }",
            "INSERT { GRAPH " + USER + " { ?s <x:p> 1 } } WHERE { ?s ?p ?o }",
            "CLEAR GRAPH " + USER,
            "DROP SILENT GRAPH " + USER,
            "CREATE GRAPH " + USER,
            "COPY " + USER + " TO <" + Graphs.USER + "copy>"})
    void writesThatNameAUserGraphMayRun(String text) {
        assertNull(update(text));
    }

    @Test
    void loadIsForbiddenWhateverItNames() {
        String refusal = update("LOAD <file:///etc/passwd> INTO GRAPH " + USER);
        assertTrue(refusal.startsWith(UpdatePolicy.FORBIDDEN + ": operation 1: LOAD is disabled"), refusal);
    }

    @Test
    void theDefaultGraphIsTheReadOnlyUnionSoAWriteMustNameAGraph() {
        for (String text : new String[] {"INSERT DATA { <x:s> <x:p> 1 }", "INSERT { ?s <x:p> 1 } WHERE { ?s ?p ?o }", "CLEAR DEFAULT",
                "ADD " + USER + " TO DEFAULT"}) {
            String refusal = update(text);
            assertTrue(refusal != null && refusal.startsWith(UpdatePolicy.BAD + ": operation 1: name a graph"), text + " → " + refusal);
        }
    }

    @Test
    void theServicesOwnGraphsAndWholesaleErasureAreForbidden() {
        for (String g : new String[] {Graphs.INFERRED, Graphs.SYSTEM, Graphs.CHANGES})
            assertTrue(update("INSERT DATA { GRAPH <" + g + "> { <x:s> <x:p> 1 } }").contains("maintained by virtkg itself"), g);
        assertTrue(update("CLEAR ALL").startsWith(UpdatePolicy.FORBIDDEN));
        assertTrue(update("DROP NAMED").startsWith(UpdatePolicy.FORBIDDEN));
        assertTrue(update("MOVE <" + Graphs.INFERRED + "> TO " + USER).startsWith(UpdatePolicy.FORBIDDEN), "a move empties its source");
    }

    @Test
    void theRefusalNamesWhichOperationOfSeveral() {
        String refusal = update("INSERT DATA { GRAPH " + USER + " { <x:s> <x:p> 1 } } ; LOAD <http://example.org/x>");
        assertTrue(refusal.startsWith(UpdatePolicy.FORBIDDEN + ": operation 2:"), refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } }",
            "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
            "SELECT * WHERE { ?s ?p ?o BIND(NOT EXISTS { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } AS ?b) }",
            "SELECT (EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } AS ?e) WHERE { ?s ?p ?o }",
            "SELECT ?s WHERE { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } })"})
    void aServiceIsRefusedWhereverItHidesInAQuery(String text) {
        assertEquals(QueryPolicy.SERVICE_REFUSED, query(text));
    }

    /**
     * EXISTS / NOT EXISTS nest at most {@link QueryPolicy#MAX_EXISTS_DEPTH} deep (Jena's optimiser
     * takes time exponential in that nesting), and within the bound each level is checked once: a
     * SERVICE or a regex at the bottom is found, quickly.
     */
    @Test
    void existsNestAtMostTenDeepAndEachLevelIsCheckedOnce() {
        int n = QueryPolicy.MAX_EXISTS_DEPTH;
        String clean = "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(n) + "} ".repeat(n) + "}";
        String service = "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(n) + "SERVICE <http://example.org/sparql> { ?s ?p ?o } "
                + "} ".repeat(n) + "}";
        String regex = "SELECT * WHERE { ?s ?p ?o " + "FILTER NOT EXISTS { ?s ?p ?o ".repeat(n) + "FILTER(regex(?o, '(a+)+$')) "
                + "} ".repeat(n) + "}";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertNull(query(clean));
            assertEquals(QueryPolicy.SERVICE_REFUSED, query(service));
            assertTrue(query(regex).contains("nests quantifiers"));
            assertEquals(UpdatePolicy.BAD + ": operation 1: " + QueryPolicy.SERVICE_REFUSED,
                    update("INSERT { GRAPH " + USER + " { ?s ?p ?o } } " + service.substring(service.indexOf("WHERE"))));
        });
        String deeper = "FILTER EXISTS { ?s ?p ?o ".repeat(n + 1) + "} ".repeat(n + 1);
        assertEquals(QueryPolicy.EXISTS_TOO_DEEP, query("SELECT * WHERE { ?s ?p ?o " + deeper + "}"));
        assertEquals(QueryPolicy.EXISTS_TOO_DEEP, query("SELECT * WHERE { " + "?s ?p ?o BIND(EXISTS { ".repeat(n + 1) + "?s ?p ?o "
                + "} AS ?b) ".repeat(n + 1) + "}"));
        assertEquals(QueryPolicy.EXISTS_TOO_DEEP, query("SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?x FILTER NOT EXISTS { ?s ?p ?o ".repeat(n + 1)
                + "} } ".repeat(n + 1) + "}"));
        assertEquals(QueryPolicy.EXISTS_TOO_DEEP, query("SELECT (EXISTS { ?s ?p ?o " + deeper + "} AS ?e) WHERE { ?s ?p ?o }"));
        assertEquals(UpdatePolicy.BAD + ": operation 1: " + QueryPolicy.EXISTS_TOO_DEEP,
                update("INSERT { GRAPH " + USER + " { ?s ?p ?o } } WHERE { ?s ?p ?o " + deeper + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT { GRAPH " + USER + " { ?s ?p ?o } } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "WITH " + USER + " DELETE { ?s ?p ?o } WHERE { OPTIONAL { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } }",
            "INSERT { GRAPH " + USER + " { ?s ?p ?o } } USING " + USER + " WHERE { { SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } } } }",
            "INSERT { GRAPH " + USER + " { ?s ?p 1 } } WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }"})
    void anUpdatesWhereIsHeldToTheQuerysRulesInItsWords(String text) {
        assertEquals(UpdatePolicy.BAD + ": operation 1: " + QueryPolicy.SERVICE_REFUSED, update(text));
    }

    @Test
    void theQuerysOtherRulesHoldInSubqueriesAndInAnUpdatesWhere() {
        assertEquals("the regex pattern nests quantifiers (like (a+)+), which can take exponential time",
                query("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o FILTER(regex(?o, '(a+)+$')) } } }"));
        assertEquals("LIMIT is larger than " + QueryPolicy.MAX_LIMIT, query("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 1000000000000 } }"));
        assertTrue(update("INSERT { GRAPH " + USER + " { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(regex(?o, '(a+)+$')) }")
                .endsWith("nests quantifiers (like (a+)+), which can take exponential time"));
        StringBuilder doubling = new StringBuilder("INSERT { GRAPH " + USER + " { ?s <x:p> ?a7 } } WHERE { ?s ?p ?o BIND(STR(?o) AS ?a0) ");
        for (int i = 1; i <= 7; i++) doubling.append("BIND(CONCAT(?a").append(i - 1).append(", ?a").append(i - 1).append(") AS ?a").append(i).append(") ");
        String growth = update(doubling.append("}").toString());
        assertTrue(growth != null && growth.contains("?a7 is computed by a chain that can make it 128 times larger"), growth);
        StringBuilder deep = new StringBuilder("INSERT { GRAPH " + USER + " { ?s ?p ?o } } WHERE ");
        for (int i = 0; i <= QueryPolicy.MAX_DEPTH + 1; i++) deep.append("{ ");
        deep.append("?s ?p ?o ");
        for (int i = 0; i <= QueryPolicy.MAX_DEPTH + 1; i++) deep.append("} ");
        assertTrue(update(deep.toString()).startsWith(UpdatePolicy.BAD + ": operation 1: the WHERE clause is nested too deeply"));
    }

    @Test
    void ordinaryQueriesMayRun() {
        assertNull(query("SELECT ?s WHERE { ?s ?p ?o FILTER(regex(str(?o), '^KVM$')) } LIMIT 10"));
        assertNull(query("ASK { ?s a ?c }"));
    }

    @Test
    void queriesThatReachOutOrRunAwayAreRefusedWithTheReason() {
        assertEquals("SERVICE is disabled: virtkg never sends requests to other endpoints",
                query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"));
        assertEquals("LIMIT is larger than " + QueryPolicy.MAX_LIMIT, query("SELECT * WHERE { ?s ?p ?o } LIMIT 1000000000000"));
        assertEquals("the regex pattern nests quantifiers (like (a+)+), which can take exponential time",
                query("SELECT * WHERE { ?s ?p ?o FILTER(regex(?o, '(a+)+$')) }"));
        assertEquals("regex patterns must be constants (a pattern taken from the data cannot be bounded)",
                query("SELECT * WHERE { ?s ?p ?o FILTER(regex(?o, str(?s))) }"));
        assertEquals("a literal is longer than " + QueryPolicy.MAX_LITERAL_LENGTH + " characters",
                query("SELECT * WHERE { ?s ?p ?o FILTER(?o = '" + "x".repeat(QueryPolicy.MAX_LITERAL_LENGTH + 1) + "') }"));
        StringBuilder deep = new StringBuilder("SELECT * WHERE ");
        for (int i = 0; i <= QueryPolicy.MAX_DEPTH + 1; i++) deep.append("{ ");
        deep.append("?s ?p ?o ");
        for (int i = 0; i <= QueryPolicy.MAX_DEPTH + 1; i++) deep.append("} ");
        assertTrue(query(deep.toString()).startsWith("the query is nested too deeply"));
    }
}
