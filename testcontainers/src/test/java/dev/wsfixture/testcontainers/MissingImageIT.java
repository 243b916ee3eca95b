package dev.wsfixture.testcontainers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsfixture.testsupport.DockerRequired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Without the image, start() says how to build it, at once, instead of timing out on a pull. */
@DockerRequired
@Timeout(60)
class MissingImageIT {

  @Test
  void aMissingImageSaysHowToBuildIt() {
    try (WebSocketEchoContainer server =
        new WebSocketEchoContainer("wsfixture/server:0.0.0-never-built")) {
      assertThatThrownBy(server::start)
          .rootCause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Docker image wsfixture/server:0.0.0-never-built is not on this Docker engine, and"
                  + " it is in no registry")
          .hasMessageContaining("mvn -B -pl testcontainers -am verify -DskipTests")
          .hasMessageContaining("-Dwsfixture.image.base=eclipse-temurin:17-jre")
          .hasMessageContaining(".asCompatibleSubstituteFor(\"wsfixture/server\")");
    }
  }
}
