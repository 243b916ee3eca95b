package dev.wsfixture.benchmarks;

/**
 * The child process of {@link ColdStart}: starts one server in a fresh JVM, answers one request,
 * prints {@code FIRST <nanoseconds since main>} and exits. {@code none} only prints, for the cost
 * of the JVM itself.
 */
public final class FirstServer {

  private FirstServer() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    if (!args[0].equals("none")) {
      Peer peer = Peer.named(args[0]);
      try (Peer.Running running = peer.start()) {
        peer.firstRequest(running.port());
        System.out.println("FIRST " + (System.nanoTime() - t0));
        System.out.flush();
      }
    } else {
      System.out.println("FIRST " + (System.nanoTime() - t0));
    }
    System.exit(0);
  }
}
