package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.ADMIN;
import static org.virtkg.testing.Fixtures.EDITOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.jetty.http.HttpStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.TestServer;

/**
 * Runs the W3C SPARQL 1.1 Protocol and Graph Store Protocol test manifests
 * ({@code shared/conformance/sparql11-protocol}) over HTTP against the real server.
 *
 * <p>The manifests are RDF: each test is a list of {@code ht:Request}s (method, path, headers,
 * body) with the {@code ht:Response} expected (status or status class, result format, boolean,
 * headers, an RDF body to compare by isomorphism). This class reads them with Jena and does what
 * they say, in order; nothing of a test is copied here. Before each test, every graph a previous
 * test made is deleted (over HTTP), and the test's {@code ut:graphData} is loaded with Graph Store
 * {@code PUT}s.
 *
 * <p>A few tests write the default graph, which here is the read-only union of the named graphs
 * ({@code CLEAR ALL} / {@code DROP ALL} erase it together with the shipped graphs; a Graph Store
 * {@code PUT ?default} replaces it). Those are listed in {@link #BY_DESIGN} with the reason and the
 * refusal documented in {@code docs/security.md}; the runner asserts exactly that refusal, and
 * then runs the rest of the test where it still means something (see {@link Then}).
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class W3cProtocolSuiteTest {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    static final String DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

    /** What the runner does after the documented refusal of a by-design test. */
    enum Then {
        /**
         * Send the refused update again without its operations that erase every graph ({@code CLEAR ALL},
         * {@code DROP ALL}: in the test they only reset the store, which the runner already did), then
         * run the test's remaining requests with the manifest's expectations.
         */
        REMAINDER,
        /** The test's later reads of {@code ?default} must serve the union of the named graphs (what queries see). */
        DEFAULT_IS_UNION,
        /** Nothing is left to run: the test was only the refused request. */
        NOTHING
    }

    /** A test that writes the default graph: why it is refused, the refusal expected, and what runs after it. */
    record ByDesign(String reason, int request, int status, String detail, Then then) {}

    static final String ERASES_ALL = "%s would erase every graph: the default graph (the read-only union of the named "
            + "graphs) and the shipped ontology and paper data with it";

    /** Tests that write the read-only default graph, each with its reason. Everything else must pass. */
    static final Map<String, ByDesign> BY_DESIGN = Map.of(
            "update_dataset_default_graph", new ByDesign(ERASES_ALL.formatted("CLEAR ALL"), 0, 403, "CLEAR/DROP ALL", Then.REMAINDER),
            "update_dataset_default_graphs", new ByDesign(ERASES_ALL.formatted("DROP ALL"), 0, 403, "CLEAR/DROP ALL", Then.REMAINDER),
            "update_dataset_named_graphs", new ByDesign(ERASES_ALL.formatted("DROP ALL"), 0, 403, "CLEAR/DROP ALL", Then.REMAINDER),
            "update_dataset_full", new ByDesign(ERASES_ALL.formatted("DROP ALL"), 0, 403, "CLEAR/DROP ALL", Then.REMAINDER),
            "update_post_form", new ByDesign(ERASES_ALL.formatted("CLEAR ALL"), 0, 403, "CLEAR/DROP ALL", Then.NOTHING),
            "update_post_direct", new ByDesign(ERASES_ALL.formatted("CLEAR ALL"), 0, 403, "CLEAR/DROP ALL", Then.NOTHING),
            "put_get_default", new ByDesign("PUT ?default would replace the default graph, the read-only union of the named graphs",
                    0, 400, "read-only union", Then.DEFAULT_IS_UNION));


    /** Why tests needing a Graph Store feature virtkg does not offer do not apply. */
    static final Map<String, String> FEATURES_NOT_OFFERED = Map.of(
            MF + "DirectGraphIdentification", "graphs are identified indirectly (/data?graph=IRI); request paths under /data do not name graphs");

    static TestServer server;
    static HttpClient http;
    static Set<String> baselineGraphs;

    static Path suiteDir() {
        Path shared = Path.of(System.getProperty("virtkg.shared", "../shared"));
        Path dir = shared.resolve("conformance/sparql11-protocol");
        return Files.isDirectory(dir.resolve("protocol")) && Files.isDirectory(dir.resolve("graph-store-protocol")) ? dir : null;
    }

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(suiteDir() != null,
                "W3C SPARQL 1.1 Protocol manifests not found (system property virtkg.shared -> <shared>/conformance/sparql11-protocol); skipping");
        server = TestServer.withFixtures(AccessTokens.of(ADMIN, EDITOR), Duration.ofSeconds(10));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        baselineGraphs = graphNames();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void sparqlProtocolManifest() {
        Path manifest = suiteDir().resolve("protocol/manifest.ttl");
        Report report = runManifest(manifest, "/sparql/", this::protocolEndpoint);
        report.print("W3C SPARQL 1.1 Protocol");
        assertEquals(34, report.approved, "the suite has 34 approved tests");
        assertTrue(report.failures.isEmpty(), "failing:\n" + String.join("\n", report.failures));
        assertEquals(report.approved, report.passed.size() + report.byDesign.size(), "every approved test is accounted for");
    }

    @Test
    void graphStoreProtocolManifest() {
        Model top = RDFDataMgr.loadModel(suiteDir().resolve("graph-store-protocol/manifest.ttl").toString());
        Report all = new Report();
        for (RDFNode included : list(top.listSubjectsWithProperty(RDF.type, top.createResource(MF + "Manifest")).next(), MF + "include")) {
            Path file = Path.of(URI.create(included.asResource().getURI()));
            all.add(runManifest(file, "/gsp", (path, req) -> "/data" + path.substring("/gsp".length())));
        }
        all.print("W3C SPARQL 1.1 Graph Store Protocol");
        assertTrue(all.failures.isEmpty(), "failing:\n" + String.join("\n", all.failures));
        assertEquals(all.approved, all.passed.size() + all.byDesign.size(), "every applicable test is accounted for");
        assertTrue(all.passed.size() >= 8, "the indirect-identification tests ran: " + all.passed);
    }

    // ---------------------------------------------------------------- the runner

    /** Maps a manifest path (relative to the manifest's endpoint prefix) to the server's path. */
    interface Endpoint {
        String map(String manifestPath, Req request);
    }

    /**
     * The Protocol manifest writes every path as {@code /sparql/…} and lets a runner use a separate
     * endpoint for updates: a request is an update when it sends {@code application/sparql-update},
     * or a form or query string with an {@code update}, {@code using-graph-uri} or
     * {@code using-named-graph-uri} parameter.
     */
    String protocolEndpoint(String manifestPath, Req req) {
        String query = manifestPath.substring("/sparql/".length());
        Set<String> params = new HashSet<>(paramNames(query.startsWith("?") ? query.substring(1) : query));
        String type = req.headers.getOrDefault("content-type", "");
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) params.addAll(paramNames(req.body));
        boolean update = type.startsWith("application/sparql-update") || params.contains("update")
                || params.contains("using-graph-uri") || params.contains("using-named-graph-uri");
        return (update ? "/update" : "/sparql") + query;
    }

    static List<String> paramNames(String form) {
        if (form == null || !form.matches("(?s)^[A-Za-z-]+=.*")) return List.of();
        List<String> names = new ArrayList<>();
        for (String pair : form.split("&")) names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
        return names;
    }

    /** One request as the manifest gives it. */
    record Req(String method, String path, Map<String, String> headers, String body, Charset charset, Resource expected) {}

    static final class Report {
        int approved;
        final List<String> passed = new ArrayList<>();
        final Map<String, String> byDesign = new TreeMap<>();
        final Map<String, String> notApplicable = new TreeMap<>();
        final List<String> failures = new ArrayList<>();

        void add(Report other) {
            approved += other.approved;
            passed.addAll(other.passed);
            byDesign.putAll(other.byDesign);
            notApplicable.putAll(other.notApplicable);
            failures.addAll(other.failures);
        }

        void print(String suite) {
            System.out.println(suite + ": " + passed.size() + " passed, " + byDesign.size() + " refused by design, "
                    + notApplicable.size() + " not applicable, " + failures.size() + " failed");
            passed.forEach(t -> System.out.println("  pass        " + t));
            byDesign.forEach((t, why) -> System.out.println("  by design   " + t + ": " + why));
            notApplicable.forEach((t, why) -> System.out.println("  n/a         " + t + ": " + why));
            failures.forEach(t -> System.out.println("  FAIL        " + t));
        }
    }

    Report runManifest(Path manifestFile, String prefix, Endpoint endpoint) {
        Model m = RDFDataMgr.loadModel(manifestFile.toString());
        Resource manifest = m.listSubjectsWithProperty(RDF.type, m.createResource(MF + "Manifest")).next();
        Report report = new Report();
        for (RDFNode entry : list(manifest, MF + "entries")) {
            Resource test = entry.asResource();
            String name = test.getLocalName();
            Resource approval = test.getPropertyResourceValue(m.createProperty(DAWGT + "approval"));
            // The Protocol manifest marks approval; the Graph Store manifests do not mark it at all.
            if (approval != null && !approval.getURI().equals(DAWGT + "Approved")) continue;
            String missing = test.listProperties(m.createProperty(MF + "requires")).toList().stream()
                    .map(s -> FEATURES_NOT_OFFERED.get(s.getResource().getURI())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (missing != null) {
                report.notApplicable.put(name, missing);
                continue;
            }
            report.approved++;
            try {
                resetStore();
                loadGraphData(test, manifestFile);
                List<Req> requests = requests(test.getPropertyResourceValue(m.createProperty(MF + "action")), prefix);
                ByDesign design = BY_DESIGN.get(name);
                String failure = design == null ? runRequests(requests, endpoint, null) : runRefused(requests, endpoint, design);
                if (failure != null) report.failures.add(name + ": " + failure);
                else if (BY_DESIGN.containsKey(name)) report.byDesign.put(name, design.reason() + switch (design.then()) {
                    case REMAINDER -> "; refused (" + design.status() + "), then the update without it passed every check of the test";
                    case DEFAULT_IS_UNION -> "; refused (" + design.status() + "), and GET ?default served the union queries see";
                    default -> "; refused (" + design.status() + ")";
                });
                else report.passed.add(name);
            } catch (RuntimeException | IOException | InterruptedException e) {
                report.failures.add(name + ": " + e);
            }
        }
        return report;
    }

    /** Runs requests in order with the manifest's expectations; returns the first failure, or null. */
    String runRequests(List<Req> requests, Endpoint endpoint, Then then) throws IOException, InterruptedException {
        Map<String, String> template = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            Req req = substitute(requests.get(i), template);
            String path = endpoint.map(req.path(), req);
            HttpResponse<byte[]> response = send(req, path);
            String failure = then == Then.DEFAULT_IS_UNION && path.matches("/data\\?default.*") && req.method().equals("GET")
                    ? checkUnion(response) : check(req, response, template);
            if (failure != null) return "request " + (i + 1) + " (" + req.method() + " " + path + "): " + failure;
        }
        return null;
    }

    /** A by-design test: its refused request must get the documented refusal; then what {@link Then} says. */
    String runRefused(List<Req> requests, Endpoint endpoint, ByDesign design) throws IOException, InterruptedException {
        String before = runRequests(requests.subList(0, design.request()), endpoint, null);
        if (before != null) return before;
        Req refused = requests.get(design.request());
        String path = endpoint.map(refused.path(), refused);
        HttpResponse<byte[]> response = send(refused, path);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != design.status())
            return "expected the documented refusal " + design.status() + ", got " + response.statusCode() + ": " + body;
        if (!response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"))
            return "the refusal is not a problem (RFC 9457): " + response.headers().firstValue("content-type");
        JsonNode problem = Json.MAPPER.readTree(body);
        if (!problem.path("detail").asText().contains(design.detail()))
            return "the refusal should say '" + design.detail() + "': " + problem.path("detail").asText();
        List<Req> rest = new ArrayList<>(requests.subList(design.request() + 1, requests.size()));
        switch (design.then()) {
            case REMAINDER -> {
                Req remainder = withoutEraseAll(refused);
                if (remainder == null) return "nothing of the refused update is left to run";
                rest.addFirst(remainder);
            }
            case NOTHING -> {
                if (!rest.isEmpty()) return "requests follow the refusal; say what they check";
            }
            case DEFAULT_IS_UNION -> { }
        }
        return runRequests(rest, endpoint, design.then());
    }

    /** The update without its {@code CLEAR ALL} / {@code DROP ALL} operations (sent the same way), or null if nothing remains. */
    static Req withoutEraseAll(Req req) {
        boolean form = req.headers().getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded");
        String text = form ? formValue(req.body(), "update") : req.body();
        UpdateRequest parsed = UpdateFactory.create(text);
        UpdateRequest rest = new UpdateRequest();
        parsed.getPrefixMapping().getNsPrefixMap().forEach(rest::setPrefix);
        parsed.getOperations().stream()
                .filter(op -> !(op instanceof UpdateDropClear dc && dc.getTarget().isAll()))
                .forEach(rest::add);
        if (rest.getOperations().isEmpty()) return null;
        String body = form ? "update=" + Fixtures.enc(rest.toString()) : rest.toString();
        return new Req(req.method(), req.path(), req.headers(), body, req.charset(), req.expected());
    }

    static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        }
        return null;
    }

    /** Replaces template variables (a Location header named by {@code mf:expectedLocation}) in the path and body. */
    static Req substitute(Req req, Map<String, String> template) {
        String path = req.path(), body = req.body();
        for (var e : template.entrySet()) {
            path = path.replace(e.getKey(), e.getValue());
            if (body != null) body = body.replace(e.getKey(), e.getValue());
        }
        return new Req(req.method(), path, req.headers(), body, req.charset(), req.expected());
    }

    HttpResponse<byte[]> send(Req req, String path) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = req.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(req.body().getBytes(req.charset()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(30))
                .method(req.method(), body)
                // The manifests describe protocol requests; the service asks writers for a token.
                .header("Authorization", "Bearer " + ADMIN);
        req.headers().forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Checks a response against an {@code ht:Response}; returns what is wrong, or null. */
    static String check(Req req, HttpResponse<byte[]> response, Map<String, String> template) {
        Resource expected = req.expected();
        Model m = expected.getModel();
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        List<Resource> statuses = expected.listProperties(m.createProperty(MF + "expectedStatus")).toList().stream()
                .map(Statement::getResource).toList();
        if (!statuses.isEmpty() && statuses.stream().noneMatch(s -> statusMatches(s.getLocalName(), status)))
            return "status " + status + ", expected " + statuses.stream().map(Resource::getLocalName).collect(Collectors.joining(" or "))
                    + ": " + abbreviate(body);
        Statement location = expected.getProperty(m.createProperty(MF + "expectedLocation"));
        if (location != null) {
            String value = response.headers().firstValue("location").orElse(null);
            if (value == null) return "no Location header";
            template.put(location.getString(), value);
        }
        String contentType = response.headers().firstValue("content-type").orElse(null);
        for (Resource header : headers(expected)) {
            String name = header.getProperty(m.createProperty(HT + "fieldName")).getString().toLowerCase(Locale.ROOT);
            String want = header.getProperty(m.createProperty(HT + "fieldValue")).getString();
            String got = response.headers().firstValue(name).orElse(null);
            if (got == null) return "no " + name + " header (expected " + want + ")";
            if (name.equals("content-type") ? !sameMediaType(want, got) : !want.equals(got))
                return name + " is " + got + ", expected " + want;
        }
        Statement format = expected.getProperty(m.createProperty(MF + "expectedFormat"));
        Statement bool = expected.getProperty(m.createProperty(MF + "expectedBoolean"));
        if (format != null || bool != null) {
            String f = format == null ? "boolean" : format.getString();
            String problem = checkFormat(f, contentType, response.body(), bool == null ? null : bool.getBoolean());
            if (problem != null) return problem;
        }
        Resource expectedBody = expected.getPropertyResourceValue(m.createProperty(HT + "body"));
        if (expectedBody != null && !req.method().equals("HEAD")) {
            String want = expectedBody.getProperty(m.createProperty(CNT + "chars")).getString();
            String wantType = headers(expected).stream()
                    .filter(h -> h.getProperty(m.createProperty(HT + "fieldName")).getString().equalsIgnoreCase("content-type"))
                    .map(h -> h.getProperty(m.createProperty(HT + "fieldValue")).getString()).findFirst().orElse(contentType);
            Graph wantGraph = parse(want.getBytes(StandardCharsets.UTF_8), wantType);
            Graph gotGraph = parse(response.body(), contentType);
            if (!wantGraph.isIsomorphicWith(gotGraph))
                return "the graph sent back differs from the one expected: got\n" + body;
        }
        if (req.method().equals("HEAD")) {
            if (response.body().length != 0) return "HEAD sent a body";
            String length = response.headers().firstValue("content-length").orElse(null);
            if ("0".equals(length) && status == 200) return "HEAD says Content-Length: 0 for a graph that GET would send";
        }
        return null;
    }

    /** The union default graph: what {@code GET /data?default} must serve (a 200 with the union, never an empty graph). */
    String checkUnion(HttpResponse<byte[]> response) throws IOException, InterruptedException {
        if (response.statusCode() != 200) return "GET ?default answered " + response.statusCode();
        Graph got = parse(response.body(), response.headers().firstValue("content-type").orElse(""));
        HttpResponse<byte[]> construct = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/sparql?query="
                + Fixtures.enc("CONSTRUCT WHERE { ?s ?p ?o }"))).header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofByteArray());
        Graph union = parse(construct.body(), "application/n-triples");
        if (union.isEmpty()) return "the union is empty; nothing to compare";
        return union.isIsomorphicWith(got) ? null : "GET ?default (" + got.size() + " triples) is not the union queries see (" + union.size() + ")";
    }

    static boolean statusMatches(String localName, int status) {
        if (localName.matches("StatusCode\\dxx")) return status / 100 == localName.charAt("StatusCode".length()) - '0';
        String message = HttpStatus.getMessage(status);
        return message != null && message.replaceAll("[^A-Za-z0-9]", "").equalsIgnoreCase(localName);
    }

    static boolean sameMediaType(String want, String got) {
        ContentType w = ContentType.create(want), g = ContentType.create(got);
        boolean sameCharset = w.getCharset() == null || (g.getCharset() != null && w.getCharset().equalsIgnoreCase(g.getCharset()));
        return w.getContentTypeStr().equalsIgnoreCase(g.getContentTypeStr()) && sameCharset;
    }

    /** The Protocol's result formats: "boolean" (XML, JSON), "tabular" (XML, JSON, CSV, TSV), "RDF" (any RDF syntax). */
    static String checkFormat(String format, String contentType, byte[] body, Boolean expectedBoolean) {
        if (contentType == null) return "no Content-Type for a " + format + " result";
        String type = ContentType.create(contentType).getContentTypeStr();
        switch (format) {
            case "boolean", "tabular" -> {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                Set<Lang> allowed = format.equals("boolean") ? Set.of(ResultSetLang.RS_XML, ResultSetLang.RS_JSON)
                        : Set.of(ResultSetLang.RS_XML, ResultSetLang.RS_JSON, ResultSetLang.RS_CSV, ResultSetLang.RS_TSV);
                if (lang == null || !allowed.contains(lang)) return "a " + format + " result sent as " + contentType;
                SPARQLResult result = ResultsReader.create().lang(lang).build().readAny(new ByteArrayInputStream(body));
                if (format.equals("boolean") && !result.isBoolean()) return "not a boolean result";
                if (format.equals("tabular")) {
                    if (!result.isResultSet()) return "not a tabular result";
                    ResultSet rs = result.getResultSet();
                    while (rs.hasNext()) {
                        QuerySolution ignored = rs.next();
                    }
                }
                if (expectedBoolean != null && result.getBooleanResult() != expectedBoolean)
                    return "answered " + result.getBooleanResult() + ", expected " + expectedBoolean;
                return null;
            }
            case "RDF" -> {
                Lang lang = RDFLanguages.contentTypeToLang(type);
                if (lang == null || !RDFLanguages.isTriples(lang)) return "an RDF result sent as " + contentType;
                parse(body, contentType);
                return null;
            }
            default -> {
                return "unknown expected format " + format;
            }
        }
    }

    static Graph parse(byte[] body, String contentType) {
        Lang lang = RDFLanguages.contentTypeToLang(ContentType.create(contentType).getContentTypeStr());
        if (lang == null) throw new AssertionError("not an RDF media type: " + contentType);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(g);
        return g;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    // ---------------------------------------------------------------- reading the manifest

    static List<Req> requests(Resource connection, String prefix) {
        Model m = connection.getModel();
        List<Req> out = new ArrayList<>();
        for (RDFNode n : list(connection, HT + "requests")) {
            Resource r = n.asResource();
            String path = r.getProperty(m.createProperty(HT + "absolutePath")).getString();
            if (!path.startsWith(prefix)) throw new AssertionError("a path outside " + prefix + ": " + path);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Resource h : headers(r))
                headers.put(h.getProperty(m.createProperty(HT + "fieldName")).getString().toLowerCase(Locale.ROOT),
                        h.getProperty(m.createProperty(HT + "fieldValue")).getString());
            Resource body = r.getPropertyResourceValue(m.createProperty(HT + "body"));
            String chars = body == null ? null : body.getProperty(m.createProperty(CNT + "chars")).getString();
            Statement enc = body == null ? null : body.getProperty(m.createProperty(CNT + "characterEncoding"));
            Charset charset = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc.getString());
            out.add(new Req(r.getProperty(m.createProperty(HT + "methodName")).getString(), path, headers, chars, charset,
                    r.getPropertyResourceValue(m.createProperty(HT + "resp"))));
        }
        return out;
    }

    static List<Resource> headers(Resource r) {
        Resource list = r.getPropertyResourceValue(r.getModel().createProperty(HT + "headers"));
        return list == null ? List.of() : list.as(RDFList.class).asJavaList().stream().map(RDFNode::asResource).toList();
    }

    static List<RDFNode> list(Resource r, String property) {
        Property p = r.getModel().createProperty(property);
        Resource head = r.getPropertyResourceValue(p);
        return head == null ? List.of() : head.as(RDFList.class).asJavaList();
    }

    // ---------------------------------------------------------------- the store between tests

    /** Loads the test's {@code ut:graphData} files into the named graphs their labels give, with Graph Store PUTs. */
    void loadGraphData(Resource test, Path manifestFile) throws IOException, InterruptedException {
        Model m = test.getModel();
        for (Statement s : test.listProperties(m.createProperty(UT + "graphData")).toList()) {
            Resource data = s.getResource();
            Path file = Path.of(URI.create(data.getPropertyResourceValue(m.createProperty(UT + "graph")).getURI()));
            String graph = data.getProperty(RDFS.label).getString();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/data?graph=" + Fixtures.enc(graph)))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).header("Content-Type", "application/n-triples")
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(put.statusCode() / 100 == 2, "loading " + file.getFileName() + " into <" + graph + ">: " + put.body());
        }
    }

    /** Deletes (over HTTP, through the write pipeline) every graph a previous test made. */
    static void resetStore() throws IOException, InterruptedException {
        for (String g : graphNames()) {
            if (baselineGraphs.contains(g)) continue;
            HttpResponse<String> del = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/data?graph=" + Fixtures.enc(g)))
                    .DELETE().header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(del.statusCode() == 204 || del.statusCode() == 404, "resetting <" + g + ">: " + del.body());
        }
    }

    static Set<String> graphNames() {
        HttpResponse<String> r = Fixtures.get(server.base() + "/sparql?query=" + Fixtures.enc("SELECT DISTINCT ?g { GRAPH ?g { } }"),
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        try {
            Set<String> names = new HashSet<>();
            Json.MAPPER.readTree(r.body()).path("results").path("bindings").forEach(b -> names.add(b.path("g").path("value").asText()));
            return names;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
