package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CF time coordinates in every CF calendar. Expectations are counted by hand, as the comments show.
 */
class CfTimeTest {

  private static Instant at(String units, String calendar, double value) {
    return CfTime.parse(units, calendar).toInstant(value);
  }

  @ParameterizedTest(name = "{0} ({1}) {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # bcsd_obs_1999.nc: 1950..1998 is 49 years with 12 leap days = 17897 days to 1999-01-01; +30 -> Jan 31
      days since 1950-01-01 00:00:00 | standard            | 17927  | 1999-01-31T00:00:00Z
      days since 1950-01-01 00:00:00 | standard            | 18261  | 1999-12-31T00:00:00Z
      days since 1950-1-1            | gregorian           | 0      | 1950-01-01T00:00:00Z
      days since 2000-01-01          |                     | 59     | 2000-02-29T00:00:00Z
      days since 2000-01-01          | proleptic_gregorian | 366    | 2001-01-01T00:00:00Z
      days since 2000-01-01          | standard            | -1     | 1999-12-31T00:00:00Z
      days since 2000-01-01          | standard            | 0.25   | 2000-01-01T06:00:00Z
      days since 2000-01-01          | standard            | -0.25  | 1999-12-31T18:00:00Z
      hours since 2020-01-01 00:00:00| gregorian           | 36     | 2020-01-02T12:00:00Z
      hours since 2020-01-01 00:00:00| gregorian           | 744    | 2020-02-01T00:00:00Z
      hour since 2000-01-01 12:30    | standard            | 1.5    | 2000-01-01T14:00:00Z
      minutes since 2000-01-01T00:00:00Z | standard        | 90     | 2000-01-01T01:30:00Z
      seconds since 1970-01-01 00:00:00.0 UTC | standard   | 86400.5| 1970-01-02T00:00:00.500Z
      secs since 1970-01-01 00:00:30 | standard            | -30    | 1970-01-01T00:00:00Z
      # The reference is local time 5 hours east of UTC.
      hours since 2000-01-01 00:00:00 +05:00 | standard    | 0      | 1999-12-31T19:00:00Z
      hours since 2000-01-01 00:00:00 -6 | standard        | 0      | 2000-01-01T06:00:00Z
      # noleap: Jan 31 + Feb 28 = 59 days to March 1; a year is 365 days even in 2000
      days since 2000-01-01          | noleap              | 59     | 2000-03-01T00:00:00Z
      days since 2000-01-01          | 365_day             | 365    | 2001-01-01T00:00:00Z
      days since 2000-01-01          | noleap              | 424.5  | 2001-03-01T12:00:00Z
      days since 2000-01-01          | noleap              | -1     | 1999-12-31T00:00:00Z
      days since 2000-03-01          | noleap              | -1     | 2000-02-28T00:00:00Z
      # all_leap: February 29 every year; 2001-02-29 has no instant and is clamped to 2001-02-28
      days since 2001-01-01          | all_leap            | 59     | 2001-02-28T00:00:00Z
      days since 2001-01-01          | 366_day             | 60     | 2001-03-01T00:00:00Z
      days since 2001-01-01          | all_leap            | 366    | 2002-01-01T00:00:00Z
      # 360_day: twelve 30-day months
      days since 2000-01-01          | 360_day             | 59     | 2000-02-29T00:00:00Z
      days since 2000-01-01          | 360_day             | 58.5   | 2000-02-29T12:00:00Z
      days since 2001-01-01          | 360_day             | 58     | 2001-02-28T00:00:00Z
      days since 2001-01-01          | 360_day             | 59.5   | 2001-02-28T12:00:00Z
      days since 2000-01-01          | 360_day             | 390.25 | 2001-02-01T06:00:00Z
      days since 2000-01-01          | 360_day             | -1     | 1999-12-30T00:00:00Z
      days since 2000-02-30          | 360_day             | 1      | 2000-03-01T00:00:00Z
      days since 2000-01-01          | 360_day             | 3600   | 2010-01-01T00:00:00Z
      # julian: every fourth year is a leap year, 1900 included; labels map to the same Gregorian label
      days since 2000-01-01          | julian              | 59     | 2000-02-29T00:00:00Z
      days since 1900-01-01          | julian              | 59     | 1900-02-28T00:00:00Z
      days since 1900-01-01          | julian              | 60     | 1900-03-01T00:00:00Z
      days since 1900-01-01          | julian              | 365    | 1900-12-31T00:00:00Z
      # standard: Julian until 1582-10-04, whose next day is 1582-10-15
      days since 1582-10-04          | standard            | 1      | 1582-10-15T00:00:00Z
      days since 1582-10-04          | proleptic_gregorian | 1      | 1582-10-05T00:00:00Z
      days since 1582-10-15          | standard            | -1     | 1582-10-04T00:00:00Z
      days since 1500-02-28          | standard            | 2      | 1500-03-01T00:00:00Z
      days since 1500-02-28          | proleptic_gregorian | 1      | 1500-03-01T00:00:00Z
      """)
  void valuesBecomeInstants(String units, String calendar, double value, String expected) {
    assertThat(at(units, calendar, value)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void valuesFarFromTheReferenceAreExact() {
    // 1970-01-01 + 32503680000 s = 3000-01-01 (1030 years, 250 of them leap: 376200 days * 86400
    // s).
    assertThat(at("seconds since 1970-01-01", "standard", 32_503_680_000.0))
        .isEqualTo(Instant.parse("3000-01-01T00:00:00Z"));
    // 0001-01-01 + 730119 days = 2000-01-01 in the proleptic Gregorian calendar.
    assertThat(at("days since 0001-01-01", "proleptic_gregorian", 730_119))
        .isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
    // 360-day years: 2000 years after 0000-01-01 is 720000 days.
    assertThat(at("days since 0-1-1", "360_day", 720_000))
        .isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
  }

  @Test
  void calendarNamesAreCaseInsensitiveAndDefaultToStandard() {
    assertThat(CfCalendar.of("NoLeap")).isEqualTo(CfCalendar.NOLEAP);
    assertThat(CfCalendar.of(null)).isEqualTo(CfCalendar.STANDARD);
    assertThat(CfCalendar.of(" ")).isEqualTo(CfCalendar.STANDARD);
    assertThat(CfCalendar.of("Gregorian")).isEqualTo(CfCalendar.STANDARD);
  }

  @Test
  void calendarsCountBackAndForth() {
    for (CfCalendar c : CfCalendar.values()) {
      for (long day = c.day(1499, 1, 1); day < c.day(1700, 1, 1); day += 7) {
        int[] d = c.date(day);
        assertThat(c.day(d[0], d[1], d[2])).as("%s day %d", c, day).isEqualTo(day);
      }
    }
  }

  @Test
  void unsupportedUnitsAndCalendarsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> CfTime.parse("months since 2000-01-01", "standard"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("months")
        .hasMessageContaining("days, hours");
    assertThatThrownBy(() -> CfTime.parse("days after 2000-01-01", "standard"))
        .hasMessageContaining("<unit> since <date>");
    assertThatThrownBy(() -> CfTime.parse("days since yesterday", "standard"))
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> CfTime.parse(null, "standard"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CfTime.parse("days since 2000-01-01", "none"))
        .hasMessageContaining("\"none\"");
    assertThatThrownBy(() -> CfTime.parse("days since 2001-02-29", "noleap"))
        .hasMessageContaining("noleap");
    assertThatThrownBy(() -> CfTime.parse("days since 2000-02-31", "360_day"))
        .hasMessageContaining("360_day");
    assertThatThrownBy(() -> CfTime.parse("days since 1582-10-10", "standard"))
        .hasMessageContaining("1582-10-15");
    assertThatThrownBy(() -> CfTime.parse("days since 2000-01-01 25:00", "standard"))
        .hasMessageContaining("time of day");
    assertThatThrownBy(() -> at("days since 2000-01-01", "standard", Double.NaN))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> at("days since 2000-01-01", "standard", 1e300))
        .hasMessageContaining("out of range");
  }
}
