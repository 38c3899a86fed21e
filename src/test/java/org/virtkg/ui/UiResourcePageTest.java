package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The templated {@code /id/{name}} page in a real headless Chromium: what a product's author typed
 * is shown as text, never run or rendered as markup; the page fits a 390 px screen.
 */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
@ResourceLock(Locks.SHIPPED_WRITABLE)
class UiResourcePageTest {
    static TestServer server;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_WRITABLE) TestServer shared, UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = shared;
    }

    static int send(String method, String path, String body) {
        var b = HttpRequest.newBuilder(URI.create(server.base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Fixtures.send(b, "Content-Type", "application/json", "Authorization", "Bearer " + Fixtures.EDITOR).statusCode();
    }

    @Test
    void hostileLabelsAreShownAsTextAndNeverRun() throws Exception {
        String label = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">\"'&amp;";
        String comment = "<b onmouseover=alert(1)>bold?</b> & <a href=\"javascript:window.pwned=3\">click</a>";
        String body = org.virtkg.api.Json.MAPPER.writeValueAsString(java.util.Map.of("kind", "Hypervisor", "id", "UiHostileLabel", "label", label,
                "comment", comment, "hostOS", "Linux"));
        assertEquals(201, send("POST", "/api/products", body));
        try {
            browser.driver.get(server.base() + "/id/UiHostileLabel");
            var h1 = browser.visible("h1");
            // The label reads exactly as typed, as text: the markup made no elements and ran nothing.
            assertEquals(label, h1.getText());
            assertEquals(label + " - virtkg", browser.driver.getTitle());
            assertEquals(comment, browser.driver.findElement(By.cssSelector("main p.lead")).getText());
            assertEquals(0L, ((Number) browser.js("return document.querySelectorAll('main script, main img, main b, main p.lead a').length")).longValue());
            assertEquals(null, browser.js("return window.pwned === undefined ? null : window.pwned"));
            // The graph view read its data attribute back intact (the escaping is undone by the browser, not doubled).
            browser.visible("#neighbourhood canvas");
            @SuppressWarnings("unchecked")
            var labels = (java.util.Map<String, Object>) browser.js("return JSON.parse(document.getElementById('neighbourhood').dataset.edges).labels");
            assertEquals(label, labels.get("https://w3id.org/virtkg/id/UiHostileLabel"));
            assertEquals(List.of(), browser.severeLogs());
        } finally {
            assertEquals(204, send("DELETE", "/api/products/UiHostileLabel", null));
        }
    }

    @Test
    void aProductPageFitsANarrowScreen() throws Exception {
        browser.emulateWidth(390);
        try {
            for (String page : new String[] {"/id/KVM", "/id/OpenStack"}) {
                browser.driver.get(server.base() + page);
                browser.visible("#neighbourhood canvas");
                Object overflow = browser.js("""
                        const w = document.documentElement.clientWidth;
                        if (document.documentElement.scrollWidth <= w) return '';
                        return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
                            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40)).join(' | ');""");
                browser.screenshot("product" + page.replace('/', '-') + "-390");
                assertEquals("", overflow, "no horizontal scrolling at 390 px on " + page);
                assertTrue(browser.driver.findElements(By.cssSelector("dd[data-basis]")).size() > 5);
            }
            assertEquals(List.of(), browser.severeLogs());
        } finally {
            browser.stopEmulating();
        }
    }
}
