package dev.wsfixture.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's {@code java.net.http.WebSocket} with a queue of what it received: TEXT as {@link
 * String}, BINARY as {@code byte[]}, fragments joined.
 */
public final class JdkClient implements WebSocket.Listener, AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient SHARED = HttpClient.newHttpClient();

  /** The close code and reason the server sent. */
  public record Close(int code, String reason) {}

  public final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  public final CompletableFuture<Close> closed = new CompletableFuture<>();

  /** How many parts the JDK handed TEXT messages over in (one per frame, or more). */
  public final AtomicInteger textParts = new AtomicInteger();

  /** How many PONG frames arrived. */
  public final AtomicInteger pongs = new AtomicInteger();

  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  public WebSocket socket;

  public static JdkClient connect(URI uri) {
    return connect(SHARED, uri);
  }

  public static JdkClient connect(HttpClient http, URI uri) {
    JdkClient client = new JdkClient();
    client.socket =
        http.newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(uri, client)
            .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
            .join();
    return client;
  }

  /** Starts connecting, for many clients at once. */
  public static CompletableFuture<JdkClient> connectAsync(URI uri) {
    JdkClient client = new JdkClient();
    return SHARED
        .newWebSocketBuilder()
        .connectTimeout(WAIT)
        .buildAsync(uri, client)
        .thenApply(
            socket -> {
              client.socket = socket;
              return client;
            });
  }

  public void send(String message) {
    socket.sendText(message, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  public void send(byte[] message) {
    socket
        .sendBinary(ByteBuffer.wrap(message), true)
        .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  /** Sends {@code text} and returns the next TEXT message, the reply in a request-reply test. */
  public String ask(String text) throws InterruptedException {
    send(text);
    return nextText();
  }

  public Object next() throws InterruptedException {
    Object message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(message).as("a message within %s", WAIT).isNotNull();
    return message;
  }

  public String nextText() throws InterruptedException {
    Object message = next();
    assertThat(message).isInstanceOf(String.class);
    return (String) message;
  }

  public byte[] nextBinary() throws InterruptedException {
    Object message = next();
    assertThat(message).isInstanceOf(byte[].class);
    return (byte[]) message;
  }

  public Close awaitClose() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    textParts.incrementAndGet();
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] chunk = new byte[data.remaining()];
    data.get(chunk);
    binary.writeBytes(chunk);
    if (last) {
      messages.add(binary.toByteArray());
      binary.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    pongs.incrementAndGet();
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
  }

  /** The HTTP status of a handshake at {@code uri} that the server refuses. */
  public static int refusedStatus(URI uri) {
    Throwable failure = catchThrowable(() -> connect(uri));
    assertThat(failure)
        .as("the handshake at %s fails", uri)
        .isInstanceOf(java.util.concurrent.CompletionException.class);
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.http.WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
    }
    throw new AssertionError("no WebSocketHandshakeException in", failure);
  }
}
