package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import org.junit.jupiter.api.Test;

/** The README's quick start, and two checks of the build it runs in. */
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

  @Test
  void runsOnTheJupiterTheBuildDeclares() throws Exception {
    String declared = System.getProperty("declared.jupiter");
    assertEquals(declared, Test.class.getPackage().getImplementationVersion(), "junit-jupiter-api");
    assertEquals(
        declared,
        Class.forName("org.junit.jupiter.engine.JupiterTestEngine")
            .getPackage()
            .getImplementationVersion(),
        "junit-jupiter-engine");
  }

  @Test
  @WebSocketEchoServer(echoPrefix = "")
  void aMethodGetsItsOwnServer(EchoServer server) {
    assertEquals(0, server.journal().entries().size());
  }
}
