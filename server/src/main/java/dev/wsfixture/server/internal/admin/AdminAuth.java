package dev.wsfixture.server.internal.admin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the bearer token of admin requests, when the server has one. */
final class AdminAuth {

  private final byte[] expected;

  /**
   * @param token the token every request must carry, or {@code null} for an open API
   */
  AdminAuth(String token) {
    this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  void check(HttpServerExchange exchange) {
    if (expected == null) {
      return;
    }
    String given = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (given == null) {
      throw new AdminException(
          401,
          "unauthorized",
          "the admin API needs a token: send the header 'Authorization: Bearer TOKEN' with the"
              + " token printed in the server's start log (or set with --admin-token /"
              + " WSFIXTURE_ADMIN_TOKEN)");
    }
    if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      throw new AdminException(
          401, "unauthorized", "wrong admin token: use the one the server was started with");
    }
  }
}
