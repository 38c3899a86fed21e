package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** Errors of pages in a real headless Chromium: a page in the site's shell whose suggestions are links that work. */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
class UiErrorPagesTest {
    static TestServer server;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared, UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = shared;
    }

    /** Severe console lines other than the browser's own note that the page itself came with a 4xx. */
    static List<String> consoleErrors() {
        return browser.severeLogs().stream().filter(m -> !(m.contains("Failed to load resource") && m.contains("status of 4"))).toList();
    }

    @Test
    void aMistypedResourceNameOffersItsSuggestionsAsLinks() throws Exception {
        browser.driver.get(server.base() + "/id/KVMM");
        var h1 = browser.visible("h1");
        assertEquals("No resource called \u201cKVMM\u201d", h1.getText());
        assertEquals(1, browser.driver.findElements(By.cssSelector("header.top nav")).size(), "the site's navigation");
        // Narrow screens: nothing sticks out.
        browser.emulateWidth(390);
        assertEquals(Boolean.TRUE, browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        browser.screenshot("error-404-id-390");
        browser.stopEmulating();

        browser.driver.findElement(By.linkText("KVM")).click();
        browser.wait.until(ExpectedConditions.urlToBe(server.base() + "/id/KVM"));
        assertEquals("KVM", browser.visible("h1").getText());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void anAddressNobodyServesIsAPageWithTheWayBack() throws Exception {
        browser.driver.get(server.base() + "/no/such/page");
        assertEquals("Nothing at this address", browser.visible("h1").getText());
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("404"));
        browser.driver.findElement(By.cssSelector("main a[href='/ontology']")).click();
        browser.wait.until(ExpectedConditions.urlToBe(server.base() + "/ontology"));
        assertEquals(List.of(), consoleErrors());
    }
}
