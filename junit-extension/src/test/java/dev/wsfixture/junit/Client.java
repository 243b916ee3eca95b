package dev.wsfixture.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real JDK WebSocket client that queues the text messages it receives. */
final class Client implements WebSocket.Listener, AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private WebSocket socket;

  static Client connect(URI uri) {
    Client client = new Client();
    client.socket =
        HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, client)
            .join();
    return client;
  }

  /** Sends {@code text} and returns the reply, waiting up to 10 seconds. */
  String ask(String text) throws InterruptedException {
    socket.sendText(text, true).join();
    String reply = messages.poll(10, TimeUnit.SECONDS);
    if (reply == null) {
      throw new AssertionError("no reply to \"" + text + "\" within 10 s");
    }
    return reply;
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

  /** The close the server sent, as {@code "CODE reason"}, waiting up to 10 seconds. */
  String awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
