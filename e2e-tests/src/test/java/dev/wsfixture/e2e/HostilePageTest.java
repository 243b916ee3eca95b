package dev.wsfixture.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.EntryType;
import dev.wsfixture.e2e.browser.Browser;
import dev.wsfixture.e2e.browser.BrowserTest;
import dev.wsfixture.embedded.EchoServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a page of another origin can do to a server on this machine, in a real Chromium: the page is
 * served by a second server (another port, so another origin) and attacks the first.
 */
@BrowserTest
class HostilePageTest {

  private static final String STUB =
      "{\"match\":\"EXACT\",\"pattern\":\"x\",\"replies\":[{\"text\":\"pwned\"}]}";

  @Test
  void aForeignPageCannotInstallAStubWithANoCorsFetchOrAForm(Browser browser) {
    try (EchoServer target = EchoServer.builder().start();
        EchoServer hostile = EchoServer.builder().start()) {
      browser.driver().get(hostile.httpUri().toString());

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
  void aForeignPageCannotOpenAWebSocketWhenOriginsAreRestricted(Browser browser) {
    try (EchoServer target =
            EchoServer.builder()
                .session("0101")
                .allowedOrigins("http://app.localhost:3000")
                .start();
        EchoServer hostile = EchoServer.builder().start()) {
      browser.driver().get(hostile.httpUri().toString());

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
