package dev.wsfixture.junit;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a {@code java.net.URI} parameter: the echo endpoint of the {@link WebSocketEchoServer} in
 * scope, {@code ws://127.0.0.1:PORT/}.
 *
 * <pre>{@code
 * @WebSocketEchoServer
 * class EchoClientTest {
 *   @Test
 *   void connects(@EchoUri URI echo) { client.connect(echo); }
 * }
 * }</pre>
 */
@Target(PARAMETER)
@Retention(RUNTIME)
@Documented
@ExtendWith(WebSocketEchoServerExtension.class)
public @interface EchoUri {}
