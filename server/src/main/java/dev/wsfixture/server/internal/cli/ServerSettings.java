package dev.wsfixture.server.internal.cli;

import dev.wsfixture.Replay;
import dev.wsfixture.internal.proxy.ProxyRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line and the environment ask of the standalone server, one field per {@link
 * ServerOption}; {@link OptionParser} fills it, defaults included. Plain mutable data.
 */
final class ServerSettings {

  int port;
  String host;
  final List<String> sessions = new ArrayList<>();
  String echoPrefix;
  long maxMessageSize;
  Path sessionsFile;
  Path replay;
  double replayTiming = 1;
  final List<String> replayIgnoredFields = new ArrayList<>();
  final List<String> replayCopiedFields = new ArrayList<>();
  Replay.Deviation onDeviation = Replay.Deviation.close();
  final List<ProxyRoute> proxies = new ArrayList<>();
  Path record;
  final List<String> maskFields = new ArrayList<>();
  Path upstreamTrust;
  int maxSessions;
  String adminToken;
  boolean noAdmin;
  int maxConnections;
  final List<String> allowedOrigins = new ArrayList<>();
  int maxPingsPerMinute;
  long idleTimeoutSeconds;
  boolean perMessageDeflate;
  final List<String> subprotocols = new ArrayList<>();
  boolean tls;
  Path keyStore;
  String keyStorePassword;
  boolean quiet;

  /** {@code --help}: print the usage and exit, start nothing. */
  boolean help;

  /** {@code --version}: print the version and exit, start nothing. */
  boolean version;
}
