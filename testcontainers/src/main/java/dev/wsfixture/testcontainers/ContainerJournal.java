package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wsfixture.Journal;
import dev.wsfixture.JournalAssertionError;
import dev.wsfixture.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The journal of a container, read over the admin API: the same {@link Journal} a test gets from
 * {@code EchoServer.journal()}, with the same waits and the same failure messages.
 */
final class ContainerJournal implements Journal {

  private static final TypeReference<List<JournalEntry>> ENTRIES = new TypeReference<>() {};
  private static final Duration POLL = Duration.ofMillis(50);

  private final AdminClient admin;
  private final Supplier<Duration> awaitTimeout;
  private final AtomicLong lastTaken = new AtomicLong();

  ContainerJournal(AdminClient admin, Supplier<Duration> awaitTimeout) {
    this.admin = admin;
    this.awaitTimeout = awaitTimeout;
  }

  @Override
  public List<JournalEntry> entries() {
    return admin.get("journal", ENTRIES);
  }

  @Override
  public List<JournalEntry> received() {
    return admin.get("journal?direction=RECEIVED", ENTRIES).stream()
        .filter(JournalEntry::isMessage)
        .toList();
  }

  @Override
  public List<JournalEntry> sent() {
    return admin.get("journal?direction=SENT", ENTRIES).stream()
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
    return poll(
        description,
        timeout,
        () -> {
          List<JournalEntry> matching = entries().stream().filter(filter).toList();
          return matching.size() >= count ? matching : null;
        });
  }

  @Override
  public JournalEntry take(Duration timeout) {
    return poll(
        "a new journal entry",
        timeout,
        () -> {
          List<JournalEntry> next = admin.get("journal?since=" + lastTaken.get(), ENTRIES);
          if (next.isEmpty()) {
            return null;
          }
          JournalEntry entry = next.get(0);
          lastTaken.accumulateAndGet(entry.sequence(), Math::max);
          return entry;
        });
  }

  @Override
  public void clear() {
    List<JournalEntry> before = entries();
    if (!before.isEmpty()) {
      lastTaken.accumulateAndGet(before.get(before.size() - 1).sequence(), Math::max);
    }
    admin.delete("journal");
  }

  @Override
  public long dropped() {
    return admin.get("journal/stats", Stats.class).dropped();
  }

  /** After a reset, sequence numbers start again at 1. */
  void resetTaking() {
    lastTaken.set(0);
  }

  private <T> T poll(String awaited, Duration timeout, Supplier<T> attempt) {
    AtomicReference<T> result = new AtomicReference<>();
    try {
      Awaitility.await(awaited)
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .pollInSameThread()
          .until(
              () -> {
                T value = attempt.get();
                result.set(value);
                return value != null;
              });
    } catch (ConditionTimeoutException timedOut) {
      throw new JournalAssertionError(awaited + " within " + format(timeout), entries());
    }
    return result.get();
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  record Stats(int size, long dropped) {}
}
