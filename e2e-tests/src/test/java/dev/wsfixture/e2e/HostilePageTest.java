package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wsfixture.EntryType;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.embedded.EchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a page of another origin can do to a server on this machine, in a real Chromium: the page is
 * a blank one served by a plain JDK HTTP server on another port (another origin, no CSP of ours).
 */
@BrowserTest
class HostilePageTest {

  /** Serves one empty HTML page at {@code /}; closing stops it. */
  private static final class HostileSite implements AutoCloseable {
    private final HttpServer server;

    HostileSite() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] page =
                "<!doctype html><title>hostile</title><body></body>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
          });
      server.start();
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static final String STUB =
      "{\"match\":\"EXACT\",\"pattern\":\"x\",\"replies\":[{\"text\":\"pwned\"}]}";

  @Test
  void aForeignPageCannotInstallAStubWithANoCorsFetchOrAForm(Browser browser) throws IOException {
    try (EchoServer target = EchoServer.builder().start();
        HostileSite hostile = new HostileSite()) {
      browser.driver().get(hostile.uri());

      Object fetched =
          async(
              browser,
              "const done = arguments[arguments.length - 1];"
                  + "fetch(arguments[0], {method: 'POST', mode: 'no-cors',"
                  + " headers: {'Content-Type': 'text/plain'}, body: arguments[1]})"
                  + ".then(() => done('answered'), e => done('failed ' + e));",
              target.httpUri().resolve("/__admin/stubs").toString(),
              STUB);
      browser.script(
          "const form = document.createElement('form');"
              + "form.method = 'POST'; form.enctype = 'text/plain'; form.action = arguments[0];"
              + "form.target = 'sink';"
              + "const input = document.createElement('input');"
              + "input.name = '{\"match\":\"EXACT\",\"pattern\":\"x';"
              + "input.value = '\",\"replies\":[{\"text\":\"pwned\"}]}';"
              + "form.appendChild(input);"
              + "const sink = document.createElement('iframe'); sink.name = 'sink';"
              + "sink.onload = () => { window.formAnswered = true; };"
              + "document.body.appendChild(sink); document.body.appendChild(form); form.submit();",
          target.httpUri().resolve("/__admin/stubs").toString());
      Awaitility.await("the form's answer in the hidden frame")
          .atMost(Duration.ofSeconds(20))
          .until(() -> Boolean.TRUE.equals(browser.script("return window.formAnswered === true;")));

      assertThat(fetched).isEqualTo("answered");
      assertThat(target.stubs().list()).isEmpty();
    }
  }

  @Test
  void aForeignPageCannotOpenAWebSocketWhenOriginsAreRestricted(Browser browser)
      throws IOException {
    try (EchoServer target =
            EchoServer.builder()
                .session("0101")
                .allowedOrigins("http://app.localhost:3000")
                .start();
        HostileSite hostile = new HostileSite()) {
      browser.driver().get(hostile.uri());

      Object outcome =
          async(
              browser,
              "const done = arguments[arguments.length - 1];"
                  + "const socket = new WebSocket(arguments[0]);"
                  + "socket.onopen = () => { socket.send('injected'); done('opened'); };"
                  + "socket.onclose = e => done('closed ' + e.code);",
              target.sessionUri("0101").toString());

      assertThat(outcome).isEqualTo("closed 1006");
      assertThat(target.journal().entries())
          .noneMatch(e -> e.type() == EntryType.OPENED || e.type() == EntryType.TEXT);
    }
  }

  /** Runs a script that ends by calling its last argument, and returns what it was called with. */
  private static Object async(Browser browser, String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeAsyncScript(script, arguments);
  }
}
