package org.virtkg.app;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.virtkg.api.Conditional;
import org.virtkg.api.Http;
import org.virtkg.store.Graphs;

/**
 * Graph Store Protocol reads: {@code GET} and {@code HEAD} of {@code /data?graph=IRI},
 * {@code /data?default} and {@code /data}.
 *
 * <p>Served here rather than by Fuseki because the default graph here is not the store's own
 * (empty) default graph but the union of the named graphs that queries see; Fuseki's Graph Store
 * would send that empty graph with a 200. A {@code HEAD} carries the headers the {@code GET} would
 * (type, strong ETag of a named graph, the real Content-Length; Fuseki's said 0), and no body.
 * {@code /data} alone is the whole dataset, as quads.
 */
final class GraphStoreReads {
    /** What a graph can be sent as, in the order offered when the client has no preference. */
    static final Map<String, Lang> TYPES = types();
    /** What the whole dataset can be sent as: quads, N-Quads first (what Fuseki sent). */
    static final Map<String, Lang> DATASET_TYPES = datasetTypes();
    /** Media types of binary syntaxes: no charset parameter. */
    private static final List<Lang> BINARY = List.of(Lang.RDFTHRIFT, Lang.RDFPROTO);

    private final DatasetGraph dataset;

    GraphStoreReads(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    private static Map<String, Lang> datasetTypes() {
        Map<String, Lang> t = new LinkedHashMap<>();
        t.put("application/n-quads", Lang.NQUADS);
        t.put("application/trig", Lang.TRIG);
        t.put("application/ld+json", Lang.JSONLD);
        t.put("application/rdf+thrift", Lang.RDFTHRIFT);
        t.put("application/rdf+protobuf", Lang.RDFPROTO);
        return java.util.Collections.unmodifiableMap(t);
    }

    private static Map<String, Lang> types() {
        Map<String, Lang> t = new LinkedHashMap<>();
        t.put("text/turtle", Lang.TURTLE);
        t.put("application/n-triples", Lang.NTRIPLES);
        t.put("application/ld+json", Lang.JSONLD);
        t.put("application/rdf+xml", Lang.RDFXML);
        t.put("application/trig", Lang.TRIG);
        t.put("application/n-quads", Lang.NQUADS);
        t.put("text/n3", Lang.N3);
        t.put("application/rdf+json", Lang.RDFJSON);
        t.put("application/rdf+thrift", Lang.RDFTHRIFT);
        t.put("application/rdf+protobuf", Lang.RDFPROTO);
        t.put("text/plain", Lang.NTRIPLES);
        return java.util.Collections.unmodifiableMap(t);
    }

    /**
     * Answers a Graph Store read: of one graph ({@code ?graph=IRI}), of the default graph
     * ({@code ?default}), or of the whole dataset (neither), which is sent as quads.
     */
    void handle(Request request, Response response, Callback callback) {
        Fields params = Request.extractQueryParameters(request);
        String graph = params.getValue("graph");
        boolean defaultGraph = params.get("default") != null;
        boolean whole = graph == null && !defaultGraph;
        Map<String, Lang> offered = whole ? DATASET_TYPES : TYPES;
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        String type = Http.negotiate(accept, List.copyOf(offered.keySet()));
        if (type == null) {
            FusekiGate.writeProblem(request, response, callback, 406, (whole
                    ? "The whole dataset can be sent as " + String.join(", ", new TreeSet<>(DATASET_TYPES.keySet()))
                            + " (name one graph with ?graph=IRI, or ?default, for a triples syntax)"
                    : "A graph can be sent as " + String.join(", ", new TreeSet<>(TYPES.keySet()))) + ", not as " + accept);
            return;
        }
        if (graph != null && defaultGraph) {
            FusekiGate.writeProblem(request, response, callback, 400, "Send either ?graph=IRI or ?default, not both");
            return;
        }
        if (graph != null && !Graphs.isAbsoluteGraphName(graph)) {
            FusekiGate.writeProblem(request, response, callback, 400,
                    "Parameter 'graph' must be an absolute http(s) or urn IRI, not '" + graph + "'");
            return;
        }
        Lang lang = offered.get(type);
        Node name = graph == null ? null : Graphs.node(graph);
        // One read transaction: the ETag and the body describe the same state.
        Representation body = Txn.calculateRead(dataset, () -> {
            if (whole) return new Representation(null, serialize(dataset, lang));
            if (name != null && !dataset.containsGraph(name)) return null;
            Graph g = name == null ? dataset.getUnionGraph() : dataset.getGraph(name);
            return new Representation(name == null ? null : Conditional.etag(dataset, name), serialize(g, lang));
        });
        if (body == null) {
            FusekiGate.writeProblem(request, response, callback, 404, "There is no graph <" + graph + ">");
            return;
        }
        if (body.etag() != null) {
            response.getHeaders().put(HttpHeader.ETAG, body.etag());
            if (Conditional.notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), body.etag())) {
                response.setStatus(304);
                callback.succeeded();
                return;
            }
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, BINARY.contains(lang) ? type : type + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.bytes().length);
        response.getHeaders().put(HttpHeader.VARY, "Accept");
        boolean head = request.getMethod().equalsIgnoreCase("HEAD");
        response.write(true, head ? null : ByteBuffer.wrap(body.bytes()), callback);
    }

    private record Representation(String etag, byte[] bytes) {}

    private static byte[] serialize(DatasetGraph dsg, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(dsg).lang(lang).output(out);
        return out.toByteArray();
    }

    private static byte[] serialize(Graph g, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!lang.equals(Lang.NTRIPLES) && !lang.equals(Lang.NQUADS) && !BINARY.contains(lang)) {
            // Syntaxes with prefixes get virtkg's (as /id pages and the ontology do): the ontology graph
            // in Turtle is a third of its size with them, and readable. The store keeps no prefixes.
            Graph withPrefixes = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            withPrefixes.getPrefixMapping().setNsPrefixes(org.virtkg.store.Graphs.PREFIXES);
            org.apache.jena.graph.GraphUtil.addInto(withPrefixes, g);
            g = withPrefixes;
        }
        if (RDFLanguages.isQuads(lang)) RDFWriter.source(DatasetGraphFactory.wrap(g)).lang(lang).output(out);
        else RDFWriter.source(g).lang(lang).output(out);
        return out.toByteArray();
    }
}
