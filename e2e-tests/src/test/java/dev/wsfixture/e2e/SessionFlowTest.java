package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.ConnectionStatus;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.e2e.pages.RegistrationResult;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** The original program's flow and its refusals: register, connect, send, read the reply. */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class SessionFlowTest {

  @Test
  void registersConnectsSendsAndShowsTheSessionReply(EchoServer server, Browser browser)
      throws IOException {
    ClientPage page = browser.open(server.httpUri());

    RegistrationResult registration = page.register("0101");
    ConnectionStatus status = page.useSessionEndpoint().connectAndAwait();
    page.send("hello");
    Message reply = page.messages().awaitMessage(Message.RECEIVED, "[0101] hello");

    assertThat(registration)
        .isEqualTo(new RegistrationResult("registered", "Session 0101 registered"));
    assertThat(status.state()).isEqualTo("connected");
    assertThat(page.connectionUrl()).isEqualTo(server.sessionUri("0101").toString());
    assertThat(page.messages().wire())
        .extracting(Message::kind, Message::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Message.SENT, "hello"),
            org.assertj.core.groups.Tuple.tuple(Message.RECEIVED, "[0101] hello"));
    assertThat(reply.time()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d");
    assertThat(page.messageInput()).isEmpty();
    assertThat(page.status().state()).isEqualTo("connected");
    saveScreenshot(browser, "session-flow.png");
  }

  @Test
  void echoEndpointRepliesWithThePrefix(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    page.useEchoEndpoint().connectAndAwait();
    page.send("ping");
    page.messages().awaitMessage(Message.RECEIVED, "Echo: ping");

    assertThat(page.connectionUrl()).isEqualTo(server.echoUri().toString());
    JournalEntry received = server.journal().awaitReceived("ping");
    assertThat(received.sessionId()).isNull();
    assertThat(received.path()).isEqualTo("/");
  }

  @Test
  void badIdShowsTheRuleAndRegistersNothing(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    RegistrationResult result = page.register("bad id!");

    assertThat(result.outcome()).isEqualTo("error");
    assertThat(result.text()).contains("1 to 64 characters of A-Z a-z 0-9 . _ -");
    assertThat(server.sessions()).containsExactly("0101");
  }

  @Test
  void unregisteredIdShowsTheServersRefusal(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    page.enterSessionId("9999").useSessionEndpoint().connect();
    ConnectionStatus status = page.awaitState("closed");
    String alert = page.awaitConnectionAlert("HTTP 403");

    assertThat(alert).contains("session '9999' is not registered");
    assertThat(status.closeCode()).isEqualTo(1006);
    assertThat(page.canConnect()).isTrue();
    assertThat(server.sessions()).containsExactly("0101");
    // Only this session's path: the previous test's window may still be closing its socket. The
    // refused attempt is journaled as such; nothing was ever connected there.
    assertThat(server.journal().entries())
        .filteredOn(entry -> entry.path().equals("/ws/9999"))
        .extracting(JournalEntry::type, JournalEntry::status)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(EntryType.HANDSHAKE, 403));
  }

  @Test
  void serverJournalMatchesWhatThePageShows(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.register("0101");
    page.useSessionEndpoint().connectAndAwait();

    for (String text : new String[] {"one", "two", "three"}) {
      page.send(text);
      page.messages().awaitMessage(Message.RECEIVED, "[0101] " + text);
    }
    server.push("0101", "from the server");
    page.messages().awaitMessage(Message.PUSHED, "from the server");

    List<String> shownSent =
        page.messages().ofKind(Message.SENT).stream().map(Message::text).toList();
    List<String> shownFromServer =
        page.messages().wire().stream()
            .filter(m -> !m.kind().equals(Message.SENT))
            .map(Message::text)
            .toList();
    List<JournalEntry> received = server.journal().received();
    assertThat(received).extracting(JournalEntry::text).isEqualTo(shownSent);
    // This page's connection only: the previous test's window may still have been open at the push.
    long connection = received.get(0).connectionId();
    assertThat(server.journal().awaitSent(4))
        .filteredOn(entry -> entry.connectionId() == connection)
        .extracting(JournalEntry::text)
        .isEqualTo(shownFromServer);
    assertThat(received).extracting(JournalEntry::sessionId).containsOnly("0101");
  }

  /** Kept under target/ so that a person can look at what the page looked like. */
  private static void saveScreenshot(Browser browser, String name) throws IOException {
    Path file = Path.of(System.getProperty("basedir", "."), "target", "screenshots", name);
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
  }
}
