package dev.wsfixture.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wsfixture.embedded.EchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rare fixed port. An annotation needs its port at compile time and a test must not hard-code
 * one, so each fixture is compiled here, at run time, with a port found free a moment before.
 */
@Timeout(120)
class FixedPortTest {

  private static final String FIXTURE =
      """
      package dev.wsfixture.junit.generated;

      import dev.wsfixture.embedded.EchoServer;
      import dev.wsfixture.junit.WebSocketEchoServer;
      import org.junit.jupiter.api.Test;

      @WebSocketEchoServer(port = %d)
      public class FixedPortFixture {
        public static EchoServer seen;

        @Test
        void test(EchoServer server) {
          seen = server;
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void bindsTheFixedPort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Class<?> fixture = compile(port);

    Kit.run(fixture).testEvents().assertStatistics(s -> s.succeeded(1));

    EchoServer seen = (EchoServer) fixture.getField("seen").get(null);
    assertThat(seen.port()).isEqualTo(port);
  }

  @Test
  void failsWhenTheFixedPortIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Class<?> fixture = compile(port);

      Kit.run(fixture)
          .allEvents()
          .assertThatEvents()
          .haveExactly(
              1,
              finishedWithFailure(
                  instanceOf(ExtensionConfigurationException.class),
                  message(
                      "@WebSocketEchoServer(port = "
                          + port
                          + ") on class dev.wsfixture.junit.generated.FixedPortFixture: port "
                          + port
                          + " on 127.0.0.1 is already in use. Remove the port attribute (a free"
                          + " port is the default and never collides), or stop what holds the"
                          + " port.")));
    }
  }

  private Class<?> compile(int port) throws IOException, ReflectiveOperationException {
    Path source = dir.resolve("src/dev/wsfixture/junit/generated/FixedPortFixture.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, FIXTURE.formatted(port));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classpath =
        Stream.of(EchoServer.class, WebSocketEchoServer.class, Test.class, API.class)
            .map(FixedPortTest::location)
            .collect(Collectors.joining(java.io.File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of("-d", classes.toString(), "-cp", classpath, "-proc:none", source.toString()));
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("javac exit status").isZero();
    @SuppressWarnings("resource") // the class must stay loadable until the test ends
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass("dev.wsfixture.junit.generated.FixedPortFixture");
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no file location for " + type, e);
    }
  }
}
