package dev.wsfixture.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Java-WebSocket ({@code org.java-websocket}), a client independent of the JDK's, with a queue of
 * what it received: TEXT as {@link String}, BINARY as {@code byte[]}.
 */
public final class JwsClient extends WebSocketClient {

  private static final int WAIT_SECONDS = 20;

  public final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  public final CompletableFuture<JdkClient.Close> closed = new CompletableFuture<>();

  private JwsClient(URI uri) {
    super(uri);
  }

  public static JwsClient connect(URI uri) throws InterruptedException {
    JwsClient client = new JwsClient(uri);
    assertThat(client.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("Java-WebSocket connected to %s", uri)
        .isTrue();
    return client;
  }

  /** Tries to connect and returns the client whether or not the handshake succeeded. */
  public static JwsClient connectNoCheck(URI uri) throws InterruptedException {
    JwsClient client = new JwsClient(uri);
    client.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS);
    return client;
  }

  public Object next() throws InterruptedException {
    Object message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(message).as("a message within %s s", WAIT_SECONDS).isNotNull();
    return message;
  }

  public JdkClient.Close awaitClose() {
    return closed.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    messages.add(message);
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    messages.add(copy);
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closed.complete(new JdkClient.Close(code, reason));
  }

  @Override
  public void onError(Exception ex) {
    closed.completeExceptionally(ex);
  }
}
