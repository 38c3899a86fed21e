package org.virtkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.Fixtures;

/**
 * Every ontology axiom that derives facts or refuses them carries a {@code vkg:justification}: the
 * source that states it or the modelling rationale (docs/reasoning.md, "Justifications"). The
 * axioms are found in ontology/virtkg.ttl itself, so a new axiom without a justification fails.
 */
class AxiomJustificationTest {
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    /** Axiom predicates whose subject is the term that carries the axiom. */
    static final List<Property> AXIOMS = List.of(RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL2.inverseOf,
            OWL2.propertyChainAxiom, OWL2.equivalentClass, OWL2.equivalentProperty, OWL2.disjointWith, OWL2.propertyDisjointWith,
            OWL2.differentFrom, OWL2.sameAs, OWL2.hasKey);
    /** Property characteristics and axioms written as a node of their own. */
    static final List<Resource> AXIOM_TYPES = List.of(OWL2.TransitiveProperty, OWL2.SymmetricProperty, OWL2.AsymmetricProperty,
            OWL2.FunctionalProperty, OWL2.InverseFunctionalProperty, OWL2.ReflexiveProperty, OWL2.IrreflexiveProperty,
            OWL2.AllDisjointClasses, OWL2.AllDisjointProperties, OWL2.AllDifferent, OWL2.NegativePropertyAssertion);

    static Model ontology() {
        return RDFDataMgr.loadModel(Fixtures.projectDir().resolve("ontology/virtkg.ttl").toString());
    }

    /**
     * The terms that carry an axiom, each with the axioms found on it: the subject of an axiom
     * triple; for an anonymous subclass (a general class axiom) the named class it implies; an
     * owl:AllDisjointClasses (or similar) node itself.
     */
    static Map<Resource, Set<String>> carriers(Model m) {
        Map<Resource, Set<String>> out = new java.util.LinkedHashMap<>();
        for (Property p : AXIOMS)
            for (Statement s : m.listStatements(null, p, (RDFNode) null).toList()) {
                if (s.getSubject().isURIResource()) add(out, s.getSubject(), p.getLocalName());
                else if (s.getObject().isURIResource()) add(out, s.getObject().asResource(), "implied by an anonymous " + p.getLocalName());
                else add(out, s.getSubject(), p.getLocalName());
            }
        for (Resource type : AXIOM_TYPES)
            for (Resource r : m.listSubjectsWithProperty(RDF.type, type).toList()) add(out, r, type.getLocalName());
        return out;
    }

    private static void add(Map<Resource, Set<String>> out, Resource r, String axiom) {
        out.computeIfAbsent(r, k -> new java.util.TreeSet<>()).add(axiom);
    }

    private static String name(Resource r) {
        return r.isURIResource() ? r.getURI() : "_:" + r.getId() + " " + r.listProperties().toList().stream()
                .filter(s -> !s.getPredicate().getURI().equals(VKG + "justification")).map(s -> s.getPredicate().getLocalName()).toList();
    }

    /** Carriers without an English, non-empty justification, with the axioms they carry. */
    static Map<String, Set<String>> unjustified(Model m) {
        Property justification = m.createProperty(VKG + "justification");
        Map<String, Set<String>> out = new TreeMap<>();
        for (var e : carriers(m).entrySet()) {
            Resource r = e.getKey();
            boolean ok = m.listObjectsOfProperty(r, justification).toList().stream()
                    .anyMatch(o -> o.isLiteral() && o.asLiteral().getLanguage().equals("en") && o.asLiteral().getString().strip().length() > 20);
            if (!ok) out.put(name(r), e.getValue());
        }
        return out;
    }

    @Test
    void everyAxiomBearingTermHasAJustification() {
        Model m = ontology();
        Map<Resource, Set<String>> carriers = carriers(m);
        // The ontology's derivations rest on these; if the search found none of them, it is broken.
        for (String term : List.of("supports", "supportedBy", "basedOn", "runsGuestsThrough", "Type1Hypervisor", "ContainerPlatform",
                "characteristic", "lacksFeature", "component"))
            assertTrue(carriers.containsKey(m.createResource(VKG + term)), term + " should carry an axiom: " + carriers.keySet());
        assertTrue(carriers.keySet().stream().filter(Resource::isAnon).count() >= 5, "the owl:AllDisjointClasses axioms are found");
        assertTrue(carriers.get(m.createResource(VKG + "ContainerPlatform")).contains("implied by an anonymous subClassOf"),
                "the general class axiom is carried by the class it implies");
        assertEquals(Map.of(), unjustified(m), "axioms without a vkg:justification (term -> axioms)");
    }

    @Test
    void deletingAJustificationIsCaught() {
        // The check above must be able to fail: take the chain's justification away and it names vkg:supports.
        Model m = ontology();
        Property justification = m.createProperty(VKG + "justification");
        Resource supports = m.createResource(VKG + "supports");
        assertTrue(m.contains(supports, justification), "vkg:supports is justified in the shipped ontology");
        Model copy = ModelFactory.createDefaultModel().add(m);
        copy.removeAll(copy.createResource(VKG + "supports"), justification, null);
        assertEquals(Set.of(VKG + "supports"), unjustified(copy).keySet());

        // Likewise for an axiom written as a blank node of its own (owl:AllDisjointClasses).
        Model copy2 = ModelFactory.createDefaultModel().add(m);
        Resource disjoint = copy2.listSubjectsWithProperty(RDF.type, OWL2.AllDisjointClasses).next();
        copy2.removeAll(disjoint, justification, null);
        assertEquals(1, unjustified(copy2).size(), unjustified(copy2).toString());
    }

    @Test
    void supportsCarriesNoChainSoItsNegativeIsDeclaredDisjoint() {
        // Decision recorded in docs/reasoning.md ("Justifications"): the chain went, the disjointness stays
        // (OWL 2 allows no disjointness on a property a chain concludes).
        Model m = ontology();
        Resource supports = m.createResource(VKG + "supports");
        assertFalse(m.contains(supports, OWL2.propertyChainAxiom), "no chain concludes vkg:supports");
        assertTrue(m.contains(supports, OWL2.propertyDisjointWith, m.createResource(VKG + "doesNotSupport")));
        assertTrue(m.contains(m.createResource(VKG + "runsGuestsThrough"), RDFS.subPropertyOf, m.createResource(VKG + "basedOn")));
        String text = m.getRequiredProperty(supports, m.createProperty(VKG + "justification")).getString();
        assertTrue(text.contains("QEMU") && text.contains("chain") && text.contains("disjoint"), "the justification records the decision: " + text);
    }
}
