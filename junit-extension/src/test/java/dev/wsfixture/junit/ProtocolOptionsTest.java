package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The protocol options of the annotation reach the server it starts. */
@Timeout(60)
class ProtocolOptionsTest {

  @Test
  @WebSocketEchoServer(subprotocols = {"chat.v2", "chat.v1"})
  void subprotocolsAreOfferedInTheServersOrder(EchoServer server) {
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("chat.v1", "chat.v2")
            .buildAsync(server.echoUri(), new WebSocket.Listener() {})
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
    assertThat(socket.getSubprotocol()).isEqualTo("chat.v2");
    socket.abort();
  }

  @Test
  @WebSocketEchoServer(tls = true)
  void tlsServesWssWithACertificateTheTestCanTrust(EchoServer server) {
    assertThat(server.echoUri().getScheme()).isEqualTo("wss");
    HttpClient trusting = HttpClient.newBuilder().sslContext(server.sslContext().get()).build();
    WebSocket socket =
        trusting
            .newWebSocketBuilder()
            .buildAsync(server.echoUri(), new WebSocket.Listener() {})
            .orTimeout(20, TimeUnit.SECONDS)
            .join();
    socket.sendText("secret", true).join();
    assertThat(server.journal().awaitReceived("secret").text()).isEqualTo("secret");
    socket.abort();
  }

  @Test
  @WebSocketEchoServer(maxConnections = 1)
  void maxConnectionsRefusesTheNextHandshake(EchoServer server) throws Exception {
    try (JdkClient first = JdkClient.connect(server.echoUri())) {
      assertThat(first.ask("one")).isEqualTo("Echo: one");
      assertThatThrownBy(() -> JdkClient.connect(server.echoUri()))
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(
              e ->
                  assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                      .isEqualTo(503));
    }
  }

  @Test
  @WebSocketEchoServer(idleTimeoutMillis = 300, awaitTimeoutMillis = 20_000)
  void idleTimeoutClosesASilentConnectionWith1001(EchoServer server) {
    try (JdkClient silent = JdkClient.connect(server.echoUri())) {
      assertThat(server.connections()).hasSize(1);
      JournalEntry closed =
          server
              .journal()
              .await("the silent connection to close", e -> e.type() == EntryType.CLOSED, 1)
              .get(0);
      assertThat(closed.closeCode()).isEqualTo(1001);
      assertThat(silent).isNotNull();
    }
  }

  @Test
  @WebSocketEchoServer(perMessageDeflate = true)
  void perMessageDeflateIsAcceptedWhenTheClientOffersIt(EchoServer server) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                  + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readHead(socket.getInputStream()))
          .startsWith("HTTP/1.1 101")
          .containsIgnoringCase("Sec-WebSocket-Extensions: permessage-deflate");
    }
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
