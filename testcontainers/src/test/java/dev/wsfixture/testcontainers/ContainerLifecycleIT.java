package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.testsupport.DockerRequired;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;

/** Containers started, stopped and restarted by the tests themselves. */
@DockerRequired
@Timeout(180)
class ContainerLifecycleIT {

  @Test
  void restartKeepsSessionsRegisteredAtRunTimeAndClosesClientsWith1001() throws Exception {
    try (WebSocketEchoContainer server = new WebSocketEchoContainer()) {
      server.start();
      server.register("late");
      URI before = server.sessionUri("late");
      try (TestClient client = TestClient.connect(before)) {
        assertThat(client.send("1").next()).isEqualTo("[late] 1");

        server.restart();

        assertThat(client.awaitCloseCode()).isEqualTo(1001);
      }
      assertThat(server.sessions()).containsExactly("late");
      try (TestClient again = TestClient.connect(server.sessionUri("late"))) {
        assertThat(again.send("2").next()).isEqualTo("[late] 2");
      }
      assertThat(server.journal().awaitReceived("2").sequence())
          .as("the journal starts empty after a restart")
          .isEqualTo(2);
    }
  }

  @Test
  void stopsOnSigtermWithCleanCloseAndExitCodeZero() throws Exception {
    try (WebSocketEchoContainer server = new WebSocketEchoContainer().withSession("0101")) {
      server.start();
      try (TestClient client = TestClient.connect(server.sessionUri("0101"))) {
        client.send("bye").next();

        server.getDockerClient().stopContainerCmd(server.getContainerId()).withTimeout(10).exec();

        assertThat(client.awaitCloseCode()).isEqualTo(1001);
      }
      Long exitCode =
          server
              .getDockerClient()
              .inspectContainerCmd(server.getContainerId())
              .exec()
              .getState()
              .getExitCodeLong();
      assertThat(exitCode).isZero();
    }
  }

  @Test
  void imageHealthCheckReportsHealthyWithoutShellOrCurl() {
    // A plain container of the image, its own HEALTHCHECK left on, as `docker run` starts it.
    try (GenericContainer<?> plain =
        new GenericContainer<>(WebSocketEchoContainer.DEFAULT_IMAGE)
            .withExposedPorts(WebSocketEchoContainer.PORT)
            .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofSeconds(90)))) {
      plain.start();

      assertThat(plain.getCurrentContainerInfo().getState().getHealth().getStatus())
          .isEqualTo("healthy");
      assertThat(plain.getCurrentContainerInfo().getConfig().getUser()).isEqualTo("10001:10001");
    }
  }

  @Test
  void twoContainersAtOnceKeepTheirOwnState() throws Exception {
    try (WebSocketEchoContainer first = new WebSocketEchoContainer().withSession("a");
        WebSocketEchoContainer second =
            new WebSocketEchoContainer().withSession("b").withEchoPrefix("")) {
      first.start();
      second.start();
      assertThat(first.getMappedPort(WebSocketEchoContainer.PORT))
          .isNotEqualTo(second.getMappedPort(WebSocketEchoContainer.PORT));

      try (TestClient one = TestClient.connect(first.echoUri());
          TestClient two = TestClient.connect(second.echoUri())) {
        assertThat(one.send("x").next()).isEqualTo("Echo: x");
        assertThat(two.send("y").next()).isEqualTo("y");
      }
      assertThat(first.sessions()).containsExactly("a");
      assertThat(second.sessions()).containsExactly("b");
      assertThat(first.journal().awaitReceived("x").text()).isEqualTo("x");
      assertThat(second.journal().received()).extracting(e -> e.text()).containsExactly("y");
    }
  }

  @Test
  void anotherContainerReachesTheServerByItsNetworkAlias() {
    try (Network network = Network.newNetwork();
        WebSocketEchoContainer server =
            new WebSocketEchoContainer().withNetwork(network).withNetworkAliases("echo");
        // The image itself is the client: its health probe is a plain HTTP GET.
        GenericContainer<?> peer =
            new GenericContainer<>(WebSocketEchoContainer.DEFAULT_IMAGE)
                .withNetwork(network)
                .withCreateContainerCmdModifier(
                    command ->
                        command
                            .withHealthcheck(
                                new com.github.dockerjava.api.model.HealthCheck()
                                    .withTest(java.util.List.of("NONE")))
                            .withEntrypoint(
                                "/opt/java/openjdk/bin/java",
                                "-cp",
                                "/app/wsfixture-server.jar",
                                "dev.wsfixture.server.internal.cli.HealthCheck",
                                "http://echo:8765/stream?id=from-peer"))
                .withStartupCheckStrategy(
                    new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      server.start();

      peer.start();

      assertThat(peer.getLogs()).contains("http://echo:8765/stream?id=from-peer -> 200");
      assertThat(server.sessions()).contains("from-peer");
    }
  }
}
