package dev.wsfixture;

import java.util.List;
import java.util.Objects;

/**
 * A scenario of stub rules and the state it is in; see {@link Scenarios}.
 *
 * @param name the name the rules give in {@link Stub#scenario()}: 1 to 64 characters of {@code A-Z
 *     a-z 0-9 . _ -}
 * @param state the state it is in, {@value Scenarios#STARTED} until a rule moves it on
 * @param possibleStates {@value Scenarios#STARTED} and every state its rules name, in the order
 *     they name them
 */
public record Scenario(String name, String state, List<String> possibleStates) {

  private static final int MAX_STATE_LENGTH = 128;

  public Scenario {
    requireName(name);
    requireState("state", state);
    possibleStates = possibleStates == null ? List.of() : List.copyOf(possibleStates);
  }

  /** Checks a scenario name: it must fit in a URL path as it is. */
  static String requireName(String name) {
    Objects.requireNonNull(name, "a scenario needs a name");
    if (name.isEmpty()
        || name.length() > 64
        || !name.chars()
            .allMatch(
                c ->
                    (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '.'
                        || c == '_'
                        || c == '-')) {
      throw new IllegalArgumentException(
          "invalid scenario name '"
              + name
              + "': a scenario name is 1 to 64 characters of A-Z a-z 0-9 . _ - (it is part of"
              + " the admin API's paths); for example \"chat-flow\"");
    }
    return name;
  }

  /** Checks a state: any text that is not blank, at most 128 characters. */
  static String requireState(String field, String state) {
    Objects.requireNonNull(state, "a scenario \"" + field + "\" must not be null");
    if (state.isBlank() || state.length() > MAX_STATE_LENGTH) {
      throw new IllegalArgumentException(
          "scenario \""
              + field
              + "\" must be 1 to "
              + MAX_STATE_LENGTH
              + " characters, not blank; was '"
              + state
              + "'");
    }
    return state;
  }
}
