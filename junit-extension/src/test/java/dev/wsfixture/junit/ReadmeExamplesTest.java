package dev.wsfixture.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.embedded.EchoServer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The quick start of README.md, compiled and run: keep the two in step. The snippet is a {@code
 * Nested} class here, so that it runs; the README shows it as a plain class.
 */
@Timeout(60)
class ReadmeExamplesTest {

  @Nested
  // snippet: junit-quick-start {
  @WebSocketEchoServer(sessions = "0101")
  class ChatClientTest {

    @Test
    void repliesComeBackPrefixed(EchoServer server) {
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(server.sessionUri("0101"), new WebSocket.Listener() {})
              .join();
      socket.sendText("hello", true).join();

      JournalEntry reply = server.journal().awaitSent(1).get(0);
      assertEquals("[0101] hello", reply.text());
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join(); // close what you open
    }
  }
  // }
}
