package dev.terrace.engine.internal.time;

import dev.terrace.api.TimeInterval;
import java.time.Instant;

/**
 * ISO-8601 times as people write them in requests and catalogs: a year ({@code 1999}), a month
 * ({@code 1999-06}), a day ({@code 1999-06-30}), or a date-time with or without an offset (UTC when
 * none is given). A coarse time names a period; as the end of an inclusive range it stands for the
 * period's last instant, so {@code 1999-01/1999-06} includes all of June.
 */
public final class Timestamps {

  private Timestamps() {}

  /**
   * @param text the time as written
   * @return the first instant of the period it names
   * @throws IllegalArgumentException saying which forms are accepted
   */
  public static Instant start(String text) {
    return TimeInterval.of(text).start();
  }

  /**
   * @param text the time as written
   * @return the last instant of the period it names (the instant itself for a date-time)
   * @throws IllegalArgumentException saying which forms are accepted
   */
  public static Instant end(String text) {
    return TimeInterval.of(text).end();
  }

  /**
   * @param time an instant
   * @return its ISO-8601 form in UTC, for example {@code 1999-01-31T00:00:00Z}
   */
  public static String format(Instant time) {
    return time.toString();
  }
}
