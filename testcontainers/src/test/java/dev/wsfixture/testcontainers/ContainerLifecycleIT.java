package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.WebSocketFixture;
import dev.wsfixture.testsupport.DockerRequired;
import dev.wsfixture.testsupport.JdkClient;
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
  void closeStopsTheContainerAndClientsGet1001() throws Exception {
    WebSocketEchoContainer server = new WebSocketEchoContainer();
    server.start();
    try (JdkClient client = JdkClient.connect(server.echoUri())) {
      client.send("hello");
      assertThat(client.nextText()).isEqualTo("Echo: hello");

      server.close();

      assertThat(client.awaitClose().code()).isEqualTo(WebSocketFixture.CLOSE_GOING_AWAY);
    }
    assertThat(server.isRunning()).isFalse();
    server.close();
  }

  @Test
  void stopsOnSigtermWithCleanCloseAndExitCodeZero() throws Exception {
    try (WebSocketEchoContainer server = new WebSocketEchoContainer().withSession("0101")) {
      server.start();
      try (JdkClient client = JdkClient.connect(server.sessionUri("0101"))) {
        client.send("bye");
        client.nextText();

        server.getDockerClient().stopContainerCmd(server.getContainerId()).withTimeout(10).exec();

        assertThat(client.awaitClose().code()).isEqualTo(1001);
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

      try (JdkClient one = JdkClient.connect(first.echoUri());
          JdkClient two = JdkClient.connect(second.echoUri())) {
        one.send("x");
        two.send("y");
        assertThat(one.nextText()).isEqualTo("Echo: x");
        assertThat(two.nextText()).isEqualTo("y");
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
