package dev.wsfixture.server.internal.cli;

import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import java.io.PrintStream;
import java.util.Set;

/** Prints what the server does, one line an event, as the original programs did. */
final class ConsoleLog {

  private static final int SHOWN_CHARS = 120;

  private final PrintStream out;
  private final boolean quiet;

  ConsoleLog(PrintStream out, boolean quiet) {
    this.out = out;
    this.quiet = quiet;
  }

  void listening(String host, int port, Set<String> sessions) {
    out.println("WebSocket listening on " + host + ":" + port);
    if (!quiet) {
      out.println(
          "HTML client at http://"
              + (host.equals("0.0.0.0") ? "localhost" : host)
              + ":"
              + port
              + "/");
      if (!sessions.isEmpty()) {
        out.println("Registered sessions: " + String.join(", ", sessions));
      }
    }
    out.flush();
  }

  void entry(JournalEntry entry) {
    boolean accepted =
        entry.type() == EntryType.HANDSHAKE && Integer.valueOf(101).equals(entry.status());
    if (quiet || entry.type() == EntryType.PONG || accepted) {
      return;
    }
    String who = "connection " + entry.connectionId() + " (" + entry.path() + ")";
    String line =
        switch (entry.type()) {
          case OPENED -> "Client connected: " + who;
          case CLOSED ->
              "Client disconnected: "
                  + who
                  + " code "
                  + entry.closeCode()
                  + (entry.text() == null || entry.text().isEmpty()
                      ? ""
                      : " \"" + entry.text() + "\"");
          case TEXT ->
              (entry.direction() == dev.wsfixture.Direction.RECEIVED
                      ? "Received from "
                      : "Sent to ")
                  + who
                  + ": "
                  + shorten(entry.text());
          case BINARY ->
              (entry.direction() == dev.wsfixture.Direction.RECEIVED
                      ? "Received from "
                      : "Sent to ")
                  + who
                  + ": ["
                  + entry.size()
                  + " bytes binary]";
          case PING -> "Ping from " + who;
          case PONG -> "Pong from " + who;
          case HANDSHAKE ->
              "Handshake refused on "
                  + entry.path()
                  + " from "
                  + entry.remoteAddress()
                  + ": "
                  + entry.status();
        };
    out.println(line);
  }

  void stopped() {
    out.println("Server stopped");
    out.flush();
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\n", "\\n");
    return oneLine.length() <= SHOWN_CHARS
        ? oneLine
        : oneLine.substring(0, SHOWN_CHARS) + "… (" + text.length() + " chars)";
  }
}
