package dev.terrace.engine.internal.netcdf;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The CF calendars: how a date label (year, month, day) maps to a count of days, and back. Each
 * calendar counts days from its own origin; only differences within one calendar matter, so the
 * origins need not agree. The real calendars (standard, proleptic Gregorian, Julian) count Julian
 * Day Numbers.
 */
enum CfCalendar {
  /** Julian before 1582-10-15, Gregorian from then on; the ten days between do not exist. */
  STANDARD,
  /** Gregorian rules extended to every year. */
  PROLEPTIC_GREGORIAN,
  /** A leap year every fourth year, with no exception. */
  JULIAN,
  /** Every year has 365 days. */
  NOLEAP(31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
  /** Every year has 366 days. */
  ALL_LEAP(31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31),
  /** Twelve months of 30 days. */
  DAY_360(30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30);

  /** Julian Day Number of 1970-01-01, the epoch of {@link LocalDate#toEpochDay()}. */
  private static final long JDN_OF_EPOCH = 2_440_588;

  /**
   * Julian Day Number of 1582-10-15 (Gregorian), the first day of the Gregorian part of STANDARD.
   */
  private static final long JDN_OF_GREGORIAN_START = 2_299_161;

  /** Month lengths of a fixed-year calendar, or null for the real ones. */
  private final int[] months;

  /** Days before each month, for fixed-year calendars. */
  private final int[] before;

  private final int yearLength;

  CfCalendar(int... months) {
    this.months = months.length == 0 ? null : months;
    this.before = new int[13];
    for (int m = 0; m < months.length; m++) {
      before[m + 1] = before[m] + months[m];
    }
    this.yearLength = before[12];
  }

  /**
   * @param name the {@code calendar} attribute; null or blank means the CF default, standard
   * @return the calendar
   * @throws IllegalArgumentException if the name is not a CF calendar we can count ({@code none} is
   *     not)
   */
  static CfCalendar of(String name) {
    if (name == null || name.isBlank()) {
      return STANDARD;
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "standard", "gregorian" -> STANDARD;
      case "proleptic_gregorian" -> PROLEPTIC_GREGORIAN;
      case "julian" -> JULIAN;
      case "noleap", "365_day" -> NOLEAP;
      case "all_leap", "366_day" -> ALL_LEAP;
      case "360_day" -> DAY_360;
      default ->
          throw new IllegalArgumentException(
              "calendar \""
                  + name
                  + "\" is not supported (use standard, "
                  + "gregorian, proleptic_gregorian, julian, noleap, 365_day, all_leap, 366_day or 360_day)");
    };
  }

  /**
   * @param year the year (astronomical numbering: 0 is 1 BC)
   * @param month 1 to 12
   * @param day 1 to the month's length in this calendar
   * @return the day number in this calendar's count
   * @throws IllegalArgumentException if the date does not exist in this calendar
   */
  long day(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02d does not exist in the %s calendar",
              year,
              month,
              day,
              label()));
    }
    if (months != null) {
      return (long) year * yearLength + before[month - 1] + day - 1;
    }
    return switch (this) {
      case JULIAN -> julianDayNumber(year, month, day);
      case PROLEPTIC_GREGORIAN -> LocalDate.of(year, month, day).toEpochDay() + JDN_OF_EPOCH;
      default -> {
        if (year < 1582 || (year == 1582 && (month < 10 || (month == 10 && day <= 4)))) {
          yield julianDayNumber(year, month, day);
        }
        if (year == 1582 && month == 10 && day < 15) {
          throw new IllegalArgumentException(
              "1582-10-"
                  + day
                  + " does not exist in the standard calendar "
                  + "(the day after 1582-10-04 is 1582-10-15)");
        }
        yield LocalDate.of(year, month, day).toEpochDay() + JDN_OF_EPOCH;
      }
    };
  }

  /**
   * @param dayNumber a day number in this calendar's count
   * @return {@code {year, month, day}}
   */
  int[] date(long dayNumber) {
    if (months != null) {
      long year = Math.floorDiv(dayNumber, yearLength);
      int inYear = Math.floorMod(dayNumber, yearLength);
      int month = 1;
      while (before[month] <= inYear) {
        month++;
      }
      return new int[] {Math.toIntExact(year), month, inYear - before[month - 1] + 1};
    }
    if (this == JULIAN || (this == STANDARD && dayNumber < JDN_OF_GREGORIAN_START)) {
      return julianDate(dayNumber);
    }
    LocalDate d = LocalDate.ofEpochDay(dayNumber - JDN_OF_EPOCH);
    return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
  }

  /**
   * @return the number of days in the month
   */
  int monthLength(int year, int month) {
    if (months != null) {
      return months[month - 1];
    }
    boolean julianRules = this == JULIAN || (this == STANDARD && year < 1582);
    boolean leap = julianRules ? Math.floorMod(year, 4) == 0 : java.time.Year.isLeap(year);
    return month == 2 ? (leap ? 29 : 28) : java.time.Month.of(month).length(false);
  }

  /**
   * @return the CF name
   */
  String label() {
    return this == DAY_360 ? "360_day" : name().toLowerCase(Locale.ROOT);
  }

  /** Julian calendar date to Julian Day Number (Fliegel and Van Flandern's integer form). */
  private static long julianDayNumber(int year, int month, int day) {
    long a = Math.floorDiv(14 - month, 12);
    long y = year + 4800L - a;
    long m = month + 12 * a - 3;
    return day + Math.floorDiv(153 * m + 2, 5) + 365 * y + Math.floorDiv(y, 4) - 32083;
  }

  /** Julian Day Number to Julian calendar date, the inverse of {@link #julianDayNumber}. */
  private static int[] julianDate(long jdn) {
    long c = jdn + 32082;
    long d = Math.floorDiv(4 * c + 3, 1461);
    long e = c - Math.floorDiv(1461 * d, 4);
    long m = Math.floorDiv(5 * e + 2, 153);
    int day = (int) (e - Math.floorDiv(153 * m + 2, 5) + 1);
    int month = (int) (m + 3 - 12 * Math.floorDiv(m, 10));
    int year = Math.toIntExact(d - 4800 + Math.floorDiv(m, 10));
    return new int[] {year, month, day};
  }
}
