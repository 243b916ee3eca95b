package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.testsupport.DockerRequired;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * What only the container does: its mapped port, its admin token, its errors. The behaviour it
 * shares with {@code EchoServer} is in the {@code Container*IT} contract tests.
 */
@DockerRequired
@Testcontainers
@Timeout(120)
class WebSocketEchoContainerIT {

  @Container
  static final WebSocketEchoContainer server = new WebSocketEchoContainer().withSession("0101");

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void registersThroughTheStreamEndpointOfTheMappedPort() throws Exception {
    HttpResponse<String> response = get(server.httpUri().resolve("/stream?id=web-1"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"id\":\"web-1\",\"registered\":true}");
    assertThat(server.sessions()).contains("web-1");
  }

  @Test
  void servesTheHtmlClientAndItsStylesThroughTheMappedPort() throws Exception {
    HttpResponse<String> page = get(server.httpUri());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>wsfixture");
    String stylesheet =
        page.body().replaceAll("(?s).*href=\"(css/bootstrap[^\"]*\\.css)\".*", "$1");
    assertThat(get(server.httpUri().resolve(stylesheet)).statusCode()).isEqualTo(200);
    assertThat(get(server.httpUri().resolve("app.js")).statusCode()).isEqualTo(200);
  }

  @Test
  void pushToAnUnknownSessionNamesTheAdminCall() {
    assertThatThrownBy(() -> server.push("nobody", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("admin API POST /__admin/push answered 404: unknown_session:")
        .hasMessageContaining("nobody");
  }

  @Test
  void startsWithItsOwnRandomAdminToken() {
    String token = server.adminToken().orElseThrow();
    assertThat(server.getContainerInfo().getConfig().getEnv())
        .contains("WSFIXTURE_ADMIN_TOKEN=" + token);
    try (WebSocketEchoContainer other = new WebSocketEchoContainer()) {
      assertThat(token).hasSize(48).isNotEqualTo(other.adminToken().orElseThrow());
    }
  }

  @Test
  void adminApiAnswersOnlyCallsWithTheToken() throws Exception {
    URI sessions = server.httpUri().resolve("/__admin/sessions");
    HttpResponse<String> anonymous = get(sessions);
    HttpResponse<String> withToken =
        http.send(
            HttpRequest.newBuilder(sessions)
                .header("Authorization", "Bearer " + server.adminToken().orElseThrow())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).isEqualTo("[\"0101\"]");
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
