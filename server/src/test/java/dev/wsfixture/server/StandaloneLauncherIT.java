package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.server.StandaloneServerIT.ServerProcess;
import dev.wsfixture.testsupport.JdkClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes the standalone server start fast: the launcher ({@code target/wsfixture-server})
 * starts the jar with the class-data archive that {@code package} trained for this JVM, and says so
 * when it cannot; the jar starts no platform MBean server (its replacement of XNIO's MBean lookup,
 * and JBoss Threads' switch set by the program unless the command line sets it). Each is checked
 * from the outside: the JVM's class-load log of a real run, and a real client's echo.
 */
@Timeout(120)
class StandaloneLauncherIT {

  private static final Path TARGET = StandaloneServerIT.JAR.toAbsolutePath().getParent();
  private static final Path LAUNCHER = TARGET.resolve("wsfixture-server");
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final String MBEAN_HOLDER = "org/xnio/Xnio$MBeanHolder$1.class";
  private static final String MBEAN_SERVER = "com.sun.jmx.mbeanserver.JmxMBeanServer";

  @TempDir Path dir;

  @Test
  void theLauncherStartsTheJarWithTheArchiveTrainedForThisJvm() throws Exception {
    assertThat(Files.isExecutable(LAUNCHER)).as("%s is executable", LAUNCHER).isTrue();
    assertThat(Files.readString(TARGET.resolve("wsfixture-server.archive-jvm")).strip())
        .as("the JVM the archive was trained for")
        .isEqualTo(JAVA.toRealPath().toString());
    Path archive =
        TARGET.resolve(
            Runtime.version().feature() >= 25 ? "wsfixture-server.aot" : "wsfixture-server.jsa");
    assertThat(archive).isNotEmptyFile();

    Path classLog = dir.resolve("classes.log");
    Map<String, String> env =
        Map.of(
            "JAVA_HOME",
            System.getProperty("java.home"),
            "WSFIXTURE_JAVA_OPTS",
            "-Xlog:class+load:file=" + classLog);
    try (ServerProcess server = launch(env)) {
      echoAndStop(server);
      assertThat(server.errLines()).isEmpty();
    }
    List<String> log = Files.readAllLines(classLog);
    assertThat(log)
        .as("the program's main class comes from the archive")
        .anyMatch(
            line ->
                line.contains("dev.wsfixture.server.internal.cli.StandaloneMain source: shared"));
    assertThat(log.stream().filter(line -> line.contains("source: shared objects file")).count())
        .as("classes mapped from the JDK's archive and ours, of %s loaded", log.size())
        .isGreaterThan(log.size() * 9L / 10);
  }

  @Test
  void anotherJvmStartsWithoutTheArchiveAndSaysSo() throws Exception {
    // A java that is not the one the archive was trained for: a script that runs it.
    Path javaHome = dir.resolve("other-jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nexec '" + JAVA + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    try (ServerProcess server = launch(Map.of("JAVA_HOME", javaHome.toString()))) {
      echoAndStop(server);
      assertThat(server.errLines())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("wsfixture-server: starting without the class-data archive")
                      .contains(java.toString())
                      .contains(JAVA.toRealPath().toString()));
    }
  }

  @Test
  void theJarStartsNoPlatformMBeanServer() throws Exception {
    try (ZipFile jar = new ZipFile(StandaloneServerIT.JAR.toFile());
        InputStream in = jar.getInputStream(jar.getEntry(MBEAN_HOLDER))) {
      Path ours = StandaloneMaskerIT.STANDALONE_CLASSES.resolve(MBEAN_HOLDER);
      assertThat(in.readAllBytes())
          .as("the jar's XNIO MBean lookup is ours")
          .isEqualTo(Files.readAllBytes(ours));
    }
    List<String> log = runJarAndLogClasses();
    assertThat(log)
        .as("XNIO asked for its MBean server")
        .anyMatch(line -> line.contains("org.xnio.Xnio$MBeanHolder "));
    assertThat(log)
        .as("no MBean server was created")
        .noneMatch(line -> line.contains(MBEAN_SERVER));

    List<String> withExecutorMBean = runJarAndLogClasses("-Djboss.threads.eqe.disable-mbean=false");
    assertThat(withExecutorMBean)
        .as("JBoss Threads' own switch, set on the command line, is the user's")
        .anyMatch(line -> line.contains(MBEAN_SERVER));
  }

  private ServerProcess launch(Map<String, String> env) throws IOException {
    return ServerProcess.run(
        List.of(LAUNCHER.toString(), "--host", "127.0.0.1", "--port", "0"), env);
  }

  /** Runs {@code java OPTIONS -jar wsfixture-server.jar} to its first echo; its class-load log. */
  private List<String> runJarAndLogClasses(String... options) throws Exception {
    Path classLog = Files.createTempFile(dir, "classes", ".log");
    List<String> jvmOptions = new ArrayList<>(List.of("-Xlog:class+load:file=" + classLog));
    jvmOptions.addAll(List.of(options));
    try (ServerProcess server =
        ServerProcess.start(jvmOptions, "--host", "127.0.0.1", "--port", "0")) {
      echoAndStop(server);
    }
    return Files.readAllLines(classLog);
  }

  /** A real client's echo, then SIGTERM and exit status 0. */
  private static void echoAndStop(ServerProcess server) throws Exception {
    int port = server.awaitPort();
    try (JdkClient client = JdkClient.connect(URI.create("ws://127.0.0.1:" + port + "/"))) {
      assertThat(client.ask("hello")).isEqualTo("Echo: hello");
    }
    server.sigterm();
    assertThat(server.awaitExit()).isZero();
  }
}
