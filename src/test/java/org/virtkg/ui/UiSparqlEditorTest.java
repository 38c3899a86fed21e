package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * {@code GET /sparql} in a real headless Chromium: the YASGUI editor from its WebJar, querying this
 * server, completing virtkg's own prefixes, offering the query library, and asking nothing of any
 * other host (no CDN, no prefix.cc, no vocabulary service).
 */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
class UiSparqlEditorTest {
    static TestServer server;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared, UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = shared;
    }

    @BeforeEach
    void freshPage() throws Exception {
        browser.stopEmulating();
        // The editor keeps its tabs in localStorage; each test starts from the default query.
        browser.driver.get(server.base() + "/api/health");
        browser.js("localStorage.clear()");
        browser.requestedUrls();
        browser.severeLogs();
    }

    /**
     * The editor's text (CodeMirror keeps it out of the DOM's form values), or "" while the page's
     * module has not yet made the editor: a wait polling this right after a navigation must see
     * "not yet", not a script error that ends the wait.
     */
    static String editorText() {
        Object text = browser.js("return window.virtkgYasgui?.getTab()?.getYasqe()?.getValue() ?? ''");
        return (String) text;
    }

    static void runAndAwaitRows() {
        browser.visible(".yasqe_queryButton").click();
        browser.wait.until(d -> !d.findElements(By.cssSelector(".yasr table.dataTable tbody tr td")).isEmpty()
                && !d.findElement(By.cssSelector(".yasr table.dataTable tbody")).getText().contains("No data"));
    }

    /** Nothing but this server was asked for anything; nothing was refused by the CSP or failed. */
    static void stayedHome(String what) throws Exception {
        URI base = URI.create(server.base());
        List<String> elsewhere = browser.requestedUrls().stream().filter(u -> !u.startsWith("data:"))
                .filter(u -> {
                    URI uri = URI.create(u);
                    return !(base.getHost().equals(uri.getHost()) && base.getPort() == uri.getPort());
                }).toList();
        assertEquals(List.of(), elsewhere, "requests that left the server on " + what);
        assertEquals(List.of(), browser.severeLogs(), "console errors (CSP refusals, failed loads) on " + what);
    }

    @Test
    void theFooterLinkOfAServerPageOpensTheEditorWhichRunsAQueryAgainstOurEndpoint() throws Exception {
        // From the ontology documentation's footer, as a reader would.
        browser.driver.get(server.base() + "/ontology");
        browser.visible("footer a[href='/sparql']").click();
        browser.wait.until(ExpectedConditions.urlToBe(server.base() + "/sparql"));
        browser.visible(".yasqe .CodeMirror");
        assertEquals(1L, ((Number) browser.js("return document.querySelectorAll('h1').length")).longValue());
        // Syntax highlighting: the keywords of the default query are CodeMirror tokens.
        assertFalse(browser.driver.findElements(By.cssSelector(".yasqe .cm-keyword")).isEmpty(), "keywords are highlighted");
        assertEquals("/sparql", browser.js("return window.virtkgYasgui.getTab().getEndpoint()"));
        assertTrue(editorText().contains("vkg:supports"), editorText());

        runAndAwaitRows();
        String table = browser.driver.findElement(By.cssSelector(".yasr table.dataTable")).getText();
        assertTrue(table.contains("OpenStack"), table);
        browser.screenshot("sparql-editor-results");
        List<String> requested = browser.requestedUrls();
        assertTrue(requested.contains(server.base() + "/sparql"), "the query went to our endpoint: " + requested);
        // What was asked for was also all this server's; put back for stayedHome.
        URI base = URI.create(server.base());
        for (String u : requested)
            if (!u.startsWith("data:")) assertEquals(base.getAuthority(), URI.create(u).getAuthority(), u);
        assertEquals(List.of(), browser.severeLogs());

        // Narrow screens: the editor and its results stay within the width (tables scroll in their box).
        browser.emulateWidth(390);
        browser.screenshot("sparql-editor-390");
        Object overflow = browser.js("""
                const w = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= w) return '';
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                    && !e.closest('.yasr_results, .CodeMirror')).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ');""");
        assertEquals("", overflow, "no horizontal scrolling at 390 px");
        // The run and share buttons keep clear of the query's text: none of its first line's characters lie under them.
        Object covered = browser.js("""
                const buttons = document.querySelector('.yasqe .yasqe_buttons').getBoundingClientRect();
                const line = document.querySelector('.yasqe .CodeMirror-code .CodeMirror-line');
                const range = document.createRange();
                range.selectNodeContents(line);
                return [...range.getClientRects()].filter(r => r.width > 0 && r.right > buttons.left && r.left < buttons.right
                    && r.bottom > buttons.top && r.top < buttons.bottom).length;""");
        assertEquals(0L, ((Number) covered).longValue(), "the editor's buttons cover the first line at 390 px");
        // And they are still there to press: what lies at the run button's centre is the run button.
        Object runnable = browser.js("""
                const b = document.querySelector('.yasqe .yasqe_queryButton');
                const r = b.getBoundingClientRect();
                return r.width > 0 && r.right <= window.innerWidth && b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));""");
        assertEquals(true, runnable, "the run button can be pressed at 390 px");
    }

    @Test
    void theQueryLibraryIsSelectableAndItsQueryRuns() throws Exception {
        browser.driver.get(server.base() + "/sparql");
        browser.visible(".yasqe .CodeMirror");
        WebElement library = browser.visible("#library");
        browser.wait.until(d -> library.isEnabled());
        Select pick = new Select(library);
        // Every named query of /api/queries is offered.
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(server.base() + "/api/queries")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        List<String> names = new java.util.ArrayList<>();
        org.virtkg.api.Json.MAPPER.readTree(answer.body()).path("items").forEach(q -> names.add(q.path("name").asText()));
        assertTrue(names.size() > 10, names.toString());
        assertEquals(names, pick.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList());
        pick.selectByValue("container-platforms");
        browser.wait.until(d -> editorText().contains("SELECT"));
        assertTrue(browser.driver.findElement(By.id("library-description")).getText().length() > 20);
        assertEquals("container-platforms", browser.js("return window.virtkgYasgui.getTab().getName()"));
        runAndAwaitRows();
        assertTrue(browser.driver.findElement(By.cssSelector(".yasr table.dataTable")).getText().contains("OpenStack"));
        browser.screenshot("sparql-editor-library");
        stayedHome("the library query");
    }

    @Test
    void prefixCompletionOffersVirtkgsOwnPrefixesWithoutAskingAnyoneElse() throws Exception {
        browser.driver.get(server.base() + "/sparql");
        WebElement cm = browser.visible(".yasqe .CodeMirror");
        browser.js("const y = window.virtkgYasgui.getTab().getYasqe(); y.setValue(''); y.focus();");
        new Actions(browser.driver).moveToElement(cm).click().sendKeys("PREFIX vk").perform();
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
        WebElement hints = browser.visible(".CodeMirror-hints");
        assertTrue(hints.getText().contains("vkg: <https://w3id.org/virtkg/ontology#>"), hints.getText());
        hints.findElement(By.cssSelector("li")).click();
        browser.wait.until(d -> editorText().contains("PREFIX vkg: <https://w3id.org/virtkg/ontology#>"));
        stayedHome("prefix completion");
    }

    /** A value for the fragment, as the web UI's encodeURIComponent writes it (a space is %20). */
    static String fragment(String s) {
        return org.virtkg.testing.Fixtures.enc(s).replace("+", "%20");
    }

    /** The text of the current tab's result, once it has one. */
    static String awaitResponse() {
        return browser.wait.until(d -> (String) browser.js("""
                const r = window.virtkgYasgui?.getTab()?.getYasr()?.results;
                return r && r.getOriginalResponseAsString ? r.getOriginalResponseAsString() : null;"""));
    }

    @Test
    void linksWithAQueryOpenItInTheEditorAndRunItAgainstOurEndpointOnly() throws Exception {
        String xen = "https://w3id.org/virtkg/id/Xen";
        // An old bookmark of the retired #/sparql editor goes on to this one, with its DESCRIBE.
        browser.driver.get(server.base() + "/#/sparql?describe=" + org.virtkg.testing.Fixtures.enc(xen));
        // YASGUI reads the fragment and clears it (leaving "#").
        browser.wait.until(d -> d.getCurrentUrl().startsWith(server.base() + "/sparql"));
        browser.wait.until(d -> editorText().equals("DESCRIBE <" + xen + ">"));
        assertEquals("/sparql", browser.js("return window.virtkgYasgui.getTab().getEndpoint()"));
        String described = awaitResponse();
        assertTrue(described.contains("Xen") && described.contains("https://w3id.org/virtkg/ontology#"), described);
        assertTrue(browser.requestedUrls().contains(server.base() + "/sparql"), "the query ran on our endpoint");
        browser.screenshot("sparql-editor-describe");
        stayedHome("an old #/sparql?describe= bookmark");

        // A property in the search results links to the editor with its DESCRIBE.
        browser.driver.get(server.base() + "/#/?q=supportedBy");
        WebElement hit = browser.visible("#search-results a[href^='/sparql#query=']");
        String href = hit.getAttribute("href");
        assertEquals(server.base() + "/sparql#query=" + fragment("DESCRIBE <https://w3id.org/virtkg/ontology#supportedBy>"), href);
        hit.click();
        browser.wait.until(d -> editorText().equals("DESCRIBE <https://w3id.org/virtkg/ontology#supportedBy>"));
        assertTrue(awaitResponse().contains("supportedBy"));
        assertTrue(browser.driver.findElements(By.cssSelector("#sparql-form, textarea#query")).isEmpty(), "no second editor");

        // A link naming another endpoint (and headers) still queries this server, and nothing else.
        browser.js("localStorage.clear()");
        browser.driver.get(server.base() + "/api/health");
        browser.requestedUrls();
        browser.driver.get(server.base() + "/sparql#query=" + fragment("ASK { ?s ?p ?o }") + "&endpoint=" + fragment("https://example.org/sparql")
                + "&headers=" + fragment("{\"X-Leak\":\"1\"}"));
        browser.wait.until(d -> editorText().equals("ASK { ?s ?p ?o }"));
        assertEquals("/sparql", browser.js("return window.virtkgYasgui.getTab().getEndpoint()"));
        assertTrue(awaitResponse().contains("true"));
        stayedHome("a link naming another endpoint");
    }
}
