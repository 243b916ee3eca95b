package dev.wsfixture.benchmarks;

import java.time.Duration;

/**
 * The child process of {@link ColdStart}: starts one server in a fresh JVM, answers one request,
 * prints {@code FIRST <nanoseconds since main>}, then {@code CPU <nanoseconds>} (the CPU time of
 * the whole process, every thread, up to that answer, or -1 where the OS does not tell) and exits.
 * {@code none} only prints, for the cost of the JVM itself.
 */
public final class FirstServer {

  private FirstServer() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    if (!args[0].equals("none")) {
      Peer peer = Peer.named(args[0]);
      try (Peer.Running running = peer.start()) {
        peer.firstRequest(running.port());
        long first = System.nanoTime() - t0;
        // Read after the clock, so that what it loads is not timed.
        long cpu = processCpu();
        System.out.println("FIRST " + first);
        System.out.println("CPU " + cpu);
        System.out.flush();
      }
    } else {
      long first = System.nanoTime() - t0;
      System.out.println("FIRST " + first);
      System.out.println("CPU " + processCpu());
    }
    System.exit(0);
  }

  private static long processCpu() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }
}
