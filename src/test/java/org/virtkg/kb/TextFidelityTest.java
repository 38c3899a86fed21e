package org.virtkg.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paper's text statements that were quote-only or missing before issue 14, each as the structured
 * facts its sentence's named graph now holds: the sentence is still quoted verbatim in its source's
 * description, and the graph of that source holds the expected pattern (a fact, or an evaluation with
 * its subject, aspect, verdict and, for comparisons, what it is compared with). Read from the shipped
 * data files, loaded as the service loads them (see {@link Kb}).
 */
class TextFidelityTest {

    private static final String PREFIXES = Kb.PREFIXES + """
            PREFIX skos:  <http://www.w3.org/2004/02/skos/core#>
            PREFIX paper: <https://w3id.org/virtkg/source/paper/>
            """;

    /** One statement: its name, its source (relative to the paper's source IRIs), a fragment of its quote, the graph pattern. */
    static Stream<Arguments> statements() {
        return Stream.of(
                // --- section 1: virtualization types ---------------------------------------------------------------
                s("para-virtualization has security issues", "section1/ParaVirtualization/2", "several securities issues",
                        ev("id:ParaVirtualization", "id:Security", "id:Unfavourable")),
                s("para-virtualization's benefits", "section1/ParaVirtualization/3", "are the benefits of para-virtualization",
                        ev("id:ParaVirtualization", "id:DisasterRecovery", "id:Favourable")
                                + " ?e vkg:aspect id:WorkloadMigration , id:CapacityManagement ."),
                s("para-virtualization's near-native performance", "section1/ParaVirtualization/4", "near-native performance",
                        ev("id:ParaVirtualization", "id:Performance", "id:Favourable")),
                s("OS-level virtualization's near-native speed", "section1/OSLevelVirtualization/2", "near-native speeds",
                        ev("id:OSLevelVirtualization", "id:Performance", "id:Favourable")),
                s("full virtualization isolates users", "section1/FullVirtualization/2", "isolation of users",
                        ev("id:FullVirtualization", "id:Isolation", "id:Favourable")),

                // --- section 2: KVM, Xen ---------------------------------------------------------------------------
                s("KVM's priority-based scheduler", "section2/KVM/9", "Linux priority-based scheduler",
                        "id:KVM vkg:feature id:LinuxPriorityScheduling ."),
                s("KVM saves two context switches", "section2/KVM/10", "saving two contexts switches",
                        "id:KVM vkg:feature id:DirectGuestSystemCalls . " + ev("id:KVM", "id:Performance", "id:Favourable")
                                + " ?e vkg:scope ?scope FILTER (CONTAINS(?scope, \"two context switches\"))"),
                s("KVM's benefits from processor-level virtualization", "section2/KVM/7", "performance, scalability, and security",
                        ev("id:KVM", "id:Scalability", "id:Favourable") + " ?e vkg:aspect id:Performance , id:Security ."),
                s("Xen's adopters", "section2/Xen/4", "RedHat, Suse, XenSource and Virtual Iron",
                        "id:Xen vkg:integratedBy id:RedHat , id:SUSE , id:XenSource , id:VirtualIron ."
                                + " id:RedHat a vkg:Organisation . id:VirtualIron a vkg:Organisation ."),
                s("Xen more secure and robust than other hypervisors", "section2/Xen/3", "more secure and robust",
                        ev("id:Xen", "id:Security", "id:Favourable") + " ?e vkg:aspect id:Robustness ."),

                // --- section 2.1: OpenVZ, LXC, LXD -----------------------------------------------------------------
                s("OpenVZ's user bean counters and schedulers", "section2.1/OpenVZ/8", "user bean counters, I/O schedulers",
                        "id:OpenVZ vkg:component id:OpenVZUserBeanCounters , id:OpenVZIOScheduler , id:OpenVZDiskScheduler , id:OpenVZCPUScheduler ."),
                s("OpenVZ's containers are VPSs and VEs", "section2.1/OpenVZ/9", "Virtual Private Servers (VPSs), or Virtual Environments (VEs)",
                        "id:OpenVZ vkg:component id:OpenVZContainer ."
                                + " id:OpenVZContainer skos:altLabel \"Virtual Private Server (VPS)\"@en , \"Virtual Environment (VE)\"@en ."),
                s("OpenVZ fast without hypervisor overhead", "section2.1/OpenVZ/7", "does not have any hypervisors overhead",
                        ev("id:OpenVZ", "id:Performance", "id:Favourable")),
                s("LXC performs better than OpenVZ", "section2.1/LXC/4", "better performance than OpenVZ",
                        cmp("id:LXC", "id:OpenVZ", "id:Performance", "id:Favourable")),
                s("LXC uses chroot and control groups", "section2.1/LXC/6", "chroot and linux control group",
                        "id:LXC vkg:feature id:ChrootIsolation , id:ControlGroups ."),
                s("LXD with OpenStack for a Linux-oriented private cloud", "section2.1/LXD/4", "most suitable pair for Linux-oriented private Cloud",
                        "id:LXD vkg:supportedBy id:OpenStack . " + ev("id:LXD", "id:CloudSuitability", "id:BestInClass")
                                + " ?e vkg:evaluates id:OpenStack ; vkg:context id:Private , id:Linux ."),

                // --- section 2.2: the discussion on VMMs, Xen against KVM both ways -----------------------------------
                s("Xen suitable for HPC in academic clouds and grids", "section2.2/Xen/1", "Xen is suitable and most widely used hypervisor",
                        ev("id:Xen", "id:HighPerformanceComputing", "id:Favourable")),
                s("KVM the optimal choice for general HPC deployment", "section2.2/Xen/1", "optimal choice for general deployment",
                        ev("id:KVM", "id:HighPerformanceComputing", "id:BestInClass")),
                s("KVM guests crash as their number grows", "section2.2/KVM/1", "problems with guests crashing",
                        ev("id:KVM", "id:Scalability", "id:Unfavourable")),
                s("KVM's unqualified freedom from the scalability problem", "section2.2/KVM/1", "KVM do not face that problem of scalability",
                        ev("id:KVM", "id:Scalability", "id:Favourable") + " FILTER NOT EXISTS { ?e vkg:scope ?scope }"),
                s("KVM scales poorly under heavy disk access", "section2.2/KVM/2", "high hard disk overhead and poor linearity",
                        "id:KVM vkg:limitation id:HighDiskOverhead . " + ev("id:KVM", "id:Scalability", "id:Unfavourable")),
                s("KVM scales in network and CPU virtualization", "section2.2/KVM/4", "network and CPU virtualization",
                        ev("id:KVM", "id:Scalability", "id:Favourable") + " ?e vkg:scope ?scope FILTER (CONTAINS(?scope, \"network and CPU\"))"),
                s("Xen more scalable than KVM", "section2.2/Xen/2", "Xen found more scalable compare to KVM",
                        cmp("id:Xen", "id:KVM", "id:Scalability", "id:Favourable")),
                s("Xen performs worse than KVM", "section2.2/Xen/2", "Xen was found lacking in Compared to KVM",
                        cmp("id:Xen", "id:KVM", "id:Performance", "id:Unfavourable")),
                s("Xen not the best for enduring quality of service", "section2.2/Xen/4", "enduring quality of service",
                        ev("id:Xen", "id:QualityOfService", "id:Unfavourable")),
                s("Xen needs no processor virtualization support", "section2.2/Xen/3", "does not depend on any type of CPU instructions",
                        "id:Xen vkg:feature id:NoProcessorSupportNeeded ."),
                s("KVM more promising than Xen for grid computing", "section2.2/KVM/3", "more promising hypervisor for grid computing",
                        cmp("id:KVM", "id:Xen", "id:GridComputing", "id:Favourable")),
                s("KVM simpler to maintain and deploy than Xen", "section2.2/KVM/3", "simple to maintain and easily deployed",
                        cmp("id:KVM", "id:Xen", "id:EaseOfMaintenance", "id:Favourable") + " ?e vkg:aspect id:EaseOfDeployment ."),
                s("KVM excellent for many tedious jobs", "section2.2/KVM/3", "excellent performance for many tedious jobs",
                        ev("id:KVM", "id:Performance", "id:Favourable")),
                s("Lguest slower than other hypervisors", "section2.2/Lguest/1", "slower than other hypervisors",
                        ev("id:Lguest", "id:Performance", "id:Unfavourable")),
                s("VirtualBox limited in HPC", "section2.2/VirtualBox/1", "limit the use of VirtualBox in HPC environment",
                        ev("id:VirtualBox", "id:HighPerformanceComputing", "id:Unfavourable")),
                s("OpenVZ and LXC not for heterogeneous environments", "section2.2/OpenVZ/1", "cannot use in heterogeneous environment",
                        ev("id:OpenVZ", "id:HeterogeneousEnvironments", "id:Unfavourable") + " ?e vkg:evaluates id:LXC ."),

                // --- section 3: platforms --------------------------------------------------------------------------
                s("Eucalyptus's CLC on port 8445", "section3/Eucalyptus/6", "an http server on port 8445",
                        "id:EucalyptusCLC vkg:port 8445 ."),
                s("only one CLC per cloud", "section3/Eucalyptus/7", "Only one CLC can exist per Cloud",
                        "id:EucalyptusCLC vkg:maxInstancesPerCloud 1 ."),
                s("the NC caches images", "section3/Eucalyptus/12", "downloads and caches images",
                        "id:Eucalyptus vkg:feature id:NodeImageCaching ."),
                s("VM configuration easier in Eucalyptus than in OpenNebula", "section3/OpenNebula/9", "VMM configuration set up is easy in Eucalyptus",
                        "id:OpenNebula vkg:limitation id:TediousVMConfiguration . "
                                + cmp("id:Eucalyptus", "id:OpenNebula", "id:EaseOfDeployment", "id:Favourable")),
                s("Nimbus needs broad customisation", "section3/Nimbus/11", "nimbus needs broad customization requirements",
                        "id:Nimbus vkg:limitation id:BroadCustomisationNeeded ; vkg:uses id:GlobusToolkit ."),
                s("Nova independent of any hypervisor", "section3/OpenStack/12", "independent to any hypervisor",
                        "id:OpenStack vkg:feature id:HypervisorIndependence , id:NoPrerequisiteHardware ."),
                s("LXC on OpenStack minimises virtualization overhead", "section3/OpenStack/3", "minimize virtualization overhead",
                        "id:OpenStack vkg:supports id:LXC . " + ev("id:LXC", "id:Performance", "id:Favourable")),
                s("OpenStack written in Python", "section3/OpenStack/2", "It is written in python",
                        "id:OpenStack vkg:implementationLanguage id:Python ."),
                s("OpenStack excellent for large deployment", "section3/OpenStack/11", "excellent for large deployment",
                        ev("id:OpenStack", "id:LargeDeployments", "id:Favourable") + " id:OpenStack vkg:implementationLanguage id:Python ."),
                s("CloudStack: one hypervisor per cluster, shared primary storage", "section3/CloudStack/4",
                        "have the same hypervisor installed and share the same primary storage",
                        "id:CloudStack vkg:limitation id:OneHypervisorPerCluster ; vkg:feature id:SharedPrimaryStorage ."),
                s("CloudStack has lots of features", "section3/CloudStack/8", "Cloud Stack has lots of features",
                        ev("id:CloudStack", "id:FeatureRange", "id:Favourable")),
                s("CloudStack is monolithic", "section3/CloudStack/8", "Monolithic component architecture",
                        "id:CloudStack vkg:feature id:MonolithicArchitecture ; vkg:setupComplexity \"medium\" ."),
                s("Ganeti has few features", "section3/Ganeti/6", "is having few features",
                        "id:Ganeti vkg:limitation id:FewFeatures . " + ev("id:Ganeti", "id:FeatureRange", "id:Unfavourable")),
                s("open source Enomaly scales poorly", "section3/Enomaly/2", "limited scalability",
                        "id:Enomaly vkg:limitation id:LimitedScalability . " + ev("id:Enomaly", "id:Scalability", "id:Unfavourable")));
    }

    private static Arguments s(String name, String source, String fragment, String pattern) {
        return Arguments.of(name, source, fragment, pattern);
    }

    /** An evaluation ?e of the subject on the aspect with the verdict. */
    private static String ev(String subject, String aspect, String verdict) {
        return "?e a vkg:Evaluation ; vkg:evaluates %s ; vkg:aspect %s ; vkg:verdict %s .".formatted(subject, aspect, verdict);
    }

    /** A comparison ?e of the subject with another product. */
    private static String cmp(String subject, String other, String aspect, String verdict) {
        return "?e a vkg:Comparison ; vkg:evaluates %s ; vkg:comparedWith %s ; vkg:aspect %s ; vkg:verdict %s ."
                .formatted(subject, other, aspect, verdict);
    }

    private static boolean ask(String pattern) {
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(PREFIXES + TableFidelityTest.expandSources("ASK { " + pattern + " }")).build()) {
            return qe.execAsk();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void statementIsQuotedAndStructured(String name, String source, String fragment, String pattern) {
        assertTrue(ask("GRAPH <%s> { paper:%s vkg:quote ?q FILTER (CONTAINS(?q, \"%s\")) }".formatted(Kb.PAPER_SOURCES, source, fragment)),
                name + ": " + source + " quotes '" + fragment + "'");
        assertTrue(ask("GRAPH paper:%s { %s }".formatted(source, pattern)), name + ": the graph " + source + " holds " + pattern);
    }

    /** On Xen versus KVM the paper speaks both ways; so does the knowledge base. */
    @Test
    void xenAndKvmAreJudgedBothWays() {
        for (String[] pair : new String[][] {{"id:Xen", "id:KVM"}, {"id:KVM", "id:Xen"}}) {
            String t = pair[0];
            assertTrue(ask("?e vkg:evaluates %s ; vkg:verdict id:Favourable".formatted(t)), t + " favourably judged");
            assertTrue(ask("?e vkg:evaluates %s ; vkg:verdict id:Unfavourable".formatted(t)), t + " unfavourably judged");
            assertTrue(ask("?e vkg:evaluates %s ; vkg:comparedWith %s ; vkg:verdict id:Favourable".formatted(t, pair[1])),
                    t + " found better than " + pair[1] + " on some aspect");
        }
        assertTrue(ask("?e vkg:evaluates id:Xen ; vkg:comparedWith id:KVM ; vkg:verdict id:Unfavourable"), "Xen found worse than KVM on some aspect");
    }

    /** The self-contradicting sentence of section 2.2: both halves recorded, the unqualified one disputed. */
    @Test
    void kvmScalabilitySelfContradictionIsDisputedOnTheClaim() {
        assertTrue(ask("""
                GRAPH paper:section2.2/KVM/1 { ?e vkg:evaluates id:KVM ; vkg:aspect id:Scalability ; vkg:verdict id:Favourable }
                ?d a vkg:Dispute ; vkg:claimSubject ?e ; vkg:claimProperty vkg:verdict ; vkg:claimObject id:Favourable ;
                   vkg:aboutSource paper:section2.2/KVM/1 ; prov:wasDerivedFrom paper:section2.2/KVM/4"""));
        assertTrue(!ask("paper:section2.2/KVM/1 vkg:disputed true") && !ask("paper:section2.2/Xen/2 vkg:disputed true"),
                "the doubt is on the claim now, not on the whole sentence");
    }

    /** Every evaluation sits in the graph of a described paper or outside source, and uses the ontology's aspects and verdicts. */
    @Test
    void everyEvaluationIsSourcedAndWellFormed() {
        List<String> problems = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset()).query(PREFIXES + """
                SELECT ?e ?g WHERE {
                  GRAPH ?g { ?e a ?kind } VALUES ?kind { vkg:Evaluation vkg:Comparison }
                  FILTER NOT EXISTS {
                    ?g a vkg:Source ; prov:wasDerivedFrom ?from .
                    { ?g vkg:quote ?text } UNION { ?g vkg:cellText ?text }
                    GRAPH ?g { ?e vkg:evaluates ?x ; vkg:aspect ?a ; vkg:verdict ?v }
                    ?a skos:inScheme vkg:EvaluationAspects . ?v skos:inScheme vkg:Verdicts .
                  }
                }""").build()) {
            qe.execSelect().forEachRemaining(r -> problems.add(r.getResource("e") + " in " + r.getResource("g")));
        }
        assertEquals(List.of(), problems);
        try (QueryExecution qe = QueryExecution.dataset(Kb.unionDataset())
                .query(PREFIXES + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e vkg:evaluates ?x }").build()) {
            int n = qe.execSelect().next().getLiteral("n").getInt();
            assertTrue(n >= 30, "suspiciously few evaluations: " + n);
        }
    }
}
