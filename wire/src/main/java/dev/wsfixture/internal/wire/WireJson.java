package dev.wsfixture.internal.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import java.time.Instant;
import java.util.List;

/**
 * The one JSON mapper of the admin API, used by the server and by the container's client alike, so
 * that both read and write the same shapes with the same rules: records as their components only,
 * times as ISO-8601 strings, unknown fields and trailing tokens refused, no coercion of a number to
 * a string or the reverse.
 */
public final class WireJson {

  private WireJson() {}

  private static final class Holder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addMixIn(JournalEntry.class, JournalEntryJson.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            // {"id":123} is refused, not read as "123"; nor "2" as 2.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
  }

  /** The mapper, created on first use: a server never asked over HTTP never loads Jackson. */
  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** How a {@link JournalEntry} is written and read: one field per accessor, in this order. */
  @JsonAutoDetect(
      fieldVisibility = Visibility.NONE,
      getterVisibility = Visibility.NONE,
      isGetterVisibility = Visibility.NONE,
      setterVisibility = Visibility.NONE,
      creatorVisibility = Visibility.NONE)
  @JsonPropertyOrder({
    "sequence",
    "time",
    "connectionId",
    "path",
    "sessionId",
    "direction",
    "type",
    "origin",
    "size",
    "text",
    "base64",
    "closeCode",
    "stub",
    "remoteAddress",
    "originHeader",
    "subprotocols",
    "extensions",
    "status"
  })
  abstract static class JournalEntryJson {

    @JsonCreator
    JournalEntryJson(
        @JsonProperty("sequence") long sequence,
        @JsonProperty("time") Instant time,
        @JsonProperty("connectionId") long connectionId,
        @JsonProperty("path") String path,
        @JsonProperty("sessionId") String sessionId,
        @JsonProperty("direction") Direction direction,
        @JsonProperty("type") EntryType type,
        @JsonProperty("origin") Origin origin,
        @JsonProperty("size") int size,
        @JsonProperty("text") String text,
        @JsonProperty("base64") String base64,
        @JsonProperty("closeCode") Integer closeCode,
        @JsonProperty("stub") String stub,
        @JsonProperty("remoteAddress") String remoteAddress,
        @JsonProperty("originHeader") String originHeader,
        @JsonProperty("subprotocols") List<String> subprotocols,
        @JsonProperty("extensions") List<String> extensions,
        @JsonProperty("status") Integer status) {}

    @JsonProperty("sequence")
    abstract long sequence();

    @JsonProperty("time")
    abstract Instant time();

    @JsonProperty("connectionId")
    abstract long connectionId();

    @JsonProperty("path")
    abstract String path();

    @JsonProperty("sessionId")
    abstract String sessionId();

    @JsonProperty("direction")
    abstract Direction direction();

    @JsonProperty("type")
    abstract EntryType type();

    @JsonProperty("origin")
    abstract Origin origin();

    @JsonProperty("size")
    abstract int size();

    @JsonProperty("text")
    abstract String text();

    @JsonProperty("base64")
    abstract String base64();

    @JsonProperty("closeCode")
    abstract Integer closeCode();

    @JsonProperty("stub")
    abstract String stub();

    @JsonProperty("remoteAddress")
    abstract String remoteAddress();

    @JsonProperty("originHeader")
    abstract String originHeader();

    @JsonProperty("subprotocols")
    abstract List<String> subprotocols();

    @JsonProperty("extensions")
    abstract List<String> extensions();

    @JsonProperty("status")
    abstract Integer status();
  }
}
