package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the class checks before any Docker engine is involved. */
class WebSocketEchoContainerTest {

  @Test
  void defaultImageIsTheTagOfThisVersion() {
    assertThat(WebSocketEchoContainer.DEFAULT_IMAGE.asCanonicalNameString())
        .isEqualTo("wsfixture/server:" + WebSocketEchoContainer.VERSION);
    assertThat(WebSocketEchoContainer.VERSION).isNotBlank().doesNotContain("${");
  }

  @Test
  void refusesAnImageThatIsNotWsfixtureServer() {
    assertThatThrownBy(() -> new WebSocketEchoContainer("nginx:1.27"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nginx:1.27")
        .hasMessageContaining("wsfixture/server");
  }

  @Test
  void acceptsADeclaredSubstitute() {
    try (WebSocketEchoContainer container =
        new WebSocketEchoContainer(
            org.testcontainers.utility.DockerImageName.parse("registry.example/ws:1")
                .asCompatibleSubstituteFor("wsfixture/server"))) {
      assertThat(container.getExposedPorts()).containsExactly(WebSocketEchoContainer.PORT);
    }
  }

  @Test
  void toStringSaysItIsNotStarted() {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThat(container)
          .hasToString(
              "WebSocketEchoContainer{wsfixture/server:"
                  + WebSocketEchoContainer.VERSION
                  + ", not started}");
    }
  }

  @Test
  void restartBeforeStartSaysToStartFirst() {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThatThrownBy(container::restart)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("restart() needs a running container: call start() first");
    }
  }

  @Test
  void refusesNonPositiveSettings() {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThatThrownBy(() -> container.withMaxMessageSize(0))
          .hasMessage("maxMessageSize must be at least 1 byte, was 0");
      assertThatThrownBy(() -> container.withAwaitTimeout(Duration.ZERO))
          .hasMessage("awaitTimeout must be positive, was PT0S");
    }
  }

  @Test
  void sessionUriChecksTheIdAsEchoServerDoes() {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThatThrownBy(() -> container.sessionUri("no spaces"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid session id 'no spaces': a session id is 1 to 64 characters of"
                  + " A-Z a-z 0-9 . _ -");
      assertThatThrownBy(() -> container.register(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("missing session id");
    }
  }

  @Test
  void theAdminTokenIsAlwaysThere() {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThat(container.adminToken()).hasValueSatisfying(t -> assertThat(t).hasSize(48));
    }
  }
}
