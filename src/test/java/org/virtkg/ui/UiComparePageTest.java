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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** The compare page (#/compare?ids=…) in a real headless Chromium, over GET /api/compare on the shipped data. */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
class UiComparePageTest {
    static TestServer server;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared, UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = shared;
    }

    static void noConsoleErrors(String page) {
        assertEquals(List.of(), browser.severeLogs(), "console errors on " + page);
    }

    @Test
    void kvmAndXenSideBySideWithBasisSourcesAndTheNarrative() throws Exception {
        browser.driver.get(server.base() + "/#/compare?ids=KVM,Xen");
        browser.visible("#compare-table thead th[data-id=KVM]");
        assertEquals("Xen", browser.visible("#compare-table thead th[data-id=Xen]").getText());
        // Both columns hold Table 1's VMM type, stated, each with its source.
        WebElement row = browser.visible("#compare-table tr[data-property=vmmType]");
        // Rows are labelled as the field table (GET /api/fields) labels the fields.
        assertEquals("Hypervisor (VMM) type", row.findElement(By.cssSelector("th")).getText());
        assertEquals("Uses", browser.visible("#compare-table tr[data-property=uses] th").getText());
        for (String id : List.of("KVM", "Xen")) {
            WebElement cell = row.findElement(By.cssSelector("td[data-id=" + id + "]"));
            assertTrue(cell.getText().contains("type 1") || cell.getText().contains("Type 1"), id + ": " + cell.getText());
            assertEquals("stated", cell.findElement(By.cssSelector(".tag")).getText());
            cell.findElement(By.cssSelector("details summary")).click();
            List<String> sources = cell.findElements(By.cssSelector("details li.source")).stream().map(WebElement::getText).toList();
            assertTrue(sources.stream().anyMatch(text -> text.contains("Table 1")), id + "'s sources: " + sources);
        }
        // Inferred values are marked as such (KVM's platforms include some reached through the reasoner).
        assertTrue(!browser.driver.findElements(By.cssSelector("#compare-table .tag[data-basis=inferred]")).isEmpty(), "inferred values shown");
        // The paper's sentences naming both.
        List<WebElement> narrative = browser.driver.findElements(By.cssSelector("#compare-narrative li"));
        assertTrue(!narrative.isEmpty() && narrative.stream().allMatch(li -> li.getText().contains("KVM") && li.getText().contains("Xen")),
                "narrative comparisons name both");
        assertEquals(1L, ((Number) browser.js("return document.querySelectorAll('h1').length")).longValue());
        Object unlabelled = browser.js("""
                return [...document.querySelectorAll('input,select,textarea')]
                    .filter(e => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label'))
                    .map(e => e.id || e.name).join(', ');""");
        assertEquals("", unlabelled, "every form control has a label");
        browser.screenshot("compare-kvm-xen");
        noConsoleErrors("compare KVM,Xen");
    }

    @Test
    void aCommercialServiceAmongThePlatformsIsMarkedInWords() throws Exception {
        // Amazon EC2 (Table 1, a commercial service) among KVM's platforms says so; OpenNebula does not.
        browser.driver.get(server.base() + "/#/compare?ids=KVM,Xen");
        WebElement cell = browser.visible("#compare-table tr[data-property=platforms] td[data-id=KVM]");
        List<WebElement> marks = cell.findElements(By.cssSelector(".badge.commercial-service"));
        assertEquals(1, marks.size(), cell.getText());
        WebElement item = marks.get(0).findElement(By.xpath("./ancestor::li[1]"));
        assertTrue(item.getText().startsWith("Amazon EC2"), item.getText());
        assertEquals("commercial service", marks.get(0).getText());
        noConsoleErrors("compare");
    }

    @Test
    void aComparedPlatformNoLongerDevelopedIsSaidAboveTheTable() throws Exception {
        browser.driver.get(server.base() + "/#/compare?ids=OpenStack,Nimbus");
        browser.visible("#compare-table thead th[data-id=Nimbus]");
        String caution = browser.visible("p.caution").getText();
        assertTrue(caution.contains("Nimbus is discontinued (as of "), caution);
        browser.screenshot("compare-caution");
        noConsoleErrors("compare OpenStack,Nimbus");
    }

    /**
     * Every link of the table leads somewhere: the products' values to their pages, and a kind (a
     * class of the ontology, not a resource with a page of its own) to its entry on /ontology.
     */
    @Test
    void everyLinkInTheTableLeadsToAPage() throws Exception {
        browser.driver.get(server.base() + "/#/compare?ids=KVM,Xen");
        browser.visible("#compare-table tr[data-property=vmmType]");
        List<String> kinds = browser.driver.findElements(By.cssSelector("#compare-table tr[data-property=kinds] td a")).stream()
                .map(a -> a.getDomAttribute("href")).distinct().toList();
        assertTrue(kinds.contains("/ontology#Hypervisor"), "a kind links to its ontology entry: " + kinds);
        List<String> hrefs = browser.driver.findElements(By.cssSelector("#compare-table a[href]")).stream()
                .map(a -> a.getDomAttribute("href")).distinct().toList();
        assertTrue(hrefs.size() > 10, "links in the table: " + hrefs);
        for (String href : hrefs) {
            String page = href.replaceFirst("#.*$", "");
            var r = Fixtures.get(server.base() + page, "Accept", "text/html");
            assertEquals(200, r.statusCode(), href + " answers " + r.statusCode());
            if (href.startsWith("/ontology#"))
                assertTrue(r.body().contains("id=\"" + href.substring("/ontology#".length()) + "\""), href + ": the ontology page has its anchor");
        }
        noConsoleErrors("compare KVM,Xen links");
    }

    @Test
    void reachableFromAProductPageAndFromSearch() throws Exception {
        // A product page's "Compare with…" opens the page with the product, offering others of its kind.
        browser.driver.get(server.base() + "/id/OpenStack");
        browser.driver.findElement(By.cssSelector("a.compare-with")).click();
        WebElement add = browser.visible("#compare-add");
        assertTrue(browser.driver.findElement(By.id("compare-hint")).isDisplayed());
        new Select(add).selectByValue("CloudStack");
        browser.visible("#compare-table thead th[data-id=CloudStack]");
        assertTrue(browser.driver.findElement(By.cssSelector("#compare-table thead th[data-id=OpenStack]")).isDisplayed());
        noConsoleErrors("compare from a product page");
        // Search: tick two technologies and compare them.
        browser.driver.get(server.base() + "/#/");
        browser.visible("#search-results input.compare-pick[value=KVM]").click();
        WebElement compare = browser.visible("#compare-selected");
        assertTrue(!compare.isEnabled(), "one ticked product is not a comparison");
        browser.visible("#search-results input.compare-pick[value=LXC]").click();
        compare.click();
        browser.visible("#compare-table thead th[data-id=LXC]");
        assertTrue(browser.driver.getCurrentUrl().contains("#/compare?ids=KVM%2CLXC")
                || browser.driver.getCurrentUrl().contains("#/compare?ids=KVM,LXC"), browser.driver.getCurrentUrl());
        browser.screenshot("compare-from-search");
        noConsoleErrors("compare from search");
    }
}
