package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.TestServer;

/**
 * Jena's own HTTP clients against the real server, as a user of virtkg would use them:
 * {@link RDFConnection} (SPARQL query, Graph Store fetch / load / put, SPARQL Update) and
 * {@link UpdateExecHTTP} with the Protocol's {@code using-graph-uri}. The admin token goes with
 * every request to this server through Jena's own authentication registry.
 */
class JenaClientTest {
    static final String EX = "https://example.org/jena-client/";
    static final String GRAPH = "https://w3id.org/virtkg/graph/user/jena-client";
    static final String KVM = "https://w3id.org/virtkg/id/KVM";
    static final String OPENSTACK = "https://w3id.org/virtkg/id/OpenStack";
    static final String VKG = "https://w3id.org/virtkg/ontology#";

    static final List<String> ENDPOINTS = List.of("/sparql", "/update", "/data");

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, EDITOR), Duration.ofSeconds(10));
        // Jena's registry of bearer tokens is keyed by endpoint URL (without the query string).
        for (String endpoint : ENDPOINTS) AuthEnv.get().setBearerToken(server.base() + endpoint, ADMIN);
    }

    @AfterAll
    static void stop() {
        for (String endpoint : ENDPOINTS) AuthEnv.get().setBearerToken(server.base() + endpoint, null);
        server.close();
    }

    static RDFConnection connect() {
        return RDFConnectionRemote.service(server.base()).queryEndpoint("sparql").updateEndpoint("update").gspEndpoint("data").build();
    }

    @Test
    void queriesAnswerOverTheUnionWithInferences() {
        try (RDFConnection conn = connect()) {
            List<String> labels = new ArrayList<>();
            conn.querySelect("SELECT ?l { <" + KVM + "> <" + RDFS.label + "> ?l }", row -> labels.add(row.getLiteral("l").getString()));
            assertEquals(List.of("KVM"), labels);
            assertTrue(conn.queryAsk("ASK { <" + OPENSTACK + "> <" + VKG + "supports> <" + KVM + "> }"));
        }
    }

    @Test
    void fetchOfTheDefaultGraphIsTheUnionQueriesSee() {
        try (RDFConnection conn = connect()) {
            Model fetched = conn.fetch(); // GET /data?default
            Model union = conn.queryConstruct("CONSTRUCT WHERE { ?s ?p ?o }");
            assertFalse(fetched.isEmpty(), "the default graph is the union, never an empty 200");
            assertTrue(fetched.contains(fetched.createResource(OPENSTACK), fetched.createProperty(VKG + "supports"), fetched.createResource(KVM)));
            assertTrue(fetched.isIsomorphicWith(union), "fetch() = what a query of the default graph sees ("
                    + fetched.size() + " vs " + union.size() + " triples)");
            // Writing it is refused, with the reason.
            Model one = ModelFactory.createDefaultModel();
            one.add(one.createResource(EX + "x"), RDFS.label, "x");
            HttpException refused = assertThrows(HttpException.class, () -> conn.load(one));
            assertEquals(400, refused.getStatusCode(), refused.getResponse());
            assertTrue(refused.getResponse().contains("read-only union"), refused.getResponse());
        }
    }

    @Test
    void loadPutAndFetchANamedGraph() {
        try (RDFConnection conn = connect()) {
            Model first = model("<" + EX + "a> <" + RDFS.label + "> \"first\" .");
            conn.load(GRAPH + "/load", first); // POST /data?graph=
            conn.load(GRAPH + "/load", model("<" + EX + "b> <" + RDFS.label + "> \"second\" ."));
            Model both = conn.fetch(GRAPH + "/load");
            assertEquals(2, both.size(), "POST merged: " + both);
            conn.put(GRAPH + "/load", first); // PUT replaces
            assertTrue(conn.fetch(GRAPH + "/load").isIsomorphicWith(first));
            assertTrue(conn.queryAsk("ASK { <" + EX + "a> <" + RDFS.label + "> \"first\" }"), "queries see it");
            conn.delete(GRAPH + "/load");
            HttpException gone = assertThrows(HttpException.class, () -> conn.fetch(GRAPH + "/load"));
            assertEquals(404, gone.getStatusCode());
        }
    }

    @Test
    void updateWithWithChangesTheGraphItNames() {
        String g = GRAPH + "/with";
        try (RDFConnection conn = connect()) {
            // A write that names no graph is refused, and the advice it gives works.
            HttpException unnamed = assertThrows(HttpException.class,
                    () -> conn.update("INSERT DATA { <" + EX + "vm> <" + EX + "state> \"stopped\" }"));
            assertEquals(400, unnamed.getStatusCode());
            assertTrue(unnamed.getResponse().contains("WITH <"), unnamed.getResponse());
            // (Not WITH <g> INSERT {…} WHERE { }: Jena reads that WHERE as GRAPH <g> { }, which a graph
            // that does not exist yet may not match.)
            conn.update("INSERT DATA { GRAPH <" + g + "> { <" + EX + "vm> <" + EX + "state> \"stopped\" } }");
            // What rdflib's SPARQLUpdateStore.remove() sends: WITH <g> DELETE { … } WHERE { … }.
            conn.update("WITH <" + g + "> DELETE { ?s <" + EX + "state> ?o } INSERT { ?s <" + EX + "state> \"running\" } "
                    + "WHERE { ?s <" + EX + "state> ?o }");
            Model after = conn.fetch(g);
            assertEquals(1, after.size(), after.toString());
            assertTrue(after.contains(after.createResource(EX + "vm"), after.createProperty(EX + "state"), "running"));
            // WITH on a shipped graph is still a write to it: refused, nothing changed.
            String shipped = "https://w3id.org/virtkg/source/paper/table1/KVM/type";
            HttpException refused = assertThrows(HttpException.class, () -> conn.update("WITH <" + shipped + "> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"));
            assertEquals(403, refused.getStatusCode(), refused.getResponse());
            assertTrue(conn.queryAsk("ASK { GRAPH <" + shipped + "> { <" + KVM + "> a ?t } }"), "the shipped graph is untouched");
        }
    }

    @Test
    void updateExecHttpWithUsingGraphUriReadsOnlyThatGraph() {
        String in = GRAPH + "/using-in", other = GRAPH + "/using-other", out = GRAPH + "/using-out";
        Resource seen = ModelFactory.createDefaultModel().createResource(EX + "Seen");
        try (RDFConnection conn = connect()) {
            conn.put(in, model("<" + EX + "p1> <" + RDF.type + "> <" + EX + "Thing> ."));
            conn.put(other, model("<" + EX + "p2> <" + RDF.type + "> <" + EX + "Thing> ."));
        }
        UpdateExecHTTP.service(server.base() + "/update")
                .update("INSERT { GRAPH <" + out + "> { ?s a <" + seen.getURI() + "> } } WHERE { ?s a <" + EX + "Thing> }")
                .addUsingGraphURI(in)
                .build().execute();
        try (RDFConnection conn = connect()) {
            Model written = conn.fetch(out);
            Property type = RDF.type;
            assertTrue(written.contains(written.createResource(EX + "p1"), type, seen), written.toString());
            assertFalse(written.contains(written.createResource(EX + "p2"), type, seen), "the WHERE read only " + in + ": " + written);
        }
        // The Protocol parameter and WITH in the same request conflict: a 400, nothing written.
        HttpException conflict = assertThrows(HttpException.class, () -> UpdateExecHTTP.service(server.base() + "/update")
                .update("WITH <" + out + "> INSERT { ?s a <" + EX + "Other> } WHERE { ?s a <" + EX + "Thing> }")
                .addUsingGraphURI(in).build().execute());
        assertEquals(400, conflict.getStatusCode(), conflict.getResponse());
        // A relative graph name is refused, not resolved against anything.
        HttpException relative = assertThrows(HttpException.class, () -> UpdateExecHTTP.service(server.base() + "/update")
                .update("INSERT { GRAPH <" + out + "> { ?s a <" + EX + "Other> } } WHERE { ?s a <" + EX + "Thing> }")
                .addUsingGraphURI("relative/graph").build().execute());
        assertEquals(400, relative.getStatusCode(), relative.getResponse());
        try (RDFConnection conn = connect()) {
            assertFalse(conn.queryAsk("ASK { ?s a <" + EX + "Other> }"), "refused updates wrote nothing");
        }
    }

    static Model model(String ntriples) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(m);
        return m;
    }
}
