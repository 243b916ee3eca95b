package dev.wsfixture.testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client for the tests: the JDK's, with what it received in a queue. */
final class TestClient implements WebSocket.Listener, AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private TestClient(URI uri) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(uri, this)
            .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .join();
  }

  static TestClient connect(URI uri) {
    return new TestClient(uri);
  }

  TestClient send(String text) {
    socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    return this;
  }

  /** The next TEXT message, waiting up to {@link #TIMEOUT}. */
  String next() throws InterruptedException {
    String message = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + TIMEOUT.toSeconds() + " s");
    }
    return message;
  }

  /** The close code the server sent, waiting up to {@link #TIMEOUT}. */
  int awaitCloseCode() {
    return closeCode.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  /** How the connection ended: "close CODE", or "aborted" when it ended without a close frame. */
  String awaitEnd() {
    return closeCode
        .handle((code, error) -> error == null ? "close " + code : "aborted")
        .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    messages.add("binary:" + java.util.Base64.getEncoder().encodeToString(bytes));
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "test done");
    }
    socket.abort();
  }
}
