package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.Replay;
import dev.wsfixture.internal.Tls;
import dev.wsfixture.internal.recording.RecordedEvent;
import dev.wsfixture.internal.recording.Recording;
import dev.wsfixture.testsupport.DockerRequired;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsUpstream;
import dev.wsfixture.testsupport.SharedServers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxy and record through the container: a real upstream that is not wsfixture (Java-WebSocket's
 * server) on this machine, the container between it and a JDK client, the recording in a file on
 * this machine; then that file replayed by a second container, with no upstream at all.
 *
 * <p>The recording container runs on the host's network ({@code withNetworkMode("host")}), so that
 * all traffic stays on loopback: the upstream listens on 127.0.0.1, and the container's server on a
 * free loopback port. ({@code Testcontainers.exposeHostPorts} would need the {@code
 * testcontainers/sshd} image, which no registry here serves.)
 */
@DockerRequired
@Timeout(180)
class ContainerRecordIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TOKEN = "t0ken";
  private static final String LOGIN = "{\"op\":\"login\",\"token\":\"" + TOKEN + "\"}";

  /** What the client sees of one conversation, live or replayed. */
  private static final List<String> CONVERSATION =
      List.of("welcome", "echo:hello", LOGIN, "[3, 2, 1]", "Close[code=4001, reason=maintenance]");

  /** JUnit makes it 0700, as for any test: the container's user (uid 10001) is not its owner. */
  @TempDir static Path directory;

  static Path file;
  static JwsUpstream upstream;
  static WebSocketEchoContainer server;

  @BeforeAll
  static void startUpstreamAndContainer() {
    upstream = JwsUpstream.listen();
    file = directory.resolve("recordings/chat.jsonl"); // a directory that does not exist yet
    server =
        new WebSocketEchoContainer()
            .withNetworkMode("host")
            .withProxy(URI.create("ws://127.0.0.1:" + upstream.getPort()))
            .withRecording(file)
            .withMaskFields("token")
            .withAwaitTimeout(WAIT);
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @BeforeEach
  void freshRecording() {
    SharedServers.resetWhenIdle(server, WAIT);
    server.startRecording();
    upstream.handshakes.clear();
    upstream.messages.clear();
    upstream.pongs.clear();
  }

  @Test
  void theContainerRelaysAndRecordsToAFileOnThisMachine() throws Exception {
    List<String> seen = converse(server, () -> pongAtTheUpstream());

    assertThat(seen).isEqualTo(CONVERSATION);
    assertThat(upstream.nextHandshake().resource()).isEqualTo("/chat?token=" + TOKEN);
    assertThat(upstream.received())
        .extracting(ContainerRecordIT::describe)
        .containsExactly("hello", LOGIN, "[1, 2, 3]", "ping-me", "close-me");
    assertThat(upstream.awaitClose(WAIT))
        .isEqualTo(new JwsUpstream.Close(4001, "maintenance", false));

    List<RecordedEvent> events = awaitRecordedConversation();
    Recording recording = Recording.read(file);
    assertThat(recording.connections()).hasSize(1);
    RecordedEvent open = recording.connections().get(0).open();
    assertThat(open.path()).isEqualTo("/chat");
    assertThat(open.query()).isEqualTo("token=***");
    String masked = "{\"op\":\"login\",\"token\":\"***\"}";
    assertThat(events)
        .extracting(ContainerRecordIT::line)
        .containsExactly(
            "SENT TEXT welcome",
            "RECEIVED TEXT hello",
            "SENT TEXT echo:hello",
            "RECEIVED TEXT " + masked,
            "SENT TEXT " + masked,
            "RECEIVED BINARY AQID",
            "SENT BINARY AwIB",
            "RECEIVED TEXT ping-me",
            "SENT PING aGI=",
            "RECEIVED PONG aGI=",
            "RECEIVED TEXT close-me",
            "SENT CLOSE 4001 'maintenance'",
            "RECEIVED CLOSE 4001 ''"); // the JDK client answers with the code, no reason
    String text = Files.readString(file);
    assertThat(text.lines().findFirst())
        .hasValueSatisfying(
            header ->
                assertThat(header)
                    .startsWith(
                        "{\"recording\":1,\"upstream\":\"ws://127.0.0.1:"
                            + upstream.getPort()
                            + "\""));
    assertThat(text).doesNotContain(TOKEN);
    assertThat(server.recording()).isEqualTo(text);
    server.journal().awaitReceived(LOGIN); // the journal keeps the real token
  }

  @Test
  void aRecordingMadeInOneContainerReplaysInAnother() throws Exception {
    converse(server, () -> pongAtTheUpstream());
    awaitRecordedConversation();

    try (WebSocketEchoContainer replay =
        new WebSocketEchoContainer()
            .withReplay(Replay.of(file).asFastAsPossible().copyingFields("token"))
            .withAwaitTimeout(WAIT)) {
      replay.start();
      List<String> seen =
          converse(
              replay,
              () ->
                  replay
                      .journal()
                      .await(
                          "the client's pong",
                          e -> e.type() == EntryType.PONG && e.direction() == Direction.RECEIVED,
                          1));

      assertThat(seen).isEqualTo(CONVERSATION);
      replay.journal().assertNoDeviations();
    }
  }

  @Test
  void stopRecordingLeavesLaterConnectionsOutAndStartRecordingMasksMore() throws Exception {
    server.stopRecording();
    converse(server, () -> pongAtTheUpstream());
    assertThat(server.recording().lines()).hasSize(1); // the header only
    assertThat(Files.readString(file)).isEqualTo(server.recording());

    server.startRecording("op");
    converse(server, () -> pongAtTheUpstream());
    assertThat(awaitRecordedConversation())
        .extracting(ContainerRecordIT::line)
        .contains("RECEIVED TEXT {\"op\":\"***\",\"token\":\"***\"}");
  }

  @Test
  void aLoopbackUpstreamIsRefusedWithTheWayToReachThisMachine() {
    try (WebSocketEchoContainer container =
        new WebSocketEchoContainer().withProxy(URI.create("ws://localhost:9000/feed"))) {
      assertThatThrownBy(container::start)
          .rootCause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "proxy upstream ws://localhost:9000/feed is on the loopback address, which inside"
                  + " the container is the container itself")
          .hasMessageContaining("Testcontainers.exposeHostPorts(PORT)")
          .hasMessageContaining("ws://host.testcontainers.internal:PORT");
    }
  }

  @Test
  void theRecordingFileIsTheUsersAgainAfterTheContainerStops() throws Exception {
    Path own = directory.resolve("own.jsonl");
    Files.writeString(own, "old\n");
    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));
    try (WebSocketEchoContainer container =
        new WebSocketEchoContainer()
            .withNetworkMode("host")
            .withProxy(URI.create("ws://127.0.0.1:" + upstream.getPort()))
            .withRecording(own)) {
      container.start();
      assertThat(Files.getPosixFilePermissions(own))
          .isEqualTo(PosixFilePermissions.fromString("rw----rw-")); // others: uid 10001
      assertThat(Files.readString(own)).startsWith("{\"recording\":1,"); // replaced
    }
    assertThat(Files.getPosixFilePermissions(own))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aWssUpstreamIsTrustedWithTheCertificateCopiedIn() throws Exception {
    Tls tls = Tls.selfSigned();
    Path pem = directory.resolve("upstream.pem");
    Files.writeString(
        pem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(tls.certificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    try (JwsUpstream secure = JwsUpstream.listenTls("127.0.0.1", tls.serverContext());
        WebSocketEchoContainer container =
            new WebSocketEchoContainer()
                .withNetworkMode("host")
                .withProxy("/secure", URI.create("wss://127.0.0.1:" + secure.getPort()))
                .withUpstreamTrust(pem)) {
      container.start();
      try (JdkClient client = JdkClient.connect(container.echoUri().resolve("/secure"))) {
        assertThat(client.nextText()).isEqualTo("welcome");
        assertThat(client.ask("over tls")).isEqualTo("echo:over tls");
      }
      try (JdkClient client = JdkClient.connect(container.echoUri())) {
        assertThat(client.ask("not proxied")).isEqualTo("Echo: not proxied"); // not a proxy path
      }
    }
  }

  /**
   * One conversation through {@code server} at {@code /chat?token=...}: text, JSON with a secret,
   * binary, a ping from the server ({@code awaitPong} waits until the client's pong got through, so
   * that the order is always the same), and the server's close. Returns what the client saw.
   */
  private static List<String> converse(WebSocketEchoContainer server, Runnable awaitPong)
      throws Exception {
    List<String> seen = new ArrayList<>();
    try (JdkClient client = JdkClient.connect(server.echoUri().resolve("/chat?token=" + TOKEN))) {
      seen.add(client.nextText());
      seen.add(client.ask("hello"));
      seen.add(client.ask(LOGIN));
      client.send(new byte[] {1, 2, 3});
      seen.add(Arrays.toString(client.nextBinary()));
      client.send("ping-me");
      awaitPong.run();
      client.send("close-me");
      seen.add(client.awaitClose().toString());
      // The JDK answers the close on its own thread: leaving the block now would abort the
      // connection before that answer went out.
      await("the close handshake with " + server)
          .atMost(WAIT)
          .until(() -> server.connections().isEmpty());
    }
    return seen;
  }

  private static void pongAtTheUpstream() {
    try {
      byte[] pong = upstream.pongs.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(pong).as("the client's pong at the upstream").isNotNull();
      assertThat(new String(pong, StandardCharsets.UTF_8)).isEqualTo("hb");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The events of the recording's last connection, once its final close is in the file. */
  private static List<RecordedEvent> awaitRecordedConversation() {
    return await("the conversation's last close in " + file)
        .atMost(WAIT)
        .ignoreExceptions() // a line being written
        .until(
            () -> {
              List<Recording.RecordedConnection> connections = Recording.read(file).connections();
              return connections.isEmpty()
                  ? List.<RecordedEvent>of()
                  : connections.get(connections.size() - 1).events();
            },
            events ->
                !events.isEmpty()
                    && events.get(events.size() - 1).type() == RecordedEvent.Type.CLOSE
                    && events.get(events.size() - 1).direction() == Direction.RECEIVED);
  }

  private static String line(RecordedEvent event) {
    String what =
        switch (event.type()) {
          case TEXT -> event.text();
          case BINARY, PING, PONG -> Base64.getEncoder().encodeToString(event.data());
          case CLOSE -> event.code() + " '" + event.reason() + "'";
          case OPEN -> event.path();
        };
    return event.direction() + " " + event.type() + " " + what;
  }

  private static String describe(Object message) {
    return message instanceof byte[] bytes ? Arrays.toString(bytes) : (String) message;
  }
}
