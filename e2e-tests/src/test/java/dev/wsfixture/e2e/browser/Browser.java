package dev.wsfixture.e2e.browser;

import dev.wsfixture.e2e.pages.ClientPage;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * One headless Chromium for a test class, local or on a Selenium Grid. Tests get it as a parameter
 * from {@link BrowserExtension}, which gives each test a fresh window.
 */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final String where;
  private final List<String> consoleSeen = new ArrayList<>();

  private Browser(WebDriver driver, String where) {
    this.driver = driver;
    this.where = where;
  }

  /** Starts the system Chromium through the system chromedriver. */
  static Browser local() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Chromium.driver().toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, Chromium.options()), "local chromium");
  }

  /** Starts a Chromium session on the Grid at {@code grid}. */
  static Browser remote(URL grid) {
    return new Browser(new RemoteWebDriver(grid, Chromium.options()), "grid " + grid);
  }

  /** The WebDriver, for what no page object offers. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens the HTML client served at {@code uri} in the current window. */
  public ClientPage open(URI uri) {
    return ClientPage.open(driver, uri);
  }

  /** Opens a second window beside the current one and the HTML client at {@code uri} in it. */
  public ClientPage openInNewWindow(URI uri) {
    driver.switchTo().newWindow(WindowType.WINDOW);
    return ClientPage.open(driver, uri);
  }

  /** Runs JavaScript in the current window and returns its result. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * The browser console since the browser started, one line per entry ("SEVERE ... message").
   * Chromium hands each entry out once, so this keeps what it already read.
   */
  public synchronized List<String> consoleLog() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      consoleSeen.add(entry.getLevel() + " " + entry.getMessage());
    }
    return List.copyOf(consoleSeen);
  }

  /**
   * A clean state for the next test: a new window on {@code about:blank}, every other window closed
   * after clearing its page's local and session storage, cookies deleted.
   */
  void freshWindow() {
    List<String> old = new ArrayList<>(driver.getWindowHandles());
    driver.switchTo().newWindow(WindowType.WINDOW);
    String fresh = driver.getWindowHandle();
    for (String handle : old) {
      driver.switchTo().window(handle);
      // Storage outlives windows: clear the origin the last test used before leaving it.
      script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}");
      driver.close();
    }
    driver.switchTo().window(fresh);
    driver.manage().deleteAllCookies();
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    driver.quit();
  }

  @Override
  public String toString() {
    return "Browser{" + where + "}";
  }
}
