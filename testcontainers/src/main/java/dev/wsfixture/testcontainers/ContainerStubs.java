package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wsfixture.Scenarios;
import dev.wsfixture.Stub;
import dev.wsfixture.Stubs;
import dev.wsfixture.internal.wire.AdminPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The stub rules of a container, over the admin API ({@code /__admin/stubs}) with the fixture's own
 * {@link Stub} record as body.
 */
final class ContainerStubs implements Stubs {

  private static final TypeReference<List<Stub>> STUBS = new TypeReference<>() {};

  private final AdminClient admin;

  ContainerStubs(AdminClient admin) {
    this.admin = admin;
  }

  @Override
  public Stub add(Stub stub) {
    return admin.post(AdminPaths.STUBS, Objects.requireNonNull(stub, "stub"), Stub.class);
  }

  @Override
  public List<Stub> list() {
    return admin.get(AdminPaths.STUBS, STUBS);
  }

  @Override
  public boolean remove(String id) {
    return admin.deleteIfPresent(
        AdminPaths.STUBS
            + "/"
            + URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8));
  }

  @Override
  public void clear() {
    admin.delete(AdminPaths.STUBS);
  }

  @Override
  public Scenarios scenarios() {
    return new ContainerScenarios(admin);
  }
}
