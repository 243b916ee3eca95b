package dev.wsfixture.junit;

import dev.wsfixture.JournalEntry;
import java.util.List;

/**
 * The last entries of a server's journal, attached to a failed test as a suppressed exception so
 * that the report shows what the client sent and received. Carries no stack trace of its own.
 */
final class JournalSnapshot extends Exception {

  /** How many of the last entries a report shows. */
  static final int ENTRIES = 25;

  JournalSnapshot(String text) {
    super(text, null, false, false);
  }

  static String describe(ScopedServers.Owned owned) {
    List<JournalEntry> entries = owned.server().journal().entries();
    StringBuilder text =
        new StringBuilder("wsfixture journal of the server of ")
            .append(owned.owner())
            .append(" (")
            .append(owned.server())
            .append(")");
    if (entries.isEmpty()) {
      return text.append(": empty, no client connected since the test started").toString();
    }
    int from = Math.max(0, entries.size() - ENTRIES);
    text.append(from == 0 ? ", all " : ", last " + (entries.size() - from) + " of ")
        .append(entries.size())
        .append(entries.size() == 1 ? " entry:" : " entries:");
    for (JournalEntry entry : entries.subList(from, entries.size())) {
      text.append("\n  ").append(entry.summary());
    }
    return text.toString();
  }
}
