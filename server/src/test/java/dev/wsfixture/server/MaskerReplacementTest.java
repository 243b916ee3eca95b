package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.undertow.websockets.core.function.ChannelFunction;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The long-at-a-time {@code Masker} of the standalone jar (src/standalone/java) against Undertow's
 * own, both run here side by side: Undertow's from undertow-core on the test class path, ours from
 * target/standalone-classes through a class loader that defines only that one class. Same bytes and
 * the same key position after every call, for random buffers (heap and direct, both byte orders,
 * slices), positions, lengths, keys and ways of splitting a frame's payload over calls, and the
 * same exception and leftovers where a call fails.
 */
class MaskerReplacementTest {

  private static final String MASKER = "io.undertow.websockets.core.protocol.version07.Masker";

  private static Class<?> ours;
  private static Class<?> undertows;

  @BeforeAll
  static void loadBoth() throws IOException, ClassNotFoundException {
    Path classes =
        Path.of(System.getProperty("wsfixture.standaloneClasses", "target/standalone-classes"));
    byte[] bytes = Files.readAllBytes(classes.resolve(MASKER.replace('.', '/') + ".class"));
    ClassLoader testLoader = MaskerReplacementTest.class.getClassLoader();
    ours = new OneClassLoader(testLoader, MASKER, bytes).loadClass(MASKER);
    undertows = Class.forName(MASKER, false, testLoader);
  }

  @Test
  void theTwoAreDifferentClassesUndertowsFromItsJar() {
    assertThat(ours).isNotSameAs(undertows);
    assertThat(undertows.getProtectionDomain().getCodeSource().getLocation().getPath())
        .contains("undertow-core");
    assertThat(Arrays.stream(ours.getDeclaredMethods()).map(Method::getName))
        .as("ours has its slow path for the cases that throw")
        .contains("byteAtATime");
    assertThat(Arrays.stream(undertows.getDeclaredMethods()).map(Method::getName))
        .doesNotContain("byteAtATime");
  }

  @Test
  void sameBytesAndKeyPositionForRandomBuffersPositionsLengthsAndSplits() throws Exception {
    Random random = new Random(20261130);
    for (int round = 0; round < 4000; round++) {
      int capacity = round % 50 == 0 ? 65536 + random.nextInt(100) : random.nextInt(300);
      long seed = random.nextLong();
      ByteBuffer a = buffer(new Random(seed), capacity);
      ByteBuffer b = buffer(new Random(seed), capacity);
      int key = random.nextInt();
      Pair pair;
      if (random.nextBoolean()) {
        pair = new Pair(key);
      } else {
        // A masker reused for a new frame, as Undertow's sink channel does.
        pair = new Pair(random.nextInt());
        pair.call(a, b, 0, Math.min(3, capacity), random.nextBoolean());
        pair.setMaskingKey(key);
      }
      int at = random.nextInt(capacity + 1);
      int end = at + random.nextInt(capacity - at + 1);
      while (at < end) {
        int length = random.nextInt(4) == 0 ? end - at : 1 + random.nextInt(Math.min(70, end - at));
        pair.call(a, b, at, length, random.nextBoolean());
        String where =
            String.format(
                "round %d: %s capacity %d, key %08x, call at %d for %d bytes",
                round, kind(a), capacity, key, at, length);
        assertThat(contents(a)).as(where).isEqualTo(contents(b));
        assertThat(pair.oursM()).as(where + ": key position").isEqualTo(pair.undertowsM());
        at += length;
        if (random.nextInt(10) == 0) {
          at = Math.min(end, at + random.nextInt(5)); // a gap: calls need not be contiguous
        }
      }
    }
  }

  @Test
  void a64KiBPayloadUnmaskedInOnePieceOrInManyIsWhatRfc6455Says() throws Exception {
    Random random = new Random(7);
    byte[] payload = new byte[65536 + 13];
    random.nextBytes(payload);
    byte[] key = {0x37, (byte) 0xFA, 0x21, 0x3D};
    byte[] expected = payload.clone();
    for (int i = 0; i < expected.length; i++) {
      expected[i] ^= key[i & 3]; // RFC 6455 5.3: byte i XOR key byte (i mod 4)
    }
    ByteBuffer whole = ByteBuffer.allocateDirect(payload.length).put(payload).clear();
    Pair.create(ours, 0x37FA213D).afterRead(whole, 0, payload.length);
    assertThat(contents(whole)).as("in one call").isEqualTo(expected);

    ByteBuffer pieces = ByteBuffer.allocateDirect(payload.length).put(payload).clear();
    ChannelFunction masker = Pair.create(ours, 0x37FA213D);
    for (int at = 0; at < payload.length; ) {
      int length = Math.min(payload.length - at, 1 + random.nextInt(4099));
      masker.afterRead(pieces, at, length);
      at += length;
    }
    assertThat(contents(pieces)).as("in pieces of 1 to 4099 bytes").isEqualTo(expected);
  }

  @Test
  void callsThatThrowLeaveTheSameBytesAndKeyPositionAsUndertows() throws Exception {
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      int capacity = 1 + random.nextInt(64);
      long seed = random.nextLong();
      int limit = random.nextInt(capacity + 1);
      boolean readOnly = round % 3 == 0;
      ByteBuffer a = limited(buffer(new Random(seed), capacity), limit, readOnly);
      ByteBuffer b = limited(buffer(new Random(seed), capacity), limit, readOnly);
      Pair pair = new Pair(random.nextInt());
      int position = random.nextInt(capacity + 4) - 2;
      int length = random.nextInt(capacity + 8) - 2;
      for (int call = 0; call < 2; call++) {
        Throwable theirs = catchThrowable(() -> pair.undertows.afterRead(b, position, length));
        Throwable mine = catchThrowable(() -> pair.ours.afterRead(a, position, length));
        String where =
            String.format(
                "round %d: %s%s limit %d, at %d for %d bytes, call %d",
                round, readOnly ? "read-only " : "", kind(a), limit, position, length, call);
        assertThat(mine == null ? null : mine.getClass())
            .as(where)
            .isEqualTo(theirs == null ? null : theirs.getClass());
        assertThat(contents(a)).as(where).isEqualTo(contents(b));
        assertThat(pair.oursM()).as(where + ": key position").isEqualTo(pair.undertowsM());
      }
    }
  }

  private static ByteBuffer limited(ByteBuffer buffer, int limit, boolean readOnly) {
    buffer.limit(limit);
    return readOnly ? buffer.asReadOnlyBuffer() : buffer;
  }

  /** One masker of each kind, made and driven alike. */
  private static final class Pair {
    ChannelFunction ours;
    ChannelFunction undertows;

    Pair(int key) throws ReflectiveOperationException {
      this.ours = create(MaskerReplacementTest.ours, key);
      this.undertows = create(MaskerReplacementTest.undertows, key);
    }

    static ChannelFunction create(Class<?> type, int key) throws ReflectiveOperationException {
      Constructor<?> constructor = type.getDeclaredConstructor(int.class);
      constructor.setAccessible(true);
      return (ChannelFunction) constructor.newInstance(key);
    }

    void setMaskingKey(int key) throws ReflectiveOperationException {
      ours.getClass().getMethod("setMaskingKey", int.class).invoke(ours, key);
      undertows.getClass().getMethod("setMaskingKey", int.class).invoke(undertows, key);
    }

    void call(ByteBuffer a, ByteBuffer b, int position, int length, boolean read)
        throws IOException {
      if (read) {
        ours.afterRead(a, position, length);
        undertows.afterRead(b, position, length);
      } else {
        ours.beforeWrite(a, position, length);
        undertows.beforeWrite(b, position, length);
      }
    }

    int oursM() throws ReflectiveOperationException {
      return m(ours);
    }

    int undertowsM() throws ReflectiveOperationException {
      return m(undertows);
    }

    private static int m(Object masker) throws ReflectiveOperationException {
      Field m = masker.getClass().getDeclaredField("m");
      m.setAccessible(true);
      return m.getInt(masker);
    }
  }

  /** A random buffer: heap or direct, either byte order, sometimes a slice of a larger one. */
  private static ByteBuffer buffer(Random random, int capacity) {
    int before = random.nextInt(3) == 0 ? 1 + random.nextInt(7) : 0;
    ByteBuffer whole =
        random.nextBoolean()
            ? ByteBuffer.allocate(before + capacity)
            : ByteBuffer.allocateDirect(before + capacity);
    byte[] bytes = new byte[before + capacity];
    random.nextBytes(bytes);
    whole.put(bytes).clear();
    ByteBuffer buffer = before == 0 ? whole : whole.position(before).slice();
    return buffer.order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] contents(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.capacity()];
    buffer.duplicate().clear().get(bytes);
    return bytes;
  }

  private static String kind(ByteBuffer buffer) {
    return (buffer.isDirect() ? "direct" : "heap") + " " + buffer.order();
  }

  /** Defines one class itself from the given bytes and leaves every other to its parent. */
  private static final class OneClassLoader extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    OneClassLoader(ClassLoader parent, String name, byte[] bytes) {
      super(parent);
      this.name = name;
      this.bytes = bytes;
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
      if (!className.equals(name)) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> loaded = findLoadedClass(className);
        return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
      }
    }
  }
}
