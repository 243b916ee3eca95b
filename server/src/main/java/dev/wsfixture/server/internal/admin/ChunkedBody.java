package dev.wsfixture.server.internal.admin;

import io.undertow.conduits.ChunkedStreamSourceConduit;
import io.undertow.conduits.ReadDataStreamSourceConduit;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Reads an admin request's chunked body in place of Undertow's decoder, strictly as RFC 9112
 * section 7.1 writes it, and fails a broken one with a {@link BadChunkedBodyException} that still
 * lets the exchange answer. Undertow's {@link ChunkedStreamSourceConduit} closes the connection on
 * any error before an error callback can answer, and takes a chunk-size line it cannot read ({@code
 * zz}) for the last chunk, after which the next bytes fail as trailers or it waits for them.
 *
 * <p>After a failure (or a body over the exchange's maximum entity size, failed with Undertow's
 * {@link RequestTooBigException}) the request is over and the connection is not kept alive: the
 * bytes after the error cannot be trusted to start a request. A good body's bytes past its end (a
 * pipelined request) go back to the connection, as Undertow does.
 */
final class ChunkedBody extends AbstractStreamSourceConduit<StreamSourceConduit> {

  /** A chunk-size line, its extensions included, may be this long. */
  static final int MAX_SIZE_LINE = 4096;

  /** The trailer section may be this long. */
  static final int MAX_TRAILERS = 8192;

  private static final String RULE =
      "RFC 9112 section 7.1: each chunk is <size in hexadecimal>[;extensions] CRLF <data> CRLF,"
          + " the last one 0 CRLF, then CRLF; or send the body with Content-Length";

  private enum State {
    SIZE_FIRST,
    SIZE,
    SIZE_SPACE,
    EXTENSION,
    SIZE_LF,
    DATA,
    DATA_CR,
    DATA_LF,
    TRAILER_START,
    TRAILER,
    TRAILER_LF,
    LAST_LF,
    DONE
  }

  /** A chunked body that breaks RFC 9112 section 7.1; the message says how. */
  static final class BadChunkedBodyException extends IOException {
    BadChunkedBodyException(String message) {
      super(message);
    }
  }

  private final HttpServerExchange exchange;
  private final HttpServerConnection connection;
  private State state = State.SIZE_FIRST;
  private final StringBuilder sizeLine = new StringBuilder();
  private long chunkLeft;
  private long received;
  private int trailerBytes;
  private IOException failure;
  private boolean terminated;

  private ChunkedBody(HttpServerExchange exchange, HttpServerConnection connection) {
    super(new ReadDataStreamSourceConduit(connection.getOriginalSourceConduit(), connection));
    this.exchange = exchange;
    this.connection = connection;
  }

  /**
   * Reads {@code exchange}'s body with a {@link ChunkedBody} if Undertow set up its chunked decoder
   * for it (over HTTP/1.1); call before the body is read.
   */
  static void install(HttpServerExchange exchange) {
    if (exchange.getConnection() instanceof HttpServerConnection connection
        && connection.getChannel().getSourceChannel().getConduit()
            instanceof ChunkedStreamSourceConduit) {
      // Undertow's decoder is left unread: this one reads the same bytes below it.
      exchange.addRequestWrapper(
          (undertowsDecoder, sameExchange) -> new ChunkedBody(exchange, connection));
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (failure != null) {
      throw failure;
    }
    int start = dst.position();
    while (state != State.DONE) {
      int out = dst.position();
      int read = next.read(dst);
      if (read == -1) {
        throw fail(new BadChunkedBodyException("the connection ended inside a chunked body"));
      }
      if (read == 0) {
        break;
      }
      out = decode(dst, out, out + read);
      dst.position(out);
      if (out > start) {
        break;
      }
    }
    if (dst.position() > start) {
      return dst.position() - start;
    }
    if (state == State.DONE) {
      end();
      return -1;
    }
    return 0;
  }

  /**
   * Decodes the raw bytes {@code dst[out, to)} in place: the chunks' data moves down, the framing
   * is dropped. Returns where the data ends; bytes past the body's end go back to the connection.
   */
  private int decode(ByteBuffer dst, int out, int to) throws IOException {
    int in = out;
    while (in < to && state != State.DONE) {
      if (state == State.DATA) {
        int length = (int) Math.min(chunkLeft, to - in);
        if (in != out) {
          dst.put(out, dst, in, length);
        }
        in += length;
        out += length;
        chunkLeft -= length;
        received += length;
        long max = exchange.getMaxEntitySize();
        if (max > 0 && received > max) {
          throw fail(
              new RequestTooBigException("the chunked body is larger than " + max + " bytes"));
        }
        if (chunkLeft == 0) {
          state = State.DATA_CR;
        }
      } else {
        step(dst.get(in++));
      }
    }
    if (state == State.DONE && in < to) {
      unget(dst, in, to);
    }
    return out;
  }

  /** One byte of the framing: a chunk-size line, the CRLF after data, the trailer section. */
  private void step(byte b) throws IOException {
    switch (state) {
      case SIZE_FIRST, SIZE -> {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
          sizeLine.append((char) b);
          if (chunkLeft > Long.MAX_VALUE >> 4) {
            throw badSize("the size is larger than 63 bits");
          }
          chunkLeft = chunkLeft << 4 | digit;
          state = State.SIZE;
        } else if (state == State.SIZE) {
          afterSize(b);
        } else {
          sizeLine.append(printable(b));
          throw badSize("it must start with a hexadecimal digit");
        }
      }
      case SIZE_SPACE -> afterSize(b);
      case EXTENSION -> {
        if (b == '\r') {
          state = State.SIZE_LF;
        } else if (b < 0x20 && b != '\t' || b == 0x7F) {
          sizeLine.append(printable(b));
          throw badSize("its extension has a control character");
        } else if (sizeLine.length() >= MAX_SIZE_LINE) {
          throw badSize("it is longer than " + MAX_SIZE_LINE + " bytes");
        } else {
          sizeLine.append((char) (b & 0xFF));
        }
      }
      case SIZE_LF -> {
        if (b != '\n') {
          sizeLine.append(printable((byte) '\r')).append(printable(b));
          throw badSize("it must end with CRLF, not a CR alone");
        }
        sizeLine.setLength(0);
        state = chunkLeft == 0 ? State.TRAILER_START : State.DATA;
      }
      case DATA_CR -> state = expect(b, '\r', State.DATA_LF);
      case DATA_LF -> state = expect(b, '\n', State.SIZE_FIRST);
      case TRAILER_START -> {
        countTrailer();
        if (b == '\n') {
          throw fail(
              new BadChunkedBodyException("a trailer line ends with LF without CR; " + RULE));
        }
        state = b == '\r' ? State.LAST_LF : State.TRAILER;
      }
      case TRAILER -> {
        countTrailer();
        if (b == '\r') {
          state = State.TRAILER_LF;
        } else if (b == '\n') {
          throw fail(
              new BadChunkedBodyException("a trailer line ends with LF without CR; " + RULE));
        }
      }
      case TRAILER_LF -> state = trailerEnd(b, State.TRAILER_START);
      case LAST_LF -> state = trailerEnd(b, State.DONE);
      default -> throw new IllegalStateException(state.name());
    }
  }

  /** After the size's digits: spaces or tabs, then extensions after ';', then CRLF. */
  private void afterSize(byte b) throws IOException {
    if (b == '\r') {
      state = State.SIZE_LF;
    } else if (b == ';') {
      sizeLine.append(';');
      state = State.EXTENSION;
    } else if (b == ' ' || b == '\t') {
      sizeLine.append((char) b);
      state = State.SIZE_SPACE;
    } else {
      sizeLine.append(printable(b));
      throw badSize(
          b == '\n'
              ? "it must end with CRLF, not a bare LF"
              : "after the size's hexadecimal digits come spaces, ';' and extensions, or CRLF");
    }
  }

  private State expect(byte b, char wanted, State then) throws IOException {
    if (b != wanted) {
      throw fail(
          new BadChunkedBodyException(
              "chunk data is not followed by CRLF (found '"
                  + printable(b)
                  + "' where the chunk size says the data ends): the size must count the data's"
                  + " bytes exactly; "
                  + RULE));
    }
    return then;
  }

  private State trailerEnd(byte b, State then) throws IOException {
    if (b != '\n') {
      throw fail(new BadChunkedBodyException("a trailer line ends with CR without LF; " + RULE));
    }
    return then;
  }

  private void countTrailer() throws IOException {
    if (++trailerBytes > MAX_TRAILERS) {
      throw fail(new BadChunkedBodyException("the trailer section is longer than " + MAX_TRAILERS));
    }
  }

  private IOException badSize(String problem) {
    String line = sizeLine.length() <= 40 ? sizeLine.toString() : sizeLine.substring(0, 40) + "...";
    return fail(
        new BadChunkedBodyException(
            "bad chunk size line \"" + line + "\": " + problem + "; " + RULE));
  }

  /** Ends the request without keeping the connection: what follows is not a request. */
  private IOException fail(IOException problem) {
    failure = problem;
    exchange.setPersistent(false);
    end();
    return problem;
  }

  private void end() {
    if (!terminated) {
      terminated = true;
      Connectors.terminateRequest(exchange);
    }
  }

  /** Gives the bytes after the body back to the connection, where the next request starts. */
  private void unget(ByteBuffer dst, int from, int to) {
    PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
    ByteBuffer rest = pooled.getBuffer();
    rest.clear();
    if (to - from > rest.remaining()) {
      pooled.close();
      pooled = new ImmediatePooledByteBuffer(ByteBuffer.allocate(to - from));
      rest = pooled.getBuffer();
    }
    rest.put(rest.position(), dst, from, to - from);
    rest.limit(rest.position() + to - from);
    connection.ungetRequestBytes(pooled);
  }

  private static String printable(byte b) {
    int c = b & 0xFF;
    return c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
    for (int i = offs; i < offs + len; i++) {
      if (dsts[i].hasRemaining()) {
        return read(dsts[i]);
      }
    }
    return 0;
  }

  @Override
  public long transferTo(long position, long count, FileChannel target) throws IOException {
    return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
  }

  @Override
  public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target)
      throws IOException {
    return Conduits.transfer(this, count, throughBuffer, target);
  }

  @Override
  public void terminateReads() throws IOException {
    if (state != State.DONE) {
      exchange.setPersistent(false);
    }
    next.terminateReads();
  }
}
