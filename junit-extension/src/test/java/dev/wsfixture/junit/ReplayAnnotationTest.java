package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wsfixture.EntryType;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The annotation's replay attributes reach the server: a class-path recording, timing, fields. */
@Timeout(60)
class ReplayAnnotationTest {

  private static URI greet(EchoServer server) {
    return URI.create("ws://127.0.0.1:" + server.port() + "/greet");
  }

  @Test
  @WebSocketEchoServer(
      replay = "recordings/greeting.jsonl",
      replayTiming = "fast",
      replayIgnoredFields = "at")
  void aClassPathRecordingIsReplayed(EchoServer server) throws Exception {
    try (JdkClient client = JdkClient.connect(greet(server))) {
      client.send("{\"hello\":\"server\",\"at\":123456}");
      assertThat(client.nextText()).isEqualTo("{\"hello\":\"client\"}");
    }
    server.journal().assertNoDeviations();
  }

  @Test
  @WebSocketEchoServer(replay = "recordings/greeting.jsonl", onDeviation = "echo")
  void onDeviationEchoAnswersAnUnexpectedMessage(EchoServer server) throws Exception {
    try (JdkClient client = JdkClient.connect(greet(server))) {
      assertThat(client.ask("surprise")).isEqualTo("surprise");
    }
    assertThat(server.journal().entries()).anyMatch(e -> e.type() == EntryType.DEVIATION);
  }

  /** Run by the test below: a recording that is neither a file nor a resource. */
  static class MissingRecording {
    @Test
    @WebSocketEchoServer(replay = "recordings/nowhere.jsonl")
    void never(EchoServer server) {}
  }

  @Test
  void aMissingRecordingFailsTheTestWithTheReason() {
    EngineExecutionResults results = Kit.run(MissingRecording.class);
    results
        .allEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("replay 'recordings/nowhere.jsonl' is neither a file"))));
  }
}
