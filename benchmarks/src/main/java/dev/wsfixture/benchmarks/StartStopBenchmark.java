package dev.wsfixture.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm start → first echo → stop, in one JVM, of wsfixture and each peer: what a test with a server
 * of its own pays once the JVM has loaded the classes. Sampled, so the report has the median
 * (p0.50) beside the mean and its error.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class StartStopBenchmark {

  @Param({"wsfixture", "mockwebserver", "undertow", "wiremock"})
  public String peer;

  private Peer subject;

  @Setup
  public void setUp() {
    subject = Peer.named(peer);
  }

  @Benchmark
  public void startFirstEchoStop() throws IOException {
    subject.cycle();
  }
}
