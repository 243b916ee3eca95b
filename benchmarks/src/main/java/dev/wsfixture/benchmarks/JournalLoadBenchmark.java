package dev.wsfixture.benchmarks;

import dev.wsfixture.embedded.EchoServer;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Echo throughput with the journal on (the default) and off ({@code journal(false)}), under load:
 * four client threads, each with its own connection and {@value #WINDOW} messages in flight;
 * 32-byte TEXT and 64 KiB BINARY messages. The ratio on/off is what recording every frame costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
@Threads(4)
public class JournalLoadBenchmark {

  static final int WINDOW = 8;

  @State(Scope.Benchmark)
  public static class Server {
    @Param({"true", "false"})
    public boolean journal;

    @Param({"32", "65536"})
    public int size;

    EchoServer server;

    @Setup
    public void start() {
      server = EchoServer.builder().journal(journal).echoPrefix("").start();
    }

    @TearDown
    public void stop() {
      server.close();
    }
  }

  @State(Scope.Thread)
  public static class Connection {
    WsClient client;
    byte[] payload;
    boolean binary;

    @Setup(Level.Trial)
    public void connect(Server server) throws IOException {
      client = WsClient.connect(server.server.port(), "/");
      payload = new byte[server.size];
      binary = server.size > 1024;
      Arrays.fill(payload, (byte) 'x');
    }

    @TearDown(Level.Trial)
    public void disconnect() throws IOException {
      client.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(WINDOW)
  public int echo(Connection connection) throws IOException {
    for (int i = 0; i < WINDOW; i++) {
      if (connection.binary) {
        connection.client.sendBinary(connection.payload);
      } else {
        connection.client.sendText(connection.payload);
      }
    }
    connection.client.flush();
    int bytes = 0;
    for (int i = 0; i < WINDOW; i++) {
      bytes += connection.client.readMessage().length;
    }
    return bytes;
  }
}
