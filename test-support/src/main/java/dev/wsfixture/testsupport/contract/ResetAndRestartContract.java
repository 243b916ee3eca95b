package dev.wsfixture.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Fault;
import dev.wsfixture.Stub;
import dev.wsfixture.WebSocketFixture;
import dev.wsfixture.testsupport.JdkClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code reset()} puts the server back to its state at start and leaves connections open; {@code
 * restart()} listens again on the same address, keeps everything and closes connections with 1012.
 */
public abstract class ResetAndRestartContract extends FixtureContract {

  @Test
  void resetForgetsLaterSessionsJournalFaultsAndStubsButKeepsConnectionsOpen() throws Exception {
    server().register("temporary");
    server().stubs().add(Stub.exact("x").reply("y"));
    server().faults().delayReplies(Duration.ofMillis(1));
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("before reset");
      client.nextText();

      server().reset();

      assertThat(server().sessions()).containsExactly(SESSION);
      assertThat(server().journal().entries()).isEmpty();
      assertThat(server().faults().active()).isEmpty();
      assertThat(server().stubs().list()).isEmpty();
      client.send("after reset");
      assertThat(client.nextText()).as("still open").isEqualTo("Echo: after reset");
      assertThat(server().journal().awaitReceived("after reset").sequence())
          .as("sequence numbers start again")
          .isEqualTo(1);
      assertThat(server().journal().take(JdkClient.WAIT).text())
          .as("taking starts again too")
          .isEqualTo("after reset");
    }
  }

  @Test
  void stubIdsStartAgainAfterAReset() {
    String first = server().stubs().add(Stub.exact("a").reply("b")).id();
    server().stubs().add(Stub.exact("c").reply("d"));

    server().reset();

    assertThat(server().stubs().add(Stub.exact("a").reply("b")).id())
        .as("the first rule after a reset has the id the first one had")
        .isEqualTo(first);
  }

  @Test
  void restartClosesConnectionsWith1012AndKeepsAddressSessionsJournalFaultsAndStubs()
      throws Exception {
    server().register("late");
    Stub stub = server().stubs().add(Stub.exact("ping").reply("pong"));
    server().faults().dropMessages(SESSION, 5);
    URI before = server().sessionUri("late");
    try (JdkClient client = JdkClient.connect(before)) {
      client.send("1");
      assertThat(client.nextText()).isEqualTo("[late] 1");

      server().restart();

      assertThat(client.awaitClose().code()).isEqualTo(WebSocketFixture.CLOSE_SERVICE_RESTART);
    }
    assertThat(server().sessionUri("late")).isEqualTo(before);
    assertThat(server().sessions()).containsExactly(SESSION, "late");
    assertThat(server().stubs().list()).containsExactly(stub);
    assertThat(server().faults().active()).containsExactly(new Fault.DropMessages(SESSION, 5));
    try (JdkClient again = JdkClient.connect(server().sessionUri("late"))) {
      again.send("ping");
      assertThat(again.nextText()).isEqualTo("pong");
    }
    assertThat(server().journal().received())
        .as("the journal is kept")
        .extracting(e -> e.text())
        .containsExactly("1", "ping");
  }
}
