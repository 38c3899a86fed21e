package org.virtkg.reasoner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.reasoner.RlTestSupport.ex;
import static org.virtkg.reasoner.RlTestSupport.owl;
import static org.virtkg.reasoner.RlTestSupport.rdfs;
import static org.virtkg.reasoner.RlTestSupport.reason;
import static org.virtkg.reasoner.RlTestSupport.t;
import static org.virtkg.reasoner.RlTestSupport.tr;
import static org.virtkg.reasoner.RlTestSupport.type;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One small hand-written graph per rule family. */
class RuleFamiliesTest {

    @Test
    void subclassChain() {
        RlReasoner r = reason("""
                :KVM rdfs:subClassOf :Hypervisor . :Hypervisor rdfs:subClassOf :VirtualisationSoftware .
                :VirtualisationSoftware rdfs:subClassOf :Software . :kvm a :KVM .
                """);
        assertTrue(r.contains(type("kvm", "Software")));
        assertTrue(r.contains(t(ex("KVM"), rdfs("subClassOf"), ex("Software"))));
        assertFalse(r.isAsserted(type("kvm", "Software")));
        assertTrue(r.isAsserted(type("kvm", "KVM")));
        assertEquals("cax-sco", r.explain(type("kvm", "Software")).orElseThrow().rule());
    }

    @Test
    void domainRangeAndSubProperty() {
        RlReasoner r = reason("""
                :runsOn rdfs:domain :Guest ; rdfs:range :Host . :runsOn rdfs:subPropertyOf :relatedTo .
                :vm1 :runsOn :h1 .
                """);
        assertTrue(r.contains(type("vm1", "Guest")));
        assertTrue(r.contains(type("h1", "Host")));
        assertTrue(r.contains(tr("vm1", "relatedTo", "h1")));
    }

    @Test
    void inverseSymmetricTransitive() {
        RlReasoner r = reason("""
                :hosts owl:inverseOf :runsOn . :vm1 :runsOn :h1 . :h2 :hosts :vm2 .
                :peer a owl:SymmetricProperty . :a :peer :b .
                :partOf a owl:TransitiveProperty . :x :partOf :y . :y :partOf :z . :z :partOf :w .
                """);
        assertTrue(r.contains(tr("h1", "hosts", "vm1")));
        assertTrue(r.contains(tr("vm2", "runsOn", "h2")));
        assertTrue(r.contains(tr("b", "peer", "a")));
        assertTrue(r.contains(tr("x", "partOf", "w")));
        assertFalse(r.contains(tr("w", "partOf", "x")));
    }

    @Test
    void propertyChain() {
        RlReasoner r = reason("""
                :supports owl:propertyChainAxiom ( :supports :basedOn ) .
                :openstack :supports :kvm . :kvm :basedOn :qemu . :qemu :basedOn :tcg .
                """);
        assertTrue(r.contains(tr("openstack", "supports", "qemu")));
        assertTrue(r.contains(tr("openstack", "supports", "tcg")));
        assertFalse(r.contains(tr("kvm", "supports", "qemu")));
        assertEquals("prp-spo2", r.explain(tr("openstack", "supports", "qemu")).orElseThrow().rule());
    }

    @Test
    void someValuesFromOnSubclassSide() {
        RlReasoner r = reason("""
                [ a owl:Restriction ; owl:onProperty :supports ; owl:someValuesFrom :ContainerTechnology ]
                    rdfs:subClassOf :ContainerAware .
                :docker a :ContainerTechnology . :k8s :supports :docker . :vmware :supports :esx .
                """);
        assertTrue(r.contains(type("k8s", "ContainerAware")));
        assertFalse(r.contains(type("vmware", "ContainerAware")));
    }

    @Test
    void equivalenceWithIntersectionAndSomeValuesFrom() {
        String onto = """
                :ContainerPlatform owl:equivalentClass [ owl:intersectionOf ( :CloudPlatform
                    [ a owl:Restriction ; owl:onProperty :supports ; owl:someValuesFrom :ContainerTechnology ] ) ] .
                :docker a :ContainerTechnology .
                :openshift a :CloudPlatform ; :supports :docker .
                :openstack a :CloudPlatform ; :supports :kvm .
                :rancher a :ContainerPlatform .
                """;
        RlReasoner r = reason(onto);
        assertTrue(r.contains(type("openshift", "ContainerPlatform")));
        assertFalse(r.contains(type("openstack", "ContainerPlatform")));
        assertTrue(r.contains(type("rancher", "CloudPlatform")));
        assertTrue(r.inconsistencies().isEmpty());
    }

    @Test
    void sameAsPropagates() {
        RlReasoner r = reason("""
                :kvm owl:sameAs :KernelVM . :KernelVM owl:sameAs :kvm2 . :kvm :license :GPL . :x :uses :kvm2 .
                """);
        assertTrue(r.contains(tr("kvm2", "license", "GPL")));
        assertTrue(r.contains(tr("x", "uses", "kvm")));
        assertTrue(r.contains(t(ex("kvm2"), owl("sameAs"), ex("kvm"))));
        assertTrue(r.contains(t(ex("kvm"), owl("sameAs"), ex("kvm"))), "eq-ref is virtual");
        RlReasoner lit = reason(":a owl:sameAs :b . :b owl:sameAs 5 . :x :p :a .");
        assertTrue(lit.contains(t(ex("a"), owl("sameAs"), org.apache.jena.graph.NodeFactory.createLiteralDT("5",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))));
        assertTrue(lit.contains(t(ex("x"), ex("p"), org.apache.jena.graph.NodeFactory.createLiteralDT("5",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))));
    }

    @Test
    void disjointnessIsInconsistencyWithExplanation() {
        RlReasoner r = reason("""
                :Hypervisor owl:disjointWith :Container . :Type1 rdfs:subClassOf :Hypervisor .
                :thing a :Type1 , :Container .
                """);
        List<Inconsistency> inc = r.inconsistencies();
        assertEquals(1, inc.size());
        assertEquals("cax-dw", inc.get(0).rule());
        assertEquals(3, inc.get(0).triples().size());
        assertTrue(inc.get(0).explanations().stream().anyMatch(e -> e.rule().equals("cax-sco")));
        assertFalse(r.isConsistent());
    }

    @Test
    void otherClashes() {
        assertEquals("prp-irp", reason(":p a owl:IrreflexiveProperty . :a :p :a .").inconsistencies().get(0).rule());
        assertEquals("prp-asyp", reason(":p a owl:AsymmetricProperty . :a :p :b . :b :p :a .").inconsistencies().get(0).rule());
        assertEquals("cls-nothing2", reason(":a a owl:Nothing .").inconsistencies().get(0).rule());
        assertEquals("eq-diff1", reason(":a owl:sameAs :b . :b owl:differentFrom :a .").inconsistencies().get(0).rule());
        assertEquals("cax-adc", reason("[] a owl:AllDisjointClasses ; owl:members ( :A :B :C ) . :x a :A , :C .")
                .inconsistencies().get(0).rule());
        assertEquals("prp-pdw", reason(":p owl:propertyDisjointWith :q . :a :p :b ; :q :b .").inconsistencies().get(0).rule());
        assertEquals("dt-not-type", reason(":a :age \"abc\"^^xsd:integer .").inconsistencies().get(0).rule());
        assertEquals("prp-rng+dt-not-type", reason(":age rdfs:range xsd:integer . :a :age \"abc\" .").inconsistencies().get(0).rule());
        assertTrue(reason(":age rdfs:range xsd:integer . :a :age 42 . :b :age \"7\"^^xsd:int .").isConsistent());
        assertTrue(reason(":name rdfs:range xsd:string . :a :name \"x\" . :label rdfs:range rdfs:Literal . :a :label \"y\"@en .").isConsistent());
        assertEquals("eq-diff2", reason("[] a owl:AllDifferent ; owl:distinctMembers ( :a :b ) . :a owl:sameAs :b .")
                .inconsistencies().get(0).rule());
    }

    @Test
    void maxCardinalityOneGivesSameAs() {
        RlReasoner r = reason("""
                :SingleHosted rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :hostedBy ;
                    owl:maxCardinality "1"^^xsd:nonNegativeInteger ] .
                :vm a :SingleHosted ; :hostedBy :h1 , :h2 .
                """);
        assertTrue(r.contains(t(ex("h1"), owl("sameAs"), ex("h2"))));
        assertEquals("cls-maxc2", r.explain(t(ex("h1"), owl("sameAs"), ex("h2"))).orElseThrow().rule());
    }

    @Test
    void functionalAndKeys() {
        RlReasoner r = reason("""
                :hasVendor a owl:FunctionalProperty . :x :hasVendor :redhat , :RedHatInc .
                :Product owl:hasKey ( :name ) . :p1 a :Product ; :name "KVM" . :p2 a :Product ; :name "KVM" .
                """);
        assertTrue(r.contains(t(ex("redhat"), owl("sameAs"), ex("RedHatInc"))));
        assertTrue(r.contains(t(ex("p1"), owl("sameAs"), ex("p2"))));
    }

    @Test
    void hasValueAllValuesFromUnion() {
        RlReasoner r = reason("""
                :OpenSource owl:equivalentClass [ a owl:Restriction ; owl:onProperty :license ; owl:hasValue :GPL ] .
                :xen :license :GPL . :k a :OpenSource .
                :Cloud rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :runs ; owl:allValuesFrom :Workload ] .
                :c a :Cloud ; :runs :w .
                :Software owl:unionOf ( :Hypervisor :Emulator ) . :qemu a :Emulator .
                """);
        assertTrue(r.contains(type("xen", "OpenSource")));
        assertTrue(r.contains(tr("k", "license", "GPL")));
        assertTrue(r.contains(type("w", "Workload")));
        assertTrue(r.contains(type("qemu", "Software")));
    }

    @Test
    void sameAsChainBecomesOneCliqueAndRetractsCleanly() {
        int n = 150;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < n; i++) sb.append(":i").append(i).append(" owl:sameAs :i").append(i + 1).append(" .\n");
        sb.append(":i0 :label \"x\" .\n");
        RlReasoner r = reason(sb.toString());
        long same = r.closure().filter(t -> t.getPredicate().equals(owl("sameAs"))).count();
        assertEquals((long) n * (n - 1), same);
        assertTrue(r.contains(t(ex("i" + (n - 1)), ex("label"), org.apache.jena.graph.NodeFactory.createLiteralString("x"))));
        Explanation e = r.explain(t(ex("i" + (n - 1)), owl("sameAs"), ex("i0"))).orElseThrow();
        assertTrue(e.rule().startsWith("eq-"), e.rule());
        // cut the chain in the middle: two cliques remain
        r.remove(RlTestSupport.ttl(":i" + (n / 2) + " owl:sameAs :i" + (n / 2 + 1) + " ."));
        long half = r.closure().filter(t -> t.getPredicate().equals(owl("sameAs"))).count();
        int a = n / 2 + 1, b = n - a;
        assertEquals((long) a * (a - 1) + (long) b * (b - 1), half);
        assertFalse(r.contains(t(ex("i" + (n - 1)), ex("label"), org.apache.jena.graph.NodeFactory.createLiteralString("x"))));
    }
}
