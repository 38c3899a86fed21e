package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.enc;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.JsonAssert.assertJson;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** The query library over HTTP: listing, parameters bound as terms (never spliced), defaults, CSV. */
class NamedQueryApiTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    static List<String> column(JsonNode results, String var) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : results.at("/results/bindings")) out.add(b.path(var).path("value").asText());
        return out;
    }

    @Test
    void everyQueryFileIsListedWithItsHeader() throws IOException {
        JsonNode list = json(get(base + "/api/queries"), 200);
        long files;
        try (var s = Files.list(Fixtures.projectDir().resolve("queries"))) {
            files = s.filter(p -> p.toString().endsWith(".rq")).count();
        }
        assertEquals(files, list.get("items").size());
        JsonNode pft = null;
        for (JsonNode q : list.get("items")) if (q.get("name").asText().equals("platforms-for-technology")) pft = q;
        assertTrue(pft.get("summary").asText().startsWith("Platforms that support"), pft.toString());
        assertFalse(pft.get("description").asText().isBlank());
        assertEquals("technology", pft.at("/params/0/name").asText());
        assertEquals("https://w3id.org/virtkg/id/LXC", pft.at("/params/0/defaultValue").asText());
    }

    @Test
    void parametersAreBoundAsRdfTerms() {
        JsonNode lxc = json(get(base + "/api/queries/platforms-for-technology?technology=LXC"), 200);
        assertTrue(column(lxc, "platform").contains("https://w3id.org/virtkg/id/OpenStack"), lxc.toString());
        JsonNode kvm = json(get(base + "/api/queries/platforms-for-technology?technology=" + enc("id:KVM")), 200);
        assertTrue(column(kvm, "platform").contains("https://w3id.org/virtkg/id/Eucalyptus"), kvm.toString());
        JsonNode two = json(get(base + "/api/queries/hypervisors-for-guest-on-host?guest=Windows&host="
                + enc("<https://w3id.org/virtkg/id/Linux>")), 200);
        assertTrue(column(two, "technology").contains("https://w3id.org/virtkg/id/KVM"), two.toString());
        // Defaults from the header apply when a parameter is left out.
        JsonNode dflt = json(get(base + "/api/queries/platforms-for-technology"), 200);
        assertEquals(column(lxc, "platform"), column(dflt, "platform"));
    }

    @Test
    void aValueWithSparqlSyntaxIsATermNeverQueryText() {
        // An IRI "containing" a query fragment: bound as one (odd) IRI, which nothing is named, and said so whole.
        String attack = "https://w3id.org/virtkg/id/LXC>}UNION{?platform?p?o}#";
        var r = get(base + "/api/queries/platforms-for-technology?technology=" + enc(attack));
        JsonNode body = json(r, 404);
        assertEquals("technology", body.get("parameter").asText(), body.toString());
        assertTrue(body.get("detail").asText().contains("named LXC>}UNION{?platform?p?o}# (parameter 'technology')"), body.toString());
        assertFalse(body.has("results"), "no query ran with it as text: " + body);
        // Turtle-looking input that is not one term is refused, naming the parameter.
        JsonNode bad = json(get(base + "/api/queries/platforms-for-technology?technology="
                + enc("<https://w3id.org/virtkg/id/LXC> } UNION { ?platform ?p ?o")), 400);
        assertTrue(bad.get("detail").asText().contains("'technology'"), bad.toString());
        JsonNode literal = json(get(base + "/api/queries/platforms-for-technology?technology=" + enc("\"LXC\"")), 400);
        assertTrue(literal.get("detail").asText().contains("IRI"), literal.toString());
    }

    /** A mistyped id is named with the nearest ones (fourth walk-through: subject=Xenn answered 200 with nothing). */
    @Test
    void aMistypedIdParameterIsNamedWithTheNearestIds() {
        JsonNode typo = json(get(base + "/api/queries/evaluations?subject=Xenn"), 404);
        assertEquals("subject", typo.get("parameter").asText(), typo.toString());
        assertTrue(typo.get("detail").asText().startsWith("Nothing in the knowledge base is named Xenn (parameter 'subject'); did you mean Xen?"),
                typo.toString());
        assertEquals(200, get(base + "/api/queries/evaluations?subject=Xen").statusCode());
    }

    @Test
    void resultsComeAsCsvOnRequest() {
        var r = get(base + "/api/queries/platforms-for-technology?technology=LXC", "Accept", "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.body().startsWith("platform,label"), r.body());
        assertTrue(r.body().contains("https://w3id.org/virtkg/id/OpenStack"));
    }

    @Test
    void unknownQueriesAndParametersAreNamed() {
        JsonNode q = json(get(base + "/api/queries/platforms-for-technolgy"), 404);
        assertJson(q).at("/suggestions").hasItem("platforms-for-technology");
        JsonNode p = json(get(base + "/api/queries/platforms-for-technology?tech=LXC"), 400);
        assertTrue(p.get("detail").asText().contains("'tech'"), p.toString());
    }

    @Test
    void aNewQueryFileNeedsNoJava(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("labels.rq"), """
                #+ summary: Label of a thing
                #+ description: >
                #+   The rdfs:label of a resource, or the resources with a given label.
                #+ params:
                #+   - name: {type: string, default: "KVM", description: "A label"}
                #+ example: KVM

                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?thing WHERE { ?thing rdfs:label ?_name }
                """);
        QueryLibrary lib = QueryLibrary.load(dir);
        QueryLibrary.NamedQuery q = lib.get("labels");
        assertEquals("Label of a thing", q.summary());
        assertEquals("The rdfs:label of a resource, or the resources with a given label.", q.description());
        assertEquals(List.of(new QueryLibrary.Param("name", "string", "KVM", "A label")), q.params());
    }
}
