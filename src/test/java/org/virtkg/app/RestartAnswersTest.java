package org.virtkg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.api.Json;
import org.virtkg.security.AccessTokens;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * A restart answers as the server did before it: the shared server opens a copy of a synced store
 * (as a restart, a restored backup or a second instance opens one, with the statements in another
 * order), the reference syncs the shipped data itself. Every product, every compatibility check
 * and the matrix in each view must come back the same: basis, sources and their descriptions,
 * explanations and whether a claim is disputed.
 */
class RestartAnswersTest {
    static TestServer copied, synced;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        copied = shared;
        synced = TestServer.withShippedDataFreshlySynced(AccessTokens.none());
    }

    @AfterAll
    static void stop() {
        synced.close();
    }

    static JsonNode json(String url) throws Exception {
        var r = Fixtures.get(url);
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static void assertSameAnswer(String path, List<String> differing) throws Exception {
        JsonNode before = json(synced.base() + path), after = json(copied.base() + path);
        if (!before.equals(after)) differing.add(path + " at " + firstDifference(before, after, ""));
    }

    /** Where two texts first differ: the characters around it in each. */
    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        int from = Math.max(0, i - 80);
        return "character " + i + "\n  synced: " + a.substring(from, Math.min(a.length(), i + 120))
                + "\n  copied: " + b.substring(from, Math.min(b.length(), i + 120));
    }

    /** Where two JSON trees first differ: a JSON pointer and both values there. */
    private static String firstDifference(JsonNode a, JsonNode b, String at) {
        if (a != null && b != null && a.isContainerNode() && a.getNodeType() == b.getNodeType()) {
            if (a.isArray() && a.size() == b.size()) {
                for (int i = 0; i < a.size(); i++) if (!a.get(i).equals(b.get(i))) return firstDifference(a.get(i), b.get(i), at + "/" + i);
            } else if (a.isObject()) {
                java.util.Set<String> names = new java.util.TreeSet<>();
                a.fieldNames().forEachRemaining(names::add);
                b.fieldNames().forEachRemaining(names::add);
                for (String n : names)
                    if (!java.util.Objects.equals(a.get(n), b.get(n))) return firstDifference(a.get(n), b.get(n), at + "/" + n);
            }
        }
        return at + "\n  synced: " + a + "\n  copied: " + b;
    }

    private static void assertNoneDiffer(List<String> differing, int checked) {
        assertTrue(differing.isEmpty(), differing.size() + " of " + checked + " answers differ; the first:\n"
                + String.join("\n", differing.subList(0, Math.min(3, differing.size()))));
    }

    @Test
    void everyProductReadsTheSame() throws Exception {
        List<String> paths = new ArrayList<>();
        for (String kind : List.of("technologies", "platforms"))
            for (JsonNode item : json(synced.base() + "/api/" + kind + "?limit=500").get("items"))
                for (String view : List.of("", "?view=paper"))
                    paths.add("/api/" + kind + "/" + item.get("id").asText() + view);
        assertTrue(paths.size() > 60, "products: " + paths.size());
        List<String> differing = new ArrayList<>();
        for (String p : paths) {
            var r = Fixtures.get(synced.base() + p);
            if (r.statusCode() == 404) continue; // a current-only product has no paper view
            assertSameAnswer(p, differing);
        }
        assertNoneDiffer(differing, paths.size());
    }

    @Test
    void everyProductPageAndTheInferenceListsReadTheSame() throws Exception {
        List<String> differing = new ArrayList<>();
        int checked = 0;
        for (String kind : List.of("technologies", "platforms"))
            for (JsonNode item : json(synced.base() + "/api/" + kind + "?limit=500").get("items")) {
                String page = "/id/" + item.get("id").asText();
                String before = Fixtures.get(synced.base() + page, "Accept", "text/html").body();
                String after = Fixtures.get(copied.base() + page, "Accept", "text/html").body();
                if (!before.equals(after)) differing.add(page + " at " + firstDifference(before, after));
                checked++;
            }
        for (String list : List.of("/api/platforms?supports=LXC", "/api/platforms?supports=KVM", "/api/technologies?limit=500"))
            assertSameAnswer(list, differing);
        assertNoneDiffer(differing, checked + 3);
    }

    @Test
    void everyCompatibilityCheckAndTheMatrixReadTheSame() throws Exception {
        List<String> differing = new ArrayList<>();
        int checked = 0;
        for (String view : List.of("all", "paper", "current")) {
            String matrix = "/api/compatibility/matrix?view=" + view;
            assertSameAnswer(matrix, differing);
            checked++;
            for (JsonNode cell : json(synced.base() + matrix).get("cells")) {
                if (cell.get("status").asText().equals("unknown")) continue;
                assertSameAnswer("/api/compatibility?technology=" + cell.get("technology").asText()
                        + "&platform=" + cell.get("platform").asText() + "&view=" + view, differing);
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertNoneDiffer(differing, checked);
    }
}
