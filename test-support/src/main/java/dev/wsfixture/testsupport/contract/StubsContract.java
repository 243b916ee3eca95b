package dev.wsfixture.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import dev.wsfixture.Stub;
import dev.wsfixture.testsupport.JdkClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripted replies added through {@code stubs()}, answered to real clients. */
@SuppressWarnings("try") // some clients are opened only to be there
public abstract class StubsContract extends FixtureContract {

  @Test
  void anExactRuleAnswersInsteadOfTheEchoAndOthersAreEchoed() throws Exception {
    Stub stub = server().stubs().add(Stub.exact("ping").reply("pong"));
    assertThat(stub.id()).as("an id given by the server").startsWith("stub-");
    assertThat(server().stubs().list()).containsExactly(stub);
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("ping");
      assertThat(client.nextText()).isEqualTo("pong");
      client.send("pingpong");
      assertThat(client.nextText()).isEqualTo("Echo: pingpong");
      client.send("ping");
      assertThat(client.nextText()).as("every time, not once").isEqualTo("pong");
    }
    JournalEntry received = server().journal().awaitReceived("ping");
    assertThat(received.stub()).isEqualTo(stub.id());
    List<JournalEntry> sent = server().journal().sent();
    assertThat(sent.get(0).origin()).isEqualTo(Origin.STUB);
    assertThat(sent.get(0).stub()).isEqualTo(stub.id());
    assertThat(sent.get(1).origin()).isEqualTo(Origin.ECHO);
    assertThat(sent.get(1).stub()).isNull();
  }

  @Test
  void aPrefixRuleOnASessionAnswersWithATemplateOnce() throws Exception {
    server()
        .stubs()
        .add(
            Stub.prefix("join ")
                .onSession(SESSION)
                .reply("{{session}} welcomes {{message}}")
                .onlyOnce());
    try (JdkClient echo = JdkClient.connect(server().echoUri());
        JdkClient session = JdkClient.connect(server().sessionUri(SESSION))) {
      echo.send("join x");
      assertThat(echo.nextText()).as("other endpoints are not scripted").isEqualTo("Echo: join x");
      session.send("join ann");
      assertThat(session.nextText()).isEqualTo("0101 welcomes join ann");
      session.send("join bob");
      assertThat(session.nextText()).as("a once-rule is used up").isEqualTo("[0101] join bob");
    }
    assertThat(server().stubs().list()).isEmpty();
  }

  @Test
  void aRegexRuleAnswersWithSeveralDelayedMessagesTextAndBinaryInOrder() throws Exception {
    server()
        .stubs()
        .add(
            Stub.regex("sub(scribe)? \\w+")
                .onEcho()
                .reply("ack {{connection}}")
                .reply("tick 1", Duration.ofMillis(100))
                .reply(new byte[] {1, 2, 3}));
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      long id = awaitOpened(1).connectionId();
      client.send("subscribe prices");
      assertThat(client.nextText()).isEqualTo("ack " + id);
      assertThat(client.nextText()).isEqualTo("tick 1");
      assertThat(client.nextBinary()).containsExactly(1, 2, 3);
      List<JournalEntry> sent = server().journal().awaitSent(3);
      assertThat(Duration.between(sent.get(0).time(), sent.get(1).time()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void aRuleCanCloseTheConnectionOrAnswerNothing() throws Exception {
    Stub quiet = server().stubs().add(Stub.exact("quiet"));
    server().stubs().add(Stub.exact("bye").reply("see you").closeWith(4001, "bye bye"));
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("quiet");
      client.send("bye");
      assertThat(client.nextText()).as("nothing for 'quiet'").isEqualTo("see you");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Close(4001, "bye bye"));
    }
    assertThat(server().journal().awaitReceived("quiet").stub()).isEqualTo(quiet.id());
  }

  @Test
  void rulesAreCheckedInOrderAndRemovedById() throws Exception {
    Stub first = server().stubs().add(Stub.prefix("a").reply("first"));
    server().stubs().add(Stub.exact("ab").withId("mine").reply("second"));
    try (JdkClient client = JdkClient.connect(server().echoUri())) {
      client.send("ab");
      assertThat(client.nextText()).isEqualTo("first");
      assertThat(server().stubs().remove(first.id())).isTrue();
      assertThat(server().stubs().remove(first.id())).isFalse();
      client.send("ab");
      assertThat(client.nextText()).isEqualTo("second");
    }
    assertThat(server().stubs().list()).extracting(Stub::id).containsExactly("mine");
  }

  @Test
  void aSecondRuleWithTheSameIdIsRefused() {
    server().stubs().add(Stub.exact("x").withId("mine"));
    assertThatThrownBy(() -> server().stubs().add(Stub.exact("y").withId("mine")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'mine' exists already");
  }

  @Test
  void clearAndResetRemoveEveryStub() {
    server().stubs().add(Stub.exact("x").reply("y"));
    server().stubs().clear();
    assertThat(server().stubs().list()).isEmpty();
    server().stubs().add(Stub.exact("x").reply("y"));
    server().reset();
    assertThat(server().stubs().list()).isEmpty();
  }
}
