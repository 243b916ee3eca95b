package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the page does with awkward messages: markup, non-Latin scripts, emoji, one mebibyte. */
@WebSocketEchoServer(sessions = "0101")
@BrowserTest
class MessageContentTest {

  private static ClientPage connected(EchoServer server, Browser browser) {
    ClientPage page = browser.open(server.httpUri());
    page.enterSessionId("0101").useSessionEndpoint().connectAndAwait();
    return page;
  }

  @Test
  void htmlInAMessageIsShownAsTextAndRunsNothing(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);
    String markup =
        "<img src=x onerror=\"window.__injected = true; alert('injected')\"><b>bold</b>";

    page.send(markup);
    page.messages().awaitMessage(Message.RECEIVED, "[0101] " + markup);
    // A round trip after it: an onerror of an image the page had created would have run by now.
    page.send("after");
    page.messages().awaitMessage(Message.RECEIVED, "[0101] after");

    assertThat(page.messages().ofKind(Message.SENT)).extracting(Message::text).contains(markup);
    assertThat(page.messages().elementsInsideTexts()).isZero();
    assertThat(page.isAlertOpen()).isFalse();
    assertThat(browser.script("return window.__injected === undefined;")).isEqualTo(true);
    assertThat(server.journal().awaitReceived(markup).text()).isEqualTo(markup);
  }

  @Test
  void unicodeTypedAndPastedComesBackUnchanged(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);
    String typed = "Grüße, Καλημέρα, Привет, 你好, שלום, こんにちは";
    // ChromeDriver types only characters of the Basic Multilingual Plane; emoji are pasted.
    String pasted = "emoji 👋🏽 🎉 and a flag 🇧🇪";

    page.send(typed);
    page.messages().awaitMessage(Message.RECEIVED, "[0101] " + typed);
    page.paste(pasted);
    page.messages().awaitMessage(Message.RECEIVED, "[0101] " + pasted);

    assertThat(server.journal().awaitReceived(typed).size())
        .isEqualTo(typed.getBytes(StandardCharsets.UTF_8).length);
    assertThat(server.journal().awaitReceived(pasted).text()).isEqualTo(pasted);
  }

  @Test
  void oneMebibyteMessageGoesThereAndBack(EchoServer server, Browser browser) {
    ClientPage page = connected(server, browser);
    String large = pattern(1024 * 1024);

    page.paste(large);
    Message reply = page.messages().awaitMessageStartingWith(Message.RECEIVED, "[0101] 0123456789");

    assertThat(reply.length()).isEqualTo("[0101] ".length() + large.length());
    assertThat(reply.text()).endsWith("(" + reply.length() + " characters)");
    assertThat(page.messages().ofKind(Message.SENT))
        .singleElement()
        .extracting(Message::length)
        .isEqualTo(large.length());
    JournalEntry received = server.journal().awaitReceived(1).get(0);
    assertThat(received.size()).isEqualTo(1024 * 1024);
    assertThat(received.text()).isEqualTo(large);
  }

  private static String pattern(int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append("0123456789abcdefghijklmnopqrstuvwxyz\n".charAt(text.length() % 37));
    }
    return text.toString();
  }
}
