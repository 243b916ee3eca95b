package dev.wsfixture.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.ConnectionInfo;
import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.JournalAssertionError;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import dev.wsfixture.testsupport.JdkClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the journal records, and how its waits behave, seen through {@code journal()}. */
public abstract class JournalContract extends FixtureContract {

  @Test
  void recordsBothDirectionsWithTheirConnectionAndSession() throws Exception {
    try (JdkClient client = JdkClient.connect(server().sessionUri(SESSION))) {
      client.send("one");
      assertThat(client.nextText()).isEqualTo("[0101] one");

      JournalEntry received = server().journal().awaitReceived("one");
      JournalEntry sent = server().journal().awaitSent(1).get(0);
      assertThat(received.sessionId()).isEqualTo(SESSION);
      assertThat(received.path()).isEqualTo("/ws/0101");
      assertThat(received.direction()).isEqualTo(Direction.RECEIVED);
      assertThat(received.origin()).isEqualTo(Origin.CLIENT);
      assertThat(sent.text()).isEqualTo("[0101] one");
      assertThat(sent.origin()).isEqualTo(Origin.ECHO);
      assertThat(sent.connectionId()).isEqualTo(received.connectionId());
      assertThat(sent.sequence()).isGreaterThan(received.sequence());
      assertThat(server().journal().received())
          .extracting(JournalEntry::text)
          .containsExactly("one");
      assertThat(server().journal().entries())
          .extracting(JournalEntry::type)
          .as("a handshake attempt, then its connection")
          .startsWith(EntryType.HANDSHAKE, EntryType.OPENED);

      List<ConnectionInfo> connections = server().connections();
      assertThat(connections)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.id()).isEqualTo(received.connectionId());
                assertThat(c.sessionId()).isEqualTo(SESSION);
              });
    }
  }

  @Test
  void recordsBinaryMessagesAndEntriesAreEqualByValue() throws Exception {
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send(new byte[] {1, 2, 3});
      assertThat(client.nextBinary()).containsExactly(1, 2, 3);
      JournalEntry binary =
          server().journal().await("a binary message", e -> e.type() == EntryType.BINARY, 1).get(0);
      assertThat(binary.bytes()).containsExactly(1, 2, 3);
      assertThat(binary.base64()).isEqualTo("AQID");
      assertThat(server().journal().entries()).as("read again").contains(binary);
    }
  }

  @Test
  void awaitReturnsOnceEnoughArrivedWhileItWaits() throws Exception {
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      CompletableFuture<List<JournalEntry>> waiting =
          CompletableFuture.supplyAsync(() -> server().journal().awaitReceived(3));
      client.send("a");
      client.send("b");
      client.send("c");
      assertThat(waiting.get(JdkClient.WAIT.toSeconds(), TimeUnit.SECONDS))
          .extracting(JournalEntry::text)
          .containsExactly("a", "b", "c");
    }
  }

  @Test
  void awaitClosedReturnsTheCloseOfThatConnection() {
    long id;
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      id = awaitOpened(1).connectionId();
      client.socket.sendClose(4000, "done").join();
      assertThat(client.awaitClose().code()).isEqualTo(4000);
    }
    JournalEntry closed = server().journal().awaitClosed(id);
    assertThat(closed.closeCode()).isEqualTo(4000);
    assertThat(closed.direction()).isEqualTo(Direction.RECEIVED);
  }

  @Test
  void awaitFailsWithAMessageListingWhatArrived() throws Exception {
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("only this");
      client.nextText();
      server().journal().awaitSent(1);

      assertThatThrownBy(
              () ->
                  server()
                      .journal()
                      .await("2 pongs", e -> e.type() == EntryType.PONG, 2, Duration.ofMillis(300)))
          .isInstanceOf(JournalAssertionError.class)
          .hasMessageStartingWith("Expected 2 pongs within 300 ms, but the journal has 4 entries:")
          .hasMessageContaining("RECEIVED HANDSHAKE 101")
          .hasMessageContaining("RECEIVED TEXT \"only this\"")
          .hasMessageContaining("SENT TEXT (echo) \"Echo: only this\"")
          .satisfies(e -> assertThat(((JournalAssertionError) e).journal()).hasSize(4));
    }
  }

  @Test
  void takeReturnsEachEntryOnceInOrderAndClearSkipsWhatWasThere() throws Exception {
    Duration wait = JdkClient.WAIT;
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("a");
      client.nextText();
      assertThat(server().journal().take(wait).type()).isEqualTo(EntryType.HANDSHAKE);
      assertThat(server().journal().take(wait).type()).isEqualTo(EntryType.OPENED);
      assertThat(server().journal().take(wait).text()).isEqualTo("a");
      assertThat(server().journal().take(wait).text()).isEqualTo("Echo: a");

      client.send("b");
      client.nextText();
      server().journal().awaitSent(2);
      server().journal().clear();
      assertThat(server().journal().entries()).isEmpty();
      client.send("c");
      assertThat(server().journal().take(wait).text()).isEqualTo("c");
      assertThat(server().journal().take(wait).text()).isEqualTo("Echo: c");
      assertThatThrownBy(() -> server().journal().take(Duration.ofMillis(200)))
          .isInstanceOf(JournalAssertionError.class)
          .hasMessageStartingWith("Expected a new journal entry within 200 ms");
    }
  }

  @Test
  void countsNothingDroppedInAJournalThatIsNotFull() {
    assertThat(server().journal().dropped()).isZero();
  }
}
