package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Stub;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.e2e.pages.RegistrationResult;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import org.junit.jupiter.api.Test;

/**
 * What a person meets first in the HTML client: the session field's hint, alerts that go when the
 * problem goes, the server's real echo prefix, the focus after Connect, binary messages and
 * subprotocols.
 */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class ClientControlsTest {

  @Test
  void theSessionFieldStartsEmptyWithAHintThatIsNotAValue(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    RegistrationResult empty = page.clickRegister();

    assertThat(page.sessionIdPlaceholder()).isEqualTo("e.g. 0101");
    assertThat(empty.outcome()).isEqualTo("error");
    assertThat(empty.text()).startsWith("Enter a session id, for example 0101.");
  }

  @Test
  void aRegistrationErrorGoesAsSoonAsTheIdIsEdited(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.register("bad id!");

    page.enterSessionId("0202");

    assertThat(page.registrationText()).isEmpty();
    assertThat(page.register("0202").outcome()).isEqualTo("registered");
  }

  @Test
  void aRefusalGoesOnceTheSessionIsRegistered(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0303").useSessionEndpoint().connect();
    page.awaitConnectionAlert("HTTP 403");

    page.register("0303");

    assertThat(page.connectionAlert()).isEmpty();
    page.connectAndAwait();
    assertThat(page.connectionAlert()).isEmpty();
  }

  @Test
  void afterConnectTheMessageFieldHasTheFocus(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    page.useEchoEndpoint().connectAndAwait();

    assertThat(page.messageInputHasFocus()).isTrue();
  }

  @Test
  void theHeaderAndTheRepliesUseTheServersOwnEchoPrefix(Browser browser) {
    try (EchoServer custom = EchoServer.builder().echoPrefix("> ").start()) {
      ClientPage page = browser.open(custom.httpUri());

      page.useEchoEndpoint().connectAndAwait();
      page.send("hi");

      assertThat(page.echoReplyExample()).isEqualTo("> message");
      page.messages().awaitMessage(Message.RECEIVED, "> hi");
      assertThat(page.messages().ofKind(Message.PUSHED)).isEmpty();
    }
  }

  @Test
  void binaryGoesOutAsBinaryAndItsEchoIsReceived(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();

    page.sendBinary("01 02 ff");

    page.messages().awaitMessage(Message.SENT, "[binary 3 bytes] 01 02 ff");
    Message echo = page.messages().awaitMessage(Message.RECEIVED, "[binary 3 bytes] 01 02 ff");
    assertThat(echo.length()).isEqualTo(3);
    JournalEntry received =
        server.journal().await("the binary message", e -> e.type() == EntryType.BINARY, 1).get(0);
    assertThat(received.bytes()).containsExactly(1, 2, 0xff);
    assertThat(page.messages().ofKind(Message.PUSHED)).isEmpty();
  }

  @Test
  void aBinaryPushIsLabelledPushed(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();

    server.push("0101", new byte[] {7, 8});

    page.messages().awaitMessage(Message.PUSHED, "[binary 2 bytes] 07 08");
    assertThat(page.messages().ofKind(Message.RECEIVED)).isEmpty();
  }

  @Test
  void aMessageThatGetsNoEchoDoesNotMakeLaterEchoesLookPushed(EchoServer server, Browser browser) {
    server.stubs().add(Stub.exact("ping").reply("pong"));
    ClientPage page = browser.open(server.httpUri());
    page.useEchoEndpoint().connectAndAwait();

    page.send("ping");
    page.messages().awaitMessage(Message.PUSHED, "pong");
    page.send("hello");

    page.messages().awaitMessage(Message.RECEIVED, "Echo: hello");
    assertThat(page.messages().ofKind(Message.PUSHED))
        .extracting(Message::text)
        .containsExactly("pong");
  }

  @Test
  void hexThatIsNotWholeBytesIsExplainedAndNotSent(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.useEchoEndpoint().connectAndAwait();

    page.sendBinary("abc");

    assertThat(page.messageAlert()).startsWith("Binary messages are written as hex bytes");
    assertThat(page.messages().wire()).isEmpty();
    page.typeMessage("d");
    assertThat(page.messageAlert()).isEmpty();
    page.send("ab cd");
    page.messages().awaitMessage(Message.RECEIVED, "[binary 2 bytes] ab cd");
  }

  @Test
  void aSubprotocolTheServerSpeaksIsAgreed(Browser browser) {
    try (EchoServer custom = EchoServer.builder().subprotocols("chat.v2", "chat.v1").start()) {
      ClientPage page = browser.open(custom.httpUri());

      page.subprotocol("chat.v1").useEchoEndpoint().connectAndAwait();
      page.send("hi");

      assertThat(page.subprotocolHelp()).isEqualTo("The server speaks chat.v2, chat.v1.");
      assertThat(page.negotiatedSubprotocol()).isEqualTo("chat.v1");
      assertThat(page.connectionProtocol()).isEqualTo("chat.v1");
      page.messages().awaitMessage(Message.RECEIVED, "Echo: hi");
      page.messages()
          .awaitMessage(
              Message.SYSTEM, "Connected to " + custom.echoUri() + " with subprotocol chat.v1");
    }
  }

  @Test
  void aSubprotocolTheServerDoesNotSpeakIsExplained(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());

    page.subprotocol("mqtt").useEchoEndpoint().connect();
    page.awaitState("closed");
    String alert = page.awaitConnectionAlert("subprotocol");

    assertThat(alert)
        .isEqualTo(
            "The server does not speak subprotocol \"mqtt\" (it speaks none). Pick one it speaks,"
                + " or leave the field empty.");
    page.subprotocol("");
    assertThat(page.connectionAlert()).isEmpty();
    page.connectAndAwait();
    assertThat(page.negotiatedSubprotocol()).isEmpty();
  }
}
