package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Under JUnit's parallel execution, classes and methods concurrent: no test sees another's server,
 * the tests that share a server take turns, and everything else runs in parallel.
 */
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
    Kit.run(PARALLEL, PerMethod.class, PerMethodToo.class, PerField.class)
        .testEvents()
        .assertStatistics(s -> s.started(24).succeeded(24));
  }

  @Test
  void concurrentTestsOnAClassServerTakeTurns() {
    SharedConcurrent.inUse.set(0);
    SharedStaticField.inUse.set(0);
    Kit.run(PARALLEL, SharedConcurrent.class, SharedStaticField.class)
        .testEvents()
        .assertStatistics(s -> s.started(20).succeeded(20));
  }

  @Test
  void classesWithTheirOwnServersRunInParallel() {
    MEETING.reset();
    Kit.run(PARALLEL, MeetsA.class, MeetsB.class)
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void methodServersInAClassRunInParallel() {
    MEETING.reset();
    Kit.run(PARALLEL, MethodServersMeet.class)
        .testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
  }

  /**
   * Sends a unique message and checks that the server received that message and nothing else, and
   * that no other connection is open.
   */
  static void talkAlone(EchoServer server) throws Exception {
    String text = UUID.randomUUID().toString();
    assertThat(server.journal().entries()).isEmpty();
    assertThat(server.connections()).isEmpty();
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      assertThat(client.ask(text)).isEqualTo("Echo: " + text);
      assertThat(server.connections()).hasSize(1);
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

  /** Counts the tests inside (from before to after each), which must never be more than one. */
  @WebSocketEchoServer
  static class SharedConcurrent {
    static final AtomicInteger inUse = new AtomicInteger();

    @BeforeEach
    void enter() {
      assertThat(inUse.incrementAndGet()).as("tests using the class's server").isEqualTo(1);
    }

    @AfterEach
    void leave() {
      inUse.decrementAndGet();
    }

    @RepeatedTest(8)
    void talks(EchoServer server) throws Exception {
      talkAlone(server);
    }

    @Nested
    class Inner {
      @RepeatedTest(4)
      void talksToTheEnclosingServer(EchoServer server) throws Exception {
        talkAlone(server);
      }
    }
  }

  static class SharedStaticField {
    static final AtomicInteger inUse = new AtomicInteger();
    @WebSocketEchoServer static EchoServer server;

    @BeforeEach
    void enter() {
      assertThat(inUse.incrementAndGet()).as("tests using the static field's server").isEqualTo(1);
    }

    @AfterEach
    void leave() {
      inUse.decrementAndGet();
    }

    @RepeatedTest(8)
    void talks() throws Exception {
      talkAlone(server);
    }
  }

  /** Two tests that pass only if they run at the same time. */
  private static final CyclicBarrier MEETING = new CyclicBarrier(2);

  static void meet() throws Exception {
    MEETING.await(30, TimeUnit.SECONDS);
  }

  @WebSocketEchoServer
  static class MeetsA {
    @Test
    void meetsB(EchoServer server) throws Exception {
      meet();
      talkAlone(server);
    }
  }

  @WebSocketEchoServer
  static class MeetsB {
    @Test
    void meetsA(EchoServer server) throws Exception {
      meet();
      talkAlone(server);
    }
  }

  static class MethodServersMeet {
    @Test
    @WebSocketEchoServer
    void one(EchoServer server) throws Exception {
      meet();
      talkAlone(server);
    }

    @Test
    @WebSocketEchoServer
    void two(EchoServer server) throws Exception {
      meet();
      talkAlone(server);
    }
  }
}
