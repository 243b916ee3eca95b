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
 * times per server, the servers interleaved (each run starting with the next one) so that they
 * share the machine's noise, and prints per server the median (and range) of the time from exec to
 * the first answered request, from {@code main} to it, and of the child's CPU time up to it (all
 * its threads: on a busy machine it moves much less than wall time, but it does not show what a
 * second core gained).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.wsfixture.benchmarks.ColdStart \
 *     [--runs 20] [--jvm-arg ARG]... [--ref LABEL] [none] wsfixture mockwebserver undertow wiremock
 * </pre>
 *
 * A server can also be given as {@code LABEL=PEER} or {@code LABEL=PEER@CLASSPATH}, which runs PEER
 * from another build, e.g. {@code before=wsfixture@/tmp/old/wsfixture.jar:benchmarks.jar} (the
 * first class path entry wins): a before/after pair, interleaved. {@code --label-jvm-arg LABEL ARG}
 * gives one server's JVM an option, e.g. {@code --label-jvm-arg cds -XX:SharedArchiveFile=a.jsa}.
 * Ratios are to {@code --ref} (default: {@code wsfixture}, else the first server).
 */
public final class ColdStart {

  private ColdStart() {}

  /** One server to time: its label, the peer {@link FirstServer} starts, and the class path. */
  private record Subject(String label, String peer, String classPath) {
    static Subject parse(String arg) {
      String label = arg;
      String peer = arg;
      String classPath = System.getProperty("java.class.path");
      int equals = arg.indexOf('=');
      if (equals > 0) {
        label = arg.substring(0, equals);
        peer = arg.substring(equals + 1);
      }
      int at = peer.indexOf('@');
      if (at > 0) {
        classPath = peer.substring(at + 1);
        peer = peer.substring(0, at);
      }
      return new Subject(label, peer, classPath);
    }
  }

  /** The measurements of one subject, in nanoseconds. */
  private record Samples(List<Long> exec, List<Long> inMain, List<Long> cpu) {
    Samples() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = 20;
    String ref = null;
    List<String> jvmArgs = new ArrayList<>();
    Map<String, List<String>> labelJvmArgs = new LinkedHashMap<>();
    List<Subject> subjects = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--jvm-arg" -> jvmArgs.add(args[++i]);
        case "--ref" -> ref = args[++i];
        case "--label-jvm-arg" -> {
          String label = args[++i];
          labelJvmArgs.computeIfAbsent(label, l -> new ArrayList<>()).add(args[++i]);
        }
        default -> subjects.add(Subject.parse(args[i]));
      }
    }
    if (subjects.isEmpty()) {
      for (String peer : List.of("none", "wsfixture", "mockwebserver", "undertow", "wiremock")) {
        subjects.add(Subject.parse(peer));
      }
    }
    if (runs < 1 || runs > 1000) {
      throw new IllegalArgumentException("--runs must be 1 to 1000, was " + runs);
    }
    Map<String, Samples> samples = new LinkedHashMap<>();
    for (Subject subject : subjects) {
      samples.put(subject.label(), new Samples());
    }
    if (ref == null) {
      ref = samples.containsKey("wsfixture") ? "wsfixture" : subjects.get(0).label();
    } else if (!samples.containsKey(ref)) {
      throw new IllegalArgumentException("--ref " + ref + " is none of " + samples.keySet());
    }
    for (String label : labelJvmArgs.keySet()) {
      if (!samples.containsKey(label)) {
        throw new IllegalArgumentException(
            "--label-jvm-arg " + label + " names none of " + samples.keySet());
      }
    }
    for (int run = 0; run < runs; run++) {
      // Each run starts with the next server, so that none always runs first after a pause.
      for (int k = 0; k < subjects.size(); k++) {
        Subject subject = subjects.get((run + k) % subjects.size());
        List<String> options = new ArrayList<>(jvmArgs);
        options.addAll(labelJvmArgs.getOrDefault(subject.label(), List.of()));
        long[] times = once(subject, options);
        Samples s = samples.get(subject.label());
        s.exec().add(times[0]);
        s.inMain().add(times[1]);
        s.cpu().add(times[2]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "first server in a fresh JVM, median (min-max) of %d runs (jvm args %s %s)%n"
            + "%-14s %10s %22s %7s %22s %7s%n",
        runs,
        jvmArgs,
        labelJvmArgs,
        "server",
        "exec→echo",
        "main→echo",
        "vs " + ref,
        "CPU to echo",
        "vs " + ref);
    Samples reference = samples.get(ref);
    for (Map.Entry<String, Samples> entry : samples.entrySet()) {
      Samples s = entry.getValue();
      System.out.printf(
          Locale.ROOT,
          "%-14s %7.0f ms %22s %6.2fx %22s %6.2fx%n",
          entry.getKey(),
          median(s.exec()) / 1e6,
          spread(s.inMain()),
          median(s.inMain()) / median(reference.inMain()),
          spread(s.cpu()),
          median(s.cpu()) / median(reference.cpu()));
    }
    for (Map.Entry<String, Samples> entry : samples.entrySet()) {
      Samples s = entry.getValue();
      System.out.printf(
          Locale.ROOT,
          "JSON {\"server\":\"%s\",\"runs\":%d,\"exec_first_ms\":%.1f,\"main_first_ms\":%.1f,"
              + "\"cpu_first_ms\":%.1f}%n",
          entry.getKey(),
          runs,
          median(s.exec()) / 1e6,
          median(s.inMain()) / 1e6,
          median(s.cpu()) / 1e6);
    }
  }

  /** Returns {exec → first answer, main → first answer, CPU to first answer} in nanoseconds. */
  private static long[] once(Subject subject, List<String> jvmArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(subject.classPath());
    command.add(FirstServer.class.getName());
    command.add(subject.peer());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> seen = new ArrayList<>();
      long exec = -1;
      long inMain = -1;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("FIRST ")) {
          exec = System.nanoTime() - t0;
          inMain = Long.parseLong(line.substring(6).trim());
        } else if (line.startsWith("CPU ") && exec >= 0) {
          return new long[] {exec, inMain, Long.parseLong(line.substring(4).trim())};
        } else if (seen.size() < 20) {
          seen.add(line);
        }
      }
      if (exec >= 0) {
        return new long[] {exec, inMain, -1}; // a FirstServer that does not report CPU
      }
      throw new IOException(subject.label() + " answered no request; its output: " + seen);
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

  private static String spread(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "%.0f ms (%d-%d)",
        median(values) / 1e6,
        sorted[0] / 1_000_000,
        sorted[sorted.length - 1] / 1_000_000);
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
