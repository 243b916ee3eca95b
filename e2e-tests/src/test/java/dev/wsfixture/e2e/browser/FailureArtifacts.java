package dev.wsfixture.e2e.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * What a failed test leaves behind under {@code target/e2e-failures/<class>/<test>/}: a screenshot,
 * the page's HTML and the browser console log, so that a red build on CI can be understood without
 * running it again.
 */
final class FailureArtifacts {

  private FailureArtifacts() {}

  /**
   * Saves the browser's state and returns the failure to throw instead of {@code failure}: an
   * {@link AssertionError} with the same message plus the paths, the original as its cause.
   */
  static AssertionError save(Browser browser, ExtensionContext context, Throwable failure) {
    Path dir =
        Path.of(System.getProperty("basedir", "."), "target", "e2e-failures")
            .resolve(safe(context.getRequiredTestClass().getSimpleName()))
            .resolve(safe(context.getRequiredTestMethod().getName()))
            .toAbsolutePath();
    List<String> lines = new ArrayList<>();
    lines.add(
        write(
            "screenshot",
            dir.resolve("screenshot.png"),
            () -> ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES)));
    lines.add(
        write(
            "page HTML",
            dir.resolve("page.html"),
            () -> browser.driver().getPageSource().getBytes(StandardCharsets.UTF_8)));
    lines.add(
        write(
            "console log",
            dir.resolve("console.log"),
            () ->
                (String.join("\n", browser.consoleLog()) + "\n").getBytes(StandardCharsets.UTF_8)));
    String message =
        failure.getMessage()
            + "\n  browser state saved ("
            + currentUrl(browser)
            + "):\n    "
            + String.join("\n    ", lines);
    AssertionError error = new AssertionError(message, failure);
    error.setStackTrace(failure.getStackTrace());
    return error;
  }

  private static String currentUrl(Browser browser) {
    try {
      return browser.driver().getCurrentUrl();
    } catch (RuntimeException e) {
      return "URL unknown: " + e.getClass().getSimpleName();
    }
  }

  private interface Capture {
    byte[] bytes() throws Exception;
  }

  private static String write(String what, Path file, Capture capture) {
    try {
      byte[] bytes = capture.bytes();
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return what + ": " + file;
    } catch (IOException e) {
      return what + ": could not write " + file + ": " + e;
    } catch (Exception e) {
      return what + ": could not capture: " + e.toString().lines().findFirst().orElse("");
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
