package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.wsfixture.Scenarios;
import dev.wsfixture.Stub;
import dev.wsfixture.Stubs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The stub rules of a container, over the admin API ({@code /__admin/stubs}) with the fixture's own
 * {@link Stub} record as body.
 */
final class ContainerStubs implements Stubs {

  private final AdminClient admin;

  ContainerStubs(AdminClient admin) {
    this.admin = admin;
  }

  @Override
  public Stub add(Stub stub) {
    Objects.requireNonNull(stub, "stub");
    String stored = admin.send("POST", "stubs", stub).body();
    try {
      return AdminClient.JSON.readValue(stored, Stub.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "POST /__admin/stubs answered a rule this client cannot read: "
              + stored
              + "; use the same wsfixture version for the image and wsfixture-testcontainers",
          e);
    }
  }

  @Override
  public List<Stub> list() {
    return admin.get("stubs", new TypeReference<List<Stub>>() {});
  }

  @Override
  public boolean remove(String id) {
    return admin.deleteIfPresent(
        "stubs/" + URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8));
  }

  @Override
  public void clear() {
    admin.delete("stubs");
  }

  @Override
  public Scenarios scenarios() {
    return new ContainerScenarios(admin);
  }
}
