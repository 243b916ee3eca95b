package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** A red build shows what the client sent and received. */
@Timeout(120)
class FailureReportTest {

  @Test
  void aFailedTestCarriesTheJournalAndKeepsItsOwnFailure() {
    EngineExecutionResults results = Kit.run(FailsAfterATalk.class);

    Throwable failure =
        results.testEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("the client expected 42");
    assertThat(failure.getSuppressed()).hasSize(1);
    String journal = failure.getSuppressed()[0].getMessage();
    assertThat(journal)
        .startsWith(
            "wsfixture journal of the server of class "
                + FailsAfterATalk.class.getName()
                + " (EchoServer{127.0.0.1:")
        .contains("RECEIVED TEXT \"question\"", "SENT TEXT (echo) \"Echo: question\"");

    List<String> published =
        results.allEvents().reportingEntryPublished().stream()
            .map(event -> event.getRequiredPayload(ReportEntry.class))
            .map(entry -> entry.getKeyValuePairs().get("wsfixture.journal"))
            .toList();
    assertThat(published).containsExactly(journal);
  }

  @Test
  void aPassingTestPublishesNothing() {
    EngineExecutionResults results = Kit.run(Passes.class);
    results.testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(results.allEvents().reportingEntryPublished().stream().map(Event::toString))
        .isEmpty();
  }

  @Test
  void aFailedAfterEachMethodCarriesTheJournalToo() {
    Throwable failure =
        Kit.run(AfterEachFails.class).testEvents().failed().stream()
            .findFirst()
            .orElseThrow()
            .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(failure).hasMessage("cleanup found a problem");
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s.getMessage()).contains("RECEIVED TEXT \"before cleanup\""));
  }

  static class AfterEachFails {
    @WebSocketEchoServer EchoServer server;

    @Test
    void talks() throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        client.ask("before cleanup");
      }
    }

    @AfterEach
    void cleanUp() {
      fail("cleanup found a problem");
    }
  }

  @WebSocketEchoServer
  static class FailsAfterATalk {
    @Test
    void talksThenFails(EchoServer server) throws Exception {
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        client.ask("question");
      }
      server.journal().awaitSent(1);
      fail("the client expected 42");
    }
  }

  @WebSocketEchoServer
  static class Passes {
    @Test
    void passes(EchoServer server) {
      assertThat(server.isRunning()).isTrue();
    }
  }
}
