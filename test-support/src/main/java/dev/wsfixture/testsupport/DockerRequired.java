package dev.wsfixture.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the annotated test class only with a Docker engine: without one its tests are skipped with a
 * reason that says how to get Docker, except when {@code CI=true}, where they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerRequired.Condition.class)
public @interface DockerRequired {

  /** Evaluates {@link DockerRequired}. */
  public final class Condition implements ExecutionCondition {

    static final String NO_DOCKER =
        "no Docker engine is reachable, so the tests of the wsfixture/server image cannot run."
            + " Install Docker (Debian: apt-get install docker.io, then start dockerd; elsewhere"
            + " Docker Desktop) and run `mvn -B verify` again, which builds the image first";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (DockerClientFactory.instance().isDockerAvailable()) {
        return ConditionEvaluationResult.enabled("a Docker engine is reachable");
      }
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new ExtensionConfigurationException(
            NO_DOCKER + " (CI=true: in CI these tests must run; .ci/run starts dockerd)");
      }
      return ConditionEvaluationResult.disabled(NO_DOCKER);
    }
  }
}
