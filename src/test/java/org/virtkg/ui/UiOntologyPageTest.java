package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/** /ontology and /ontology/cite in a real headless Chromium: the diagram is drawn, links work, nothing logs an error. */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class UiOntologyPageTest {
    static TestServer server;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer shared, UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = shared;
    }

    @Test
    void theDocumentationRendersItsDiagramWithoutConsoleErrors() throws Exception {
        browser.driver.get(server.base() + "/ontology");
        browser.visible("svg.diagram");
        // Drawn: the SVG has a size, and each class node and property arc has a rendered box.
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.js("""
                const svg = document.querySelector('svg.diagram');
                const box = svg.getBoundingClientRect();
                const nodes = [...svg.querySelectorAll('g.node')];
                const arcs = [...svg.querySelectorAll('g.property path')];
                return {width: box.width, height: box.height, nodes: nodes.length,
                  sized: nodes.filter(n => n.getBBox().width > 20 && n.getBBox().height > 10).length,
                  arcs: arcs.length, arcsSized: arcs.filter(a => a.getTotalLength() > 10).length,
                  classes: [...document.querySelectorAll('section.term')].filter(s => s.querySelector('h3 .tag').textContent === 'Class')
                    .filter(s => s.querySelector('code').textContent.startsWith('https://w3id.org/virtkg/ontology#')).length};""");
        System.out.println("[ui] /ontology diagram: " + drawn);
        assertTrue(((Number) drawn.get("width")).doubleValue() > 300 && ((Number) drawn.get("height")).doubleValue() > 300, drawn.toString());
        assertEquals(((Number) drawn.get("classes")).longValue(), ((Number) drawn.get("nodes")).longValue(), "a node per vkg: class");
        assertEquals(drawn.get("nodes"), drawn.get("sized"), "every node is drawn");
        assertTrue(((Number) drawn.get("arcs")).longValue() > 5, drawn.toString());
        assertEquals(drawn.get("arcs"), drawn.get("arcsSized"), "every arc is drawn");
        assertEquals(1L, ((Number) browser.js("return document.querySelectorAll('h1').length")).longValue());
        browser.screenshot("ontology");
        browser.js("document.querySelector('svg.diagram').scrollIntoView()");
        browser.screenshot("ontology-diagram");
        assertEquals(List.of(), browser.severeLogs(), "console errors on /ontology");

        // A class in the diagram leads to its documentation on the same page (/ontology#Hypervisor).
        browser.driver.findElement(By.cssSelector("svg.diagram g.node[data-term='Hypervisor']")).click();
        browser.wait.until(ExpectedConditions.urlContains("/ontology#Hypervisor"));
        assertTrue(browser.driver.findElement(By.id("Hypervisor")).getText().contains("Subclasses"));
        browser.driver.findElement(By.cssSelector("a[href='/ontology/cite']")).click();
        browser.wait.until(ExpectedConditions.urlContains("/ontology/cite"));
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("@misc{"));
        browser.screenshot("ontology-cite");
        assertEquals(List.of(), browser.severeLogs(), "console errors on /ontology/cite");
    }
}
