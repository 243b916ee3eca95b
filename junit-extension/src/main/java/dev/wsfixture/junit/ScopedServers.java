package dev.wsfixture.junit;

import dev.wsfixture.embedded.EchoServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers that one extension context owns, kept in that context's store so that JUnit closes
 * them when the context ends. {@code AutoCloseable} for JUnit 5.13 and later, {@code
 * CloseableResource} for 5.10 to 5.12; closing twice is harmless.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only interface JUnit 5.10 closes
final class ScopedServers implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  /** A server and the element that declared it, for reports. */
  record Owned(String owner, EchoServer server) {}

  private final List<Owned> servers = new CopyOnWriteArrayList<>();
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

  void resetAll() {
    servers.forEach(owned -> owned.server().reset());
  }

  @Override
  public void close() {
    List<Owned> reversed = new ArrayList<>(servers);
    Collections.reverse(reversed);
    reversed.forEach(owned -> owned.server().close());
  }
}
