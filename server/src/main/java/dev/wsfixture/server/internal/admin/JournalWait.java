package dev.wsfixture.server.internal.admin;

import dev.wsfixture.JournalEntry;
import dev.wsfixture.internal.JournalStore;
import dev.wsfixture.internal.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * {@code GET /__admin/journal/wait?count=N&timeout=MILLIS&<filters>}: answers once {@code N}
 * entries match, or with 408 when the timeout passes. Holds no thread while it waits: a journal
 * subscription wakes it and a timer on the exchange's I/O thread ends it.
 */
final class JournalWait {

  static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
  static final long MAX_TIMEOUT_MILLIS = 120_000;

  private final JournalStore journal;

  JournalWait(JournalStore journal) {
    this.journal = journal;
  }

  void start(HttpServerExchange exchange) {
    Map<String, Deque<String>> parameters = exchange.getQueryParameters();
    JournalQuery query = JournalQuery.parse(parameters, Set.of("count", "timeout"));
    int count = (int) Math.min(Integer.MAX_VALUE, single(parameters, "count", 1));
    if (count < 1) {
      throw AdminException.badRequest("bad_value", "count must be at least 1, was " + count);
    }
    long timeout = single(parameters, "timeout", DEFAULT_TIMEOUT_MILLIS);
    if (timeout > MAX_TIMEOUT_MILLIS) {
      throw AdminException.badRequest(
          "bad_value",
          "timeout is in milliseconds, at most " + MAX_TIMEOUT_MILLIS + ", was " + timeout);
    }
    exchange.dispatch(
        SameThreadExecutor.INSTANCE, () -> new Waiter(exchange, query, count, timeout).begin());
  }

  private static long single(Map<String, Deque<String>> parameters, String name, long otherwise) {
    Deque<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return otherwise;
    }
    return JournalQuery.number(name, values.getFirst());
  }

  private final class Waiter {
    private final HttpServerExchange exchange;
    private final JournalQuery query;
    private final Predicate<JournalEntry> filter;
    private final int count;
    private final long timeout;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Runnable unsubscribe = () -> {};

    Waiter(HttpServerExchange exchange, JournalQuery query, int count, long timeout) {
      this.exchange = exchange;
      this.query = query;
      this.filter = query.filter();
      this.count = count;
      this.timeout = timeout;
    }

    void begin() {
      unsubscribe =
          journal.subscribe(
              entry -> {
                if (!done.get() && filter.test(entry)) {
                  check();
                }
              });
      exchange.addExchangeCompleteListener(
          (ended, next) -> {
            done.set(true);
            unsubscribe.run();
            next.proceed();
          });
      exchange.getIoThread().executeAfter(this::expire, timeout, TimeUnit.MILLISECONDS);
      check();
    }

    private void check() {
      List<JournalEntry> found = journal.matching(filter);
      if (found.size() >= count && done.compareAndSet(false, true)) {
        unsubscribe.run();
        exchange.getIoThread().execute(() -> answer(found));
      }
    }

    private void answer(List<JournalEntry> found) {
      try {
        Responses.json(exchange, 200, AdminJson.write(found));
      } catch (AdminException e) {
        AdminApi.fail(exchange, e);
      }
    }

    private void expire() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      unsubscribe.run();
      int found = journal.matching(filter).size();
      AdminApi.fail(
          exchange,
          new AdminException(
              408,
              "timeout",
              "waited "
                  + timeout
                  + " ms for "
                  + count
                  + (count == 1 ? " journal entry" : " journal entries")
                  + " matching "
                  + query.describe()
                  + "; found "
                  + found
                  + " (GET /__admin/journal lists them all)"));
    }
  }
}
