package dev.wsfixture.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.wsfixture.embedded.EchoServer;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scopes example of README.md's JUnit section, compiled and run: keep the two in step. The
 * snippet is a {@code Nested} class here, so that it runs; the README shows it as a plain class.
 */
@Timeout(60)
class ReadmeScopesExampleTest {

  @Nested
  // snippet: junit-scopes {
  class ScopesTest {
    @WebSocketEchoServer static EchoServer shared; // one for the class, reset before each test
    @WebSocketEchoServer EchoServer own; // a new one for each test

    @Test
    @WebSocketEchoServer(echoPrefix = "") // a new one for this test, for the parameters
    void threeServers(EchoServer server, @EchoUri URI echo) {
      assertEquals(server.echoUri(), echo);
      assertNotSame(shared, own);
      assertNotSame(own, server);
    }
  }
  // }
}
