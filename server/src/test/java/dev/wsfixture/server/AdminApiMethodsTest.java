package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.embedded.EchoServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the admin API says about a request it cannot take: the methods an endpoint allows, HEAD as
 * GET, and errors for bad values that speak of JSON fields rather than of Java classes.
 */
@Timeout(30)
class AdminApiMethodsTest {

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EchoServer server = EchoServer.builder().session("0101").start();
  private final AdminClient admin = new AdminClient(server);

  @AfterEach
  void close() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.httpUri().resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PUT | /__admin/sessions | GET, HEAD, POST",
        "GET | /__admin/sessions/0101 | DELETE",
        "DELETE | /__admin/health | GET, HEAD",
        "POST | /__admin/connections | GET, HEAD",
        "POST | /__admin/journal | GET, HEAD, DELETE",
        "DELETE | /__admin/journal/wait | GET, HEAD",
        "POST | /__admin/journal/stats | GET, HEAD",
        "GET | /__admin/push | POST",
        "POST | /__admin/faults | GET, HEAD, DELETE",
        "GET | /__admin/faults/close | POST",
        "PUT | /__admin/stubs | GET, HEAD, POST, DELETE",
        "GET | /__admin/stubs/stub-1 | DELETE",
        "GET | /__admin/reset | POST",
        "GET | /__admin/restart | POST",
      })
  void aWrongMethodGets405WithEveryAllowedMethod(String method, String path, String allow)
      throws Exception {
    HttpResponse<String> response = send(method, path);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue(allow);
    assertThat(response.body())
        .contains("\"method_not_allowed\"")
        .contains(path + " takes " + allow + ", not " + method);
  }

  @Test
  void headOnHealthAnswersAsGetWithoutABody() throws Exception {
    HttpResponse<String> get = send("GET", "/__admin/health");
    HttpResponse<String> head = send("HEAD", "/__admin/health");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Type"))
        .isEqualTo(get.headers().firstValue("Content-Type"));
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(get.body().length()));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "/__admin/faults/close | {\"code\":999} | `close code 999 cannot be sent in a close frame`",
        "/__admin/faults/close | {\"code\":\"soon\"} | "
            + "`field \"code\": expected an integer, found \"soon\" (line 1, column 9)`",
        "/__admin/faults/drop | {\"count\":[1]} | `field \"count\": expected an integer, found an"
            + " array`",
        "/__admin/sessions | [1,2] | `the body: expected a JSON object, found an array`",
        "/__admin/stubs | {\"match\":\"GLOB\",\"pattern\":\"x\"} | "
            + "`field \"match\": expected one of [EXACT, PREFIX, REGEX], found \"GLOB\"`",
        "/__admin/stubs | {\"pattern\":\"x\",\"replies\":[{\"delayMillis\":\"1s\"}]} | "
            + "`field \"replies[0].delayMillis\": expected an integer, found \"1s\"`",
      })
  void aBadValueIsExplainedInTermsOfTheJson(String path, String body, String detail) {
    AdminClient.Reply reply = admin.post(path, body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("bad_value");
    assertThat(reply.json().get("detail").asText())
        .startsWith(detail)
        .doesNotContain("dev.wsfixture", "Cannot construct", "Cannot deserialize", "`", "$");
  }
}
