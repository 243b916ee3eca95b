package dev.wsfixture.benchmarks;

import dev.wsfixture.embedded.EchoServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code reset()} of a class-scoped server, what {@code @WebSocketEchoServer} calls before each
 * test: alone, and after a test registered a session of its own. Sampled for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ResetBenchmark {

  private EchoServer server;

  @Setup
  public void start() {
    server = EchoServer.builder().sessions("0101", "0202").start();
  }

  @TearDown
  public void stop() {
    server.close();
  }

  @Benchmark
  public void reset() {
    server.reset();
  }

  @Benchmark
  public void registerThenReset() {
    server.register("0303");
    server.reset();
  }
}
