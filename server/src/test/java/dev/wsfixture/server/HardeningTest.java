package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.EntryType;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin API's protection, connection limits, and bad input the control plane must survive. */
@Timeout(60)
class HardeningTest {

  @Test
  void theAdminApiIsOpenOnLoopbackByDefault() {
    try (EchoServer server = EchoServer.builder().start()) {
      assertThat(server.adminToken()).isEmpty();
      assertThat(new AdminClient(server).get("/__admin/health").status()).isEqualTo(200);
    }
  }

  @Test
  void theAdminApiCanBeTurnedOff() {
    try (EchoServer server = EchoServer.builder().adminApi(false).start()) {
      assertThat(new AdminClient(server).get("/__admin/health").status()).isEqualTo(404);
    }
  }

  @Test
  void aGivenTokenIsRequiredOnEveryAdminRequest() {
    try (EchoServer server = EchoServer.builder().adminToken("s3cret").start()) {
      AdminClient.Reply none = new AdminClient(server).get("/__admin/sessions");
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
      assertThat(new AdminClient(server.httpUri(), "wrong").get("/__admin/sessions").status())
          .isEqualTo(401);
      assertThat(new AdminClient(server.httpUri(), "s3cret").get("/__admin/sessions").status())
          .isEqualTo(200);
      assertThat(server.adminToken()).contains("s3cret");
    }
  }

  @Test
  void aServerOnEveryInterfaceAlwaysGeneratesAToken() {
    try (EchoServer server = EchoServer.builder().host("0.0.0.0").start()) {
      String token = server.adminToken().orElseThrow();
      assertThat(token).hasSizeGreaterThanOrEqualTo(20);
      assertThat(new AdminClient(server).get("/__admin/health").status()).isEqualTo(401);
      assertThat(new AdminClient(server.httpUri(), token).get("/__admin/health").status())
          .isEqualTo(200);
    }
  }

  @Test
  void handshakesBeyondMaxConnectionsGet503() throws Exception {
    try (EchoServer server = EchoServer.builder().maxConnections(2).start();
        JdkClient first = JdkClient.connect(server.echoUri());
        JdkClient second = JdkClient.connect(server.echoUri())) {
      server.journal().await("2 opens", e -> e.type() == EntryType.OPENED, 2);
      assertThatThrownBy(() -> JdkClient.connect(server.echoUri()))
          .cause()
          .isInstanceOfSatisfying(
              WebSocketHandshakeException.class,
              e -> assertThat(e.getResponse().statusCode()).isEqualTo(503));
      first.socket.sendClose(1000, "");
      server.journal().await("a close", e -> e.type() == EntryType.CLOSED, 1);
      org.awaitility.Awaitility.await("the connection to be gone")
          .atMost(java.time.Duration.ofSeconds(20))
          .until(() -> server.connections().size() == 1);
      try (JdkClient third = JdkClient.connect(server.echoUri())) {
        third.send("in");
        assertThat(third.nextText()).isEqualTo("Echo: in");
        second.send("still");
        assertThat(second.nextText()).isEqualTo("Echo: still");
      }
    }
  }

  @Test
  void garbageInsteadOfHttpGetsAnErrorAndTheServerKeepsServing() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      byte[] garbage = new byte[4096];
      new Random(42).nextBytes(garbage);
      assertThat(exchange(server, garbage))
          .satisfiesAnyOf(
              answer -> assertThat(answer).isEmpty(),
              answer -> assertThat(answer).startsWith("HTTP/1.1 400"));
      assertThat(new AdminClient(server).get("/__admin/health").status()).isEqualTo(200);
    }
  }

  @Test
  void anOversizedRequestHeaderIsRefusedAndTheServerKeepsServing() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      String huge = "x".repeat(200 * 1024);
      byte[] request =
          ("GET /__admin/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + huge + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      assertThat(exchange(server, request)).doesNotStartWith("HTTP/1.1 200");
      assertThat(new AdminClient(server).get("/__admin/health").status()).isEqualTo(200);
    }
  }

  @Test
  void aBrokenAdminRequestLineOrMethodGetsAClearStatus() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      byte[] request =
          "BREW /__admin/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII);
      assertThat(exchange(server, request)).startsWith("HTTP/1.1 405");
    }
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNotConverted() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      AdminClient.Reply answer = new AdminClient(server).post("/__admin/sessions", "{\"id\":123}");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("bad_value");
      assertThat(server.sessions()).isEmpty();
    }
  }

  /** Writes {@code bytes} on a raw socket and returns what the server answers until it closes. */
  private static String exchange(EchoServer server, byte[] bytes) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(bytes);
        out.flush();
      } catch (java.io.IOException closedEarly) {
        // the server may close before reading everything; what it answered still counts
      }
      InputStream in = socket.getInputStream();
      byte[] answer = new byte[512];
      int read;
      try {
        read = in.readNBytes(answer, 0, answer.length);
      } catch (java.io.IOException reset) {
        read = 0;
      }
      return new String(answer, 0, read, StandardCharsets.ISO_8859_1);
    }
  }
}
