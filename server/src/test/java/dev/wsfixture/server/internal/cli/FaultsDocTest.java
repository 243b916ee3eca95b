package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.JdkClient;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every curl example of {@code docs/faults.md}, in order, against a real server with one
 * client on session 0101, and checks the status each one documents and what the client saw.
 */
@Timeout(60)
class FaultsDocTest {

  private static final Path PAGE = Path.of("..", "docs", "faults.md");

  @Test
  void everyDocumentedExampleAnswersWithItsDocumentedStatus() throws Exception {
    List<AdminApiDocTest.Example> examples = AdminApiDocTest.examples(Files.readString(PAGE));
    assertThat(examples).as("curl examples in " + PAGE).hasSizeGreaterThan(10);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (EchoServer server = EchoServer.builder().session("0101").start();
        JdkClient client = JdkClient.connect(http, server.sessionUri("0101"))) {
      server.journal().await("the client's connection", e -> e.type() == EntryType.OPENED, 1);
      for (AdminApiDocTest.Example example : examples) {
        HttpResponse<String> response =
            http.send(
                AdminApiDocTest.request(example.command(), server.port()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
            .as(example.command() + " answered " + response.body())
            .isEqualTo(example.status());
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      }
      assertThat(client.awaitClose().code()).as("the close without a code").isEqualTo(1005);
    }
  }
}
