package org.virtkg.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Sleeper;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the OS ({@code /usr/bin/chromium} + {@code /usr/bin/chromedriver}), never
 * downloaded: Selenium Manager is bypassed by naming both binaries. Without them the UI tests skip,
 * except under {@code CI=true}, where they fail.
 *
 * <p>One browser serves every UI class of a test JVM ({@link UiBrowserExtension}): starting one costs
 * about a second of wall time and two of CPU, and the classes would start seven. Each class gets it
 * as a new browser would be for its servers (see {@link #freshStart()}).
 */
final class UiBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("virtkg.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("virtkg.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("virtkg.projectDir", ".")).resolve("target/screenshots");

    /** How long a test waits for what it expects a page to show. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * The pauses between a wait's checks: short at first, since most of what a test waits for (a
     * page's fetches rendered) arrives within a few hundred milliseconds, then longer, since every
     * check costs the browser and the test JVM work. Selenium's default, a fixed 500 ms, made most
     * waits last half a second longer than the page took.
     */
    private static final long[] PAUSES_MS = {20, 40, 80, 150};

    final ChromeDriver driver;
    /** Waits up to {@link #WAIT} on this browser. */
    final WebDriverWait wait;
    private final Path profile;
    /** Every origin the browser asked anything of: whose stored data {@link #freshStart()} clears. */
    private final Set<String> origins = new LinkedHashSet<>();
    /** URLs asked for since the last {@link #requestedUrls()}. */
    private final List<String> requested = new ArrayList<>();
    /** Requests not finished yet: DevTools request id → the loader (document) they belong to. */
    private final Map<String, String> pending = new HashMap<>();
    /** The loader of the main frame's current document. */
    private String document = "";

    private UiBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        Backoff backoff = new Backoff();
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(PAUSES_MS[PAUSES_MS.length - 1]), Clock.systemDefaultZone(), backoff) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                backoff.reset();
                return super.until(condition);
            }
        };
    }

    /** Sleeps {@link #PAUSES_MS} in turn, from the first again for each wait. */
    private static final class Backoff implements Sleeper {
        private int pauses;

        void reset() {
            pauses = 0;
        }

        @Override
        public void sleep(Duration ignored) throws InterruptedException {
            Thread.sleep(PAUSES_MS[Math.min(pauses++, PAUSES_MS.length - 1)]);
        }
    }

    /**
     * The element {@code css} selects, once it is visible (Selenium's own test of visibility decides);
     * on a timeout the page is saved as a screenshot for the report (the timeout itself is the
     * failure reported). While it is not there yet, the page itself watches for it, so the test
     * learns within a few milliseconds that it came, without polling the browser.
     */
    WebElement visible(String css) {
        var condition = ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css));
        Instant end = Instant.now().plus(WAIT);
        try {
            WebElement now = shownNow(condition);
            if (now != null) return now;
            awaitInPage(css, end);
            Duration left = Duration.between(Instant.now(), end);
            return new WebDriverWait(driver, left.isNegative() ? Duration.ZERO : left, Duration.ofMillis(50)).until(condition);
        } catch (TimeoutException e) {
            try {
                screenshot("failed-waiting-for-" + css.replaceAll("[^A-Za-z0-9]+", "_"));
            } catch (Exception ignored) {
                // the timeout is the failure worth reporting
            }
            throw e;
        }
    }

    private WebElement shownNow(Function<WebDriver, WebElement> condition) {
        try {
            return condition.apply(driver);
        } catch (NotFoundException | StaleElementReferenceException e) {
            return null;
        }
    }

    /**
     * Returns once the page holds an element {@code css} selects that is not hidden, or at
     * {@code end}. A document that unloads meanwhile ends the script with an error: the next
     * document is watched instead.
     */
    private void awaitInPage(String css, Instant end) {
        while (Instant.now().isBefore(end)) {
            try {
                driver.executeAsyncScript("""
                        const [css, ms, done] = arguments;
                        const until = Date.now() + ms;
                        const check = () => {
                          const e = document.querySelector(css);
                          if ((e && e.checkVisibility({opacityProperty: true, visibilityProperty: true})) || Date.now() > until) done(null);
                          else setTimeout(check, 10);
                        };
                        check();""", css, Duration.between(Instant.now(), end).toMillis());
                return;
            } catch (TimeoutException e) {
                return;
            } catch (WebDriverException e) {
                // the document went away (a navigation) or was not ready for scripts: watch the next one
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Waits until the page has finished what it started: the document loaded, every request of it
     * answered (a live event stream aside) and two frames drawn since, so that what the requests
     * brought is laid out.
     */
    void settled() {
        wait.until(d -> {
            drainNetworkLog();
            return "complete".equals(js("return document.readyState")) && pending.values().stream().noneMatch(document::equals);
        });
        driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));");
    }

    /** Fails (under CI=true) or skips the calling class when Chromium or chromedriver is missing. */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER + "); install chromium and chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why + " — UI tests must run under CI=true");
            System.err.println("[virtkg] UI browser tests skipped: " + why + " to run them (CI=true makes this a failure)");
            Assumptions.abort(why + " to run the browser tests");
        }
    }

    /** Starts a browser (after {@link #requireChromium()}). */
    static UiBrowser start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("virtkg-chromium-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        // Chromium's DevTools network events, read by requestedUrls() and settled().
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        // Longer than any wait, so that awaitInPage's script ends by itself.
        d.manage().timeouts().scriptTimeout(WAIT.plusSeconds(10));
        return new UiBrowser(d, profile);
    }

    /** True while the browser still answers. */
    boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    /**
     * The browser as a class that started its own would find it: one new tab (no history, no
     * sessionStorage, no device metrics emulated, blank), no cookies or stored data of any origin
     * visited before, no log lines left over. Only the HTTP cache stays: the server's static files
     * are {@code no-cache}, so each use asks the server again anyway.
     */
    void freshStart() {
        String tab = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String other : driver.getWindowHandles()) {
            if (other.equals(tab)) continue;
            driver.switchTo().window(other).close();
        }
        driver.switchTo().window(tab);
        drainNetworkLog();
        for (String origin : origins)
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        severeLogs();
        requested.clear();
        pending.clear();
        document = "";
    }

    /** Leaves the page, so that nothing of it (a live feed, a drawing) runs on while the browser waits for the next class. */
    void idle() {
        driver.get("about:blank");
    }

    /** Severe browser console entries since the last call (uncaught errors, failed loads, console.error). */
    List<String> severeLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * Every URL the browser asked for since the last call (DevTools' {@code Network.requestWillBeSent}
     * events of the performance log): page loads, scripts, styles, images, fetches, whether or not
     * they succeeded. A load the Content-Security-Policy refuses is never requested; it shows up in
     * {@link #severeLogs()} instead.
     */
    List<String> requestedUrls() {
        drainNetworkLog();
        List<String> urls = List.copyOf(requested);
        requested.clear();
        return urls;
    }

    /** Reads the performance log's new entries into {@link #requested}, {@link #pending} and {@link #origins}. */
    private void drainNetworkLog() {
        try {
            for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
                var message = org.virtkg.api.Json.MAPPER.readTree(e.getMessage()).path("message");
                var params = message.path("params");
                switch (message.path("method").asText()) {
                    case "Network.requestWillBeSent" -> {
                        String url = params.at("/request/url").asText();
                        requested.add(url);
                        if (url.startsWith("http:") || url.startsWith("https:")) {
                            java.net.URI uri = java.net.URI.create(url);
                            origins.add(uri.getScheme() + "://" + uri.getAuthority());
                            // A live event stream is never finished while the page shows it.
                            if (!params.path("type").asText().equals("EventSource"))
                                pending.put(params.path("requestId").asText(), params.path("loaderId").asText());
                        }
                    }
                    case "Network.loadingFinished", "Network.loadingFailed" -> pending.remove(params.path("requestId").asText());
                    case "Page.frameNavigated" -> {
                        if (params.at("/frame/parentId").isMissingNode()) document = params.at("/frame/loaderId").asText();
                    }
                    default -> {
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable DevTools log entry", e);
        }
    }

    /**
     * Lays pages out for a screen {@code width} CSS pixels wide (a phone: 390). Resizing the window
     * does not do it: headless Chromium keeps windows at least 500 pixels wide.
     */
    void emulateWidth(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Back to the window's own size. */
    void stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            org.virtkg.testing.Fixtures.deleteTree(profile);
        }
    }
}
