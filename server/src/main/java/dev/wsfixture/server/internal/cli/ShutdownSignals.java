package dev.wsfixture.server.internal.cli;

/**
 * Runs a stop action when the JVM is asked to stop (SIGINT, SIGTERM), then ends the process with
 * status 0, as a container runtime expects of a service that stopped on request. Without the halt
 * the JVM would report 130 or 143 for a clean, requested stop.
 */
final class ShutdownSignals {

  private ShutdownSignals() {}

  static void onStop(Runnable stop) {
    Thread hook =
        new Thread(
            () -> {
              stop.run();
              System.out.flush();
              Runtime.getRuntime().halt(0);
            },
            "wsfixture-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }
}
