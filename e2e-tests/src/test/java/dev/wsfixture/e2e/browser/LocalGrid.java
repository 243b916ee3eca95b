package dev.wsfixture.e2e.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a Selenium Grid standalone from the {@code selenium-grid} artifact on the test classpath,
 * on 127.0.0.1 and a free port, for one test class; {@link BrowserExtension} then runs that class's
 * browser on it. The Grid finds {@code chromedriver} on the {@code PATH}. Its log goes to {@code
 * target/grid/standalone.log}.
 */
public final class LocalGrid implements BeforeAllCallback {

  private static final Duration STARTUP = Duration.ofSeconds(60);

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    int port = freePort();
    Path log = Path.of(System.getProperty("basedir", "."), "target", "grid", "standalone.log");
    Files.createDirectories(log.getParent());
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        List.of(
            java,
            // A short-lived helper on a small machine: start fast rather than peak fast.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            classpath,
            "org.openqa.selenium.grid.Main",
            "standalone",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--selenium-manager",
            "false");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    GridProcess grid = new GridProcess(process);
    context.getStore(BrowserExtension.NAMESPACE).put(GridProcess.class, grid);
    URI url = URI.create("http://127.0.0.1:" + port);
    awaitReady(url, process, log);
    context.getStore(BrowserExtension.NAMESPACE).put(BrowserExtension.GRID_URL, url.toString());
  }

  private static void awaitReady(URI url, Process process, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status = HttpRequest.newBuilder(url.resolve("/status")).build();
    try {
      await("Selenium Grid at " + url + " to report ready (log: " + log + ")")
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new ExtensionConfigurationException(
                      "Selenium Grid exited with "
                          + process.exitValue()
                          + " before it was ready; see "
                          + log);
                }
                String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                return body.replace(" ", "").contains("\"ready\":true");
              });
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not find a free port for the Selenium Grid", e);
    }
  }

  /** The Grid's process, stopped when JUnit closes the class's store. */
  private record GridProcess(Process process) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
