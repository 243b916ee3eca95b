package dev.wsfixture.internal.api;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The rule for a proxy's upstream URL, in one place for the server ({@code --proxy}, {@code
 * proxy(URI)}) and the container ({@code withProxy}), which checks it before the server would. Not
 * API.
 */
public final class ProxyUpstreams {

  private ProxyUpstreams() {}

  /**
   * Checks that {@code upstream} is an absolute {@code ws://} or {@code wss://} URL with a host and
   * no fragment.
   *
   * @return {@code upstream}
   * @throws IllegalArgumentException saying what is wrong and what to give instead
   */
  public static URI require(URI upstream) {
    Objects.requireNonNull(upstream, "upstream");
    String scheme =
        upstream.getScheme() == null ? "" : upstream.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException(
          "proxy upstream '"
              + upstream
              + "' is not a WebSocket URL: give ws://HOST:PORT/PATH or wss://HOST:PORT/PATH");
    }
    if (upstream.getHost() == null) {
      throw new IllegalArgumentException(
          "proxy upstream '" + upstream + "' has no host: give ws://HOST:PORT/PATH");
    }
    if (upstream.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "proxy upstream '" + upstream + "' has a fragment (#...), which WebSocket URLs cannot");
    }
    return upstream;
  }
}
