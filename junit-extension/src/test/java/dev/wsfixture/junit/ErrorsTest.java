package dev.wsfixture.junit;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wsfixture.embedded.EchoServer;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Each misuse fails with a message that says what is wrong and what to write instead. */
@Timeout(120)
class ErrorsTest {

  private static final String PACKAGE = "dev.wsfixture.junit.ErrorsTest$";

  private static void assertFailure(
      Class<?> fixture, Class<? extends Throwable> type, String expectedMessage) {
    EngineExecutionResults results = Kit.run(fixture);
    results
        .allEvents()
        .assertThatEvents()
        .haveExactly(1, finishedWithFailure(instanceOf(type), message(expectedMessage)));
  }

  @Test
  @DisplayName("an EchoServer parameter with no annotation on its method or class")
  void parameterWithoutAnnotationInScope() {
    assertFailure(
        NoServerInScope.class,
        ParameterResolutionException.class,
        "No @WebSocketEchoServer in scope for parameter 0 (EchoServer) of method "
            + PACKAGE
            + "NoServerInScope#test(EchoServer): annotate the test class (one server for all its"
            + " tests), the test method (one server per test) or the parameter itself with"
            + " @WebSocketEchoServer. Servers of annotated fields are in those fields.");
  }

  static class NoServerInScope {
    @WebSocketEchoServer EchoServer field;

    @Test
    void test(EchoServer server) {}
  }

  @Test
  @DisplayName("a final field")
  void finalField() {
    assertFailure(
        FinalField.class,
        ExtensionConfigurationException.class,
        "@WebSocketEchoServer field "
            + PACKAGE
            + "FinalField.server must not be final: the extension assigns it before each test."
            + " Remove 'final'.");
  }

  static class FinalField {
    @WebSocketEchoServer final EchoServer server = null;

    @Test
    void test() {}
  }

  @Test
  @DisplayName("a static field of the wrong type")
  void wrongFieldType() {
    assertFailure(
        WrongFieldType.class,
        ExtensionConfigurationException.class,
        "@WebSocketEchoServer static field "
            + PACKAGE
            + "WrongFieldType.server must be of type EchoServer, not java.net.URI:"
            + " declare it as 'EchoServer server'");
  }

  static class WrongFieldType {
    @WebSocketEchoServer static URI server;

    @Test
    void test() {}
  }

  @Test
  @DisplayName("an annotated parameter of the wrong type")
  void wrongParameterType() {
    assertFailure(
        WrongParameterType.class,
        ParameterResolutionException.class,
        "@EchoUri parameter 0 (String) of method "
            + PACKAGE
            + "WrongParameterType#test(String) must be of type java.net.URI, not"
            + " java.lang.String: change the parameter's type to URI");
  }

  @WebSocketEchoServer
  static class WrongParameterType {
    @Test
    void test(@EchoUri String echo) {}
  }

  @Retention(RUNTIME)
  @Target(TYPE)
  @WebSocketEchoServer(sessions = "0101")
  @interface ChatServer {}

  @Test
  @DisplayName("an element annotated twice with different attributes")
  void conflictingAttributes() {
    assertFailure(
        Conflicting.class,
        ExtensionConfigurationException.class,
        "class "
            + PACKAGE
            + "Conflicting carries @WebSocketEchoServer more than once with different attributes"
            + " (directly, through @ChatServer): keep one of them and put all attributes there");
  }

  @ChatServer
  @WebSocketEchoServer(echoPrefix = "")
  static class Conflicting {
    @Test
    void test(EchoServer server) {}
  }

  @Test
  @DisplayName("a bad attribute value")
  void badAttribute() {
    assertFailure(
        BadSession.class,
        ExtensionConfigurationException.class,
        "@WebSocketEchoServer on method "
            + PACKAGE
            + "BadSession#test(EchoServer) has a bad attribute: invalid session id 'no spaces':"
            + " a session id is 1 to 64 characters of A-Z a-z 0-9 . _ -");
  }

  static class BadSession {
    @Test
    @WebSocketEchoServer(sessions = "no spaces")
    void test(EchoServer server) {}
  }
}
