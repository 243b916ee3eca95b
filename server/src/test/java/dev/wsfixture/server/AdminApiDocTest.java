package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every curl example of {@code docs/admin-api.md}, in order, against a real server started as
 * the page says, and checks the status each one documents.
 */
@Timeout(60)
class AdminApiDocTest {

  private static final Path PAGE = Path.of("..", "docs", "admin-api.md");
  private static final Pattern EXAMPLE =
      Pattern.compile("```sh\\n(curl [^\\n]+)\\n# → (\\d{3})\\n```");

  /** One documented example: the curl command line and the status it must answer. */
  record Example(String command, int status) {}

  @Test
  void everyDocumentedExampleAnswersWithItsDocumentedStatus() throws Exception {
    List<Example> examples = examples(Files.readString(PAGE));
    assertThat(examples).as("curl examples in " + PAGE).hasSizeGreaterThan(10);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (EchoServer server = EchoServer.builder().session("0101").start();
        JdkClient client = JdkClient.connect(http, server.sessionUri("0101"))) {
      server.journal().await("the client's connection", e -> e.type() == EntryType.OPENED, 1);
      for (Example example : examples) {
        HttpResponse<String> response =
            http.send(
                request(example.command(), server.port()), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
            .as(example.command() + " answered " + response.body())
            .isEqualTo(example.status());
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      }
      assertThat(client.messages).contains("server says hi");
    }
  }

  static List<Example> examples(String page) {
    List<Example> examples = new ArrayList<>();
    Matcher matcher = EXAMPLE.matcher(page);
    while (matcher.find()) {
      examples.add(new Example(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }
    return examples;
  }

  /** Turns the curl flags the page uses (-s, -X, -H, --json) into a request to {@code port}. */
  static HttpRequest request(String command, int port) {
    List<String> words = words(command);
    String method = null;
    String body = null;
    String url = null;
    List<String> headers = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-s" -> {}
        case "-X" -> method = words.get(++i);
        case "-H" -> headers.add(words.get(++i));
        case "--json" -> {
          body = words.get(++i);
          headers.add("Content-Type: application/json");
          headers.add("Accept: application/json");
        }
        default -> {
          assertThat(word).as("curl flag in " + command).doesNotStartWith("-");
          url = word;
        }
      }
    }
    assertThat(url).as("URL in " + command).startsWith("localhost:8765/");
    URI uri = URI.create("http://127.0.0.1:" + port + url.substring("localhost:8765".length()));
    if (method == null) {
      method = body == null ? "GET" : "POST";
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (String header : headers) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    return request.build();
  }

  /** Splits a command line into words, honouring single quotes as the page's examples use them. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    assertThat(quoted).as("unbalanced quotes in " + command).isFalse();
    return words;
  }
}
