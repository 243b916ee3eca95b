package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.internal.recording.RecordedEvent;
import dev.wsfixture.internal.recording.Recording;
import dev.wsfixture.internal.wire.Bodies;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /__admin/recording}: start, fetch and stop a recording of what the proxy relays. */
@Timeout(60)
class RecordingAdminTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path directory;

  private static URI uri(EchoServer server, String path) {
    return URI.create("ws://127.0.0.1:" + server.port() + path);
  }

  @Test
  void startRecordsTheConnectionsOpenedAfterItAndStopEndsIt() throws Exception {
    try (JwsUpstream upstream = JwsUpstream.listen();
        EchoServer server = EchoServer.builder().proxy(upstream.uri()).start()) {
      AdminClient admin = new AdminClient(server);
      try (JdkClient before = JdkClient.connect(uri(server, "/early"))) {
        assertThat(before.nextText()).isEqualTo("welcome"); // not recorded: nothing started
      }
      AdminClient.Reply started =
          admin.post("/__admin/recording/start", "{\"maskFields\":[\"secret\"]}");
      assertThat(started.status()).isEqualTo(200);
      Bodies.RecordingStatus status = started.as(Bodies.RecordingStatus.class);
      assertThat(status.recording()).isTrue();
      assertThat(status.maskFields()).containsExactly("secret");
      assertThat(status.file()).isNull();
      try (JdkClient client = JdkClient.connect(uri(server, "/chat?secret=x"))) {
        assertThat(client.nextText()).isEqualTo("welcome");
        assertThat(client.ask("{\"secret\":\"s\",\"a\":1}"))
            .isEqualTo("{\"secret\":\"s\",\"a\":1}");
      }
      await("three frames recorded")
          .atMost(WAIT)
          .until(
              () -> admin.post("/__admin/recording/stop", null).json().get("events").asLong() >= 4);
      HttpResponse<String> fetched =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.httpUri().resolve("/__admin/recording")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
      Recording recording = Recording.parse(fetched.body(), "GET /__admin/recording");
      assertThat(recording.connections()).hasSize(1);
      assertThat(recording.connections().get(0).open().path()).isEqualTo("/chat");
      assertThat(recording.connections().get(0).open().query()).isEqualTo("secret=***");
      List<RecordedEvent> events = recording.connections().get(0).events();
      assertThat(events.get(0).text()).isEqualTo("welcome");
      assertThat(events.get(1).text()).isEqualTo("{\"secret\":\"***\",\"a\":1}");

      try (JdkClient after = JdkClient.connect(uri(server, "/late"))) {
        assertThat(after.nextText()).isEqualTo("welcome"); // stopped: not recorded
      }
      assertThat(admin.get("/__admin/recording").body()).isEqualTo(fetched.body());
      Bodies.RecordingStatus stopped =
          admin.post("/__admin/recording/stop", null).as(Bodies.RecordingStatus.class);
      assertThat(stopped.recording()).isFalse();
      assertThat(stopped.connections()).isEqualTo(1);
    }
  }

  @Test
  void aServerStartedWithAFileRecordsFromTheStartAndStartBeginsTheFileAgain() throws Exception {
    Path file = directory.resolve("recordings").resolve("run.jsonl");
    try (JwsUpstream upstream = JwsUpstream.listen();
        EchoServer server = EchoServer.builder().proxy(upstream.uri()).record(file).start()) {
      AdminClient admin = new AdminClient(server);
      try (JdkClient client = JdkClient.connect(uri(server, "/one"))) {
        assertThat(client.nextText()).isEqualTo("welcome");
      }
      await("the first connection in the file")
          .atMost(WAIT)
          .until(() -> Files.readString(file).contains("\"path\":\"/one\""));
      assertThat(admin.get("/__admin/recording").body()).isEqualTo(Files.readString(file));

      Bodies.RecordingStatus status =
          admin.post("/__admin/recording/start", null).as(Bodies.RecordingStatus.class);
      assertThat(status.file()).isEqualTo(file.toString());
      assertThat(Files.readAllLines(file)).hasSize(1); // a fresh recording: the header only
      try (JdkClient client = JdkClient.connect(uri(server, "/two"))) {
        assertThat(client.nextText()).isEqualTo("welcome");
      }
      await("the second connection in the file")
          .atMost(WAIT)
          .until(() -> Recording.read(file).connections().size() == 1);
      assertThat(Recording.read(file).connections().get(0).path()).isEqualTo("/two");
    }
  }

  @Test
  void aServerThatProxiesNothingHasNothingToRecord() {
    try (EchoServer server = EchoServer.builder().start()) {
      AdminClient.Reply reply = new AdminClient(server).post("/__admin/recording/start", null);
      assertThat(reply.status()).isEqualTo(409);
      assertThat(reply.json().get("error").asText()).isEqualTo("not_proxying");
      assertThat(reply.json().get("detail").asText()).contains("--proxy URL");
    }
  }
}
