package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.wsfixture.ConnectionInfo;
import dev.wsfixture.Faults;
import dev.wsfixture.Journal;
import dev.wsfixture.Replay;
import dev.wsfixture.Stubs;
import dev.wsfixture.WebSocketFixture;
import dev.wsfixture.internal.api.SessionIds;
import dev.wsfixture.internal.wire.AdminPaths;
import dev.wsfixture.internal.wire.Bodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The wsfixture WebSocket echo and session server in a Docker container. It is a {@link
 * WebSocketFixture}, as {@code EchoServer} is, and every method means the same on both: a test
 * written against the interface runs against either. Each method is a call to the container's admin
 * HTTP API.
 *
 * <pre>{@code
 * try (WebSocketEchoContainer server = new WebSocketEchoContainer().withSession("0101")) {
 *   server.start();
 *   service.connect(server.sessionUri("0101"));     // the code under test, in any language
 *   server.journal().awaitReceived("hello");
 * }
 * }</pre>
 *
 * <p>Supported image: {@code wsfixture/server}, which the wsfixture build produces with no registry
 * ({@code server/src/main/docker}); it is never pulled. The default is the tag of this library's
 * version.
 *
 * <p>Instead of echoing, it can replay a recording ({@link #withReplay(Replay)}), or stand between
 * a client and a real server, relay their conversation and record it to a file on this machine
 * ({@link #withProxy(URI)}, {@link #withRecording(Path)}).
 *
 * <p>Exposed port: 8765, HTTP and WebSocket on one port. Other containers on the same network reach
 * it at {@code ws://ALIAS:8765/}.
 *
 * <p>The container binds every interface, so its admin API needs a token: this class sets a random
 * one at start ({@link #adminToken()}) and sends it on every call. The image's own {@code
 * HEALTHCHECK} is switched off here, because the wait strategy already checks {@code
 * /__admin/health}.
 *
 * <p>Without Ryuk (the resource reaper), stop the container yourself: try-with-resources, or
 * {@code @Container} with the Testcontainers JUnit extension.
 */
public class WebSocketEchoContainer extends GenericContainer<WebSocketEchoContainer>
    implements WebSocketFixture {

  private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
  private static final TypeReference<List<ConnectionInfo>> CONNECTIONS = new TypeReference<>() {};

  /** The port the server listens on inside the container. */
  public static final int PORT = 8765;

  /** The image repository, without a tag. */
  public static final DockerImageName IMAGE_NAME = DockerImageName.parse("wsfixture/server");

  /** The version of this library, and the tag of its image. */
  public static final String VERSION = readVersion();

  /** The image built by the same wsfixture version: {@code wsfixture/server:VERSION}. */
  public static final DockerImageName DEFAULT_IMAGE = IMAGE_NAME.withTag(VERSION);

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofSeconds(5);
  private static final int STOP_TIMEOUT_SECONDS = 10;

  private final String image;
  private final Set<String> sessions = new LinkedHashSet<>();
  private final String token = randomToken();
  private final AdminClient admin = new AdminClient(this::httpUri, token);
  private Duration awaitTimeout = DEFAULT_AWAIT_TIMEOUT;
  private final ContainerJournal journal = new ContainerJournal(admin, () -> awaitTimeout);
  private final ContainerFaults faults = new ContainerFaults(admin);
  private final ContainerStubs stubs = new ContainerStubs(admin);
  private final ProxyRoutes proxies = new ProxyRoutes();
  private final Set<String> maskFields = new LinkedHashSet<>();
  private RecordingFile recordingFile;
  private int hostNetworkPort;

  /** A container of {@link #DEFAULT_IMAGE}. */
  public WebSocketEchoContainer() {
    this(DEFAULT_IMAGE);
  }

  /**
   * @param dockerImageName a {@code wsfixture/server} image, e.g. {@code "wsfixture/server:latest"}
   */
  public WebSocketEchoContainer(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /**
   * @param dockerImageName a {@code wsfixture/server} image, or another name declared with {@code
   *     .asCompatibleSubstituteFor("wsfixture/server")}
   */
  public WebSocketEchoContainer(DockerImageName dockerImageName) {
    super(dockerImageName);
    dockerImageName.assertCompatibleWith(IMAGE_NAME);
    this.image = dockerImageName.asCanonicalNameString();
    addExposedPort(PORT);
    withEnv("WSFIXTURE_ADMIN_TOKEN", token);
    setWaitStrategy(
        Wait.forHttp(AdminPaths.PREFIX + AdminPaths.HEALTH)
            .forPort(PORT)
            .forStatusCode(200)
            .withHeader("Authorization", "Bearer " + token)
            .withStartupTimeout(STARTUP_TIMEOUT));
    withCreateContainerCmdModifier(
        command -> command.withHealthcheck(new HealthCheck().withTest(List.of("NONE"))));
  }

  /**
   * Registers session {@code ids} at start (before {@link #start()}; after it, use {@link
   * #register(String)}). Ids are 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}.
   */
  public WebSocketEchoContainer withSession(String... ids) {
    for (String id : ids) {
      sessions.add(Objects.requireNonNull(id, "session id"));
    }
    return self();
  }

  /** The prefix of echo replies, {@code "Echo: "} unless set; {@code ""} for none. */
  public WebSocketEchoContainer withEchoPrefix(String prefix) {
    return withEnv("WSFIXTURE_ECHO_PREFIX", Objects.requireNonNull(prefix, "prefix"));
  }

  /** The largest message the server accepts, in bytes; larger ones get close code 1009. */
  public WebSocketEchoContainer withMaxMessageSize(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + bytes);
    }
    return withEnv("WSFIXTURE_MAX_MESSAGE_SIZE", Long.toString(bytes));
  }

  /** Where {@link #withReplay(Replay)} puts the recording inside the container. */
  static final String REPLAY_PATH = "/recordings/replay.jsonl";

  /**
   * Replays a recording (see {@code docs/recording.md}) instead of echoing on the paths it
   * recorded: the file is copied into the container and the replay's settings passed on. Check that
   * the client followed it with {@code journal().assertNoDeviations()}.
   */
  public WebSocketEchoContainer withReplay(Replay replay) {
    Objects.requireNonNull(replay, "replay");
    if (!java.nio.file.Files.isRegularFile(replay.recording())) {
      throw new IllegalArgumentException("recording " + replay.recording() + " does not exist");
    }
    withCopyFileToContainer(
        MountableFile.forHostPath(replay.recording().toAbsolutePath(), 0644), REPLAY_PATH);
    withEnv("WSFIXTURE_REPLAY", REPLAY_PATH);
    withEnv("WSFIXTURE_REPLAY_TIMING", Double.toString(replay.timeScale()));
    if (!replay.ignoredFields().isEmpty()) {
      withEnv("WSFIXTURE_REPLAY_IGNORE_FIELDS", String.join(",", replay.ignoredFields()));
    }
    if (!replay.copiedFields().isEmpty()) {
      withEnv("WSFIXTURE_REPLAY_COPY_FIELDS", String.join(",", replay.copiedFields()));
    }
    Replay.Deviation deviation = replay.onDeviation();
    withEnv(
        "WSFIXTURE_ON_DEVIATION",
        switch (deviation.answer()) {
          case CLOSE -> "close:" + deviation.closeCode();
          case ECHO -> "echo";
          case IGNORE -> "ignore";
        });
    return self();
  }

  /** Where {@link #withUpstreamTrust(Path)} puts the certificates inside the container. */
  static final String UPSTREAM_TRUST_PATH = "/trust/upstream.pem";

  /**
   * Proxies every WebSocket handshake, on any path, to {@code upstream} ({@code ws://} or {@code
   * wss://}) and relays the conversation both ways, unchanged: the client's path is appended to the
   * upstream's ({@code ws://host/api} and {@code /chat} give {@code ws://host/api/chat}) and its
   * query kept. Plain HTTP (the page, {@code /stream}, {@code /__admin}) is never proxied. Record
   * the conversation with {@link #withRecording(Path)} or {@link #startRecording(String...)}; see
   * {@code docs/recording.md}.
   *
   * <p>The container opens the upstream connection, so {@code upstream} must be an address the
   * container reaches. There, {@code localhost} is the container itself, and {@link #start()}
   * refuses a loopback upstream. A server in another container: put both on one {@code Network} and
   * give its network alias. A server on this machine: call {@code
   * org.testcontainers.Testcontainers.exposeHostPorts(port)} before {@code start()} and give {@code
   * ws://host.testcontainers.internal:PORT}; Testcontainers then tunnels to the port on this
   * machine's loopback through its SSH container, {@code testcontainers/sshd}, which it pulls from
   * Docker Hub. Or, on Linux, run the container on this machine's network, {@code
   * withNetworkMode("host")}: then {@code ws://127.0.0.1:PORT} is this machine's loopback, and the
   * server itself listens on a free loopback port ({@link #echoUri()} gives it). Or use Docker's
   * gateway to this machine (Docker 20.10 or later): {@code
   * withExtraHost("host.testcontainers.internal", "host-gateway")}, with the server listening on
   * the Docker bridge's gateway address ({@code docker network inspect bridge}, often {@code
   * 172.17.0.1}), not on {@code 127.0.0.1}.
   *
   * @throws IllegalArgumentException if {@code upstream} is not a {@code ws://} or {@code wss://}
   *     URL with a host, contains a comma, or this method was called before
   */
  public WebSocketEchoContainer withProxy(URI upstream) {
    proxies.add(null, upstream);
    return self();
  }

  /**
   * Proxies WebSocket handshakes to exactly {@code path} to exactly {@code upstream} (the client's
   * query appended), as {@link #withProxy(URI)} says; an exact path wins over the every-path
   * upstream, and other paths keep the echo and the session endpoints. May be called for several
   * paths.
   *
   * @throws IllegalArgumentException if {@code path} does not start with {@code /}, contains {@code
   *     ,} or {@code =}, or was given before, or {@code upstream} is not a {@code ws://} or {@code
   *     wss://} URL with a host
   */
  public WebSocketEchoContainer withProxy(String path, URI upstream) {
    proxies.add(Objects.requireNonNull(path, "path"), upstream);
    return self();
  }

  /**
   * Records what the proxy relays, from the start, to {@code hostFile} on this machine (what the
   * file held is dropped; the format is in {@code docs/recording.md}). Each line is written and
   * flushed when its frame passes, so the file is complete up to the last frame while the container
   * runs; replay it with {@link #withReplay(Replay)} in another container, or with {@code
   * EchoServer}. Needs {@link #withProxy(URI)}.
   *
   * <p>The file's directory is bind-mounted into the container, so the Docker engine must share
   * this machine's files (a local engine, or Docker Desktop); with a remote one, fetch the
   * recording with {@link #recording()} instead. In the container the server runs as uid 10001, not
   * as you: at {@code start()} the directory is created if missing and made enterable for others
   * ({@code o+x}; it stays so), the file is created empty if missing and made writable for others
   * ({@code o+rw}) while the container runs; it stays yours, and gets its permissions back when the
   * container stops. A file this JVM may not change that way fails {@code start()}, naming it.
   *
   * @throws IllegalArgumentException if {@code hostFile} is a directory
   * @throws IllegalStateException if a recording file was given before
   */
  public WebSocketEchoContainer withRecording(Path hostFile) {
    if (recordingFile != null) {
      throw new IllegalStateException(
          "withRecording is given twice; a container records to one file");
    }
    RecordingFile file = new RecordingFile(hostFile);
    // Not withFileSystemBind: before its first bind in a JVM, Testcontainers checks that the engine
    // can mount this machine's files by running a container of alpine, which it pulls (without a
    // registry, minutes until that pull gives up). A bind the engine cannot make fails start()
    // anyway, with Docker's message.
    Bind bind =
        new Bind(
            file.hostDirectory().toString(),
            new Volume(RecordingFile.CONTAINER_DIRECTORY),
            AccessMode.rw);
    withCreateContainerCmdModifier(
        command -> {
          HostConfig host = command.getHostConfig();
          List<Bind> binds =
              new ArrayList<>(host.getBinds() == null ? List.of() : Arrays.asList(host.getBinds()));
          binds.add(bind);
          host.withBinds(binds);
        });
    withEnv("WSFIXTURE_RECORD", file.containerPath());
    recordingFile = file;
    return self();
  }

  /**
   * JSON fields whose values a recording writes as {@code "***"}, at any depth of a text message
   * that is a JSON object or array, and as query parameters of a recorded handshake: tokens and
   * passwords stay out of the file you commit. The journal keeps the real values.
   *
   * @throws IllegalArgumentException if a name is empty or contains a comma
   */
  public WebSocketEchoContainer withMaskFields(String... names) {
    for (String name : names) {
      maskFields.add(fieldName(name));
    }
    return self();
  }

  /**
   * Trusts a {@code wss://} upstream with the certificates in {@code pemFile} (PEM or DER) instead
   * of the JDK's trust store: for an upstream with a self-signed certificate. The file is copied
   * into the container. The upstream's certificate chain is checked, its host name is not.
   *
   * @throws IllegalArgumentException if {@code pemFile} is not a file
   */
  public WebSocketEchoContainer withUpstreamTrust(Path pemFile) {
    Objects.requireNonNull(pemFile, "pemFile");
    if (!java.nio.file.Files.isRegularFile(pemFile)) {
      throw new IllegalArgumentException(
          "withUpstreamTrust(" + pemFile + "): no such file; give the upstream's certificate");
    }
    withCopyFileToContainer(
        MountableFile.forHostPath(pemFile.toAbsolutePath(), 0644), UPSTREAM_TRUST_PATH);
    return withEnv("WSFIXTURE_UPSTREAM_TRUST", UPSTREAM_TRUST_PATH);
  }

  /** How long the journal's {@code await…} methods wait: 5 seconds unless set. */
  public WebSocketEchoContainer withAwaitTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("awaitTimeout must be positive, was " + timeout);
    }
    this.awaitTimeout = timeout;
    return self();
  }

  @Override
  protected void configure() {
    if ("host".equals(getNetworkMode())) {
      // The host's network: no port is published, so the server listens on a free port of this
      // machine's loopback, and ws://localhost:PORT/ below is that port.
      hostNetworkPort = freeLoopbackPort();
      setExposedPorts(List.of());
      withEnv("WSFIXTURE_PORT", Integer.toString(hostNetworkPort));
      withEnv("WSFIXTURE_HOST", "127.0.0.1");
    }
    if (!sessions.isEmpty()) {
      withEnv("WSFIXTURE_SESSIONS", String.join(",", sessions));
    }
    if (!proxies.isEmpty()) {
      proxies.requireReachable(getNetworkMode());
      withEnv("WSFIXTURE_PROXY", proxies.env());
    }
    if (!maskFields.isEmpty()) {
      withEnv("WSFIXTURE_MASK_FIELDS", String.join(",", maskFields));
    }
    if (recordingFile != null) {
      if (proxies.isEmpty()) {
        throw new IllegalStateException(
            "withRecording records what a proxy relays: add withProxy(upstream) to the container");
      }
      recordingFile.prepare();
    }
    requireLocalImage();
  }

  /**
   * The port {@code originalPort} is reached at from this machine: the published one, or under
   * {@code withNetworkMode("host")} the loopback port the server listens on.
   */
  @Override
  public Integer getMappedPort(int originalPort) {
    if (hostNetworkPort != 0 && originalPort == PORT) {
      return hostNetworkPort;
    }
    return super.getMappedPort(originalPort);
  }

  private static int freeLoopbackPort() {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback address", e);
    }
  }

  @Override
  protected void containerIsStopped(InspectContainerResponse containerInfo) {
    if (recordingFile != null) {
      recordingFile.restore();
    }
  }

  /** The echo endpoint as seen from the host, {@code ws://localhost:MAPPED_PORT/}. */
  @Override
  public URI echoUri() {
    return uri("ws", "/");
  }

  /**
   * The WebSocket address of session {@code id}, {@code ws://localhost:MAPPED_PORT/ws/ID}. The
   * session need not be registered, so that a test can check how a client copes with the 403.
   *
   * @throws IllegalArgumentException if {@code id} breaks the session id rule, as {@code
   *     EchoServer} does
   */
  @Override
  public URI sessionUri(String id) {
    return uri("ws", "/ws/" + SessionIds.require(id));
  }

  /** The HTTP address of the server, {@code http://localhost:MAPPED_PORT/}: the HTML client. */
  @Override
  public URI httpUri() {
    return uri("http", "/");
  }

  /**
   * The token the admin API of this container expects: always present, because the container binds
   * every interface. This class sends it on every call; it is for callers outside it.
   */
  @Override
  public Optional<String> adminToken() {
    return Optional.of(token);
  }

  /** The registered session ids, in registration order; one admin API call. */
  @Override
  public Set<String> sessions() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(admin.get(AdminPaths.SESSIONS, IDS)));
  }

  /**
   * Registers session {@code id} while the container runs; before {@link #start()}, use {@link
   * #withSession(String...)}.
   *
   * @return false if it was registered already
   * @throws IllegalArgumentException if {@code id} breaks the session id rule
   */
  @Override
  public boolean register(String id) {
    SessionIds.require(id);
    return admin
        .post(AdminPaths.SESSIONS, new Bodies.Register(id), Bodies.Registered.class)
        .created();
  }

  /**
   * Removes session {@code id} and closes its open connections with 1000.
   *
   * @return false if it was not registered
   */
  @Override
  public boolean unregister(String id) {
    return SessionIds.isValid(id) && admin.deleteIfPresent(AdminPaths.SESSIONS + "/" + id);
  }

  /** The open WebSocket connections, oldest first. */
  @Override
  public List<ConnectionInfo> connections() {
    return admin.get(AdminPaths.CONNECTIONS, CONNECTIONS);
  }

  /**
   * Everything the server saw and sent, read over the admin API. A wait reads the journal once and
   * then long-polls the server for new entries ({@code GET /__admin/journal/wait}).
   */
  @Override
  public Journal journal() {
    return journal;
  }

  /**
   * Breaks connections on purpose (close with a code, abort, delay, hang, drop, refuse handshakes,
   * ping), as {@code EchoServer.faults()} does, over {@code /__admin/faults}.
   */
  @Override
  public Faults faults() {
    return faults;
  }

  /**
   * Scripted replies instead of the echo ({@code Stub.exact("ping").reply("pong")}), as {@code
   * EchoServer.stubs()} offers, over {@code /__admin/stubs}.
   */
  @Override
  public Stubs stubs() {
    return stubs;
  }

  /**
   * Sends {@code text} to every open connection of session {@code sessionId}.
   *
   * @return how many connections it was sent to (0 when the session has none open)
   * @throws IllegalArgumentException if the session is not registered
   */
  @Override
  public int push(String sessionId, String text) {
    return push(
        new Bodies.Push(
            Objects.requireNonNull(sessionId, "sessionId"),
            Objects.requireNonNull(text, "text"),
            null));
  }

  /** As {@link #push(String, String)}, with a BINARY message. */
  @Override
  public int push(String sessionId, byte[] data) {
    return push(
        new Bodies.Push(Objects.requireNonNull(sessionId, "sessionId"), null, base64(data)));
  }

  /** Sends {@code text} to every open connection, echo and sessions alike; returns how many. */
  @Override
  public int broadcast(String text) {
    return push(new Bodies.Push(null, Objects.requireNonNull(text, "text"), null));
  }

  /** As {@link #broadcast(String)}, with a BINARY message. */
  @Override
  public int broadcast(byte[] data) {
    return push(new Bodies.Push(null, null, base64(data)));
  }

  private int push(Bodies.Push body) {
    return admin.post(AdminPaths.PUSH, body, Bodies.Count.class).count();
  }

  /**
   * What the proxy recorded so far, as the lines of a recording file ({@code docs/recording.md}):
   * the header, then one line per connection opened and per frame ({@code GET /__admin/recording}).
   * With {@link #withRecording(Path)}, the same text as the file; else {@code ""} until {@link
   * #startRecording(String...)}.
   *
   * @throws IllegalStateException if the container proxies nothing
   */
  public String recording() {
    requireProxy("recording()");
    return admin.getText(AdminPaths.RECORDING);
  }

  /**
   * Starts a fresh recording of the connections that open from now on ({@code POST
   * /__admin/recording/start}): what was recorded before is dropped, and the {@link
   * #withRecording(Path) file}, if any, starts again.
   *
   * @param moreMaskFields fields to mask besides those of {@link #withMaskFields(String...)}
   * @throws IllegalStateException if the container proxies nothing
   */
  public void startRecording(String... moreMaskFields) {
    requireProxy("startRecording()");
    List<String> fields = new ArrayList<>();
    for (String name : moreMaskFields) {
      fields.add(fieldName(name));
    }
    admin.post(
        AdminPaths.RECORDING_START,
        new Bodies.RecordingStart(fields),
        Bodies.RecordingStatus.class);
  }

  /**
   * Stops recording ({@code POST /__admin/recording/stop}); {@link #recording()} still gives what
   * was recorded.
   *
   * @throws IllegalStateException if the container proxies nothing
   */
  public void stopRecording() {
    requireProxy("stopRecording()");
    admin.post(AdminPaths.RECORDING_STOP, null, Bodies.RecordingStatus.class);
  }

  private void requireProxy(String method) {
    if (proxies.isEmpty() && !getEnvMap().containsKey("WSFIXTURE_PROXY")) {
      throw new IllegalStateException(
          method
              + " needs a proxy, which records what it relays: give withProxy(upstream) before"
              + " start()");
    }
  }

  private static String fieldName(String name) {
    Objects.requireNonNull(name, "a mask field name");
    if (name.isEmpty() || name.contains(",")) {
      throw new IllegalArgumentException(
          "mask field '" + name + "' is not a field name: give names such as \"token\"");
    }
    return name;
  }

  /**
   * Back to the state at start: the sessions it was started with, an empty journal, no faults, no
   * stubs. Open connections stay open.
   */
  @Override
  public void reset() {
    admin.post(AdminPaths.RESET, null, Bodies.Ok.class);
    journal.resetTaking();
  }

  /**
   * Stops the server's listener and listens again on the same port, in the same container and
   * process ({@code POST /__admin/restart}): sessions (also those registered since start), journal,
   * faults and stubs are kept, open connections get close code {@value #CLOSE_SERVICE_RESTART}
   * first, and the mapped port stays the same. Returns once the server listens again.
   *
   * @throws IllegalStateException if the container is not running
   */
  @Override
  public void restart() {
    if (!isRunning()) {
      throw new IllegalStateException("restart() needs a running container: call start() first");
    }
    admin.post(AdminPaths.RESTART, null, Bodies.Ok.class);
  }

  /**
   * Stops the server as {@code docker stop} does, so that open connections get close code {@value
   * #CLOSE_GOING_AWAY}, then removes the container ({@link #stop()} alone kills it: clients would
   * see 1006). Calling it again does nothing.
   */
  @Override
  public void close() {
    String id = getContainerId();
    if (id != null && isRunning()) {
      getDockerClient().stopContainerCmd(id).withTimeout(STOP_TIMEOUT_SECONDS).exec();
    }
    stop();
  }

  @Override
  public String toString() {
    String id = getContainerId();
    return id == null
        ? "WebSocketEchoContainer{" + image + ", not started}"
        : "WebSocketEchoContainer{" + image + ", " + httpUri() + "}";
  }

  private URI uri(String scheme, String path) {
    return URI.create(scheme + "://" + getHost() + ":" + getMappedPort(PORT) + path);
  }

  /**
   * The image is built by the wsfixture build and is in no registry: a pull would only time out, so
   * say at once how to build it.
   */
  private void requireLocalImage() {
    if (!DockerImageName.parse(image)
        .getUnversionedPart()
        .equals(IMAGE_NAME.getUnversionedPart())) {
      return;
    }
    try {
      getDockerClient().inspectImageCmd(image).exec();
    } catch (NotFoundException missing) {
      // Testcontainers names the image in its launch failure by resolving it, which would try a
      // pull for two minutes first: there is nothing to pull, so fail at once.
      withImagePullPolicy(name -> false);
      throw new IllegalStateException(
          "Docker image "
              + image
              + " is not on this Docker engine, and it is in no registry: it is built from the"
              + " wsfixture sources, once per machine. In a clone of wsfixture, with Docker"
              + " running: `mvn -B -pl testcontainers -am verify -DskipTests` (it tags "
              + IMAGE_NAME.getUnversionedPart()
              + ":VERSION and :latest; add -Dwsfixture.image.base=eclipse-temurin:17-jre to build"
              + " on a JRE image from your registry instead of FROM scratch). See README.md, \"The"
              + " Docker image\". Or pass the image pushed to your registry: new"
              + " WebSocketEchoContainer(DockerImageName.parse(\"registry.example/wsfixture/server:"
              + VERSION
              + "\").asCompatibleSubstituteFor(\"wsfixture/server\"))");
    }
  }

  private static String base64(byte[] data) {
    return Base64.getEncoder().encodeToString(Objects.requireNonNull(data, "data"));
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        WebSocketEchoContainer.class.getResourceAsStream("wsfixture-testcontainers.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "wsfixture-testcontainers.properties is missing from the jar: a broken build");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read wsfixture-testcontainers.properties", e);
    }
    return properties.getProperty("version");
  }
}
