package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsClient;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every fault, through the Java API and through the admin API, with real clients. */
@Timeout(60)
@SuppressWarnings("try") // some clients are opened only to be there
class FaultsTest {

  private final EchoServer server = EchoServer.builder().session("0101").start();
  private final AdminClient admin = new AdminClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private JournalEntry awaitOpened(int count) {
    return server
        .journal()
        .await("opened", e -> e.type() == EntryType.OPENED, count)
        .get(count - 1);
  }

  @Nested
  class Close {
    @Test
    void closesEveryConnectionWithTheCodeAndReason() throws Exception {
      try (JdkClient echo = JdkClient.connect(server.echoUri());
          JdkClient session = JdkClient.connect(server.sessionUri("0101"))) {
        awaitOpened(2);
        assertThat(server.faults().closeAll(4000, "bye")).isEqualTo(2);
        assertThat(echo.awaitClose()).isEqualTo(new JdkClient.Close(4000, "bye"));
        assertThat(session.awaitClose()).isEqualTo(new JdkClient.Close(4000, "bye"));
      }
    }

    @Test
    void closesOneSessionOverTheAdminApi() throws Exception {
      try (JdkClient echo = JdkClient.connect(server.echoUri());
          JdkClient session = JdkClient.connect(server.sessionUri("0101"))) {
        awaitOpened(2);
        AdminClient.Reply reply =
            admin.post(
                "/__admin/faults/close",
                "{\"session\":\"0101\",\"code\":1011,\"reason\":\"oops\"}");
        assertThat(reply.body()).isEqualTo("{\"count\":1}");
        assertThat(session.awaitClose()).isEqualTo(new JdkClient.Close(1011, "oops"));
        echo.send("still here");
        assertThat(echo.nextText()).isEqualTo("Echo: still here");
      }
    }

    @Test
    void closesOneConnection() throws Exception {
      try (JdkClient first = JdkClient.connect(server.echoUri());
          JdkClient second = JdkClient.connect(server.echoUri())) {
        long id = awaitOpened(2).connectionId();
        assertThat(server.faults().closeConnection(id, 1000, "")).isTrue();
        assertThat(second.awaitClose().code()).isEqualTo(1000);
        first.send("a");
        assertThat(first.nextText()).isEqualTo("Echo: a");
        assertThat(server.faults().closeConnection(999, 1000, "")).isFalse();
      }
    }

    @Test
    void refusesACodeNoCloseFrameMayCarry() {
      assertThatThrownBy(() -> server.faults().closeAll(1006, ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("abort");
      AdminClient.Reply reply = admin.post("/__admin/faults/close", "{\"code\":1005}");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error").asText()).isEqualTo("bad_value");
      assertThat(reply.json().get("detail").asText()).contains("close code 1005");
    }
  }

  @Nested
  class Abort {
    @Test
    void dropsTheConnectionWithoutACloseFrameSoTheClientSees1006() throws Exception {
      JwsClient client = JwsClient.connect(server.echoUri());
      awaitOpened(1);
      assertThat(server.faults().abortAll()).isEqualTo(1);
      assertThat(client.awaitClose().code()).isEqualTo(1006);
      JournalEntry closed =
          server.journal().await("closed", e -> e.type() == EntryType.CLOSED, 1).get(0);
      assertThat(closed.closeCode()).isEqualTo(1006);
      assertThat(closed.direction()).isEqualTo(Direction.SENT);
    }

    @Test
    void abortsOneSessionOverTheAdminApi() throws Exception {
      JwsClient session = JwsClient.connect(server.sessionUri("0101"));
      try (JdkClient echo = JdkClient.connect(server.echoUri())) {
        awaitOpened(2);
        assertThat(admin.post("/__admin/faults/abort", "{\"session\":\"0101\"}").body())
            .isEqualTo("{\"count\":1}");
        assertThat(session.awaitClose().code()).isEqualTo(1006);
        echo.send("x");
        assertThat(echo.nextText()).isEqualTo("Echo: x");
      }
    }
  }

  @Nested
  class Delay {
    @Test
    void delaysEveryReplyAndKeepsTheirOrder() throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        server.faults().delayReplies(Duration.ofMillis(300));
        for (int i = 0; i < 5; i++) {
          client.send("m" + i);
        }
        for (int i = 0; i < 5; i++) {
          assertThat(client.nextText()).isEqualTo("Echo: m" + i);
        }
        List<JournalEntry> received = server.journal().received();
        List<JournalEntry> sent = server.journal().sent();
        for (int i = 0; i < 5; i++) {
          assertThat(Duration.between(received.get(i).time(), sent.get(i).time()))
              .as("reply %d went out at least the delay after its message", i)
              .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
      }
    }

    @Test
    void delaysOneSessionOnlyOverTheAdminApi() throws Exception {
      try (JdkClient session = JdkClient.connect(server.sessionUri("0101"));
          JdkClient echo = JdkClient.connect(server.echoUri())) {
        admin.post("/__admin/faults/delay", "{\"session\":\"0101\",\"millis\":200}");
        session.send("slow");
        echo.send("fast");
        assertThat(echo.nextText()).isEqualTo("Echo: fast");
        assertThat(session.nextText()).isEqualTo("[0101] slow");
        JournalEntry in = server.journal().awaitReceived("slow");
        JournalEntry out =
            server.journal().await("reply", e -> "[0101] slow".equals(e.text()), 1).get(0);
        assertThat(Duration.between(in.time(), out.time()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(server.faults().active()).containsExactly(new Fault.Delay("0101", 200));
      }
    }
  }

  @Nested
  class Hang {
    @Test
    void readsButNeverAnswersNotEvenPings() throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        server.faults().hang();
        client.send("lost");
        client.socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] {7})).join();
        server.journal().awaitReceived("lost");
        server.journal().await("the ping", e -> e.type() == EntryType.PING, 1);

        server.faults().reset();
        client.send("back");
        assertThat(client.nextText())
            .as("the hung message was never answered")
            .isEqualTo("Echo: back");
        assertThat(server.journal().sent())
            .extracting(JournalEntry::text)
            .containsExactly("Echo: back");
      }
    }

    @Test
    void hangsOverTheAdminApiAndListsTheFault() throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        assertThat(admin.post("/__admin/faults/hang", "").status()).isEqualTo(200);
        assertThat(admin.get("/__admin/faults").body())
            .isEqualTo("{\"hang\":[{\"session\":null}]}");
        client.send("lost");
        server.journal().awaitReceived("lost");
        assertThat(admin.delete("/__admin/faults").status()).isEqualTo(200);
        client.send("back");
        assertThat(client.nextText()).isEqualTo("Echo: back");
      }
    }
  }

  @Nested
  class RefuseHandshakes {
    @Test
    void refusesTheNextHandshakesWithTheStatusThenAcceptsAgain() {
      server.faults().refuseHandshakes(2, 503);
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> JdkClient.connect(server.echoUri()))
            .isInstanceOf(CompletionException.class)
            .cause()
            .isInstanceOfSatisfying(
                WebSocketHandshakeException.class,
                e -> assertThat(e.getResponse().statusCode()).isEqualTo(503));
      }
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        client.send("in");
      }
      assertThat(server.faults().active()).isEmpty();
    }

    @Test
    void refusesOnlyThePathItNames() throws Exception {
      AdminClient.Reply reply =
          admin.post(
              "/__admin/faults/refuse-handshakes",
              "{\"path\":\"/ws/0101\",\"count\":1,\"status\":429}");
      assertThat(reply.status()).isEqualTo(200);
      try (JdkClient echo = JdkClient.connect(server.echoUri())) {
        echo.send("fine");
        assertThat(echo.nextText()).isEqualTo("Echo: fine");
      }
      assertThatThrownBy(
              () -> JdkClient.connect(HttpClient.newHttpClient(), server.sessionUri("0101")))
          .cause()
          .isInstanceOfSatisfying(
              WebSocketHandshakeException.class,
              e -> assertThat(e.getResponse().statusCode()).isEqualTo(429));
      try (JdkClient session = JdkClient.connect(server.sessionUri("0101"))) {
        session.send("now");
        assertThat(session.nextText()).isEqualTo("[0101] now");
      }
    }
  }

  @Nested
  class DropMessages {
    @Test
    void dropsTheNextMessagesSilently() throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        server.faults().dropMessages(2);
        client.send("a");
        client.send("b");
        client.send("c");
        assertThat(client.nextText()).isEqualTo("Echo: c");
        assertThat(server.journal().received())
            .extracting(JournalEntry::text)
            .containsExactly("a", "b", "c");
      }
    }

    @Test
    void dropsOnOneSessionOverTheAdminApi() throws Exception {
      try (JdkClient session = JdkClient.connect(server.sessionUri("0101"));
          JdkClient echo = JdkClient.connect(server.echoUri())) {
        admin.post("/__admin/faults/drop", "{\"session\":\"0101\",\"count\":1}");
        echo.send("e");
        assertThat(echo.nextText()).isEqualTo("Echo: e");
        session.send("dropped");
        session.send("kept");
        assertThat(session.nextText()).isEqualTo("[0101] kept");
      }
    }
  }

  @Nested
  class Ping {
    @Test
    void sendsAPingAndTheJournalRecordsThePong() throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        awaitOpened(1);
        assertThat(server.faults().ping("are you there")).isEqualTo(1);
        JournalEntry pong =
            server.journal().await("a pong", e -> e.type() == EntryType.PONG, 1).get(0);
        assertThat(new String(pong.bytes(), StandardCharsets.UTF_8)).isEqualTo("are you there");
        assertThat(server.journal().entries())
            .anyMatch(e -> e.type() == EntryType.PING && e.direction() == Direction.SENT);
      }
    }

    @Test
    void pingsOverTheAdminApiAndWaitsForThePong() throws Exception {
      JwsClient client = JwsClient.connect(server.echoUri());
      try {
        long id = awaitOpened(1).connectionId();
        assertThat(
                admin
                    .post("/__admin/faults/ping", "{\"connection\":" + id + ",\"payload\":\"p\"}")
                    .body())
            .isEqualTo("{\"count\":1}");
        AdminClient.Reply pong =
            admin.get("/__admin/journal/wait?type=PONG&connection=" + id + "&timeout=20000");
        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.as(JournalEntry[].class)[0].base64())
            .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {'p'}));
      } finally {
        client.closeBlocking();
      }
    }
  }

  @Test
  void resetRemovesEveryStandingFault() {
    server.faults().delayReplies(Duration.ofSeconds(1));
    server.faults().hang("0101");
    server.faults().dropMessages(3);
    server.faults().refuseHandshakes("/echo", 1, 500);
    assertThat(server.faults().active()).hasSize(4);
    server.reset();
    assertThat(server.faults().active()).isEmpty();
  }

  @Test
  void anUnknownFaultKindIs404AndABadValue400() {
    AdminClient.Reply unknown = admin.post("/__admin/faults/melt", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).contains("close, abort, delay");
    AdminClient.Reply negative = admin.post("/__admin/faults/drop", "{\"count\":-1}");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("detail").asText()).contains("count must be at least 1");
    AdminClient.Reply noSession = admin.post("/__admin/faults/hang", "{\"session\":\"nope\"}");
    assertThat(noSession.status()).isEqualTo(404);
  }
}
