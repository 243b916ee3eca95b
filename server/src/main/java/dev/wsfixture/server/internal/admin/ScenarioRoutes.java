package dev.wsfixture.server.internal.admin;

import dev.wsfixture.Scenario;
import dev.wsfixture.Scenarios;
import dev.wsfixture.internal.wire.Bodies;

/**
 * {@code /__admin/scenarios}: list the scenarios of the stub rules, put one in a state, put all
 * back in {@value Scenarios#STARTED}.
 */
final class ScenarioRoutes {

  private final Scenarios scenarios;

  ScenarioRoutes(Scenarios scenarios) {
    this.scenarios = scenarios;
  }

  Object route(AdminApi.Request request) {
    if (request.path.size() == 1) {
      request.only(1, "GET");
      return scenarios.list();
    }
    if (request.path.size() == 2 && request.path.get(1).equals("reset")) {
      request.only(2, "POST");
      scenarios.reset();
      return Bodies.Ok.OK;
    }
    if (request.path.size() != 3 || !request.path.get(2).equals("state")) {
      throw AdminException.notFound(
          "unknown_endpoint",
          "no admin endpoint /__admin/"
              + String.join("/", request.path)
              + "; try GET /__admin/scenarios, PUT /__admin/scenarios/{name}/state or POST"
              + " /__admin/scenarios/reset");
    }
    request.only(3, "PUT");
    Scenario scenario = find(request.path.get(1));
    String state = request.body(Bodies.ScenarioState.class).state();
    if (state == null) {
      throw AdminException.badRequest(
          "missing_field",
          "give the state: {\"state\":\"" + scenario.possibleStates().get(0) + "\"}");
    }
    try {
      scenarios.set(scenario.name(), state);
    } catch (IllegalArgumentException e) {
      throw AdminException.badRequest("bad_value", e.getMessage());
    }
    return find(scenario.name());
  }

  private Scenario find(String name) {
    for (Scenario scenario : scenarios.list()) {
      if (scenario.name().equals(name)) {
        return scenario;
      }
    }
    throw AdminException.notFound(
        "unknown_scenario",
        "no scenario '"
            + name
            + "': no stub rule names it; GET /__admin/scenarios lists them, and a rule joins one"
            + " with \"scenario\":\""
            + name
            + "\"");
  }
}
