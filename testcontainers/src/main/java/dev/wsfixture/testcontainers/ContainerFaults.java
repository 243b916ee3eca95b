package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wsfixture.Fault;
import dev.wsfixture.FaultKind;
import dev.wsfixture.Faults;
import dev.wsfixture.internal.wire.AdminPaths;
import dev.wsfixture.internal.wire.Bodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The faults of a container, applied over the admin API ({@code /__admin/faults/{kind}}) with the
 * fixture's own {@link Fault} records as bodies and {@link FaultKind} naming the path.
 */
final class ContainerFaults implements Faults {

  private static final TypeReference<Map<String, List<JsonNode>>> BY_KIND =
      new TypeReference<>() {};

  private final AdminClient admin;

  ContainerFaults(AdminClient admin) {
    this.admin = admin;
  }

  @Override
  public int apply(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    return admin.post(AdminPaths.fault(fault.kind()), fault, Bodies.Count.class).count();
  }

  @Override
  public List<Fault> active() {
    List<Fault> faults = new ArrayList<>();
    admin
        .get(AdminPaths.FAULTS, BY_KIND)
        .forEach(
            (name, group) -> {
              FaultKind kind =
                  FaultKind.byWireName(name)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "GET /__admin/faults lists an unknown kind '"
                                      + name
                                      + "': use the same wsfixture version for the image and"
                                      + " wsfixture-testcontainers"));
              for (JsonNode fault : group) {
                faults.add(AdminClient.JSON.convertValue(fault, kind.type()));
              }
            });
    return List.copyOf(faults);
  }

  @Override
  public void reset() {
    admin.delete(AdminPaths.FAULTS);
  }
}
