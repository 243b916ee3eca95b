package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.testsupport.DockerRequired;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Each fault kind, applied to a container over the admin API, seen by a real client. */
@DockerRequired
@Testcontainers
@Timeout(120)
class ContainerFaultsIT {

  @Container
  static final WebSocketEchoContainer server =
      new WebSocketEchoContainer().withSession("0101").withAwaitTimeout(Duration.ofSeconds(30));

  @BeforeEach
  void reset() {
    // The previous test's clients close asynchronously: let their CLOSED entries land first.
    await("connections of the previous test to close")
        .atMost(TestClient.TIMEOUT)
        .until(() -> server.connections().isEmpty());
    server.faults().reset();
    server.reset();
  }

  @Test
  void closeAllSendsTheCodeAndReason() throws Exception {
    try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
      client.send("x").next();
      assertThat(server.faults().closeAll(4000, "bye")).isEqualTo(1);
      assertThat(client.awaitCloseCode()).isEqualTo(4000);
    }
  }

  @Test
  void closeSessionLeavesOtherConnectionsOpen() throws Exception {
    try (TestClient session = TestClient.connect(server.sessionUri("0101"));
        TestClient echo = TestClient.connect(server.echoUri())) {
      server.journal().await("2 connections", e -> e.type() == EntryType.OPENED, 2);
      assertThat(server.faults().closeSession("0101", 1011, "going away")).isEqualTo(1);
      assertThat(session.awaitCloseCode()).isEqualTo(1011);
      assertThat(echo.send("still here").next()).isEqualTo("Echo: still here");
    }
  }

  @Test
  void abortDropsTheConnectionWithoutACloseFrame() throws Exception {
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("x").next();
      assertThat(server.faults().abortAll()).isEqualTo(1);
      // The JDK client reports a connection lost without a close frame as 1006 or as an error.
      assertThat(client.awaitEnd()).isIn("close 1006", "aborted");
      assertThat(
              server
                  .journal()
                  .await("a close without frame", e -> e.type() == EntryType.CLOSED, 1)
                  .get(0)
                  .closeCode())
          .isEqualTo(1006);
    }
  }

  @Test
  void delayedRepliesStillArriveInOrder() throws Exception {
    server.faults().delayReplies(Duration.ofMillis(200));
    assertThat(server.faults().active()).containsExactly(new Fault.Delay(null, 200));
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("1").send("2");
      assertThat(client.next()).isEqualTo("Echo: 1");
      assertThat(client.next()).isEqualTo("Echo: 2");
    }
  }

  @Test
  void hangReadsButNeverAnswers() throws Exception {
    server.faults().hang("0101");
    try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
      client.send("unanswered");
      server.journal().awaitReceived("unanswered");

      server.faults().reset();
      client.send("answered");

      assertThat(client.next()).isEqualTo("[0101] answered");
    }
  }

  @Test
  void dropMessagesSkipsTheNextOnes() throws Exception {
    server.faults().dropMessages(1);
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("dropped").send("kept");
      assertThat(client.next()).isEqualTo("Echo: kept");
      assertThat(server.journal().received()).extracting(e -> e.text()).contains("dropped");
    }
  }

  @Test
  void refuseHandshakesAnswersWithTheStatusThenAcceptsAgain() throws Exception {
    server.faults().refuseHandshakes(1, 503);
    assertThatThrownBy(() -> TestClient.connect(server.echoUri()))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(503));
    try (TestClient client = TestClient.connect(server.echoUri())) {
      assertThat(client.send("back").next()).isEqualTo("Echo: back");
    }
  }

  @Test
  void pingIsAnsweredWithAPong() throws Exception {
    try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
      client.send("x").next();
      assertThat(server.faults().ping("are you there")).isEqualTo(1);
      assertThat(
              server
                  .journal()
                  .await(
                      "a pong",
                      e -> e.type() == EntryType.PONG && e.direction() == Direction.RECEIVED,
                      1))
          .singleElement()
          .satisfies(pong -> assertThat(new String(pong.bytes())).isEqualTo("are you there"));
    }
  }
}
