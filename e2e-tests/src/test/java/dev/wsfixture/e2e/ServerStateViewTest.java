package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Stub;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.JournalRow;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The "Server state" card: the server's own journal, faults and stubs, live through the admin API
 * (here on, as wsfixture-server is on the class path), and what the card says when the admin API is
 * off or asks for a token.
 */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class ServerStateViewTest {

  @Test
  void theJournalFollowsTheTrafficAsItHappens(EchoServer server, Browser browser)
      throws IOException {
    ClientPage page = browser.open(server.httpUri());
    page.serverState().awaitState("on");
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();

    page.send("hello");
    page.messages().awaitMessage(Message.RECEIVED, "[0101] hello");
    server.push("0101", "from the test");

    JournalRow received =
        page.serverState()
            .awaitJournalRow(
                "RECEIVED TEXT hello",
                r -> r.direction().equals("RECEIVED") && r.type().equals("TEXT"));
    JournalRow echoed =
        page.serverState().awaitJournalRow("SENT ECHO", r -> r.origin().equals("ECHO"));
    JournalRow pushed =
        page.serverState().awaitJournalRow("SENT PUSH", r -> r.origin().equals("PUSH"));
    assertThat(received.content()).isEqualTo("hello");
    assertThat(received.session()).isEqualTo("0101");
    assertThat(echoed.content()).isEqualTo("[0101] hello");
    assertThat(pushed.content()).isEqualTo("from the test");
    assertThat(pushed.sequence())
        .isEqualTo(
            server
                .journal()
                .await("the push", e -> "from the test".equals(e.text()), 1)
                .get(0)
                .sequence());
    page.serverState().scrollIntoView();
    saveScreenshot(browser, "server-state.png");
  }

  @Test
  void faultsAndStubsAppearAndGo(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.serverState().awaitState("on");

    server.faults().delayReplies("0101", Duration.ofMillis(250));
    server.stubs().add(Stub.exact("ping").reply("pong").withId("pinger"));

    assertThat(page.serverState().awaitFault("delay"))
        .isEqualTo("delay session=\"0101\" millis=250 jitterMillis=0");
    assertThat(page.serverState().awaitStub("pinger"))
        .isEqualTo("pinger: EXACT \"ping\" \u2192 1 reply");
    server.stubs().clear();
    page.serverState().awaitNoStubs();
  }

  @Test
  void clearingTheJournalOnTheServerEmptiesTheView(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.serverState().awaitState("on");
    page.useEchoEndpoint().connectAndAwait();
    page.send("one");
    page.serverState().awaitJournalRow("one", r -> r.content().equals("one"));

    page.serverState().clearJournal();
    page.serverState().awaitEmptyJournal();
    page.send("two");

    page.serverState().awaitJournalRow("two", r -> r.content().equals("two"));
    assertThat(page.serverState().journal()).noneMatch(r -> r.content().equals("one"));
    assertThat(server.journal().entries()).noneMatch(e -> "one".equals(e.text()));
  }

  @Test
  void aResetOnTheServerIsFollowed(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.serverState().awaitState("on");
    page.useEchoEndpoint().connectAndAwait();
    page.send("before");
    page.serverState().awaitJournalRow("before", r -> r.content().equals("before"));

    server.reset();
    page.serverState().awaitEmptyJournal();
    page.send("after");

    JournalRow after =
        page.serverState().awaitJournalRow("after", r -> r.content().equals("after"));
    assertThat(after.sequence()).isEqualTo(1);
  }

  @Test
  void withoutTheAdminApiTheCardSaysSoAndTheClientWorks(Browser browser) {
    try (EchoServer server = EchoServer.builder().adminApi(false).start()) {
      ClientPage page = browser.open(server.httpUri());

      page.serverState().awaitState("off");
      page.useEchoEndpoint().connectAndAwait();
      page.send("still works");

      assertThat(page.serverState().note())
          .startsWith("This server has no admin API")
          .contains("when wsfixture-server is on the class path");
      page.messages().awaitMessage(Message.RECEIVED, "Echo: still works");
    }
  }

  @Test
  void aServerOffLoopbackAsksForItsTokenAndThenShowsItsState(Browser browser) {
    try (EchoServer server = EchoServer.builder().host("0.0.0.0").session("0101").start()) {
      ClientPage page = browser.open(server.httpUri());
      page.serverState().awaitState("token");

      page.serverState().useToken("wrong");
      page.serverState().awaitState("token");
      assertThat(page.serverState().note()).startsWith("The admin API refused the token given.");
      page.serverState().useToken(server.adminToken().orElseThrow());
      page.serverState().awaitState("on");
      page.useEchoEndpoint().connectAndAwait();
      page.send("hi");

      page.serverState().awaitJournalRow("hi", r -> r.content().equals("hi"));
    }
  }

  /** Kept under target/ so that a person can look at what the page looked like. */
  private static void saveScreenshot(Browser browser, String name) throws IOException {
    Path file = Path.of(System.getProperty("basedir", "."), "target", "screenshots", name);
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
  }
}
