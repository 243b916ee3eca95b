package dev.wsfixture.server.internal.cli;

/**
 * A bad command line or environment variable: an unknown option, a missing or unacceptable value.
 * Its message is one clear sentence for the user; the program adds its name and a pointer to {@code
 * --help}, and exits with status 2.
 */
final class UsageException extends Exception {

  UsageException(String message) {
    super(message);
  }
}
