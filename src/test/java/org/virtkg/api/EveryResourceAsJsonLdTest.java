package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.knowledge.IdIndex;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Every resource of the shipped data as JSON-LD ({@code GET /id/{name}}), in each view: the resource at the top
 * ({@code @id}, no {@code @graph}), and the same graph as its Turtle. The JSON-LD is framed with a
 * frame made from each description's shape ({@link RootedJsonLd}); framing leaves out, without a
 * word, a node its frame does not reach, so each shape of description the data has is walked here,
 * by the ids the knowledge base's own index knows.
 */
class EveryResourceAsJsonLdTest {
    static TestServer server;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared;
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    @Test
    void everyResourceIsAtTheTopOfItsJsonLdAndItIsTheGraphOfItsTurtle() throws Exception {
        List<Node> resources = server.server().knowledgeBase().read(s -> new ArrayList<>(IdIndex.build(s.union()).individuals()));
        assertTrue(resources.size() > 400, "resources: " + resources.size());
        List<String> wrong = new ArrayList<>();
        int reversed = 0;
        // Each view gives descriptions of other shapes (paper: no matched features' ratings; current: fewer support claims).
        for (String view : List.of("all", "paper", "current"))
        for (Node x : resources) {
            String id = IdIndex.idOf(x), path = "/id/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?view=" + view;
            var turtle = get(server.base() + path, "Accept", "text/turtle");
            var jsonld = get(server.base() + path, "Accept", "application/ld+json");
            if (turtle.statusCode() != 200 || jsonld.statusCode() != 200) {
                wrong.add(path + ": " + turtle.statusCode() + " (Turtle), " + jsonld.statusCode() + " (JSON-LD) " + jsonld.body());
                continue;
            }
            JsonNode doc = Json.MAPPER.readTree(jsonld.body());
            String top = doc.path("@id").asText();
            if (!top.equals(x.getURI()) && !top.equals("id:" + id) || doc.has("@graph"))
                wrong.add(path + ": the top-level node is '" + top + "'" + (doc.has("@graph") ? ", with a @graph" : ""));
            Graph fromTurtle = parse(turtle.body(), Lang.TURTLE), fromJsonLd = parse(jsonld.body(), Lang.JSONLD);
            if (!fromJsonLd.isIsomorphicWith(fromTurtle))
                wrong.add(path + ": the JSON-LD has " + fromJsonLd.size() + " triples, the Turtle " + fromTurtle.size() + " (or others)");
            if (jsonld.body().contains("\"@reverse\"")) reversed++;
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + resources.size() + " resources in three views:\n"
                + String.join("\n", wrong.subList(0, Math.min(5, wrong.size()))));
        // The walk met the shape that needs @reverse: a matched feature's ratings, which only refer to it.
        assertTrue(reversed >= 4, "descriptions with @reverse (in views all and current): " + reversed);
    }
}
