package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsfixture.internal.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Speaks the admin HTTP API of one container ({@code docs/admin-api.md}): JSON bodies read into the
 * fixture's own records, the bearer token on every request, and errors that name the call.
 */
final class AdminClient {

  static final ObjectMapper JSON = WireJson.mapper();

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Supplier<URI> base;
  private final String token;

  /**
   * @param base the container's HTTP address, looked up on each call: a restart changes it
   * @param token the admin token the container was started with
   */
  AdminClient(Supplier<URI> base, String token) {
    this.base = base;
    this.token = token;
  }

  <T> T get(String path, Class<T> type) {
    return read(send("GET", path, null), type);
  }

  <T> T get(String path, TypeReference<T> type) {
    String body = send("GET", path, null).body();
    try {
      return JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw unreadable(path, body, e);
    }
  }

  JsonNode post(String path, Object body) {
    return read(send("POST", path, body), JsonNode.class);
  }

  JsonNode delete(String path) {
    return read(send("DELETE", path, null), JsonNode.class);
  }

  /** Deletes what {@code path} names; false when it is not there (404). */
  boolean deleteIfPresent(String path) {
    HttpResponse<String> response = exchange("DELETE", path, null);
    if (response.statusCode() == 404) {
      return false;
    }
    if (response.statusCode() / 100 != 2) {
      throw failure("DELETE", path, response);
    }
    return true;
  }

  /** Sends a request and returns the answer when it is 2xx. */
  HttpResponse<String> send(String method, String path, Object body) {
    HttpResponse<String> response = exchange(method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw failure(method, path, response);
    }
    return response;
  }

  /** Sends a request and returns the answer whatever its status. */
  HttpResponse<String> exchange(String method, String path, Object body) {
    URI uri = base.get().resolve("/__admin/" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "admin API " + method + " " + uri + " failed: " + e + "; is the container running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during admin API " + method + " " + uri, e);
    }
  }

  private static RuntimeException failure(
      String method, String path, HttpResponse<String> response) {
    String detail = response.body();
    try {
      JsonNode error = JSON.readTree(response.body());
      if (error.hasNonNull("detail")) {
        detail = error.path("error").asText() + ": " + error.get("detail").asText();
      }
    } catch (JsonProcessingException notJson) {
      // keep the raw body
    }
    String message =
        "admin API "
            + method
            + " /__admin/"
            + path
            + " answered "
            + response.statusCode()
            + ": "
            + detail;
    int status = response.statusCode();
    return status == 400 || status == 404
        ? new IllegalArgumentException(message)
        : new IllegalStateException(message);
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) {
    try {
      return JSON.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw unreadable(response.uri().getPath(), response.body(), e);
    }
  }

  private static IllegalStateException unreadable(String path, String body, Exception e) {
    return new IllegalStateException(
        "admin API "
            + path
            + " answered JSON this client cannot read ("
            + e.getMessage()
            + "): "
            + body
            + "; use the same wsfixture version for the image and wsfixture-testcontainers",
        e);
  }
}
