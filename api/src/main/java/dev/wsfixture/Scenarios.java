package dev.wsfixture;

import java.util.List;

/**
 * The scenarios of a server's stub rules: named state machines that make a rule fire only in one
 * state ({@link Stub#whenScenarioStateIs(String)}) and move the scenario on when it fires ({@link
 * Stub#willSetStateTo(String)}), as in WireMock. A scenario exists while a rule names it, and
 * starts in {@value #STARTED}. Obtained from {@link Stubs#scenarios()}; the admin API offers the
 * same under {@code /__admin/scenarios}. {@link WebSocketFixture#reset()} removes the rules, and
 * with them the scenarios.
 *
 * <p>A scenario's state belongs to the server, not to a connection: every connection a rule listens
 * to sees the same state. Give each client its own scenario (and {@link Stub#onSession(String)}) to
 * keep concurrent clients apart.
 */
public interface Scenarios {

  /** The state every scenario starts in. */
  String STARTED = "Started";

  /** The scenarios the rules name, in the order of the first rule that names each. */
  List<Scenario> list();

  /**
   * The state scenario {@code name} is in.
   *
   * @throws IllegalArgumentException if no rule names that scenario
   */
  String state(String name);

  /**
   * Puts scenario {@code name} in {@code state}, as if a rule had moved it there.
   *
   * @throws IllegalArgumentException if no rule names that scenario, or none names that state
   */
  void set(String name, String state);

  /** Puts every scenario back in {@value #STARTED}, keeping the rules. */
  void reset();
}
