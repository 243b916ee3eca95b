package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sessions file bind-mounted on its own, as {@code docker run -v ./sessions.json:/data/...} does:
 * it cannot be replaced by a rename (EBUSY), so the server writes it in place. Runs the standalone
 * server in a mount namespace of its own ({@code unshare -m}, root on Linux); skipped where that is
 * not possible.
 */
@Timeout(60)
class SessionsFileMountTest {

  private static final Pattern LISTENING = Pattern.compile("WebSocket listening on (\\S+):(\\d+)");

  @TempDir Path host;
  @TempDir Path container;

  @Test
  void aBindMountedSessionsFileIsWrittenInPlace() throws Exception {
    assumeTrue(canUnshare(), "needs `unshare -m` and mount (root on Linux) to bind-mount a file");
    Path source = host.resolve("sessions.json");
    Files.writeString(source, "{\"sessions\":[\"0101\"]}");
    Path mounted = container.resolve("sessions.json");
    Files.writeString(mounted, "");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            "unshare",
            "-m",
            "sh",
            "-c",
            "mount --bind \"$1\" \"$2\" && exec \"$3\" -cp \"$4\""
                + " dev.wsfixture.server.internal.cli.StandaloneMain"
                + " --host 127.0.0.1 --port 0 --sessions-file \"$2\"",
            "sh",
            source.toString(),
            mounted.toString(),
            java,
            System.getProperty("java.class.path"));
    builder.environment().keySet().removeIf(name -> name.startsWith("WSFIXTURE_"));
    builder.redirectErrorStream(true);
    Process process = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String port = null;
      for (String line = out.readLine(); line != null && port == null; line = out.readLine()) {
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port = listening.group(2);
        }
      }
      assertThat(port).as("the server's listening line").isNotNull();
      HttpClient http = HttpClient.newHttpClient();
      for (String id : List.of("0202", "0303")) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stream?id=" + id))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("registering %s: %s", id, answer.body()).isEqualTo(200);
      }
      process.destroy(); // SIGTERM: the server writes what is pending and exits
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(Files.readString(source)).contains("\"0101\"", "\"0202\"", "\"0303\"");
    try (var listing = Files.list(container)) {
      assertThat(listing).as("no temporary file left beside the mount").containsExactly(mounted);
    }
  }

  private static boolean canUnshare() {
    try {
      Process probe = new ProcessBuilder("unshare", "-m", "true").start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
