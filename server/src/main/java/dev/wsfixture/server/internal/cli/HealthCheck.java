package dev.wsfixture.server.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The health probe of the Docker image, which has neither shell nor curl: an HTTP GET that exits 0
 * on a 2xx answer and 1 otherwise, with one line on standard output saying why. A 401 when no token
 * is set also counts as up: the server answers, with an admin token it generated itself.
 *
 * <pre>
 * java -cp wsfixture-server.jar dev.wsfixture.server.internal.cli.HealthCheck [URL]
 * </pre>
 *
 * <p>The URL defaults to {@code http://127.0.0.1:$WSFIXTURE_PORT/__admin/health} (port 8765 when
 * the variable is not set); it sends {@code $WSFIXTURE_ADMIN_TOKEN} as a bearer token when that is
 * set. The image also uses it as a plain HTTP client to reach a server on another container by its
 * network alias.
 */
public final class HealthCheck {

  private static final int TIMEOUT_MILLIS = 2000;

  private HealthCheck() {}

  public static void main(String[] args) {
    System.exit(check(args.length > 0 ? args[0] : defaultUrl()));
  }

  static int check(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      String token = System.getenv("WSFIXTURE_ADMIN_TOKEN");
      boolean hasToken = token != null && !token.isBlank();
      if (hasToken) {
        connection.setRequestProperty("Authorization", "Bearer " + token.strip());
      }
      int status = connection.getResponseCode();
      try (InputStream body =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        String text = body == null ? "" : new String(body.readNBytes(200), StandardCharsets.UTF_8);
        System.out.println(url + " -> " + status + " " + text.strip());
      }
      if (status == 401 && !hasToken) {
        // The server answers, but generated its admin token at start: up, as far as we can tell.
        System.out.println(
            "the server is up; its admin API wants the token it printed at start"
                + " (set WSFIXTURE_ADMIN_TOKEN to choose one and probe it fully)");
        return 0;
      }
      return status >= 200 && status < 300 ? 0 : 1;
    } catch (IOException | IllegalArgumentException e) {
      System.out.println(url + " -> unreachable: " + e);
      return 1;
    }
  }

  private static String defaultUrl() {
    String port = System.getenv("WSFIXTURE_PORT");
    return "http://127.0.0.1:"
        + (port == null || port.isBlank() ? "8765" : port.strip())
        + "/__admin/health";
  }
}
