package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Scenarios;
import dev.wsfixture.Stub;
import dev.wsfixture.embedded.EchoServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** A class-scoped server starts each test with no rules, so no scenarios and no tickers. */
@Timeout(60)
@WebSocketEchoServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioResetTest {

  private static Stub login() {
    return Stub.exact("login").inScenario("chat").willSetStateTo("LoggedIn").reply("welcome");
  }

  @Test
  @Order(1)
  void aTestMovesAScenarioOn(EchoServer server) throws Exception {
    server.stubs().add(login());
    try (Client client = Client.connect(server.echoUri())) {
      assertThat(client.ask("login")).isEqualTo("welcome");
    }
    assertThat(server.stubs().scenarios().state("chat")).isEqualTo("LoggedIn");
  }

  @Test
  @Order(2)
  void theNextTestFindsNoScenarioAndANewRuleStartsInStarted(EchoServer server) {
    assertThat(server.stubs().scenarios().list()).isEmpty();
    server.stubs().add(login());
    assertThat(server.stubs().scenarios().state("chat")).isEqualTo(Scenarios.STARTED);
  }
}
