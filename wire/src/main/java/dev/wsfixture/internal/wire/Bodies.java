package dev.wsfixture.internal.wire;

import dev.wsfixture.JournalEntry;
import java.util.List;

/**
 * The JSON bodies of admin requests and answers that are not public types, written once for both
 * sides of the admin API: the server reads and writes them, the container's client too.
 */
public final class Bodies {

  private Bodies() {}

  /** {@code POST /__admin/recording/start}: fields to mask besides the configured ones. */
  public record RecordingStart(List<String> maskFields) {}

  /**
   * The answer of {@code POST /__admin/recording/start} and {@code /stop}.
   *
   * @param recording whether new connections are recorded
   * @param file the {@code --record} file the lines also go to, or {@code null}
   * @param maskFields the fields masked
   * @param connections the connections in the recording
   * @param events its lines after the header
   * @param problem why writing stopped (a full disk), or {@code null}
   */
  public record RecordingStatus(
      boolean recording,
      String file,
      List<String> maskFields,
      long connections,
      long events,
      String problem) {}

  /** {@code GET /__admin/health}. */
  public record Health(String status) {}

  /** {@code POST /__admin/sessions}. */
  public record Register(String id) {}

  /**
   * The answer to {@code POST /__admin/sessions} and to {@code GET /stream?id=ID}.
   *
   * @param created false when the id was registered already
   */
  public record Registered(String id, boolean registered, boolean created) {}

  /** The answer to {@code DELETE /__admin/sessions/{id}}. */
  public record Removed(String id, boolean removed, int closed) {}

  /** {@code POST /__admin/push}: {@code text} or {@code base64}; no session broadcasts. */
  public record Push(String session, String text, String base64) {}

  /** {@code PUT /__admin/scenarios/{name}/state}: the state to put the scenario in. */
  public record ScenarioState(String state) {}

  /** How many connections an action reached. */
  public record Count(int count) {}

  /** {@code GET /__admin/journal/stats}. */
  public record JournalStats(int size, long dropped) {}

  /** Every error the server answers: {@code {"error": "...", "detail": "..."}}. */
  public record Error(String error, String detail) {}

  /** A confirmation without data: {@code {"ok":true}}. */
  public record Ok(boolean ok) {
    public static final Ok OK = new Ok(true);
  }

  /**
   * {@code GET /__admin/journal/reconnects}: the connection the server dropped, the handshake
   * attempts after it on its path, and the time before each attempt in milliseconds (the first from
   * the drop), as {@code dev.wsfixture.Reconnects} has them.
   */
  public record Reconnects(
      JournalEntry drop, List<JournalEntry> attempts, List<Long> intervalsMillis) {

    /** The wire shape of {@code reconnects}. */
    public static Reconnects of(dev.wsfixture.Reconnects reconnects) {
      return new Reconnects(
          reconnects.drop().orElse(null),
          reconnects.attempts(),
          reconnects.intervals().stream().map(java.time.Duration::toMillis).toList());
    }
  }
}
