package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Scenario;
import dev.wsfixture.Stub;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenarios, onOpen rules and tickers over the admin API: rules posted as JSON drive real clients
 * through a conversation; {@code /__admin/scenarios} lists, sets and resets states.
 */
@Timeout(60)
class ScenariosAdminTest {

  private static final String LOGIN =
      "{\"match\":\"EXACT\",\"pattern\":\"login\",\"scenario\":\"chat\","
          + "\"requiredState\":\"Started\",\"newState\":\"LoggedIn\","
          + "\"replies\":[{\"text\":\"welcome {{session}}\"}]}";
  private static final String SUBSCRIBE =
      "{\"match\":\"EXACT\",\"pattern\":\"subscribe\",\"scenario\":\"chat\","
          + "\"requiredState\":\"LoggedIn\",\"newState\":\"Subscribed\","
          + "\"replies\":[{\"text\":\"tick\"}],\"repeat\":{\"everyMillis\":50}}";
  private static final String UNSUBSCRIBE =
      "{\"match\":\"EXACT\",\"pattern\":\"unsubscribe\",\"scenario\":\"chat\","
          + "\"requiredState\":\"Subscribed\",\"newState\":\"Done\","
          + "\"close\":{\"code\":4000,\"reason\":\"unsubscribed\"}}";

  private final EchoServer server = EchoServer.builder().session("0101").start();
  private final AdminClient admin = new AdminClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private void postChatRules() {
    for (String rule : List.of(LOGIN, SUBSCRIBE, UNSUBSCRIBE)) {
      AdminClient.Reply added = admin.post("/__admin/stubs", rule);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
    }
  }

  @Test
  void rulesPostedAsJsonDriveAConversationThroughItsStates() throws Exception {
    postChatRules();
    assertThat(admin.get("/__admin/stubs").as(Stub[].class)[1].repeat())
        .isEqualTo(new Stub.Repeat(50, Stub.Repeat.MAX_TIMES));
    try (JdkClient client = JdkClient.connect(server.sessionUri("0101"))) {
      client.send("login");
      assertThat(client.nextText()).isEqualTo("welcome 0101");
      assertThat(scenario().state()).isEqualTo("LoggedIn");
      client.send("subscribe");
      assertThat(client.nextText()).isEqualTo("tick");
      assertThat(client.nextText()).isEqualTo("tick");
      client.send("unsubscribe");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Close(4000, "unsubscribed"));
    }
    assertThat(scenario().state()).isEqualTo("Done");
  }

  @Test
  void getListsScenariosPutSetsAStateAndResetPutsAllBackToStarted() throws Exception {
    postChatRules();
    assertThat(admin.get("/__admin/scenarios").as(Scenario[].class))
        .containsExactly(
            new Scenario("chat", "Started", List.of("Started", "LoggedIn", "Subscribed", "Done")));

    AdminClient.Reply set =
        admin.send("PUT", "/__admin/scenarios/chat/state", "{\"state\":\"Subscribed\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.as(Scenario.class).state()).isEqualTo("Subscribed");
    JwsClient client = JwsClient.connect(server.sessionUri("0101"));
    try {
      client.send("unsubscribe");
      assertThat(client.awaitClose().code()).as("the state set over HTTP counts").isEqualTo(4000);
    } finally {
      client.closeBlocking();
    }

    assertThat(admin.post("/__admin/scenarios/reset", null).status()).isEqualTo(200);
    assertThat(scenario().state()).isEqualTo("Started");
    assertThat(server.stubs().list()).as("the rules stay").hasSize(3);

    assertThat(admin.post("/__admin/reset", null).status()).isEqualTo(200);
    assertThat(admin.get("/__admin/scenarios").json()).isEmpty();
  }

  @Test
  void onOpenRulesAndBoundedTickersCanBePostedAsJson() throws Exception {
    AdminClient.Reply added =
        admin.post(
            "/__admin/stubs",
            "{\"onOpen\":true,\"scope\":\"SESSION\",\"session\":\"0101\","
                + "\"replies\":[{\"text\":\"beat {{connection}}\"}],"
                + "\"repeat\":{\"everyMillis\":20,\"times\":2}}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("match").isNull()).isTrue();
    try (JdkClient client = JdkClient.connect(server.sessionUri("0101"))) {
      String first = client.nextText();
      assertThat(first).startsWith("beat ");
      assertThat(client.nextText()).isEqualTo(first);
      client.send("x");
      assertThat(client.nextText()).as("two rounds, no more").isEqualTo("[0101] x");
    }
  }

  @Test
  void badRequestsGetTheRightStatusAndSayWhatToDo() {
    AdminClient.Reply unknown =
        admin.send("PUT", "/__admin/scenarios/chat/state", "{\"state\":\"LoggedIn\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_scenario");
    assertThat(unknown.json().get("detail").asText())
        .contains("no scenario 'chat'")
        .contains("\"scenario\":\"chat\"");

    postChatRules();
    AdminClient.Reply badState =
        admin.send("PUT", "/__admin/scenarios/chat/state", "{\"state\":\"Nowhere\"}");
    assertThat(badState.status()).isEqualTo(400);
    assertThat(badState.json().get("detail").asText())
        .isEqualTo(
            "scenario 'chat' has no state 'Nowhere': no rule names it; its states are"
                + " [Started, LoggedIn, Subscribed, Done]");
    assertThat(admin.send("PUT", "/__admin/scenarios/chat/state", "{}").status()).isEqualTo(400);
    assertThat(admin.send("PUT", "/__admin/scenarios/chat/state", "{\"stat\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(admin.post("/__admin/scenarios/chat/state", "{\"state\":\"Done\"}").status())
        .isEqualTo(405);
    assertThat(admin.get("/__admin/scenarios/chat/other").status()).isEqualTo(404);

    AdminClient.Reply orphanState =
        admin.post("/__admin/stubs", "{\"match\":\"EXACT\",\"pattern\":\"x\",\"newState\":\"A\"}");
    assertThat(orphanState.status()).isEqualTo(400);
    assertThat(orphanState.json().get("detail").asText()).contains("need \"scenario\"");
    AdminClient.Reply openWithPattern =
        admin.post("/__admin/stubs", "{\"onOpen\":true,\"match\":\"EXACT\",\"pattern\":\"x\"}");
    assertThat(openWithPattern.status()).isEqualTo(400);
    assertThat(openWithPattern.json().get("detail").asText())
        .contains("leave out \"match\" and \"pattern\"");
    AdminClient.Reply tooFast =
        admin.post(
            "/__admin/stubs",
            "{\"onOpen\":true,\"replies\":[{\"text\":\"x\"}],\"repeat\":{\"everyMillis\":1}}");
    assertThat(tooFast.status()).isEqualTo(400);
    assertThat(tooFast.json().get("detail").asText()).contains("everyMillis must be 10 to 600000");
  }

  private Scenario scenario() {
    Scenario[] scenarios = admin.get("/__admin/scenarios").as(Scenario[].class);
    assertThat(scenarios).hasSize(1);
    return scenarios[0];
  }
}
