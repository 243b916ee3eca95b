package dev.wsfixture.testcontainers;

import dev.wsfixture.internal.api.ProxyUpstreams;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The upstreams a container proxies to, checked as the server checks {@code --proxy} (so that a
 * mistake fails at once, not as a container that never becomes healthy) and written as the
 * comma-separated {@code WSFIXTURE_PROXY}: {@code URL} for every path, {@code /PATH=URL} for one.
 */
final class ProxyRoutes {

  private final List<String> routes = new ArrayList<>();
  private final Set<String> paths = new LinkedHashSet<>();
  private final List<URI> upstreams = new ArrayList<>();
  private boolean everyPath;

  /**
   * @param path the one path to proxy, or {@code null} for every path
   * @throws IllegalArgumentException for an upstream that is not a ws/wss URL with a host, a path
   *     that does not start with {@code /}, a comma (the list's separator), or a path given twice
   */
  void add(String path, URI upstream) {
    ProxyUpstreams.require(upstream);
    if (upstream.toString().contains(",")) {
      throw new IllegalArgumentException(
          "proxy upstream '"
              + upstream
              + "' contains a comma, which separates the routes of WSFIXTURE_PROXY: write it as"
              + " %2C");
    }
    if (path == null) {
      if (everyPath) {
        throw new IllegalArgumentException(
            "withProxy(URI) is given twice, but only one upstream can take every path; give the"
                + " others exact paths with withProxy(path, URI)");
      }
      everyPath = true;
      routes.add(upstream.toString());
    } else {
      if (!path.startsWith("/") || path.contains(",") || path.contains("=")) {
        throw new IllegalArgumentException(
            "proxy path '"
                + path
                + "' must start with '/' and contain no ',' or '=', as in withProxy(\"/chat\","
                + " URI.create(\"ws://HOST:PORT/chat\"))");
      }
      if (!paths.add(path)) {
        throw new IllegalArgumentException(
            "proxy path " + path + " is given twice; give each path one upstream");
      }
      routes.add(path + "=" + upstream);
    }
    upstreams.add(upstream);
  }

  boolean isEmpty() {
    return routes.isEmpty();
  }

  /** The value of {@code WSFIXTURE_PROXY}. */
  String env() {
    return String.join(",", routes);
  }

  /**
   * Refuses an upstream on the container's own loopback, unless the container shares another's
   * network namespace ({@code host}, {@code container:ID}), where that loopback is the other's.
   *
   * @param networkMode the container's network mode, or {@code null} for Docker's default
   * @throws IllegalStateException naming the upstream and the ways to reach this machine
   */
  void requireReachable(String networkMode) {
    if (networkMode != null
        && (networkMode.equals("host") || networkMode.startsWith("container:"))) {
      return;
    }
    for (URI upstream : upstreams) {
      if (isLoopback(upstream.getHost())) {
        throw new IllegalStateException(
            "proxy upstream "
                + upstream
                + " is on the loopback address, which inside the container is the container"
                + " itself. For a server on this machine, call"
                + " org.testcontainers.Testcontainers.exposeHostPorts(PORT) before start() and"
                + " give ws://host.testcontainers.internal:PORT, or run the container with"
                + " withNetworkMode(\"host\") (see the Javadoc of withProxy);"
                + " for a server in another container, put both on one Network and give its"
                + " network alias");
      }
    }
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    if (name.matches("[0-9.]+")) {
      return name.startsWith("127.") || name.equals("0.0.0.0");
    }
    if (!name.startsWith("[")) {
      return false; // a name, which the container resolves, not this machine
    }
    try {
      InetAddress address = InetAddress.getByName(name); // a bracketed literal: never a lookup
      return address.isLoopbackAddress() || address.isAnyLocalAddress();
    } catch (UnknownHostException notAnAddress) {
      return false; // the server names the problem
    }
  }
}
