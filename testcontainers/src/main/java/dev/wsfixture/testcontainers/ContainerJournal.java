package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wsfixture.Journal;
import dev.wsfixture.JournalAssertionError;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.internal.wire.AdminPaths;
import dev.wsfixture.internal.wire.Bodies;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The journal of a container, read over the admin API: the same {@link Journal} a test gets from
 * {@code EchoServer.journal()}, with the same waits and the same failure messages. A wait reads the
 * journal once, then long-polls {@code GET /__admin/journal/wait} for the entries after the last
 * one it has, and checks the test's predicate here.
 */
final class ContainerJournal implements Journal {

  private static final TypeReference<List<JournalEntry>> ENTRIES = new TypeReference<>() {};

  /** The longest {@code journal/wait} the server accepts; a longer wait asks again. */
  private static final long LONGEST_POLL_MILLIS = 120_000;

  private final AdminClient admin;
  private final Supplier<Duration> awaitTimeout;
  private final Object taking = new Object();
  private long lastTaken;

  ContainerJournal(AdminClient admin, Supplier<Duration> awaitTimeout) {
    this.admin = admin;
    this.awaitTimeout = awaitTimeout;
  }

  @Override
  public List<JournalEntry> entries() {
    return admin.get(AdminPaths.JOURNAL, ENTRIES);
  }

  @Override
  public List<JournalEntry> received() {
    return admin.get(AdminPaths.JOURNAL + "?direction=RECEIVED", ENTRIES).stream()
        .filter(JournalEntry::isMessage)
        .toList();
  }

  @Override
  public List<JournalEntry> sent() {
    return admin.get(AdminPaths.JOURNAL + "?direction=SENT", ENTRIES).stream()
        .filter(JournalEntry::isMessage)
        .toList();
  }

  @Override
  public Duration awaitTimeout() {
    return awaitTimeout.get();
  }

  @Override
  public List<JournalEntry> await(
      String description, Predicate<JournalEntry> filter, int count, Duration timeout) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JournalEntry> seen = new ArrayList<>(entries());
    while (true) {
      List<JournalEntry> matching = seen.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      long last = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).sequence();
      List<JournalEntry> next = entriesAfter(last, deadline);
      if (next.isEmpty()) {
        throw JournalAssertionError.timedOut(description, timeout, entries());
      }
      seen.addAll(next);
    }
  }

  @Override
  public JournalEntry take(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (taking) {
      List<JournalEntry> next = entriesAfter(lastTaken, deadline);
      if (next.isEmpty()) {
        throw JournalAssertionError.timedOut("a new journal entry", timeout, entries());
      }
      JournalEntry entry = next.get(0);
      lastTaken = entry.sequence();
      return entry;
    }
  }

  @Override
  public void clear() {
    List<JournalEntry> before = entries();
    synchronized (taking) {
      if (!before.isEmpty()) {
        lastTaken = Math.max(lastTaken, before.get(before.size() - 1).sequence());
      }
    }
    admin.delete(AdminPaths.JOURNAL);
  }

  @Override
  public long dropped() {
    return admin.get(AdminPaths.JOURNAL_STATS, Bodies.JournalStats.class).dropped();
  }

  /** After a reset, sequence numbers start again at 1. */
  void resetTaking() {
    synchronized (taking) {
      lastTaken = 0;
    }
  }

  /**
   * The entries after sequence {@code since}, as soon as there is one, long-polling until {@code
   * deadline} ({@link System#nanoTime()}); empty when none arrived by then.
   */
  private List<JournalEntry> entriesAfter(long since, long deadline) {
    while (true) {
      long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (remaining <= 0) {
        return List.of();
      }
      long poll = Math.min(remaining, LONGEST_POLL_MILLIS);
      String path = AdminPaths.JOURNAL_WAIT + "?since=" + since + "&timeout=" + poll;
      HttpResponse<String> answer = admin.longPoll(path, Duration.ofMillis(poll));
      if (answer.statusCode() != 408) {
        return admin.read(path, answer, ENTRIES);
      }
    }
  }
}
