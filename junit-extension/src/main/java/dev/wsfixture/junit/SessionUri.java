package dev.wsfixture.junit;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a {@code java.net.URI} parameter: the address of a session socket of the {@link
 * WebSocketEchoServer} in scope, {@code ws://127.0.0.1:PORT/ws/ID}. The session need not be
 * registered, so that a test can check how its client copes with the 403.
 *
 * <pre>{@code
 * @WebSocketEchoServer(sessions = "0101")
 * class ChatClientTest {
 *   @Test
 *   void joins(@SessionUri("0101") URI chat) { client.connect(chat); }
 * }
 * }</pre>
 */
@Target(PARAMETER)
@Retention(RUNTIME)
@Documented
@ExtendWith(WebSocketEchoServerExtension.class)
public @interface SessionUri {

  /** The session id: 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}. */
  String value();
}
