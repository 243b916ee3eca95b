package dev.wsfixture;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a server replays a recording (see {@code docs/recording.md}): the n-th connection to a path
 * plays the n-th recorded connection to that path (the last one again once they are used up). Each
 * client message the recording expects is answered with what the recorded server said after it;
 * what that server said on its own goes out after its recorded delay, scaled by {@link
 * #timeScale()}. A client message the recording does not expect is a {@link EntryType#DEVIATION} in
 * the journal, answered as {@link #onDeviation()} says.
 *
 * <pre>{@code
 * EchoServer.builder().replay(Replay.of(Path.of("src/test/resources/chat.jsonl"))
 *     .asFastAsPossible()
 *     .ignoringFields("timestamp")
 *     .copyingFields("requestId"))
 * }</pre>
 *
 * @param recording the recording file
 * @param timeScale recorded delays are multiplied by it: 1 is real time, 0 as fast as possible
 * @param ignoredFields JSON fields (at any depth) whose values do not matter when a client message
 *     is compared with the recorded one
 * @param copiedFields JSON fields whose value in the client's message replaces the recorded value
 *     wherever it appears in the replies that follow (request ids that must match); they are
 *     ignored when comparing
 * @param onDeviation what a client gets for a message the recording does not expect
 */
public record Replay(
    Path recording,
    double timeScale,
    Set<String> ignoredFields,
    Set<String> copiedFields,
    Deviation onDeviation) {

  /**
   * What the server does with a client message the recording does not expect. Every deviation is
   * journaled first, with what was expected and what came.
   *
   * @param answer close the connection, echo the message, or ignore it
   * @param closeCode the close code for {@link Answer#CLOSE}
   */
  public record Deviation(Answer answer, int closeCode) {

    /** The answers to a deviation. */
    public enum Answer {
      /** Close the connection with {@link Deviation#closeCode()}. */
      CLOSE,
      /** Send the message back, as the echo would; the replay waits on for the expected one. */
      ECHO,
      /** Say nothing; the replay waits on for the expected one. */
      IGNORE
    }

    public Deviation {
      Objects.requireNonNull(answer, "answer");
      if (answer == Answer.CLOSE && (closeCode < 1000 || closeCode > 4999 || reserved(closeCode))) {
        throw new IllegalArgumentException(
            "a deviation's close code must be from 1000 to 4999 and one a server may send, not "
                + closeCode);
      }
    }

    private static boolean reserved(int code) {
      return code == 1004 || code == 1005 || code == 1006 || code == 1015;
    }

    /** Close with 1008 (policy violation), the default. */
    public static Deviation close() {
      return close(1008);
    }

    public static Deviation close(int code) {
      return new Deviation(Answer.CLOSE, code);
    }

    public static Deviation echo() {
      return new Deviation(Answer.ECHO, 0);
    }

    public static Deviation ignore() {
      return new Deviation(Answer.IGNORE, 0);
    }

    /**
     * Reads {@code close}, {@code close:CODE}, {@code echo} or {@code ignore} (the command line's
     * and the annotation's form).
     */
    public static Deviation parse(String text) {
      Objects.requireNonNull(text, "text");
      String value = text.strip();
      if (value.equals("echo")) {
        return echo();
      }
      if (value.equals("ignore")) {
        return ignore();
      }
      if (value.equals("close")) {
        return close();
      }
      if (value.startsWith("close:")) {
        try {
          return close(Integer.parseInt(value.substring(6)));
        } catch (NumberFormatException e) {
          // falls through to the error below
        }
      }
      throw new IllegalArgumentException(
          "on deviation: expected close, close:CODE, echo or ignore, not '" + text + "'");
    }
  }

  public Replay {
    Objects.requireNonNull(recording, "recording");
    if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException(
          "timeScale must be 0 (as fast as possible) or more (1 is real time), not " + timeScale);
    }
    ignoredFields = Set.copyOf(ignoredFields);
    copiedFields = Set.copyOf(copiedFields);
    Objects.requireNonNull(onDeviation, "onDeviation");
  }

  /**
   * Replays {@code recording} in real time, fields compared exactly, deviations closed with 1008.
   */
  public static Replay of(Path recording) {
    return new Replay(recording, 1, Set.of(), Set.of(), Deviation.close());
  }

  /** Recorded delays as they were. */
  public Replay realTime() {
    return scaled(1);
  }

  /** No recorded delay: what the server said goes out at once, in order. */
  public Replay asFastAsPossible() {
    return scaled(0);
  }

  /** Recorded delays multiplied by {@code factor} (0.5: twice as fast). */
  public Replay scaled(double factor) {
    return new Replay(recording, factor, ignoredFields, copiedFields, onDeviation);
  }

  /**
   * Reads {@code real}, {@code fast} or a factor such as {@code 0.5} (the command line's and the
   * annotation's form).
   */
  public Replay timing(String timing) {
    return scaled(timeScale(timing));
  }

  /**
   * The time scale of {@code real} (1), {@code fast} (0) or a factor such as {@code 0.5}.
   *
   * @throws IllegalArgumentException for anything else, saying what is expected
   */
  public static double timeScale(String timing) {
    Objects.requireNonNull(timing, "timing");
    String value = timing.strip();
    double scale;
    if (value.equals("real")) {
      scale = 1;
    } else if (value.equals("fast")) {
      scale = 0;
    } else {
      try {
        scale = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        scale = -1;
      }
    }
    if (!(scale >= 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException(
          "replay timing: expected real, fast or a factor such as 0.5, not '" + timing + "'");
    }
    return scale;
  }

  public Replay ignoringFields(String... names) {
    return new Replay(recording, timeScale, plus(ignoredFields, names), copiedFields, onDeviation);
  }

  public Replay copyingFields(String... names) {
    return new Replay(recording, timeScale, ignoredFields, plus(copiedFields, names), onDeviation);
  }

  public Replay onDeviation(Deviation deviation) {
    return new Replay(recording, timeScale, ignoredFields, copiedFields, deviation);
  }

  private static Set<String> plus(Set<String> names, String... more) {
    Set<String> all = new LinkedHashSet<>(names);
    for (String name : Arrays.asList(more)) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a field name must not be empty");
      }
      all.add(name);
    }
    return all;
  }
}
