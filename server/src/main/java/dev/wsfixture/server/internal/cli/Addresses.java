package dev.wsfixture.server.internal.cli;

/**
 * The addresses the program prints, written so that they work when pasted: an IPv6 literal in
 * brackets ({@code [::1]:8765}), {@code https://} under TLS, and {@code localhost} for a wildcard
 * address, which a browser cannot open.
 */
final class Addresses {

  private Addresses() {}

  /** {@code host:port} as in a URL: {@code 127.0.0.1:8765}, {@code [::1]:8765}. */
  static String hostPort(String host, int port) {
    return literal(host) + ":" + port;
  }

  /** The HTML client's address: {@code http://localhost:8765/}, {@code https://[::1]:8443/}. */
  static String httpUri(String host, int port, boolean tls) {
    return (tls ? "https" : "http") + "://" + hostPort(reachable(host), port) + "/";
  }

  /** The host to connect to for a bind address: {@code localhost} for 0.0.0.0 and ::. */
  static String reachable(String host) {
    return isWildcard(host) ? "localhost" : host;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.replace("0", "").replace(":", "").isEmpty();
  }

  private static String literal(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
