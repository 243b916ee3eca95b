package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.Scenario;
import dev.wsfixture.Scenarios;
import dev.wsfixture.Stub;
import dev.wsfixture.testsupport.DockerRequired;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.SharedServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Scenarios, onOpen rules and tickers of a container, over the admin API, with a real client. */
@DockerRequired
@Testcontainers
@Timeout(120)
class ContainerScenariosIT {

  @Container
  static final WebSocketEchoContainer server =
      new WebSocketEchoContainer().withSession("0101").withAwaitTimeout(Duration.ofSeconds(30));

  @BeforeEach
  void reset() {
    SharedServers.resetWhenIdle(server, JdkClient.WAIT);
  }

  @Test
  void aConversationFollowsItsStepsAndTheScenarioCanBeReadSetAndReset() throws Exception {
    server
        .stubs()
        .add(
            Stub.exact("login")
                .inScenario("chat")
                .whenScenarioStateIs(Scenarios.STARTED)
                .willSetStateTo("LoggedIn")
                .reply("welcome {{session}}"));
    server
        .stubs()
        .add(
            Stub.exact("subscribe")
                .inScenario("chat")
                .whenScenarioStateIs("LoggedIn")
                .willSetStateTo("Subscribed")
                .reply("tick")
                .repeatEvery(Duration.ofMillis(50)));
    server
        .stubs()
        .add(
            Stub.exact("unsubscribe")
                .inScenario("chat")
                .whenScenarioStateIs("Subscribed")
                .willSetStateTo("Done")
                .closeWith(4000, "unsubscribed"));
    Scenarios scenarios = server.stubs().scenarios();
    assertThat(scenarios.list())
        .containsExactly(
            new Scenario("chat", "Started", List.of("Started", "LoggedIn", "Subscribed", "Done")));

    try (JdkClient client = JdkClient.connect(server.sessionUri("0101"))) {
      assertThat(client.ask("subscribe")).isEqualTo("[0101] subscribe");
      assertThat(client.ask("login")).isEqualTo("welcome 0101");
      assertThat(scenarios.state("chat")).isEqualTo("LoggedIn");
      assertThat(client.ask("subscribe")).isEqualTo("tick");
      assertThat(client.nextText()).isEqualTo("tick");
      client.send("unsubscribe");
      assertThat(client.awaitClose().code()).isEqualTo(4000);
    }
    assertThat(scenarios.state("chat")).isEqualTo("Done");

    scenarios.set("chat", "LoggedIn");
    assertThat(scenarios.state("chat")).isEqualTo("LoggedIn");
    scenarios.reset();
    assertThat(scenarios.state("chat")).isEqualTo(Scenarios.STARTED);
    assertThatThrownBy(() -> scenarios.set("chat", "Nowhere"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no state 'Nowhere'");
    assertThatThrownBy(() -> scenarios.state("other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scenario 'other'");
  }

  @Test
  void anOnOpenRuleGreetsAndABoundedTickerStops() throws Exception {
    server
        .stubs()
        .add(
            Stub.whenOpened()
                .onSession("0101")
                .reply("hi {{session}}")
                .repeatEvery(Duration.ofMillis(20), 2));
    try (JdkClient client = JdkClient.connect(server.sessionUri("0101"))) {
      assertThat(client.nextText()).isEqualTo("hi 0101");
      assertThat(client.nextText()).isEqualTo("hi 0101");
      assertThat(client.ask("x")).as("two rounds, no more").isEqualTo("[0101] x");
    }
  }
}
