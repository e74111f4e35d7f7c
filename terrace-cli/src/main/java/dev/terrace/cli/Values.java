package dev.terrace.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values people write: {@code 30s}, {@code 100/s}, {@code 16MiB}. */
final class Values {

  private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

  private Values() {}

  /**
   * {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, a plain number of seconds, or ISO-8601
   * {@code PT30S}.
   */
  static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      String t = text.strip();
      if (t.toUpperCase(Locale.ROOT).startsWith("PT")) {
        try {
          return Duration.parse(t);
        } catch (DateTimeParseException e) {
          throw bad(text, "a duration such as 30s, 500ms, 2m or PT30S");
        }
      }
      Matcher m = NUMBER_UNIT.matcher(t);
      if (!m.matches()) {
        throw bad(text, "a duration such as 30s, 500ms, 2m or PT30S");
      }
      double n = Double.parseDouble(m.group(1));
      double millis =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> n;
            case "", "s" -> n * 1000;
            case "m", "min" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> throw bad(text, "a duration such as 30s, 500ms, 2m or PT30S");
          };
      return Duration.ofMillis(Math.round(millis));
    }
  }

  /**
   * Requests per second: {@code 100/s}, {@code 100}, {@code 6000/m}; {@code 0} or {@code off} for
   * no limit.
   */
  static final class RateValue implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.equals("off")) {
        return 0.0;
      }
      String[] parts = t.split("/", 2);
      double per;
      try {
        per =
            parts.length == 1
                ? 1
                : switch (parts[1].strip()) {
                  case "s", "sec", "second" -> 1;
                  case "m", "min", "minute" -> 60;
                  case "h", "hour" -> 3600;
                  default -> throw bad(text, "a rate such as 100/s, 6000/m, or off");
                };
        double n = Double.parseDouble(parts[0].strip());
        if (n < 0 || Double.isNaN(n) || Double.isInfinite(n)) {
          throw bad(text, "a rate that is not negative, such as 100/s, or off");
        }
        return n / per;
      } catch (NumberFormatException e) {
        throw bad(text, "a rate such as 100/s, 6000/m, or off");
      }
    }
  }

  /**
   * Bytes: {@code 1048576}, {@code 512k}, {@code 16MiB}, {@code 1G} (k, M, G are powers of 1024).
   */
  static final class ByteSizeValue implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      Matcher m = NUMBER_UNIT.matcher(text.strip());
      if (!m.matches()) {
        throw bad(text, "a size such as 16MiB, 512k or 1048576");
      }
      int shift =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 0;
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            default -> throw bad(text, "a size such as 16MiB, 512k or 1048576");
          };
      return Math.round(Double.parseDouble(m.group(1)) * (1L << shift));
    }
  }

  private static TypeConversionException bad(String text, String expected) {
    return new TypeConversionException("'" + text + "' is not " + expected);
  }
}
