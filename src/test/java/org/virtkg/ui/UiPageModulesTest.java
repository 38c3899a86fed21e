package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * Each page module of the web UI (js/pages/*.js) in a real headless Chromium over the shipped data:
 * it renders, reads the REST endpoints it is built on, and asks /sparql nothing (DevTools' network
 * log is the witness); the router's own cases (an unknown route, leaving a live page) too.
 */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
class UiPageModulesTest {
    static TestServer server;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared, UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = shared;
    }

    /** What the page asked the server for since the last call, as paths with their queries. */
    static List<String> requested() throws Exception {
        String origin = server.base();
        return browser.requestedUrls().stream().filter(u -> u.startsWith(origin)).map(u -> u.substring(origin.length())).toList();
    }

    @Test
    void everyPageReadsItsRestEndpointsAndNoSparql() throws Exception {
        // page, what shows it rendered, the endpoints it must have read
        String[][] pages = {
                {"/#/", "#search-results .cards li", "/api/technologies?", "/api/platforms?", "/api/vocabulary"},
                {"/#/matrix", "#matrix .cell", "/api/compatibility/matrix?"},
                {"/#/features", "#features .cell", "/api/platforms/OpenStack/features"},
                {"/#/select", "#selection-form input[type=checkbox]", "/api/selection/requirements"},
                {"/#/compare?ids=KVM,Xen", "#compare-table td", "/api/compare?ids="},
                {"/#/ontology?c=Hypervisor", "#class-detail .cards a", "/api/classes", "/api/classes/Hypervisor/instances?"},
                {"/#/add", "#product-form #f-id", "/api/fields"},
                {"/#/changes", "#changes-rows tr", "/api/changes?", "/api/changes/stream?"},
                {"/#/explain?s=XCP&p=rdf:type&o=vkg:IaaSPlatform", "ul.explain li", "/api/explain?"},
        };
        browser.driver.get(server.base() + "/#/");
        browser.visible("#search-results .cards li");
        for (String[] p : pages) {
            requested(); // forget what earlier pages asked for
            // A fresh document each time, so each page reads its data itself (nothing cached from the last).
            browser.driver.get("about:blank");
            browser.driver.get(server.base() + p[0]);
            browser.visible(p[1]);
            List<String> asked = requested();
            for (int i = 2; i < p.length; i++) {
                String endpoint = p[i];
                assertTrue(asked.stream().anyMatch(u -> u.startsWith(endpoint)), p[0] + " reads " + endpoint + ": " + asked);
            }
            assertFalse(asked.stream().anyMatch(u -> u.startsWith("/sparql") || u.startsWith("/asserted/sparql")), p[0] + " asks /sparql: " + asked);
            assertTrue(asked.contains("/js/app.js") && asked.stream().anyMatch(u -> u.startsWith("/js/pages/")), "the page modules load: " + asked);
            assertEquals(List.of(), browser.severeLogs(), "console errors on " + p[0]);
        }
    }

    @Test
    void theOntologyBrowserHangsEachClassUnderItsDirectSuperclassesOnly() {
        browser.driver.get(server.base() + "/#/ontology?c=Type1Hypervisor");
        WebElement detail = browser.visible("#class-detail");
        browser.wait.until(d -> detail.getText().contains("vkg:Type1Hypervisor") && detail.getText().contains("Instances"));
        String text = detail.getText();
        // The store holds the closure (a type 1 hypervisor is a virtualization technology too); the page names the direct one.
        assertTrue(text.contains("Subclass of: hypervisor"), text);
        assertFalse(text.contains("virtualization technology"), text);
        // In the tree it sits under Hypervisor, which sits under VirtualizationTechnology.
        browser.visible("#class-tree li:has(> [data-class=VirtualizationTechnology]) li:has(> [data-class=Hypervisor]) [data-class=Type1Hypervisor]");
        browser.wait.until(d -> !detail.findElements(By.cssSelector(".cards a[href='/id/Xen']")).isEmpty());
        assertEquals(List.of(), browser.severeLogs(), "console errors on the ontology browser");
    }

    @Test
    void onAPhoneAChosenClassComesIntoView() throws Exception {
        try {
            browser.emulateWidth(390);
            browser.driver.get(server.base() + "/#/ontology");
            // One column: the details sit below the whole tree. A class far down the tree, chosen, brings them into view.
            WebElement hv = browser.visible("#class-tree [data-class=Hypervisor]");
            browser.js("arguments[0].scrollIntoView({block: 'center'})", hv);
            hv.click();
            WebElement detail = browser.visible("#class-detail");
            browser.wait.until(d -> detail.getText().contains("vkg:Hypervisor"));
            Number top = (Number) browser.js("return arguments[0].getBoundingClientRect().top", detail);
            Number height = (Number) browser.js("return window.innerHeight");
            assertTrue(top.doubleValue() >= -1 && top.doubleValue() < height.doubleValue() - 80, "the details are in view: top " + top);
            browser.screenshot("390-ontology-class-chosen");
        } finally {
            browser.stopEmulating();
        }
    }

    @Test
    void anUnknownRouteSaysSoAndLinksHome() {
        browser.driver.get(server.base() + "/#/no-such-page");
        assertEquals("Not found", browser.visible("main h1").getText());
        browser.driver.findElement(By.cssSelector("main a[href='#/']")).click();
        browser.visible("#search-results .cards li");
        assertEquals(List.of(), browser.severeLogs(), "console errors");
    }

    @Test
    void leavingTheChangesPageClosesItsLiveFeed() {
        browser.driver.get(server.base() + "/#/changes");
        browser.wait.until(d -> d.findElement(By.id("changes-live")).getText().startsWith("Live"));
        // EventSource.readyState: 1 open, 2 closed. The page's stream is the one the window created.
        browser.js("""
                const Original = window.EventSource;
                window.__streams = [];
                window.EventSource = class extends Original { constructor(...a) { super(...a); window.__streams.push(this); } };""");
        browser.driver.findElement(By.cssSelector(".top nav a[href='#/ontology']")).click();
        browser.visible("#class-tree button");
        browser.driver.findElement(By.cssSelector(".top nav a[href='#/changes']")).click();
        browser.wait.until(d -> d.findElement(By.id("changes-live")).getText().startsWith("Live"));
        browser.driver.findElement(By.cssSelector(".top nav a[href='#/matrix']")).click();
        browser.visible("#matrix .cell");
        assertEquals(List.of(2L), browser.js("return window.__streams.map(s => s.readyState)"), "the stream closed when the page was left");
    }
}
