package org.virtkg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness that runs the real standalone Fuseki server in a child JVM ({@link ExternalFuseki}). */
@Timeout(60)
class ExternalFusekiTest {
    private static final Node S = NodeFactory.createURI("urn:s");
    private static final Node P = NodeFactory.createURI("urn:p");
    private static final Node O = NodeFactory.createLiteralString("o");
    private static final String INSERT = "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> \"o\" } }";

    @TempDir
    Path tmp;

    /** Every server a test started, closed even when the test fails half-way. */
    private final List<ExternalFuseki> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(ExternalFuseki::close);
        started.forEach(f -> assertFalse(f.isAlive(), () -> f + " outlived close()"));
    }

    private ExternalFuseki track(ExternalFuseki fuseki) {
        started.add(fuseki);
        return fuseki;
    }

    @Test
    void inMemoryServerTakesUpdatesAndAnswersQueriesAndGraphStoreReads() {
        ExternalFuseki fuseki = track(ExternalFuseki.startInMemory(tmp.resolve("fuseki-base")));
        assertEquals("http://127.0.0.1:" + fuseki.port() + "/ds", fuseki.datasetUrl());

        try (RDFLink link = RDFLinkHTTP.service(fuseki.datasetUrl()).build()) {
            assertFalse(link.queryAsk("ASK { GRAPH ?g { ?s ?p ?o } }"), "a new in-memory dataset is empty");

            link.update(INSERT);

            assertTrue(link.queryAsk("ASK { GRAPH <urn:g> { <urn:s> <urn:p> \"o\" } }"));
            assertEquals(List.of("o"), objectsOfSP(link));
            Graph g = link.get("urn:g");
            assertEquals(1, g.size(), () -> "graph <urn:g> over GSP: " + g);
            assertTrue(g.contains(S, P, O));
            assertTrue(link.get().isEmpty(), "the insert went to <urn:g>, not the default graph");
        }
        assertTrue(fuseki.output().contains("POST " + fuseki.datasetUrl()), fuseki::output);

        assertThrows(IllegalStateException.class, fuseki::restart, "an in-memory server would come back empty");
        assertTrue(fuseki.isAlive(), "a refused restart leaves the server running");
    }

    @Test
    void persistentServerKeepsItsDataAcrossARestartAndACrash() {
        Path base = tmp.resolve("fuseki-base");
        Path db = tmp.resolve("tdb2");
        ExternalFuseki first = track(ExternalFuseki.startPersistent(base, db));
        try (RDFLink link = RDFLinkHTTP.service(first.datasetUrl()).build()) {
            link.update(INSERT);
        }

        ExternalFuseki second = track(first.restart());
        assertFalse(first.isAlive());
        try (RDFLink link = RDFLinkHTTP.service(second.datasetUrl()).build()) {
            assertEquals(List.of("o"), objectsOfSP(link), "after a graceful restart");
            link.update("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> \"o2\" } }");
        }

        // A crash (SIGKILL) leaves a stale TDB2 lock behind; committed data must still be there.
        second.kill();
        assertFalse(second.isAlive());
        ExternalFuseki third = track(second.restart());
        try (RDFLink link = RDFLinkHTTP.service(third.datasetUrl()).build()) {
            assertEquals(List.of("o", "o2"), objectsOfSP(link), "after a crash and a restart");
        }
    }

    @Test
    void aTakenPortIsRetriedOnAFreshOne() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ExternalFuseki fuseki = track(ExternalFuseki.startInMemory(tmp.resolve("fuseki-base"), squatter.getLocalPort()));
            assertNotEquals(squatter.getLocalPort(), fuseki.port());
            try (RDFLink link = RDFLinkHTTP.service(fuseki.datasetUrl()).build()) {
                assertFalse(link.queryAsk("ASK { ?s ?p ?o }"));
            }
        }
    }

    @Test
    void aServerThatExitsBeforeItIsReadyFailsTheStartWithItsOutput() {
        Path db = tmp.resolve("tdb2");
        ExternalFuseki owner = track(ExternalFuseki.startPersistent(tmp.resolve("base-1"), db));
        // TDB2 allows one process per database directory: the second Fuseki gives up and exits.
        var e = assertThrows(IllegalStateException.class, () -> track(ExternalFuseki.startPersistent(tmp.resolve("base-2"), db)));
        assertTrue(e.getMessage().contains("before it was ready"), e::getMessage);
        assertTrue(e.getMessage().contains("Last lines from Fuseki:"), e::getMessage);
        assertTrue(e.getMessage().contains("tdb.lock"), e::getMessage);
        assertTrue(owner.isAlive());
    }

    @Test
    void aMissingJarSaysHowToGetIt() {
        var unset = assertThrows(IllegalStateException.class, () -> ExternalFuseki.serverJar(null));
        assertTrue(unset.getMessage().contains(ExternalFuseki.JAR_PROPERTY), unset::getMessage);
        assertTrue(unset.getMessage().contains("./virtkg test"), unset::getMessage);

        Path absent = tmp.resolve("no-such.jar");
        var missing = assertThrows(IllegalStateException.class, () -> ExternalFuseki.serverJar(absent.toString()));
        assertTrue(missing.getMessage().contains(absent.toString()), missing::getMessage);
        assertTrue(missing.getMessage().contains("./mvnw process-test-resources"), missing::getMessage);
    }

    /** The objects of {@code <urn:s> <urn:p>} in graph {@code <urn:g>}, sorted. */
    private static List<String> objectsOfSP(RDFLink link) {
        List<String> objects = new ArrayList<>();
        link.querySelect("SELECT ?o WHERE { GRAPH <urn:g> { <urn:s> <urn:p> ?o } } ORDER BY ?o",
                row -> objects.add(row.get("o").getLiteralLexicalForm()));
        return objects;
    }
}
