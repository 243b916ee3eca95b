package dev.wsfixture.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The live threads and open file descriptors of this JVM, counted before and after a loop of server
 * lifetimes to show that the loop leaks neither.
 *
 * @param threads live threads
 * @param fileDescriptors entries of /proc/self/fd
 */
public record ProcessResources(int threads, long fileDescriptors) {

  /**
   * Slack for what the JVM itself creates and ends on its own schedule during a loop: JIT compiler
   * threads (their number is dynamic), the common pool, the Attach/Signal threads; and for fds, jar
   * files that class loading opens lazily and the directory handle of /proc/self/fd. A leak of one
   * thread or socket per server exceeds it many times over in a loop of hundreds of servers.
   */
  public static final int THREAD_SLACK = 4;

  public static final int FD_SLACK = 4;

  public static ProcessResources now() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return new ProcessResources(Thread.getAllStackTraces().size(), fds.count());
    } catch (IOException e) {
      throw new UncheckedIOException("could not list /proc/self/fd (this test needs Linux)", e);
    }
  }

  /** Waits up to {@code timeout} for the counts to come back within the slack of these. */
  public void awaitNoLeak(int cycles, Duration timeout) {
    await("thread and fd counts back to what they were after warm-up")
        .atMost(timeout)
        .untilAsserted(
            () -> {
              ProcessResources after = now();
              assertThat(after.threads())
                  .as("live threads after %d cycles, %d before", cycles, threads)
                  .isLessThanOrEqualTo(threads + THREAD_SLACK);
              assertThat(after.fileDescriptors())
                  .as(
                      "open fds in /proc/self/fd after %d cycles, %d before",
                      cycles, fileDescriptors)
                  .isLessThanOrEqualTo(fileDescriptors + FD_SLACK);
            });
  }
}
