package dev.wsfixture.internal.api;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import java.time.Instant;

/**
 * Creates {@link JournalEntry JournalEntries} that keep a binary payload as the array they are
 * given, neither copied nor encoded: what recording a frame needs, and what the public API must not
 * offer, because an entry never changes. {@code JournalEntry} registers the factory as it is
 * initialized (the JDK's {@code SharedSecrets} pattern); nothing else may.
 *
 * <p>The contract: whoever hands an array over never writes to it again. The pipeline keeps it: a
 * received frame's array is journaled, echoed and then only read, and an echo's RECEIVED and SENT
 * entries share it; pushed data is copied from the caller's array or decoded into a new one first.
 */
public final class JournalEntryAccess {

  /** The private constructor of {@link JournalEntry}. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param payload the payload of a BINARY, PING or PONG entry, kept as it is; else {@code null}
     */
    JournalEntry create(
        long sequence,
        Instant time,
        long connectionId,
        String path,
        String sessionId,
        Direction direction,
        EntryType type,
        Origin origin,
        int size,
        String text,
        byte[] payload,
        Integer closeCode,
        String stub);
  }

  private static volatile Factory factory;

  private JournalEntryAccess() {}

  /**
   * Called once, by {@code JournalEntry}'s static initializer.
   *
   * @throws IllegalStateException on a second call
   */
  public static synchronized void register(Factory journalEntryConstructor) {
    if (factory != null) {
      throw new IllegalStateException("the JournalEntry factory is registered already");
    }
    factory = journalEntryConstructor;
  }

  /** The factory, initializing {@code JournalEntry} first if nothing has yet. */
  public static Factory factory() {
    Factory registered = factory;
    if (registered != null) {
      return registered;
    }
    try {
      Class.forName(JournalEntry.class.getName(), true, JournalEntry.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return factory;
  }
}
