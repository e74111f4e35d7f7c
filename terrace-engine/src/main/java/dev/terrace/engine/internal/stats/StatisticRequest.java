package dev.terrace.engine.internal.stats;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One statistic a request asks for: a {@link Statistic} and, for {@link Statistic#PERCENTILE},
 * which one.
 *
 * @param statistic the statistic
 * @param percentile P in [0, 100] for {@link Statistic#PERCENTILE}; NaN for every other statistic
 */
public record StatisticRequest(Statistic statistic, double percentile) {

  /**
   * @throws NullPointerException if {@code statistic} is null
   * @throws IllegalArgumentException if a percentile is outside [0, 100], or given for another
   *     statistic
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
      throw new IllegalArgumentException(
          statistic.key() + " takes no percentile, got " + percentile);
    }
  }

  /**
   * @param statistic any statistic but {@link Statistic#PERCENTILE}
   * @return the request for it
   * @throws IllegalArgumentException for {@link Statistic#PERCENTILE}, which needs P: use {@link
   *     #percentile(double)}
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
   * @return the statistic as a request writes it: {@code "mean"}, {@code "percentile:90"}, {@code
   *     "percentile:2.5"}
   */
  @Override
  public String toString() {
    return statistic != Statistic.PERCENTILE
        ? statistic.key()
        : statistic.key()
            + ":"
            + BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
  }
}
