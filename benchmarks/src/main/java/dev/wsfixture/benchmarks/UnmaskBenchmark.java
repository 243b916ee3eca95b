package dev.wsfixture.benchmarks;

import io.undertow.websockets.core.function.ChannelFunction;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * Unmasking a client frame's payload (RFC 6455 5.3) in a direct buffer, as the server's read path
 * does: Undertow's own {@code Masker}, which XORs a byte at a time through {@code
 * ByteBuffer.get/put}, against a long at a time (what Netty and Jetty do). Measures only the
 * unmask: where a faster one could live is discussed in benchmarks/README.md ("64 KiB messages").
 * Undertow's class is used as it is, through its package-private constructor; nothing here replaces
 * it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class UnmaskBenchmark {

  private static final int KEY = 0x37FA213D;

  @Param({"32", "16384", "65536"})
  int size;

  private ByteBuffer buffer;
  private ChannelFunction undertowMasker;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    buffer = ByteBuffer.allocateDirect(size);
    for (int i = 0; i < size; i++) {
      buffer.put(i, (byte) i);
    }
    Constructor<?> constructor =
        Class.forName("io.undertow.websockets.core.protocol.version07.Masker")
            .getDeclaredConstructor(int.class);
    constructor.setAccessible(true);
    undertowMasker = (ChannelFunction) constructor.newInstance(KEY);
  }

  @Benchmark
  public ByteBuffer undertowByteAtATime() throws IOException {
    undertowMasker.afterRead(buffer, 0, size);
    return buffer;
  }

  @Benchmark
  public ByteBuffer longAtATime() {
    unmask(buffer, 0, size, KEY, 0);
    return buffer;
  }

  /**
   * XORs {@code length} bytes from {@code position} with the 4-byte {@code key}, starting at key
   * byte {@code offset} (0-3, where the previous buffer of the same frame stopped); returns the
   * offset to continue with.
   */
  static int unmask(ByteBuffer buffer, int position, int length, int key, int offset) {
    int i = position;
    int end = position + length;
    // Line the key up with the bytes as they lie in memory, in the buffer's byte order.
    int rotated = Integer.rotateLeft(key, 8 * offset);
    long big = (rotated & 0xFFFFFFFFL) << 32 | (rotated & 0xFFFFFFFFL);
    long mask = buffer.order() == ByteOrder.BIG_ENDIAN ? big : Long.reverseBytes(big);
    for (; i + 8 <= end; i += 8) {
      buffer.putLong(i, buffer.getLong(i) ^ mask);
    }
    int k = offset + (i - position);
    for (; i < end; i++, k++) {
      buffer.put(i, (byte) (buffer.get(i) ^ (key >>> (24 - 8 * (k & 3)))));
    }
    return k & 3;
  }
}
