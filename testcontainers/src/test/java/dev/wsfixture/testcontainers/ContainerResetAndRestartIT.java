package dev.wsfixture.testcontainers;

import dev.wsfixture.WebSocketFixture;
import dev.wsfixture.testsupport.DockerRequired;
import dev.wsfixture.testsupport.contract.ResetAndRestartContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link ResetAndRestartContract} against the container: one container for the class. */
@DockerRequired
@Testcontainers
class ContainerResetAndRestartIT extends ResetAndRestartContract {

  @Container
  static final WebSocketEchoContainer server = new WebSocketEchoContainer().withSession(SESSION);

  @Override
  protected WebSocketFixture server() {
    return server;
  }
}
