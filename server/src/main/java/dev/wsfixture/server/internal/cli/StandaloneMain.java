package dev.wsfixture.server.internal.cli;

import dev.wsfixture.Replay;
import dev.wsfixture.embedded.EchoServer;
import dev.wsfixture.internal.proxy.ProxyRoute;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The standalone server: reads its options ({@link ServerOption}) into an {@link
 * EchoServer.Builder}, starts it, logs the traffic, and closes every connection with 1001 on SIGINT
 * or SIGTERM before exiting 0. A bad option or variable exits 2, a failure to start 1, each with
 * one line on standard error.
 */
public final class StandaloneMain {

  /** The program's name, in the usage line, the version and every error. */
  static final String PROGRAM = "wsfixture-server";

  private StandaloneMain() {}

  public static void main(String[] args) {
    StandaloneJvm.prepare();
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  /**
   * Runs the program and returns its exit status; when it starts the server, returns only after the
   * server stopped.
   */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    ServerSettings settings;
    try {
      settings = OptionParser.parse(args, env);
    } catch (UsageException e) {
      err.println(PROGRAM + ": " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (settings.help) {
      out.print(HelpText.render(PROGRAM));
      out.flush();
      return 0;
    }
    if (settings.version) {
      out.println(version());
      out.flush();
      return 0;
    }
    try {
      return serve(settings, out);
    } catch (RuntimeException e) {
      err.println(PROGRAM + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    }
  }

  /** {@code wsfixture-server VERSION}, from the jar's manifest, or {@code (development)}. */
  static String version() {
    String version = StandaloneMain.class.getPackage().getImplementationVersion();
    return PROGRAM + " " + (version == null ? "(development)" : version);
  }

  private static int serve(ServerSettings settings, PrintStream out) {
    ConsoleLog log = new ConsoleLog(out, settings.quiet);
    EchoServer server = start(settings, log, out);
    CountDownLatch stopped = new CountDownLatch(1);
    ShutdownSignals.onStop(
        () -> {
          server.close();
          log.stopped();
          stopped.countDown();
        });
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return 0;
  }

  /**
   * Starts the server that {@code args} and {@code env} describe and prints its start log, as the
   * program does, but leaves stopping it to the caller: for tests that run the program's exact
   * configuration in their own JVM.
   */
  static EchoServer start(List<String> args, Map<String, String> env, PrintStream out)
      throws UsageException {
    ServerSettings settings = OptionParser.parse(args, env);
    return start(settings, new ConsoleLog(out, settings.quiet), out);
  }

  private static EchoServer start(ServerSettings settings, ConsoleLog log, PrintStream out) {
    quietLibraryLogging();
    boolean tokenGiven = settings.adminToken != null && !settings.adminToken.isEmpty();
    EchoServer.Builder builder =
        EchoServer.builder()
            .host(settings.host)
            .port(settings.port)
            .echoPrefix(settings.echoPrefix)
            .maxMessageSize(settings.maxMessageSize)
            .sessionsFile(settings.sessionsFile)
            .maxSessions(settings.maxSessions)
            .journalLimit(1000)
            .journalListener(log::entry)
            .adminApi(!settings.noAdmin)
            .adminToken(tokenGiven ? settings.adminToken : null)
            .maxConnections(settings.maxConnections)
            .allowedOrigins(settings.allowedOrigins.toArray(new String[0]))
            .maxPingsPerMinute(settings.maxPingsPerMinute)
            .perMessageDeflate(settings.perMessageDeflate)
            .subprotocols(settings.subprotocols.toArray(new String[0]));
    if (settings.keyStore != null) {
      builder.tls(settings.keyStore, settings.keyStorePassword);
    } else if (settings.tls) {
      builder.tls();
    }
    if (settings.idleTimeoutSeconds > 0) {
      builder.idleTimeout(Duration.ofSeconds(settings.idleTimeoutSeconds));
    }
    settings.sessions.forEach(builder::session);
    if (settings.replay != null) {
      builder.replay(
          Replay.of(settings.replay)
              .scaled(settings.replayTiming)
              .ignoringFields(settings.replayIgnoredFields.toArray(new String[0]))
              .copyingFields(settings.replayCopiedFields.toArray(new String[0]))
              .onDeviation(settings.onDeviation));
    }
    for (ProxyRoute route : settings.proxies) {
      if (route.everyPath()) {
        builder.proxy(route.upstream());
      } else {
        builder.proxy(route.path(), route.upstream());
      }
    }
    if (settings.record != null) {
      builder.record(settings.record);
    }
    builder.maskFields(settings.maskFields.toArray(new String[0]));
    if (settings.upstreamTrust != null) {
      builder.upstreamSslContext(UpstreamTrust.load(settings.upstreamTrust));
    }
    EchoServer server = builder.start();
    boolean tls = settings.tls || settings.keyStore != null;
    log.listening(settings.host, server.port(), tls, server.sessions());
    if (server.adminToken().isPresent() && !tokenGiven) {
      out.println(
          "Admin API token (generated; this server is not on loopback): "
              + server.adminToken().get());
      out.println(
          "  curl "
              + (tls ? "-k " : "")
              + "-H 'Authorization: Bearer "
              + server.adminToken().get()
              + "' "
              + Addresses.httpUri(settings.host, server.port(), tls)
              + "__admin/health");
      out.flush();
    }
    return server;
  }

  private static void quietLibraryLogging() {
    for (Logger logger : LibraryLoggers.QUIETED) {
      logger.setLevel(Level.WARNING);
    }
  }

  /**
   * The parents of the libraries' loggers, held here: java.util.logging keeps loggers only weakly,
   * and one collected before the libraries create theirs would take its WARNING level along.
   */
  private static final class LibraryLoggers {
    static final List<Logger> QUIETED =
        List.of(
            Logger.getLogger("org.xnio"),
            Logger.getLogger("org.jboss"),
            Logger.getLogger("io.undertow"));
  }
}
