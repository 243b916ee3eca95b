package dev.wsfixture.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The first server in a fresh JVM, class loading included: runs {@link FirstServer} in a new JVM N
 * times per server, the servers interleaved so that they share the machine's noise, and prints the
 * median time from exec to the first answered request, and from {@code main} to it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.wsfixture.benchmarks.ColdStart \
 *     [--runs 20] [--jvm-arg ARG]... [none] wsfixture mockwebserver undertow wiremock
 * </pre>
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    int runs = 20;
    List<String> jvmArgs = new ArrayList<>();
    List<String> peers = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--jvm-arg" -> jvmArgs.add(args[++i]);
        default -> peers.add(args[i]);
      }
    }
    if (peers.isEmpty()) {
      peers = List.of("none", "wsfixture", "mockwebserver", "undertow", "wiremock");
    }
    if (runs < 1 || runs > 1000) {
      throw new IllegalArgumentException("--runs must be 1 to 1000, was " + runs);
    }
    Map<String, List<Long>> exec = new LinkedHashMap<>();
    Map<String, List<Long>> inMain = new LinkedHashMap<>();
    for (String peer : peers) {
      exec.put(peer, new ArrayList<>());
      inMain.put(peer, new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      for (String peer : peers) {
        long[] times = once(peer, jvmArgs);
        exec.get(peer).add(times[0]);
        inMain.get(peer).add(times[1]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "first server in a fresh JVM, median of %d runs (jvm args %s)%n%-14s %12s %12s %10s%n",
        runs,
        jvmArgs,
        "server",
        "exec→echo",
        "main→echo",
        "vs wsfix.");
    double reference = median(inMain.getOrDefault("wsfixture", inMain.get(peers.get(0))));
    for (String peer : peers) {
      double main = median(inMain.get(peer));
      System.out.printf(
          Locale.ROOT,
          "%-14s %9.0f ms %9.0f ms %9.2fx%n",
          peer,
          median(exec.get(peer)) / 1e6,
          main / 1e6,
          main / reference);
    }
    for (String peer : peers) {
      System.out.printf(
          Locale.ROOT,
          "JSON {\"server\":\"%s\",\"runs\":%d,\"exec_first_ms\":%.1f,\"main_first_ms\":%.1f}%n",
          peer,
          runs,
          median(exec.get(peer)) / 1e6,
          median(inMain.get(peer)) / 1e6);
    }
  }

  /** Returns {exec → first answer, main → first answer} in nanoseconds. */
  private static long[] once(String peer, List<String> jvmArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FirstServer.class.getName());
    command.add(peer);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> seen = new ArrayList<>();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("FIRST ")) {
          long exec = System.nanoTime() - t0;
          return new long[] {exec, Long.parseLong(line.substring(6).trim())};
        }
        if (seen.size() < 20) {
          seen.add(line);
        }
      }
      throw new IOException(peer + " answered no request; its output: " + seen);
    } finally {
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
