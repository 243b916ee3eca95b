package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.Origin;
import dev.wsfixture.Stub;
import dev.wsfixture.testsupport.DockerRequired;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Stub rules added to a container over the admin API, answered to a real client. */
@DockerRequired
@Testcontainers
@Timeout(120)
class ContainerStubsIT {

  @Container
  static final WebSocketEchoContainer server =
      new WebSocketEchoContainer().withSession("0101").withAwaitTimeout(Duration.ofSeconds(30));

  @BeforeEach
  void reset() {
    // The previous test's clients close asynchronously: let their CLOSED entries land first.
    await("connections of the previous test to close")
        .atMost(TestClient.TIMEOUT)
        .until(() -> server.connections().isEmpty());
    server.reset();
  }

  @Test
  void stubAnswersInsteadOfTheEchoAndTheRestIsEchoed() throws Exception {
    Stub stored = server.stubs().add(Stub.exact("ping").reply("pong"));
    assertThat(stored.id()).isNotBlank();
    assertThat(server.stubs().list()).containsExactly(stored);

    try (TestClient client = TestClient.connect(server.echoUri())) {
      assertThat(client.send("ping").next()).isEqualTo("pong");
      assertThat(client.send("other").next()).isEqualTo("Echo: other");
    }
    assertThat(server.journal().await("a stub reply", e -> e.origin() == Origin.STUB, 1))
        .singleElement()
        .satisfies(reply -> assertThat(reply.text()).isEqualTo("pong"));
  }

  @Test
  void templatedSessionStubFiresOnceThenTheSessionEchoes() throws Exception {
    server
        .stubs()
        .add(Stub.prefix("join ").onSession("0101").reply("welcome to {{session}}").onlyOnce());
    try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
      assertThat(client.send("join now").next()).isEqualTo("welcome to 0101");
      assertThat(client.send("join again").next()).isEqualTo("[0101] join again");
    }
    assertThat(server.stubs().list()).isEmpty();
  }

  @Test
  void stubCanCloseTheConnection() throws Exception {
    server.stubs().add(Stub.regex("bye.*").withId("bye").closeWith(4000, "as you wish"));
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("bye now");
      assertThat(client.awaitCloseCode()).isEqualTo(4000);
    }
    assertThat(server.stubs().remove("bye")).isTrue();
    assertThat(server.stubs().remove("bye")).isFalse();
  }

  @Test
  void resetRemovesEveryStub() {
    server.stubs().add(Stub.exact("a").reply("b"));
    server.reset();
    assertThat(server.stubs().list()).isEmpty();
  }
}
