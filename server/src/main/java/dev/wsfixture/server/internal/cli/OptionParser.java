package dev.wsfixture.server.internal.cli;

import static dev.wsfixture.server.internal.cli.ServerOption.Kind.FLAG;
import static dev.wsfixture.server.internal.cli.ServerOption.Kind.LIST;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a command line and the environment into {@link ServerSettings}, by the table of {@link
 * ServerOption}s.
 *
 * <p>The command line takes {@code --name value} and {@code --name=value}; a flag takes no value,
 * or {@code =true} / {@code =false}; one-letter flags go alone or together ({@code -h}, {@code
 * -hV}); {@code --} ends the options. A value may start with {@code -}, unless it is itself an
 * option: {@code --echo-prefix --port} is a missing value. An option not on the command line takes
 * the value of its environment variable when that is set (even to the empty text), else its
 * default.
 *
 * <p>{@code --help} and {@code --version} win over unknown options and arguments, and stop the
 * parser there: no variable or default is read.
 */
final class OptionParser {

  private OptionParser() {}

  /**
   * Parses {@code args} and {@code env} into new settings.
   *
   * @param env the environment, {@link System#getenv()} in the program
   * @throws UsageException for the first problem found, with a message naming the option or the
   *     variable at fault
   */
  static ServerSettings parse(List<String> args, Map<String, String> env) throws UsageException {
    ServerSettings settings = new ServerSettings();
    Set<ServerOption> given = EnumSet.noneOf(ServerOption.class);
    String unmatched = null;
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      if (arg.equals("--")) {
        if (unmatched == null && !rest.isEmpty()) {
          unmatched = "unexpected argument '" + rest.get(0) + "'";
        }
        break;
      }
      List<ServerOption> named = named(arg);
      if (named.isEmpty() && unmatched == null) {
        unmatched =
            arg.startsWith("-") && arg.length() > 1
                ? "unknown option '" + arg + "'"
                : "unexpected argument '" + arg + "'";
      }
      for (ServerOption option : named) {
        set(settings, given, option, value(option, arg, rest));
      }
    }
    if (settings.help || settings.version) {
      return settings;
    }
    if (unmatched != null) {
      throw new UsageException(unmatched);
    }
    for (ServerOption option : ServerOption.values()) {
      if (!given.contains(option)) {
        applyEnvironmentOrDefault(settings, option, env);
      }
    }
    return settings;
  }

  /**
   * The value {@code option}, named by {@code arg}, takes: after its {@code =}, or the next
   * argument, which it then takes from {@code rest}.
   */
  private static String value(ServerOption option, String arg, List<String> rest)
      throws UsageException {
    int equals = arg.indexOf('=');
    if (equals >= 0) {
      return arg.substring(equals + 1);
    }
    if (option.kind() == FLAG) {
      return "true";
    }
    String name = option.longName();
    if (rest.isEmpty()) {
      throw new UsageException(
          "option '" + name + "' needs a value: " + name + " " + option.label());
    }
    String next = rest.get(0);
    if (next.equals("--") || !named(next).isEmpty()) {
      throw new UsageException(
          "option '"
              + name
              + "' needs a value, but '"
              + next
              + "' is an option (to give it as the value, write "
              + name
              + "="
              + next
              + ")");
    }
    return rest.remove(0);
  }

  private static void set(
      ServerSettings settings, Set<ServerOption> given, ServerOption option, String value)
      throws UsageException {
    if (!given.add(option) && option.kind() != LIST) {
      throw new UsageException("option '" + option.longName() + "' may be given only once");
    }
    try {
      option.apply(settings, value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "invalid value for option '" + option.longName() + "': " + e.getMessage());
    }
  }

  private static void applyEnvironmentOrDefault(
      ServerSettings settings, ServerOption option, Map<String, String> env) throws UsageException {
    String fromEnv = option.env() == null ? null : env.get(option.env());
    if (fromEnv != null) {
      try {
        option.apply(settings, fromEnv);
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "invalid value of the environment variable " + option.env() + ": " + e.getMessage());
      }
    } else if (option.defaultValue() != null) {
      option.apply(settings, option.defaultValue());
    }
  }

  /**
   * The options {@code arg} names: one ({@code --port}, {@code --port=8080}, {@code -h}), several
   * one-letter flags together ({@code -hV}), or none.
   */
  private static List<ServerOption> named(String arg) {
    int equals = arg.indexOf('=');
    ServerOption option = find(equals < 0 ? arg : arg.substring(0, equals));
    if (option != null) {
      return List.of(option);
    }
    if (arg.length() < 3 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
      return List.of();
    }
    List<ServerOption> flags = new ArrayList<>();
    for (int i = 1; i < arg.length(); i++) {
      ServerOption flag = find("-" + arg.charAt(i));
      if (flag == null || flag.kind() != FLAG) {
        return List.of();
      }
      flags.add(flag);
    }
    return flags;
  }

  private static ServerOption find(String name) {
    for (ServerOption option : ServerOption.values()) {
      if (option.isNamed(name)) {
        return option;
      }
    }
    return null;
  }
}
