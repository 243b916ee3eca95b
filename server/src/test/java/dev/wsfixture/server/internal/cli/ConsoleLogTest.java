package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console log cannot be forged: what a client sends stays on its own line, uncoloured. */
@Timeout(60)
class ConsoleLogTest {

  @Test
  void lineBreaksAndAnsiEscapesInMessagesAndReasonsAreEscaped() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ConsoleLog log = new ConsoleLog(out, false);
    try (EchoServer server = EchoServer.builder().journalListener(log::entry).start();
        RawClient client = RawClient.connect(server.port(), "/echo")) {
      client.sendText("hi\r\nServer stopped\u001b[31m");
      client.readText();
      client.sendClose(4000, "bye\nClient connected: forged");
      client.readClose();
      server.journal().await("the close", e -> e.type() == EntryType.CLOSED, 1);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines())
        .noneMatch(line -> line.startsWith("Server stopped"))
        .noneMatch(line -> line.startsWith("Client connected: forged"));
    assertThat(printed)
        .doesNotContain("\u001b")
        .contains("hi\\r\\nServer stopped\\u001b[31m")
        .contains("\"bye\\nClient connected: forged\"");
  }
}
