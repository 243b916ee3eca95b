package dev.wsfixture.testsupport;

import static org.awaitility.Awaitility.await;

import dev.wsfixture.WebSocketFixture;
import java.time.Duration;

/** For test classes that share one server (a container, a contract's server) between tests. */
public final class SharedServers {

  private SharedServers() {}

  /**
   * Waits until the previous test's connections are gone, then resets the server: its clients close
   * asynchronously, and their CLOSED entries must land before the journal is emptied.
   *
   * @param wait how long the connections may take to close
   */
  public static void resetWhenIdle(WebSocketFixture server, Duration wait) {
    await("the connections of the previous test to close")
        .atMost(wait)
        .until(() -> server.connections().isEmpty());
    server.reset();
  }
}
