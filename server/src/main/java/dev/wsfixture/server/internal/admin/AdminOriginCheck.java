package dev.wsfixture.server.internal.admin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Locale;

/**
 * Keeps web pages of other origins away from the admin API. A browser lets any page send a {@code
 * no-cors} request or a form to a loopback port, and a DNS-rebinding page sends one with its own
 * host name: such requests are refused before they reach an endpoint. Programs (the container
 * class, curl) send neither {@code Origin} nor {@code Sec-Fetch-Site} and pass; the HTML client
 * calls same-origin, which passes too.
 */
final class AdminOriginCheck {

  private static final HttpString SEC_FETCH_SITE = HttpString.tryFromString("Sec-Fetch-Site");

  private final boolean loopbackOnly;

  /**
   * @param boundHost the host the server listens on: a loopback one admits only loopback {@code
   *     Host} names
   */
  AdminOriginCheck(String boundHost) {
    this.loopbackOnly = isLoopbackName(boundHost);
  }

  void check(HttpServerExchange exchange) {
    HeaderMap headers = exchange.getRequestHeaders();
    String host = headers.getFirst(Headers.HOST);
    if (loopbackOnly && (host == null || !isLoopbackName(hostName(host)))) {
      throw new AdminException(
          403,
          "foreign_host",
          "the admin API of a server on a loopback address answers only requests for a loopback"
              + " host (localhost, 127.0.0.1, [::1]), this one was for Host: "
              + (host == null ? "(none)" : "'" + host + "'")
              + "; a page that renamed itself to reach this port (DNS rebinding) gets the same"
              + " answer");
    }
    String site = headers.getFirst(SEC_FETCH_SITE);
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw foreign("Sec-Fetch-Site: " + site);
    }
    String origin = headers.getFirst(Headers.ORIGIN);
    if (origin != null && !origin.equalsIgnoreCase(exchange.getRequestScheme() + "://" + host)) {
      throw foreign("Origin: " + origin);
    }
    if (hasBody(exchange) && !isJson(headers.getFirst(Headers.CONTENT_TYPE))) {
      throw new AdminException(
          415,
          "unsupported_media_type",
          "admin request bodies must be JSON with 'Content-Type: application/json', found "
              + (headers.getFirst(Headers.CONTENT_TYPE) == null
                  ? "no Content-Type"
                  : "'" + headers.getFirst(Headers.CONTENT_TYPE) + "'"));
    }
  }

  private static AdminException foreign(String header) {
    return new AdminException(
        403,
        "foreign_origin",
        "the admin API refuses requests from web pages of other origins ("
            + header
            + "); call it from a program or from a page the server itself serves");
  }

  private static boolean hasBody(HttpServerExchange exchange) {
    return exchange.getRequestContentLength() > 0
        || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
        || exchange.getRequestHeaders().contains(Headers.CONTENT_TYPE);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
    return type.equalsIgnoreCase("application/json");
  }

  /** The name in a {@code Host} header, without the port. */
  private static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static boolean isLoopbackName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("localhost")
        || lower.endsWith(".localhost")
        || lower.equals("[::1]")
        || lower.equals("::1")
        || lower.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
