package dev.wsfixture.server.internal.admin;

import dev.wsfixture.Fault;
import dev.wsfixture.FaultKind;
import dev.wsfixture.Reconnects;
import dev.wsfixture.Stub;
import dev.wsfixture.internal.JournalStore;
import dev.wsfixture.internal.ServerCore;
import dev.wsfixture.internal.SessionLimitException;
import dev.wsfixture.internal.api.SessionIds;
import dev.wsfixture.internal.http.Responses;
import dev.wsfixture.internal.wire.Bodies;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin HTTP API under {@code /__admin/}: JSON in and out, each endpoint calling the same
 * action of {@link ServerCore} that {@code EchoServer} calls. Runs on the I/O thread and never
 * blocks it: bodies are read asynchronously and {@code journal/wait} answers from a journal
 * subscription.
 */
public final class AdminApi implements HttpHandler {

  /** The largest request body accepted; larger gets 413. */
  static final long MAX_BODY_BYTES = 1024 * 1024;

  /** An oversized body up to this size is read and discarded so the client sees the 413. */
  static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

  private final ServerCore server;
  private final JournalStore journal;
  private final AdminAuth auth;
  private final AdminOriginCheck origin;
  private final JournalWait wait;
  private final ScenarioRoutes scenarios;
  private final RecordingRoutes recording;

  public AdminApi(ServerCore server, String token) {
    this.server = server;
    this.journal = server.state().journal();
    this.auth = new AdminAuth(token);
    this.origin = new AdminOriginCheck(server.config().host());
    this.wait = new JournalWait(journal);
    this.scenarios = new ScenarioRoutes(server.stubs().scenarios());
    this.recording = new RecordingRoutes(server.recorder());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    try {
      origin.check(exchange);
      auth.check(exchange);
      HttpString method = exchange.getRequestMethod();
      if (Methods.POST.equals(method) || Methods.PUT.equals(method)) {
        readBodyThenHandle(exchange);
      } else {
        handle(exchange, new byte[0]);
      }
    } catch (AdminException e) {
      fail(exchange, e);
    }
  }

  private void readBodyThenHandle(HttpServerExchange exchange) {
    long declared = exchange.getRequestContentLength();
    if (declared > MAX_BODY_BYTES) {
      if (declared > MAX_DRAINED_BYTES) {
        exchange.setPersistent(false);
        throw tooBig(declared);
      }
      // Read and discard the body before answering: a client still writing would otherwise see
      // a broken pipe instead of the 413. Nothing of it is kept.
      exchange.setMaxEntitySize(declared);
      exchange
          .getRequestReceiver()
          .receivePartialBytes(
              (drained, chunk, last) -> {
                if (last) {
                  fail(drained, tooBig(declared));
                }
              },
              (failed, problem) -> failed.endExchange());
      return;
    }
    exchange.setMaxEntitySize(MAX_BODY_BYTES);
    ChunkedBody.install(exchange);
    exchange
        .getRequestReceiver()
        .receiveFullBytes(
            this::handle,
            (failed, problem) -> {
              Throwable cause = cause(problem);
              if (cause instanceof RequestTooBigException) {
                fail(failed, tooBig(-1));
              } else if (cause instanceof ChunkedBody.BadChunkedBodyException) {
                fail(failed, new AdminException(400, "bad_chunked_body", cause.getMessage()));
              } else {
                failed.endExchange();
              }
            });
  }

  /** The failure under the wrapping {@link IOException} a receiver adds when it read later. */
  private static Throwable cause(Throwable problem) {
    Throwable cause = problem;
    while (cause.getCause() != null
        && !(cause instanceof RequestTooBigException)
        && !(cause instanceof ChunkedBody.BadChunkedBodyException)) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static AdminException tooBig(long declared) {
    return new AdminException(
        413,
        "body_too_large",
        "admin request bodies are limited to "
            + MAX_BODY_BYTES
            + " bytes"
            + (declared > 0 ? ", this one declared " + declared : "")
            + "; send smaller messages or push in parts");
  }

  private void handle(HttpServerExchange exchange, byte[] body) {
    try {
      Request request = new Request(exchange, body);
      Object answer = route(request);
      if (answer == HEALTH_UP) {
        Responses.json(exchange, request.status, HEALTH_UP_JSON);
      } else if (answer != ASYNC) {
        Responses.json(exchange, request.status, AdminJson.write(answer));
      }
    } catch (AdminException e) {
      fail(exchange, e);
    } catch (RuntimeException e) {
      fail(exchange, new AdminException(500, "internal_error", String.valueOf(e)));
    }
  }

  static void fail(HttpServerExchange exchange, AdminException e) {
    if (exchange.isResponseStarted()) {
      exchange.endExchange();
      return;
    }
    if (e.status() == 401) {
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"wsfixture\"");
    }
    Responses.error(exchange, e.status(), e.error(), e.detail());
  }

  /** Marks an answer that is sent later, by a callback. */
  static final Object ASYNC = new Object();

  /**
   * {@code GET /__admin/health}'s answer, written without Jackson: it is the first request of a
   * container's readiness probe (Testcontainers waits on it) and of every health check, and loading
   * Jackson for it cost ~0.3 s of CPU in a fresh JVM (standalone jar: 980 -> 650 ms of CPU to the
   * first health answer).
   */
  private static final Bodies.Health HEALTH_UP = new Bodies.Health("UP");

  private static final String HEALTH_UP_JSON = "{\"status\":\"UP\"}";

  private Object route(Request request) {
    List<String> path = request.path;
    String first = path.isEmpty() ? "" : path.get(0);
    switch (first) {
      case "health":
        request.allow(1, "GET");
        return HEALTH_UP;
      case "sessions":
        return sessions(request);
      case "connections":
        request.allow(1, "GET");
        return server.connections();
      case "journal":
        return journal(request);
      case "push":
        request.allow(1, "POST");
        return push(request.body(Bodies.Push.class));
      case "faults":
        return faults(request);
      case "stubs":
        return stubs(request);
      case "scenarios":
        return scenarios.route(request);
      case "recording":
        return recording.route(request);
      case "reset":
        request.allow(1, "POST");
        server.reset();
        return Bodies.Ok.OK;
      case "restart":
        request.allow(1, "POST");
        restart(request.exchange);
        return ASYNC;
      default:
        throw AdminException.notFound(
            "unknown_endpoint",
            "no admin endpoint "
                + request.exchange.getRequestMethod()
                + " /__admin/"
                + String.join("/", path)
                + "; see docs/admin-api.md for the list");
    }
  }

  private Object sessions(Request request) {
    if (request.path.size() == 1) {
      request.allow(1, "GET", "POST");
      if (request.is("GET")) {
        return server.sessions();
      }
      String id = request.body(Bodies.Register.class).id();
      requireValidId(id);
      boolean created;
      try {
        created = server.register(id);
      } catch (SessionLimitException e) {
        throw new AdminException(503, "too_many_sessions", e.getMessage());
      }
      request.status = created ? 201 : 200;
      return new Bodies.Registered(id, true, created);
    }
    request.allow(2, "DELETE");
    String id = request.path.get(1);
    requireValidId(id);
    int open = server.connections().stream().filter(c -> id.equals(c.sessionId())).toList().size();
    if (!server.unregister(id)) {
      throw unknownSession(id);
    }
    return new Bodies.Removed(id, true, open);
  }

  private static void requireValidId(String id) {
    if (id == null) {
      throw AdminException.badRequest("missing_field", "give the session id: {\"id\":\"0101\"}");
    }
    if (!SessionIds.isValid(id)) {
      throw AdminException.badRequest("invalid_session_id", SessionIds.problem(id));
    }
  }

  private AdminException unknownSession(String id) {
    return AdminException.notFound(
        "unknown_session",
        "session '"
            + id
            + "' is not registered (registered: "
            + server.sessions()
            + "); register it with POST /__admin/sessions {\"id\":\""
            + id
            + "\"}");
  }

  private Object journal(Request request) {
    if (request.path.size() == 1) {
      request.allow(1, "GET", "DELETE");
      if (request.is("DELETE")) {
        journal.clear();
        return Bodies.Ok.OK;
      }
      JournalQuery query = JournalQuery.parse(request.exchange.getQueryParameters(), Set.of());
      return journal.matching(query.filter());
    }
    String sub = request.path.get(1);
    if (sub.equals("stats")) {
      request.allow(2, "GET");
      return new Bodies.JournalStats(journal.size(), journal.dropped());
    }
    if (sub.equals("reconnects")) {
      request.allow(2, "GET");
      return Bodies.Reconnects.of(Reconnects.in(journal.entries()));
    }
    if (sub.equals("wait")) {
      request.allow(2, "GET");
      wait.start(request.exchange);
      return ASYNC;
    }
    throw AdminException.notFound(
        "unknown_endpoint",
        "no admin endpoint /__admin/journal/"
            + sub
            + "; try /journal, /journal/wait, /journal/stats, /journal/reconnects");
  }

  private Object faults(Request request) {
    if (request.path.size() == 1) {
      request.allow(1, "GET", "DELETE");
      if (request.is("DELETE")) {
        server.faults().reset();
        return Bodies.Ok.OK;
      }
      Map<String, List<Fault>> active = new LinkedHashMap<>();
      for (Fault fault : server.faults().active()) {
        active.computeIfAbsent(fault.kind().wireName(), k -> new ArrayList<>()).add(fault);
      }
      return active;
    }
    String kind = request.path.get(1);
    FaultKind type =
        FaultKind.byWireName(kind)
            .orElseThrow(
                () ->
                    AdminException.notFound(
                        "unknown_fault",
                        "no fault kind '"
                            + kind
                            + "'; the kinds are "
                            + Arrays.stream(FaultKind.values())
                                .map(FaultKind::wireName)
                                .collect(Collectors.joining(", "))));
    request.allow(2, "POST");
    Fault fault = request.bodyOrEmpty(type.type());
    if (fault instanceof Fault.Delay || fault instanceof Fault.Hang) {
      checkTarget(
          ((fault instanceof Fault.Delay d) ? d.session() : ((Fault.Hang) fault).session()));
    }
    return new Bodies.Count(server.faults().apply(fault));
  }

  private Object stubs(Request request) {
    if (request.path.size() == 1) {
      request.allow(1, "GET", "POST", "DELETE");
      if (request.is("GET")) {
        return server.stubs().list();
      }
      if (request.is("DELETE")) {
        server.stubs().clear();
        return Bodies.Ok.OK;
      }
      Stub stub = request.body(Stub.class);
      try {
        Stub stored = server.stubs().add(stub);
        request.status = 201;
        return stored;
      } catch (IllegalArgumentException e) {
        throw new AdminException(409, "duplicate_stub", e.getMessage());
      }
    }
    request.allow(2, "DELETE");
    String id = request.path.get(1);
    if (!server.stubs().remove(id)) {
      throw AdminException.notFound(
          "unknown_stub", "no stub with id '" + id + "'; GET /__admin/stubs lists them");
    }
    return Bodies.Ok.OK;
  }

  private void checkTarget(String session) {
    if (session != null && !server.sessions().contains(session)) {
      throw unknownSession(session);
    }
  }

  /**
   * Restarts off the I/O thread (closing connections waits for their close frames), then answers.
   * Only the listener restarts: this HTTP connection stays open for the answer.
   */
  private void restart(HttpServerExchange exchange) {
    exchange.dispatch(
        () -> {
          try {
            server.restart();
            Responses.json(exchange, 200, AdminJson.write(Bodies.Ok.OK));
          } catch (RuntimeException e) {
            fail(exchange, new AdminException(409, "cannot_restart", e.getMessage()));
          }
        });
  }

  private Object push(Bodies.Push push) {
    if ((push.text() == null) == (push.base64() == null)) {
      throw AdminException.badRequest(
          "bad_value",
          "give exactly one of \"text\" or \"base64\": {\"session\":\"0101\",\"text\":\"hi\"}");
    }
    byte[] data = null;
    if (push.base64() != null) {
      try {
        data = Base64.getDecoder().decode(push.base64());
      } catch (IllegalArgumentException e) {
        throw AdminException.badRequest(
            "bad_value", "\"base64\" is not valid base64: " + e.getMessage());
      }
    }
    if (push.session() == null) {
      return new Bodies.Count(
          data == null ? server.push(null, push.text()) : server.push(null, data));
    }
    if (!server.sessions().contains(push.session())) {
      throw unknownSession(push.session());
    }
    return new Bodies.Count(
        data == null
            ? server.push(push.session(), push.text())
            : server.push(push.session(), data));
  }

  /** One admin request: its path below {@code /__admin/}, its body, the status to answer. */
  static final class Request {
    final HttpServerExchange exchange;
    final List<String> path;
    private final byte[] body;
    int status = 200;

    Request(HttpServerExchange exchange, byte[] body) {
      this.exchange = exchange;
      this.body = body;
      this.path = new ArrayList<>();
      for (String segment : exchange.getRelativePath().split("/")) {
        if (!segment.isEmpty()) {
          path.add(segment);
        }
      }
    }

    /** Whether the request's method is {@code method}; a HEAD is answered as its GET. */
    boolean is(String method) {
      HttpString actual = exchange.getRequestMethod();
      return actual.equalToString(method) || (method.equals("GET") && Methods.HEAD.equals(actual));
    }

    /**
     * Checks that the path has {@code segments} parts (else 404) and that the method is one of
     * {@code methods}, HEAD going with GET (else 405, with every allowed method in {@code Allow}).
     */
    void allow(int segments, String... methods) {
      if (path.size() != segments) {
        throw AdminException.notFound(
            "unknown_endpoint",
            "no admin endpoint /__admin/" + String.join("/", path) + "; see docs/admin-api.md");
      }
      for (String method : methods) {
        if (is(method)) {
          return;
        }
      }
      List<String> allowed = new ArrayList<>(Arrays.asList(methods));
      if (allowed.contains("GET")) {
        allowed.add(allowed.indexOf("GET") + 1, "HEAD");
      }
      String list = String.join(", ", allowed);
      exchange.getResponseHeaders().put(Headers.ALLOW, list);
      throw new AdminException(
          405,
          "method_not_allowed",
          "/__admin/"
              + String.join("/", path)
              + " takes "
              + list
              + ", not "
              + exchange.getRequestMethod());
    }

    <T> T body(Class<T> type) {
      return AdminJson.read(body, type);
    }

    /** As {@link #body}, reading an empty body as {@code {}}. */
    <T> T bodyOrEmpty(Class<T> type) {
      return AdminJson.read(body.length == 0 ? EMPTY_OBJECT : body, type);
    }

    private static final byte[] EMPTY_OBJECT = {'{', '}'};
  }
}
