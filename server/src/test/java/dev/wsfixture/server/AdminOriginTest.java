package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.RawClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a hostile web page can send to a loopback admin API, written on a raw socket because the JDK
 * client will not forge {@code Host}: each is refused and installs nothing.
 */
@Timeout(60)
class AdminOriginTest {

  private static final String STUB =
      "{\"match\":\"EXACT\",\"pattern\":\"x\",\"replies\":[{\"text\":\"pwned\"}]}";

  @Test
  void aTextPlainBodyAsANoCorsFetchOrFormSendsIsRefusedWith415() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      RawClient.HttpAnswer answer = post(server, "localhost", null, null, "text/plain", STUB);
      assertThat(answer.status()).isEqualTo(415);
      assertThat(answer.body()).contains("unsupported_media_type", "application/json");
      assertThat(server.stubs().list()).isEmpty();
    }
  }

  @Test
  void aRequestFromAPageOfAnotherOriginIsRefusedWith403() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      RawClient.HttpAnswer byOrigin =
          post(server, "127.0.0.1", "http://evil.example", null, "application/json", STUB);
      assertThat(byOrigin.status()).isEqualTo(403);
      assertThat(byOrigin.body()).contains("foreign_origin", "evil.example");
      RawClient.HttpAnswer byFetchSite =
          post(server, "127.0.0.1", null, "cross-site", "application/json", STUB);
      assertThat(byFetchSite.status()).isEqualTo(403);
      RawClient.HttpAnswer otherPort =
          post(server, "127.0.0.1", "http://127.0.0.1:1", "same-site", "application/json", STUB);
      assertThat(otherPort.status()).isEqualTo(403);
      assertThat(server.stubs().list()).isEmpty();
    }
  }

  @Test
  void aForeignHostNameIsRefusedOnALoopbackServer() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      RawClient.HttpAnswer answer =
          post(server, "attacker.example", null, null, "application/json", STUB);
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).contains("foreign_host", "attacker.example");
      assertThat(server.stubs().list()).isEmpty();
    }
  }

  @Test
  void aSameOriginJsonRequestAndAProgramWithoutOriginAreServed() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      String self = "http://127.0.0.1:" + server.port();
      assertThat(post(server, "127.0.0.1", self, "same-origin", "application/json", STUB).status())
          .isEqualTo(201);
      assertThat(new AdminClient(server).get("/__admin/stubs").status()).isEqualTo(200);
      assertThat(server.stubs().list()).hasSize(1);
      assertThat(post(server, "localhost", null, null, null, "").status()).isEqualTo(200);
    }
  }

  /** POSTs to {@code /__admin/stubs} (or {@code /__admin/reset} with an empty body). */
  private static RawClient.HttpAnswer post(
      EchoServer server,
      String host,
      String origin,
      String fetchSite,
      String contentType,
      String body)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder("POST /__admin/")
            .append(body.isEmpty() ? "reset" : "stubs")
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(':')
            .append(server.port())
            .append("\r\nConnection: close\r\nContent-Length: ")
            .append(bytes.length)
            .append("\r\n");
    if (origin != null) {
      request.append("Origin: ").append(origin).append("\r\n");
    }
    if (fetchSite != null) {
      request.append("Sec-Fetch-Site: ").append(fetchSite).append("\r\n");
    }
    if (contentType != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
    }
    try (RawClient client = RawClient.open(server.port())) {
      client.write(request.append("\r\n").toString());
      client.write(bytes);
      return client.readHttpResponse();
    }
  }
}
