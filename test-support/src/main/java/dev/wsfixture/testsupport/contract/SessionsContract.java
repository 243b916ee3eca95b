package dev.wsfixture.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.testsupport.JdkClient;
import org.junit.jupiter.api.Test;

/** Addresses, the echo, and sessions registered and removed through the fixture. */
@SuppressWarnings("try") // some clients are opened only to be there
public abstract class SessionsContract extends FixtureContract {

  private static final String RULE = "a session id is 1 to 64 characters of A-Z a-z 0-9 . _ -";

  @Test
  void echoesOnTheEchoEndpointWithThePrefix() throws Exception {
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("hello");
      assertThat(client.nextText()).isEqualTo("Echo: hello");
    }
    assertThat(server().echoUri().getScheme()).isEqualTo("ws");
    assertThat(server().httpUri().getScheme()).isEqualTo("http");
    assertThat(server().echoUri().getPort()).isEqualTo(server().httpUri().getPort());
  }

  @Test
  void echoesOnASessionWithTheSessionPrefix() throws Exception {
    assertThat(server().sessions()).containsExactly(SESSION);
    try (JdkClient client = JdkClient.connect(server().sessionUri(SESSION))) {
      client.send("hi");
      assertThat(client.nextText()).isEqualTo("[0101] hi");
    }
  }

  @Test
  void sessionUriNeedsNoRegistrationAndAnUnregisteredSessionIsRefusedWith403() {
    assertThat(server().sessionUri("nobody").getPath()).isEqualTo("/ws/nobody");
    assertThat(JdkClient.refusedStatus(server().sessionUri("nobody"))).isEqualTo(403);
  }

  @Test
  void sessionUriAndRegisterRefuseAnIdThatBreaksTheRule() {
    assertThatThrownBy(() -> server().sessionUri("no spaces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid session id 'no spaces': " + RULE);
    assertThatThrownBy(() -> server().register(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing session id: " + RULE);
    assertThatThrownBy(() -> server().register("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(RULE);
    assertThat(server().unregister("no spaces")).as("never registered").isFalse();
  }

  @Test
  void registersAndRemovesSessionsInRegistrationOrder() throws Exception {
    assertThat(server().register("b-2")).isTrue();
    assertThat(server().register("a-1")).isTrue();
    assertThat(server().register("b-2")).as("registered already").isFalse();
    assertThat(server().sessions()).containsExactly(SESSION, "b-2", "a-1");
    try (JdkClient client = JdkClient.connect(server().sessionUri("b-2"))) {
      client.send("x");
      assertThat(client.nextText()).isEqualTo("[b-2] x");
      assertThat(server().unregister("b-2")).isTrue();
      assertThat(client.awaitClose().code()).isEqualTo(1000);
    }
    assertThat(server().unregister("b-2")).isFalse();
    assertThat(server().sessions()).containsExactly(SESSION, "a-1");
  }

  @Test
  void listsTheOpenConnectionsOldestFirst() {
    try (JdkClient echo = JdkClient.connect(server().echoUri());
        JdkClient session = JdkClient.connect(server().sessionUri(SESSION))) {
      awaitOpened(2);
      assertThat(server().connections())
          .extracting(c -> c.sessionId())
          .containsExactly(null, SESSION);
    }
  }
}
