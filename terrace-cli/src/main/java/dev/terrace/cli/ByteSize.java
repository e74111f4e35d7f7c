package dev.terrace.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes as a person writes it: {@code 256m}, {@code 1g}, {@code 512k} or bytes. */
final class ByteSize {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})([kmg]?)b?");

  private ByteSize() {}

  /**
   * @return the bytes, or -1 when the text is not a size
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return -1;
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    return Long.parseLong(m.group(1)) << shift;
  }
}
