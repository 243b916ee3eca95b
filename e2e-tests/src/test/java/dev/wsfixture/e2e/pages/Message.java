package dev.wsfixture.e2e.pages;

/**
 * One entry of the page's message list, as the page shows it.
 *
 * @param kind {@code sent}, {@code received}, {@code pushed} or {@code system}
 * @param text the shown text (a long message is shortened to its first 2,000 characters)
 * @param time the local time shown beside it, {@code HH:mm:ss.SSS}
 * @param length the full length in characters of a sent, received or pushed message; {@code null}
 *     for system lines
 */
public record Message(String kind, String text, String time, Integer length) {

  public static final String SENT = "sent";
  public static final String RECEIVED = "received";
  public static final String PUSHED = "pushed";
  public static final String SYSTEM = "system";

  /** Whether this is a message that went over the socket, rather than a system line. */
  public boolean isWire() {
    return !SYSTEM.equals(kind);
  }
}
