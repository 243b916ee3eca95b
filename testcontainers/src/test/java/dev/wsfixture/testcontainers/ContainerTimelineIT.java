package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Reconnects;
import dev.wsfixture.testsupport.DockerRequired;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.SharedServers;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * HANDSHAKE entries, delay-handshakes and reconnect timelines of a container, with a real client.
 */
@DockerRequired
@Testcontainers
@Timeout(120)
class ContainerTimelineIT {

  @Container
  static final WebSocketEchoContainer server =
      new WebSocketEchoContainer().withSession("0101").withAwaitTimeout(Duration.ofSeconds(30));

  @BeforeEach
  void reset() {
    SharedServers.resetWhenIdle(server, JdkClient.WAIT);
  }

  @Test
  void everyHandshakeAttemptIsJournaledWithItsStatus() throws Exception {
    server.faults().refuseHandshakes(1, 503);
    assertThat(JdkClient.refusedStatus(server.sessionUri("0101"))).isEqualTo(503);
    try (JdkClient client = JdkClient.connect(server.sessionUri("0101"))) {
      assertThat(client.ask("hi")).isEqualTo("[0101] hi");
    }
    assertThat(JdkClient.refusedStatus(server.sessionUri("nope"))).isEqualTo(403);

    assertThat(server.journal().await("3 handshakes", e -> e.type() == EntryType.HANDSHAKE, 3))
        .extracting(JournalEntry::path, JournalEntry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/ws/0101", 503),
            org.assertj.core.groups.Tuple.tuple("/ws/0101", 101),
            org.assertj.core.groups.Tuple.tuple("/ws/nope", 403));
  }

  @Test
  void aDelayedRefusalThenAReconnectShowUpInTheTimeline() throws Exception {
    JdkClient first = JdkClient.connect(server.sessionUri("0101"));
    first.send("subscribe");
    server.journal().awaitReceived("subscribe");
    server.faults().delayHandshakes(Duration.ofMillis(300));
    server.faults().refuseHandshakes(1, 503);
    assertThat(server.faults().active())
        .hasAtLeastOneElementOfType(Fault.DelayHandshakes.class)
        .hasAtLeastOneElementOfType(Fault.RefuseHandshakes.class);
    server.faults().abortAll();
    first.awaitClose();

    long start = System.nanoTime();
    assertThat(JdkClient.refusedStatus(server.sessionUri("0101"))).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("the refusal waited its delay (a lower bound)")
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    try (JdkClient second = JdkClient.connect(server.sessionUri("0101"))) {
      second.send("subscribe");
      Reconnects reconnects = server.journal().awaitReconnects(2);
      reconnects.assertResent("subscribe");
      assertThat(reconnects.attempts()).extracting(JournalEntry::status).containsExactly(503, 101);
    }
    first.close();
  }
}
