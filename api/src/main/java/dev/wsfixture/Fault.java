package dev.wsfixture;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One way to break things on purpose, applied with {@link Faults#apply(Fault)} or {@code POST
 * /__admin/faults/{kind}} with the record as JSON body. A closed set: each kind is a record below.
 *
 * <p>Targets: {@code session} and {@code connection} narrow a fault to one session's or one
 * connection's sockets; {@code null} means all. The one-shot kinds ({@link Close}, {@link Abort},
 * {@link Ping}) act on the connections open now; the standing kinds ({@link Delay}, {@link Hang},
 * {@link RefuseHandshakes}, {@link DropMessages}, {@link DelayHandshakes}) stay until used up or
 * {@link Faults#reset()}.
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
   * @param code the close code: 1000-1003, 1007-1014 or 3000-4999
   * @param reason the close reason, at most 123 bytes of UTF-8; {@code null} for none
   */
  record Close(String session, Long connection, int code, String reason) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.CLOSE;
    }

    public Close {
      checkCloseCode(code);
      reason = reason == null ? "" : reason;
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
   * Delay every reply (echo and stub answers; not pushes) by {@code millis}, keeping their order
   * ({@code POST /__admin/faults/delay}). A later delay for the same target replaces this one; 0
   * removes it.
   *
   * @param session only replies on this session's connections, or {@code null}
   * @param millis the delay in milliseconds, 0 to 600,000
   */
  record Delay(String session, long millis) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DELAY;
    }

    public Delay {
      if (millis < 0 || millis > 600_000) {
        throw new IllegalArgumentException(
            "delay must be 0 to 600000 milliseconds (10 minutes), was " + millis);
      }
    }
  }

  /**
   * Stop replying while still reading: messages are received and journaled, nothing is answered,
   * pings get no pong ({@code POST /__admin/faults/hang}).
   *
   * @param session only this session's connections, or {@code null}
   */
  record Hang(String session) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.HANG;
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
   * POST /__admin/faults/drop}).
   *
   * @param session only messages on this session's connections, or {@code null}
   * @param count how many messages to drop, at least 1
   */
  record DropMessages(String session, int count) implements Fault {
    @Override
    public FaultKind kind() {
      return FaultKind.DROP;
    }

    public DropMessages {
      checkCount(count);
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
