package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Reconnects;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Handshake attempts, handshake delays and the reconnect timeline over the admin API: the wire
 * names of issue 18 ({@code HANDSHAKE}, {@code status}, {@code delay-handshakes}, {@code millis}).
 */
@Timeout(60)
class TimelineAdminTest {

  private final EchoServer server = EchoServer.builder().session("0101").start();
  private final AdminClient admin = new AdminClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void handshakeAttemptsAreListedByTypeWithTheirStatus() throws Exception {
    assertThat(JdkClient.refusedStatus(server.sessionUri("0202"))).isEqualTo(403);
    JwsClient accepted = JwsClient.connect(server.sessionUri("0101"));
    try {
      server.journal().await("2 handshakes", e -> e.type() == EntryType.HANDSHAKE, 2);

      AdminClient.Reply reply = admin.get("/__admin/journal?type=HANDSHAKE");

      assertThat(reply.status()).isEqualTo(200);
      JsonNode attempts = reply.json();
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(0).get("type").asText()).isEqualTo("HANDSHAKE");
      assertThat(attempts.get(0).get("status").asInt()).isEqualTo(403);
      assertThat(attempts.get(0).get("path").asText()).isEqualTo("/ws/0202");
      assertThat(attempts.get(0).get("connectionId").asLong()).isZero();
      assertThat(attempts.get(1).get("status").asInt()).isEqualTo(101);
      assertThat(attempts.get(1).get("sessionId").asText()).isEqualTo("0101");
      assertThat(attempts.get(1).get("remoteAddress").asText()).startsWith("127.0.0.1:");
      assertThat(attempts.get(1).has("originHeader")).isTrue();
      assertThat(attempts.get(1).get("subprotocols").isArray()).isTrue();
      assertThat(attempts.get(1).get("extensions").isArray()).isTrue();
      List<String> fields = new java.util.ArrayList<>();
      attempts.get(1).fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .startsWith("sequence", "time", "connectionId", "path", "sessionId", "direction")
          .endsWith(
              "stub", "remoteAddress", "originHeader", "subprotocols", "extensions", "status");
    } finally {
      accepted.closeBlocking();
    }
  }

  @Test
  void delayHandshakesIsAStandingFaultWithItsWaitsAndRefusesBadOnes() {
    AdminClient.Reply applied =
        admin.post(
            "/__admin/faults/delay-handshakes",
            "{\"session\":\"0101\",\"millis\":[6000,3000,4000]}");
    assertThat(applied.status()).isEqualTo(200);
    assertThat(applied.body()).isEqualTo("{\"count\":0}");
    assertThat(server.faults().active())
        .containsExactly(new Fault.DelayHandshakes(null, "0101", List.of(6000L, 3000L, 4000L)));
    assertThat(
            admin
                .get("/__admin/faults")
                .json()
                .get("delay-handshakes")
                .get(0)
                .get("millis")
                .toString())
        .isEqualTo("[6000,3000,4000]");

    AdminClient.Reply empty = admin.post("/__admin/faults/delay-handshakes", "{\"millis\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("detail").asText())
        .contains("millis must list 1 to 1000 waits in milliseconds");
    AdminClient.Reply negative =
        admin.post("/__admin/faults/delay-handshakes", "{\"millis\":[100,-5]}");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("detail").asText())
        .contains("each handshake wait must be 0 to 600000 milliseconds");

    assertThat(admin.delete("/__admin/faults").status()).isEqualTo(200);
    assertThat(server.faults().active()).isEmpty();
  }

  @Test
  void theReconnectTimelineIsServedAsJson() throws Exception {
    try (JdkClient first = JdkClient.connect(server.sessionUri("0101"))) {
      admin.post("/__admin/faults/refuse-handshakes", "{\"count\":1,\"status\":503}");
      assertThat(admin.post("/__admin/faults/abort", "{\"session\":\"0101\"}").body())
          .isEqualTo("{\"count\":1}");
      assertThat(first.awaitClose().code()).isEqualTo(1006);
    }
    assertThat(JdkClient.refusedStatus(server.sessionUri("0101"))).isEqualTo(503);
    try (JdkClient again = JdkClient.connect(server.sessionUri("0101"))) {
      again.send("subscribe");
      server.journal().awaitReceived("subscribe");

      JsonNode timeline = admin.get("/__admin/journal/reconnects").json();

      assertThat(timeline.get("drop").get("type").asText()).isEqualTo("CLOSED");
      assertThat(timeline.get("drop").get("closeCode").asInt()).isEqualTo(1006);
      assertThat(timeline.get("attempts")).hasSize(2);
      assertThat(timeline.get("attempts").get(0).get("status").asInt()).isEqualTo(503);
      assertThat(timeline.get("attempts").get(1).get("status").asInt()).isEqualTo(101);
      assertThat(timeline.get("intervalsMillis")).hasSize(2);
      Reconnects java = server.journal().awaitReconnects(2).assertResent("subscribe");
      assertThat(timeline.get("intervalsMillis").get(1).asLong())
          .isEqualTo(java.intervals().get(1).toMillis());
      assertThat(
              AdminClient.MAPPER.treeToValue(timeline.get("attempts").get(1), JournalEntry.class))
          .isEqualTo(java.attempts().get(1));
    }
  }

  @Test
  void withoutADropTheTimelineIsEmpty() {
    assertThat(admin.get("/__admin/journal/reconnects").body())
        .isEqualTo("{\"drop\":null,\"attempts\":[],\"intervalsMillis\":[]}");
  }
}
