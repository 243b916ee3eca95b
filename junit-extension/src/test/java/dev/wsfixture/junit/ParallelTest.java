package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Under JUnit's parallel execution, classes and methods concurrent, no test sees another's. */
@Timeout(300)
class ParallelTest {

  private static final Map<String, String> PARALLEL =
      Map.of(
          "junit.jupiter.execution.parallel.enabled", "true",
          "junit.jupiter.execution.parallel.mode.default", "concurrent",
          "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
          "junit.jupiter.execution.parallel.config.strategy", "fixed",
          "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

  @Test
  void concurrentTestsKeepTheirServersApart() {
    Kit.run(PARALLEL, PerMethod.class, PerMethodToo.class, PerField.class, SharedSequential.class)
        .testEvents()
        .assertStatistics(s -> s.started(32).succeeded(32));
  }

  /**
   * Sends a unique message and checks that the server received that message and nothing else. (A
   * shared server may still journal the close of the previous test's connection, so only messages
   * are checked.)
   */
  static void talkAlone(EchoServer server) throws Exception {
    String text = UUID.randomUUID().toString();
    assertThat(server.journal().received()).isEmpty();
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      assertThat(client.ask(text)).isEqualTo("Echo: " + text);
    }
    assertThat(server.journal().received())
        .singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo(text));
  }

  static class PerMethod {
    @RepeatedTest(8)
    @WebSocketEchoServer
    void talks(EchoServer server) throws Exception {
      talkAlone(server);
    }
  }

  static class PerMethodToo {
    @RepeatedTest(8)
    @WebSocketEchoServer
    void talks(EchoServer server) throws Exception {
      talkAlone(server);
    }
  }

  static class PerField {
    @WebSocketEchoServer EchoServer server;

    @RepeatedTest(8)
    void talks() throws Exception {
      talkAlone(server);
    }
  }

  @WebSocketEchoServer
  @Execution(ExecutionMode.SAME_THREAD)
  static class SharedSequential {
    @RepeatedTest(8)
    void talks(EchoServer server) throws Exception {
      talkAlone(server);
    }
  }

  @Test
  void aSharedServerWithConcurrentTestsIsAnError() {
    Kit.run(PARALLEL, SharedConcurrent.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(
                    "@WebSocketEchoServer on class "
                        + SharedConcurrent.class.getName()
                        + " gives its tests one shared server, reset before each test, but"
                        + " one(EchoServer) runs concurrently with the others (parallel"
                        + " execution, mode CONCURRENT). Write"
                        + " @Execution(ExecutionMode.SAME_THREAD) on the class, or put"
                        + " @WebSocketEchoServer on the test methods for a server per test.")));
  }

  @WebSocketEchoServer
  static class SharedConcurrent {
    @Test
    void one(EchoServer server) {}

    @Test
    void two(EchoServer server) {}
  }
}
