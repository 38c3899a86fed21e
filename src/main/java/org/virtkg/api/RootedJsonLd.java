package org.virtkg.api;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdEmbed;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.jsonld.JenaToTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.virtkg.reasoner.RlReasoner;

/**
 * The JSON-LD of a description ({@code GET /id/{name}}) as the described resource's own node:
 * a JSON client finds the resource at the top ({@code @id}) whether the description has one node
 * or many (a commercial service's type, a matched feature's ratings), the others embedded in it.
 * Jena's writer gives a flat {@code @graph} for more than one node and has no framing; this is
 * JSON-LD 1.1 framing by Titanium, the processor Jena itself reads and writes JSON-LD with, with a
 * frame made from the description's own shape ({@link #frame}).
 */
final class RootedJsonLd {
    private RootedJsonLd() {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RootedJsonLd.class);

    /**
     * The most node objects a framed answer may hold. Every node is embedded wherever it is
     * referenced ({@code @always}, below), so a node reached along many paths is written once per
     * path: a chain of shared nodes doubles the answer at each link (a 30-triple graph of blank
     * nodes each reached two ways, 14 deep: 7.6 MB in 7 s). The shipped descriptions need at most
     * a few hundred; past this the answer is the flat form.
     */
    static final int MAX_EMBEDDED_NODES = 5_000;

    /**
     * {@code g} framed with {@code x} at the top, pretty-printed with the prefixes of {@code g} as its
     * {@code @context} (as Jena's writer gives them); or, where framing cannot give the description
     * back (nodes shared so widely that nesting would repeat them past {@link #MAX_EMBEDDED_NODES};
     * a literal or term JSON-LD rewrites or cannot carry, which only data added by hand can hold),
     * Jena's flat {@code @graph} of it, the same graph, said in the log. Framing leaves out without
     * a word a node its frame does not reach, so a framed answer is checked against {@code g} before
     * it is sent; {@code EveryResourceAsJsonLdTest} frames every shipped resource in every view.
     */
    static byte[] write(Graph g, Node x) {
        ObjectNode context = Json.MAPPER.createObjectNode();
        g.getPrefixMapping().getNsPrefixMap().forEach(context::put);
        Map<Node, Step> how = reach(g, x);
        String why = embedded(g, x, how) > MAX_EMBEDDED_NODES ? "its nodes are shared too widely to nest" : null;
        if (why == null) {
            try {
                byte[] framed = framed(g, x, how, context);
                if (framed != null) return framed;
                why = "the framed document is not its description";
            } catch (JsonLdError | IOException | RuntimeException e) {
                why = "framing failed: " + e.getMessage();
            }
        }
        LOG.info("JSON-LD of {} answered as a flat @graph: {}", x, why);
        return ResourceRoutes.write(g, RDFFormat.JSONLD_PRETTY);
    }

    /** {@code g} framed with {@code x} at the top, or null when the framed document is not {@code g}. */
    private static byte[] framed(Graph g, Node x, Map<Node, Step> how, ObjectNode context) throws JsonLdError, IOException {
        JsonLdOptions options = new JsonLdOptions();
        // Every node embedded wherever it is referenced: under @once a node already placed elsewhere is
        // only referenced where the frame goes on through it, and the nodes under its @reverse are lost.
        options.setEmbed(JsonLdEmbed.ALWAYS);
        // A node matched by a frame that names a property it lacks gets that property as null otherwise.
        options.setOmitDefault(true);
        // Properties and nodes in order: the same bytes for the same description, whatever the store's order.
        options.setOrdered(true);
        var expanded = JenaToTitanium.convert(DatasetGraphFactory.wrap(g), new JsonLdOptions());
        var framed = JsonLd.frame(JsonDocument.of(expanded), JsonDocument.of(new StringReader(frame(how, x, context).toString())))
                .options(options).get();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("@context", context);
        // A resource the view says nothing about: no node to frame, still named at the top.
        if (!framed.containsKey("@id")) out.put("@id", g.getPrefixMapping().shortForm(x.getURI()));
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(framed.toString());
        body.remove("@context");
        out.setAll(body);
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
        Graph back = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), Lang.JSONLD).parse(back);
        return back.isIsomorphicWith(g) ? bytes : null;
    }

    /**
     * How many node objects the framed answer would hold: the description unfolded from {@code x}
     * as the frame embeds it (each node once per path that reaches it; not again inside itself),
     * counted only up to just past {@link #MAX_EMBEDDED_NODES}.
     */
    static int embedded(Graph g, Node x, Map<Node, Step> how) {
        Map<Node, List<Node>> reversedFrom = new HashMap<>();
        how.forEach((n, s) -> {
            if (s != null && s.backwards()) reversedFrom.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(n);
        });
        int[] count = {0};
        unfold(g, x, new java.util.HashSet<>(), reversedFrom, count);
        return count[0];
    }

    private static void unfold(Graph g, Node n, java.util.Set<Node> inside, Map<Node, List<Node>> reversedFrom, int[] count) {
        if (++count[0] > MAX_EMBEDDED_NODES || !inside.add(n)) return;
        List<Node> next = new ArrayList<>(reversedFrom.getOrDefault(n, List.of()));
        g.find(n, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!t.getObject().isLiteral() && g.find(t.getObject(), Node.ANY, Node.ANY).hasNext()) next.add(t.getObject());
        });
        for (Node m : next) {
            if (count[0] > MAX_EMBEDDED_NODES) break;
            if (!inside.contains(m)) unfold(g, m, inside, reversedFrom, count);
        }
        inside.remove(n);
    }

    /** How the frame reaches a node from the resource: from which node, through which property, and whether backwards. */
    private record Step(Node from, Node property, boolean backwards) {}

    /**
     * The frame of {@code g} with {@code x} at the top ({@code @id}). Framing follows a node's own
     * properties by itself; a node that only refers to the others (Nova's rating of a feature
     * matched with {@code x}: {@code rating vkg:supportedFeature feature}) is reached only through
     * an {@code @reverse} of the frame, at the place of the node it refers to. So each node is
     * reached from {@code x} by the fewest links, either way round (breadth first, its own links
     * before the ones to it), and the frame holds the paths that take a link backwards, up to the
     * last such link: {@code {"@id": x, "skos:closeMatch": {"@reverse": {"vkg:supportedFeature": {}}}}}.
     * {@code rdf:type} is no link: its objects are {@code @type} values in JSON-LD, never embedded.
     */
    static Map<Node, Step> reach(Graph g, Node x) {
        Map<Node, Step> how = new HashMap<>();
        how.put(x, null);
        Deque<Node> pending = new ArrayDeque<>(List.of(x));
        while (!pending.isEmpty()) {
            Node n = pending.removeFirst();
            for (boolean backwards : new boolean[] {false, true}) {
                List<Triple> links = (backwards ? g.find(Node.ANY, Node.ANY, n) : g.find(n, Node.ANY, Node.ANY)).toList();
                // In one order, not the graph's: the same description gives the same frame.
                links.sort(RlReasoner.CANONICAL);
                for (Triple t : links) {
                    Node next = backwards ? t.getSubject() : t.getObject();
                    // A type is a @type value in JSON-LD, never embedded: no path of the frame. (A class with
                    // statements of its own reached only that way is left out by framing; write() then answers flat.)
                    if (t.getPredicate().equals(RDF.type.asNode()) || next.isLiteral() || how.containsKey(next)) continue;
                    how.put(next, new Step(n, t.getPredicate(), backwards));
                    pending.addLast(next);
                }
            }
        }
        return how;
    }

    /** The frame of the paths {@link #reach} found, with {@code x} at the top. */
    static ObjectNode frame(Map<Node, Step> how, Node x, ObjectNode context) {
        ObjectNode frame = Json.MAPPER.createObjectNode();
        frame.set("@context", context);
        frame.put("@id", x.getURI());
        for (Node n : how.keySet()) {
            List<Step> path = new ArrayList<>();
            for (Step s = how.get(n); s != null; s = how.get(s.from())) path.addFirst(s);
            int last = path.size() - 1;
            while (last >= 0 && !path.get(last).backwards()) last--;
            ObjectNode at = frame;
            for (Step s : path.subList(0, last + 1)) {
                ObjectNode in = s.backwards() ? at.withObjectProperty("@reverse") : at;
                String p = s.property().getURI();
                // "@id": {} matches every node: a frame naming properties matches only nodes having one of them.
                if (!in.has(p)) in.putObject(p).putObject("@id");
                at = (ObjectNode) in.get(p);
            }
        }
        return frame;
    }
}
