package dev.wsfixture.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that builds every frame itself, so that a test can send what
 * no well-behaved client library would: unmasked frames, reserved opcodes, RSV bits, broken UTF-8,
 * half a frame. Reads block for at most {@link #READ_TIMEOUT_MILLIS}.
 */
public final class RawClient implements AutoCloseable {

  public static final int READ_TIMEOUT_MILLIS = 15_000;
  public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  public static final int CONTINUATION = 0x0;
  public static final int TEXT = 0x1;
  public static final int BINARY = 0x2;
  public static final int CLOSE = 0x8;
  public static final int PING = 0x9;
  public static final int PONG = 0xA;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Opens a TCP connection without any handshake. */
  public static RawClient open(int port) throws IOException {
    return new RawClient(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  /** Speaks over {@code socket}, already connected: a TLS socket, for one. */
  public static RawClient over(Socket socket) throws IOException {
    return new RawClient(socket);
  }

  /** Connects and completes the opening handshake at {@code path}, checking the 101 answer. */
  public static RawClient connect(int port, String path) throws IOException {
    RawClient client = open(port);
    String key = newKey();
    client.write(handshakeRequest(port, path, key, "13"));
    HttpAnswer answer = client.readHttpHead();
    assertThat(answer.status()).as("handshake status for %s: %s", path, answer).isEqualTo(101);
    assertThat(answer.header("Sec-WebSocket-Accept")).isEqualTo(acceptFor(key));
    return client;
  }

  public static String newKey() {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  public static String handshakeRequest(int port, String path, String key, String version) {
    return "GET "
        + path
        + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:"
        + port
        + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: "
        + key
        + "\r\n"
        + "Sec-WebSocket-Version: "
        + version
        + "\r\n\r\n";
  }

  /** RFC 6455 4.2.2: base64(SHA-1(key + GUID)). */
  public static String acceptFor(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JDK", e);
    }
  }

  public void write(String ascii) throws IOException {
    write(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** An HTTP response's status line and headers (names lower-cased), and its body if asked. */
  public record HttpAnswer(
      int status, String statusLine, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Reads an HTTP status line and headers, up to the empty line. */
  public HttpAnswer readHttpHead() throws IOException {
    String statusLine = readLine();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    return new HttpAnswer(status, statusLine, headers, null);
  }

  /** Reads a whole HTTP response whose body has a Content-Length. */
  public HttpAnswer readHttpResponse() throws IOException {
    HttpAnswer head = readHttpHead();
    String length = head.header("Content-Length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new HttpAnswer(
        head.status(), head.statusLine(), head.headers(), new String(body, StandardCharsets.UTF_8));
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in the middle of an HTTP head: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Sends one frame, masked as RFC 6455 5.3 requires of a client. */
  public void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
    write(frame(fin, 0, opcode, payload, true));
  }

  public void sendText(String text) throws IOException {
    sendFrame(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  public void sendClose(int code, String reason) throws IOException {
    sendFrame(true, CLOSE, closePayload(code, reason));
  }

  public static byte[] closePayload(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + text.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, text.length);
    return payload;
  }

  /** Builds a frame: any RSV bits (0-7), any opcode, masked or not. */
  public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | (opcode & 0xF));
    int maskBit = masked ? 0x80 : 0;
    if (payload.length <= 125) {
      frame.write(maskBit | payload.length);
    } else if (payload.length <= 0xFFFF) {
      frame.write(maskBit | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length);
    } else {
      frame.write(maskBit | 127);
      long length = payload.length;
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (length >> shift));
      }
    }
    if (!masked) {
      frame.writeBytes(payload);
      return frame.toByteArray();
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.writeBytes(mask);
    byte[] maskedPayload = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      maskedPayload[i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    frame.writeBytes(maskedPayload);
    return frame.toByteArray();
  }

  /**
   * Builds a frame header alone, with a 64-bit extended payload length whatever {@code length} is
   * (RFC 6455 5.2 wants its top bit 0; a negative {@code length} sets it), and a mask key if {@code
   * masked}: the payload, if any, is the caller's.
   */
  public static byte[] header(boolean fin, int opcode, long length, boolean masked) {
    ByteArrayOutputStream header = new ByteArrayOutputStream(14);
    header.write((fin ? 0x80 : 0) | (opcode & 0xF));
    header.write((masked ? 0x80 : 0) | 127);
    for (int shift = 56; shift >= 0; shift -= 8) {
      header.write((int) (length >> shift));
    }
    if (masked) {
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      header.writeBytes(mask);
    }
    return header.toByteArray();
  }

  /** A frame as the server sent it. */
  public record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    public int closeCode() {
      assertThat(opcode).as("opcode of a close frame").isEqualTo(CLOSE);
      return payload.length < 2 ? 1005 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
    }

    public String closeReason() {
      return payload.length <= 2
          ? ""
          : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "Frame{opcode=" + opcode + ", fin=" + fin + ", " + payload.length + " bytes}";
    }
  }

  public Frame readFrame() throws IOException {
    int first = readByte();
    int second = readByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = readByte() << 8 | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = length << 8 | readByte();
      }
    }
    boolean masked = (second & 0x80) != 0;
    byte[] mask = masked ? in.readNBytes(4) : null;
    byte[] payload = in.readNBytes(Math.toIntExact(length));
    if (payload.length != length) {
      throw new EOFException("frame cut short: " + payload.length + " of " + length + " bytes");
    }
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
    }
    return new Frame((first & 0x80) != 0, first >> 4 & 0x7, first & 0xF, masked, payload);
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("the server closed the TCP connection");
    }
    return b;
  }

  /** Reads the next data frame, which must be a final TEXT frame, and returns its text. */
  public String readText() throws IOException {
    Frame frame = readFrame();
    assertThat(frame.opcode()).as("opcode of %s (%s)", frame, frame.text()).isEqualTo(TEXT);
    assertThat(frame.fin()).as("FIN of %s", frame).isTrue();
    assertThat(frame.masked()).as("a server must not mask frames (RFC 6455 5.1)").isFalse();
    return frame.text();
  }

  /** Reads frames until a close frame arrives, and returns it. */
  public Frame readClose() throws IOException {
    for (int frames = 0; frames < 10_000; frames++) {
      Frame frame = readFrame();
      if (frame.opcode() == CLOSE) {
        return frame;
      }
    }
    throw new AssertionError("no close frame in 10,000 frames");
  }

  /** Whether the server closed the TCP connection: reads until EOF, discarding what comes. */
  public boolean awaitEndOfStream() throws IOException {
    byte[] sink = new byte[8192];
    try {
      while (in.read(sink) >= 0) {
        // discard
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      // A reset also ends the connection.
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
