package dev.wsfixture.server.internal.admin;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The journal filters of {@code GET /__admin/journal} and {@code /journal/wait}: {@code session},
 * {@code connection}, {@code direction}, {@code type}, {@code origin}, {@code since} (a sequence
 * number, exclusive, or an ISO-8601 instant).
 */
final class JournalQuery {

  static final Set<String> FILTERS =
      Set.of("session", "connection", "direction", "type", "origin", "since");

  private final List<Predicate<JournalEntry>> conditions = new ArrayList<>();
  private final List<String> description = new ArrayList<>();

  private JournalQuery() {}

  /**
   * Reads the filters from {@code parameters}; any other parameter must be in {@code alsoAllowed}.
   */
  static JournalQuery parse(Map<String, Deque<String>> parameters, Set<String> alsoAllowed) {
    JournalQuery query = new JournalQuery();
    for (Map.Entry<String, Deque<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (alsoAllowed.contains(name)) {
        continue;
      }
      if (!FILTERS.contains(name)) {
        throw AdminException.badRequest(
            "unknown_parameter",
            "unknown query parameter '"
                + name
                + "'; the journal filters are "
                + String.join(", ", sorted(FILTERS)));
      }
      if (parameter.getValue().size() != 1) {
        throw AdminException.badRequest(
            "bad_value",
            "give the filter '"
                + name
                + "' once, found it "
                + parameter.getValue().size()
                + " times");
      }
      query.add(name, parameter.getValue().getFirst());
    }
    return query;
  }

  private void add(String name, String value) {
    description.add(name + "=" + value);
    switch (name) {
      case "session" -> conditions.add(e -> value.equals(e.sessionId()));
      case "connection" -> {
        long id = number(name, value);
        conditions.add(e -> e.connectionId() == id);
      }
      case "direction" -> {
        Direction direction = constant(Direction.class, name, value);
        conditions.add(e -> e.direction() == direction);
      }
      case "type" -> {
        EntryType type = constant(EntryType.class, name, value);
        conditions.add(e -> e.type() == type);
      }
      case "origin" -> {
        Origin origin = constant(Origin.class, name, value);
        conditions.add(e -> e.origin() == origin);
      }
      case "since" -> conditions.add(since(value));
      default -> throw new IllegalStateException("filter without a condition: " + name);
    }
  }

  private static Predicate<JournalEntry> since(String value) {
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      long sequence = number("since", value);
      return e -> e.sequence() > sequence;
    }
    try {
      Instant instant = Instant.parse(value);
      return e -> e.time().isAfter(instant);
    } catch (DateTimeParseException e) {
      throw AdminException.badRequest(
          "bad_value",
          "since must be a sequence number (entries after it) or an ISO-8601 instant such as"
              + " 2026-01-01T12:00:00Z, was '"
              + value
              + "'");
    }
  }

  static long number(String name, String value) {
    try {
      long number = Long.parseLong(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw AdminException.badRequest(
        "bad_value", name + " must be a whole number, 0 or more, was '" + value + "'");
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name());
      }
      throw AdminException.badRequest(
          "bad_value",
          name + " must be one of " + String.join(", ", names) + ", was '" + value + "'");
    }
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }

  Predicate<JournalEntry> filter() {
    List<Predicate<JournalEntry>> all = List.copyOf(conditions);
    return entry -> {
      for (Predicate<JournalEntry> condition : all) {
        if (!condition.test(entry)) {
          return false;
        }
      }
      return true;
    };
  }

  /** The filters in words, for timeout messages: {@code type=TEXT, session=0101}. */
  String describe() {
    return description.isEmpty() ? "any entry" : String.join(", ", description);
  }

  @Override
  public String toString() {
    return Objects.toString(describe());
  }
}
