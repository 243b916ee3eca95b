package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Stub;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the page shows of stub rules that speak first: a greeting on open, a ticker. */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class PushOnTriggerPageTest {

  @Test
  void aGreetingOnOpenAndABoundedTickerAppearAsServerMessages(EchoServer server, Browser browser) {
    server.stubs().add(Stub.whenOpened().onSession("0101").reply("welcome {{session}}"));
    server
        .stubs()
        .add(
            Stub.exact("subscribe")
                .inScenario("feed")
                .willSetStateTo("Subscribed")
                .reply("tick")
                .repeatEvery(Duration.ofMillis(100), 3));

    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();
    page.messages().awaitMessage(Message.PUSHED, "welcome 0101");
    page.send("subscribe");

    assertThat(page.messages().awaitKind(Message.PUSHED, 4))
        .extracting(Message::text)
        .containsExactly("welcome 0101", "tick", "tick", "tick");
    assertThat(server.stubs().scenarios().state("feed")).isEqualTo("Subscribed");
  }
}
