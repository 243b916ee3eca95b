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

  void listening(String host, int port, boolean tls, Set<String> sessions) {
    out.println("WebSocket listening on " + Addresses.hostPort(host, port));
    if (!quiet) {
      out.println("HTML client at " + Addresses.httpUri(host, port, tls));
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
    String who = "connection " + entry.connectionId() + " (" + escape(entry.path()) + ")";
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
                      : " \"" + shorten(entry.text()) + "\"");
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
          case DEVIATION -> "Replay deviation on " + who + ": " + shorten(entry.text());
        };
    out.println(line);
  }

  void stopped() {
    out.println("Server stopped");
    out.flush();
  }

  private static String shorten(String text) {
    String shown =
        text.length() <= SHOWN_CHARS
            ? escape(text)
            : escape(text.substring(0, SHOWN_CHARS)) + "… (" + text.length() + " chars)";
    return shown;
  }

  /**
   * What a client sent, made safe for one log line: line breaks and every other control character
   * (ANSI escapes included) are written as escapes, so no message can forge or recolour a line.
   */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
      if (control && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out == null) {
        continue;
      }
      if (!control) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out == null ? text : out.toString();
  }
}
