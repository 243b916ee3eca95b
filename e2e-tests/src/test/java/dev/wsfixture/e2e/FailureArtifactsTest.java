package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.junit.WebSocketEchoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A failing browser test leaves a screenshot, the page and the console log, and says where. */
class FailureArtifactsTest {

  @Test
  void failedTestSavesScreenshotPageAndConsoleAndNamesThemInTheMessage() throws IOException {
    List<Event> failures =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(DeliberatelyFailing.class))
            .execute()
            .testEvents()
            .failed()
            .list();

    assertThat(failures).hasSize(1);
    Throwable failure =
        failures
            .get(0)
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    String message = failure.getMessage();
    assertThat(message).startsWith("the page is not what this test wants");
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
    Path screenshot = savedPath(message, "screenshot");
    Path page = savedPath(message, "page HTML");
    Path console = savedPath(message, "console log");
    assertThat(screenshot).isRegularFile();
    assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("id=\"connect-button\"");
    assertThat(Files.readString(console, StandardCharsets.UTF_8))
        .contains("a line for the failure log");
  }

  private static Path savedPath(String message, String what) {
    Matcher matcher = Pattern.compile("\\n\\s+" + what + ": (\\S+)").matcher(message);
    assertThat(matcher.find()).as("'%s: <path>' in: %s", what, message).isTrue();
    return Path.of(matcher.group(1));
  }

  @WebSocketEchoServer
  @BrowserTest
  static class DeliberatelyFailing {

    @Test
    void fails(EchoServer server, Browser browser) {
      ClientPage page = browser.open(server.httpUri());
      browser.script("console.warn('a line for the failure log');");
      page.useEchoEndpoint();
      throw new AssertionError("the page is not what this test wants");
    }
  }
}
