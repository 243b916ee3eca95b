package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Stub;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.testsupport.ProcessResources;
import dev.wsfixture.testsupport.RawClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Figures for the control plane, printed (never asserted on time): what {@code reset()} costs a
 * test, and that 1,000 start/reset/close cycles leave no thread or descriptor behind.
 */
@Timeout(600)
class ControlPlaneFiguresTest {

  private static final int RESET_WARM_UP = 500;
  private static final int RESETS = 5_000;
  private static final int CYCLE_WARM_UP = 50;
  private static final int CYCLES = 1_000;

  @Test
  void resetTimeIsPrintedAndResetRestoresTheStartState() throws Exception {
    try (EchoServer server = EchoServer.builder().session("0101").start();
        RawClient client = RawClient.connect(server.port(), "/")) {
      client.sendText("hello");
      assertThat(client.readText()).isEqualTo("Echo: hello");
      long[] nanos = new long[RESETS];
      for (int i = -RESET_WARM_UP; i < RESETS; i++) {
        dirty(server, i);
        long start = System.nanoTime();
        server.reset();
        long took = System.nanoTime() - start;
        if (i >= 0) {
          nanos[i] = took;
        }
      }
      assertThat(server.sessions()).containsExactly("0101");
      assertThat(server.faults().active()).isEmpty();
      assertThat(server.stubs().list()).isEmpty();
      assertThat(server.journal().entries()).isEmpty();
      client.sendText("still open");
      assertThat(client.readText()).isEqualTo("Echo: still open");
      Arrays.sort(nanos);
      System.out.printf(
          "FIGURE reset(): median %.1f us, p90 %.1f us, p99 %.1f us over %d resets"
              + " (each after a register, an unregister, a delay fault and a stub)%n",
          nanos[RESETS / 2] / 1e3,
          nanos[RESETS * 9 / 10] / 1e3,
          nanos[RESETS * 99 / 100] / 1e3,
          RESETS);

      long[] admin = new long[200];
      for (int i = -50; i < admin.length; i++) {
        dirty(server, i);
        long start = System.nanoTime();
        assertThat(http(server.port(), "POST /__admin/reset")).startsWith("HTTP/1.1 200");
        if (i >= 0) {
          admin[i] = System.nanoTime() - start;
        }
      }
      Arrays.sort(admin);
      System.out.printf(
          "FIGURE POST /__admin/reset over a new loopback connection: median %.1f us over %d%n",
          admin[admin.length / 2] / 1e3, admin.length);
    }
  }

  /** Changes every part of the state that reset() puts back. */
  private static void dirty(EchoServer server, int i) {
    server.register("a" + (i & 7));
    server.unregister("0101");
    server.faults().delayReplies(Duration.ofMillis(5));
    server.stubs().add(Stub.exact("x").reply("y"));
  }

  @Test
  void aThousandStartResetCloseCyclesLeaveNoThreadOrDescriptorBehind() throws Exception {
    for (int i = 0; i < CYCLE_WARM_UP; i++) {
      cycle(i);
    }
    ProcessResources before = ProcessResources.now();
    long start = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      cycle(i);
    }
    long took = System.nanoTime() - start;
    before.awaitNoLeak(CYCLES, Duration.ofSeconds(60));
    ProcessResources after = ProcessResources.now();
    System.out.printf(
        "FIGURE %d start/reset/close cycles (each with an admin request): threads %d -> %d,"
            + " fds %d -> %d, %.2f ms per cycle%n",
        CYCLES,
        before.threads(),
        after.threads(),
        before.fileDescriptors(),
        after.fileDescriptors(),
        took / 1e6 / CYCLES);
  }

  private static void cycle(int i) throws IOException {
    try (EchoServer server = EchoServer.builder().session("0101").start()) {
      server.faults().dropMessages(1);
      server.stubs().add(Stub.prefix("p").reply("q"));
      assertThat(http(server.port(), "GET /__admin/health")).startsWith("HTTP/1.1 200");
      server.reset();
    }
  }

  /** One request on its own raw connection, closed after the answer. */
  private static String http(int port, String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
