package dev.wsfixture.benchmarks;

import dev.wsfixture.Replay;
import dev.wsfixture.embedded.EchoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How fast a recording replays "as fast as possible" to the JDK's WebSocket client, and how big it
 * is: a 10,000-message conversation (5,000 client requests, each answered by the server, JSON with
 * an id copied from the request) and a 10,000-message feed the server pushes on its own.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.wsfixture.benchmarks.ReplaySpeed [--runs 5]
 * </pre>
 */
public final class ReplaySpeed {

  private static final int MESSAGES = 10_000;

  public static void main(String[] args) throws Exception {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("replay-speed");
    Path conversation = dir.resolve("conversation.jsonl");
    Path both = dir.resolve("conversation-and-feed.jsonl");
    StringBuilder text = new StringBuilder("{\"recording\":1}\n");
    text.append("{\"connection\":1,\"ms\":0,\"type\":\"OPEN\",\"path\":\"/rpc\"}\n");
    for (int i = 0; i < MESSAGES / 2; i++) {
      text.append("{\"connection\":1,\"ms\":")
          .append(i * 2)
          .append(",\"direction\":\"RECEIVED\",\"type\":\"TEXT\",\"text\":")
          .append(quote("{\"op\":\"get\",\"id\":" + i + ",\"key\":\"item-" + i + "\"}"))
          .append("}\n");
      text.append("{\"connection\":1,\"ms\":")
          .append(i * 2 + 1)
          .append(",\"direction\":\"SENT\",\"type\":\"TEXT\",\"text\":")
          .append(quote("{\"op\":\"value\",\"id\":" + i + ",\"value\":\"v" + i + "\"}"))
          .append("}\n");
    }
    Files.writeString(conversation, text);
    // The feed: a second connection of the same recording, so that one server replays both.
    text.append("{\"connection\":2,\"ms\":0,\"type\":\"OPEN\",\"path\":\"/feed\"}\n");
    for (int i = 0; i < MESSAGES; i++) {
      text.append("{\"connection\":2,\"ms\":")
          .append(i)
          .append(",\"direction\":\"SENT\",\"type\":\"TEXT\",\"text\":")
          .append(quote("{\"tick\":" + i + ",\"price\":" + (1000 + i % 7) + "}"))
          .append("}\n");
    }
    Files.writeString(both, text);
    System.out.printf(
        "recordings: the conversation alone %d bytes (%d lines); with the feed %d bytes (%d"
            + " lines)%n",
        Files.size(conversation), MESSAGES + 2, Files.size(both), 2 * MESSAGES + 3);
    HttpClient http = HttpClient.newHttpClient();
    for (int run = 1; run <= runs; run++) {
      long startNanos = System.nanoTime();
      try (EchoServer server =
          EchoServer.builder()
              .journal(false)
              .replay(Replay.of(both).asFastAsPossible().copyingFields("id"))
              .start()) {
        long started = System.nanoTime();
        Client client = Client.open(http, URI.create("ws://127.0.0.1:" + server.port() + "/rpc"));
        for (int i = 0; i < MESSAGES / 2; i++) {
          client
              .socket
              .sendText("{\"op\":\"get\",\"id\":" + i + ",\"key\":\"item-" + i + "\"}", true)
              .join();
          String reply = client.next();
          if (!reply.contains("\"v" + i + "\"")) {
            throw new IllegalStateException("unexpected reply " + reply);
          }
        }
        long conversed = System.nanoTime();
        client.socket.abort();
        Client pushed = Client.open(http, URI.create("ws://127.0.0.1:" + server.port() + "/feed"));
        long feedStart = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
          pushed.next();
        }
        long fed = System.nanoTime();
        pushed.socket.abort();
        System.out.printf(
            "run %d: start with recording %d ms; conversation of %d messages %d ms (%.0f"
                + " round trips/s); feed of %d messages %d ms (%.0f msgs/s)%n",
            run,
            TimeUnit.NANOSECONDS.toMillis(started - startNanos),
            MESSAGES,
            TimeUnit.NANOSECONDS.toMillis(conversed - started),
            (MESSAGES / 2) / ((conversed - started) / 1e9),
            MESSAGES,
            TimeUnit.NANOSECONDS.toMillis(fed - feedStart),
            MESSAGES / ((fed - feedStart) / 1e9));
      }
    }
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A JDK WebSocket client that queues whole text messages. */
  private static final class Client implements WebSocket.Listener {
    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder part = new StringBuilder();
    private WebSocket socket;

    static Client open(HttpClient http, URI uri) {
      Client client = new Client();
      client.socket = http.newWebSocketBuilder().buildAsync(uri, client).join();
      return client;
    }

    String next() throws InterruptedException {
      String message = messages.poll(30, TimeUnit.SECONDS);
      if (message == null) {
        throw new IllegalStateException("no message within 30 s");
      }
      return message;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      part.append(data);
      if (last) {
        messages.add(part.toString());
        part.setLength(0);
      }
      webSocket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
