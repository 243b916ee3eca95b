package dev.wsfixture;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One way to break things on purpose, applied with {@link Faults#apply(Fault)} or {@code POST
 * /__admin/faults/{kind}} with the record as JSON body. A closed set: each kind is a record below.
 *
 * <p>Targets: {@code session} and {@code connection} narrow a fault to one session's or one
 * connection's sockets; {@code null} means all. The one-shot kinds ({@link Close}, {@link Abort},
 * {@link Ping}, {@link RawFrame}, {@link Cut}) act on the connections open now; the standing kinds
 * ({@link Delay}, {@link Hang}, {@link RefuseHandshakes}, {@link DropMessages}, {@link
 * DelayHandshakes}, {@link Fragment}, {@link IgnoreClose}, {@link NoPong}, {@link Throttle}, {@link
 * StopReading}) stay until used up or {@link Faults#reset()}, and also reach the connections opened
 * later. A later standing fault of the same kind for the same target replaces the earlier one.
 */
public sealed interface Fault {

  /** RFC 6455 5.5: control frames, and so close reasons and ping payloads, carry 125 bytes. */
  int MAX_REASON_BYTES = 123;

  /** The kind of this fault, which names it in the admin API. */
  FaultKind kind();

  /**
   * Close connections with a close frame ({@code POST /__admin/faults/close}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   * @param code the close code: 1000-1003, 1007-1014 or 3000-4999; {@code null} sends a close frame
   *     with an empty payload, which the client must report as 1005 (no status received)
   * @param reason the close reason, at most 123 bytes of UTF-8; {@code null} for none. A close
   *     without a code carries no reason either
   */
  record Close(String session, Long connection, Integer code, String reason) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.CLOSE;
    }

    public Close {
      reason = reason == null ? "" : reason;
      if (code == null) {
        if (!reason.isEmpty()) {
          throw new IllegalArgumentException(
              "a close without a code has an empty payload and cannot carry the reason '"
                  + reason
                  + "': give a code too, or leave the reason out");
        }
      } else {
        checkCloseCode(code);
      }
      checkBytes("close reason", reason, MAX_REASON_BYTES);
    }
  }

  /**
   * Drop connections without a close frame, as a crashed server or a cut cable does; the client
   * sees an abnormal closure, 1006 ({@code POST /__admin/faults/abort}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   */
  record Abort(String session, Long connection) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.ABORT;
    }
  }

  /**
   * Delay every reply (echo and stub answers; not pushes) by {@code millis} plus a random 0 to
   * {@code jitterMillis}, keeping their order ({@code POST /__admin/faults/delay}). A later delay
   * for the same target replaces this one; 0 (and no jitter) removes it. Where several delays reach
   * a connection, the narrowest wins: the connection's, then its session's, then the one for all.
   *
   * @param session only replies on this session's connections, or {@code null}
   * @param connection only replies on this connection, or {@code null}
   * @param millis the delay in milliseconds, 0 to 600,000
   * @param jitterMillis the most that is added at random to each reply's delay, 0 to 600,000
   */
  record Delay(String session, Long connection, long millis, long jitterMillis) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DELAY;
    }

    public Delay {
      if (millis < 0 || millis > 600_000) {
        throw new IllegalArgumentException(
            "delay must be 0 to 600000 milliseconds (10 minutes), was " + millis);
      }
      if (jitterMillis < 0 || jitterMillis > 600_000) {
        throw new IllegalArgumentException(
            "jitterMillis must be 0 to 600000 milliseconds (10 minutes), was " + jitterMillis);
      }
    }

    /** A delay with jitter for every connection of {@code session} (or all, if {@code null}). */
    public Delay(String session, long millis, long jitterMillis) {
      this(session, null, millis, jitterMillis);
    }

    /** A delay without jitter for every connection of {@code session} (or all). */
    public Delay(String session, long millis) {
      this(session, null, millis, 0);
    }
  }

  /**
   * Stop replying while still reading: messages are received and journaled, nothing is answered,
   * pings get no pong ({@code POST /__admin/faults/hang}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   */
  record Hang(String session, Long connection) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.HANG;
    }

    /** A hang of every connection of {@code session} (or all, if {@code null}). */
    public Hang(String session) {
      this(session, null);
    }
  }

  /**
   * Refuse the next {@code count} WebSocket handshakes with HTTP {@code status}, then accept again
   * ({@code POST /__admin/faults/refuse-handshakes}).
   *
   * @param path only handshakes on this path ({@code /}, {@code /echo}, {@code /ws/0101}), or
   *     {@code null}
   * @param session only handshakes for this session, or {@code null}
   * @param count how many handshakes to refuse, at least 1
   * @param status the HTTP status to answer, 400-599
   */
  record RefuseHandshakes(String path, String session, int count, int status) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.REFUSE_HANDSHAKES;
    }

    public RefuseHandshakes {
      checkCount(count);
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException(
            "status must be an HTTP error status, 400-599, was " + status);
      }
    }
  }

  /**
   * Drop the next {@code count} messages silently: journaled as received, never answered ({@code
   * POST /__admin/faults/drop}). Where several drops reach a connection, its message counts against
   * the narrowest: the connection's, then its session's, then the one for all.
   *
   * @param session only messages on this session's connections, or {@code null}
   * @param connection only messages on this connection, or {@code null}
   * @param count how many messages to drop, at least 1
   */
  record DropMessages(String session, Long connection, int count) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DROP;
    }

    public DropMessages {
      checkCount(count);
    }

    /** A drop on the connections of {@code session} (or all, if {@code null}). */
    public DropMessages(String session, int count) {
      this(session, null, count);
    }
  }

  /**
   * Send a PING frame; the journal records it (SENT PING) and the client's answer (RECEIVED PONG),
   * so a test can check that a pong came back ({@code POST /__admin/faults/ping}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   * @param payload the ping's payload, at most 125 bytes of UTF-8; {@code null} for none
   */
  record Ping(String session, Long connection, String payload) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.PING;
    }

    public Ping {
      payload = payload == null ? "" : payload;
      checkBytes("ping payload", payload, 125);
    }
  }

  /**
   * Let the next WebSocket handshakes wait before they are answered, one time per attempt, in
   * order, then answer without delay again ({@code POST /__admin/faults/delay-handshakes}). The
   * wait comes before the answer, whatever it is: with {@link RefuseHandshakes} for the first two
   * attempts and {@code millis} {@code [0, 0, 3000]}, a test scripts "refuse twice, answer the
   * third slowly". No server thread waits.
   *
   * @param path only handshakes on this path ({@code /}, {@code /echo}, {@code /ws/0101}), or
   *     {@code null}
   * @param session only handshakes for this session, or {@code null}
   * @param millis the waits in milliseconds, one per attempt, each 0 to 600,000; 1 to 1,000 of them
   */
  record DelayHandshakes(String path, String session, List<Long> millis) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DELAY_HANDSHAKES;
    }

    public DelayHandshakes {
      if (millis == null || millis.isEmpty() || millis.size() > 1000) {
        throw new IllegalArgumentException(
            "millis must list 1 to 1000 waits in milliseconds, one per handshake, such as"
                + " [6000, 3000, 4000]; was "
                + millis);
      }
      for (Long wait : millis) {
        if (wait == null || wait < 0 || wait > 600_000) {
          throw new IllegalArgumentException(
              "each handshake wait must be 0 to 600000 milliseconds (10 minutes), was "
                  + wait
                  + " in "
                  + millis);
        }
      }
      millis = List.copyOf(millis);
    }
  }

  /**
   * Send every message (echo, stub reply, push) as a first frame plus CONTINUATION frames of at
   * most {@code frameSize} payload bytes, FIN on the last ({@code POST /__admin/faults/fragment}).
   * Control frames are never fragmented, as RFC 6455 5.4 requires.
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   * @param frameSize the most payload bytes a fragment carries, at least 1
   * @param pingBetween whether to send an empty PING between two fragments (allowed by RFC 6455
   *     5.4)
   */
  record Fragment(String session, Long connection, int frameSize, boolean pingBetween)
      implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.FRAGMENT;
    }

    public Fragment {
      if (frameSize < 1) {
        throw new IllegalArgumentException(
            "frameSize is the most payload bytes of one fragment and must be at least 1, was "
                + frameSize);
      }
    }
  }

  /**
   * Never answer the client's close frame and keep the TCP connection open, so that the client's
   * close timeout has to end it ({@code POST /__admin/faults/ignore-close}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   */
  record IgnoreClose(String session, Long connection) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.IGNORE_CLOSE;
    }
  }

  /**
   * Answer no PING with a PONG, while replies keep flowing, for heartbeat timeouts ({@code POST
   * /__admin/faults/no-pong}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   */
  record NoPong(String session, Long connection) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.NO_PONG;
    }
  }

  /**
   * Trickle everything the server writes to the socket out at {@code bytesPerSecond}, so that
   * frames arrive in pieces ({@code POST /__admin/faults/throttle}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   * @param bytesPerSecond the rate, at least 1
   */
  record Throttle(String session, Long connection, long bytesPerSecond) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.THROTTLE;
    }

    public Throttle {
      if (bytesPerSecond < 1) {
        throw new IllegalArgumentException(
            "bytesPerSecond must be at least 1, was " + bytesPerSecond);
      }
    }
  }

  /**
   * Stop reading the socket, so that what the client writes backs up in TCP, until {@link
   * Faults#reset()} ({@code POST /__admin/faults/stop-reading}).
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   */
  record StopReading(String session, Long connection) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.STOP_READING;
    }
  }

  /**
   * Write exactly this one frame, unchecked, between two of the server's frames ({@code POST
   * /__admin/faults/frame}): reserved opcodes, RSV bits, a masked server frame, invalid UTF-8 in a
   * TEXT frame, a control frame over 125 bytes, a length header that lies. The journal records it
   * as a SENT BINARY entry of origin SERVER whose bytes are the whole frame as written and whose
   * text describes its header.
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   * @param opcode the opcode, 0-15
   * @param fin the FIN bit; {@code null} means true
   * @param rsv the three RSV bits as a number, 0-7 (4 is RSV1)
   * @param mask whether to mask the payload (with a random key), which no server may do
   * @param text the payload as UTF-8 text, or {@code null}
   * @param base64 the payload as base64, or {@code null}; at most one of {@code text} and {@code
   *     base64}, neither for an empty payload
   * @param declaredLength the payload length the header declares, or {@code null} for the true one
   */
  record RawFrame(
      String session,
      Long connection,
      Integer opcode,
      Boolean fin,
      int rsv,
      boolean mask,
      String text,
      String base64,
      Long declaredLength)
      implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.FRAME;
    }

    public RawFrame {
      if (opcode == null || opcode < 0 || opcode > 15) {
        throw new IllegalArgumentException(
            "opcode must be 0-15 (0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong, the"
                + " rest reserved), was "
                + opcode);
      }
      fin = fin == null ? Boolean.TRUE : fin;
      if (rsv < 0 || rsv > 7) {
        throw new IllegalArgumentException(
            "rsv is the three RSV bits as a number and must be 0-7, was " + rsv);
      }
      if (text != null && base64 != null) {
        throw new IllegalArgumentException("give the payload as text or as base64, not both");
      }
      if (base64 != null) {
        try {
          java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("base64 is not valid base64: " + e.getMessage(), e);
        }
      }
      if (declaredLength != null && declaredLength < 0) {
        throw new IllegalArgumentException(
            "declaredLength must be at least 0, was " + declaredLength);
      }
    }

    /** The payload's bytes. */
    public byte[] payload() {
      if (text != null) {
        return text.getBytes(StandardCharsets.UTF_8);
      }
      return base64 == null ? new byte[0] : java.util.Base64.getDecoder().decode(base64);
    }
  }

  /**
   * Cut the next message written after {@code afterBytes} bytes on the wire (its header included),
   * then reset the TCP connection: a frame that never ends ({@code POST /__admin/faults/cut}). A
   * message shorter than that goes out whole and the reset follows it.
   *
   * @param session only this session's connections, or {@code null}
   * @param connection only this connection, or {@code null}
   * @param afterBytes how many bytes of the message reach the client, at least 0
   */
  record Cut(String session, Long connection, long afterBytes) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.CUT;
    }

    public Cut {
      if (afterBytes < 0) {
        throw new IllegalArgumentException("afterBytes must be at least 0, was " + afterBytes);
      }
    }
  }

  /** RFC 6455 7.4: the codes a close frame may carry. */
  private static void checkCloseCode(int code) {
    boolean sendable =
        (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
            || (code >= 3000 && code <= 4999);
    if (!sendable) {
      throw new IllegalArgumentException(
          "close code "
              + code
              + " cannot be sent in a close frame: use 1000-1003, 1007-1014 or 3000-4999"
              + " (1005, 1006 and 1015 only describe closes without a frame; to drop a connection"
              + " without a close frame, abort it)");
    }
  }

  private static void checkBytes(String what, String text, int max) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > max) {
      throw new IllegalArgumentException(
          what + " is " + bytes + " bytes of UTF-8; a control frame allows at most " + max);
    }
  }

  private static void checkCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
  }
}
