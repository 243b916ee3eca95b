package dev.wsfixture.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every fault kind, applied through {@code faults()} and seen by real clients. */
@SuppressWarnings("try") // some clients are opened only to be there
public abstract class FaultsContract extends FixtureContract {

  @Nested
  class Close {
    @Test
    void closesEveryConnectionWithTheCodeAndReason() {
      try (JdkClient echo = JdkClient.connect(server().echoUri());
          JdkClient session = JdkClient.connect(server().sessionUri(SESSION))) {
        awaitOpened(2);
        assertThat(server().faults().closeAll(4000, "bye")).isEqualTo(2);
        assertThat(echo.awaitClose()).isEqualTo(new JdkClient.Close(4000, "bye"));
        assertThat(session.awaitClose()).isEqualTo(new JdkClient.Close(4000, "bye"));
      }
    }

    @Test
    void closesOneSessionAndLeavesTheOthersOpen() throws Exception {
      try (JdkClient echo = JdkClient.connect(server().echoUri());
          JdkClient session = JdkClient.connect(server().sessionUri(SESSION))) {
        awaitOpened(2);
        assertThat(server().faults().closeSession(SESSION, 1011, "oops")).isEqualTo(1);
        assertThat(session.awaitClose()).isEqualTo(new JdkClient.Close(1011, "oops"));
        echo.send("still here");
        assertThat(echo.nextText()).isEqualTo("Echo: still here");
      }
    }

    @Test
    void closesOneConnection() throws Exception {
      try (JdkClient first = JdkClient.connect(server().echoUri());
          JdkClient second = JdkClient.connect(server().echoUri())) {
        long id = awaitOpened(2).connectionId();
        assertThat(server().faults().closeConnection(id, 1000, "")).isTrue();
        assertThat(second.awaitClose().code()).isEqualTo(1000);
        first.send("a");
        assertThat(first.nextText()).isEqualTo("Echo: a");
        assertThat(server().faults().closeConnection(999, 1000, "")).isFalse();
      }
    }

    @Test
    void refusesACodeNoCloseFrameMayCarry() {
      assertThatThrownBy(() -> server().faults().closeAll(1006, ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("abort");
    }
  }

  @Nested
  class Abort {
    @Test
    void dropsTheConnectionWithoutACloseFrameSoTheClientSees1006() throws Exception {
      JwsClient client = JwsClient.connect(server().echoUri());
      awaitOpened(1);
      assertThat(server().faults().abortAll()).isEqualTo(1);
      assertThat(client.awaitClose().code()).isEqualTo(1006);
      JournalEntry closed =
          server().journal().await("closed", e -> e.type() == EntryType.CLOSED, 1).get(0);
      assertThat(closed.closeCode()).isEqualTo(1006);
      assertThat(closed.direction()).isEqualTo(Direction.SENT);
    }

    @Test
    void abortsOneSessionOnly() throws Exception {
      JwsClient session = JwsClient.connect(server().sessionUri(SESSION));
      try (JdkClient echo = JdkClient.connect(server().echoUri())) {
        awaitOpened(2);
        assertThat(server().faults().abortSession(SESSION)).isEqualTo(1);
        assertThat(session.awaitClose().code()).isEqualTo(1006);
        echo.send("x");
        assertThat(echo.nextText()).isEqualTo("Echo: x");
      }
    }
  }

  @Nested
  class Delay {
    @Test
    void delaysEveryReplyAndKeepsTheirOrder() throws Exception {
      try (JdkClient client = JdkClient.connect(server().echoUri())) {
        server().faults().delayReplies(Duration.ofMillis(300));
        assertThat(server().faults().active()).containsExactly(new Fault.Delay(null, 300));
        for (int i = 0; i < 5; i++) {
          client.send("m" + i);
        }
        for (int i = 0; i < 5; i++) {
          assertThat(client.nextText()).isEqualTo("Echo: m" + i);
        }
        List<JournalEntry> received = server().journal().received();
        List<JournalEntry> sent = server().journal().sent();
        for (int i = 0; i < 5; i++) {
          assertThat(Duration.between(received.get(i).time(), sent.get(i).time()))
              .as("reply %d went out at least the delay after its message", i)
              .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
      }
    }

    @Test
    void delaysOneSessionOnly() throws Exception {
      try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION));
          JdkClient echo = JdkClient.connect(server().echoUri())) {
        server().faults().delayReplies(SESSION, Duration.ofMillis(200));
        session.send("slow");
        echo.send("fast");
        assertThat(echo.nextText()).isEqualTo("Echo: fast");
        assertThat(session.nextText()).isEqualTo("[0101] slow");
        JournalEntry in = server().journal().awaitReceived("slow");
        JournalEntry out =
            server().journal().await("the reply", e -> "[0101] slow".equals(e.text()), 1).get(0);
        assertThat(Duration.between(in.time(), out.time()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(server().faults().active()).containsExactly(new Fault.Delay(SESSION, 200));
      }
    }

    @Test
    void delaysOneConnectionAndLeavesTheOtherOfItsSessionAlone() throws Exception {
      try (JdkClient slow = JdkClient.connect(server().sessionUri(SESSION))) {
        long slowId = awaitOpened(1).connectionId();
        try (JdkClient fast = JdkClient.connect(server().sessionUri(SESSION))) {
          awaitOpened(2);
          Fault.Delay delay = new Fault.Delay(null, slowId, 1000, 0);
          server().faults().apply(delay);
          assertThat(server().faults().active()).containsExactly(delay);

          slow.send("slow");
          server().journal().awaitReceived("slow");
          fast.send("fast");
          assertThat(fast.nextText()).isEqualTo("[0101] fast");
          assertThat(slow.nextText()).isEqualTo("[0101] slow");

          assertThat(server().journal().awaitSent(2))
              .as("the other connection's reply went out before the delayed one")
              .extracting(JournalEntry::text)
              .containsExactly("[0101] fast", "[0101] slow");
          JournalEntry in = server().journal().awaitReceived("slow");
          JournalEntry out = server().journal().awaitSent(2).get(1);
          assertThat(Duration.between(in.time(), out.time()))
              .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
      }
    }
  }

  @Nested
  class Hang {
    @Test
    void readsButNeverAnswersNotEvenPings() throws Exception {
      try (JdkClient client = JdkClient.connect(server().echoUri())) {
        server().faults().hang();
        client.send("lost");
        client.socket.sendPing(ByteBuffer.wrap(new byte[] {7})).join();
        server().journal().awaitReceived("lost");
        server().journal().await("the ping", e -> e.type() == EntryType.PING, 1);

        server().faults().reset();
        client.send("back");
        assertThat(client.nextText())
            .as("the hung message was never answered")
            .isEqualTo("Echo: back");
        assertThat(server().journal().sent())
            .extracting(JournalEntry::text)
            .containsExactly("Echo: back");
      }
    }

    @Test
    void hangsOneSessionAndListsTheFault() throws Exception {
      server().faults().hang(SESSION);
      assertThat(server().faults().active()).containsExactly(new Fault.Hang(SESSION));
      try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION));
          JdkClient echo = JdkClient.connect(server().echoUri())) {
        session.send("unanswered");
        server().journal().awaitReceived("unanswered");
        echo.send("answered");
        assertThat(echo.nextText()).isEqualTo("Echo: answered");

        server().faults().reset();
        session.send("now");
        assertThat(session.nextText()).isEqualTo("[0101] now");
      }
    }

    @Test
    void hangsOneConnectionAndLeavesTheOtherOfItsSessionAlone() throws Exception {
      try (JdkClient hung = JdkClient.connect(server().sessionUri(SESSION))) {
        long hungId = awaitOpened(1).connectionId();
        try (JdkClient other = JdkClient.connect(server().sessionUri(SESSION))) {
          awaitOpened(2);
          Fault.Hang hang = new Fault.Hang(null, hungId);
          server().faults().apply(hang);
          assertThat(server().faults().active()).containsExactly(hang);

          other.send("answered");
          assertThat(other.nextText()).isEqualTo("[0101] answered");
          hung.send("unanswered");
          server().journal().awaitReceived("unanswered");
          other.send("still answered");
          assertThat(other.nextText()).isEqualTo("[0101] still answered");

          server().faults().reset();
          hung.send("back");
          assertThat(hung.nextText())
              .as("the hung message was never answered")
              .isEqualTo("[0101] back");
        }
      }
    }
  }

  @Nested
  class RefuseHandshakes {
    @Test
    void refusesTheNextHandshakesWithTheStatusThenAcceptsAgain() throws Exception {
      server().faults().refuseHandshakes(2, 503);
      for (int i = 0; i < 2; i++) {
        assertThat(JdkClient.refusedStatus(server().echoUri())).isEqualTo(503);
      }
      try (JdkClient client = JdkClient.connect(server().echoUri())) {
        client.send("in");
        assertThat(client.nextText()).isEqualTo("Echo: in");
      }
      assertThat(server().faults().active()).as("used up").isEmpty();
    }

    @Test
    void refusesOnlyThePathItNames() throws Exception {
      server().faults().refuseHandshakes("/ws/" + SESSION, 1, 429);
      try (JdkClient echo = JdkClient.connect(server().echoUri())) {
        echo.send("fine");
        assertThat(echo.nextText()).isEqualTo("Echo: fine");
      }
      assertThat(JdkClient.refusedStatus(server().sessionUri(SESSION))).isEqualTo(429);
      try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION))) {
        session.send("now");
        assertThat(session.nextText()).isEqualTo("[0101] now");
      }
    }
  }

  @Nested
  class DropMessages {
    @Test
    void dropsTheNextMessagesSilentlyButJournalsThem() throws Exception {
      try (JdkClient client = JdkClient.connect(server().echoUri())) {
        server().faults().dropMessages(2);
        client.send("a");
        client.send("b");
        client.send("c");
        assertThat(client.nextText()).isEqualTo("Echo: c");
        assertThat(server().journal().received())
            .extracting(JournalEntry::text)
            .containsExactly("a", "b", "c");
      }
    }

    @Test
    void dropsOnOneSessionOnly() throws Exception {
      try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION));
          JdkClient echo = JdkClient.connect(server().echoUri())) {
        server().faults().dropMessages(SESSION, 1);
        echo.send("e");
        assertThat(echo.nextText()).isEqualTo("Echo: e");
        session.send("dropped");
        session.send("kept");
        assertThat(session.nextText()).isEqualTo("[0101] kept");
      }
    }

    @Test
    void dropsOnOneConnectionAndLeavesTheOtherOfItsSessionAlone() throws Exception {
      try (JdkClient dropping = JdkClient.connect(server().sessionUri(SESSION))) {
        long droppingId = awaitOpened(1).connectionId();
        try (JdkClient other = JdkClient.connect(server().sessionUri(SESSION))) {
          awaitOpened(2);
          Fault.DropMessages drop = new Fault.DropMessages(null, droppingId, 1);
          server().faults().apply(drop);
          assertThat(server().faults().active()).containsExactly(drop);

          other.send("not counted");
          assertThat(other.nextText()).isEqualTo("[0101] not counted");
          dropping.send("dropped");
          dropping.send("kept");
          assertThat(dropping.nextText()).isEqualTo("[0101] kept");
          assertThat(server().faults().active()).as("used up").isEmpty();
        }
      }
    }
  }

  @Nested
  class Ping {
    @Test
    void sendsAPingAndTheJournalRecordsThePong() {
      try (JdkClient client = JdkClient.connect(server().echoUri())) {
        awaitOpened(1);
        assertThat(server().faults().ping("are you there")).isEqualTo(1);
        JournalEntry pong =
            server()
                .journal()
                .await(
                    "a pong",
                    e -> e.type() == EntryType.PONG && e.direction() == Direction.RECEIVED,
                    1)
                .get(0);
        assertThat(new String(pong.bytes(), StandardCharsets.UTF_8)).isEqualTo("are you there");
        assertThat(server().journal().entries())
            .anyMatch(e -> e.type() == EntryType.PING && e.direction() == Direction.SENT);
      }
    }

    @Test
    void pingsOneConnection() throws Exception {
      JwsClient client = JwsClient.connect(server().echoUri());
      try {
        long id = awaitOpened(1).connectionId();
        assertThat(server().faults().pingConnection(id, "p")).isTrue();
        JournalEntry pong =
            server()
                .journal()
                .await(
                    "a pong on connection " + id,
                    e -> e.type() == EntryType.PONG && e.connectionId() == id,
                    1)
                .get(0);
        assertThat(pong.base64()).isEqualTo("cA==");
        assertThat(server().faults().pingConnection(999, "p")).isFalse();
      } finally {
        client.closeBlocking();
      }
    }
  }

  @Test
  void resetRemovesEveryStandingFault() {
    server().faults().delayReplies(Duration.ofSeconds(1));
    server().faults().hang(SESSION);
    server().faults().dropMessages(3);
    server().faults().refuseHandshakes("/echo", 1, 500);
    assertThat(server().faults().active()).hasSize(4);
    server().reset();
    assertThat(server().faults().active()).isEmpty();
  }
}
