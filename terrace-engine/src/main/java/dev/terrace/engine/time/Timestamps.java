package dev.terrace.engine.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times as people write them in requests and catalogs: a year ({@code 1999}), a month
 * ({@code 1999-06}), a day ({@code 1999-06-30}), or a date-time with or without an offset (UTC when none is
 * given). A coarse time names a period; as the end of an inclusive range it stands for the period's last
 * instant, so {@code 1999-01/1999-06} includes all of June.
 */
public final class Timestamps {

  private Timestamps() {}

  /**
   * @param text the time as written
   * @return the first instant of the period it names
   * @throws IllegalArgumentException saying which forms are accepted
   */
  public static Instant start(String text) {
    return parse(text, false);
  }

  /**
   * @param text the time as written
   * @return the last instant of the period it names (the instant itself for a date-time)
   * @throws IllegalArgumentException saying which forms are accepted
   */
  public static Instant end(String text) {
    return parse(text, true);
  }

  /**
   * @param time an instant
   * @return its ISO-8601 form in UTC, for example {@code 1999-01-31T00:00:00Z}
   */
  public static String format(Instant time) {
    return time.toString();
  }

  private static Instant parse(String text, boolean end) {
    String t = text.strip();
    try {
      if (t.contains("T") || t.contains("t")) {
        return dateTime(t);
      }
      LocalDate first;
      LocalDate next;
      switch (t.length()) {
        case 4 -> {
          first = Year.parse(t).atDay(1);
          next = first.plusYears(1);
        }
        case 7 -> {
          first = YearMonth.parse(t).atDay(1);
          next = first.plusMonths(1);
        }
        default -> {
          first = LocalDate.parse(t);
          next = first.plusDays(1);
        }
      }
      LocalDate day = end ? next : first;
      Instant instant = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      return end ? instant.minusNanos(1) : instant;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not an ISO-8601 date or date-time; write 1999, 1999-06,"
          + " 1999-06-30 or 1999-06-30T12:00:00Z", e);
    }
  }

  private static Instant dateTime(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
  }
}
