package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.Replay;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JwsUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * A browser session through the HTML client, recorded by a proxy in front of a real server (not
 * wsfixture: Java-WebSocket's), then replayed to the browser with no upstream at all.
 */
@BrowserTest
class RecordAndReplayTest {

  @TempDir Path directory;

  @Test
  void aBrowserSessionRecordedThroughTheProxyIsReplayedToTheBrowser(Browser browser)
      throws Exception {
    Path recording = directory.resolve("browser-session.jsonl");
    try (JwsUpstream upstream = JwsUpstream.listen();
        EchoServer proxy = EchoServer.builder().proxy(upstream.uri()).record(recording).start()) {
      ClientPage page = browser.open(proxy.httpUri());
      page.useEchoEndpoint().connectAndAwait();
      page.messages().awaitMessage(Message.PUSHED, "welcome");
      converse(page);
      page.disconnect();
      await("the client's close in the recording")
          .atMost(Duration.ofSeconds(20))
          .until(() -> Files.readString(recording).contains("\"type\":\"CLOSE\""));
    }
    List<String> lines = Files.readAllLines(recording);
    assertThat(lines.get(0)).startsWith("{\"recording\":1");
    assertThat(String.join("\n", lines))
        .contains("\"direction\":\"SENT\",\"type\":\"TEXT\",\"text\":\"welcome\"")
        .contains("\"direction\":\"RECEIVED\",\"type\":\"TEXT\",\"text\":\"hello\"")
        .contains("\"direction\":\"SENT\",\"type\":\"TEXT\",\"text\":\"echo:hello\"")
        .contains("\"direction\":\"SENT\",\"type\":\"TEXT\",\"text\":\"echo:world\"");

    // The upstream is gone: the replay alone answers the same browser session.
    try (EchoServer replay = EchoServer.builder().replay(Replay.of(recording)).start()) {
      ClientPage page = browser.open(replay.httpUri());
      page.useEchoEndpoint().connectAndAwait();
      page.messages().awaitMessage(Message.PUSHED, "welcome");
      converse(page);
      Path screenshot = Path.of("target", "record-and-replay.png");
      Files.createDirectories(screenshot.getParent());
      Files.write(
          screenshot, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
      page.disconnect();
      replay.journal().assertNoDeviations();
    }
  }

  private static void converse(ClientPage page) {
    page.send("hello");
    page.messages().awaitMessage(Message.RECEIVED, "echo:hello");
    page.send("world");
    page.messages().awaitMessage(Message.RECEIVED, "echo:world");
  }
}
