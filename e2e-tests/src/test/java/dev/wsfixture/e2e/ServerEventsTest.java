package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.ConnectionStatus;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import org.junit.jupiter.api.Test;

/** What the page shows when the server acts on its own: a push, a close, a restart. */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class ServerEventsTest {

  private static ClientPage connected(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();
    return page;
  }

  @Test
  void serverPushAppearsMarkedAsPushed(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);

    int reached = server.push("0101", "server says hi");
    Message pushed = page.messages().awaitMessage(Message.PUSHED, "server says hi");

    // At least this page; the previous test's window may not have finished closing.
    assertThat(reached).isPositive();
    assertThat(pushed.length()).isEqualTo("server says hi".length());
    assertThat(page.messages().ofKind(Message.RECEIVED)).isEmpty();
  }

  @Test
  void serverCloseShowsCodeAndReason(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);

    server.faults().closeAll(1011, "going away");
    ConnectionStatus status = page.awaitState("closed");

    assertThat(status.closeCode()).isEqualTo(1011);
    assertThat(status.closeReason()).isEqualTo("going away");
    assertThat(status.text()).isEqualTo("closed (1011 going away)");
    page.messages().awaitMessage(Message.SYSTEM, "Closed with code 1011 and reason \"going away\"");
    assertThat(page.canConnect()).isTrue();
  }

  @Test
  void afterARestartThePageReconnectsAndWorksAgain(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);
    int port = server.port();

    server.restart();
    ConnectionStatus closed = page.awaitState("closed");
    page.messages()
        .awaitMessage(Message.SYSTEM, "The server is restarting; press Connect to reconnect.");
    page.connectAndAwait();
    page.send("again");
    page.messages().awaitMessage(Message.RECEIVED, "[0101] again");

    assertThat(closed.closeCode()).isEqualTo(EchoServer.CLOSE_SERVICE_RESTART);
    assertThat(server.port()).isEqualTo(port);
    assertThat(server.journal().awaitReceived("again").sessionId()).isEqualTo("0101");
  }
}
