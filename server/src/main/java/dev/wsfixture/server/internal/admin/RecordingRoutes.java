package dev.wsfixture.server.internal.admin;

import dev.wsfixture.internal.recording.Recorder;
import dev.wsfixture.internal.wire.Bodies;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code /__admin/recording}: start a fresh recording of what the proxy relays (in memory, and to
 * the {@code --record} file if one was given), stop it, and fetch it as the lines of a recording
 * file ({@code application/x-ndjson}).
 */
final class RecordingRoutes {

  /** The media type of a recording: one JSON object per line. */
  static final String NDJSON = "application/x-ndjson; charset=utf-8";

  private final Recorder recorder;

  /**
   * @param recorder the proxy's recorder, or {@code null} when the server proxies nothing
   */
  RecordingRoutes(Recorder recorder) {
    this.recorder = recorder;
  }

  Object route(AdminApi.Request request) {
    if (request.path.size() == 1) {
      request.allow(1, "GET");
      Recorder recorder = recorder();
      HttpServerExchange exchange = request.exchange;
      exchange.dispatch( // the file is read on a worker thread, never on the I/O thread
          () -> {
            try {
              String text = read(recorder);
              exchange.setStatusCode(200);
              exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, NDJSON);
              exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
              exchange.getResponseSender().send(text);
            } catch (AdminException e) {
              AdminApi.fail(exchange, e);
            }
          });
      return AdminApi.ASYNC;
    }
    String action = request.path.get(1);
    if (action.equals("start")) {
      request.allow(2, "POST");
      Recorder recorder = recorder();
      List<String> fields = request.bodyOrEmpty(Bodies.RecordingStart.class).maskFields();
      if (fields != null && fields.stream().anyMatch(f -> f == null || f.isEmpty())) {
        throw AdminException.badRequest(
            "bad_value", "maskFields takes field names: {\"maskFields\":[\"token\",\"password\"]}");
      }
      try {
        recorder.start(fields == null ? List.of() : fields);
      } catch (UncheckedIOException e) {
        throw new AdminException(500, "recording_failed", e.getMessage());
      }
      return status(recorder);
    }
    if (action.equals("stop")) {
      request.allow(2, "POST");
      Recorder recorder = recorder();
      recorder.stop();
      return status(recorder);
    }
    throw AdminException.notFound(
        "unknown_endpoint",
        "no admin endpoint /__admin/"
            + String.join("/", request.path)
            + "; try GET /__admin/recording, POST /__admin/recording/start or POST"
            + " /__admin/recording/stop");
  }

  private Recorder recorder() {
    if (recorder == null) {
      throw new AdminException(
          409,
          "not_proxying",
          "this server proxies nothing, so there is nothing to record: start it with --proxy URL"
              + " (Java: EchoServer.builder().proxy(uri))");
    }
    return recorder;
  }

  private static String read(Recorder recorder) {
    try {
      return recorder.text();
    } catch (UncheckedIOException e) {
      throw new AdminException(500, "recording_failed", e.getMessage());
    }
  }

  private static Bodies.RecordingStatus status(Recorder recorder) {
    Recorder.Status status = recorder.status();
    return new Bodies.RecordingStatus(
        status.recording(),
        status.file(),
        status.maskFields(),
        status.connections(),
        status.events(),
        status.problem());
  }
}
