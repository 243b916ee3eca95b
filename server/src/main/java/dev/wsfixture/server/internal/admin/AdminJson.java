package dev.wsfixture.server.internal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.wsfixture.internal.wire.WireJson;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes admin bodies, turning Jackson's errors into {@link AdminException}s that speak
 * of JSON fields and values, never of Java classes. A class of its own so that Jackson loads with
 * the first admin request, not with the server.
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
    } catch (ValueInstantiationException e) {
      // The record's own check refused the values: its message is the one to show.
      Throwable cause = e.getCause();
      String problem =
          cause == null || cause.getMessage() == null
              ? "a value is out of range"
              : cause.getMessage();
      throw AdminException.badRequest(
          "bad_value", e.getPath().isEmpty() ? problem : atField(e, "") + ": " + problem);
    } catch (InvalidFormatException e) {
      throw AdminException.badRequest(
          "bad_value",
          atField(e, "the body")
              + ": expected "
              + expected(e.getTargetType())
              + ", found "
              + shown(e.getValue())
              + where(e));
    } catch (MismatchedInputException e) {
      throw AdminException.badRequest(
          "bad_value",
          atField(e, "the body")
              + ": expected "
              + expected(e.getTargetType())
              + found(e)
              + where(e));
    } catch (JsonMappingException e) {
      throw AdminException.badRequest(
          "bad_value", atField(e, "the body") + ": not a value this field takes" + where(e));
    } catch (JsonProcessingException e) {
      throw AdminException.badRequest("malformed_json", e.getOriginalMessage() + where(e));
    } catch (IOException e) {
      throw AdminException.badRequest("malformed_json", String.valueOf(e.getMessage()));
    }
  }

  /** {@code field "replies[0].delayMillis"}, or {@code whole} for the body itself. */
  private static String atField(JsonMappingException e, String whole) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? whole : "field \"" + path + "\"";
  }

  /** What a JSON value of {@code type} looks like, in the words of JSON rather than of Java. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 time such as \"2026-01-01T12:00:00Z\"";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object";
    }
    return "another value";
  }

  /** Jackson names what it found only as a token in its message: {@code JsonToken.START_ARRAY}. */
  private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");

  /** A coercion the mapper refuses names the value: {@code Cannot coerce String value ("soon")}. */
  private static final Pattern COERCED = Pattern.compile("Cannot coerce \\w+ value \\((.*?)\\) to");

  private static String found(MismatchedInputException e) {
    Matcher coerced = COERCED.matcher(String.valueOf(e.getOriginalMessage()));
    if (coerced.find()) {
      return ", found " + coerced.group(1);
    }
    Matcher named = TOKEN.matcher(String.valueOf(e.getOriginalMessage()));
    JsonToken token = null;
    if (named.find()) {
      try {
        token = JsonToken.valueOf(named.group(1));
      } catch (IllegalArgumentException unknown) {
        token = null;
      }
    }
    if (token == null) {
      return "";
    }
    return ", found "
        + switch (token) {
          case START_ARRAY, END_ARRAY -> "an array";
          case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
          case VALUE_STRING -> "a string";
          case VALUE_NUMBER_INT -> "an integer";
          case VALUE_NUMBER_FLOAT -> "a number with a fraction";
          case VALUE_TRUE, VALUE_FALSE -> "true or false";
          case VALUE_NULL -> "null";
          default -> "something else";
        };
  }

  private static String shown(Object value) {
    if (value instanceof String text) {
      return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
    return String.valueOf(value);
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
