package dev.terrace.engine.stats;

import java.util.Objects;

/**
 * One statistic a request asks for: a {@link Statistic} and, for {@link Statistic#PERCENTILE}, which one.
 *
 * @param statistic the statistic
 * @param percentile P in [0, 100] for {@link Statistic#PERCENTILE}; NaN for every other statistic
 */
public record StatisticRequest(Statistic statistic, double percentile) {

  private static final String PERCENTILE_PREFIX = "percentile:";

  /**
   * @throws NullPointerException if {@code statistic} is null
   * @throws IllegalArgumentException if a percentile is outside [0, 100], or given for another statistic
   */
  public StatisticRequest {
    Objects.requireNonNull(statistic, "statistic");
    if (statistic == Statistic.PERCENTILE) {
      if (!(percentile >= 0 && percentile <= 100)) {
        throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
      }
      // -0.0 and 0.0 are one percentile; without this the record's equals would tell them apart.
      percentile += 0.0;
    } else if (!Double.isNaN(percentile)) {
      throw new IllegalArgumentException(statistic.key() + " takes no percentile, got " + percentile);
    }
  }

  /**
   * @param statistic any statistic but {@link Statistic#PERCENTILE}
   * @return the request for it
   * @throws IllegalArgumentException for {@link Statistic#PERCENTILE}, which needs P: use {@link #percentile(double)}
   */
  public static StatisticRequest of(Statistic statistic) {
    if (statistic == Statistic.PERCENTILE) {
      throw new IllegalArgumentException("percentile needs P: use StatisticRequest.percentile(P)");
    }
    return new StatisticRequest(statistic, Double.NaN);
  }

  /**
   * @param p the percentile, in [0, 100]
   * @return the request for percentile P
   * @throws IllegalArgumentException if P is outside [0, 100] or NaN
   */
  public static StatisticRequest percentile(double p) {
    return new StatisticRequest(Statistic.PERCENTILE, p);
  }

  /**
   * Parses a request's {@code aggregation}: a statistic's name ({@code "mean"}, {@code "majority"}, any case) or
   * {@code "percentile:P"} with P a decimal number in [0, 100] ({@code "percentile:90"}, {@code
   * "percentile:2.5"}).
   *
   * @param text the aggregation
   * @return the request
   * @throws IllegalArgumentException if the text names no statistic, or P is missing or out of range
   */
  public static StatisticRequest parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (trimmed.regionMatches(true, 0, PERCENTILE_PREFIX, 0, PERCENTILE_PREFIX.length())) {
      String number = trimmed.substring(PERCENTILE_PREFIX.length()).strip();
      // Double.parseDouble would also take "NaN", "Infinity", hex and a trailing 'd'; P is a plain decimal.
      if (!number.matches("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
        throw new IllegalArgumentException("percentile needs a number P in [0, 100]: " + text);
      }
      return percentile(Double.parseDouble(number));
    }
    Statistic statistic = Statistic.fromKey(trimmed);
    if (statistic == Statistic.PERCENTILE) {
      throw new IllegalArgumentException("percentile needs P, as in percentile:90: " + text);
    }
    return of(statistic);
  }

  /** @return the aggregation as a request spells it: {@code "mean"}, {@code "percentile:90"}, {@code "percentile:2.5"} */
  @Override
  public String toString() {
    if (statistic != Statistic.PERCENTILE) {
      return statistic.key();
    }
    String p = percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    return PERCENTILE_PREFIX + p;
  }
}
