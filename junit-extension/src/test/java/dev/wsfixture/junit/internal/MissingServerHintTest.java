package dev.wsfixture.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wsfixture.embedded.EchoServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * An EchoServer parameter with no annotation anywhere: JUnit's own failure stands (the extension is
 * not registered), and the listener that the launcher finds by itself logs what to write instead.
 */
class MissingServerHintTest {

  @Test
  void aLauncherRunLogsTheHintBesideJUnitsFailure() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    MissingServerHint.LOG.addHandler(handler);
    try {
      Launcher launcher = LauncherFactory.create(); // as Maven, Gradle and IDEs create it
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(NoAnnotation.class))
              .build(),
          summary);
      assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(2);
    } finally {
      MissingServerHint.LOG.removeHandler(handler);
    }
    assertThat(warnings)
        .hasSize(1)
        .singleElement()
        .asString()
        .startsWith(
            "wsfixture: needsAServer(EchoServer) failed with \"No ParameterResolver registered for"
                + " parameter [dev.wsfixture.embedded.EchoServer ")
        .endsWith(
            "\": no @WebSocketEchoServer is in scope, so no EchoServer can be injected. Annotate"
                + " the test class (one server for all its tests), the test method (one server"
                + " per test) or the parameter itself with @WebSocketEchoServer.");
  }

  static class NoAnnotation {
    @Test
    void needsAServer(EchoServer server) {}

    @Test
    void failsForAnotherReason() {
      throw new AssertionError("not ours");
    }
  }
}
