package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalAssertionError;
import dev.wsfixture.Replay;
import dev.wsfixture.testsupport.DockerRequired;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.SharedServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** A recording replayed by the image, copied in by {@code withReplay}, to a real client. */
@DockerRequired
@Testcontainers
@Timeout(120)
class ContainerReplayIT {

  @Container
  static final WebSocketEchoContainer server =
      new WebSocketEchoContainer()
          .withReplay(
              Replay.of(Path.of("src/test/resources/recordings/quotes.jsonl"))
                  .asFastAsPossible()
                  .ignoringFields("ts")
                  .copyingFields("requestId"))
          .withAwaitTimeout(Duration.ofSeconds(30));

  @BeforeEach
  void reset() {
    SharedServers.resetWhenIdle(server, JdkClient.WAIT);
  }

  private static URI stream() {
    return server.echoUri().resolve("/v1/stream?token=abc");
  }

  @Test
  void theContainerPlaysTheRecordingWithTheClientsRequestId() throws Exception {
    try (JdkClient client = JdkClient.connect(stream())) {
      assertThat(client.nextText()).isEqualTo("{\"type\":\"welcome\",\"server\":\"q-7\"}");
      client.send("{\"type\":\"subscribe\",\"symbol\":\"ACME\",\"requestId\":\"mine-9\",\"ts\":5}");
      assertThat(client.nextText())
          .isEqualTo("{\"type\":\"subscribed\",\"symbol\":\"ACME\",\"requestId\":\"mine-9\"}");
      assertThat(client.nextText()).contains("\"price\":101.25");
      assertThat(client.nextBinary()).containsExactly(1, 2, 3, 4, 5);
      client.send("{\"type\":\"unsubscribe\",\"symbol\":\"ACME\"}");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Close(4000, "unsubscribed"));
    }
    server.journal().assertNoDeviations();
  }

  @Test
  void aDeviationIsInTheContainersJournalWithTheDifference() throws Exception {
    try (JdkClient client = JdkClient.connect(stream())) {
      client.nextText();
      client.send("{\"type\":\"subscribe\",\"symbol\":\"EVIL\",\"requestId\":\"x\",\"ts\":5}");
      assertThat(client.awaitClose().code()).isEqualTo(1008);
    }
    server.journal().await("a deviation", e -> e.type() == EntryType.DEVIATION, 1);
    assertThatThrownBy(() -> server.journal().assertNoDeviations())
        .isInstanceOf(JournalAssertionError.class)
        .hasMessageContaining("field symbol: \"ACME\" was expected, not \"EVIL\"");
  }
}
