package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes in bytes or with a binary unit, as --max-message-size takes them. */
class ByteSizeTest {

  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "1048576, 1048576",
    "10b, 10",
    "1B, 1",
    "64KiB, 65536",
    "64kib, 65536",
    "'64 KiB', 65536",
    "' 16MiB ', 16777216",
    "1GiB, 1073741824",
    "8GiB, 8589934592"
  })
  void bytesOrANumberWithAUnit(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lots", "", "1kb", "1.5MiB", "MiB", "9999999999GiB", "1 2"})
  void notASize(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a size: give bytes, or a number with KiB, MiB or GiB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "0KiB"})
  void lessThanOneByte(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' is not a size: it must be at least 1 byte");
  }
}
