package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.server.StandaloneServerIT.ServerProcess;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.RawClient;
import io.undertow.websockets.core.function.ChannelFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The standalone jar holds wsfixture's long-at-a-time {@code Masker} in place of Undertow's (see
 * src/standalone/java), and a server started from it unmasks what real clients send: frames of
 * every length around the 8-byte steps, fragmented messages with a new key per frame, frames
 * written to the socket in odd pieces, and 64 KiB messages from the JDK's client.
 */
@Timeout(120)
class StandaloneMaskerIT {

  private static final String MASKER =
      "io/undertow/websockets/core/protocol/version07/Masker.class";
  private static final Path JAR =
      Path.of(System.getProperty("wsfixture.jar", "target/wsfixture-server.jar"));
  static final Path STANDALONE_CLASSES =
      Path.of(System.getProperty("wsfixture.standaloneClasses", "target/standalone-classes"));

  @Test
  void theJarHoldsOursInPlaceOfUndertowsAndNoOtherCopy() throws Exception {
    byte[] ours = Files.readAllBytes(STANDALONE_CLASSES.resolve(MASKER));
    byte[] undertows = undertowsMasker();
    assertThat(ours).as("ours differs from Undertow's").isNotEqualTo(undertows);
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      List<String> copies =
          Collections.list(jar.entries()).stream()
              .map(ZipEntry::getName)
              .filter(name -> name.endsWith("/version07/Masker.class"))
              .toList();
      assertThat(copies).containsExactly(MASKER);
      try (InputStream in = jar.getInputStream(jar.getEntry(MASKER))) {
        assertThat(in.readAllBytes()).as("the jar's Masker is ours").isEqualTo(ours);
      }
    }
  }

  @Test
  void echoesMaskedFramesOfEveryLengthFragmentedAndWrittenInPieces() throws Exception {
    Random random = new Random(42);
    try (ServerProcess server =
            ServerProcess.start("--host", "127.0.0.1", "--port", "0", "--quiet");
        RawClient client = RawClient.connect(server.awaitPort(), "/")) {
      int[] lengths = {
        0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 125, 126, 127, 1000, 65535, 65536, 70001
      };
      for (int length : lengths) {
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        writeInPieces(client, RawClient.frame(true, 0, RawClient.BINARY, payload, true), random);
        assertThat(readMessage(client)).as("echo of %d bytes", length).isEqualTo(payload);
      }
      // One message in frames of 1 to 23 bytes, each with its own key, text split inside UTF-8.
      String text = "ünïcödé ⚡ ".repeat(300);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      for (int at = 0; at < utf8.length; ) {
        int length = Math.min(utf8.length - at, 1 + random.nextInt(23));
        byte[] piece = Arrays.copyOfRange(utf8, at, at + length);
        int opcode = at == 0 ? RawClient.TEXT : RawClient.CONTINUATION;
        boolean fin = at + length == utf8.length;
        writeInPieces(client, RawClient.frame(fin, 0, opcode, piece, true), random);
        at += length;
      }
      assertThat(new String(readMessage(client), StandardCharsets.UTF_8))
          .isEqualTo("Echo: " + text);
    }
  }

  @Test
  void echoes64KiBMessagesFromTheJdkClient() throws Exception {
    Random random = new Random(64);
    try (ServerProcess server =
        ServerProcess.start("--host", "127.0.0.1", "--port", "0", "--quiet")) {
      int port = server.awaitPort();
      try (JdkClient client = JdkClient.connect(URI.create("ws://127.0.0.1:" + port + "/"))) {
        for (int i = 0; i < 20; i++) {
          byte[] payload = new byte[65536 + i];
          random.nextBytes(payload);
          client.send(payload);
          assertThat(client.nextBinary()).as("message %d", i).isEqualTo(payload);
        }
      }
    }
  }

  private static void writeInPieces(RawClient client, byte[] frame, Random random)
      throws IOException {
    for (int at = 0; at < frame.length; ) {
      int length = Math.min(frame.length - at, 1 + random.nextInt(frame.length < 64 ? 5 : 9000));
      client.write(Arrays.copyOfRange(frame, at, at + length));
      at += length;
    }
  }

  /** The payload of the next message, its frames put together. */
  private static byte[] readMessage(RawClient client) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    RawClient.Frame frame;
    do {
      frame = client.readFrame();
      message.writeBytes(frame.payload());
    } while (!frame.fin());
    return message.toByteArray();
  }

  private static byte[] undertowsMasker() throws IOException {
    Path undertowCore =
        Path.of(
            ChannelFunction.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (ZipFile jar = new ZipFile(undertowCore.toFile());
        InputStream in = jar.getInputStream(jar.getEntry(MASKER))) {
      return in.readAllBytes();
    }
  }
}
