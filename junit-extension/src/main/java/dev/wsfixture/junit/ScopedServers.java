package dev.wsfixture.junit;

import dev.wsfixture.embedded.EchoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers that one extension context owns, kept in that context's store so that JUnit closes
 * them when the context ends. {@code AutoCloseable} for JUnit 5.13 and later, {@code
 * CloseableResource} for 5.10 to 5.12; closing twice is harmless.
 *
 * <p>Servers shared by several tests (a class's) are used by one test at a time: each test takes
 * the {@linkplain #takeTurn() turn} before the reset and gives it back when its own context closes.
 * JUnit's {@code @ResourceLock} cannot express this on every supported version: before 5.12 a lock
 * name is a constant (one lock for every annotated class, so no two classes would run in parallel),
 * and it never sees a server declared by a static field.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only interface JUnit 5.10 closes
final class ScopedServers implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  /** A server and the element that declared it, for reports. */
  record Owned(String owner, EchoServer server) {}

  /** The close code and reason of a connection that an earlier test left open. */
  static final int LEFTOVER_CLOSE_CODE = 1000;

  static final String LEFTOVER_CLOSE_REASON = "closed by wsfixture before the next test";

  /** How long a left-over connection may take to answer the close before it is aborted. */
  private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(1);

  private final List<Owned> servers = new CopyOnWriteArrayList<>();
  private final Semaphore turn = new Semaphore(1);
  private volatile EchoServer primary;

  /** The server an undeclared {@code EchoServer} parameter gets here, or {@code null}. */
  EchoServer primary() {
    return primary;
  }

  void addPrimary(String owner, EchoServer server) {
    add(owner, server);
    primary = server;
  }

  void add(String owner, EchoServer server) {
    servers.add(new Owned(owner, server));
  }

  List<Owned> all() {
    return List.copyOf(servers);
  }

  boolean isEmpty() {
    return servers.isEmpty();
  }

  /**
   * Waits until no other test uses these servers. Blocks through {@link ForkJoinPool#managedBlock},
   * as JUnit's own resource locks do, so that its parallel executor may compensate.
   *
   * @return the turn, to close when the test ends (JUnit does, from the test's store)
   */
  Turn takeTurn(String test) {
    try {
      ForkJoinPool.managedBlock(
          new ForkJoinPool.ManagedBlocker() {
            private boolean taken;

            @Override
            public boolean block() throws InterruptedException {
              if (!taken) {
                turn.acquire();
                taken = true;
              }
              return true;
            }

            @Override
            public boolean isReleasable() {
              return taken || (taken = turn.tryAcquire());
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          test + " was interrupted while waiting for its turn on the shared server", e);
    }
    return new Turn(turn);
  }

  /**
   * Before a test on shared servers: closes the connections an earlier test left open (1000; after
   * {@link #LEFTOVER_GRACE}, aborts those that did not answer), then resets each server, so that
   * the test sees neither those connections nor their close in the journal.
   */
  void resetAll() {
    servers.forEach(owned -> closeLeftovers(owned.server()));
    servers.forEach(owned -> owned.server().reset());
  }

  private static void closeLeftovers(EchoServer server) {
    if (server.connections().isEmpty()) {
      return;
    }
    server.faults().closeAll(LEFTOVER_CLOSE_CODE, LEFTOVER_CLOSE_REASON);
    if (!awaitNoConnections(server)) {
      server.faults().abortAll(); // a client that does not answer the close; its socket ends later
      awaitNoConnections(server);
    }
  }

  private static boolean awaitNoConnections(EchoServer server) {
    try {
      Awaitility.await("the connections an earlier test left open to close")
          .atMost(LEFTOVER_GRACE)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(2))
          .until(() -> server.connections().isEmpty());
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** One test's use of shared servers; closing it (once) lets the next test in. */
  @SuppressWarnings("deprecation") // CloseableResource, as above
  static final class Turn implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final Semaphore turn;
    private final AtomicBoolean released = new AtomicBoolean();

    private Turn(Semaphore turn) {
      this.turn = turn;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        turn.release();
      }
    }
  }

  @Override
  public void close() {
    List<Owned> reversed = new ArrayList<>(servers);
    Collections.reverse(reversed);
    reversed.forEach(owned -> owned.server().close());
  }
}
