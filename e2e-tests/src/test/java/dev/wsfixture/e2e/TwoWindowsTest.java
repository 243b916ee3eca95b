package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import org.junit.jupiter.api.Test;

/** Two windows on two sessions of one server keep their conversations apart. */
@WebSocketEchoServer(sessions = {"alpha", "beta"})
@BrowserTest
class TwoWindowsTest {

  @Test
  void eachWindowSeesOnlyItsOwnSession(EchoServer server, Browser browser) {
    ClientPage alpha = browser.open(server.httpUri());
    alpha.enterSessionId("alpha").useSessionEndpoint().connectAndAwait();
    ClientPage beta = browser.openInNewWindow(server.httpUri());
    beta.enterSessionId("beta").useSessionEndpoint().connectAndAwait();

    alpha.send("from alpha");
    alpha.messages().awaitMessage(Message.RECEIVED, "[alpha] from alpha");
    beta.send("from beta");
    beta.messages().awaitMessage(Message.RECEIVED, "[beta] from beta");
    server.push("alpha", "only for alpha");
    alpha.messages().awaitMessage(Message.PUSHED, "only for alpha");
    server.push("beta", "only for beta");
    beta.messages().awaitMessage(Message.PUSHED, "only for beta");

    assertThat(alpha.messages().wire())
        .extracting(Message::text)
        .containsExactly("from alpha", "[alpha] from alpha", "only for alpha");
    assertThat(beta.messages().wire())
        .extracting(Message::text)
        .containsExactly("from beta", "[beta] from beta", "only for beta");
    assertThat(alpha.status().state()).isEqualTo("connected");
  }
}
