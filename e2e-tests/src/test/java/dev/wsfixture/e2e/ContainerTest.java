package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.e2e.pages.ClientPage;
import dev.wsfixture.e2e.pages.Message;
import dev.wsfixture.e2e.pages.RegistrationResult;
import dev.wsfixture.testcontainers.WebSocketEchoContainer;
import dev.wsfixture.testsupport.DockerRequired;
import org.junit.jupiter.api.Test;

/**
 * The session flow against the Docker image ({@code wsfixture/server}, built by the testcontainers
 * module), the page loaded through the container's mapped port.
 */
@DockerRequired
@BrowserTest
class ContainerTest {

  @Test
  void sessionFlowAgainstTheDockerImage(Browser browser) {
    try (WebSocketEchoContainer server = new WebSocketEchoContainer()) {
      server.start();
      ClientPage page = browser.open(server.httpUri());

      RegistrationResult registration = page.register("0101");
      page.useSessionEndpoint().connectAndAwait();
      page.send("hello");
      page.messages().awaitMessage(Message.RECEIVED, "[0101] hello");
      server.push("0101", "from the container");
      page.messages().awaitMessage(Message.PUSHED, "from the container");

      assertThat(registration.registered()).isTrue();
      assertThat(server.sessions()).contains("0101");
      assertThat(page.connectionUrl()).isEqualTo(server.sessionUri("0101").toString());
      JournalEntry received = server.journal().awaitReceived("hello");
      assertThat(received.sessionId()).isEqualTo("0101");
      assertThat(server.journal().awaitSent(2))
          .extracting(JournalEntry::text)
          .containsExactly("[0101] hello", "from the container");
    }
  }
}
