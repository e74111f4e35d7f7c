package dev.terrace.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An inclusive span between two instants: what a timestamp of the wire names, read as {@link
 * Instant}s.
 *
 * <p>Times are ISO 8601 as people write them in requests and catalogs: a year ({@code 1999}), a
 * month ({@code 1999-06}), a day ({@code 1999-06-30}), or a date-time with or without an offset
 * (UTC when none is given). A coarse time names a period, from its first instant to its last
 * ({@code 1999-06} ends on June 30 at 23:59:59.999999999); a date-time names one instant, which
 * starts and ends its interval.
 *
 * @param start the first instant included
 * @param end the last instant included, not before {@code start}
 */
public record TimeInterval(Instant start, Instant end) {

  /**
   * Checks the bounds.
   *
   * @param start the first instant included
   * @param end the last instant included
   * @throws NullPointerException if a bound is null
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   */
  public TimeInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "the interval ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /**
   * The span a time as written names.
   *
   * @param time a year, a month, a day or a date-time, for example {@code "1999-06"} or {@code
   *     "1999-06-30T12:00:00Z"}; surrounding blanks are ignored
   * @return the whole period of a year, month or day; the instant of a date-time
   * @throws IllegalArgumentException saying which forms are accepted
   */
  public static TimeInterval of(String time) {
    String t = time.strip();
    try {
      if (t.contains("T") || t.contains("t")) {
        Instant instant = dateTime(t);
        return new TimeInterval(instant, instant);
      }
      LocalDate first;
      LocalDate next;
      switch (t.length()) {
        case 4:
          first = Year.parse(t).atDay(1);
          next = first.plusYears(1);
          break;
        case 7:
          first = YearMonth.parse(t).atDay(1);
          next = first.plusMonths(1);
          break;
        default:
          first = LocalDate.parse(t);
          next = first.plusDays(1);
      }
      return new TimeInterval(
          first.atStartOfDay().toInstant(ZoneOffset.UTC),
          next.atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "\""
              + time
              + "\" is not an ISO-8601 date or date-time; write 1999,"
              + " 1999-06, 1999-06-30 or 1999-06-30T12:00:00Z",
          e);
    }
  }

  /**
   * The span from the start of one time as written to the end of another, as a series' {@code
   * FIRST/LAST} names it.
   *
   * @param first the earlier time, as {@link #of(String)} reads it
   * @param last the later time, likewise
   * @return from the first instant {@code first} names to the last instant {@code last} names
   * @throws IllegalArgumentException if a time is not ISO 8601, or {@code last} ends before {@code
   *     first} starts
   */
  public static TimeInterval between(String first, String last) {
    return new TimeInterval(of(first).start(), of(last).end());
  }

  private static Instant dateTime(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
  }

  /**
   * Whether the interval is a single instant.
   *
   * @return true when {@code start} equals {@code end}
   */
  public boolean isInstant() {
    return start.equals(end);
  }

  /**
   * The ISO 8601 form.
   *
   * @return {@code START/END}, for example {@code
   *     1999-06-01T00:00:00Z/1999-06-30T23:59:59.999999999Z}
   */
  @Override
  public String toString() {
    return start + "/" + end;
  }
}
