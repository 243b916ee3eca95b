package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsfixture.ConnectionInfo;
import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Stub;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
@SuppressWarnings("try") // clients opened only to be there
class AdminApiTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final EchoServer server = EchoServer.builder().session("0101").start();
  private final AdminClient admin = new AdminClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void healthIsUp() {
    AdminClient.Reply reply = admin.get("/__admin/health");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void registersListsAndRemovesSessions() throws Exception {
    AdminClient.Reply created = admin.post("/__admin/sessions", "{\"id\":\"0202\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(admin.post("/__admin/sessions", "{\"id\":\"0202\"}").status()).isEqualTo(200);
    assertThat(server.sessions()).containsExactly("0101", "0202");
    assertThat(admin.get("/__admin/sessions").body()).isEqualTo("[\"0101\",\"0202\"]");

    try (JdkClient client = JdkClient.connect(http, server.sessionUri("0202"))) {
      server.journal().await("open", e -> e.type() == EntryType.OPENED, 1);
      AdminClient.Reply removed = admin.delete("/__admin/sessions/0202");
      assertThat(removed.status()).isEqualTo(200);
      assertThat(removed.json().get("closed").asInt()).isEqualTo(1);
      JournalEntry closed =
          server.journal().await("a close", e -> e.type() == EntryType.CLOSED, 1).get(0);
      assertThat(closed.closeCode()).isEqualTo(1000);
    }
    assertThat(server.sessions()).containsExactly("0101");
    assertThat(admin.delete("/__admin/sessions/0202").status()).isEqualTo(404);
  }

  @Test
  void listsConnectionsAsConnectionInfoRecords() throws Exception {
    try (JdkClient client = JdkClient.connect(http, server.sessionUri("0101"))) {
      server.journal().await("open", e -> e.type() == EntryType.OPENED, 1);
      ConnectionInfo[] infos = admin.get("/__admin/connections").as(ConnectionInfo[].class);
      assertThat(infos).containsExactlyElementsOf(server.connections());
      assertThat(infos[0].sessionId()).isEqualTo("0101");
    }
  }

  @Test
  void journalEntriesReadBackAsJournalEntryRecordsAndFilter() throws Exception {
    try (JdkClient client = JdkClient.connect(http, server.echoUri())) {
      client.socket.sendText("hello", true).join();
      server.journal().awaitSent(1);
      JournalEntry[] all = admin.get("/__admin/journal").as(JournalEntry[].class);
      assertThat(Arrays.asList(all)).isEqualTo(server.journal().entries());

      JournalEntry[] received =
          admin.get("/__admin/journal?type=text&direction=RECEIVED").as(JournalEntry[].class);
      assertThat(received).extracting(JournalEntry::text).containsExactly("hello");

      long last = all[all.length - 1].sequence();
      assertThat(admin.get("/__admin/journal?since=" + last).as(JournalEntry[].class)).isEmpty();
      assertThat(admin.get("/__admin/journal?session=0101").as(JournalEntry[].class)).isEmpty();

      assertThat(admin.delete("/__admin/journal").status()).isEqualTo(200);
      assertThat(server.journal().entries()).isEmpty();
      assertThat(admin.get("/__admin/journal/stats").json().get("dropped").asLong()).isZero();
    }
  }

  /**
   * The exact JSON of each kind of entry: one field per accessor, in the order of {@code
   * docs/admin-api.md}, nulls written, payloads of binary entries in base64.
   */
  @Test
  void journalEntriesAreWrittenAsTheDocumentedJson() throws Exception {
    server.stubs().add(Stub.exact("binary please").withId("bin").reply(new byte[] {9, 8, 7}));
    try (JdkClient client = JdkClient.connect(http, server.sessionUri("0101"))) {
      client.send("hello");
      assertThat(client.nextText()).isEqualTo("[0101] hello");
      client.send(new byte[] {1, 2, 3});
      assertThat(client.nextBinary()).containsExactly(1, 2, 3);
      client.send("binary please");
      assertThat(client.nextBinary()).containsExactly(9, 8, 7);
      client.socket.sendPing(ByteBuffer.wrap(new byte[] {5})).join();
      server.journal().await("the ping", e -> e.type() == EntryType.PING, 1);
      client.socket.sendClose(1000, "bye").join();
      server.journal().awaitClosed(1);
    }
    String body = admin.get("/__admin/journal").body();
    assertThat(AdminClient.MAPPER.readValue(body, JournalEntry[].class))
        .as("read back with a plain ObjectMapper")
        .containsExactlyElementsOf(server.journal().entries());
    String json =
        body.substring(1, body.length() - 1)
            .replaceAll(
                "\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"",
                "\"time\":\"T\"")
            .replaceAll("\"remoteAddress\":\"127\\.0\\.0\\.1:\\d+\"", "\"remoteAddress\":\"A\"");
    assertThat(json.split("(?<=\\}),(?=\\{)"))
        .as(body)
        .containsExactly(
            "{\"sequence\":1,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"HANDSHAKE\",\"origin\":\"CLIENT\",\"size\":0,\"text\":null,\"base64\":null,\"closeCode\":null,\"stub\":null,\"remoteAddress\":\"A\",\"originHeader\":null,\"subprotocols\":[],\"extensions\":[],\"status\":101}",
            "{\"sequence\":2,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"OPENED\",\"origin\":\"CLIENT\",\"size\":0,\"text\":null,\"base64\":null,\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":3,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"TEXT\",\"origin\":\"CLIENT\",\"size\":5,\"text\":\"hello\",\"base64\":null,\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":4,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"SENT\",\"type\":\"TEXT\",\"origin\":\"ECHO\",\"size\":12,\"text\":\"[0101] hello\",\"base64\":null,\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":5,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"BINARY\",\"origin\":\"CLIENT\",\"size\":3,\"text\":null,\"base64\":\"AQID\",\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":6,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"SENT\",\"type\":\"BINARY\",\"origin\":\"ECHO\",\"size\":3,\"text\":null,\"base64\":\"AQID\",\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":7,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"TEXT\",\"origin\":\"CLIENT\",\"size\":13,\"text\":\"binary please\",\"base64\":null,\"closeCode\":null,\"stub\":\"bin\",\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":8,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"SENT\",\"type\":\"BINARY\",\"origin\":\"STUB\",\"size\":3,\"text\":null,\"base64\":\"CQgH\",\"closeCode\":null,\"stub\":\"bin\",\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":9,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"PING\",\"origin\":\"CLIENT\",\"size\":1,\"text\":null,\"base64\":\"BQ==\",\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}",
            "{\"sequence\":10,\"time\":\"T\",\"connectionId\":1,\"path\":\"/ws/0101\",\"sessionId\":\"0101\",\"direction\":\"RECEIVED\",\"type\":\"CLOSED\",\"origin\":\"CLIENT\",\"size\":0,\"text\":\"bye\",\"base64\":null,\"closeCode\":1000,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,\"subprotocols\":null,\"extensions\":null,\"status\":null}");
  }

  @Test
  void waitAnswersOnceEnoughEntriesMatch() throws Exception {
    try (JdkClient client = JdkClient.connect(http, server.echoUri())) {
      CompletableFuture<AdminClient.Reply> waiting =
          CompletableFuture.supplyAsync(
              () ->
                  admin.get(
                      "/__admin/journal/wait?count=2&type=TEXT&direction=SENT&timeout=20000"));
      client.socket.sendText("one", true).join();
      client.socket.sendText("two", true).join();
      AdminClient.Reply reply = waiting.join();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.as(JournalEntry[].class))
          .extracting(JournalEntry::text)
          .containsExactly("Echo: one", "Echo: two");
    }
  }

  @Test
  void waitTimesOutWith408AndSaysWhatItFound() {
    AdminClient.Reply reply = admin.get("/__admin/journal/wait?count=3&type=TEXT&timeout=50");
    assertThat(reply.status()).isEqualTo(408);
    assertThat(reply.json().get("error").asText()).isEqualTo("timeout");
    assertThat(reply.json().get("detail").asText()).contains("type=TEXT").contains("found 0");
  }

  @Test
  void pushesTextAndBinaryToASessionAndBroadcasts() throws Exception {
    try (JdkClient session = JdkClient.connect(http, server.sessionUri("0101"));
        JdkClient echo = JdkClient.connect(http, server.echoUri())) {
      server.journal().await("2 opens", e -> e.type() == EntryType.OPENED, 2);
      AdminClient.Reply pushed =
          admin.post("/__admin/push", "{\"session\":\"0101\",\"text\":\"hi\"}");
      assertThat(pushed.body()).isEqualTo("{\"count\":1}");
      assertThat(session.next()).isEqualTo("hi");

      String base64 = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
      admin.post("/__admin/push", "{\"session\":\"0101\",\"base64\":\"" + base64 + "\"}");
      assertThat(
              server
                  .journal()
                  .await("a binary push", e -> e.type() == EntryType.BINARY, 1)
                  .get(0)
                  .base64())
          .isEqualTo(base64);

      AdminClient.Reply broadcast = admin.post("/__admin/push", "{\"text\":\"all\"}");
      assertThat(broadcast.body()).isEqualTo("{\"count\":2}");
      assertThat(echo.next()).isEqualTo("all");
    }
  }

  @Test
  void resetRestoresTheStartState() {
    server.register("0202");
    assertThat(admin.post("/__admin/reset", "").status()).isEqualTo(200);
    assertThat(server.sessions()).containsExactly("0101");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "POST | /__admin/sessions | {\"id\": | 400 | malformed_json",
        "POST | /__admin/sessions | {\"id\":\"a\",\"colour\":1} | 400 | unknown_field",
        "POST | /__admin/sessions | {\"id\":\"no spaces\"} | 400 | invalid_session_id",
        "POST | /__admin/sessions | {} | 400 | missing_field",
        "POST | /__admin/sessions | `` | 400 | missing_body",
        "POST | /__admin/sessions | [1,2] | 400 | bad_value",
        "POST | /__admin/push | {\"session\":\"nope\",\"text\":\"x\"} | 404 | unknown_session",
        "POST | /__admin/push | {\"text\":\"x\",\"base64\":\"AA==\"} | 400 | bad_value",
        "POST | /__admin/push | {\"base64\":\"***\"} | 400 | bad_value",
        "DELETE | /__admin/sessions/nope | `` | 404 | unknown_session",
        "GET | /__admin/nothing | `` | 404 | unknown_endpoint",
        "DELETE | /__admin/health | `` | 405 | method_not_allowed",
        "GET | /__admin/journal?colour=red | `` | 400 | unknown_parameter",
        "GET | /__admin/journal?type=SHOUT | `` | 400 | bad_value",
        "GET | /__admin/journal?since=yesterday | `` | 400 | bad_value",
        "GET | /__admin/journal/wait?count=0 | `` | 400 | bad_value",
        "POST | /__admin/faults/melt | {} | 404 | unknown_fault",
        "POST | /__admin/faults/close | {\"code\":1005} | 400 | bad_value",
        "POST | /__admin/faults/drop | {\"count\":-1} | 400 | bad_value",
        "POST | /__admin/faults/hang | {\"session\":\"nope\"} | 404 | unknown_session",
        "POST | /__admin/stubs | {\"pattern\":\"x\"} | 400 | bad_value",
        "POST | /__admin/stubs | {\"match\":\"FUZZY\",\"pattern\":\"x\"} | 400 | bad_value",
        "DELETE | /__admin/stubs/nope | `` | 404 | unknown_stub",
      })
  void badRequestsGetAJsonErrorWithTheRightStatus(
      String method, String path, String body, int status, String error) {
    AdminClient.Reply reply =
        admin.send(method, path, body == null || body.isEmpty() ? null : body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    JsonNode json = reply.json();
    assertThat(json.get("error").asText()).isEqualTo(error);
    assertThat(json.get("detail").asText()).isNotBlank().doesNotContain("Exception");
    assertThat(admin.get("/__admin/health").status()).isEqualTo(200);
  }

  @Test
  void aTenMebibyteBodyGets413() {
    char[] big = new char[10 * 1024 * 1024];
    Arrays.fill(big, 'x');
    AdminClient.Reply reply = admin.post("/__admin/push", "{\"text\":\"" + new String(big) + "\"}");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("error").asText()).isEqualTo("body_too_large");
    assertThat(admin.get("/__admin/health").status()).isEqualTo(200);
  }

  @Test
  void sessionsListIsAJsonArray() {
    String[] sessions = admin.get("/__admin/sessions").as(String[].class);
    assertThat(sessions).containsExactly("0101");
  }

  @Test
  void faultErrorsNameTheKindsAndTheRule() {
    assertThat(admin.post("/__admin/faults/melt", "{}").json().get("detail").asText())
        .contains("close, abort, delay, hang, refuse-handshakes, drop, ping");
    assertThat(admin.post("/__admin/faults/close", "{\"code\":1005}").json().get("detail").asText())
        .contains("close code 1005");
    assertThat(admin.post("/__admin/faults/drop", "{\"count\":-1}").json().get("detail").asText())
        .contains("count must be at least 1");
  }

  @Test
  void faultsAreAppliedAtTheirKindsPathAndListedByKind() throws Exception {
    try (JdkClient session = JdkClient.connect(http, server.sessionUri("0101"));
        JdkClient echo = JdkClient.connect(http, server.echoUri())) {
      server.journal().await("2 opened", e -> e.type() == EntryType.OPENED, 2);
      assertThat(admin.post("/__admin/faults/hang", "").body()).isEqualTo("{\"count\":0}");
      admin.post("/__admin/faults/delay", "{\"session\":\"0101\",\"millis\":200}");
      assertThat(admin.get("/__admin/faults").body())
          .isEqualTo(
              "{\"delay\":[{\"session\":\"0101\",\"connection\":null,\"millis\":200,"
                  + "\"jitterMillis\":0}],\"hang\":[{\"session\":null,\"connection\":null}]}");
      assertThat(admin.delete("/__admin/faults").body()).isEqualTo("{\"ok\":true}");
      AdminClient.Reply closed =
          admin.post(
              "/__admin/faults/close", "{\"session\":\"0101\",\"code\":1011,\"reason\":\"oops\"}");
      assertThat(closed.body()).isEqualTo("{\"count\":1}");
      assertThat(session.awaitClose()).isEqualTo(new JdkClient.Close(1011, "oops"));

      long id =
          server.connections().stream()
              .filter(c -> c.sessionId() == null)
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(
              admin
                  .post("/__admin/faults/ping", "{\"connection\":" + id + ",\"payload\":\"p\"}")
                  .body())
          .isEqualTo("{\"count\":1}");
      AdminClient.Reply pong =
          admin.get("/__admin/journal/wait?type=PONG&connection=" + id + "&timeout=20000");
      assertThat(pong.status()).isEqualTo(200);
      assertThat(pong.as(JournalEntry[].class)[0].base64()).isEqualTo("cA==");
    }
  }

  @Test
  void stubsAreAddedListedAndRemovedAsJson() throws Exception {
    AdminClient.Reply added =
        admin.post(
            "/__admin/stubs",
            "{\"match\":\"EXACT\",\"pattern\":\"hello\",\"replies\":[{\"text\":\"hi {{session}}\"}]}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Stub stub = added.as(Stub.class);
    assertThat(stub.id()).isEqualTo("stub-1");
    assertThat(admin.get("/__admin/stubs").as(Stub[].class)).containsExactly(stub);
    try (JdkClient session = JdkClient.connect(http, server.sessionUri("0101"))) {
      session.send("hello");
      assertThat(session.nextText()).isEqualTo("hi 0101");
    }
    JournalEntry[] answered = admin.get("/__admin/journal?origin=STUB").as(JournalEntry[].class);
    assertThat(answered).extracting(JournalEntry::stub).containsExactly("stub-1");

    assertThat(admin.delete("/__admin/stubs/stub-1").status()).isEqualTo(200);
    assertThat(admin.delete("/__admin/stubs/stub-1").status()).isEqualTo(404);
    admin.post("/__admin/stubs", "{\"match\":\"PREFIX\",\"pattern\":\"\"}");
    assertThat(admin.delete("/__admin/stubs").status()).isEqualTo(200);
    assertThat(server.stubs().list()).isEmpty();
  }

  @Test
  void aStubWithBothTextAndBase64IsRefusedAndADuplicateIdIs409() {
    AdminClient.Reply both =
        admin.post(
            "/__admin/stubs",
            "{\"match\":\"EXACT\",\"pattern\":\"x\",\"replies\":[{\"text\":\"a\",\"base64\":\"AA==\"}]}");
    assertThat(both.status()).isEqualTo(400);
    admin.post("/__admin/stubs", "{\"id\":\"s\",\"match\":\"EXACT\",\"pattern\":\"x\"}");
    AdminClient.Reply duplicate =
        admin.post("/__admin/stubs", "{\"id\":\"s\",\"match\":\"EXACT\",\"pattern\":\"y\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("error").asText()).isEqualTo("duplicate_stub");
  }
}
