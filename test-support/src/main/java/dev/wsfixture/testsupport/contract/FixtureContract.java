package dev.wsfixture.testsupport.contract;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.WebSocketFixture;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.SharedServers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The base of every contract test: one server for the test class, back in its state at start before
 * each test.
 */
@Timeout(90)
public abstract class FixtureContract {

  /** The session the server under test was started with. */
  public static final String SESSION = "0101";

  /**
   * The server under test, running, started with session {@value #SESSION} and the default echo
   * prefix {@code "Echo: "}; the same object for every test of the class.
   */
  protected abstract WebSocketFixture server();

  @BeforeEach
  void startFromTheStateAtStart() {
    SharedServers.resetWhenIdle(server(), JdkClient.WAIT);
  }

  /** Waits until {@code count} connections opened and returns the last of their OPENED entries. */
  protected JournalEntry awaitOpened(int count) {
    List<JournalEntry> opened =
        server()
            .journal()
            .await(count + " opened connections", e -> e.type() == EntryType.OPENED, count);
    return opened.get(count - 1);
  }
}
