package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.testsupport.DockerRequired;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's example, compiled and run. */
@DockerRequired
@Timeout(120)
class ReadmeExampleIT {

  @Test
  void serviceInAnyLanguageTalksToTheContainer() throws Exception {
    // snippet: readme-any-language {
    try (WebSocketEchoContainer server = new WebSocketEchoContainer().withSession("0101")) {
      server.start();
      URI chat = server.sessionUri("0101"); // ws://localhost:MAPPED_PORT/ws/0101

      startServiceUnderTest(chat); // your service, in any language, pointed at the container

      JournalEntry hello = server.journal().awaitReceived("hello from the service");
      assertThat(hello.sessionId()).isEqualTo("0101");
      server.push("0101", "server says hi"); // and watch how the service reacts
    }
    // }
  }

  /** Stands in for a service in another language: it connects and says hello. */
  private static void startServiceUnderTest(URI uri) {
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(uri, new WebSocket.Listener() {})
        .join()
        .sendText("hello from the service", true)
        .join();
  }
}
