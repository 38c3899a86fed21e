package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ontology stays inside OWL 2 RL, and the checker does catch non-RL axioms. */
class OwlRlProfileTest {

    private static final String PREFIXES = """
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl:  <http://www.w3.org/2002/07/owl#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            @prefix :     <https://example.org/t#> .
            :p a owl:ObjectProperty . :q a owl:ObjectProperty . :d a owl:DatatypeProperty .
            """;

    private static List<String> check(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).parse(g);
        return OwlRlChecker.check(g);
    }

    @Test
    void ontologyIsInOwl2Rl() {
        List<String> violations = OwlRlChecker.check(Kb.ontology());
        assertEquals(List.of(), violations, "OWL 2 RL violations in ontology/virtkg.ttl");
    }

    @Test
    void ontologyImportsNothing() {
        assertFalse(Kb.ontology().contains(Node.ANY, OWL2.imports.asNode(), Node.ANY), "the ontology must not use owl:imports");
    }

    @Test
    void ontologyUsesTheInferenceFeatures() {
        // The constructs the reasoner is meant to exploit are really there.
        Graph o = Kb.ontology();
        assertTrue(o.contains(Kb.vkg("supports"), OWL2.inverseOf.asNode(), Node.ANY)
                || o.contains(Kb.vkg("supportedBy"), OWL2.inverseOf.asNode(), Kb.vkg("supports")), "supports/supportedBy inverse");
        assertTrue(o.contains(Kb.vkg("basedOn"), Kb.uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), OWL2.TransitiveProperty.asNode()));
        // supports carries no chain (docs/reasoning.md, "Justifications") so that it can be declared disjoint with its negative.
        assertTrue(o.contains(Kb.vkg("supports"), OWL2.propertyDisjointWith.asNode(), Kb.vkg("doesNotSupport")), "supports disjoint with doesNotSupport");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // existential as superclass
        ":A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :B ] .",
        // equivalence with intersection + someValuesFrom (allowed in OWL 2 DL, not in RL)
        ":A owl:equivalentClass [ owl:intersectionOf ( :B [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :C ] ) ] .",
        // union as superclass
        ":A rdfs:subClassOf [ owl:unionOf ( :B :C ) ] .",
        // union in an equivalence
        ":A owl:equivalentClass [ owl:unionOf ( :B :C ) ] .",
        // union as a domain (a superclass position)
        ":p rdfs:domain [ owl:unionOf ( :B :C ) ] .",
        // min cardinality
        ":A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:minCardinality 1 ] .",
        // max cardinality above 1
        ":A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:maxCardinality 2 ] .",
        // complement as subclass
        "[ owl:complementOf :B ] rdfs:subClassOf :A .",
        // universal as subclass
        "[ a owl:Restriction ; owl:onProperty :p ; owl:allValuesFrom :B ] rdfs:subClassOf :A .",
        // owl:Thing as subclass
        "owl:Thing rdfs:subClassOf :A .",
        // reflexive properties are not in RL
        ":p a owl:ReflexiveProperty .",
        // a transitive (non-simple) property in a disjointness axiom
        ":p a owl:TransitiveProperty . :p owl:propertyDisjointWith :q .",
        // a chain-defined (non-simple) property declared functional
        ":p owl:propertyChainAxiom ( :q :q ) . :p a owl:FunctionalProperty .",
        // disjoint union
        ":A owl:disjointUnionOf ( :B :C ) ."
    })
    void nonRlAxiomIsFlagged(String axiom) {
        assertFalse(check(axiom).isEmpty(), "not flagged: " + axiom);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the RL way to define ContainerPlatform: existential in the subclass position
        "[ owl:intersectionOf ( :B [ a owl:Restriction ; owl:onProperty :p ; owl:someValuesFrom :C ] ) ] rdfs:subClassOf :A .",
        ":A owl:equivalentClass [ owl:intersectionOf ( :B [ a owl:Restriction ; owl:onProperty :p ; owl:hasValue :x ] ) ] .",
        ":A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:allValuesFrom :B ] .",
        ":A rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :p ; owl:maxCardinality 1 ] .",
        "[ owl:unionOf ( :B :C ) ] rdfs:subClassOf :A .",
        ":p a owl:TransitiveProperty . :p owl:inverseOf :q .",
        ":p owl:propertyChainAxiom ( :p :q ) .",
        ":d rdfs:range xsd:boolean ."
    })
    void rlAxiomIsAccepted(String axiom) {
        assertEquals(List.of(), check(axiom), axiom);
    }
}
