package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.browser.LocalGrid;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * The {@code -Dwsfixture.e2e.grid=URL} path for real: a Selenium Grid standalone started from its
 * Maven artifact on localhost runs this class's browser.
 */
@ExtendWith(LocalGrid.class)
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class GridTest {

  @Test
  void sessionFlowRunsOnTheGrid(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    page.register("0101");
    page.useSessionEndpoint().connectAndAwait();
    page.send("hello");
    page.messages().awaitMessage(Message.RECEIVED, "[0101] hello");

    assertThat(browser.driver().getClass()).isEqualTo(RemoteWebDriver.class);
    assertThat(browser.toString()).contains("grid http://127.0.0.1:");
    assertThat(server.journal().awaitReceived("hello").sessionId()).isEqualTo("0101");
  }
}
