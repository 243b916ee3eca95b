package dev.wsfixture.server.internal.cli;

import static dev.wsfixture.server.internal.cli.ServerOption.Kind.FLAG;
import static dev.wsfixture.server.internal.cli.ServerOption.Kind.LIST;
import static dev.wsfixture.server.internal.cli.ServerOption.Kind.VALUE;

import dev.wsfixture.Replay;

/**
 * The options of {@code wsfixture-server}, in the order {@code --help} lists them, each declared
 * once: its name, the label of its value, its {@code WSFIXTURE_*} variable, its default, its line
 * of help, and how it converts its value and stores it in the {@link ServerSettings}.
 *
 * <p>An enum with a body per constant rather than a table of lambdas: each lambda is a class the
 * JVM generates at start-up, about a millisecond apiece on a cold JVM; these are ordinary classes
 * in the jar.
 */
enum ServerOption {
  PORT(VALUE, "--port", "PORT", "WSFIXTURE_PORT", "8765", "Port to listen on, 0 for a free one") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.port = Values.port(text);
    }
  },
  HOST(
      VALUE,
      "--host",
      "HOST",
      "WSFIXTURE_HOST",
      "127.0.0.1",
      "Address to bind: 0.0.0.0 (or ::) for every interface, which asks the admin API for a"
          + " token") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.host = text;
    }
  },
  SESSION(
      LIST,
      "--session",
      "ID",
      "WSFIXTURE_SESSIONS",
      null,
      "Register session ID at start; repeatable, or comma-separated") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.sessions.addAll(Values.commaSeparated(text));
    }
  },
  ECHO_PREFIX(
      VALUE,
      "--echo-prefix",
      "TEXT",
      "WSFIXTURE_ECHO_PREFIX",
      "Echo: ",
      "Prefix of echo replies, \"\" for none") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.echoPrefix = text;
    }
  },
  MAX_MESSAGE_SIZE(
      VALUE,
      "--max-message-size",
      "SIZE",
      "WSFIXTURE_MAX_MESSAGE_SIZE",
      "16MiB",
      "Largest message accepted, in bytes or with a unit: 64KiB, 16MiB; larger messages get"
          + " close code 1009") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.maxMessageSize = ByteSize.parse(text);
    }
  },
  SESSIONS_FILE(
      VALUE,
      "--sessions-file",
      "FILE",
      "WSFIXTURE_SESSIONS_FILE",
      null,
      "JSON file that keeps registered sessions across restarts: loaded at start, rewritten on"
          + " every change") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.sessionsFile = Values.path(text);
    }
  },
  MAX_SESSIONS(
      VALUE,
      "--max-sessions",
      "N",
      "WSFIXTURE_MAX_SESSIONS",
      "10000",
      "Most sessions registered at once; beyond it registrations get 503") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.maxSessions = Values.integer(text);
    }
  },
  ADMIN_TOKEN(
      VALUE,
      "--admin-token",
      "TOKEN",
      "WSFIXTURE_ADMIN_TOKEN",
      null,
      "Bearer token the admin API (/__admin/) requires. Without it the API is open on a loopback"
          + " address; on any other address a token is generated and printed at start") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.adminToken = text;
    }
  },
  NO_ADMIN(FLAG, "--no-admin", "WSFIXTURE_NO_ADMIN", "Serve no admin API at all") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.noAdmin = Values.bool(text);
    }
  },
  MAX_CONNECTIONS(
      VALUE,
      "--max-connections",
      "N",
      "WSFIXTURE_MAX_CONNECTIONS",
      "0",
      "Most WebSocket connections open at once, 0 for no limit; beyond it handshakes get 503") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.maxConnections = Values.integer(text);
    }
  },
  ALLOWED_ORIGIN(
      LIST,
      "--allowed-origin",
      "ORIGIN",
      "WSFIXTURE_ALLOWED_ORIGINS",
      null,
      "Accept WebSocket handshakes from pages of this origin only (http://localhost:3000);"
          + " repeatable or comma-separated; default any") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.allowedOrigins.addAll(Values.commaSeparated(text));
    }
  },
  MAX_PINGS_PER_MINUTE(
      VALUE,
      "--max-pings-per-minute",
      "N",
      "WSFIXTURE_MAX_PINGS_PER_MINUTE",
      "0",
      "Close a connection sending more pings a minute with 1008, 0 for no limit") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.maxPingsPerMinute = Values.integer(text);
    }
  },
  IDLE_TIMEOUT(
      VALUE,
      "--idle-timeout",
      "SECONDS",
      "WSFIXTURE_IDLE_TIMEOUT",
      "0",
      "Close a connection silent this many seconds with 1001, 0 for never") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.idleTimeoutSeconds = Values.longInteger(text);
    }
  },
  PERMESSAGE_DEFLATE(
      FLAG,
      "--permessage-deflate",
      "WSFIXTURE_PERMESSAGE_DEFLATE",
      "Offer permessage-deflate compression") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.perMessageDeflate = Values.bool(text);
    }
  },
  SUBPROTOCOL(
      LIST,
      "--subprotocol",
      "NAME",
      "WSFIXTURE_SUBPROTOCOLS",
      null,
      "A subprotocol the server speaks; repeatable or comma-separated, in order of preference") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.subprotocols.addAll(Values.commaSeparated(text));
    }
  },
  TLS(
      FLAG,
      "--tls",
      "WSFIXTURE_TLS",
      "Serve wss:// and https://; with a self-signed certificate made at start unless --keystore"
          + " is given") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.tls = Values.bool(text);
    }
  },
  KEYSTORE(
      VALUE,
      "--keystore",
      "FILE",
      "WSFIXTURE_KEYSTORE",
      null,
      "PKCS12 (or .jks) key store with the server's key and certificate; implies --tls") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.keyStore = Values.path(text);
    }
  },
  KEYSTORE_PASSWORD(
      VALUE,
      "--keystore-password",
      "PASSWORD",
      "WSFIXTURE_KEYSTORE_PASSWORD",
      null,
      "Password of --keystore") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.keyStorePassword = text;
    }
  },
  PROXY(
      LIST,
      "--proxy",
      "URL",
      "WSFIXTURE_PROXY",
      null,
      "Proxy WebSocket handshakes to this ws:// or wss:// upstream: URL takes every path (the"
          + " client's path appended), /PATH=URL that one path; repeatable or comma-separated") {
    @Override
    void apply(ServerSettings settings, String text) {
      for (String route : Values.commaSeparated(text)) {
        settings.proxies.add(Values.proxy(route));
      }
    }
  },
  RECORD(
      VALUE,
      "--record",
      "FILE",
      "WSFIXTURE_RECORD",
      null,
      "Record what the proxy relays to this file from the start (docs/recording.md), one line"
          + " per frame, flushed as it happens") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.record = Values.path(text);
    }
  },
  MASK_FIELD(
      LIST,
      "--mask-field",
      "NAME",
      "WSFIXTURE_MASK_FIELDS",
      null,
      "JSON field (or query parameter) a recording writes as \"***\"; repeatable") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.maskFields.addAll(Values.commaSeparated(text));
    }
  },
  UPSTREAM_TRUST(
      VALUE,
      "--upstream-trust",
      "FILE",
      "WSFIXTURE_UPSTREAM_TRUST",
      null,
      "PEM (or DER) certificates a wss:// upstream is trusted with, instead of the JDK's trust"
          + " store: for a self-signed upstream") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.upstreamTrust = Values.path(text);
    }
  },
  REPLAY(
      VALUE,
      "--replay",
      "FILE",
      "WSFIXTURE_REPLAY",
      null,
      "Replay this recording (docs/recording.md) on the paths it recorded, instead of the echo") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.replay = Values.path(text);
    }
  },
  REPLAY_TIMING(
      VALUE,
      "--replay-timing",
      "TIMING",
      "WSFIXTURE_REPLAY_TIMING",
      "real",
      "How a replay keeps the recorded delays: real, fast (none), or a factor such as 0.5") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.replayTiming = Replay.timeScale(text);
    }
  },
  REPLAY_IGNORE_FIELD(
      LIST,
      "--replay-ignore-field",
      "NAME",
      "WSFIXTURE_REPLAY_IGNORE_FIELDS",
      null,
      "JSON field whose value a replay does not compare (timestamps); repeatable") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.replayIgnoredFields.addAll(Values.commaSeparated(text));
    }
  },
  REPLAY_COPY_FIELD(
      LIST,
      "--replay-copy-field",
      "NAME",
      "WSFIXTURE_REPLAY_COPY_FIELDS",
      null,
      "JSON field a replay copies from the client's message into the replies (request ids);"
          + " repeatable") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.replayCopiedFields.addAll(Values.commaSeparated(text));
    }
  },
  ON_DEVIATION(
      VALUE,
      "--on-deviation",
      "ANSWER",
      "WSFIXTURE_ON_DEVIATION",
      "close",
      "What a replay does with a message it did not expect: close, close:CODE, echo, ignore") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.onDeviation = Replay.Deviation.parse(text);
    }
  },
  QUIET(FLAG, "--quiet", "WSFIXTURE_QUIET", "Log only the listening line and errors") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.quiet = Values.bool(text);
    }
  },
  HELP("-h", "--help", "Show this help message and exit") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.help = Values.bool(text);
    }
  },
  VERSION("-V", "--version", "Print version information and exit") {
    @Override
    void apply(ServerSettings settings, String text) {
      settings.version = Values.bool(text);
    }
  };

  /** What an option takes. */
  enum Kind {
    /** One value, given at most once. */
    VALUE,
    /**
     * Comma-separated values, the option repeatable; its variable is a comma-separated list too,
     * which the command line replaces rather than adds to.
     */
    LIST,
    /**
     * No value: off unless given; {@code --name} alone turns it on, {@code --name=true} or {@code
     * =false}, and its variable, set it either way.
     */
    FLAG
  }

  private final Kind kind;
  private final String longName;
  private final String shortName;
  private final String label;
  private final String env;
  private final String defaultValue;
  private final String description;

  /** An option that takes a value. */
  ServerOption(
      Kind kind, String name, String label, String env, String defaultValue, String description) {
    this(kind, name, null, label, env, defaultValue, description);
  }

  /** A flag with a variable. */
  ServerOption(Kind flag, String name, String env, String description) {
    this(flag, name, null, null, env, null, description);
  }

  /** A flag with a one-letter name too, {@code -h}, and no variable. */
  ServerOption(String shortName, String name, String description) {
    this(FLAG, name, shortName, null, null, null, description);
  }

  ServerOption(
      Kind kind,
      String longName,
      String shortName,
      String label,
      String env,
      String defaultValue,
      String description) {
    this.kind = kind;
    this.longName = longName;
    this.shortName = shortName;
    this.label = label;
    this.env = env;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /**
   * Converts {@code text} and stores it in {@code settings}; a list option adds its items.
   *
   * @throws IllegalArgumentException saying why {@code text} is not acceptable
   */
  abstract void apply(ServerSettings settings, String text);

  Kind kind() {
    return kind;
  }

  /** The long name, {@code --port}. */
  String longName() {
    return longName;
  }

  /** The one-letter name, {@code -h}, or null. */
  String shortName() {
    return shortName;
  }

  /** What the value is, {@code PORT} in {@code --port=PORT}; null for a flag. */
  String label() {
    return label;
  }

  /** The environment variable read when the option is not given, or null. */
  String env() {
    return env;
  }

  /**
   * The value, as text, when neither the option nor its variable is given; null to leave the
   * setting as it is (off, empty or absent).
   */
  String defaultValue() {
    return defaultValue;
  }

  /** Sentences for {@code --help}, without the closing period; the default and variable follow. */
  String description() {
    return description;
  }

  /** Whether {@code word} (without any {@code =value}) names this option. */
  boolean isNamed(String word) {
    return word.equals(longName) || word.equals(shortName);
  }
}
