package dev.wsfixture.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.management.OperatingSystemMXBean;
import dev.wsfixture.embedded.EchoServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Measures what a server costs each test: a suite of 1,000 tests with a class-scoped server (one
 * start, then a reset before each test), with a method-scoped server (a start and a stop per test),
 * and with no server at all, whose time is subtracted. Not a test: it asserts nothing about time.
 * Run it with the test classpath:
 *
 * <pre>{@code
 * mvn -B -q -pl junit-extension -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp junit-extension/target/test-classes:junit-extension/target/classes:$(cat junit-extension/target/cp.txt) \
 *     dev.wsfixture.junit.ScopeOverhead
 * }</pre>
 */
public final class ScopeOverhead {

  private static final int TESTS = 1_000;
  private static final int ROUNDS = 5;
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ScopeOverhead() {}

  public static void main(String[] args) {
    run(NoServer.class); // warm-up: JIT, class loading, the XNIO worker
    run(ClassScoped.class);
    run(MethodScoped.class);
    List<Cost> none = new ArrayList<>();
    List<Cost> shared = new ArrayList<>();
    List<Cost> perTest = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      none.add(run(NoServer.class));
      shared.add(run(ClassScoped.class));
      perTest.add(run(MethodScoped.class));
      System.out.printf(
          Locale.ROOT,
          "round %d: class-scoped (reset) %+.3f ms CPU per test; method-scoped (start+stop)"
              + " %+.3f ms CPU per test%n",
          round,
          perTestMillis(shared.get(round - 1).cpu - none.get(round - 1).cpu),
          perTestMillis(perTest.get(round - 1).cpu - none.get(round - 1).cpu));
    }
    for (String clock : List.of("CPU", "wall")) {
      ToLongFunction<Cost> time = clock.equals("CPU") ? Cost::cpu : Cost::wall;
      long base = median(none, time);
      System.out.printf(
          Locale.ROOT,
          "median of %d rounds of %d tests, %s time: no server %.3f ms per test;"
              + " class-scoped (reset) %+.3f ms; method-scoped (start+stop) %+.3f ms%n",
          ROUNDS,
          TESTS,
          clock,
          perTestMillis(base),
          perTestMillis(median(shared, time) - base),
          perTestMillis(median(perTest, time) - base));
    }
  }

  /** The CPU time of the whole process and the wall time one suite took, in ns. */
  record Cost(long cpu, long wall) {}

  private static long median(List<Cost> costs, ToLongFunction<Cost> time) {
    long[] sorted = costs.stream().mapToLong(time).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static double perTestMillis(long nanos) {
    return nanos / 1e6 / TESTS;
  }

  private static Cost run(Class<?> suite) {
    long cpu = CPU.getProcessCpuTime();
    long wall = System.nanoTime();
    long succeeded =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(suite))
            .execute()
            .testEvents()
            .succeeded()
            .count();
    Cost cost = new Cost(CPU.getProcessCpuTime() - cpu, System.nanoTime() - wall);
    if (succeeded != TESTS) {
      throw new IllegalStateException(suite.getSimpleName() + ": " + succeeded + " tests passed");
    }
    return cost;
  }

  static class NoServer {
    @RepeatedTest(TESTS)
    void test() {}
  }

  @WebSocketEchoServer
  static class ClassScoped {
    @RepeatedTest(TESTS)
    void test(EchoServer server) {
      server.port();
    }
  }

  static class MethodScoped {
    @RepeatedTest(TESTS)
    @WebSocketEchoServer
    void test(EchoServer server) {
      server.port();
    }
  }
}
