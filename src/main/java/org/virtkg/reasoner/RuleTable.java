package org.virtkg.reasoner;

/**
 * The OWL 2 RL/RDF rules (W3C OWL 2 Profiles, 2nd ed., section 4.3, tables 4-9) that are plain joins.
 * Rules over RDF lists (cls-int1/2, cls-uni, cls-oo, prp-spo2, prp-key, eq-diff2/3, cax-adc, prp-adp, scm-int,
 * scm-uni) are implemented natively in {@link Engine}. Axiomatic rules (cls-thing, cls-nothing1, prp-ap, dt-type1)
 * are inserted as axiom triples. Schema atoms come first in each body: ties in join planning follow textual order.
 * Columns: id, rule text, message (for rules deriving false).
 */
final class RuleTable {
    private RuleTable() {}

    static final String[][] RULES = {
        // Table 4: equality (eq-ref is virtual: x sameAs x is answered by contains(), never stored)
        // eq-sym and eq-trans: native, with a union-find (Engine.sameAs); eq-rep-s/o on sameAs triples themselves
        // add nothing beyond that clique, so they skip them
        {"eq-rep-s", "?s owl:sameAs ?s2 . ?s ?p ?o . ?p notSameAsIri ?o -> ?s2 ?p ?o", null},
        {"eq-rep-p", "?p owl:sameAs ?p2 . ?s ?p ?o -> ?s ?p2 ?o", null},
        {"eq-rep-o", "?o owl:sameAs ?o2 . ?s ?p ?o . ?p notSameAsIri ?o -> ?s ?p ?o2", null},
        {"eq-diff1", "?x owl:sameAs ?y . ?x owl:differentFrom ?y -> false", "individuals are both the same and different"},
        {"eq-diff1", "?x owl:differentFrom ?x -> false", "an individual is different from itself"},
        // Table 5: properties
        {"prp-dom", "?p rdfs:domain ?c . ?x ?p ?y -> ?x rdf:type ?c", null},
        {"prp-rng", "?p rdfs:range ?c . ?x ?p ?y -> ?y rdf:type ?c", null},
        {"prp-fp", "?p rdf:type owl:FunctionalProperty . ?x ?p ?y1 . ?x ?p ?y2 . ?y1 != ?y2 -> ?y1 owl:sameAs ?y2", null},
        {"prp-ifp", "?p rdf:type owl:InverseFunctionalProperty . ?x1 ?p ?y . ?x2 ?p ?y . ?x1 != ?x2 -> ?x1 owl:sameAs ?x2", null},
        {"prp-irp", "?p rdf:type owl:IrreflexiveProperty . ?x ?p ?x -> false", "an irreflexive property relates an individual to itself"},
        {"prp-symp", "?p rdf:type owl:SymmetricProperty . ?x ?p ?y -> ?y ?p ?x", null},
        {"prp-asyp", "?p rdf:type owl:AsymmetricProperty . ?x ?p ?y . ?y ?p ?x -> false", "an asymmetric property holds in both directions"},
        {"prp-trp", "?p rdf:type owl:TransitiveProperty . ?x ?p ?y . ?y ?p ?z -> ?x ?p ?z", null},
        {"prp-spo1", "?p1 rdfs:subPropertyOf ?p2 . ?p1 != ?p2 . ?x ?p1 ?y -> ?x ?p2 ?y", null},
        {"prp-eqp1", "?p1 owl:equivalentProperty ?p2 . ?p1 != ?p2 . ?x ?p1 ?y -> ?x ?p2 ?y", null},
        {"prp-eqp2", "?p1 owl:equivalentProperty ?p2 . ?p1 != ?p2 . ?x ?p2 ?y -> ?x ?p1 ?y", null},
        {"prp-pdw", "?p1 owl:propertyDisjointWith ?p2 . ?x ?p1 ?y . ?x ?p2 ?y -> false", "disjoint properties relate the same pair"},
        {"prp-inv1", "?p1 owl:inverseOf ?p2 . ?x ?p1 ?y -> ?y ?p2 ?x", null},
        {"prp-inv2", "?p1 owl:inverseOf ?p2 . ?x ?p2 ?y -> ?y ?p1 ?x", null},
        {"prp-npa1", "?x owl:sourceIndividual ?i1 . ?x owl:assertionProperty ?p . ?x owl:targetIndividual ?i2 . ?i1 ?p ?i2 -> false",
            "a negative object property assertion is contradicted"},
        {"prp-npa2", "?x owl:sourceIndividual ?i . ?x owl:assertionProperty ?p . ?x owl:targetValue ?lt . ?i ?p ?lt -> false",
            "a negative data property assertion is contradicted"},
        // Table 6: classes
        {"cls-nothing2", "?x rdf:type owl:Nothing -> false", "an individual is an instance of owl:Nothing"},
        {"cls-com", "?c1 owl:complementOf ?c2 . ?x rdf:type ?c1 . ?x rdf:type ?c2 -> false", "an individual is an instance of a class and of its complement"},
        {"cls-svf1", "?x owl:someValuesFrom ?y . ?x owl:onProperty ?p . ?u ?p ?v . ?v rdf:type ?y -> ?u rdf:type ?x", null},
        {"cls-svf2", "?x owl:someValuesFrom owl:Thing . ?x owl:onProperty ?p . ?u ?p ?v -> ?u rdf:type ?x", null},
        {"cls-avf", "?x owl:allValuesFrom ?y . ?x owl:onProperty ?p . ?u rdf:type ?x . ?u ?p ?v -> ?v rdf:type ?y", null},
        {"cls-hv1", "?x owl:hasValue ?y . ?x owl:onProperty ?p . ?u rdf:type ?x -> ?u ?p ?y", null},
        {"cls-hv2", "?x owl:hasValue ?y . ?x owl:onProperty ?p . ?u ?p ?y -> ?u rdf:type ?x", null},
        {"cls-maxc1", "?x owl:maxCardinality ?n . ?n = 0 . ?x owl:onProperty ?p . ?u rdf:type ?x . ?u ?p ?y -> false",
            "a max-cardinality-0 restriction has a value"},
        {"cls-maxc2", "?x owl:maxCardinality ?n . ?n = 1 . ?x owl:onProperty ?p . ?u rdf:type ?x . ?u ?p ?y1 . ?u ?p ?y2 . ?y1 != ?y2 -> ?y1 owl:sameAs ?y2", null},
        {"cls-maxqc1", "?x owl:maxQualifiedCardinality ?n . ?n = 0 . ?x owl:onProperty ?p . ?x owl:onClass ?c . ?u rdf:type ?x . ?u ?p ?y . ?y rdf:type ?c -> false",
            "a max-qualified-cardinality-0 restriction has a qualifying value"},
        {"cls-maxqc2", "?x owl:maxQualifiedCardinality ?n . ?n = 0 . ?x owl:onProperty ?p . ?x owl:onClass owl:Thing . ?u rdf:type ?x . ?u ?p ?y -> false",
            "a max-qualified-cardinality-0 restriction on owl:Thing has a value"},
        {"cls-maxqc3", "?x owl:maxQualifiedCardinality ?n . ?n = 1 . ?x owl:onProperty ?p . ?x owl:onClass ?c . ?u rdf:type ?x . ?u ?p ?y1 . ?y1 rdf:type ?c . ?u ?p ?y2 . ?y2 rdf:type ?c . ?y1 != ?y2 -> ?y1 owl:sameAs ?y2", null},
        {"cls-maxqc4", "?x owl:maxQualifiedCardinality ?n . ?n = 1 . ?x owl:onProperty ?p . ?x owl:onClass owl:Thing . ?u rdf:type ?x . ?u ?p ?y1 . ?u ?p ?y2 . ?y1 != ?y2 -> ?y1 owl:sameAs ?y2", null},
        // Table 7: class axioms
        {"cax-sco", "?c1 rdfs:subClassOf ?c2 . ?x rdf:type ?c1 . ?c1 != ?c2 -> ?x rdf:type ?c2", null},
        {"cax-eqc1", "?c1 owl:equivalentClass ?c2 . ?x rdf:type ?c1 . ?c1 != ?c2 -> ?x rdf:type ?c2", null},
        {"cax-eqc2", "?c1 owl:equivalentClass ?c2 . ?x rdf:type ?c2 . ?c1 != ?c2 -> ?x rdf:type ?c1", null},
        {"cax-dw", "?c1 owl:disjointWith ?c2 . ?x rdf:type ?c1 . ?x rdf:type ?c2 -> false", "an individual is an instance of two disjoint classes"},
        // Table 9: schema vocabulary
        {"scm-cls", "?c rdf:type owl:Class -> ?c rdfs:subClassOf ?c . ?c owl:equivalentClass ?c . ?c rdfs:subClassOf owl:Thing . owl:Nothing rdfs:subClassOf ?c", null},
        {"scm-sco", "?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c3 . ?c1 != ?c2 . ?c2 != ?c3 -> ?c1 rdfs:subClassOf ?c3", null},
        {"scm-eqc1", "?c1 owl:equivalentClass ?c2 -> ?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c1", null},
        {"scm-eqc2", "?c1 rdfs:subClassOf ?c2 . ?c2 rdfs:subClassOf ?c1 -> ?c1 owl:equivalentClass ?c2", null},
        {"scm-op", "?p rdf:type owl:ObjectProperty -> ?p rdfs:subPropertyOf ?p . ?p owl:equivalentProperty ?p", null},
        {"scm-dp", "?p rdf:type owl:DatatypeProperty -> ?p rdfs:subPropertyOf ?p . ?p owl:equivalentProperty ?p", null},
        {"scm-spo", "?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p3 . ?p1 != ?p2 . ?p2 != ?p3 -> ?p1 rdfs:subPropertyOf ?p3", null},
        {"scm-eqp1", "?p1 owl:equivalentProperty ?p2 -> ?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p1", null},
        {"scm-eqp2", "?p1 rdfs:subPropertyOf ?p2 . ?p2 rdfs:subPropertyOf ?p1 -> ?p1 owl:equivalentProperty ?p2", null},
        {"scm-dom1", "?p rdfs:domain ?c1 . ?c1 rdfs:subClassOf ?c2 . ?c1 != ?c2 -> ?p rdfs:domain ?c2", null},
        {"scm-dom2", "?p2 rdfs:domain ?c . ?p1 rdfs:subPropertyOf ?p2 . ?p1 != ?p2 -> ?p1 rdfs:domain ?c", null},
        {"scm-rng1", "?p rdfs:range ?c1 . ?c1 rdfs:subClassOf ?c2 . ?c1 != ?c2 -> ?p rdfs:range ?c2", null},
        {"scm-rng2", "?p2 rdfs:range ?c . ?p1 rdfs:subPropertyOf ?p2 . ?p1 != ?p2 -> ?p1 rdfs:range ?c", null},
        {"scm-hv", "?c1 owl:hasValue ?i . ?c1 owl:onProperty ?p1 . ?c2 owl:hasValue ?i . ?c2 owl:onProperty ?p2 . ?p1 rdfs:subPropertyOf ?p2 -> ?c1 rdfs:subClassOf ?c2", null},
        {"scm-svf1", "?c1 owl:someValuesFrom ?y1 . ?c1 owl:onProperty ?p . ?c2 owl:someValuesFrom ?y2 . ?c2 owl:onProperty ?p . ?y1 rdfs:subClassOf ?y2 -> ?c1 rdfs:subClassOf ?c2", null},
        {"scm-svf2", "?c1 owl:someValuesFrom ?y . ?c1 owl:onProperty ?p1 . ?c2 owl:someValuesFrom ?y . ?c2 owl:onProperty ?p2 . ?p1 rdfs:subPropertyOf ?p2 -> ?c1 rdfs:subClassOf ?c2", null},
        {"scm-avf1", "?c1 owl:allValuesFrom ?y1 . ?c1 owl:onProperty ?p . ?c2 owl:allValuesFrom ?y2 . ?c2 owl:onProperty ?p . ?y1 rdfs:subClassOf ?y2 -> ?c1 rdfs:subClassOf ?c2", null},
        {"scm-avf2", "?c1 owl:allValuesFrom ?y . ?c1 owl:onProperty ?p1 . ?c2 owl:allValuesFrom ?y . ?c2 owl:onProperty ?p2 . ?p1 rdfs:subPropertyOf ?p2 -> ?c2 rdfs:subClassOf ?c1", null},
        // Sound extensions beyond the W3C table (documented in docs/reasoning.md)
        {"ext-rflx", "?p rdf:type owl:ReflexiveProperty . ?x rdf:type owl:NamedIndividual -> ?x ?p ?x", null},
    };
}
