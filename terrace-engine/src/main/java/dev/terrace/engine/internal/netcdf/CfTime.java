package dev.terrace.engine.internal.netcdf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CF time coordinate's meaning: {@code units} of the form {@code "<unit> since <date>[ <time>][
 * <zone>]"} and a {@code calendar}. Turns stored values into instants.
 *
 * <p>The arithmetic happens in the file's own calendar: a value is added to the reference date
 * there, giving a date label such as 2001-03-01 in a {@code noleap} calendar. The instant is that
 * same label read as a Gregorian date in UTC (shifted by the reference's zone, if it has one),
 * which is how people read model dates. A label with no Gregorian counterpart (February 29 or 30 of
 * a 360-day year, February 29 of a Julian leap year that is not a Gregorian one) is clamped to the
 * last day of its month, keeping the time of day: 360_day 2000-02-30 becomes 2000-02-29, 360_day
 * 2001-02-30 becomes 2001-02-28. So two labels can share one instant; the band order still tells
 * them apart.
 *
 * <p>Values are resolved to the microsecond; whole values are exact however far from the reference.
 */
final class CfTime {

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private static final Pattern UNITS =
      Pattern.compile("\\s*(\\w+)\\s+since\\s+(.+?)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(-?\\d{1,4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?)?"
              + "\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?)?",
          Pattern.CASE_INSENSITIVE);

  private final String units;
  private final CfCalendar calendar;
  private final long unitMicros;

  /** The reference date and time as microseconds in the calendar's day count. */
  private final long referenceMicros;

  private final ZoneOffset zone;

  private CfTime(
      String units, CfCalendar calendar, long unitMicros, long referenceMicros, ZoneOffset zone) {
    this.units = units;
    this.calendar = calendar;
    this.unitMicros = unitMicros;
    this.referenceMicros = referenceMicros;
    this.zone = zone;
  }

  /**
   * @param units the time variable's {@code units} attribute
   * @param calendar its {@code calendar} attribute; null means standard
   * @return the time coordinate's meaning
   * @throws IllegalArgumentException if the units or the calendar are not ones we can count, or the
   *     reference date does not exist in the calendar
   */
  static CfTime parse(String units, String calendar) {
    CfCalendar cal = CfCalendar.of(calendar);
    Matcher u = UNITS.matcher(units == null ? "" : units);
    if (!u.matches()) {
      throw new IllegalArgumentException(
          "time units \"" + units + "\" are not of the form \"<unit> since <date>\"");
    }
    long unitMicros = unitMicros(u.group(1), units);
    Matcher r = REFERENCE.matcher(u.group(2));
    if (!r.matches()) {
      throw new IllegalArgumentException(
          "time units \""
              + units
              + "\": cannot read the reference date \""
              + u.group(2)
              + "\" (expected yyyy-mm-dd[ hh:mm[:ss]][ zone])");
    }
    long day =
        cal.day(
            Integer.parseInt(r.group(1)),
            Integer.parseInt(r.group(2)),
            Integer.parseInt(r.group(3)));
    long micros = day * MICROS_PER_DAY + timeOfDayMicros(r, units);
    return new CfTime(units, cal, unitMicros, micros, zone(r.group(8)));
  }

  private static long unitMicros(String unit, String units) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "days", "day", "d" -> MICROS_PER_DAY;
      case "hours", "hour", "hrs", "hr", "h" -> 3_600_000_000L;
      case "minutes", "minute", "mins", "min" -> 60_000_000L;
      case "seconds", "second", "secs", "sec", "s" -> 1_000_000L;
      default ->
          throw new IllegalArgumentException(
              "time units \""
                  + units
                  + "\": unit \""
                  + unit
                  + "\" is not supported (use days, hours, minutes or seconds)");
    };
  }

  private static long timeOfDayMicros(Matcher r, String units) {
    if (r.group(4) == null) {
      return 0;
    }
    int h = Integer.parseInt(r.group(4));
    int m = Integer.parseInt(r.group(5));
    int s = r.group(6) == null ? 0 : Integer.parseInt(r.group(6));
    String fraction = r.group(7) == null ? "" : r.group(7);
    if (h > 23 || m > 59 || s > 60) {
      throw new IllegalArgumentException(
          "time units \"" + units + "\": the reference time is not a time of day");
    }
    long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 6));
    return ((h * 60L + m) * 60 + s) * 1_000_000 + micros;
  }

  private static ZoneOffset zone(String zone) {
    if (zone == null
        || zone.equalsIgnoreCase("Z")
        || zone.equalsIgnoreCase("UTC")
        || zone.equalsIgnoreCase("GMT")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.substring(1).replace(":", "");
    int hours =
        Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
    int minutes =
        digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /**
   * @param value a stored time coordinate
   * @return the instant of the date label it stands for (see the class documentation for labels
   *     that do not exist in the Gregorian calendar)
   * @throws IllegalArgumentException if the value is not finite or the date is out of range
   */
  Instant toInstant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("time value " + value + " is not a number");
    }
    // Whole and fractional parts apart, so that whole values stay exact beyond 2^53 microseconds.
    double whole = Math.floor(value);
    long total;
    try {
      total =
          Math.addExact(
              referenceMicros,
              Math.addExact(
                  Math.multiplyExact((long) whole, unitMicros),
                  Math.round((value - whole) * unitMicros)));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("time value " + value + " " + units + " is out of range");
    }
    int[] ymd = calendar.date(Math.floorDiv(total, MICROS_PER_DAY));
    long micros = Math.floorMod(total, MICROS_PER_DAY);
    int lastDay = YearMonth.of(ymd[0], ymd[1]).lengthOfMonth();
    LocalDate label = LocalDate.of(ymd[0], ymd[1], Math.min(ymd[2], lastDay));
    return label.atStartOfDay().toInstant(zone).plusNanos(micros * 1000);
  }

  /**
   * The instants of a variable's time steps: SIS's time coordinates read with the units and
   * calendar of the time variable whose {@code units} SIS named its time axis after.
   *
   * @param layout the variable's grid
   * @param attributes the file's attributes
   * @return one instant per band; empty when the variable has no time axis or its steps have no
   *     instants
   * @throws IllegalArgumentException if the units or calendar are not ones we can count
   */
  static List<Instant> instants(GridLayout layout, CfAttributes attributes) {
    if (layout.timeDimension() < 0 || !layout.timestamped()) {
      return List.of();
    }
    String sisUnits = layout.timeUnits().orElse("");
    Map<String, Object> time = attributes.timeVariable(sisUnits).orElse(Map.of());
    CfTime cf =
        parse(
            CfAttributes.text(time, "units").orElse(sisUnits),
            CfAttributes.text(time, "calendar").orElse(null));
    // SIS keeps the file's own unit, so the factor is 1 unless it picked another one.
    double factor = layout.timeUnitSeconds() * 1e6 / cf.unitMicros;
    double[] values = layout.timeValues();
    Instant[] out = new Instant[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = cf.toInstant(factor == 1 ? values[i] : values[i] * factor);
    }
    return List.of(out);
  }

  /**
   * @return the calendar
   */
  CfCalendar calendar() {
    return calendar;
  }

  @Override
  public String toString() {
    return units + " (" + calendar.label() + ")";
  }
}
