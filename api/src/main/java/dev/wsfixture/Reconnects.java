package dev.wsfixture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The reconnect timeline of a client: the connection the server dropped, and the handshake attempts
 * that followed on the same path, accepted or refused, with their times and statuses. Obtained from
 * {@link Journal#awaitReconnects(int)}; its {@code assert…} methods check how the client behaved
 * and, when it did not, throw an {@link AssertionError} that shows the whole timeline:
 *
 * <pre>{@code
 * server.journal().awaitReconnects(4)                    // 4 attempts after the drop
 *     .assertIntervalsGrowBy(2.0, Duration.ofMillis(100)) // exponential backoff
 *     .assertResent("subscribe");                        // on every accepted reconnect
 * }</pre>
 *
 * <p>The drop is the first connection the server closed or aborted ({@code CLOSED} entry sent by
 * the server) since the journal was last cleared; attempts are the {@code HANDSHAKE} entries after
 * it on its path. Attempts the server never saw (while it is stopped, say) are not in the journal.
 */
public final class Reconnects {

  private final JournalEntry drop;
  private final List<JournalEntry> attempts;
  private final Journal journal;
  private final List<JournalEntry> snapshot;

  /**
   * @param journal where {@link #assertResent} waits, or {@code null} to look in {@code snapshot}
   */
  private Reconnects(
      JournalEntry drop,
      List<JournalEntry> attempts,
      Journal journal,
      List<JournalEntry> snapshot) {
    this.drop = drop;
    this.attempts = List.copyOf(attempts);
    this.journal = journal;
    this.snapshot = snapshot;
  }

  /**
   * The timeline in a snapshot of a journal, oldest entry first: empty when the server dropped no
   * connection in it. Its {@code assert…} methods check the snapshot without waiting.
   */
  public static Reconnects in(List<JournalEntry> entries) {
    return in(entries, null);
  }

  static Reconnects in(List<JournalEntry> entries, Journal journal) {
    JournalEntry drop = null;
    List<JournalEntry> attempts = new ArrayList<>();
    for (JournalEntry entry : entries) {
      if (drop == null) {
        if (entry.type() == EntryType.CLOSED && entry.direction() == Direction.SENT) {
          drop = entry;
        }
      } else if (entry.type() == EntryType.HANDSHAKE && entry.path().equals(drop.path())) {
        attempts.add(entry);
      }
    }
    return new Reconnects(drop, attempts, journal, List.copyOf(entries));
  }

  /** Waits for {@code count} attempts after the drop; see {@link Journal#awaitReconnects}. */
  static Reconnects await(Journal journal, int count, Duration timeout) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JournalEntry> entries = journal.entries();
      Reconnects found = in(entries, journal);
      if (found.attempts.size() >= count) {
        return new Reconnects(found.drop, found.attempts.subList(0, count), journal, entries);
      }
      long handshakes = entries.stream().filter(e -> e.type() == EntryType.HANDSHAKE).count();
      long left = deadline - System.nanoTime();
      if (left <= 0 || !awaitHandshakes(journal, (int) handshakes + 1, Duration.ofNanos(left))) {
        Reconnects last = in(journal.entries(), journal);
        throw new AssertionError(
            "Expected "
                + count
                + " reconnect attempt"
                + (count == 1 ? "" : "s")
                + " within "
                + timeout.toMillis()
                + " ms, but "
                + (last.drop == null
                    ? "the server dropped no connection (no CLOSED entry sent by the server)"
                    : "there were " + last.attempts.size() + ". " + last.describe()));
      }
    }
  }

  private static boolean awaitHandshakes(Journal journal, int count, Duration timeout) {
    try {
      journal.await("a handshake attempt", e -> e.type() == EntryType.HANDSHAKE, count, timeout);
      return true;
    } catch (JournalAssertionError timedOut) {
      return false;
    }
  }

  /**
   * The entry of the dropped connection ({@code CLOSED}, sent by the server); empty when none was
   * dropped.
   */
  public Optional<JournalEntry> drop() {
    return Optional.ofNullable(drop);
  }

  /** The {@code HANDSHAKE} entries after the drop on its path, oldest first. */
  public List<JournalEntry> attempts() {
    return attempts;
  }

  /**
   * The time before each attempt: the first from the drop, each next from the attempt before; as
   * many as there are attempts. A {@code delay-handshakes} wait counts in the interval it starts.
   */
  public List<Duration> intervals() {
    List<Duration> intervals = new ArrayList<>();
    JournalEntry before = drop;
    for (JournalEntry attempt : attempts) {
      intervals.add(Duration.between(before.time(), attempt.time()));
      before = attempt;
    }
    return intervals;
  }

  /**
   * Checks that each interval is at least {@code factor} times the one before, less {@code
   * tolerance}: what an exponential backoff does.
   *
   * @param factor the least growth, 2.0 for a backoff that doubles; allow for jitter with a factor
   *     below the client's own
   * @param tolerance how much shorter than {@code factor} times the one before an interval may be,
   *     for scheduling noise (tens of milliseconds)
   * @return this, for more checks
   * @throws AssertionError when an interval grew less, showing the timeline
   * @throws IllegalStateException with fewer than 2 attempts: nothing to compare
   */
  public Reconnects assertIntervalsGrowBy(double factor, Duration tolerance) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("factor must be above 0, was " + factor);
    }
    Objects.requireNonNull(tolerance, "tolerance");
    if (attempts.size() < 2) {
      throw new IllegalStateException(
          "comparing intervals needs at least 2 attempts, there are "
              + attempts.size()
              + ": await more, awaitReconnects(3)");
    }
    List<Duration> intervals = intervals();
    for (int i = 1; i < intervals.size(); i++) {
      long before = intervals.get(i - 1).toMillis();
      long now = intervals.get(i).toMillis();
      long least = Math.round(before * factor) - tolerance.toMillis();
      if (now < least) {
        throw new AssertionError(
            String.format(
                Locale.ROOT,
                "Expected each reconnect interval to be at least %s times the one before (less %d"
                    + " ms), but attempt %d came %d ms after the one before it, which came %d ms"
                    + " after its own: at least %d ms was due. %s",
                factor,
                tolerance.toMillis(),
                i + 1,
                now,
                before,
                least,
                describe()));
      }
    }
    return this;
  }

  /**
   * Checks that after each accepted attempt (101) the client sent the TEXT message {@code text} on
   * the connection it opened, as a client re-sends its subscription; waits for it up to the
   * journal's await timeout.
   *
   * @return this, for more checks
   * @throws AssertionError when an accepted reconnect did not send it, or none was accepted
   */
  public Reconnects assertResent(String text) {
    Objects.requireNonNull(text, "text");
    List<JournalEntry> accepted =
        attempts.stream().filter(a -> Integer.valueOf(101).equals(a.status())).toList();
    if (accepted.isEmpty()) {
      throw new AssertionError(
          "Expected the client to re-send \""
              + text
              + "\" after each reconnect, but no attempt was accepted (101). "
              + describe());
    }
    for (JournalEntry attempt : accepted) {
      long connection = attempt.connectionId();
      String awaited = "\"" + text + "\" received on connection " + connection;
      Predicate<JournalEntry> resent =
          e ->
              e.connectionId() == connection
                  && e.type() == EntryType.TEXT
                  && e.direction() == Direction.RECEIVED
                  && text.equals(e.text());
      boolean found;
      if (journal == null) {
        found = snapshot.stream().anyMatch(resent);
      } else {
        try {
          journal.await(awaited, resent, 1);
          found = true;
        } catch (JournalAssertionError timedOut) {
          found = false;
        }
      }
      if (!found) {
        throw new AssertionError(
            "Expected the client to re-send \""
                + text
                + "\" after each reconnect, but connection "
                + connection
                + " (attempt "
                + (attempts.indexOf(attempt) + 1)
                + ") did not send it"
                + (journal == null ? "" : " within " + journal.awaitTimeout().toMillis() + " ms")
                + ". "
                + describe());
      }
    }
    return this;
  }

  /** The timeline, one line per attempt: time since the drop, interval, growth, status. */
  @Override
  public String toString() {
    return drop == null ? "Timeline: the server dropped no connection" : describe();
  }

  private String describe() {
    StringBuilder text =
        new StringBuilder("Timeline: the server dropped connection ")
            .append(drop.connectionId())
            .append(" on ")
            .append(drop.path())
            .append(" at ")
            .append(drop.time())
            .append(" (")
            .append(drop.summary())
            .append("); then ")
            .append(attempts.size())
            .append(attempts.size() == 1 ? " attempt" : " attempts")
            .append(attempts.isEmpty() ? "." : ":");
    List<Duration> intervals = intervals();
    for (int i = 0; i < attempts.size(); i++) {
      JournalEntry attempt = attempts.get(i);
      long since = Duration.between(drop.time(), attempt.time()).toMillis();
      long interval = intervals.get(i).toMillis();
      text.append(
          String.format(Locale.ROOT, "%n  %2d. %+7d ms  waited %6d ms", i + 1, since, interval));
      if (i > 0 && intervals.get(i - 1).toMillis() > 0) {
        text.append(
            String.format(
                Locale.ROOT, "  x%5.2f", (double) interval / intervals.get(i - 1).toMillis()));
      } else {
        text.append("        ");
      }
      text.append("  ").append(attempt.status());
      if (attempt.connectionId() != 0) {
        text.append("  connection ").append(attempt.connectionId());
      } else if (attempt.text() != null) {
        text.append("  \"").append(attempt.text()).append('"');
      }
    }
    return text.toString();
  }
}
