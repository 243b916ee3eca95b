package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void proxyAndRecordingSettingsAreCheckedWhenGiven(@TempDir Path directory) {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThatThrownBy(() -> container.withProxy(URI.create("http://example.test/")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "proxy upstream 'http://example.test/' is not a WebSocket URL: give"
                  + " ws://HOST:PORT/PATH or wss://HOST:PORT/PATH");
      assertThatThrownBy(() -> container.withProxy("chat", URI.create("ws://example.test/")))
          .hasMessageStartingWith("proxy path 'chat' must start with '/'");
      assertThatThrownBy(() -> container.withRecording(directory))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith("that is a directory; give a file in it, such as chat.jsonl");
      assertThatThrownBy(() -> container.withMaskFields("token", ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("mask field '' is not a field name: give names such as \"token\"");
      assertThatThrownBy(() -> container.withUpstreamTrust(directory.resolve("none.pem")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageEndingWith("no such file; give the upstream's certificate");
    }
  }

  @Test
  void recordingNeedsAProxy() {
    try (WebSocketEchoContainer container = new WebSocketEchoContainer()) {
      assertThatThrownBy(container::recording)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "recording() needs a proxy, which records what it relays: give"
                  + " withProxy(upstream) before start()");
      assertThatThrownBy(container::startRecording).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(container::stopRecording).isInstanceOf(IllegalStateException.class);
    }
  }
}
