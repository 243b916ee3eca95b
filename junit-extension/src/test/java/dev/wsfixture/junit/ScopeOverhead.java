package dev.wsfixture.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.management.OperatingSystemMXBean;
import dev.wsfixture.EchoServer;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
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
    long[] none = new long[ROUNDS];
    long[] shared = new long[ROUNDS];
    long[] perTest = new long[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      none[round] = run(NoServer.class);
      shared[round] = run(ClassScoped.class);
      perTest[round] = run(MethodScoped.class);
      print("round " + (round + 1), none[round], shared[round], perTest[round]);
    }
    print("median", median(none), median(shared), median(perTest));
  }

  private static void print(String label, long none, long shared, long perTest) {
    System.out.printf(
        Locale.ROOT,
        "%s, %d tests, CPU time: no server %.3f ms/test; class-scoped (reset) %+.3f ms/test;"
            + " method-scoped (start+stop) %+.3f ms/test%n",
        label,
        TESTS,
        perTestMillis(none),
        perTestMillis(shared - none),
        perTestMillis(perTest - none));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double perTestMillis(long nanos) {
    return nanos / 1e6 / TESTS;
  }

  /**
   * The CPU time the whole process spent on one suite, in ns: steadier than wall time on a busy
   * machine.
   */
  private static long run(Class<?> suite) {
    long start = CPU.getProcessCpuTime();
    long succeeded =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(suite))
            .execute()
            .testEvents()
            .succeeded()
            .count();
    long elapsed = CPU.getProcessCpuTime() - start;
    if (succeeded != TESTS) {
      throw new IllegalStateException(suite.getSimpleName() + ": " + succeeded + " tests passed");
    }
    return elapsed;
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
