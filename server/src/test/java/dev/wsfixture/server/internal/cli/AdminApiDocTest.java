package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every curl example of {@code docs/admin-api.md}, in order, verbatim as curl sends it,
 * against the server the page names: the one the README's first command starts, with the options
 * the page adds, started by the program's own code (on a free port instead of 8765), and checks the
 * status each example documents.
 */
@Timeout(60)
class AdminApiDocTest {

  private static final Path PAGE = Path.of("..", "docs", "admin-api.md");
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern EXAMPLE =
      Pattern.compile("```sh\\n(curl [^\\n]+)\\n# → (\\d{3})\\n```");
  private static final Pattern START_COMMAND =
      Pattern.compile("server/target/wsfixture-server(?![.\\w-])[^\\n`&|;(]*");
  private static final String CURL_FORM_TYPE = "application/x-www-form-urlencoded";

  /** One documented example: the curl command line and the status it must answer. */
  record Example(String command, int status) {}

  @Test
  void everyDocumentedExampleAnswersWithItsDocumentedStatus() throws Exception {
    String page = Files.readString(PAGE);
    List<Example> examples = examples(page);
    assertThat(examples).as("curl examples in " + PAGE).hasSizeGreaterThan(10);
    List<String> options = serverOptions(page, Files.readString(README));
    assertThat(options).as("the page's server options").doesNotContain("--port", "--host");
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("--port", "0")); // port 0 in tests; the examples' 8765 is rewritten
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (EchoServer server =
            StandaloneMain.start(
                args, Map.of(), new PrintStream(log, true, StandardCharsets.UTF_8));
        JdkClient client =
            JdkClient.connect(http, URI.create("ws://localhost:" + server.port() + "/ws/0101"))) {
      assertThat(server.host()).as("the README's server binds").isEqualTo("127.0.0.1");
      assertThat(server.adminToken()).as("the README's server's admin token").isEmpty();
      server.journal().await("the client's connection", e -> e.type() == EntryType.OPENED, 1);
      for (Example example : examples) {
        HttpResponse<String> response =
            http.send(
                request(example.command(), server.port()), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
            .as(example.command() + " answered " + response.body())
            .isEqualTo(example.status());
        String expected =
            example.command().endsWith("localhost:8765/__admin/recording")
                ? "application/x-ndjson" // a recording: one JSON object per line
                : "application/json";
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith(expected));
      }
      assertThat(client.messages).contains("server says hi");
    }
  }

  @Test
  void everyExampleWithABodySaysItIsJson() throws Exception {
    for (Example example : examples(Files.readString(PAGE))) {
      HttpRequest request = request(example.command(), 8765);
      if (request.bodyPublisher().orElseThrow().contentLength() > 0) {
        assertThat(request.headers().firstValue("Content-Type"))
            .as("Content-Type of " + example.command())
            .hasValue("application/json");
      }
    }
  }

  /**
   * The options of the server the page's examples run against: the page's start command must be the
   * README's first command that starts the server ({@code server/target/wsfixture-server}), plus
   * these.
   */
  static List<String> serverOptions(String page, String readme) {
    Matcher inReadme = START_COMMAND.matcher(readme);
    assertThat(inReadme.find()).as("a start command in " + README).isTrue();
    String readmeCommand = inReadme.group().trim();
    Matcher onPage = START_COMMAND.matcher(page);
    assertThat(onPage.find()).as("the start command in " + PAGE).isTrue();
    String pageCommand = onPage.group().trim();
    assertThat(pageCommand).as("the start command in " + PAGE).startsWith(readmeCommand + " ");
    List<String> words = words(pageCommand.substring(readmeCommand.length()).trim());
    return words;
  }

  static List<Example> examples(String page) {
    List<Example> examples = new ArrayList<>();
    Matcher matcher = EXAMPLE.matcher(page);
    while (matcher.find()) {
      examples.add(new Example(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }
    return examples;
  }

  /**
   * The request curl sends for {@code command} (flags -s, -X, -H, -d), to {@code port} instead of
   * 8765: with -d and no -X a POST, with curl's own {@code Content-Type} for -d unless -H gives
   * one, and curl's {@code Accept} and {@code User-Agent}.
   */
  static HttpRequest request(String command, int port) {
    List<String> words = words(command);
    assertThat(words.get(0)).isEqualTo("curl");
    String method = null;
    String body = null;
    String url = null;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "*/*");
    headers.put("User-Agent", "curl/8.0.0");
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-s" -> {}
        case "-X" -> method = words.get(++i);
        case "-H" -> {
          String header = words.get(++i);
          int colon = header.indexOf(':');
          headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        case "--json" -> {
          body = words.get(++i);
          headers.put("Content-Type", "application/json");
          headers.put("Accept", "application/json");
        }
        case "-d" -> {
          body = words.get(++i);
          headers.putIfAbsent("Content-Type", CURL_FORM_TYPE);
        }
        default -> {
          assertThat(word).as("curl flag in " + command).doesNotStartWith("-");
          url = word;
        }
      }
    }
    assertThat(url).as("URL in " + command).startsWith("localhost:8765/");
    URI uri = URI.create("http://localhost:" + port + url.substring("localhost:8765".length()));
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
    headers.forEach(request::header);
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
