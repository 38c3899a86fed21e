package org.virtkg.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_READ_ONLY;
import static org.virtkg.testing.SharedServer.Config.SHIPPED_WRITABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.virtkg.api.Json;
import org.virtkg.testing.Fixtures;
import org.virtkg.testing.Locks;
import org.virtkg.testing.SharedServer;
import org.virtkg.testing.TestServer;

/**
 * The web UI in a real headless Chromium over the real server and shipped data: the shared server
 * that refuses every write, so what the pages show is exactly the shipped knowledge, and for the
 * tests that write (the product form, an edit, the live change log), the shared writable one, on
 * resources of this class's own, removed again.
 */
@ExtendWith(UiBrowserExtension.class)
@ResourceLock(Locks.CHROMIUM)
@ResourceLock(Locks.SHIPPED_WRITABLE)
class UiPagesTest {
    static TestServer server;
    static TestServer writable;
    static UiBrowser browser;

    @BeforeAll
    static void start(@SharedServer(SHIPPED_READ_ONLY) TestServer readOnly, @SharedServer(SHIPPED_WRITABLE) TestServer shared,
            UiBrowser sharedBrowser) {
        browser = sharedBrowser;
        server = readOnly;
        writable = shared;
    }

    static void open(String path) {
        browser.driver.get(server.base() + path);
    }

    static void openWritable(String path) {
        browser.driver.get(writable.base() + path);
    }

    /** Removes a product this class made on the writable server, if it is there (a failed test may not have made it). */
    static void removeProduct(String id) {
        if (Fixtures.get(writable.base() + "/api/products/" + id, "Accept", "application/json").statusCode() == 404) return;
        var r = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(writable.base() + "/api/products/" + id)).DELETE(),
                "Authorization", "Bearer " + Fixtures.EDITOR);
        assertEquals(204, r.statusCode(), r.body());
    }

    /** No severe console entries, except the browser's own network lines for responses the test provoked. */
    static void noConsoleErrors(String page, String... expectedFailedLoads) {
        List<String> severe = browser.severeLogs().stream()
                .filter(m -> java.util.Arrays.stream(expectedFailedLoads).noneMatch(x -> m.contains("Failed to load resource") && m.contains(x)))
                .toList();
        assertEquals(List.of(), severe, "console errors on " + page);
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws Exception {
        String[][] pages = {
                {"/#/", "#search-results .cards li", "home"},
                {"/#/matrix", "#matrix .cell", "matrix"},
                {"/#/features", "#features .cell", "features"},
                {"/#/select", "#selection-form input[type=checkbox]", "selection"},
                {"/#/ontology", "#class-tree button", "ontology"},
                {"/#/add", "#product-form #f-id", "add-product"},
                {"/#/changes", "#changes-rows tr", "changes"},
                {"/#/compare?ids=KVM,Xen", "#compare-table td", "compare"},
                {"/id/KVM", "#neighbourhood canvas", "product-kvm"},
                {"/id/OpenStack", "#neighbourhood canvas", "product-openstack"},
                {"/id/Linux", "h1", "term-linux"},
                {"/#/explain?s=XCP&p=rdf:type&o=vkg:IaaSPlatform", "ul.explain li", "explain"},
        };
        for (String[] p : pages) {
            open(p[0]);
            browser.visible(p[1]);
            assertTrue(browser.driver.findElements(By.cssSelector("main")).size() == 1, "one main landmark on " + p[0]);
            assertTrue(browser.driver.findElements(By.cssSelector("nav")).size() >= 1, "a nav landmark on " + p[0]);
            browser.settled();
            Object overflow = browser.js("""
                    const w = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= w) return '';
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                        && !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ');""");
            assertEquals("", overflow, "no horizontal scrolling on " + p[0]);
            Object unlabelled = browser.js("""
                    return [...document.querySelectorAll('input,select,textarea')]
                        .filter(e => e.type !== 'hidden' && !e.labels?.length && !e.getAttribute('aria-label'))
                        .map(e => e.id || e.name).join(', ');""");
            assertEquals("", unlabelled, "every form control has a label on " + p[0]);
            assertEquals(1L, ((Number) browser.js("return document.querySelectorAll('h1').length")).longValue(), "one h1 on " + p[0]);
            browser.screenshot(p[2]);
            noConsoleErrors(p[0]);
        }
    }

    /** A product's label as the API answers it. */
    static String productLabel(String id) {
        var r = Fixtures.get(writable.base() + "/api/products/" + id, "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return org.virtkg.testing.JsonAssert.assertJson(r).at("/label").textValue();
    }

    static String statusOf(String technology, String platform) {
        return browser.driver.findElement(By.cssSelector("#matrix [data-technology=" + technology + "][data-platform=" + platform + "]")).getAttribute("data-status");
    }

    @Test
    void theMatrixSwitchesBetweenThePaperAndThePresent() throws Exception {
        open("/#/matrix");
        browser.visible("#matrix [data-technology=Xen][data-platform=OpenStack]");
        // Everything, with disputes: the paper says OpenStack supports Xen, Nova's newest release has no Xen driver.
        assertEquals("disputed", statusOf("Xen", "OpenStack"));
        new org.openqa.selenium.support.ui.Select(browser.visible("#view")).selectByValue("paper");
        browser.wait.until(d -> "asserted".equals(statusOf("Xen", "OpenStack")));
        new org.openqa.selenium.support.ui.Select(browser.visible("#view")).selectByValue("current");
        browser.wait.until(d -> "unsupported".equals(statusOf("Xen", "OpenStack")));
        assertTrue(browser.driver.getCurrentUrl().contains("view=current"), "the view is in the address");
        browser.driver.findElement(By.cssSelector("#matrix [data-technology=Xen][data-platform=OpenStack]")).click();
        WebElement today = browser.visible("#cell-current");
        browser.wait.until(d -> today.getText().contains("2026.1"));
        assertTrue(today.getText().contains("train"), today.getText());
        browser.screenshot("matrix-current-view");
        noConsoleErrors("matrix views");
    }

    @Test
    void theFeatureMatrixExplainsAndSourcesEachCell() throws Exception {
        open("/#/features");
        WebElement lxc = browser.visible("#features [data-driver=libvirt-lxc][data-feature='operation.live-migrate']");
        assertEquals("unsupported", lxc.getAttribute("data-answer"));
        assertEquals("2023.1", browser.visible("#features [data-driver=hyperv][data-feature='operation.live-migrate']").getAttribute("data-until"));
        lxc.click();
        WebElement panel = browser.visible("#feature-panel");
        browser.wait.until(d -> panel.getText().contains("since train"));
        assertTrue(panel.findElement(By.cssSelector("a[href^='https://github.com/openstack/nova/blob/d5c64e7aba09052601b59bf1297187d85da6b90b/']")).isDisplayed(),
                "the cell's source, at the release's commit");
        // A partial cell: virtkg's summary of Nova's note, as the feature matrix gives it, with the link to the note.
        JsonNode partial = Json.MAPPER.readTree(Fixtures.get(server.base()
                + "/api/platforms/OpenStack/features?driver=libvirt-kvm-x86&feature=operation.boot-encrypted-vm").body()).at("/cells/0");
        assertEquals("partial", partial.get("answer").asText(), partial.toString());
        // By keyboard, as a user tabbing through the matrix would: the cell may sit under the sticky column headers.
        browser.visible("#features [data-driver=libvirt-kvm-x86][data-feature='operation.boot-encrypted-vm']").sendKeys(Keys.ENTER);
        browser.wait.until(d -> panel.getText().contains(partial.get("caveat").asText()));
        assertTrue(panel.findElement(By.cssSelector("a[href='" + partial.get("caveatSource").asText() + "']")).isDisplayed(), "the note's link");
        browser.screenshot("features");
        noConsoleErrors("features");
    }

    @Test
    void searchFindsProductsAndTerms() {
        open("/#/?q=open");
        WebElement results = browser.visible("#search-results");
        browser.wait.until(d -> results.getText().contains("OpenStack"));
        assertTrue(results.getText().contains("OpenNebula"), results.getText());
        results.findElement(By.linkText("OpenStack")).click();
        browser.wait.until(ExpectedConditions.urlContains("/id/OpenStack"));
        assertEquals("OpenStack", browser.visible("h1").getText());
        // An inferred fact's "why?" opens its derivation.
        browser.visible("a.why").click();
        browser.visible("ul.explain li");
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("inferred by"), "a rule is named");
        noConsoleErrors("search");
    }

    @Test
    void anExplanationEndsInTheJustificationOfItsAxioms() {
        // The "why?" of XCP's inferred type IaaS platform: the defined class's justification is shown with the derivation.
        open("/#/explain?s=XCP&p=rdf:type&o=vkg:IaaSPlatform");
        WebElement why = browser.visible("ul.justification li");
        assertTrue(why.getText().contains("vkg:IaaSPlatform") && why.getText().contains("Table 2"), why.getText());
        noConsoleErrors("explain-justification");
    }

    @Test
    void matrixCellShowsExplanationAndSources() throws Exception {
        open("/#/matrix");
        WebElement cell = browser.visible("#matrix [data-technology=KVM][data-platform=CloudStack]");
        assertEquals("asserted", cell.getAttribute("data-status"));
        assertTrue(cell.getAttribute("aria-label").contains("stated"), "status is in text, not only colour");
        cell.click();
        WebElement panel = browser.visible("#cell-panel");
        browser.wait.until(d -> panel.getText().contains("Why"));
        assertTrue(panel.getText().contains("KVM on CloudStack"), panel.getText());
        assertTrue(panel.getText().contains("Table 2"), "the paper's table cell is cited: " + panel.getText());

        // Keyboard: arrows move a single tab stop through the cells; Enter explains the focused one.
        WebElement first = browser.visible("#matrix .cell[tabindex='0']");
        browser.js("arguments[0].focus()", first);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        WebElement moved = browser.driver.switchTo().activeElement();
        assertEquals("0", moved.getAttribute("tabindex"), "the focused cell is the one tab stop");
        assertTrue(!moved.equals(first) && moved.getAttribute("class").contains("cell"), "focus moved to another cell");
        browser.js("arguments[0].focus()", browser.driver.findElement(By.cssSelector("#matrix [data-technology=KVM][data-platform=OpenStack]")));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.wait.until(d -> panel.getText().contains("KVM on OpenStack"));
        assertTrue(panel.getText().contains("stated"), panel.getText());
        assertFalse(first.getAttribute("aria-label").isEmpty());
        browser.screenshot("matrix-explained");

        int rows = browser.driver.findElements(By.cssSelector("#matrix tbody tr")).size();
        browser.visible("#hide-empty").click();
        long shown = browser.driver.findElements(By.cssSelector("#matrix tbody tr")).stream().filter(WebElement::isDisplayed).count();
        assertTrue(shown > 0 && shown < rows, "rows with nothing known are hidden: " + shown + " of " + rows);
        noConsoleErrors("matrix");
    }

    @Test
    void ontologyBrowserShowsDefinitionsAndInstances() throws Exception {
        open("/#/ontology");
        WebElement hv = browser.visible("#class-tree [data-class=Hypervisor]");
        assertTrue(hv.findElement(By.xpath("..")).getText().matches("(?s).*\\(\\d+\\).*"), "instance count shown");
        hv.click();
        WebElement detail = browser.visible("#class-detail");
        browser.wait.until(d -> detail.getText().contains("Instances") && !detail.findElements(By.linkText("KVM")).isEmpty());
        assertTrue(detail.getText().contains("vkg:Hypervisor"), detail.getText());
        browser.screenshot("ontology-hypervisor");
        noConsoleErrors("ontology");
    }

    /**
     * Every page at a phone's width, 390 CSS px (set as device metrics: headless Chromium keeps its
     * windows at least 500 px wide, so resizing the window would test 500). Nothing may stick out
     * sideways except inside a box that scrolls on its own ({@code .scroll}, the editor's results and
     * text).
     */
    @Test
    void everyPageFits390Pixels() throws Exception {
        String[][] pages = {
                {"/#/", "#search-results .cards li", "home"},
                {"/#/matrix", "#matrix .cell", "matrix"},
                {"/#/features", "#features .cell", "features"},
                {"/#/select", "#selection-form input[type=checkbox]", "selection"},
                {"/#/ontology", "#class-tree button", "ontology-browser"},
                {"/#/add", "#product-form #f-id", "add-product"},
                {"/#/changes", "#changes-rows tr", "changes"},
                {"/#/compare?ids=KVM,Xen", "#compare-table td", "compare"},
                {"/#/explain?s=XCP&p=rdf:type&o=vkg:IaaSPlatform", "ul.explain li", "explain"},
                {"/id/KVM", "#neighbourhood canvas", "product-kvm"},
                {"/id/OpenStack", "#neighbourhood canvas", "product-openstack"},
                {"/id/Linux", "h1", "term-linux"},
                {"/id/KVMM", "main a[href='/id/KVM']", "error-404"},
                {"/ontology", "svg.diagram", "ontology-doc"},
                {"/ontology/cite", "main pre", "ontology-cite"},
                {"/sparql", ".yasqe .CodeMirror", "sparql-editor"},
        };
        try {
            browser.emulateWidth(390);
            for (String[] p : pages) {
                open(p[0]);
                browser.visible(p[1]);
                Object width = browser.js("return window.innerWidth");
                assertEquals(390L, ((Number) width).longValue(), "laid out 390 px wide: " + p[0]);
                Object overflow = browser.js("""
                        const w = document.documentElement.clientWidth;
                        if (document.documentElement.scrollWidth <= w) return '';
                        return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                            && !e.parentElement?.closest('.scroll, .yasr_results, .CodeMirror')).slice(0, 5)
                            .map(e => e.tagName + '.' + e.className + '#' + e.id).join(', ') || 'the page scrolls sideways';""");
                browser.screenshot("390-" + p[2]);
                assertEquals("", overflow, "no horizontal scrolling at 390 px on " + p[0]);
            }
        } finally {
            browser.stopEmulating();
        }
        noConsoleErrors("390 px", "/id/KVMM");
    }

    @Test
    void selectionWizardRanksCandidatesWithReasons() throws Exception {
        open("/#/select");
        browser.visible("#sel-guestOS-Windows").click();
        browser.visible("#sel-deploymentModel-Hybrid").click();
        browser.visible("#selection-form button[type=submit]").click();
        WebElement out = browser.visible("#selection-results ol.results");
        browser.wait.until(d -> out.findElements(By.cssSelector("li.candidate")).size() > 0);
        String first = out.findElement(By.cssSelector("li.candidate")).getText();
        assertTrue(first.contains("2 satisfied"), first);
        assertTrue(first.contains("satisfied"), first);
        assertTrue(out.getText().contains("unknown") || out.getText().contains("violated"), "not every pair satisfies everything");
        browser.screenshot("selection-results");
        // Why a requirement's verdict is disputed is in the page (a tooltip no touch screen shows), and how a score is made.
        WebElement eucalyptus = out.findElements(By.cssSelector("li.candidate")).stream()
                .filter(li -> li.getText().startsWith("Eucalyptus + ")).findFirst().orElseThrow(() -> new AssertionError("no Eucalyptus pair: " + out.getText()));
        String why = eucalyptus.findElement(By.cssSelector(".dispute-note")).getText();
        assertTrue(why.startsWith("Disputed: ") && why.length() > "Disputed: ".length() + 20, why);
        assertTrue(browser.visible("#selection-scoring").getText().contains("below 0"), "the score is explained");
        // A Windows guest as a must leaves out LXC and OpenVZ (Linux-only host and guest) and says so.
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("weight-guestOS"))).selectByValue("must");
        browser.visible("#selection-form button[type=submit]").click();
        WebElement note = browser.visible("#selection-excluded");
        assertTrue(note.getText().contains("left out"), note.getText());
        assertTrue(browser.visible("#selection-sensitivity").getText().startsWith("Top choice:"));
        String all = browser.visible("#selection-results ol.results").getText();
        assertFalse(all.contains("LXC") || all.contains("OpenVZ"), all);
        // Today's view: the newest source wins, so OpenStack + Xen (no Xen driver in Nova 2026.1) is left out and counted.
        new org.openqa.selenium.support.ui.Select(browser.visible("#sel-view")).selectByValue("current");
        browser.visible("#selection-form button[type=submit]").click();
        WebElement byView = browser.visible("#selection-view");
        assertTrue(byView.getText().contains("newest source"), byView.getText());
        String today = browser.visible("#selection-results ol.results").getText();
        assertFalse(today.contains("OpenStack + Xen"), today);
        // A pair on a platform no longer developed says so where it is ranked, with its source's date.
        WebElement nimbus = browser.driver.findElements(By.cssSelector("#selection-results li.candidate")).stream()
                .filter(li -> li.getText().startsWith("Nimbus + ")).findFirst().orElseThrow(() -> new AssertionError("no Nimbus pair: " + today));
        String caution = nimbus.findElement(By.cssSelector(".caution")).getText();
        assertTrue(caution.contains("Nimbus is discontinued (as of "), caution);
        // ... and, where only the paper states the pair, that today's view rests on its word alone.
        String alone = nimbus.findElement(By.cssSelector(".paper-alone")).getText();
        assertTrue(alone.startsWith("Only the paper states this"), alone);
        browser.js("arguments[0].scrollIntoView()", nimbus);
        browser.screenshot("selection-caution");
        noConsoleErrors("selection");
    }

    @Test
    void commercialServicesAreLeftOutUntilTheCheckboxBringsThemBack() throws Exception {
        // The matrix: open-source platforms only, saying what it left out.
        open("/#/matrix");
        browser.visible("#matrix [data-technology=KVM][data-platform=OpenStack]");
        assertTrue(browser.driver.findElements(By.cssSelector("#matrix [data-platform=AmazonEC2]")).isEmpty(), "no Amazon EC2 column by default");
        assertTrue(browser.visible("#matrix-excluded").getText().contains("Amazon EC2"), "the page names what it left out");
        browser.visible("#include-services").click();
        WebElement ec2 = browser.visible("#matrix [data-technology=KVM][data-platform=AmazonEC2]");
        assertEquals("asserted", ec2.getAttribute("data-status"), "Table 1: KVM on Amazon EC2");
        assertTrue(browser.driver.getCurrentUrl().contains("include=services"), "the choice is in the address");
        assertTrue(browser.driver.findElement(By.id("include-services")).isSelected());
        assertTrue(browser.driver.findElements(By.id("matrix-excluded")).isEmpty());
        // Brought back, a service's column says what it is in words, as /id/{name} does; an open-source one does not.
        assertEquals("commercial service", browser.visible("#matrix th[data-column=AmazonEC2] .badge.commercial-service").getText());
        assertTrue(browser.driver.findElements(By.cssSelector("#matrix th[data-column=OpenStack] .badge")).isEmpty());
        assertTrue(ec2.getAttribute("aria-label").contains("Amazon EC2 (commercial service)"), ec2.getAttribute("aria-label"));
        browser.screenshot("matrix-with-services");
        // So does the compatibility answer of its cell.
        ec2.click();
        assertEquals("commercial service", browser.visible("#cell-products .badge.commercial-service").getText());
        browser.driver.findElement(By.cssSelector("#matrix [data-technology=KVM][data-platform=OpenStack]")).click();
        browser.wait.until(d -> d.findElement(By.id("cell-panel")).getText().contains("KVM on OpenStack"));
        assertTrue(browser.visible("#cell-products").findElements(By.cssSelector(".badge")).isEmpty());

        // The wizard: the same default and the same checkbox.
        open("/#/select");
        browser.visible("#selection-form button[type=submit]").click();
        WebElement out = browser.visible("#selection-results ol.results");
        assertTrue(browser.visible("#selection-services").getText().contains("commercial services"));
        assertFalse(out.getText().contains("Amazon EC2"), out.getText());
        assertTrue(out.findElements(By.cssSelector(".badge.commercial-service")).isEmpty(), "no pair is on a service");
        browser.visible("#sel-include-services").click();
        browser.visible("#selection-form button[type=submit]").click();
        browser.wait.until(d -> d.findElement(By.id("selection-results")).getText().contains("Amazon EC2"));
        assertTrue(browser.driver.findElements(By.id("selection-services")).isEmpty());
        // Each pair on Amazon EC2 says it is a commercial service, beside the platform; no other pair does.
        for (WebElement pair : browser.driver.findElements(By.cssSelector("#selection-results li.candidate"))) {
            List<WebElement> marks = pair.findElements(By.cssSelector("strong .badge.commercial-service"));
            String text = pair.getText();
            if (text.startsWith("Amazon EC2")) {
                assertEquals(1, marks.size(), text);
                assertTrue(text.startsWith("Amazon EC2 commercial service + "), text);
            } else {
                assertTrue(marks.isEmpty(), text);
            }
        }
        noConsoleErrors("commercial services");
    }

    @Test
    void editorAddsAProductAndInvalidOnesShowInlineErrors() throws Exception {
        try {
            addAProductThroughTheForm();
        } finally {
            removeProduct("UiFirecracker");
        }
    }

    private static void addAProductThroughTheForm() throws Exception {
        openWritable("/#/add");
        // Without a valid token: inline error next to the token field.
        browser.visible("#f-token").sendKeys("wrong-token");
        browser.visible("#f-id").sendKeys("UiFirecracker");
        browser.visible("#f-label").sendKeys("Firecracker");
        browser.visible("#product-form button[type=submit]").click();
        browser.wait.until(d -> !d.findElement(By.id("err-token")).getText().isEmpty());
        assertEquals("true", browser.driver.findElement(By.id("f-token")).getAttribute("aria-invalid"));

        // A valid token but an unknown host OS id: 422 report shown next to the field.
        WebElement token = browser.driver.findElement(By.id("f-token"));
        token.clear();
        token.sendKeys(Fixtures.EDITOR);
        browser.visible("#f-hostOS").sendKeys("Linx");
        browser.visible("#product-form button[type=submit]").click();
        browser.wait.until(d -> !d.findElement(By.id("err-hostOS")).getText().isEmpty());
        String err = browser.driver.findElement(By.id("err-hostOS")).getText();
        assertTrue(err.contains("Linx") && err.contains("Linux"), "unknown id with a suggestion: " + err);
        assertTrue(browser.driver.findElement(By.id("err-token")).getText().isEmpty(), "the token error is cleared");
        browser.screenshot("add-product-invalid");

        WebElement host = browser.driver.findElement(By.id("f-hostOS"));
        host.clear();
        host.sendKeys("Linux");
        browser.visible("#f-basedOn").sendKeys("KVM");
        browser.visible("#f-platforms").sendKeys("OpenNebula");
        browser.visible("#product-form button[type=submit]").click();
        String created = browser.visible("#created-link").getAttribute("href");
        // The same id again: 409, shown next to the id.
        browser.visible("#product-form button[type=submit]").click();
        browser.wait.until(d -> !d.findElement(By.id("err-id")).getText().isEmpty());
        assertEquals("true", browser.driver.findElement(By.id("f-id")).getAttribute("aria-invalid"));
        // A platform shows platform fields, not technology ones.
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("f-kind"))).selectByValue("CloudPlatform");
        assertFalse(browser.driver.findElement(By.id("f-hostOS")).isDisplayed());
        assertTrue(browser.driver.findElement(By.id("f-hypervisors")).isDisplayed());
        // The form's facts are the server's field table (GET /api/fields): every writable field, labelled as it says.
        for (JsonNode f : Json.MAPPER.readTree(Fixtures.get(writable.base() + "/api/fields").body()).get("fields")) {
            List<WebElement> input = browser.driver.findElements(By.id("f-" + f.get("name").asText()));
            assertEquals(f.get("writable").asBoolean() ? 1 : 0, input.size(), f.toString());
            if (!input.isEmpty() && input.getFirst().isDisplayed())
                assertEquals(f.get("label").asText(), browser.driver.findElement(By.cssSelector("label[for=f-" + f.get("name").asText() + "]")).getText());
        }
        assertTrue(browser.driver.findElement(By.id("f-lacksFeatures")).isDisplayed(), "a field of both kinds is shown for a platform");
        browser.driver.get(created);
        browser.wait.until(ExpectedConditions.urlContains("/id/UiFirecracker"));
        assertEquals("Firecracker", browser.visible("h1").getText());
        String page = browser.driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("OpenNebula") && page.contains("KVM"), page);
        browser.screenshot("product-firecracker");
        noConsoleErrors("add product", "status of 401", "status of 422", "status of 409");
    }

    @Test
    void anEditSendsTheETagItReadAndIsNeverOverwrittenSilently() throws Exception {
        try {
            editAProductSomeoneElseChanged();
        } finally {
            removeProduct("Cloudhv");
        }
    }

    /** The matrix's explanation of a disputed cell says who filed the dispute and when, not only what it says. */
    @Test
    void aCellsDisputeSaysWhoFiledIt() throws Exception {
        var filed = Fixtures.post(writable.base() + "/api/claims", """
                {"kind": "dispute", "subject": "Eucalyptus", "property": "supports", "object": "KVM",
                 "source": "https://example.org/euca-kvm", "note": "Eucalyptus's KVM support is unmaintained"}""",
                "Content-Type", "application/json", "Authorization", "Bearer " + Fixtures.EDITOR);
        assertEquals(201, filed.statusCode(), filed.body());
        JsonNode dispute = Json.MAPPER.readTree(filed.body());
        try {
            openWritable("/#/matrix");
            browser.visible("#matrix [data-technology=KVM][data-platform=Eucalyptus]").click();
            browser.wait.until(d -> d.findElements(By.cssSelector("ul.notes li.note-dispute")).stream()
                    .anyMatch(li -> li.getText().contains("Eucalyptus's KVM support is unmaintained")));
            String text = browser.driver.findElement(By.cssSelector("ul.notes li.note-dispute")).getText();
            assertTrue(text.contains("filed by " + dispute.get("by").asText() + " on " + dispute.get("created").asText().substring(0, 10)), text);
            assertTrue(browser.driver.findElement(By.cssSelector("ul.notes li.note-dispute a[href='https://example.org/euca-kvm']")).isDisplayed(),
                    "the document the dispute cites, as a link");
            browser.screenshot("matrix-dispute-filed-by");
            noConsoleErrors("matrix dispute");
        } finally {
            Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(writable.base() + "/api/claims/" + dispute.get("id").asText())).DELETE(),
                    "Authorization", "Bearer " + Fixtures.EDITOR);
        }
    }

    /** A kind an admin added through /api/terms is offered by the form, and a product of that kind is edited with it. */
    @Test
    void theFormOffersKindsAddedAsTerms() throws Exception {
        String term = "@prefix vkg: <https://w3id.org/virtkg/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> ."
                + " @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
                + " vkg:NanoVM a owl:Class ; rdfs:subClassOf vkg:Hypervisor ; rdfs:label \"NanoVM monitor\" ; rdfs:comment \"A tiny VMM.\" .";
        var put = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(writable.base() + "/api/terms/nanovm"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(term)), "Content-Type", "text/turtle", "Authorization", "Bearer " + Fixtures.ADMIN);
        assertEquals(201, put.statusCode(), put.body());
        try {
            var created = Fixtures.post(writable.base() + "/api/products", "{\"kind\": \"NanoVM\", \"id\": \"Nano1\", \"label\": \"Nano 1\", \"hostOS\": [\"Linux\"]}",
                    "Content-Type", "application/json", "Authorization", "Bearer " + Fixtures.EDITOR);
            assertEquals(201, created.statusCode(), created.body());
            openWritable("/#/edit?id=Nano1");
            browser.wait.until(d -> "Nano 1".equals(d.findElement(By.id("f-label")).getAttribute("value")));
            assertEquals("NanoVM", browser.driver.findElement(By.id("f-kind")).getAttribute("value"), "the product's own kind is selected");
            assertTrue(browser.driver.findElement(By.id("f-hostOS")).isDisplayed(), "a NanoVM is a technology: its fields are shown");
        } finally {
            removeProduct("Nano1");
            Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(writable.base() + "/api/terms/nanovm")).DELETE(),
                    "Authorization", "Bearer " + Fixtures.ADMIN);
        }
    }

    private static void editAProductSomeoneElseChanged() throws Exception {
        String product = "{\"kind\": \"Hypervisor\", \"id\": \"Cloudhv\", \"label\": \"Cloud Hypervisor\", \"hostOS\": [\"Linux\"]}";
        var created = Fixtures.post(writable.base() + "/api/products", product, "Content-Type", "application/json",
                "Authorization", "Bearer " + Fixtures.EDITOR);
        assertEquals(201, created.statusCode(), created.body());
        openWritable("/#/edit?id=Cloudhv");
        WebElement label = browser.visible("#f-label");
        assertEquals("Cloud Hypervisor", label.getAttribute("value"), "the form is filled from the product");
        assertEquals("Linux", browser.driver.findElement(By.id("f-hostOS")).getAttribute("value"));
        // Someone else changes it meanwhile (through the API).
        var other = Fixtures.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(writable.base() + "/api/products/Cloudhv"))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(product.replace("Cloud Hypervisor", "Cloud Hypervisor (other)"))),
                "Content-Type", "application/json", "Authorization", "Bearer " + Fixtures.EDITOR);
        assertEquals(200, other.statusCode(), other.body());
        browser.visible("#f-token").sendKeys(Fixtures.EDITOR);
        label.clear();
        label.sendKeys("Cloud Hypervisor (mine)");
        browser.visible("#product-form button[type=submit]").click();
        String alert = browser.visible("#error-summary").getText();
        assertTrue(alert.contains("someone changed this product"), alert);
        assertEquals("Cloud Hypervisor (other)", productLabel("Cloudhv"), "the other edit stands");
        browser.screenshot("edit-conflict");
        // Reload, edit again: saved.
        browser.visible("#reload-link").click();
        browser.wait.until(d -> d.findElement(By.id("f-label")).getAttribute("value").contains("(other)"));
        WebElement fresh = browser.driver.findElement(By.id("f-label"));
        fresh.clear();
        fresh.sendKeys("Cloud Hypervisor (mine)");
        assertEquals(Fixtures.EDITOR, browser.visible("#f-token").getAttribute("value"), "the token is kept for the tab");
        browser.visible("#product-form button[type=submit]").click();
        browser.visible("#created");
        assertEquals("Cloud Hypervisor (mine)", productLabel("Cloudhv"));
        noConsoleErrors("edit product", "status of 412");
    }

    @Test
    void theChangesPageShowsNewChangesAsTheyHappen() throws Exception {
        // The shipped knowledge as its own change: on the server nobody writes to, whose log holds nothing else.
        open("/#/changes");
        browser.visible("#changes-rows tr");
        String rows = browser.driver.findElement(By.id("changes-rows")).getText();
        assertTrue(rows.contains("sync"), "the shipped data is a change of its own kind: " + rows);
        // A change made while the page is open, on the server that takes writes.
        openWritable("/#/changes");
        browser.visible("#changes-rows tr");
        browser.wait.until(d -> d.findElement(By.id("changes-live")).getText().startsWith("Live"));
        String note = "GRAPH <https://w3id.org/virtkg/graph/user/ui-notes> { "
                + "<https://w3id.org/virtkg/id/KVM> <http://www.w3.org/2000/01/rdf-schema#comment> \"seen live\" } }";
        var r = Fixtures.post(writable.base() + "/update", "INSERT DATA { " + note,
                "Content-Type", "application/sparql-update", "Authorization", "Bearer " + Fixtures.ADMIN);
        assertEquals(204, r.statusCode(), r.body());
        try {
            browser.wait.until(d -> d.findElement(By.cssSelector("#changes-rows tr")).getText().contains("sparql-update"));
            browser.screenshot("changes-live");
            noConsoleErrors("changes");
        } finally {
            var removed = Fixtures.post(writable.base() + "/update", "DELETE DATA { " + note,
                    "Content-Type", "application/sparql-update", "Authorization", "Bearer " + Fixtures.ADMIN);
            assertEquals(204, removed.statusCode(), removed.body());
        }
    }

    @Test
    void theApiDocsRunUnderTheContentSecurityPolicy() throws Exception {
        open("/docs");
        browser.visible(".swagger-ui .info");
        browser.visible(".swagger-ui .opblock");
        browser.screenshot("api-docs");
        noConsoleErrors("/docs");
    }
}
