package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import dev.wsfixture.Stub;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scripted replies through the Java API and the admin API, with real clients. */
@Timeout(60)
class StubsTest {

  private final EchoServer server = EchoServer.builder().session("0101").start();
  private final AdminClient admin = new AdminClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void anExactRuleAnswersInsteadOfTheEchoAndOthersAreEchoed() throws Exception {
    Stub stub = server.stubs().add(Stub.exact("ping").reply("pong"));
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      client.send("ping");
      assertThat(client.nextText()).isEqualTo("pong");
      client.send("pingpong");
      assertThat(client.nextText()).isEqualTo("Echo: pingpong");
      client.send("ping");
      assertThat(client.nextText()).as("every time, not once").isEqualTo("pong");
    }
    JournalEntry received = server.journal().awaitReceived("ping");
    assertThat(received.stub()).isEqualTo(stub.id()).isEqualTo("stub-1");
    JournalEntry reply = server.journal().sent().get(0);
    assertThat(reply.origin()).isEqualTo(Origin.STUB);
    assertThat(reply.stub()).isEqualTo("stub-1");
    assertThat(server.journal().sent().get(1).stub()).isNull();
  }

  @Test
  void aPrefixRuleOnASessionAnswersWithATemplateOnce() throws Exception {
    server
        .stubs()
        .add(
            Stub.prefix("join ")
                .onSession("0101")
                .reply("{{session}} welcomes {{message}}")
                .onlyOnce());
    try (JdkClient echo = JdkClient.connect(server.echoUri());
        JdkClient session = JdkClient.connect(server.sessionUri("0101"))) {
      echo.send("join x");
      assertThat(echo.nextText()).as("other endpoints are not scripted").isEqualTo("Echo: join x");
      session.send("join ann");
      assertThat(session.nextText()).isEqualTo("0101 welcomes join ann");
      session.send("join bob");
      assertThat(session.nextText()).as("a once-rule is used up").isEqualTo("[0101] join bob");
    }
    assertThat(server.stubs().list()).isEmpty();
  }

  @Test
  void aRegexRuleAnswersWithSeveralDelayedMessagesTextAndBinaryInOrder() throws Exception {
    server
        .stubs()
        .add(
            Stub.regex("sub(scribe)? \\w+")
                .onEcho()
                .reply("ack {{connection}}")
                .reply("tick 1", Duration.ofMillis(100))
                .reply(new byte[] {1, 2, 3}));
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      client.send("subscribe prices");
      long id = server.connections().get(0).id();
      assertThat(client.nextText()).isEqualTo("ack " + id);
      assertThat(client.nextText()).isEqualTo("tick 1");
      assertThat(client.nextBinary()).containsExactly(1, 2, 3);
      List<JournalEntry> sent = server.journal().sent();
      assertThat(Duration.between(sent.get(0).time(), sent.get(1).time()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void aRuleCanCloseTheConnectionOrAnswerNothing() throws Exception {
    server.stubs().add(Stub.exact("quiet"));
    server.stubs().add(Stub.exact("bye").reply("see you").closeWith(4001, "bye bye"));
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      client.send("quiet");
      client.send("bye");
      assertThat(client.nextText()).as("nothing for 'quiet'").isEqualTo("see you");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Close(4001, "bye bye"));
    }
    assertThat(server.journal().awaitReceived("quiet").stub()).isEqualTo("stub-1");
  }

  @Test
  void rulesAreCheckedInOrder() throws Exception {
    server.stubs().add(Stub.prefix("a").reply("first"));
    server.stubs().add(Stub.exact("ab").reply("second"));
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      client.send("ab");
      assertThat(client.nextText()).isEqualTo("first");
      server.stubs().remove("stub-1");
      client.send("ab");
      assertThat(client.nextText()).isEqualTo("second");
    }
  }

  @Test
  void resetRemovesEveryStub() {
    server.stubs().add(Stub.exact("x").reply("y"));
    server.reset();
    assertThat(server.stubs().list()).isEmpty();
  }

  @Test
  void badRulesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Stub.regex("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> Stub.exact("x").reply("{{nope}}"))
        .hasMessageContaining("unknown placeholder {{nope}}");
    assertThatThrownBy(() -> Stub.exact("x").closeWith(1006, ""))
        .hasMessageContaining("close code 1006");
    server.stubs().add(Stub.exact("x").withId("mine"));
    assertThatThrownBy(() -> server.stubs().add(Stub.exact("y").withId("mine")))
        .hasMessageContaining("'mine' exists already");
  }

  @Test
  void theAdminApiAddsListsAndRemovesStubsThatAnswer() throws Exception {
    AdminClient.Reply added =
        admin.post(
            "/__admin/stubs",
            "{\"match\":\"EXACT\",\"pattern\":\"hello\",\"replies\":[{\"text\":\"hi {{session}}\"}]}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    Stub stub = added.as(Stub.class);
    assertThat(stub.id()).isEqualTo("stub-1");
    assertThat(admin.get("/__admin/stubs").as(Stub[].class)).containsExactly(stub);
    try (JdkClient session = JdkClient.connect(server.sessionUri("0101"))) {
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
  void theAdminApiRefusesBadRulesWith4xx() {
    AdminClient.Reply noMatch = admin.post("/__admin/stubs", "{\"pattern\":\"x\"}");
    assertThat(noMatch.status()).isEqualTo(400);
    assertThat(noMatch.json().get("detail").asText()).contains("match");
    AdminClient.Reply badMatch =
        admin.post("/__admin/stubs", "{\"match\":\"FUZZY\",\"pattern\":\"x\"}");
    assertThat(badMatch.status()).isEqualTo(400);
    assertThat(badMatch.json().get("detail").asText()).contains("EXACT");
    AdminClient.Reply both =
        admin.post(
            "/__admin/stubs",
            "{\"match\":\"EXACT\",\"pattern\":\"x\",\"replies\":[{\"text\":\"a\",\"base64\":\"AA==\"}]}");
    assertThat(both.status()).isEqualTo(400);
    admin.post("/__admin/stubs", "{\"id\":\"s\",\"match\":\"EXACT\",\"pattern\":\"x\"}");
    AdminClient.Reply duplicate =
        admin.post("/__admin/stubs", "{\"id\":\"s\",\"match\":\"EXACT\",\"pattern\":\"y\"}");
    assertThat(duplicate.status()).isEqualTo(409);
  }
}
