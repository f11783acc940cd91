package io.huddle.it;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One real headless Chromium with a fresh profile, driven through the machine's chromedriver. A machine without
 * Chromium or chromedriver fails the browser tests: they never skip.
 */
public final class Browser implements AutoCloseable {

    /** How long a test waits for something to show in a page. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private boolean closed;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1280,800", "--user-data-dir=" + profile);
        // an explicit driver and browser keep Selenium Manager from trying to download either
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser get(URL url) {
        driver.get(url.toString());
        return this;
    }

    /** Runs a script in the page and returns its result (JSON-like values: String, Long, Boolean, List, Map). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that finishes by calling its last argument, {@code done(result)}. */
    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Loads a script into the page from a path relative to it, and waits until it ran. */
    public void loadScript(String src) {
        Object outcome = asyncScript("""
                const done = arguments[arguments.length - 1];
                const script = document.createElement('script');
                script.src = arguments[0];
                script.onload = () => done('loaded');
                script.onerror = () => done('failed to load ' + script.src);
                document.head.appendChild(script);
                """, src);
        if (!"loaded".equals(outcome)) {
            throw new AssertionError(outcome);
        }
    }

    /** Waits until {@code condition} gives a non-null, non-false value, and returns it. */
    public <T> T await(Function<WebDriver, T> condition) {
        // pages re-render their lists: an element may go stale between finding and reading it
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quits the browser and deletes its profile; closing again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private static void requireExecutable(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            throw new AssertionError(binary + " is missing: browser tests need Chromium and its driver"
                    + " (apt-get install chromium chromium-driver; .ci/run installs " + debianPackage + ")");
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("huddle-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
