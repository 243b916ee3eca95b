package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The standalone jar's admin token: from WSFIXTURE_ADMIN_TOKEN, or generated and printed. */
@Timeout(180)
class StandaloneAdminIT {

  private static final Path JAR =
      Path.of(System.getProperty("wsfixture.jar", "target/wsfixture-server.jar"));
  private static final Pattern LISTENING = Pattern.compile("WebSocket listening on (\\S+):(\\d+)");
  private static final Pattern TOKEN =
      Pattern.compile("Admin API token \\(generated[^:]*\\): (\\S+)");

  @Test
  void theTokenComesFromTheEnvironment() throws Exception {
    List<String> out = new CopyOnWriteArrayList<>();
    Process process =
        start(
            Map.of("WSFIXTURE_ADMIN_TOKEN", "from-env"), out, "--port", "0", "--host", "127.0.0.1");
    try {
      URI base = URI.create("http://127.0.0.1:" + group(out, LISTENING, 2) + "/");
      assertThat(new AdminClient(base, null).get("/__admin/health").status()).isEqualTo(401);
      assertThat(new AdminClient(base, "from-env").get("/__admin/health").status()).isEqualTo(200);
      assertThat(out).noneMatch(line -> line.contains("generated"));
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  @Test
  void aServerOnEveryInterfacePrintsTheTokenItGenerated() throws Exception {
    List<String> out = new CopyOnWriteArrayList<>();
    Process process = start(Map.of(), out, "--port", "0", "--host", "0.0.0.0");
    try {
      URI base = URI.create("http://127.0.0.1:" + group(out, LISTENING, 2) + "/");
      String token = group(out, TOKEN, 1);
      assertThat(new AdminClient(base, null).get("/__admin/health").status()).isEqualTo(401);
      assertThat(new AdminClient(base, token).get("/__admin/health").status()).isEqualTo(200);
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  private static Process start(Map<String, String> env, List<String> out, String... args)
      throws IOException {
    assertThat(JAR).as("the standalone jar (built by `package`)").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("WSFIXTURE_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  out.add(line);
                }
              } catch (IOException e) {
                // the process ended; what was read is kept
              }
            },
            "standalone-admin-output");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static String group(List<String> out, Pattern pattern, int group) {
    String[] found = new String[1];
    await("a line matching " + pattern + " in " + out)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (String line : out) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                  found[0] = matcher.group(group);
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }
}
