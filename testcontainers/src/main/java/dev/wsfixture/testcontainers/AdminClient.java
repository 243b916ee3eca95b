package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsfixture.internal.wire.AdminPaths;
import dev.wsfixture.internal.wire.Bodies;
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
 * Speaks the admin HTTP API of one container ({@code docs/admin-api.md}) with the shared wire model
 * ({@link WireJson}, {@link Bodies}, {@link AdminPaths}): the bearer token on every request, and
 * errors that name the call.
 */
final class AdminClient {

  static final ObjectMapper JSON = WireJson.mapper();

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Supplier<URI> base;
  private final String token;

  /**
   * @param base the container's HTTP address, looked up on each call (it is known only once the
   *     container runs)
   * @param token the admin token the container was started with
   */
  AdminClient(Supplier<URI> base, String token) {
    this.base = base;
    this.token = token;
  }

  <T> T get(String path, Class<T> type) {
    return read(path, send("GET", path, null), JSON.constructType(type));
  }

  <T> T get(String path, TypeReference<T> type) {
    return read(path, send("GET", path, null), JSON.constructType(type));
  }

  /** The body of a 2xx answer as it is, for answers that are not one JSON document. */
  String getText(String path) {
    return send("GET", path, null).body();
  }

  <T> T post(String path, Object body, Class<T> answer) {
    return read(path, send("POST", path, body), JSON.constructType(answer));
  }

  <T> T put(String path, Object body, Class<T> answer) {
    return read(path, send("PUT", path, body), JSON.constructType(answer));
  }

  void delete(String path) {
    read(path, send("DELETE", path, null), JSON.constructType(Bodies.Ok.class));
  }

  /** Deletes what {@code path} names; false when it is not there (404). */
  boolean deleteIfPresent(String path) {
    HttpResponse<String> response = exchange("DELETE", path, null, REQUEST_TIMEOUT);
    if (response.statusCode() == 404) {
      return false;
    }
    if (response.statusCode() / 100 != 2) {
      throw failure("DELETE", path, response);
    }
    return true;
  }

  /**
   * A long poll ({@code journal/wait}) that the server holds up to {@code held}: the answer when it
   * is 2xx or 408 (the server's timeout), else an exception.
   */
  HttpResponse<String> longPoll(String path, Duration held) {
    HttpResponse<String> response = exchange("GET", path, null, REQUEST_TIMEOUT.plus(held));
    if (response.statusCode() / 100 != 2 && response.statusCode() != 408) {
      throw failure("GET", path, response);
    }
    return response;
  }

  <T> T read(String path, HttpResponse<String> response, TypeReference<T> type) {
    return read(path, response, JSON.constructType(type));
  }

  /** Sends a request and returns the answer when it is 2xx. */
  private HttpResponse<String> send(String method, String path, Object body) {
    HttpResponse<String> response = exchange(method, path, body, REQUEST_TIMEOUT);
    if (response.statusCode() / 100 != 2) {
      throw failure(method, path, response);
    }
    return response;
  }

  private HttpResponse<String> exchange(String method, String path, Object body, Duration timeout) {
    URI uri = base.get().resolve(AdminPaths.PREFIX + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
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
      Bodies.Error error = JSON.readValue(response.body(), Bodies.Error.class);
      if (error.detail() != null) {
        detail = error.error() + ": " + error.detail();
      }
    } catch (JsonProcessingException notAnError) {
      // keep the raw body
    }
    String message =
        "admin API "
            + method
            + " "
            + AdminPaths.PREFIX
            + path
            + " answered "
            + response.statusCode()
            + ": "
            + detail;
    int status = response.statusCode();
    // As the in-JVM server: a bad value, an unknown name or a duplicate id is the caller's
    // argument.
    return status == 400 || status == 404 || status == 409
        ? new IllegalArgumentException(message)
        : new IllegalStateException(message);
  }

  private static <T> T read(String path, HttpResponse<String> response, JavaType type) {
    try {
      return JSON.readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "admin API "
              + AdminPaths.PREFIX
              + path
              + " answered JSON this client cannot read ("
              + e.getOriginalMessage()
              + "): "
              + response.body()
              + "; use the same wsfixture version for the image and wsfixture-testcontainers",
          e);
    }
  }
}
