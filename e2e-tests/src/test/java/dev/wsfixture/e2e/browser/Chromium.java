package dev.wsfixture.e2e.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Where the system Chromium and its driver live, and the options every session uses. Selenium
 * Manager never runs: it would try to download a browser, and this machine has no internet.
 */
final class Chromium {

  static final String INSTALL_HINT =
      "install them with: apt-get install -y chromium chromium-driver"
          + " (or run against a Selenium Grid with -Dwsfixture.e2e.grid=http://HOST:PORT)";

  private static final List<String> ARGUMENTS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,1000");

  private Chromium() {}

  /** The browser binary; {@code -Dwsfixture.e2e.chromium=PATH} overrides it. */
  static Path binary() {
    return Path.of(System.getProperty("wsfixture.e2e.chromium", "/usr/bin/chromium"));
  }

  /** The driver binary; {@code -Dwsfixture.e2e.chromedriver=PATH} overrides it. */
  static Path driver() {
    return Path.of(System.getProperty("wsfixture.e2e.chromedriver", "/usr/bin/chromedriver"));
  }

  /** What is missing for a local browser, or {@code null} when both binaries are there. */
  static String missing() {
    StringBuilder missing = new StringBuilder();
    for (Path path : List.of(binary(), driver())) {
      if (!Files.isExecutable(path)) {
        missing.append(missing.length() == 0 ? "" : " and ").append(path);
      }
    }
    return missing.length() == 0 ? null : missing + " not found; " + INSTALL_HINT;
  }

  static ChromeOptions options() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary().toString());
    options.addArguments(ARGUMENTS);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    return options;
  }
}
