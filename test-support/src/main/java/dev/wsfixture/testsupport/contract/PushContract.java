package dev.wsfixture.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import dev.wsfixture.testsupport.JdkClient;
import org.junit.jupiter.api.Test;

/** Messages the server sends on its own: {@code push} to a session, {@code broadcast} to all. */
public abstract class PushContract extends FixtureContract {

  @Test
  void pushesToEveryConnectionOfASessionOnly() throws Exception {
    try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION));
        JdkClient again = JdkClient.connect(server().sessionUri(SESSION));
        JdkClient echo = JdkClient.connect(server().echoUri())) {
      awaitOpened(3);
      assertThat(server().push(SESSION, "to the session")).isEqualTo(2);
      assertThat(session.nextText()).isEqualTo("to the session");
      assertThat(again.nextText()).isEqualTo("to the session");

      assertThat(server().push(SESSION, new byte[] {1, 2, 3})).isEqualTo(2);
      assertThat(session.nextBinary()).containsExactly(1, 2, 3);
      assertThat(again.nextBinary()).containsExactly(1, 2, 3);

      echo.send("x");
      assertThat(echo.nextText()).as("the echo connection got no push").isEqualTo("Echo: x");
    }
  }

  @Test
  void broadcastsToEveryConnectionEchoAndSessionsAlike() throws Exception {
    try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION));
        JdkClient echo = JdkClient.connect(server().echoUri())) {
      awaitOpened(2);
      assertThat(server().broadcast("to all")).isEqualTo(2);
      assertThat(session.nextText()).isEqualTo("to all");
      assertThat(echo.nextText()).isEqualTo("to all");
      assertThat(server().broadcast(new byte[] {9})).isEqualTo(2);
      assertThat(session.nextBinary()).containsExactly(9);
      assertThat(echo.nextBinary()).containsExactly(9);
    }
  }

  @Test
  void theJournalRecordsPushesAsSentWithOriginPush() throws Exception {
    try (JdkClient session = JdkClient.connect(server().sessionUri(SESSION))) {
      awaitOpened(1);
      server().push(SESSION, "text");
      server().push(SESSION, new byte[] {1, 2, 3});
      session.nextText();
      session.nextBinary();
      assertThat(server().journal().await("2 pushes", e -> e.origin() == Origin.PUSH, 2))
          .extracting(JournalEntry::type, JournalEntry::sessionId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(EntryType.TEXT, SESSION),
              org.assertj.core.groups.Tuple.tuple(EntryType.BINARY, SESSION));
      assertThat(server().journal().sent()).hasSize(2);
    }
  }

  @Test
  void pushToARegisteredSessionWithoutConnectionsReachesNone() {
    server().register("idle");
    assertThat(server().push("idle", "anyone?")).isZero();
    assertThat(server().broadcast("anyone?")).isZero();
  }

  @Test
  void pushToAnUnregisteredSessionSaysSo() {
    assertThatThrownBy(() -> server().push("nobody", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nobody'")
        .hasMessageContaining("not registered");
  }
}
