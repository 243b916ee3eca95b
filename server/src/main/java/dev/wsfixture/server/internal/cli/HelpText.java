package dev.wsfixture.server.internal.cli;

import static dev.wsfixture.server.internal.cli.ServerOption.Kind.FLAG;
import static dev.wsfixture.server.internal.cli.ServerOption.Kind.LIST;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code --help}, made from the table of {@link ServerOption}s: a usage line, what the
 * program does, then one entry per option with its default and environment variable, wrapped to 79
 * columns.
 */
final class HelpText {

  /** What the program does, under the usage line. */
  static final List<String> DESCRIPTION =
      List.of(
          "A WebSocket echo and session server for testing WebSocket clients.",
          "Echo at ws://HOST:PORT/ (and /echo); register sessions with GET /stream?id=ID;",
          "session sockets at ws://HOST:PORT/ws/ID; the HTML client at http://HOST:PORT/.");

  private static final int WIDTH = 79;

  /** Where the descriptions start; a longer option name puts its description on the next line. */
  private static final int DESCRIPTION_COLUMN = 29;

  /** How much further lines of a description are indented than its first. */
  private static final int CONTINUATION_INDENT = 2;

  private HelpText() {}

  /** The help of {@code program}. */
  static String render(String program) {
    StringBuilder text = new StringBuilder();
    String usage = "Usage: " + program + " ";
    appendWrapped(text, usage, synopsis(), usage.length());
    for (String line : DESCRIPTION) {
      text.append(line).append('\n');
    }
    for (ServerOption option : ServerOption.values()) {
      String name =
          (option.shortName() == null ? "      " : "  " + option.shortName() + ", ")
              + nameAndValue(option);
      if (name.length() >= DESCRIPTION_COLUMN) {
        text.append(name).append('\n');
        name = "";
      }
      appendWrapped(
          text,
          name + " ".repeat(DESCRIPTION_COLUMN - name.length()),
          List.of(describe(option).split(" ")),
          DESCRIPTION_COLUMN + CONTINUATION_INDENT);
    }
    return text.toString();
  }

  /** {@code [-hV] [--port=PORT] ... [--session=ID[,ID...]]...}, one word a list element. */
  private static List<String> synopsis() {
    List<String> words = new ArrayList<>();
    StringBuilder letters = new StringBuilder();
    for (ServerOption option : ServerOption.values()) {
      if (option.shortName() != null) {
        letters.append(option.shortName().substring(1));
      }
    }
    if (letters.length() > 0) {
      words.add("[-" + letters + "]");
    }
    for (ServerOption option : ServerOption.values()) {
      if (option.shortName() == null) {
        words.add("[" + nameAndValue(option) + "]" + (option.kind() == LIST ? "..." : ""));
      }
    }
    return words;
  }

  /** {@code --tls}, {@code --port=PORT}, {@code --session=ID[,ID...]}. */
  private static String nameAndValue(ServerOption option) {
    return switch (option.kind()) {
      case FLAG -> option.longName();
      case VALUE -> option.longName() + "=" + option.label();
      case LIST -> option.longName() + "=" + option.label() + "[," + option.label() + "...]";
    };
  }

  /** The description, then its default and variable in parentheses, and a period. */
  private static String describe(ServerOption option) {
    List<String> notes = new ArrayList<>();
    if (option.defaultValue() != null) {
      notes.add("default: " + shown(option.defaultValue()));
    }
    if (option.env() != null) {
      notes.add("env " + option.env() + (option.kind() == FLAG ? "=true" : ""));
    }
    return option.description()
        + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
        + ".";
  }

  /** A default as the user would type it: quoted when empty or with spaces. */
  private static String shown(String value) {
    return value.isEmpty() || value.contains(" ") ? "\"" + value + "\"" : value;
  }

  /**
   * Appends {@code words} after {@code first}, as many a line as fit in {@link #WIDTH}; further
   * lines start at column {@code indent}. A word longer than a line gets a line of its own.
   */
  private static void appendWrapped(
      StringBuilder text, String first, List<String> words, int indent) {
    StringBuilder line = new StringBuilder(first);
    int start = first.length();
    for (String word : words) {
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        text.append(line).append('\n');
        line.setLength(0);
        line.append(" ".repeat(indent));
        start = indent;
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    text.append(line).append('\n');
  }
}
