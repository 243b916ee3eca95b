package dev.wsfixture.internal.wire;

import dev.wsfixture.FaultKind;

/** The paths of the admin API below {@code /__admin/}, for both of its sides. */
public final class AdminPaths {

  private AdminPaths() {}

  /** Where the admin API is mounted. */
  public static final String PREFIX = "/__admin/";

  public static final String HEALTH = "health";
  public static final String SESSIONS = "sessions";
  public static final String CONNECTIONS = "connections";
  public static final String JOURNAL = "journal";
  public static final String JOURNAL_WAIT = "journal/wait";
  public static final String JOURNAL_STATS = "journal/stats";
  public static final String JOURNAL_RECONNECTS = "journal/reconnects";
  public static final String PUSH = "push";
  public static final String FAULTS = "faults";
  public static final String STUBS = "stubs";
  public static final String SCENARIOS = "scenarios";
  public static final String SCENARIOS_RESET = "scenarios/reset";
  public static final String RESET = "reset";
  public static final String RESTART = "restart";
  public static final String RECORDING = "recording";
  public static final String RECORDING_START = "recording/start";
  public static final String RECORDING_STOP = "recording/stop";

  /**
   * {@code scenarios/NAME/state}, where scenario {@code name} is put in a state; a valid scenario
   * name needs no encoding.
   */
  public static String scenarioState(String name) {
    return SCENARIOS + "/" + name + "/state";
  }

  /** {@code faults/KIND}, where a fault of {@code kind} is applied. */
  public static String fault(FaultKind kind) {
    return FAULTS + "/" + kind.wireName();
  }
}
