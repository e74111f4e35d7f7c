package dev.terrace.engine.internal.stac;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A search's {@code datetime}: an RFC 3339 instant, or an interval {@code start/end} whose open
 * ends are {@code ..} or empty, as STAC API Item Search reads it.
 *
 * @param start the earliest time an item may reach, {@link Instant#MIN} for an open start
 * @param end the latest time an item may start, {@link Instant#MAX} for an open end
 */
record TimeFilter(Instant start, Instant end) {

  static final TimeFilter ANY = new TimeFilter(Instant.MIN, Instant.MAX);

  /**
   * @throws InvalidRequestException naming {@code datetime} for text that is neither an RFC 3339
   *     instant nor an interval of them, or an interval that ends before it starts
   */
  static TimeFilter parse(String text) {
    if (text == null) {
      return ANY;
    }
    String[] ends = text.split("/", -1);
    if (ends.length > 2) {
      throw invalid(text, "has more than one '/'");
    }
    if (ends.length == 1) {
      Instant at = instant(text, ends[0]);
      return new TimeFilter(at, at);
    }
    boolean openStart = open(ends[0]);
    boolean openEnd = open(ends[1]);
    if (openStart && openEnd) {
      throw invalid(text, "is open at both ends");
    }
    Instant start = openStart ? Instant.MIN : instant(text, ends[0]);
    Instant end = openEnd ? Instant.MAX : instant(text, ends[1]);
    if (end.isBefore(start)) {
      throw invalid(text, "ends before it starts");
    }
    return new TimeFilter(start, end);
  }

  /** Whether an item over {@code [from, to]} meets the filter's interval. */
  boolean meets(Instant from, Instant to) {
    return !to.isBefore(start) && !from.isAfter(end);
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static Instant instant(String whole, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          whole, "is not an RFC 3339 date-time such as 1999-03-01T00:00:00Z: '" + text + "'");
    }
  }

  private static InvalidRequestException invalid(String text, String problem) {
    return InvalidRequestException.of(
        ErrorType.VALIDATION_ERROR,
        "datetime '"
            + text
            + "' "
            + problem
            + "; give an instant or an interval start/end, '..' for an open end",
        "value_error",
        "datetime");
  }
}
