package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wsfixture.Fault;
import dev.wsfixture.Faults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The faults of a container, applied over the admin API ({@code /__admin/faults/{kind}}) with the
 * fixture's own {@link Fault} records as bodies.
 */
final class ContainerFaults implements Faults {

  /** The kind in the admin path of each record, in the order of {@code GET /__admin/faults}. */
  private static final Map<String, Class<? extends Fault>> KINDS =
      Map.of(
          "close", Fault.Close.class,
          "abort", Fault.Abort.class,
          "delay", Fault.Delay.class,
          "hang", Fault.Hang.class,
          "refuse-handshakes", Fault.RefuseHandshakes.class,
          "drop", Fault.DropMessages.class,
          "ping", Fault.Ping.class,
          "delay-handshakes", Fault.DelayHandshakes.class);

  private final AdminClient admin;

  ContainerFaults(AdminClient admin) {
    this.admin = admin;
  }

  @Override
  public int apply(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    return admin.post("faults/" + kind(fault), fault).path("count").asInt();
  }

  @Override
  public List<Fault> active() {
    JsonNode grouped = admin.get("faults", JsonNode.class);
    List<Fault> faults = new ArrayList<>();
    grouped
        .properties()
        .forEach(
            group -> {
              Class<? extends Fault> type = KINDS.get(group.getKey());
              if (type == null) {
                throw new IllegalStateException(
                    "GET /__admin/faults lists an unknown kind '"
                        + group.getKey()
                        + "': use the same wsfixture version for the image and"
                        + " wsfixture-testcontainers");
              }
              for (JsonNode fault : group.getValue()) {
                try {
                  faults.add(AdminClient.JSON.treeToValue(fault, type));
                } catch (JsonProcessingException e) {
                  throw new IllegalStateException(
                      "cannot read fault " + fault + " as " + type.getSimpleName(), e);
                }
              }
            });
    return List.copyOf(faults);
  }

  @Override
  public void reset() {
    admin.delete("faults");
  }

  private static String kind(Fault fault) {
    for (Map.Entry<String, Class<? extends Fault>> kind : KINDS.entrySet()) {
      if (kind.getValue().isInstance(fault)) {
        return kind.getKey();
      }
    }
    throw new IllegalArgumentException("unknown fault kind " + fault.getClass().getName());
  }
}
