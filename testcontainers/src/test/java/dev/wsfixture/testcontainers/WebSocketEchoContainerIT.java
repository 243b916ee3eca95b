package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.ConnectionInfo;
import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.JournalAssertionError;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import dev.wsfixture.testsupport.DockerRequired;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** One container for the class, reset before each test: what a test sees through the API. */
@DockerRequired
@Testcontainers
@Timeout(120)
class WebSocketEchoContainerIT {

  @Container
  static final WebSocketEchoContainer server =
      new WebSocketEchoContainer()
          .withSession("0101")
          .withEchoPrefix("Echo: ")
          .withAwaitTimeout(Duration.ofSeconds(30));

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void reset() {
    // The previous test's clients close asynchronously: let their CLOSED entries land first.
    await("connections of the previous test to close")
        .atMost(TestClient.TIMEOUT)
        .until(() -> server.connections().isEmpty());
    server.reset();
  }

  @Test
  void echoesTextOnTheEchoEndpoint() throws Exception {
    try (TestClient client = TestClient.connect(server.echoUri())) {
      assertThat(client.send("hello").next()).isEqualTo("Echo: hello");
    }
  }

  @Test
  void echoesOnASessionRegisteredAtStart() throws Exception {
    assertThat(server.sessions()).containsExactly("0101");
    try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
      assertThat(client.send("hi").next()).isEqualTo("[0101] hi");
    }
  }

  @Test
  void refusesAnUnregisteredSessionWith403() {
    assertThatThrownBy(() -> TestClient.connect(server.sessionUri("nobody")))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(403));
  }

  @Test
  void registersAndRemovesSessionsAtRunTime() throws Exception {
    assertThat(server.register("0202")).isTrue();
    assertThat(server.register("0202")).isFalse();
    try (TestClient client = TestClient.connect(server.sessionUri("0202"))) {
      assertThat(client.send("x").next()).isEqualTo("[0202] x");
      assertThat(server.unregister("0202")).isTrue();
      assertThat(client.awaitCloseCode()).isEqualTo(1000);
    }
    assertThat(server.unregister("0202")).isFalse();
    assertThat(server.sessions()).containsExactly("0101");
  }

  @Test
  void registersThroughTheStreamEndpointOfTheMappedPort() throws Exception {
    HttpResponse<String> response = get(server.httpUri().resolve("/stream?id=web-1"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"id\":\"web-1\",\"registered\":true}");
    assertThat(server.sessions()).contains("web-1");
  }

  @Test
  void servesTheHtmlClientAndItsStylesThroughTheMappedPort() throws Exception {
    HttpResponse<String> page = get(server.httpUri());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>wsfixture");
    String stylesheet =
        page.body().replaceAll("(?s).*href=\"(css/bootstrap[^\"]*\\.css)\".*", "$1");
    assertThat(get(server.httpUri().resolve(stylesheet)).statusCode()).isEqualTo(200);
    assertThat(get(server.httpUri().resolve("app.js")).statusCode()).isEqualTo(200);
  }

  @Test
  void journalRecordsBothDirectionsInTheFixturesOwnRecords() throws Exception {
    try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
      client.send("one").next();

      JournalEntry received = server.journal().awaitReceived("one");
      JournalEntry sent = server.journal().awaitSent(1).get(0);
      assertThat(received.sessionId()).isEqualTo("0101");
      assertThat(received.direction()).isEqualTo(Direction.RECEIVED);
      assertThat(received.origin()).isEqualTo(Origin.CLIENT);
      assertThat(sent.text()).isEqualTo("[0101] one");
      assertThat(sent.origin()).isEqualTo(Origin.ECHO);
      assertThat(sent.connectionId()).isEqualTo(received.connectionId());
      assertThat(server.journal().received()).extracting(JournalEntry::text).containsExactly("one");

      List<ConnectionInfo> connections = server.connections();
      assertThat(connections)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.id()).isEqualTo(received.connectionId());
                assertThat(c.sessionId()).isEqualTo("0101");
              });
    }
  }

  @Test
  void takeReturnsEachEntryOnceInOrder() throws Exception {
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("a").next();
      assertThat(server.journal().take(TestClient.TIMEOUT).type()).isEqualTo(EntryType.OPENED);
      assertThat(server.journal().take(TestClient.TIMEOUT).text()).isEqualTo("a");
      assertThat(server.journal().take(TestClient.TIMEOUT).text()).isEqualTo("Echo: a");
    }
  }

  @Test
  void awaitFailsWithAMessageListingWhatArrived() throws Exception {
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("only this").next();
      server.journal().awaitSent(1);

      assertThatThrownBy(
              () ->
                  server
                      .journal()
                      .await("2 pongs", e -> e.type() == EntryType.PONG, 2, Duration.ofMillis(300)))
          .isInstanceOf(JournalAssertionError.class)
          .hasMessageStartingWith("Expected 2 pongs within 300 ms, but the journal has 3 entries:")
          .hasMessageContaining("RECEIVED TEXT \"only this\"")
          .hasMessageContaining("SENT TEXT (echo) \"Echo: only this\"");
    }
  }

  @Test
  void pushesToASessionAndBroadcastsToAll() throws Exception {
    try (TestClient session = TestClient.connect(server.sessionUri("0101"));
        TestClient echo = TestClient.connect(server.echoUri())) {
      server.journal().await("2 connections", e -> e.type() == EntryType.OPENED, 2);

      assertThat(server.push("0101", "to the session")).isEqualTo(1);
      assertThat(session.next()).isEqualTo("to the session");

      assertThat(server.broadcast("to all")).isEqualTo(2);
      assertThat(session.next()).isEqualTo("to all");
      assertThat(echo.next()).isEqualTo("to all");

      assertThat(server.push("0101", new byte[] {1, 2, 3})).isEqualTo(1);
      assertThat(session.next()).isEqualTo("binary:AQID");
      assertThat(server.journal().await("4 pushes", e -> e.origin() == Origin.PUSH, 4)).hasSize(4);
      JournalEntry binary =
          server.journal().await("the binary push", e -> e.type() == EntryType.BINARY, 1).get(0);
      assertThat(binary.bytes()).containsExactly(1, 2, 3);
      assertThat(binary.base64()).isEqualTo("AQID");
      assertThat(server.journal().entries()).as("read again: equal by value").contains(binary);
    }
  }

  @Test
  void pushToAnUnknownSessionSaysSo() {
    assertThatThrownBy(() -> server.push("nobody", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/__admin/push answered 404")
        .hasMessageContaining("nobody");
  }

  @Test
  void resetForgetsSessionsAndJournal() throws Exception {
    server.register("temporary");
    try (TestClient client = TestClient.connect(server.echoUri())) {
      client.send("before reset").next();
    }
    server.reset();
    assertThat(server.sessions()).containsExactly("0101");
    assertThat(server.journal().entries()).isEmpty();
  }

  @Test
  void startsWithItsOwnRandomAdminToken() {
    assertThat(server.getContainerInfo().getConfig().getEnv())
        .contains("WSFIXTURE_ADMIN_TOKEN=" + server.adminToken());
    try (WebSocketEchoContainer other = new WebSocketEchoContainer()) {
      assertThat(server.adminToken()).hasSize(48).isNotEqualTo(other.adminToken());
    }
  }

  @Test
  void adminApiAnswersOnlyCallsWithTheToken() throws Exception {
    URI sessions = server.httpUri().resolve("/__admin/sessions");
    HttpResponse<String> anonymous = get(sessions);
    HttpResponse<String> withToken =
        http.send(
            HttpRequest.newBuilder(sessions)
                .header("Authorization", "Bearer " + server.adminToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).isEqualTo("[\"0101\"]");
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
