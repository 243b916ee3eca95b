package dev.wsfixture.server.internal.cli;

import dev.wsfixture.internal.proxy.ProxyRoute;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Converts the text of an option value, from the command line or the environment, to the type the
 * option needs. Each method throws {@link IllegalArgumentException} with a message of the form
 * {@code 'TEXT' is not ...}, which the parser prefixes with where the text came from.
 */
final class Values {

  private Values() {}

  /**
   * A decimal {@code int}, as {@link Integer#parseInt(String)} reads it ({@code 8765}, {@code -1}).
   */
  static int integer(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an integer");
    }
  }

  /** A TCP port: a decimal {@code int} from 0 to 65535 (0 for a free one). */
  static int port(String text) {
    int port = integer(text);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a port number: a port is 0 to 65535 (0 for a free one)");
    }
    return port;
  }

  /** A decimal {@code long}, as {@link Long#parseLong(String)} reads it. */
  static long longInteger(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an integer");
    }
  }

  /** {@code true} or {@code false} in any case; the empty text is {@code false}. */
  static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false", "" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
    };
  }

  /** A file system path, taken as given (relative to the working directory). */
  static Path path(String text) {
    try {
      return Path.of(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a path: " + e.getMessage());
    }
  }

  /**
   * A proxy route: {@code ws://HOST:PORT/PATH} (every path, the client's path appended) or {@code
   * /PATH=ws://HOST:PORT/PATH} (that one path, to that URL).
   */
  static ProxyRoute proxy(String text) {
    String path = null;
    String url = text;
    if (text.startsWith("/")) {
      int equals = text.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' is not a proxy route: give URL, or /PATH=URL as in /chat=ws://HOST/chat");
      }
      path = text.substring(0, equals);
      url = text.substring(equals + 1);
    }
    URI upstream;
    try {
      upstream = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage());
    }
    return new ProxyRoute(path, upstream);
  }

  /**
   * The items of a comma-separated list, as {@link String#split(String)} gives them (empty items
   * kept, trailing ones dropped); the empty text is no items at all.
   */
  static List<String> commaSeparated(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split(","));
  }
}
