package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * A cheap guard until the OWL 2 RL reasoner is wired in: with the consequences that
 * matter for disjointness (asserted types, domains and ranges through sub-properties,
 * subclass closure, the hasValue-defined hypervisor/platform classes) no individual may
 * fall into two disjoint classes, and no negative statement may contradict a positive one.
 */
class ConsistencyTest {

    private static final String Q_TYPES = Kb.PREFIXES + """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT DISTINCT ?x ?c WHERE {
              { ?x rdf:type ?t }
              UNION { ?x ?p ?o . ?p rdfs:subPropertyOf*/rdfs:domain ?t }
              UNION { ?s ?p ?x . ?p rdfs:subPropertyOf*/rdfs:range ?t . FILTER (!isLiteral(?x)) }
              UNION { ?x ?p ?o . ?q owl:inverseOf ?p . ?q rdfs:range ?t }
              UNION { ?s ?p ?x . ?p owl:inverseOf ?q . ?q rdfs:domain ?t }
              ?t rdfs:subClassOf* ?c .
              FILTER (isIRI(?c) && isIRI(?x))
            }""";

    /** Classes defined as C ⊓ ∃p.{v} (owl:hasValue inside an intersection). */
    private static final String Q_DEFINED = Kb.PREFIXES + """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT ?d ?c ?p ?v WHERE {
              ?d owl:equivalentClass ?e .
              ?e owl:intersectionOf/rdf:first ?c ;
                 owl:intersectionOf/rdf:rest/rdf:first ?r .
              ?r owl:onProperty ?p ; owl:hasValue ?v .
            }""";

    private static final String Q_DISJOINT = Kb.PREFIXES + """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            SELECT DISTINCT ?a ?b WHERE {
              { ?a owl:disjointWith ?b }
              UNION { ?all a owl:AllDisjointClasses ; owl:members ?l .
                      ?l rdf:rest*/rdf:first ?a . ?l rdf:rest*/rdf:first ?b . FILTER (?a != ?b) }
            }""";

    @Test
    void noIndividualIsInTwoDisjointClasses() {
        Map<Node, Set<Node>> types = new HashMap<>();
        select(Q_TYPES, s -> types.computeIfAbsent(s.get("x").asNode(), k -> new HashSet<>()).add(s.get("c").asNode()));

        // Membership of the hasValue-defined classes, plus their superclasses.
        List<Node[]> defined = new ArrayList<>();
        select(Q_DEFINED, s -> defined.add(new Node[] {s.get("d").asNode(), s.get("c").asNode(), s.get("p").asNode(), s.get("v").asNode()}));
        var union = Kb.unionGraph();
        for (Node[] d : defined) {
            for (var e : types.entrySet()) {
                if (e.getValue().contains(d[1]) && union.contains(e.getKey(), d[2], d[3])) {
                    e.getValue().add(d[0]);
                }
            }
        }

        Set<String> clashes = new TreeSet<>();
        select(Q_DISJOINT, s -> {
            Node a = s.get("a").asNode();
            Node b = s.get("b").asNode();
            types.forEach((x, ts) -> {
                if (ts.contains(a) && ts.contains(b)) {
                    clashes.add(x + " is both " + a + " and " + b);
                }
            });
        });
        assertFalse(types.isEmpty());
        assertEquals(Set.of(), clashes);
    }

    @Test
    void negativeStatementsDoNotContradictPositiveOnes() {
        Set<String> clashes = new TreeSet<>();
        select(Kb.PREFIXES + """
                SELECT ?x ?y WHERE {
                  ?x vkg:doesNotSupport|vkg:lacksFeature ?y .
                  ?x vkg:feature|vkg:characteristic|vkg:interface|vkg:supports|^vkg:supportedBy ?y .
                }""", s -> clashes.add(s.get("x") + " both has and lacks " + s.get("y")));
        assertEquals(Set.of(), clashes);
    }

    @Test
    void dataAssertsNoIdentities() {
        // owl:sameAs would merge ids and could collide with owl:differentFrom in the ontology.
        Set<String> same = new TreeSet<>();
        select(Kb.PREFIXES + "SELECT ?x ?y WHERE { ?x <http://www.w3.org/2002/07/owl#sameAs> ?y }",
                s -> same.add(s.get("x") + " = " + s.get("y")));
        assertEquals(Set.of(), same);
    }

    private static void select(String query, java.util.function.Consumer<QuerySolution> each) {
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(query).build()) {
            ResultSet rs = qe.execSelect();
            rs.forEachRemaining(each);
        }
    }
}
