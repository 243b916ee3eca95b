package dev.wsfixture.server.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The training run of the standalone server's class-data archive, run once while the launcher
 * ({@code server/target/wsfixture-server}) or the image is built ({@code java
 * -XX:ArchiveClassesAtExit=... -cp wsfixture-server.jar ...CdsTraining}): starts the standalone
 * server with its defaults on a free loopback port, asks for its health, echoes a text and a binary
 * message, closes, and exits, so that the archive holds what the server loads before its first
 * echo. Not for users.
 */
public final class CdsTraining {

  private static final long DEADLINE_NANOS = 30_000_000_000L;

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    StandaloneJvm.prepare();
    int port = freePort();
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
    List<String> options = List.of("--port", Integer.toString(port));
    Thread server =
        new Thread(() -> StandaloneMain.run(options, Map.of(), discard, System.err), "server");
    server.setDaemon(true);
    server.start();
    long start = System.nanoTime();
    while (true) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        http(
            socket, "GET /__admin/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        break;
      } catch (IOException notYet) {
        if (System.nanoTime() - start > DEADLINE_NANOS) {
          throw new IOException("the server did not listen on port " + port + " in 30 s", notYet);
        }
        Thread.onSpinWait();
      }
    }
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      String key = Base64.getEncoder().encodeToString(new byte[16]);
      String head =
          http(
              socket,
              "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: "
                  + key
                  + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IOException("no 101 from the training server: " + head);
      }
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      frame(out, 0x1, "training".getBytes(StandardCharsets.UTF_8));
      expect(in, 0x1);
      frame(out, 0x2, new byte[] {1, 2, 3});
      expect(in, 0x2);
      frame(out, 0x8, new byte[] {0x03, (byte) 0xE8});
      expect(in, 0x8);
    }
    System.exit(0);
  }

  /** A port that was free a moment ago on the loopback interface. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Writes a request and reads the answer's head, up to the empty line. */
  private static String http(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = socket.getInputStream().read()) >= 0) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** A final, masked client frame with a payload under 126 bytes. */
  private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[2 + 4 + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    out.write(frame);
    out.flush();
  }

  /** Reads one unmasked server frame with a payload under 126 bytes and checks its opcode. */
  private static void expect(DataInputStream in, int opcode) throws IOException {
    int first = in.readUnsignedByte();
    int length = in.readUnsignedByte() & 0x7F;
    in.readFully(new byte[length]);
    if ((first & 0x0F) != opcode) {
      throw new IOException("expected opcode " + opcode + ", got " + (first & 0x0F));
    }
  }
}
