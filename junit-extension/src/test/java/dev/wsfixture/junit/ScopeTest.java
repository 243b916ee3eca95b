package dev.wsfixture.junit;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** Where the annotation sits sets how long its server lives; fixtures run through the kit. */
@Timeout(120)
class ScopeTest {

  /** The servers the fixtures saw, in order. Fixtures run one at a time here. */
  static final Queue<EchoServer> seen = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void forgetServers() {
    seen.clear();
  }

  private static List<EchoServer> runAndCollect(Class<?> fixture, int tests) {
    Kit.run(fixture).testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
    return List.copyOf(seen);
  }

  @Test
  @DisplayName("on a class: one server for all tests, reset before each, stopped after the last")
  void classAnnotationSharesOneServerAndResetsIt() {
    List<EchoServer> servers = runAndCollect(SharedAndReset.class, 2);
    assertThat(servers).hasSize(2);
    assertThat(servers.get(0)).isSameAs(servers.get(1));
    assertThat(servers.get(0).isRunning()).isFalse();
  }

  @WebSocketEchoServer(sessions = "0101")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class SharedAndReset {
    @Test
    @Order(1)
    void dirtiesTheServer(EchoServer server) throws Exception {
      seen.add(server);
      server.register("extra");
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        assertThat(client.ask("dirt")).isEqualTo("Echo: dirt");
      }
      assertThat(server.journal().entries()).isNotEmpty();
    }

    @Test
    @Order(2)
    void findsItClean(EchoServer server) {
      seen.add(server);
      assertThat(server.sessions()).containsExactly("0101");
      // Only messages: the close of the previous test's connection may be journaled late.
      assertThat(server.journal().received()).isEmpty();
      assertThat(server.journal().sent()).isEmpty();
    }
  }

  @Test
  @DisplayName("on a method: a new server for each test and each repetition, stopped after it")
  void methodAnnotationGivesEachTestItsOwnServer() {
    List<EchoServer> servers = runAndCollect(PerMethod.class, 3);
    assertThat(servers).doesNotHaveDuplicates().allMatch(s -> !s.isRunning());
  }

  static class PerMethod {
    @Test
    @WebSocketEchoServer
    void one(EchoServer server) {
      seen.add(server);
      assertThat(server.isRunning()).isTrue();
    }

    @RepeatedTest(2)
    @WebSocketEchoServer
    void repeated(EchoServer server) {
      seen.add(server);
      assertThat(server.isRunning()).isTrue();
    }
  }

  @Test
  @DisplayName("on fields: static per class, instance per test; unannotated fields stay null")
  void fieldsFollowTheirModifiers() {
    List<EchoServer> servers = runAndCollect(Fields.class, 2);
    EchoServer static1 = servers.get(0);
    EchoServer instance1 = servers.get(1);
    EchoServer static2 = servers.get(2);
    EchoServer instance2 = servers.get(3);
    assertThat(static1).isSameAs(static2);
    assertThat(instance1).isNotSameAs(instance2).isNotSameAs(static1);
    assertThat(servers).allMatch(s -> !s.isRunning());
  }

  static class Fields {
    @WebSocketEchoServer(sessions = "s")
    private static EchoServer shared;

    @WebSocketEchoServer(echoPrefix = "")
    private EchoServer own;

    private EchoServer notAnnotated;

    @Test
    void first() {
      check();
    }

    @Test
    void second() {
      check();
    }

    private void check() {
      seen.add(shared);
      seen.add(own);
      assertThat(shared.sessions()).containsExactly("s");
      assertThat(own.sessions()).isEmpty();
      assertThat(notAnnotated).isNull();
    }
  }

  @Test
  @DisplayName("on a parameter: a server of its own, so a test can have several")
  void annotatedParametersGetServersOfTheirOwn() {
    List<EchoServer> servers = runAndCollect(TwoServers.class, 1);
    assertThat(servers).hasSize(3).doesNotHaveDuplicates();
  }

  @WebSocketEchoServer
  static class TwoServers {
    @Test
    void twoServers(
        EchoServer classServer,
        @WebSocketEchoServer(sessions = "a") EchoServer a,
        @WebSocketEchoServer(sessions = "b") EchoServer b) {
      seen.add(classServer);
      seen.add(a);
      seen.add(b);
      assertThat(a.sessions()).containsExactly("a");
      assertThat(b.sessions()).containsExactly("b");
    }
  }

  @Retention(RUNTIME)
  @Target(TYPE)
  @WebSocketEchoServer(
      sessions = {"0101", "0202"},
      echoPrefix = "chat: ")
  @interface ChatServer {}

  @Test
  @DisplayName("through a composed annotation, and inherited by subclasses")
  void composedAnnotationsAndSubclassesWork() {
    List<EchoServer> servers = runAndCollect(Subclass.class, 1);
    assertThat(servers).hasSize(1);
  }

  @ChatServer
  abstract static class Base {}

  static class Subclass extends Base {
    @Test
    void inheritsTheComposedAnnotation(EchoServer server) throws Exception {
      seen.add(server);
      assertThat(server.sessions()).containsExactly("0101", "0202");
      try (JdkClient client = JdkClient.connect(server.echoUri())) {
        assertThat(client.ask("hi")).isEqualTo("chat: hi");
      }
    }
  }

  @Retention(RUNTIME)
  @Target({FIELD, METHOD})
  @WebSocketEchoServer(sessions = "raw", echoPrefix = "")
  @interface RawServer {}

  @Test
  @DisplayName("a composed annotation works on fields and methods too")
  void composedAnnotationsWorkOnFieldsAndMethods() {
    List<EchoServer> servers = runAndCollect(ComposedOnMembers.class, 1);
    assertThat(servers).hasSize(2).doesNotHaveDuplicates();
  }

  static class ComposedOnMembers {
    @RawServer EchoServer field;

    @Test
    @RawServer
    void test(EchoServer method) {
      seen.add(field);
      seen.add(method);
      assertThat(field.sessions()).containsExactly("raw");
      assertThat(method.sessions()).containsExactly("raw");
    }
  }
}
