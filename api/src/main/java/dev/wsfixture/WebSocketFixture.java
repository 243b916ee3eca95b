package dev.wsfixture;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A running wsfixture server, wherever it runs: {@code EchoServer} in this JVM, or {@code
 * WebSocketEchoContainer} in Docker. A test written against this interface runs against either:
 *
 * <pre>{@code
 * void clientReconnects(WebSocketFixture server) {
 *   client.connect(server.sessionUri("0101"));      // the code under test
 *   server.journal().awaitReceived("subscribe");
 *   server.faults().closeAll(1011, "going away");
 *   server.journal().awaitReceived(2);
 * }
 * }</pre>
 *
 * <p>Every method means the same on both; where the container differs in cost (each call is an HTTP
 * request to its admin API), the method says so. Thread-safe.
 */
public interface WebSocketFixture extends AutoCloseable {

  /** Close code sent to open connections when the server closes: 1001, going away. */
  int CLOSE_GOING_AWAY = 1001;

  /** Close code sent to open connections on {@link #restart()}: 1012, service restart. */
  int CLOSE_SERVICE_RESTART = 1012;

  /** The echo endpoint, {@code ws://HOST:PORT/} ({@code wss://} with TLS). */
  URI echoUri();

  /**
   * The WebSocket address of session {@code id}, {@code ws://HOST:PORT/ws/ID}. The session need not
   * be registered, so that a test can check how a client copes with the 403.
   *
   * @throws IllegalArgumentException if {@code id} breaks the session id rule (1 to 64 characters
   *     of {@code A-Z a-z 0-9 . _ -})
   */
  URI sessionUri(String id);

  /** The HTTP address, {@code http://HOST:PORT/}, where the HTML client is served. */
  URI httpUri();

  /**
   * The bearer token the admin API requires, when it requires one: a server bound to an address
   * other than loopback (every container) always does. Empty when the admin API is open or off.
   */
  Optional<String> adminToken();

  /** The registered session ids, in registration order. */
  Set<String> sessions();

  /**
   * Registers session {@code id}, as {@code GET /stream?id=ID} does.
   *
   * @return false if it was registered already
   * @throws IllegalArgumentException if {@code id} breaks the session id rule
   */
  boolean register(String id);

  /**
   * Removes session {@code id} and closes its open connections with 1000.
   *
   * @return false if it was not registered
   */
  boolean unregister(String id);

  /** The open WebSocket connections, oldest first. */
  List<ConnectionInfo> connections();

  /** Everything the server received and sent, and every connection opened and closed. */
  Journal journal();

  /** Breaks connections on purpose: close, abort, delay, hang, refuse, drop, ping. */
  Faults faults();

  /** Scripted replies: rules that answer matching TEXT messages instead of the echo. */
  Stubs stubs();

  /**
   * Sends {@code text} to every open connection of session {@code sessionId}.
   *
   * @return how many connections it was sent to (0 when the session has none open)
   * @throws IllegalArgumentException if the session is not registered
   */
  int push(String sessionId, String text);

  /** As {@link #push(String, String)}, with a BINARY message. */
  int push(String sessionId, byte[] data);

  /** Sends {@code text} to every open connection, echo and sessions alike; returns how many. */
  int broadcast(String text);

  /** As {@link #broadcast(String)}, with a BINARY message. */
  int broadcast(byte[] data);

  /**
   * Puts the server back in its state at start, without stopping it: the sessions it was started
   * with, an empty journal, no faults, no stubs. Open connections stay open.
   */
  void reset();

  /**
   * Stops listening and listens again on the same port, keeping sessions (also those registered
   * since start), journal, faults and stubs. Open connections get close code {@value
   * #CLOSE_SERVICE_RESTART} first, so a test can check that its client reconnects to the same
   * address.
   *
   * @throws IllegalStateException if the server is closed
   */
  void restart();

  /**
   * Closes open connections with {@value #CLOSE_GOING_AWAY} and stops the server. Calling it again
   * does nothing.
   */
  @Override
  void close();
}
