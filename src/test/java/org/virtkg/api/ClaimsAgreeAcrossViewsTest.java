package org.virtkg.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.api.ShippedServer.json;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.app.VirtkgServer;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * One definition of stated, inferred and disputed, whichever view asks: for every technology x
 * platform pair of the shipped knowledge base, {@code /api/compatibility}, the matrix (JSON and
 * CSV), the technology's catalogue values and its {@code /id/{name}} page agree on the status and
 * the basis, and on whether it is disputed.
 */
class ClaimsAgreeAcrossViewsTest {
    static VirtkgServer server;
    static String base;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared.server();
        base = shared.base();
    }

    /** The platforms a technology's page lists under "supported by", each with its data-basis and data-disputed. */
    static Map<String, String[]> pageSupport(String technology) {
        String html = get(base + "/id/" + technology, "Accept", "text/html").body();
        Map<String, String[]> out = new HashMap<>();
        int dt = html.indexOf("href=\"https://w3id.org/virtkg/ontology#supportedBy\"");
        if (dt < 0) return out;
        int end = html.indexOf("<dt>", dt + 1);
        String section = html.substring(dt, end < 0 ? html.indexOf("</dl>", dt) : end);
        Matcher m = Pattern.compile("<dd data-basis=\"(\\w*)\"( data-disputed=\"true\")?><a [^>]*href=\"/id/([^\"]+)\"").matcher(section);
        while (m.find()) out.put(m.group(3), new String[] {m.group(1), m.group(2) == null ? "false" : "true"});
        return out;
    }

    @Test
    void everyPairIsAnsweredAlikeInEveryView() {
        JsonNode matrix = json(get(base + "/api/compatibility/matrix"), 200);
        Map<String, JsonNode> cells = new HashMap<>();
        for (JsonNode c : matrix.get("cells")) cells.put(c.get("technology").asText() + "|" + c.get("platform").asText(), c);
        Map<String, String> csv = new HashMap<>();
        for (String line : get(base + "/api/compatibility/matrix", "Accept", "text/csv").body().lines().skip(1).toList()) {
            String[] f = line.split(",", -1);
            csv.put(f[0] + "|" + f[1], f[2] + "," + f[3]);
        }
        int pairs = 0;
        int supported = 0;
        List<String> statuses = new ArrayList<>();
        for (JsonNode t : matrix.get("technologies")) {
            String tid = t.get("id").asText();
            JsonNode tech = json(get(base + "/api/technologies/" + tid), 200);
            Map<String, JsonNode> values = new HashMap<>();
            for (JsonNode v : tech.get("platforms")) values.put(v.get("id").asText(), v);
            Map<String, String[]> page = pageSupport(tid);
            for (JsonNode p : matrix.get("platforms")) {
                String pid = p.get("id").asText();
                String where = tid + " x " + pid;
                JsonNode cell = cells.get(tid + "|" + pid);
                JsonNode answer = json(get(base + "/api/compatibility?technology=" + tid + "&platform=" + pid), 200);
                pairs++;
                String status = answer.get("status").asText();
                String basis = answer.get("basis").isNull() ? "" : answer.get("basis").asText();
                statuses.add(status);
                // The check and the matrix: same status, same basis.
                assertEquals(status, cell.get("status").asText(), where);
                assertEquals(basis, cell.get("basis").isNull() ? "" : cell.get("basis").asText(), where);
                assertEquals(status + "," + basis, csv.get(tid + "|" + pid), where);
                assertEquals(status.equals("disputed"), answer.get("disputed").asBoolean(), where);
                // The catalogue and the page list what the knowledge base's statements support, disputed or not.
                String kb = answer.at("/knowledgeBase/status").asText();
                boolean listed = values.containsKey(pid);
                if (kb.equals("supported") || kb.equals("partial")) assertTrue(listed, where + ": the technology's platforms list it (" + kb + ")");
                if (kb.equals("unknown") || kb.equals("unsupported")) assertTrue(!listed, where + ": not listed when " + kb);
                if (!listed) {
                    assertTrue(!page.containsKey(pid), where + ": the page does not list it either");
                    continue;
                }
                supported++;
                JsonNode v = values.get(pid);
                String[] onPage = page.get(pid);
                assertTrue(onPage != null, where + ": the page lists it");
                if (kb.equals(status)) assertEquals(basis, v.get("basis").asText(), where + ": basis in the catalogue");
                assertEquals(v.get("basis").asText(), onPage[0], where + ": basis on the page");
                assertEquals(kb.equals("disputed"), v.get("disputed").asBoolean(), where + ": disputed in the catalogue");
                assertEquals(String.valueOf(v.get("disputed").asBoolean()), onPage[1], where + ": disputed on the page");
            }
        }
        assertEquals(matrix.get("technologies").size() * matrix.get("platforms").size(), pairs);
        assertTrue(supported > 30, "the shipped knowledge base has many supported pairs: " + supported);
        assertTrue(statuses.contains("disputed") && statuses.contains("supported") && statuses.contains("unknown"),
                "the states seen include disputed, supported and unknown: " + new java.util.TreeSet<>(statuses));
    }

    @Test
    void whenTheNewestSourceWinsTheCheckAndTheMatrixStillAgree() {
        JsonNode matrix = json(get(base + "/api/compatibility/matrix?view=current"), 200);
        List<String> statuses = new ArrayList<>();
        for (JsonNode c : matrix.get("cells")) {
            String tid = c.get("technology").asText(), pid = c.get("platform").asText();
            JsonNode answer = json(get(base + "/api/compatibility?view=current&technology=" + tid + "&platform=" + pid), 200);
            assertEquals(answer.get("status").asText(), c.get("status").asText(), tid + " x " + pid);
            assertEquals(answer.get("basis").isNull() ? "" : answer.get("basis").asText(), c.get("basis").isNull() ? "" : c.get("basis").asText(), tid + " x " + pid);
            // Every disagreement between dated sources is decided, and says by which.
            if (!answer.at("/against").isMissingNode() && !answer.get("status").asText().equals("disputed"))
                assertTrue(answer.get("decidedBy").asText().startsWith("The newest source wins"), answer.toString());
            statuses.add(c.get("status").asText());
        }
        assertTrue(statuses.contains("unsupported") && statuses.contains("supported") && statuses.contains("unknown"),
                "the states seen include unsupported, supported and unknown: " + new java.util.TreeSet<>(statuses));
    }
}
