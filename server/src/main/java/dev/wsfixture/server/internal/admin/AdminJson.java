package dev.wsfixture.server.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.wsfixture.internal.wire.WireJson;
import java.io.IOException;

/**
 * Reads and writes admin bodies, turning Jackson's errors into {@link AdminException}s. A class of
 * its own so that Jackson loads with the first admin request, not with the server.
 */
final class AdminJson {

  private AdminJson() {}

  static String write(Object value) {
    try {
      return WireJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AdminException(500, "internal_error", "could not write JSON: " + e.getMessage());
    }
  }

  static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw AdminException.badRequest(
          "missing_body", "this endpoint takes a JSON body; see docs/admin-api.md");
    }
    try {
      T value = WireJson.mapper().readValue(body, type);
      if (value == null) {
        throw AdminException.badRequest("missing_body", "the JSON body is null");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw AdminException.badRequest(
          "unknown_field",
          "unknown field \""
              + e.getPropertyName()
              + "\"; known fields: "
              + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      throw AdminException.badRequest("bad_value", e.getOriginalMessage() + where(e));
    } catch (JsonProcessingException e) {
      throw AdminException.badRequest("malformed_json", e.getOriginalMessage() + where(e));
    } catch (IOException e) {
      throw AdminException.badRequest("malformed_json", String.valueOf(e.getMessage()));
    }
  }

  private static String where(JsonProcessingException e) {
    if (e.getLocation() == null) {
      return "";
    }
    return " (line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }
}
