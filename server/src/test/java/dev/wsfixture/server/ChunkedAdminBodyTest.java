package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.RawClient;
import java.io.IOException;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Admin requests with {@code Transfer-Encoding: chunked}, on a raw socket: a good body is read as
 * any other, a broken one gets {@code 400} with the JSON error before the connection closes, and
 * the server goes on serving.
 */
@Timeout(60)
class ChunkedAdminBodyTest {

  private EchoServer server;

  @BeforeEach
  void start() {
    server = EchoServer.builder().start();
  }

  @AfterEach
  void serverStillServesOthers() {
    try {
      assertThat(new AdminClient(server).get("/__admin/health").status()).isEqualTo(200);
    } finally {
      server.close();
    }
  }

  private static String head(String path) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n";
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }

  private static JsonNode json(RawClient.HttpAnswer answer) throws IOException {
    return AdminClient.MAPPER.readTree(answer.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zz\r\n{\"id\":\"a\"}\r\n0\r\n\r\n", // not hexadecimal
        "zz\r\n", // the same, and nothing after it
        "\r\n{\"id\":\"a\"}\r\n0\r\n\r\n", // no size at all
        "-1\r\n", // a sign
        " a\r\n{\"id\":\"a\"}\r\n0\r\n\r\n", // space before the size
        "ax\r\n{\"id\":\"a\"}\r\n0\r\n\r\n", // a size followed by something else
        "a\n{\"id\":\"a\"}\r\n0\r\n\r\n", // a bare LF
        "ffffffffffffffffffff\r\n", // more than 64 bits
      })
  void aBadChunkSizeGets400WithTheJsonErrorThenTheConnectionCloses(String body) throws Exception {
    try (RawClient client = RawClient.open(server.port())) {
      client.write(head("/__admin/sessions") + body);
      RawClient.HttpAnswer answer = client.readHttpResponse();
      assertThat(answer.status()).as("status of %s", answer).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/json");
      assertThat(json(answer).get("error").asText()).isEqualTo("bad_chunked_body");
      assertThat(json(answer).get("detail").asText()).contains("chunk size", "RFC 9112");
      assertThat(client.awaitEndOfStream()).as("the server closes the connection").isTrue();
    }
    assertThat(server.sessions()).isEmpty();
  }

  @Test
  void theDetailNamesTheBadLineAndTheRule() throws Exception {
    try (RawClient client = RawClient.open(server.port())) {
      client.write(head("/__admin/sessions") + "zz\r\n");
      assertThat(json(client.readHttpResponse()).get("detail").asText())
          .isEqualTo(
              "bad chunk size line \"z\": it must start with a hexadecimal digit; RFC 9112"
                  + " section 7.1: each chunk is <size in hexadecimal>[;extensions] CRLF <data>"
                  + " CRLF, the last one 0 CRLF, then CRLF; or send the body with Content-Length");
    }
  }

  @Test
  void overTlsTooAGoodBodyIsReadAndABadOneGets400() throws Exception {
    try (EchoServer tls = EchoServer.builder().tls().start()) {
      SSLSocketFactory sockets = tls.sslContext().orElseThrow().getSocketFactory();
      try (RawClient client = RawClient.over(sockets.createSocket("127.0.0.1", tls.port()))) {
        client.write(head("/__admin/sessions") + chunk("{\"id\":\"0101\"}") + "0\r\n\r\n");
        assertThat(client.readHttpResponse().status()).isEqualTo(201);
        client.write(head("/__admin/sessions") + "zz\r\n");
        RawClient.HttpAnswer answer = client.readHttpResponse();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer).get("error").asText()).isEqualTo("bad_chunked_body");
        assertThat(client.awaitEndOfStream()).isTrue();
      }
      assertThat(tls.sessions()).containsExactly("0101");
    }
  }

  @Test
  void chunkDataNotFollowedByCrLfGets400() throws Exception {
    try (RawClient client = RawClient.open(server.port())) {
      client.write(head("/__admin/sessions") + "3\r\n{\"iXX0\r\n\r\n");
      RawClient.HttpAnswer answer = client.readHttpResponse();
      assertThat(answer.status()).isEqualTo(400);
      assertThat(json(answer).get("error").asText()).isEqualTo("bad_chunked_body");
      assertThat(json(answer).get("detail").asText()).contains("CRLF");
      assertThat(client.awaitEndOfStream()).isTrue();
    }
  }

  @Test
  void aGoodChunkedBodyIsReadAndTheConnectionServesTheNextRequest() throws Exception {
    try (RawClient client = RawClient.open(server.port())) {
      // Extensions and a trailer are allowed; the next request follows in the same segment.
      client.write(
          head("/__admin/sessions")
              + "4;note=\"first\"\r\n{\"id\r\n"
              + chunk("\":\"0101\"}")
              + "0\r\nX-Trailer: yes\r\n\r\n"
              + "GET /__admin/sessions HTTP/1.1\r\nHost: localhost\r\n\r\n");
      RawClient.HttpAnswer created = client.readHttpResponse();
      assertThat(created.status()).as("answer %s", created).isEqualTo(201);
      assertThat(json(created).get("id").asText()).isEqualTo("0101");
      RawClient.HttpAnswer listed = client.readHttpResponse();
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.body()).contains("0101");
    }
    assertThat(server.sessions()).containsExactly("0101");
  }

  @Test
  void aGoodBodyArrivingByteByByteIsRead() throws Exception {
    try (RawClient client = RawClient.open(server.port())) {
      client.write(head("/__admin/sessions"));
      String body = "2 ; x=1\r\n{\"\r\n" + chunk("id\":\"0101\"}") + "00\r\nA: b\r\n\r\n";
      for (char c : body.toCharArray()) {
        client.write(String.valueOf(c));
      }
      RawClient.HttpAnswer created = client.readHttpResponse();
      assertThat(created.status()).as("answer %s", created).isEqualTo(201);
    }
    assertThat(server.sessions()).containsExactly("0101");
  }

  @Test
  void aChunkedBodyOverTheLimitGets413ThenTheConnectionCloses() throws Exception {
    String data = "x".repeat(64 * 1024);
    try (RawClient client = RawClient.open(server.port())) {
      client.write(head("/__admin/push"));
      try {
        for (int i = 0; i < 17; i++) { // 17 x 64 KiB > 1 MiB
          client.write(chunk(data));
        }
        client.write("0\r\n\r\n");
      } catch (IOException closedEarly) {
        // the server may answer and close before the last chunks; the answer still counts
      }
      RawClient.HttpAnswer answer = client.readHttpResponse();
      assertThat(answer.status()).as("answer %s", answer).isEqualTo(413);
      assertThat(json(answer).get("error").asText()).isEqualTo("body_too_large");
      assertThat(client.awaitEndOfStream()).isTrue();
    }
  }
}
