package dev.wsfixture.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal blocking WebSocket client over a plain socket, so that timing a server's first echo
 * does not also time the start-up of a client library. Loopback only; every read has a timeout.
 */
final class WsClient implements AutoCloseable {

  private static final byte[] LOOPBACK = {127, 0, 0, 1};
  private static final int TIMEOUT_MS = 10_000;
  private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private WsClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  /** Connects to {@code ws://127.0.0.1:port/path} and completes the handshake. */
  static WsClient connect(int port, String path) throws IOException {
    WsClient client = new WsClient(open(port));
    try {
      client.handshake(port, path);
      return client;
    } catch (IOException | RuntimeException e) {
      client.socket.close();
      throw e;
    }
  }

  /** One round trip on a new connection: handshake, a TEXT message, its reply, a close frame. */
  static String echoOnce(int port, String text) throws IOException {
    try (WsClient client = connect(port, "/")) {
      client.sendText(text.getBytes(StandardCharsets.UTF_8));
      client.flush();
      return new String(client.readMessage(), StandardCharsets.UTF_8);
    }
  }

  /** One HTTP GET on a new connection; returns the status code. */
  static int httpGet(int port, String path) throws IOException {
    try (Socket socket = open(port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String[] status = readHead(new BufferedInputStream(socket.getInputStream())).split(" ", 3);
      return status.length > 1 ? Integer.parseInt(status[1]) : -1;
    }
  }

  private void handshake(int port, String path) throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    out.write(
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead(in);
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + head.lines().findFirst().orElse(""));
    }
    if (!head.toLowerCase().contains("sec-websocket-accept: " + acceptFor(key).toLowerCase())) {
      throw new IOException("wrong Sec-WebSocket-Accept in " + head);
    }
  }

  /** Writes one masked TEXT frame (buffered: call {@link #flush()}). */
  void sendText(byte[] payload) throws IOException {
    writeFrame(0x1, payload);
  }

  /** Writes one masked BINARY frame (buffered: call {@link #flush()}). */
  void sendBinary(byte[] payload) throws IOException {
    writeFrame(0x2, payload);
  }

  void flush() throws IOException {
    out.flush();
  }

  /** Reads frames until a whole TEXT or BINARY message has arrived; returns its payload. */
  byte[] readMessage() throws IOException {
    byte[] message = new byte[0];
    for (int frames = 0; frames < 100_000; frames++) {
      int b0 = read();
      int b1 = read();
      long length = b1 & 0x7f;
      if (length == 126) {
        length = (read() << 8) | read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | read();
        }
      }
      byte[] payload = in.readNBytes((int) length);
      if (payload.length != length) {
        throw new IOException("connection closed in a frame");
      }
      int opcode = b0 & 0x0f;
      if (opcode == 0x8) {
        throw new IOException("closed by the server");
      }
      if (opcode <= 0x2) {
        if (message.length == 0) {
          message = payload;
        } else {
          byte[] joined = new byte[message.length + payload.length];
          System.arraycopy(message, 0, joined, 0, message.length);
          System.arraycopy(payload, 0, joined, message.length, payload.length);
          message = joined;
        }
        if ((b0 & 0x80) != 0) {
          return message;
        }
      }
    }
    throw new IOException("no end of message in 100,000 frames");
  }

  private void writeFrame(int opcode, byte[] payload) throws IOException {
    out.write(0x80 | opcode);
    int length = payload.length;
    if (length < 126) {
      out.write(0x80 | length);
    } else if (length <= 0xffff) {
      out.write(0x80 | 126);
      out.write(length >>> 8);
      out.write(length);
    } else {
      out.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) length >>> shift));
      }
    }
    out.write(MASK);
    byte[] masked = new byte[length];
    for (int i = 0; i < length; i++) {
      masked[i] = (byte) (payload[i] ^ MASK[i & 3]);
    }
    out.write(masked);
  }

  private int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("connection closed early");
    }
    return b;
  }

  /** Sends a close frame (1000) and closes the socket without waiting for the answer. */
  @Override
  public void close() throws IOException {
    try {
      writeFrame(0x8, new byte[] {0x03, (byte) 0xe8});
      out.flush();
    } catch (IOException ignored) {
      // the server may have gone already; the socket is closed below either way
    } finally {
      socket.close();
    }
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MS);
    socket.connect(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), TIMEOUT_MS);
    return socket;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int matched = 0;
    for (int i = 0; i < 16384 && matched < 4; i++) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the response head: " + head);
      }
      head.append((char) b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString();
  }

  static String acceptFor(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest(
                  (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                      .getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}
