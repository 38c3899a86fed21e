package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.Fixtures.get;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** The UI's files are served next to the API without shadowing it (no browser needed). */
class UiStaticFilesTest {
    static TestServer server;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared) {
        server = shared;
    }

    @Test
    void shellAndEveryScriptItLoadsAreServed() {
        var index = get(server.base() + "/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = index.body();
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("<main id=\"main\"") && html.contains("aria-label=\"Main\""), html);
        Matcher m = Pattern.compile("(?:src|href)=\"(/[^\"#]+)\"").matcher(html);
        int checked = 0;
        while (m.find()) {
            String path = m.group(1);
            if (path.equals("/docs") || path.equals("/sparql") || path.equals("/openapi.json")) continue;
            var r = get(server.base() + path);
            assertEquals(200, r.statusCode(), path);
            checked++;
        }
        assertTrue(checked >= 3, "stylesheet, app module and the Cytoscape WebJar");
        for (String js : new String[] {"/js/app.js", "/js/router.js", "/js/util.js", "/js/catalogue.js", "/js/explanation.js",
                "/js/graph.js", "/js/product.js", "/js/pages/home.js"}) {
            var r = get(server.base() + js);
            assertEquals(200, r.statusCode(), js);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("javascript"), "module scripts need a JavaScript type: " + js);
        }
    }

    @Test
    void productPagesLoadOnlyScriptsThatExist() {
        String html = get(server.base() + "/id/KVM", "Accept", "text/html").body();
        Matcher m = Pattern.compile("<script[^>]* src=\"([^\"]+)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            assertEquals(200, get(server.base() + m.group(1)).statusCode(), m.group(1));
            n++;
        }
        assertEquals(2, n, "Cytoscape and product.js");
        assertTrue(html.contains("data-edges=\"{"), "the neighbourhood is embedded, no extra round trip");
    }

    @Test
    void theApiAndEndpointsAroundTheUiStillAnswer() {
        assertEquals(200, get(server.base() + "/api/health").statusCode());
        assertEquals(200, get(server.base() + "/sparql?query=ASK%7B%7D").statusCode());
        assertEquals(200, get(server.base() + "/openapi.json").statusCode());
        assertEquals(200, get(server.base() + "/docs").statusCode());
        assertEquals(200, get(server.base() + "/metrics").statusCode());
        assertEquals(200, get(server.base() + "/id/KVM", "Accept", "text/html").statusCode());
        assertEquals(200, get(server.base() + "/data?graph=https://w3id.org/virtkg/graph/ontology", "Accept", "text/turtle").statusCode());
        var missing = get(server.base() + "/no/such/page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        // The library listing carries each query's text for the editor.
        com.fasterxml.jackson.databind.JsonNode items = org.virtkg.testing.JsonAssert.assertJson(get(server.base() + "/api/queries"))
                .at("/items").node();
        assertTrue(items.size() > 0, "the library lists queries");
        for (com.fasterxml.jackson.databind.JsonNode q : items)
            assertTrue(q.path("sparql").isTextual() && q.path("sparql").textValue().startsWith("PREFIX"), q.toString());
    }

    /** The main navigation, as (text, address) pairs; the web UI's own "#/x" is the server pages' "/#/x". */
    static java.util.List<String> navigation(String html) {
        int start = html.indexOf("<nav aria-label=\"Main\">");
        assertTrue(start >= 0, "a main navigation");
        String nav = html.substring(start, html.indexOf("</nav>", start));
        return java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(nav).results()
                .map(m -> m.group(2) + " -> " + (m.group(1).startsWith("#") ? "/" + m.group(1) : m.group(1))).toList();
    }

    @Test
    void theServerPagesHaveTheWebUisNavigation() {
        java.util.List<String> ui = navigation(get(server.base() + "/").body());
        assertTrue(ui.size() >= 8 && ui.contains("SPARQL -> /sparql"), ui.toString());
        for (String page : java.util.List.of("/id/KVM", "/ontology", "/ontology/cite", "/sparql", "/id/KVMM")) {
            var r = get(server.base() + page, "Accept", "text/html");
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            assertEquals(ui, navigation(r.body()), "the navigation of " + page);
        }
    }

    /** The web UI's modules, as shipped: js/*.js and js/pages/*.js. */
    static java.util.List<java.nio.file.Path> modules() throws java.io.IOException {
        java.nio.file.Path js = org.virtkg.testing.Fixtures.projectDir().resolve("src/main/resources/web/js");
        try (var files = java.nio.file.Files.walk(js)) {
            return files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
        }
    }

    /**
     * The pages read REST endpoints only: no module of the web UI carries a SPARQL query or sends
     * one to /sparql. The one exception is the SPARQL page's own script (sparql-editor.js), whose
     * example query is the editor's starting text. A link that opens the editor at /sparql#query=…
     * with a DESCRIBE (a property in the search results) is a link, not a query the page runs.
     */
    @Test
    void noModuleOfTheWebUiEmbedsSparql() throws Exception {
        // A query's shapes, in any case, and not the English words ("Select a cell"): SELECT ?x / SELECT *,
        // PREFIX p: <…>, CONSTRUCT {, ASK {, WHERE {; and the upper-case keywords wherever they are.
        Pattern query = Pattern.compile("(?i:\\bselect\\s+(distinct\\s+|reduced\\s+)?[?$*(]|\\bprefix\\s+[\\w-]*:\\s*<|\\b(construct|ask|where)\\s*\\{)"
                + "|\\b(SELECT|CONSTRUCT|PREFIX)\\s");
        Pattern sends = Pattern.compile("(fetch|api)\\(\\s*['\"`]/(asserted/)?sparql|application/sparql-query|sparql-results\\+json");
        int checked = 0;
        for (java.nio.file.Path f : modules()) {
            if (f.getFileName().toString().equals("sparql-editor.js")) continue;
            String text = java.nio.file.Files.readString(f);
            Matcher q = query.matcher(text);
            if (q.find()) throw new AssertionError(f + " embeds SPARQL: …" + text.substring(Math.max(0, q.start() - 40), Math.min(text.length(), q.end() + 40)) + "…");
            assertFalse(sends.matcher(text).find(), f + " sends a query to /sparql");
            checked++;
        }
        assertTrue(checked >= 12, "the router, the shared modules and the pages: " + checked);
    }

    /** Every page module is one app.js registers, and the server serves it as JavaScript. */
    @Test
    void everyPageModuleIsRoutedAndServed() throws Exception {
        String app = get(server.base() + "/js/app.js").body();
        java.util.List<String> pages = modules().stream().filter(f -> f.getParent().getFileName().toString().equals("pages"))
                .map(f -> f.getFileName().toString()).toList();
        assertTrue(pages.size() >= 10, pages.toString());
        for (String page : pages) {
            assertTrue(app.contains("from './pages/" + page + "'"), "app.js imports " + page);
            var r = get(server.base() + "/js/pages/" + page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("javascript"), page);
            assertTrue(r.body().contains("export default"), page + " renders a page");
        }
    }
}
