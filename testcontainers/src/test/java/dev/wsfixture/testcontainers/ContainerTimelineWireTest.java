package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Reconnects;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container's journal and faults over the admin API of an in-JVM server, without Docker:
 * HANDSHAKE entries read back with every field, {@code delay-handshakes} applied over the wire, and
 * {@code awaitReconnects} working on the container's journal as on the embedded one.
 */
@Timeout(60)
class ContainerTimelineWireTest {

  @Test
  void handshakesDelaysAndReconnectsTravelOverTheAdminApi() throws Exception {
    try (EchoServer server = EchoServer.builder().session("0101").start()) {
      AdminClient admin = new AdminClient(server::httpUri, "unused-on-loopback");
      ContainerJournal journal = new ContainerJournal(admin, () -> Duration.ofSeconds(5));
      ContainerFaults faults = new ContainerFaults(admin);

      try (JdkClient first = JdkClient.connect(server.sessionUri("0101"))) {
        first.send("subscribe");
        journal.awaitReceived("subscribe");
        faults.refuseHandshakes(1, 503);
        faults.apply(new Fault.DelayHandshakes(null, "0101", List.of(0L, 300L)));
        assertThat(faults.active())
            .contains(new Fault.DelayHandshakes(null, "0101", List.of(0L, 300L)));
        faults.abortAll();
      }
      assertThat(JdkClient.refusedStatus(server.sessionUri("0101"))).isEqualTo(503);
      try (JdkClient again = JdkClient.connect(server.sessionUri("0101"))) {
        again.send("subscribe");

        Reconnects reconnects = journal.awaitReconnects(2).assertResent("subscribe");

        assertThat(reconnects.attempts())
            .extracting(JournalEntry::status)
            .containsExactly(503, 101);
        assertThat(reconnects.attempts()).isEqualTo(server.journal().awaitReconnects(2).attempts());
        JournalEntry accepted = reconnects.attempts().get(1);
        assertThat(accepted.type()).isEqualTo(EntryType.HANDSHAKE);
        assertThat(accepted.remoteAddress()).startsWith("127.0.0.1:");
        assertThat(accepted.subprotocols()).isEmpty();
        assertThat(accepted.extensions()).isEmpty();
        assertThat(faults.active()).isEmpty();
      }
    }
  }
}
