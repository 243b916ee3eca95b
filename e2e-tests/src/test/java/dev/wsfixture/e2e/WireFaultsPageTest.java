package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.ConnectionStatus;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The wire faults a page can show, met by Chromium through the HTML client: a fragmented reply, a
 * close without a status code, a cut. (A page cannot show a missing pong: browsers send no pings
 * that a script could ask for.)
 */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class WireFaultsPageTest {

  private static ClientPage connected(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();
    return page;
  }

  @Test
  void aFragmentedReplyIsShownWholeAndThePingsBetweenAreAnswered(EchoServer server, Browser browser)
      throws IOException {
    ClientPage page = connected(server, browser);
    server.faults().apply(new Fault.Fragment("0101", null, 3, true));

    page.send("a reply in pieces");
    page.messages().awaitMessage(Message.RECEIVED, "[0101] a reply in pieces");

    // "[0101] a reply in pieces" is 24 bytes: 8 fragments, and a PING between each two
    assertThat(
            server
                .journal()
                .await(
                    "the browser's pongs",
                    e -> e.type() == EntryType.PONG && e.direction() == Direction.RECEIVED,
                    7))
        .hasSize(7);
    assertThat(page.messages().wire())
        .extracting(Message::kind, Message::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Message.SENT, "a reply in pieces"),
            org.assertj.core.groups.Tuple.tuple(Message.RECEIVED, "[0101] a reply in pieces"));
    saveScreenshot(browser, "fragmented-reply.png");
  }

  @Test
  void aCloseWithoutAStatusCodeIsShownAs1005(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);

    assertThat(server.faults().apply(new Fault.Close("0101", null, null, null))).isEqualTo(1);
    ConnectionStatus status = page.awaitState("closed");

    assertThat(status.closeCode()).isEqualTo(1005);
    assertThat(status.text()).isEqualTo("closed (1005)");
    page.messages().awaitMessage(Message.SYSTEM, "Closed with code 1005 (no reason)");
    assertThat(page.canConnect()).isTrue();
  }

  @Test
  void aCutIsShownAs1006(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);

    assertThat(server.faults().apply(new Fault.Cut("0101", null, 3))).isEqualTo(1);
    page.send("a reply to cut");
    ConnectionStatus status = page.awaitState("closed");

    assertThat(status.closeCode()).isEqualTo(1006);
    page.messages()
        .awaitMessage(
            Message.SYSTEM,
            "The connection was lost without a close frame; press Connect to" + " reconnect.");
    assertThat(page.messages().ofKind(Message.RECEIVED)).as("no part of the cut reply").isEmpty();
    List<JournalEntry> cut =
        server
            .journal()
            .await(
                "the cut", e -> e.type() == EntryType.CLOSED && e.direction() == Direction.SENT, 1);
    assertThat(cut.get(0).text()).isEqualTo("cut after 3 bytes of a message, TCP reset");
  }

  /** Kept under target/ so that a person can look at what the page looked like. */
  private static void saveScreenshot(Browser browser, String name) throws IOException {
    Path file = Path.of(System.getProperty("basedir", "."), "target", "screenshots", name);
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
  }
}
