package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@WebSocketEchoServer(sessions = "0101")
class ClassScopeTest {

  private final EchoServer constructed;

  ClassScopeTest(EchoServer constructed) {
    this.constructed = constructed;
  }

  @Test
  void echoesOnTheInjectedServer(EchoServer server) throws Exception {
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      assertThat(client.ask("hello")).isEqualTo("Echo: hello");
    }
    assertThat(server.journal().awaitReceived("hello").text()).isEqualTo("hello");
  }

  @Test
  void registersTheAnnotationsSessions(EchoServer server, @SessionUri("0101") URI chat)
      throws Exception {
    assertThat(server.sessions()).containsExactly("0101");
    try (JdkClient client = JdkClient.connect(chat)) {
      assertThat(client.ask("hi")).isEqualTo("[0101] hi");
    }
  }

  @Test
  void givesConstructorAndMethodTheSameServer(EchoServer server, @EchoUri URI echo) {
    assertThat(constructed).isSameAs(server);
    assertThat(echo).isEqualTo(server.echoUri());
    assertThat(server.isRunning()).isTrue();
  }

  @Test
  @WebSocketEchoServer(journal = false)
  void aServerWithoutJournalRecordsNothing(EchoServer server) throws Exception {
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      assertThat(client.ask("unseen")).isEqualTo("Echo: unseen");
    }
    assertThat(server.journal().entries()).isEmpty();
  }

  @Nested
  class WithoutAnnotation {
    @Test
    void seesTheEnclosingServer(EchoServer server) {
      assertThat(server).isSameAs(constructed);
    }
  }

  @Nested
  @WebSocketEchoServer(echoPrefix = "")
  class WithItsOwnAnnotation {
    @Test
    void getsItsOwnServer(EchoServer server) throws Exception {
      assertThat(server).isNotSameAs(constructed);
      assertThat(server.sessions()).isEmpty();
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        assertThat(client.ask("raw")).isEqualTo("raw");
      }
    }
  }

  @Test
  @WebSocketEchoServer(echoPrefix = "> ")
  void aMethodAnnotationShadowsTheClassServer(EchoServer server) throws Exception {
    assertThat(server).isNotSameAs(constructed);
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      assertThat(client.ask("x")).isEqualTo("> x");
    }
  }
}
