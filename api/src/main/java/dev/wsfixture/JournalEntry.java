package dev.wsfixture;

import dev.wsfixture.internal.api.JournalEntryAccess;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing that happened on a WebSocket connection: a message received or sent, a connection
 * opened or closed, or a handshake attempt. Entries are immutable values, equal when all their
 * accessors are, and ordered by {@link #sequence()}.
 *
 * <p>In the admin API's JSON an entry is an object with one field per accessor from {@link
 * #sequence()} to {@link #status()}, in that order, which any JSON library reads; the public
 * constructor takes the same fields, in the same order.
 */
public final class JournalEntry {

  static {
    JournalEntryAccess.register(
        (sequence,
            time,
            connectionId,
            path,
            sessionId,
            direction,
            type,
            origin,
            size,
            text,
            payload,
            closeCode,
            stub) ->
            new JournalEntry(
                sequence,
                time,
                connectionId,
                path,
                sessionId,
                direction,
                type,
                origin,
                size,
                text,
                payload,
                closeCode,
                stub,
                null,
                null,
                null,
                null,
                null));
  }

  private final long sequence;
  private final Instant time;
  private final long connectionId;
  private final String path;
  private final String sessionId;
  private final Direction direction;
  private final EntryType type;
  private final Origin origin;
  private final int size;
  private final String text;

  /** The payload of a BINARY, PING or PONG entry, else null. Never handed out: see bytes(). */
  private final byte[] payload;

  private final Integer closeCode;
  private final String stub;
  private final String remoteAddress;
  private final String originHeader;
  private final List<String> subprotocols;
  private final List<String> extensions;
  private final Integer status;

  /**
   * The base64 of {@code payload}, made on the first call of {@link #base64()}: recording a frame
   * never encodes it. Not volatile: two threads may both encode, and either String is right.
   */
  private String base64;

  /**
   * An entry without the fields of a {@link EntryType#HANDSHAKE} entry, which are {@code null}; the
   * parameters are those of the accessors.
   *
   * @throws NullPointerException if {@code time}, {@code path}, {@code direction}, {@code type} or
   *     {@code origin} is null
   * @throws IllegalArgumentException if {@code base64} is not valid base64
   */
  public JournalEntry(
      long sequence,
      Instant time,
      long connectionId,
      String path,
      String sessionId,
      Direction direction,
      EntryType type,
      Origin origin,
      int size,
      String text,
      String base64,
      Integer closeCode,
      String stub) {
    this(
        sequence,
        time,
        connectionId,
        path,
        sessionId,
        direction,
        type,
        origin,
        size,
        text,
        base64,
        closeCode,
        stub,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * An entry as the admin API's JSON describes it; the parameters are those of the accessors.
   *
   * @throws NullPointerException if {@code time}, {@code path}, {@code direction}, {@code type} or
   *     {@code origin} is null
   * @throws IllegalArgumentException if {@code base64} is not valid base64
   */
  public JournalEntry(
      long sequence,
      Instant time,
      long connectionId,
      String path,
      String sessionId,
      Direction direction,
      EntryType type,
      Origin origin,
      int size,
      String text,
      String base64,
      Integer closeCode,
      String stub,
      String remoteAddress,
      String originHeader,
      List<String> subprotocols,
      List<String> extensions,
      Integer status) {
    this(
        sequence,
        time,
        connectionId,
        path,
        sessionId,
        direction,
        type,
        origin,
        size,
        text,
        base64 == null ? null : Base64.getDecoder().decode(base64),
        closeCode,
        stub,
        remoteAddress,
        originHeader,
        subprotocols,
        extensions,
        status);
  }

  /**
   * Keeps {@code payload} as it is, without a copy: only for the public constructor, which decoded
   * it, and for the journal, through {@link JournalEntryAccess}, which never changes an array it
   * handed over.
   */
  private JournalEntry(
      long sequence,
      Instant time,
      long connectionId,
      String path,
      String sessionId,
      Direction direction,
      EntryType type,
      Origin origin,
      int size,
      String text,
      byte[] payload,
      Integer closeCode,
      String stub,
      String remoteAddress,
      String originHeader,
      List<String> subprotocols,
      List<String> extensions,
      Integer status) {
    this.sequence = sequence;
    this.time = Objects.requireNonNull(time, "time");
    this.connectionId = connectionId;
    this.path = Objects.requireNonNull(path, "path");
    this.sessionId = sessionId;
    this.direction = Objects.requireNonNull(direction, "direction");
    this.type = Objects.requireNonNull(type, "type");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.size = size;
    this.text = text;
    this.payload = payload;
    this.closeCode = closeCode;
    this.stub = stub;
    this.remoteAddress = remoteAddress;
    this.originHeader = originHeader;
    this.subprotocols = subprotocols == null ? null : List.copyOf(subprotocols);
    this.extensions = extensions == null ? null : List.copyOf(extensions);
    this.status = status;
  }

  /** Position in the journal, starting at 1 and never reused until {@code reset}. */
  public long sequence() {
    return sequence;
  }

  /** When the server saw or sent it; for a HANDSHAKE, when the attempt arrived. */
  public Instant time() {
    return time;
  }

  /**
   * The connection it belongs to; ids count up from 1 per server. A HANDSHAKE entry carries the id
   * of the connection it opened, 0 when it was refused.
   */
  public long connectionId() {
    return connectionId;
  }

  /** The request path of the connection, {@code /} or {@code /ws/0101}. */
  public String path() {
    return path;
  }

  /** The session id for a {@code /ws/{ID}} connection, {@code null} on the echo endpoint. */
  public String sessionId() {
    return sessionId;
  }

  /** Which way it went. */
  public Direction direction() {
    return direction;
  }

  /** What it is. */
  public EntryType type() {
    return type;
  }

  /** Who caused it. */
  public Origin origin() {
    return origin;
  }

  /** The payload size in bytes (UTF-8 bytes for text). */
  public int size() {
    return size;
  }

  /**
   * The payload of a TEXT message, the close reason of a CLOSED entry, the negotiated subprotocol
   * of an OPENED entry, what a refused HANDSHAKE was told, else {@code null}.
   */
  public String text() {
    return text;
  }

  /**
   * The payload of a BINARY, PING or PONG entry in base64, else {@code null}. Encoded on the first
   * call; {@link #bytes()} gives the payload without encoding it.
   */
  public String base64() {
    if (payload == null) {
      return null;
    }
    String encoded = base64;
    if (encoded == null) {
      encoded = Base64.getEncoder().encodeToString(payload);
      base64 = encoded;
    }
    return encoded;
  }

  /**
   * The close code of a CLOSED entry (1006 when the connection ended without a close frame), else
   * {@code null}.
   */
  public Integer closeCode() {
    return closeCode;
  }

  /**
   * The id of the {@link Stub} rule that answered: on the RECEIVED message it matched and on the
   * replies it sent; else {@code null}.
   */
  public String stub() {
    return stub;
  }

  /**
   * The client's address and port of a HANDSHAKE entry, {@code 127.0.0.1:50312}; else {@code null}.
   */
  public String remoteAddress() {
    return remoteAddress;
  }

  /**
   * The {@code Origin} header of a HANDSHAKE entry (a browser sends it, a program usually not);
   * else {@code null}.
   */
  public String originHeader() {
    return originHeader;
  }

  /**
   * The subprotocols a HANDSHAKE offered ({@code Sec-WebSocket-Protocol}), in its order, possibly
   * none; {@code null} for other entries.
   */
  public List<String> subprotocols() {
    return subprotocols;
  }

  /**
   * The extensions a HANDSHAKE offered ({@code Sec-WebSocket-Extensions}), one string per offer
   * with its parameters, {@code permessage-deflate; client_max_window_bits}; {@code null} for other
   * entries.
   */
  public List<String> extensions() {
    return extensions;
  }

  /**
   * The HTTP status a HANDSHAKE was answered with: 101 when accepted, else the refusal (400, 403,
   * 426, 503...); {@code null} for other entries.
   */
  public Integer status() {
    return status;
  }

  /**
   * The payload as bytes: of binary frames as they were, UTF-8 for text, else empty. A new array on
   * each call: changing it changes nothing else.
   */
  public byte[] bytes() {
    if (payload != null) {
      return payload.clone();
    }
    if (type == EntryType.TEXT && text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return new byte[0];
  }

  /** Whether this entry is a TEXT or BINARY message. */
  public boolean isMessage() {
    return type.isMessage();
  }

  /** A one-line summary, payload shortened, for logs and failure messages. */
  public String summary() {
    StringBuilder line =
        new StringBuilder()
            .append('#')
            .append(sequence)
            .append(" conn ")
            .append(connectionId)
            .append(' ')
            .append(path)
            .append(' ')
            .append(direction)
            .append(' ')
            .append(type);
    if (origin != Origin.CLIENT && direction == Direction.SENT) {
      line.append(" (").append(origin.name().toLowerCase(Locale.ROOT)).append(')');
    }
    if (closeCode != null) {
      line.append(' ').append(closeCode);
    }
    if (status != null) {
      line.append(' ').append(status);
    }
    if (remoteAddress != null) {
      line.append(" from ").append(remoteAddress);
    }
    if (text != null) {
      line.append(" \"").append(shorten(text, 80)).append('"');
    } else if (type != EntryType.OPENED && type != EntryType.HANDSHAKE) {
      line.append(" [").append(size).append(" bytes]");
    }
    return line.toString();
  }

  private static String shorten(String text, int max) {
    String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() <= max
        ? oneLine
        : oneLine.substring(0, max) + "… (" + text.length() + " chars)";
  }

  /** Equal when every accessor is: binary payloads compare by content. */
  @Override
  public boolean equals(Object other) {
    return other instanceof JournalEntry that
        && sequence == that.sequence
        && connectionId == that.connectionId
        && size == that.size
        && time.equals(that.time)
        && path.equals(that.path)
        && Objects.equals(sessionId, that.sessionId)
        && direction == that.direction
        && type == that.type
        && origin == that.origin
        && Objects.equals(text, that.text)
        && Arrays.equals(payload, that.payload)
        && Objects.equals(closeCode, that.closeCode)
        && Objects.equals(stub, that.stub)
        && Objects.equals(remoteAddress, that.remoteAddress)
        && Objects.equals(originHeader, that.originHeader)
        && Objects.equals(subprotocols, that.subprotocols)
        && Objects.equals(extensions, that.extensions)
        && Objects.equals(status, that.status);
  }

  @Override
  public int hashCode() {
    int hash =
        Objects.hash(
            sequence,
            time,
            connectionId,
            path,
            sessionId,
            direction,
            type,
            origin,
            size,
            text,
            closeCode,
            stub,
            remoteAddress,
            originHeader,
            subprotocols,
            extensions,
            status);
    return 31 * hash + Arrays.hashCode(payload);
  }

  /** All accessors from {@link #sequence()} to {@link #status()}, as a record would show them. */
  @Override
  public String toString() {
    return "JournalEntry[sequence="
        + sequence
        + ", time="
        + time
        + ", connectionId="
        + connectionId
        + ", path="
        + path
        + ", sessionId="
        + sessionId
        + ", direction="
        + direction
        + ", type="
        + type
        + ", origin="
        + origin
        + ", size="
        + size
        + ", text="
        + text
        + ", base64="
        + base64()
        + ", closeCode="
        + closeCode
        + ", stub="
        + stub
        + ", remoteAddress="
        + remoteAddress
        + ", originHeader="
        + originHeader
        + ", subprotocols="
        + subprotocols
        + ", extensions="
        + extensions
        + ", status="
        + status
        + "]";
  }
}
