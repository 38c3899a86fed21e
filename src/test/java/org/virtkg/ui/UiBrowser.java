package org.virtkg.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the OS ({@code /usr/bin/chromium} + {@code /usr/bin/chromedriver}), never
 * downloaded: Selenium Manager is bypassed by naming both binaries. Without them the UI tests skip,
 * except under {@code CI=true}, where they fail.
 */
final class UiBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("virtkg.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("virtkg.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("virtkg.projectDir", ".")).resolve("target/screenshots");

    /** How long a test waits for what it expects a page to show. */
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    /** Waits up to {@link #WAIT} on this browser. */
    final WebDriverWait wait;
    private final Path profile;

    private UiBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        this.profile = profile;
    }

    /**
     * The element {@code css} selects, once it is visible; on a timeout the page is saved as a
     * screenshot for the report (the timeout itself is the failure reported).
     */
    WebElement visible(String css) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("failed-waiting-for-" + css.replaceAll("[^A-Za-z0-9]+", "_"));
            } catch (Exception ignored) {
                // the timeout is the failure worth reporting
            }
            throw e;
        }
    }

    /** Starts a browser, or skips (fails under CI=true) when Chromium or chromedriver is missing. */
    static UiBrowser start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER + "); install chromium and chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why + " — UI tests must run under CI=true");
            System.err.println("[virtkg] UI browser tests skipped: " + why + " to run them (CI=true makes this a failure)");
            Assumptions.abort(why + " to run the browser tests");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("virtkg-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        // Chromium's DevTools network events, read by requestedUrls().
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new UiBrowser(d, profile);
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
    List<String> requestedUrls() throws Exception {
        List<String> urls = new java.util.ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            var message = org.virtkg.api.Json.MAPPER.readTree(e.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent"))
                urls.add(message.at("/params/request/url").asText());
        }
        return urls;
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
