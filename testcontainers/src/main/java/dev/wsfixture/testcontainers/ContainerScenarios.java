package dev.wsfixture.testcontainers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wsfixture.Scenario;
import dev.wsfixture.Scenarios;
import dev.wsfixture.internal.wire.AdminPaths;
import dev.wsfixture.internal.wire.Bodies;
import java.util.List;
import java.util.Objects;

/** The scenarios of a container's stub rules, over the admin API ({@code /__admin/scenarios}). */
final class ContainerScenarios implements Scenarios {

  private final AdminClient admin;

  ContainerScenarios(AdminClient admin) {
    this.admin = admin;
  }

  @Override
  public List<Scenario> list() {
    return admin.get(AdminPaths.SCENARIOS, new TypeReference<List<Scenario>>() {});
  }

  @Override
  public String state(String name) {
    Objects.requireNonNull(name, "name");
    List<Scenario> scenarios = list();
    return scenarios.stream()
        .filter(scenario -> scenario.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no scenario '"
                        + name
                        + "': no stub rule names it (scenarios: "
                        + scenarios.stream().map(Scenario::name).toList()
                        + ")"))
        .state();
  }

  @Override
  public void set(String name, String state) {
    Objects.requireNonNull(state, "state");
    admin.send(
        "PUT",
        AdminPaths.scenarioState(Objects.requireNonNull(name, "name")),
        new Bodies.ScenarioState(state));
  }

  @Override
  public void reset() {
    admin.post(AdminPaths.SCENARIOS_RESET, null);
  }
}
