package dev.wsfixture.testsupport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server that is not wsfixture (Java-WebSocket's), as the upstream of proxy tests.
 * On open it pushes {@code welcome}; it answers a text with {@code echo:TEXT} (a JSON text comes
 * back unchanged), a binary message with its bytes reversed, {@code ping-me} with a PING {@code
 * hb}, and {@code close-me} with close 4001 {@code maintenance}. It speaks the subprotocols {@code
 * chat.v2} and {@code chat.v1}, preferring {@code chat.v2}. What it saw is in its public queues.
 */
public final class JwsUpstream extends WebSocketServer implements AutoCloseable {

  /** A handshake as the upstream saw it. */
  public record Handshake(String resource, Map<String, String> headers, String subprotocol) {
    /** A header's value, whatever the case of its name; {@code null} when absent. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A close frame the upstream received or sent. */
  public record Close(int code, String reason, boolean remote) {}

  public final LinkedBlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
  public final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  public final LinkedBlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
  public final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final boolean tls;
  private final String host;

  private JwsUpstream(String host, boolean tls) {
    super(new InetSocketAddress(host, 0), List.of(draft()));
    this.host = host;
    this.tls = tls;
    setReuseAddr(true);
  }

  private static Draft draft() {
    List<IProtocol> protocols =
        List.of(new Protocol("chat.v2"), new Protocol("chat.v1"), new Protocol(""));
    return new Draft_6455(List.<IExtension>of(), protocols);
  }

  /** Starts a plain {@code ws://} upstream on a free port. */
  public static JwsUpstream listen() {
    return listen("127.0.0.1");
  }

  /**
   * Starts a plain {@code ws://} upstream on a free port of the IPv4 address {@code host}: for
   * containers, which reach this machine at the Docker bridge's gateway, not at its loopback.
   */
  public static JwsUpstream listen(String host) {
    return begin(new JwsUpstream(host, false));
  }

  /** Starts a {@code wss://} upstream with the key and certificate of {@code context}. */
  public static JwsUpstream listenTls(SSLContext context) {
    return listenTls("127.0.0.1", context);
  }

  /** As {@link #listenTls(SSLContext)}, on the IPv4 address {@code host}. */
  public static JwsUpstream listenTls(String host, SSLContext context) {
    JwsUpstream upstream = new JwsUpstream(host, true);
    upstream.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(context));
    return begin(upstream);
  }

  private static JwsUpstream begin(JwsUpstream upstream) {
    upstream.start();
    upstream.started.orTimeout(20, TimeUnit.SECONDS).join();
    return upstream;
  }

  /** Its address, {@code ws://127.0.0.1:PORT/} (or {@code wss://}, or its other host). */
  public URI uri() {
    return URI.create((tls ? "wss" : "ws") + "://" + host + ":" + getPort() + "/");
  }

  /** The next handshake it accepted. */
  public Handshake nextHandshake() throws InterruptedException {
    Handshake handshake = handshakes.poll(JdkClient.WAIT.toSeconds(), TimeUnit.SECONDS);
    if (handshake == null) {
      throw new AssertionError("the upstream saw no handshake within " + JdkClient.WAIT);
    }
    return handshake;
  }

  /** The next message it received: a {@code String}, or a {@code byte[]}. */
  public Object nextMessage() throws InterruptedException {
    Object message = messages.poll(JdkClient.WAIT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("the upstream received no message within " + JdkClient.WAIT);
    }
    return message;
  }

  /** The close frame it received from its client (the proxy), or the one it sent first. */
  public Close awaitClose(Duration timeout) {
    return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
  }

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Iterator<String> names = handshake.iterateHttpFields(); names.hasNext(); ) {
      String name = names.next();
      headers.put(name.toLowerCase(Locale.ROOT), handshake.getFieldValue(name));
    }
    String subprotocol = ((Draft_6455) connection.getDraft()).getProtocol().getProvidedProtocol();
    handshakes.add(
        new Handshake(
            handshake.getResourceDescriptor(),
            headers,
            subprotocol.isEmpty() ? null : subprotocol));
    connection.send("welcome");
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    messages.add(message);
    switch (message) {
      case "ping-me" -> {
        PingFrame ping = new PingFrame();
        ping.setPayload(ByteBuffer.wrap("hb".getBytes(StandardCharsets.UTF_8)));
        connection.sendFrame(ping);
      }
      case "close-me" -> connection.close(4001, "maintenance");
      default -> connection.send(message.startsWith("{") ? message : "echo:" + message);
    }
  }

  @Override
  public void onMessage(WebSocket connection, ByteBuffer message) {
    byte[] bytes = new byte[message.remaining()];
    message.get(bytes);
    messages.add(bytes);
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    connection.send(reversed);
  }

  @Override
  public void onWebsocketPong(WebSocket connection, Framedata frame) {
    ByteBuffer payload = frame.getPayloadData();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    pongs.add(bytes);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    closed.complete(new Close(code, reason, remote));
  }

  @Override
  public void onError(WebSocket connection, Exception problem) {
    if (connection == null) {
      started.completeExceptionally(problem);
    }
  }

  /** Stops the server and frees its port. */
  @Override
  public void close() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The messages received so far, in order. */
  public List<Object> received() {
    return new ArrayList<>(messages);
  }
}
