package dev.wsfixture.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.Direction;
import dev.wsfixture.EntryType;
import dev.wsfixture.Fault;
import dev.wsfixture.FaultKind;
import dev.wsfixture.JournalEntry;
import dev.wsfixture.Origin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireJsonTest {

  private static final Instant TIME = Instant.parse("2026-11-25T18:30:00.456Z");

  @Test
  void aJournalEntryIsWrittenWithOneFieldPerAccessorInOrderAndReadBack() throws Exception {
    JournalEntry entry =
        new JournalEntry(
            4,
            TIME,
            1,
            "/",
            null,
            Direction.RECEIVED,
            EntryType.BINARY,
            Origin.CLIENT,
            3,
            null,
            "AQID",
            null,
            null);
    String json = WireJson.mapper().writeValueAsString(entry);
    assertThat(json)
        .isEqualTo(
            "{\"sequence\":4,\"time\":\"2026-11-25T18:30:00.456Z\",\"connectionId\":1,"
                + "\"path\":\"/\",\"sessionId\":null,\"direction\":\"RECEIVED\",\"type\":\"BINARY\","
                + "\"origin\":\"CLIENT\",\"size\":3,\"text\":null,\"base64\":\"AQID\","
                + "\"closeCode\":null,\"stub\":null,\"remoteAddress\":null,\"originHeader\":null,"
                + "\"subprotocols\":null,\"extensions\":null,\"status\":null}");
    assertThat(WireJson.mapper().readValue(json, JournalEntry.class)).isEqualTo(entry);
  }

  @Test
  void everyFaultKindReadsItsRecordFromAnEmptyOrMinimalBody() throws Exception {
    for (FaultKind kind : FaultKind.values()) {
      String body =
          switch (kind) {
            case CLOSE -> "{\"code\":1000}";
            case DELAY -> "{\"millis\":5}";
            case REFUSE_HANDSHAKES -> "{\"count\":1,\"status\":503}";
            case DROP -> "{\"count\":1}";
            case DELAY_HANDSHAKES -> "{\"millis\":[5]}";
            case FRAGMENT -> "{\"frameSize\":4}";
            case THROTTLE -> "{\"bytesPerSecond\":100}";
            case FRAME -> "{\"opcode\":1,\"text\":\"x\"}";
            default -> "{}";
          };
      Fault fault = WireJson.mapper().readValue(body, kind.type());
      assertThat(fault.kind()).isEqualTo(kind);
      String written = WireJson.mapper().writeValueAsString(fault);
      assertThat(written).doesNotContain("\"kind\"");
      assertThat(WireJson.mapper().readValue(written, kind.type())).isEqualTo(fault);
    }
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedNotConverted() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WireJson.mapper().readValue("{\"id\":123}", Bodies.Register.class))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WireJson.mapper().readValue("{\"id\":true}", Bodies.Register.class))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> WireJson.mapper().readValue("{\"count\":\"2\"}", Bodies.Count.class))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
  }
}
