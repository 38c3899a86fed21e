package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * {@code /ontology}: the ontology published at the address its IRI would redirect to, in every RDF
 * format and as documentation generated from the ontology as stored (terms added through
 * {@code /api/terms} included), with a how-to-cite page. Everything is checked against the store's
 * own graphs, read over SPARQL.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class OntologyPublicationTest {
    static TestServer server;
    static String base;
    static final String BASE = "https://w3id.org/virtkg/";
    static final String VKG = BASE + "ontology#";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final Node ONTOLOGY = NodeFactory.createURI(BASE + "ontology");

    @BeforeAll
    static void start() {
        server = TestServer.withShippedData(AccessTokens.of(ADMIN, EDITOR));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The stored ontology: the ontology graph(s) and the term graphs users added, read with a SPARQL CONSTRUCT. */
    static Graph stored() {
        String q = """
                CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o }
                  FILTER(?g = <%1$sgraph/ontology> || STRSTARTS(STR(?g), "%1$sgraph/ontology/") || STRSTARTS(STR(?g), "%1$sgraph/terms/")) }"""
                .formatted(BASE);
        var r = get(base + "/sparql?query=" + Fixtures.enc(q), "Accept", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body(), Lang.NTRIPLES);
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).base("http://invalid.example/").parse(g);
        return g;
    }

    /** True when the pattern holds in the knowledge base (inferences included), asked over SPARQL. */
    static boolean ask(String pattern) {
        var r = get(base + "/sparql?query=" + Fixtures.enc("ASK { " + pattern + " }"), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return assertJson(r).at("/boolean").booleanValue();
    }

    static Node vkg(String local) {
        return NodeFactory.createURI(VKG + local);
    }

    /** The terms the documentation must list: every IRI the ontology describes under the virtkg base, except the ontology itself. */
    static Set<String> terms(Graph g) {
        Set<String> out = new TreeSet<>();
        g.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(BASE) && !s.equals(ONTOLOGY)) out.add(s.getURI());
        });
        return out;
    }

    /** The anchor /ontology#… of a term: its local name in the vkg: namespace, {@code id-Name} for the ids of individuals. */
    static String anchor(String iri) {
        return iri.startsWith(VKG) ? iri.substring(VKG.length()) : iri.substring(BASE.length()).replace('/', '-');
    }

    static String section(String html, String anchor) {
        int start = html.indexOf("<section id=\"" + ReferenceEscaping.attr(anchor) + "\"");
        assertTrue(start >= 0, "no section for " + anchor);
        return html.substring(start, html.indexOf("</section>", start));
    }

    static Set<String> objects(Graph g, Node s, Node p) {
        Set<String> out = new TreeSet<>();
        g.find(s, p, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) out.add(t.getObject().getURI());
        });
        return out;
    }

    static Set<String> subjects(Graph g, Node p, Node o) {
        Set<String> out = new TreeSet<>();
        g.find(Node.ANY, p, o).forEachRemaining(t -> {
            if (t.getSubject().isURI()) out.add(t.getSubject().getURI());
        });
        return out;
    }

    static String html() {
        var r = get(base + "/ontology", "Accept", BROWSER);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
        return r.body();
    }

    static HttpResponse<String> putTerms(String name, String turtle) {
        return Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/api/terms/" + name)).PUT(HttpRequest.BodyPublishers.ofString(turtle)),
                "Content-Type", "text/turtle", "Authorization", "Bearer " + ADMIN);
    }

    @Test
    void everyRdfFormatIsTheStoredOntology() {
        Graph stored = stored();
        assertTrue(stored.size() > 500, "the shipped ontology is there: " + stored.size());
        Object[][] formats = {{"text/turtle", Lang.TURTLE}, {"application/rdf+xml", Lang.RDFXML},
                {"application/ld+json", Lang.JSONLD}, {"application/n-triples", Lang.NTRIPLES}};
        for (Object[] f : formats) {
            var r = get(base + "/ontology", "Accept", (String) f[0]);
            assertEquals(200, r.statusCode(), f[0] + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith((String) f[0]), r.headers().toString());
            Graph served = parse(r.body(), (Lang) f[1]);
            assertTrue(served.isIsomorphicWith(stored), f[0] + " is isomorphic to the stored ontology (" + served.size() + " vs " + stored.size() + " triples)");
            System.out.println("[ontology] " + f[0] + ": " + served.size() + " triples, isomorphic to the stored ontology");
        }
        // The version IRI serves the same document; another version is not here.
        String versionIri = objects(stored, ONTOLOGY, OWL2.versionIRI.asNode()).iterator().next();
        var byVersion = get(base + "/ontology/" + versionIri.substring((BASE + "ontology/").length()), "Accept", "text/turtle");
        assertEquals(200, byVersion.statusCode(), byVersion.body());
        assertTrue(parse(byVersion.body(), Lang.TURTLE).isIsomorphicWith(stored));
        var other = get(base + "/ontology/99.0.0", "Accept", "text/turtle");
        assertEquals(404, other.statusCode());
        assertJson(other).at("/detail").textContains("version " + versionIri + " "); // the 404 names the current version
    }

    @Test
    void contentNegotiationHonoursQValuesAndRefusesWhatItCannotServe() {
        String[][] cases = {
                {"", "text/turtle"}, // curl without -H: Turtle, as /id/{name}
                {"*/*", "text/turtle"},
                {BROWSER, "text/html"},
                {"text/turtle;q=0.5, application/rdf+xml", "application/rdf+xml"},
                {"text/html;q=0.1, application/ld+json;q=0.9", "application/ld+json"},
                {"application/n-triples;q=0.8, text/html;q=0.9, text/turtle;q=0.2", "text/html"},
                {"application/json", "application/ld+json"},
                {"image/png, text/*;q=0.3", "text/turtle"},
        };
        for (String[] c : cases) {
            var r = c[0].isEmpty() ? get(base + "/ontology") : get(base + "/ontology", "Accept", c[0]);
            assertEquals(200, r.statusCode(), c[0]);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(c[1]), "Accept: " + c[0] + " -> " + r.headers().firstValue("Content-Type"));
            assertTrue(r.headers().allValues("Vary").toString().contains("Accept"), "Vary: Accept");
        }
        for (String refused : List.of("image/png", "text/turtle;q=0, application/pdf")) {
            var r = get(base + "/ontology", "Accept", refused);
            assertEquals(406, r.statusCode(), refused);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
            // The problem lists what is offered.
            assertJson(r).at("/detail").textContains("text/turtle").textContains("application/rdf+xml");
        }
    }

    @Test
    void headAndConditionalGetsFollowTheKnowledgeBaseVersion() {
        var first = get(base + "/ontology", "Accept", "text/turtle");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\"kb-"), etag);
        var again = get(base + "/ontology", "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        var head = Fixtures.send(HttpRequest.newBuilder(URI.create(base + "/ontology")).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                "Accept", BROWSER);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body(), "HEAD sends no body");
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), head.headers().toString());
        assertTrue(head.headers().firstValue("ETag").isPresent());

        var r = putTerms("etagprobe", """
                @prefix vkg: <https://w3id.org/virtkg/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                vkg:EtagProbe a owl:Class ; rdfs:label "ETag probe"@en ; rdfs:comment "Added to move the version on."@en .""");
        assertEquals(201, r.statusCode(), r.body());
        var after = get(base + "/ontology", "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(200, after.statusCode(), "a write makes the old validator stale");
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        assertTrue(after.body().contains("EtagProbe"), "the new term is published");
    }

    @Test
    void theDocumentationListsEveryTermWithItsAxiomsAndExamples() {
        String html = html();
        Graph stored = stored();
        Set<String> terms = terms(stored);
        assertTrue(terms.size() > 100, "terms: " + terms.size());
        List<String> missing = new ArrayList<>();
        for (String t : terms) if (!html.contains("<section id=\"" + ReferenceEscaping.attr(anchor(t)) + "\"")) missing.add(t);
        assertEquals(List.of(), missing, "terms without a section");
        System.out.println("[ontology] the documentation has a section for each of the " + terms.size() + " terms");
        // Each anchor once: /ontology#Term lands on one place.
        for (String t : terms)
            assertEquals(1, Pattern.compile(" id=\"" + Pattern.quote(ReferenceEscaping.attr(anchor(t))) + "\"").matcher(html).results().count(), t);

        // Domain and range of properties, direct super- and subclasses, as the graph states them.
        for (String p : List.of("supports", "hostOS", "basedOn")) {
            String s = section(html, p);
            for (String d : objects(stored, vkg(p), RDFS.domain.asNode())) assertTrue(s.contains(linkTo(d)), p + " domain " + d + "\n" + s);
            for (String d : objects(stored, vkg(p), RDFS.range.asNode())) assertTrue(s.contains(linkTo(d)), p + " range " + d + "\n" + s);
            assertTrue(s.contains(">Domain<") && s.contains(">Range<"), s);
        }
        for (String c : List.of("Hypervisor", "VirtualizationTechnology", "CloudPlatform")) {
            String s = section(html, c);
            Set<String> supers = objects(stored, vkg(c), RDFS.subClassOf.asNode());
            Set<String> subs = subjects(stored, RDFS.subClassOf.asNode(), vkg(c));
            assertFalse(supers.isEmpty() && subs.isEmpty(), c);
            for (String x : supers) assertTrue(s.contains(linkTo(x)), c + " super " + x + "\n" + s);
            for (String x : subs) assertTrue(s.contains(linkTo(x)), c + " sub " + x + "\n" + s);
        }
        // Inverses and disjoint classes, either way round, as the graph states them.
        Set<String> inverses = objects(stored, vkg("supports"), OWL2.inverseOf.asNode());
        inverses.addAll(subjects(stored, OWL2.inverseOf.asNode(), vkg("supports")));
        assertFalse(inverses.isEmpty());
        for (String x : inverses) assertTrue(section(html, "supports").contains(linkTo(x)), "inverse " + x);
        List<String[]> disjoint = new ArrayList<>();
        stored.find(Node.ANY, OWL2.disjointWith.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getObject().isURI()) disjoint.add(new String[] {t.getSubject().getURI(), t.getObject().getURI()});
        });
        // owl:AllDisjointClasses, read with Jena's own list reader: each pair of members.
        var model = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(stored);
        model.listSubjectsWithProperty(RDF.type, OWL2.AllDisjointClasses).forEachRemaining(d -> {
            var members = d.getPropertyResourceValue(OWL2.members).as(org.apache.jena.rdf.model.RDFList.class).asJavaList();
            for (var a : members) for (var b : members) if (!a.equals(b) && a.isURIResource() && b.isURIResource())
                disjoint.add(new String[] {a.asResource().getURI(), b.asResource().getURI()});
        });
        assertFalse(disjoint.isEmpty(), "the ontology states disjoint classes");
        for (String[] pair : disjoint) {
            if (pair[0].startsWith(BASE)) assertTrue(section(html, anchor(pair[0])).contains(linkTo(pair[1])), pair[0] + " disjoint with " + pair[1]);
            if (pair[1].startsWith(BASE)) assertTrue(section(html, anchor(pair[1])).contains(linkTo(pair[0])), pair[1] + " disjoint with " + pair[0]);
        }
        // Examples from the knowledge base link to the resources' pages.
        var instances = Pattern.compile("<li><a href=\"/id/([^\"]+)\">").matcher(section(html, "Hypervisor")).results().toList();
        assertFalse(instances.isEmpty(), section(html, "Hypervisor"));
        for (var i : instances)
            assertTrue(ask("<" + BASE + "id/" + i.group(1) + "> a <" + VKG + "Hypervisor>"), i.group(1) + " is a hypervisor");
        // The uses shown for a property are real: each "S → O" holds in the knowledge base.
        var uses = Pattern.compile("<li><a href=\"/id/([^\"]+)\">[^<]*</a> → <a href=\"/id/([^\"]+)\">").matcher(section(html, "supports"))
                .results().toList();
        assertFalse(uses.isEmpty(), section(html, "supports"));
        for (var u : uses)
            assertTrue(ask("<" + BASE + "id/" + u.group(1) + "> <" + VKG + "supports> <" + BASE + "id/" + u.group(2) + ">"),
                    u.group(1) + " supports " + u.group(2));
        // Individuals of the ontology link to their own pages.
        String linux = BASE + "id/Linux";
        assertTrue(terms.contains(linux));
        assertTrue(section(html, anchor(linux)).contains("href=\"/id/Linux\""));

        // The header: version, licence, creator, dates, prefix and namespace, read from the ontology's own metadata.
        String header = html.substring(0, html.indexOf("<section id="));
        for (var p : List.of(OWL2.versionIRI, OWL2.versionInfo)) assertMentions(header, stored, p.asNode());
        for (String p : List.of("http://purl.org/dc/terms/license", "http://purl.org/dc/terms/creator", "http://purl.org/dc/terms/created",
                "http://purl.org/dc/terms/modified", "http://purl.org/vocab/vann/preferredNamespacePrefix", "http://purl.org/vocab/vann/preferredNamespaceUri"))
            assertMentions(header, stored, NodeFactory.createURI(p));
        assertTrue(html.contains("href=\"/ontology/cite\""), "links to how to cite");
    }

    private static void assertMentions(String header, Graph g, Node p) {
        var values = g.find(ONTOLOGY, p, Node.ANY).toList();
        assertFalse(values.isEmpty(), "the ontology states " + p);
        for (var t : values) {
            Node o = t.getObject();
            String text = o.isURI() ? o.getURI() : o.getLiteralLexicalForm();
            assertTrue(header.contains(ReferenceEscaping.text(text)), p + " " + text + " at the top");
        }
    }

    /** A link to a term inside the page, or to an outside term's own IRI. */
    static String linkTo(String iri) {
        if (iri.startsWith(BASE)) return "href=\"#" + ReferenceEscaping.attr(anchor(iri)) + "\"";
        return "href=\"" + ReferenceEscaping.attr(iri) + "\"";
    }

    @Test
    void theDiagramShowsClassesAndObjectPropertiesWithoutScripts() {
        String html = html();
        Graph stored = stored();
        int svg = html.indexOf("<svg");
        assertTrue(svg >= 0, "an inline SVG diagram");
        String diagram = html.substring(svg, html.indexOf("</svg>", svg));
        // Every vkg: class is a node linking to its section; every object property between two of them an edge.
        for (String c : subjects(stored, RDF.type.asNode(), OWL2.Class.asNode())) {
            if (!c.startsWith(VKG)) continue;
            assertTrue(diagram.contains("data-term=\"" + ReferenceEscaping.attr(anchor(c)) + "\""), "node for " + c);
        }
        assertTrue(diagram.contains("data-property=\"supports\""), "an edge for supports");
        assertTrue(diagram.contains("<title"), "the diagram is titled for assistive technology");
        // The Content-Security-Policy forbids inline scripts and handlers; the page needs none.
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline script");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline event handler");
    }

    @Test
    void aTermAddedThroughTheApiIsDocumentedAndItsLabelEscaped() {
        var r = putTerms("scripted", """
                @prefix vkg: <https://w3id.org/virtkg/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                vkg:ScriptedMonitor a owl:Class ; rdfs:subClassOf vkg:Hypervisor ;
                    rdfs:label "<script>alert('owned')</script> monitor"@en ;
                    rdfs:comment "A comment with <img src=x onerror=alert(1)> & more."@en .""");
        assertEquals(201, r.statusCode(), r.body());
        String html = html();
        String s = section(html, "ScriptedMonitor");
        assertTrue(s.contains("<h3>&lt;script&gt;alert('owned')&lt;/script&gt; monitor <span class=\"tag\">Class</span></h3>"), s);
        assertTrue(s.contains("<p>A comment with &lt;img src=x onerror=alert(1)&gt; &amp; more.</p>"), s);
        // The contents line of the classes links to it by the same escaped label.
        assertTrue(html.contains("<a href=\"#ScriptedMonitor\">&lt;script&gt;alert('owned')&lt;/script&gt; monitor</a>"), "in the index");
        assertTrue(s.contains(linkTo(VKG + "Hypervisor")), "its superclass");
        assertTrue(section(html, "Hypervisor").contains(linkTo(VKG + "ScriptedMonitor")), "and it is a subclass there");
        assertFalse(html.contains("<script>alert"), "never markup");
        assertFalse(html.contains("<img src=x"), "never markup");
        String diagram = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertTrue(diagram.contains("data-term=\"ScriptedMonitor\""), "in the diagram too");
        // The diagram is drawn as an SVG string, escaped by its own XML escaper: the label is text there as well.
        assertTrue(diagram.contains(">&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; monitor</text>"), "its box in the diagram");
        assertTrue(get(base + "/ontology", "Accept", "text/turtle").body().contains("ScriptedMonitor"));
    }

    @Test
    void theCitePageSaysHowToCiteImportAndReuse() {
        Graph stored = stored();
        String versionIri = objects(stored, ONTOLOGY, OWL2.versionIRI.asNode()).iterator().next();
        String licence = objects(stored, ONTOLOGY, NodeFactory.createURI("http://purl.org/dc/terms/license")).iterator().next();
        var r = get(base + "/ontology/cite", "Accept", BROWSER);
        assertEquals(200, r.statusCode(), r.body());
        String page = r.body();
        assertTrue(page.contains(versionIri), "the version IRI");
        assertTrue(page.contains("href=\"" + licence + "\""), "the licence");
        assertTrue(page.contains("@misc{"), "BibTeX");
        assertTrue(page.contains("@prefix vkg: &lt;" + VKG + "&gt; ."), "a Turtle prefix to paste");
        assertTrue(page.contains("PREFIX vkg: &lt;" + VKG + "&gt;"), "a SPARQL prefix to paste");
        assertTrue(page.contains("owl:imports &lt;" + versionIri + "&gt;"), "how to import this version");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find(), "no inline script");
        var bib = get(base + "/ontology/cite", "Accept", "application/x-bibtex");
        assertEquals(200, bib.statusCode());
        assertTrue(bib.body().startsWith("@misc{") && bib.body().contains(versionIri), bib.body());
        assertEquals(406, get(base + "/ontology/cite", "Accept", "image/png").statusCode());
        assertEquals(304, get(base + "/ontology/cite", "Accept", BROWSER, "If-None-Match", r.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    @Test
    void theWebUiLinksToThePublishedOntology() {
        assertTrue(get(base + "/").body().contains("href=\"/ontology\""), "the footer links to /ontology");
        assertTrue(get(base + "/js/pages/ontology.js").body().contains("href: '/ontology' }"), "the ontology browser links to /ontology");
    }

    /**
     * The HTML escaping the templated pages promise (as /id/{name} pages, JTE's): in text
     * {@code & < >}; in an attribute value {@code & < " '}.
     */
    static final class ReferenceEscaping {
        static String text(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        static String attr(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&#34;").replace("'", "&#39;");
        }
    }
}
