package dev.wsfixture.junit.internal;

import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Explains JUnit's generic "No ParameterResolver registered" for an {@code EchoServer} parameter.
 * With no {@code @WebSocketEchoServer} anywhere in scope, the extension is not registered, so none
 * of its code runs and it cannot fail the test with its own message; the launcher, which finds this
 * listener on the class path by itself, still sees the failure, and logs what to write instead (a
 * {@code WARNING} of logger {@code dev.wsfixture.junit}, on the console of Maven, Gradle and IDEs).
 */
public final class MissingServerHint implements TestExecutionListener {

  static final Logger LOG = Logger.getLogger("dev.wsfixture.junit");

  private static final String GENERIC =
      "No ParameterResolver registered for parameter [dev.wsfixture.embedded.EchoServer ";

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    result
        .getThrowable()
        .filter(ParameterResolutionException.class::isInstance)
        .filter(e -> e.getMessage() != null && e.getMessage().startsWith(GENERIC))
        .ifPresent(e -> LOG.warning(hint(identifier, e.getMessage())));
  }

  static String hint(TestIdentifier identifier, String generic) {
    return "wsfixture: "
        + identifier.getDisplayName()
        + " failed with \""
        + generic
        + "\": no @WebSocketEchoServer is in scope, so no EchoServer can be injected. Annotate"
        + " the test class (one server for all its tests), the test method (one server per test)"
        + " or the parameter itself with @WebSocketEchoServer.";
  }
}
