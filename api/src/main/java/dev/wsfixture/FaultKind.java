package dev.wsfixture;

import java.util.Optional;

/**
 * The kinds of {@link Fault}, each with the name the admin API uses ({@code POST
 * /__admin/faults/{name}}) and its record type. Adding a fault kind is a record in {@link Fault}, a
 * constant here, and its effect in each server: the compiler points at every place that must handle
 * it.
 */
public enum FaultKind {
  /** {@link Fault.Close}: one-shot. */
  CLOSE("close", Fault.Close.class, false),
  /** {@link Fault.Abort}: one-shot. */
  ABORT("abort", Fault.Abort.class, false),
  /** {@link Fault.Delay}: standing. */
  DELAY("delay", Fault.Delay.class, true),
  /** {@link Fault.Hang}: standing. */
  HANG("hang", Fault.Hang.class, true),
  /** {@link Fault.RefuseHandshakes}: standing until used up. */
  REFUSE_HANDSHAKES("refuse-handshakes", Fault.RefuseHandshakes.class, true),
  /** {@link Fault.DropMessages}: standing until used up. */
  DROP("drop", Fault.DropMessages.class, true),
  /** {@link Fault.Ping}: one-shot. */
  PING("ping", Fault.Ping.class, false),
  /** {@link Fault.DelayHandshakes}: standing until used up. */
  DELAY_HANDSHAKES("delay-handshakes", Fault.DelayHandshakes.class, true),
  /** {@link Fault.Fragment}: standing. */
  FRAGMENT("fragment", Fault.Fragment.class, true),
  /** {@link Fault.RawFrame}: one-shot. */
  FRAME("frame", Fault.RawFrame.class, false),
  /** {@link Fault.IgnoreClose}: standing. */
  IGNORE_CLOSE("ignore-close", Fault.IgnoreClose.class, true),
  /** {@link Fault.NoPong}: standing. */
  NO_PONG("no-pong", Fault.NoPong.class, true),
  /** {@link Fault.Throttle}: standing. */
  THROTTLE("throttle", Fault.Throttle.class, true),
  /** {@link Fault.StopReading}: standing. */
  STOP_READING("stop-reading", Fault.StopReading.class, true),
  /** {@link Fault.Cut}: one-shot. */
  CUT("cut", Fault.Cut.class, false);

  private final String wireName;
  private final Class<? extends Fault> type;
  private final boolean standing;

  FaultKind(String wireName, Class<? extends Fault> type, boolean standing) {
    this.wireName = wireName;
    this.type = type;
    this.standing = standing;
  }

  /** The name in the admin API's paths and in {@code GET /__admin/faults}, e.g. {@code "close"}. */
  public String wireName() {
    return wireName;
  }

  /** The record that describes a fault of this kind. */
  public Class<? extends Fault> type() {
    return type;
  }

  /**
   * Whether a fault of this kind stays in force (until used up or reset) rather than acting once on
   * the connections open now.
   */
  public boolean standing() {
    return standing;
  }

  /** The kind named {@code wireName} in the admin API, if there is one. */
  public static Optional<FaultKind> byWireName(String wireName) {
    for (FaultKind kind : values()) {
      if (kind.wireName.equals(wireName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
