package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A class-scoped server closes, before each test, the connections that an earlier test left open,
 * so that each test sees only its own: in {@code connections()}, in the journal and in faults.
 */
@Timeout(60)
@WebSocketEchoServer(sessions = "0101")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeftoverConnectionsTest {

  private static JdkClient leftOpen;
  private static Socket silent;

  @Test
  @Order(1)
  @DisplayName("a test leaves a connection open (a client that answers the close)")
  void leavesAConnectionOpen(EchoServer server) throws Exception {
    leftOpen = JdkClient.connect(server.sessionUri("0101"));
    assertThat(leftOpen.ask("hi")).isEqualTo("[0101] hi");
  }

  @Test
  @Order(2)
  @DisplayName("the next test sees none of it, and the client got a normal close")
  void theNextTestStartsWithoutIt(EchoServer server) throws Exception {
    assertThat(server.connections()).isEmpty();
    assertThat(server.journal().entries()).isEmpty();
    assertThat(leftOpen.awaitClose())
        .isEqualTo(new JdkClient.Close(1000, "closed by wsfixture before the next test"));
    leftOpen.close();

    try (JdkClient mine = JdkClient.connect(server.sessionUri("0101"))) {
      assertThat(mine.ask("mine")).isEqualTo("[0101] mine");
      assertThat(server.faults().closeSession("0101", 1000, "bye")).isEqualTo(1);
      assertThat(mine.awaitClose()).isEqualTo(new JdkClient.Close(1000, "bye"));
    }
  }

  @Test
  @Order(3)
  @DisplayName("a test leaves a connection open (a client that never reads)")
  void leavesASilentConnectionOpen(EchoServer server) throws Exception {
    silent = new Socket(server.host(), server.port());
    OutputStream out = silent.getOutputStream();
    out.write(
        ("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = silent.getInputStream();
    String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
    assertThat(status).isEqualTo("HTTP/1.1 101");
    await("the raw connection to be open").until(() -> server.connections().size() == 1);
  }

  @Test
  @Order(4)
  @DisplayName("the next test sees none of it either: it was aborted")
  void theNextTestStartsWithoutTheSilentOne(EchoServer server) throws Exception {
    assertThat(server.connections()).isEmpty();
    assertThat(server.journal().entries()).isEmpty();
    silent.close();
  }
}
