package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.Stub;
import dev.wsfixture.WebSocketFixture;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.DockerRequired;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's example of one test written against {@link WebSocketFixture}, run on both. */
@DockerRequired
@Timeout(120)
class ReadmeEitherServerIT {

  // snippet: readme-either-server {
  /** Written once against the interface: runs on the in-JVM server and on the container. */
  void clientSubscribesAndReadsTheAnswer(WebSocketFixture server) throws Exception {
    server.register("0101");
    server.stubs().add(Stub.exact("subscribe").reply("subscribed"));

    String answer = clientUnderTest(server.sessionUri("0101")); // your code, pointed at the server

    assertThat(answer).isEqualTo("subscribed");
    JournalEntry subscribe = server.journal().awaitReceived("subscribe");
    assertThat(subscribe.sessionId()).isEqualTo("0101");
  }

  @Test
  void inThisJvm() throws Exception {
    try (EchoServer server = EchoServer.builder().start()) {
      clientSubscribesAndReadsTheAnswer(server);
    }
  }

  @Test
  void inDocker() throws Exception {
    try (WebSocketEchoContainer server = new WebSocketEchoContainer()) {
      server.start();
      clientSubscribesAndReadsTheAnswer(server);
    }
  }

  // }

  /** Stands in for the code under test: it connects, subscribes and returns the first answer. */
  private static String clientUnderTest(URI uri) throws Exception {
    CompletableFuture<String> answer = new CompletableFuture<>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    answer.complete(data.toString());
                    return null;
                  }
                })
            .join();
    socket.sendText("subscribe", true).join();
    try {
      return answer.get(30, TimeUnit.SECONDS);
    } finally {
      socket.abort();
    }
  }
}
