package dev.wsfixture.server.internal.cli;

import java.util.Locale;

/** Parses sizes like {@code 1048576}, {@code 64KiB}, {@code 16MiB}, {@code 1GiB}. */
final class ByteSize {

  private ByteSize() {}

  /**
   * The number of bytes {@code value} names: a whole number, optionally followed by {@code B},
   * {@code KiB}, {@code MiB} or {@code GiB} (any case, spaces allowed around the number).
   *
   * @throws IllegalArgumentException saying why {@code value} is not a size of at least 1 byte
   */
  static long parse(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix :
        new String[][] {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"}, {"b", "1"}}) {
      if (text.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        text = text.substring(0, text.length() - suffix[0].length()).trim();
        break;
      }
    }
    long size;
    try {
      size = Math.multiplyExact(Long.parseLong(text), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a size: give bytes, or a number with KiB, MiB or GiB");
    }
    if (size < 1) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a size: it must be at least 1 byte");
    }
    return size;
  }
}
