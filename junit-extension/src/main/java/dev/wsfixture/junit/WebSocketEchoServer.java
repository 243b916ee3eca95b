package dev.wsfixture.junit;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.wsfixture.embedded.EchoServer;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a live {@link EchoServer} on a free loopback port for JUnit Jupiter tests, and stops it
 * when its scope ends.
 *
 * <pre>{@code
 * @WebSocketEchoServer(sessions = "0101")
 * class ChatClientTest {
 *   @Test
 *   void echoes(EchoServer server) {
 *     client.connect(server.sessionUri("0101"));     // the code under test
 *     server.journal().awaitReceived("hello");
 *   }
 * }
 * }</pre>
 *
 * <h2>Scope</h2>
 *
 * Where the annotation sits sets how long its server lives:
 *
 * <ul>
 *   <li>on a <b>class</b>: one server for all tests of the class, started before the first and
 *       stopped after the last. Before each test, connections that an earlier test left open are
 *       closed with code 1000 and reason {@code "closed by wsfixture before the next test"} (and
 *       aborted if they do not answer within a second), then the server is {@linkplain
 *       EchoServer#reset() reset}: sessions back to this annotation's, journal, stubs and faults
 *       cleared. So each test sees only its own connections, in {@code connections()}, the journal
 *       and faults such as {@code closeSession}; a connection opened in {@code @BeforeAll} does not
 *       survive into the tests. {@code @Nested} classes see the enclosing server; a {@code @Nested}
 *       class annotated itself gets its own. Subclasses inherit the annotation.
 *   <li>on a <b>test method</b>: a new server for that test (each repetition or invocation of a
 *       {@code @RepeatedTest} or {@code @ParameterizedTest} gets its own). It shadows the class's.
 *   <li>on a <b>static field</b>: one server for the class, reset before each test, like a class.
 *   <li>on an <b>instance field</b> or a <b>parameter</b>: a new server for each test.
 * </ul>
 *
 * The annotation also works as a meta-annotation: a composed {@code @ChatServer} annotated with
 * {@code @WebSocketEchoServer(sessions = "0101")} can go where this one goes.
 *
 * <h2>Injection</h2>
 *
 * <ul>
 *   <li>A parameter of type {@link EchoServer} of a test, lifecycle method or constructor gets the
 *       innermost server in scope: the method's, else the class's, else an enclosing class's.
 *   <li>A parameter annotated with {@code @WebSocketEchoServer} gets a server of its own, with its
 *       own attributes: the way to have several servers in one test. (On a constructor or a
 *       {@code @BeforeAll} method, that server lives until the class's last test.)
 *   <li>A field of type {@code EchoServer} annotated with {@code @WebSocketEchoServer} is assigned
 *       its own server: static fields before all tests, instance fields before each test. Fields
 *       may be private; they must not be final.
 *   <li>{@link EchoUri @EchoUri} and {@link SessionUri @SessionUri} on a {@code URI} parameter give
 *       the echo or a session address of the server in scope.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * A misconfigured test fails with an {@code ExtensionConfigurationException} or a {@code
 * ParameterResolutionException} whose message names the element and says what to write instead: an
 * {@code EchoServer} parameter with no annotation on its method or class, an annotated field that
 * is final or not of type {@code EchoServer}, an element annotated twice with different attributes
 * (directly and through a composed annotation), a bad attribute value, and a fixed {@link #port()}
 * that is already in use.
 *
 * <p>When a test fails, the last entries of each server's journal in scope are added to the failure
 * (as a suppressed exception) and published as a report entry, so that a red build shows what the
 * client sent and received.
 *
 * <h2>Parallel execution</h2>
 *
 * Works with JUnit's parallel execution ({@code junit.jupiter.execution.parallel.enabled=true}), on
 * every supported JUnit version. Servers of different classes, and method-, field- or
 * parameter-scoped servers, share nothing, so those tests run in parallel. The tests that share a
 * class-scoped server (the class's, a static field's, an enclosing class's) take turns: each waits
 * until no other test uses that server, and holds it from the reset before its {@code @BeforeEach}
 * methods until after its {@code @AfterEach} methods. Such tests may be declared {@code
 * CONCURRENT}; they run one at a time against their server, while other classes keep running. For
 * tests of one class that should really run at the same time, put the annotation on the methods
 * (one server per test).
 */
@Target({TYPE, METHOD, FIELD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Inherited
@Documented
@ExtendWith(WebSocketEchoServerExtension.class)
public @interface WebSocketEchoServer {

  /** Session ids registered at start, and again at each reset. None by default. */
  String[] sessions() default {};

  /** The prefix of echo replies, {@code "Echo: "} by default; {@code ""} echoes text as is. */
  String echoPrefix() default "Echo: ";

  /** The largest message accepted, in bytes (16 MiB by default); a larger one gets close 1009. */
  long maxMessageSize() default 16L * 1024 * 1024;

  /**
   * The port to bind, 0 (a free port) by default. Keep 0: a fixed port collides with other builds
   * and with tests running in parallel. For the rare test that needs one.
   */
  int port() default 0;

  /**
   * The address to bind, {@code 127.0.0.1} by default, so the server is not reachable from afar.
   */
  String host() default "127.0.0.1";

  /** How long the journal's {@code await…} methods wait, in milliseconds; 5 seconds by default. */
  long awaitTimeoutMillis() default 5_000;

  /** How many entries the journal keeps before dropping the oldest, 10,000 by default. */
  int journalLimit() default 10_000;

  /** Whether the journal records anything; {@code false} only for load tests. */
  boolean journal() default true;

  /** Whether to offer permessage-deflate compression (RFC 7692); off by default. */
  boolean perMessageDeflate() default false;

  /**
   * The subprotocols the server speaks, in its order of preference; none by default. The journal's
   * OPENED entry names the one chosen.
   */
  String[] subprotocols() default {};

  /**
   * Closes a connection with 1001 after this many milliseconds without a frame either way; 0 (the
   * default) for never.
   */
  long idleTimeoutMillis() default 0;

  /**
   * How many WebSocket connections may be open at once (503 beyond); 0 (the default) for no limit.
   */
  int maxConnections() default 0;

  /**
   * Serves {@code wss://} and {@code https://} with a self-signed certificate made at start; the
   * test's client trusts it through {@code server.sslContext()}. Off by default.
   */
  boolean tls() default false;

  /**
   * A recording to replay instead of the echo on the paths it recorded (see {@code
   * docs/recording.md} and {@code Replay}): a file path, relative to the working directory, or else
   * a class-path resource such as {@code recordings/chat.jsonl}. None by default. Check the client
   * followed it with {@code server.journal().assertNoDeviations()}.
   */
  String replay() default "";

  /**
   * How the replay keeps the recorded delays: {@code real} (the default), {@code fast}, or a factor
   * such as {@code 0.5}.
   */
  String replayTiming() default "real";

  /** JSON fields whose values the replay does not compare (timestamps). */
  String[] replayIgnoredFields() default {};

  /** JSON fields the replay copies from the client's message into the replies (request ids). */
  String[] replayCopiedFields() default {};

  /**
   * What the replay does with a client message the recording does not expect: {@code close} (with
   * 1008, the default), {@code close:CODE}, {@code echo} or {@code ignore}. Always journaled.
   */
  String onDeviation() default "close";
}
