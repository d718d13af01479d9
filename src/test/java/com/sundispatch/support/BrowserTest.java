package com.sundispatch.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium through Selenium against the running server. Skipped, with a message saying why,
 * where Chromium or its driver is not installed (.ci/run installs both). Every test leaves a screenshot under
 * target/screenshots/ and fails on JavaScript errors or CSP violations in the browser console, and every page
 * state a test records ({@link #screenshots}) and the state it ends on pass {@link #checkPage}: axe-core's WCAG 2.2
 * A/AA rules without a critical or serious violation, no developer artefact in the text, one h1, a title.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules axe-core tags for them. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    /** Text people must never see: a value that was missing in the data, shown as code would print it. */
    private static final Pattern ARTEFACT = Pattern.compile("\\b(null|undefined|NaN)\\b|\\[object Object\\]");

    protected WebDriver browser;
    protected WebDriverWait wait;
    private Path profile;
    private boolean failed;

    /** Remembers that the test itself failed, so the end-of-test page check does not bury its message. */
    @RegisterExtension
    final TestExecutionExceptionHandler failures = (context, error) -> {
        failed = true;
        throw error;
    };

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
                "Browser tests skipped: install Debian's chromium and chromium-driver (apt-get install chromium "
                        + "chromium-driver) to run them");
        profile = Files.createTempDirectory("sd-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // A list re-rendered between finding an element and reading it: look again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser(TestInfo info) throws IOException {
        if (browser == null) {
            return;
        }
        try {
            // The state the test ends on is a page state too (skipped when the test already failed: its own
            // failure is the one to read, and the page may be half-way).
            if (!failed) {
                checkPage("end of " + info.getTestMethod().orElseThrow().getName());
            }
            Path dir = Path.of("target/screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName()
                    + ".png"), png);
            List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    // Expected 4xx answers (a refused login, an ended session) are logged by Chromium as network
                    // lines; they are the API working. JavaScript errors and CSP violations are not allowed.
                    .filter(m -> !m.contains("Failed to load resource: the server responded with a status of 4"))
                    .toList();
            assertThat(problems).as("browser console errors").isEmpty();
        } finally {
            browser.quit();
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected void open(String path) {
        browser.get(base() + path);
    }

    protected WebElement waitFor(By by) {
        return wait.until(driver -> {
            try {
                return ExpectedConditions.visibilityOfElementLocated(by).apply(driver);
            } catch (WebDriverException e) {
                // A look-up sent while the page is being replaced (a submit that leads to another page, such as the
                // sandbox checkout) is aborted by ChromeDriver: look again on the new page. Anything else fails.
                if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
                    return null;
                }
                throw e;
            }
        });
    }

    protected void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    protected void fill(WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    /** Signs in through the login page (for an account without MFA). */
    /** Signs the bootstrap admin in through the page, with the password and a fresh MFA code. */
    protected void signInAsAdmin() {
        adminToken(); // makes sure the admin has MFA on, as every admin must
        open("/#/login");
        WebElement form = waitFor(By.id("login-form"));
        fill(form, "email", ADMIN_EMAIL);
        fill(form, "password", ADMIN_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement mfa = waitFor(By.id("mfa-form"));
        fill(mfa, "code", AdminSession.nextCodeToType(clock));
        mfa.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("logout"));
    }

    protected void signIn(String email, String password) {
        open("/#/login");
        WebElement form = waitFor(By.id("login-form"));
        fill(form, "email", email);
        fill(form, "password", password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("logout"));
    }

    /**
     * An approved installer based at a typed address that the test geocoder places at this point, free from an
     * hour before to ten hours after a week from now; returns their email (password {@link #PASSWORD}).
     */
    protected String approvedInstallerAt(double lat, double lon, String companyName, int serviceRadiusKm) {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String appId = api.post("/api/v1/installers/applications", Map.of("companyName", companyName,
                "licenseNumber", "LIC-" + (100000 + Math.floorMod(email.hashCode(), 900000)), "baseAddress",
                baseAddressAt(lat, lon), "serviceRadiusKm", serviceRadiusKm, "phone", "+49 30 5550115"), access)
                .json().path("id").asString();
        api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), adminToken());
        String installerAccess = login(email, PASSWORD).access();
        Instant start = clock.instant().plus(Duration.ofDays(7));
        api.send("PUT", "/api/v1/installer/availability", Map.of("slots", List.of(Map.of("start",
                start.minus(Duration.ofHours(1)).toString(), "end", start.plus(Duration.ofHours(10)).toString()))),
                installerAccess, Map.of());
        return email;
    }

    /**
     * Full-page screenshots at desktop (1280x900) and phone (390x844) size into {@code target/screenshots}, named
     * after the test class, and no sideways scrolling on the phone.
     */
    protected void screenshots(String name) throws IOException {
        checkPage(name);
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= size.getWidth());
            String device = size.getWidth() < 600 ? "phone" : "desktop";
            if ("phone".equals(device)) {
                Number scroll = (Number) js("return document.documentElement.scrollWidth");
                Number width = (Number) js("return document.documentElement.clientWidth");
                assertThat(scroll.intValue()).as("%s is wider than the phone", name).isLessThanOrEqualTo(width.intValue());
            }
            fullPage(getClass().getSimpleName() + "-" + name + "-" + device);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @SuppressWarnings("unchecked")
    private void fullPage(String name) throws IOException {
        ChromeDriver chrome = (ChromeDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * The page as it is now: no critical or serious axe-core violation of WCAG 2.2 A/AA, none of "null",
     * "undefined", "NaN" or "[object Object]" in the visible text, exactly one h1 and a document title.
     */
    protected void checkPage(String state) {
        try {
            Results results = new AxeBuilder().withTags(WCAG).analyze(browser);
            List<String> violations = results.getViolations().stream()
                    .filter(r -> "critical".equals(r.getImpact()) || "serious".equals(r.getImpact()))
                    .map(BrowserTest::describe)
                    .toList();
            assertThat(violations).as("accessibility violations (axe-core) on: %s", state).isEmpty();
            String text = browser.findElement(By.tagName("body")).getText();
            Matcher artefact = ARTEFACT.matcher(text);
            String shown = artefact.find() ? text.substring(Math.max(0, artefact.start() - 60),
                    Math.min(text.length(), artefact.end() + 60)) : null;
            assertThat(shown).as("developer artefact (null, undefined, NaN, [object Object]) on: %s", state).isNull();
            // Headings a screen reader can reach: a screen kept mounted but hidden (React Navigation on the web keeps
            // the screens below the current one) is not a second page heading.
            Number h1 = (Number) js("return [...document.querySelectorAll('h1')].filter(e => e.checkVisibility()).length");
            assertThat(h1.intValue()).as("h1 elements on: %s", state).isEqualTo(1);
            assertThat(browser.getTitle()).as("document title on: %s", state).isNotBlank();
        } catch (AssertionError e) {
            failed = true; // one report per test: the end-of-test check does not repeat it
            throw e;
        }
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .limit(5).map(n -> String.valueOf(n.getTarget()) + " " + abbreviate(n.getHtml())).toList();
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? String.valueOf(html) : html.substring(0, 160) + "…";
    }

    /**
     * Waits (up to 20 s, asking every 200 ms so the per-user rate limit is never reached) for the first open offer
     * of an installer (their access token) and returns its id.
     */
    protected String awaitOffer(String installerAccess) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            var offers = api.get("/api/v1/installer/offers", installerAccess).json();
            if (offers.size() > 0) {
                return offers.get(0).path("offerId").asString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no offer reached the installer");
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
