package dev.wsfixture.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.wsfixture.embedded.EchoServer;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The servers the start-up benchmarks compare: wsfixture's {@link EchoServer} and its peers, each
 * started the way its documentation shows, on 127.0.0.1 and a free port. A first request is a
 * WebSocket echo ({@code "Echo: " + text}); WireMock 3 has no WebSocket, so for it an HTTP GET of a
 * stub registered after start.
 */
enum Peer {
  WSFIXTURE {
    @Override
    Running start() {
      EchoServer server = EchoServer.builder().start();
      return new Running(server.port(), server::close);
    }
  },
  MOCKWEBSERVER {
    @Override
    Running start() throws IOException {
      MockWebServer server = new MockWebServer();
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse.Builder().webSocketUpgrade(MOCKWEBSERVER_ECHO).build();
            }
          });
      server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
      return new Running(server.getPort(), server::close);
    }
  },
  UNDERTOW {
    @Override
    Running start() {
      Undertow server =
          Undertow.builder()
              .addHttpListener(0, "127.0.0.1")
              .setHandler(
                  Handlers.websocket(
                      (exchange, channel) -> {
                        channel.getReceiveSetter().set(new UndertowEcho());
                        channel.resumeReceives();
                      }))
              .build();
      server.start();
      int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
      return new Running(port, server::stop);
    }
  },
  WIREMOCK {
    @Override
    Running start() {
      WireMockServer server =
          new WireMockServer(
              WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      server.stubFor(WireMock.get("/hello").willReturn(WireMock.ok("hi")));
      return new Running(server.port(), server::stop);
    }

    @Override
    void firstRequest(int port) throws IOException {
      int status = WsClient.httpGet(port, "/hello");
      if (status != 200) {
        throw new IOException("WireMock answered " + status);
      }
    }
  };

  private static final WebSocketListener MOCKWEBSERVER_ECHO =
      new WebSocketListener() {
        @Override
        public void onMessage(WebSocket webSocket, String text) {
          webSocket.send("Echo: " + text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
          webSocket.close(code, null);
        }
      };

  /** A started server: its port and how to stop it. */
  record Running(int port, Runnable stop) implements AutoCloseable {
    @Override
    public void close() {
      stop.run();
    }
  }

  abstract Running start() throws IOException;

  /** Sends the first request to a started server and checks the answer. */
  void firstRequest(int port) throws IOException {
    String reply = WsClient.echoOnce(port, "hello");
    if (!"Echo: hello".equals(reply)) {
      throw new IOException(this + " answered " + reply);
    }
  }

  /** Start, first request, stop: what a test pays for a server of its own. */
  void cycle() throws IOException {
    try (Running running = start()) {
      firstRequest(running.port());
    }
  }

  static Peer named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static final class UndertowEcho extends AbstractReceiveListener {
    @Override
    protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
      WebSockets.sendText("Echo: " + message.getData(), channel, null);
    }
  }
}
