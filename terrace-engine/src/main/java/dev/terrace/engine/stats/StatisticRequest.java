package dev.terrace.engine.stats;

import dev.terrace.api.Aggregation;
import java.util.Objects;

/**
 * One statistic a request asks for: a {@link Statistic} and, for {@link Statistic#PERCENTILE}, which one. The
 * engine's side of the API's {@link Aggregation}, into which it converts both ways.
 *
 * @param statistic the statistic
 * @param percentile P in [0, 100] for {@link Statistic#PERCENTILE}; NaN for every other statistic
 */
public record StatisticRequest(Statistic statistic, double percentile) {

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
   * @param aggregation a statistic as the API names it; a {@code weighted_*} statistic is the same statistic
   *     computed with other weights ({@code weighted_frac} is {@code distribution}), which the reader supplies
   * @return the statistic for the engine
   */
  public static StatisticRequest from(Aggregation aggregation) {
    Statistic statistic = Statistic.of(aggregation.kind());
    return statistic == Statistic.PERCENTILE
        ? percentile(aggregation.percentile().orElseThrow())
        : of(statistic);
  }

  /** @return the same statistic as the API names it */
  public Aggregation toAggregation() {
    return statistic == Statistic.PERCENTILE ? Aggregation.percentile(percentile) : Aggregation.of(statistic.kind());
  }

  /**
   * Parses a request's {@code aggregation} as the API does ({@link Aggregation#parse(String)}): a statistic's name
   * in any case ({@code "mean"}, {@code "MAJORITY"}) or {@code "percentile:P"} with P a plain decimal in [0, 100]
   * ({@code "percentile:90"}, {@code "percentile:2.5"}).
   *
   * @param text the aggregation
   * @return the request
   * @throws IllegalArgumentException if the text names no statistic, or P is missing or out of range
   */
  public static StatisticRequest parse(String text) {
    return from(Aggregation.parse(text));
  }

  /** @return the aggregation's wire form: {@code "mean"}, {@code "percentile:90"}, {@code "percentile:2.5"} */
  @Override
  public String toString() {
    return toAggregation().toString();
  }
}
