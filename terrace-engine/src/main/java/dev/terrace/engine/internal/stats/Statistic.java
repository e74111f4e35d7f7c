package dev.terrace.engine.internal.stats;

import java.util.Locale;

/**
 * A zonal statistic, as a request's {@code aggregation} names it, and what an accumulator must keep
 * to answer it. Running sums (count, sum, min, max) are always kept; the rest is kept only for the
 * statistics that need it, so that a request for {@code mean} over ten million cells stores nothing
 * per cell.
 */
public enum Statistic {
  /** Weighted mean, {@code Σ w·x / Σ w}. */
  MEAN,
  /** Weighted sum, {@code Σ w·x}. */
  SUM,
  /**
   * Sum of weights: the number of cells for unit weights, the covered cell area for coverage
   * fractions.
   */
  COUNT,
  /** Smallest value of a cell with positive weight, unweighted. */
  MIN,
  /** Largest value of a cell with positive weight, unweighted. */
  MAX,
  /** Weighted population standard deviation, {@code sqrt(Σ w·(x − mean)² / Σ w)}. */
  STD,
  /** Weighted population variance, {@code Σ w·(x − mean)² / Σ w}: STD squared. */
  VARIANCE,
  /** STD divided by MEAN (exactextract's {@code coefficient_of_variation}). */
  COEFFICIENT_OF_VARIATION,
  /** MAX minus MIN. */
  RANGE,
  /** Median: numpy's for unit weights, the weighted quantile 0.5 otherwise. */
  MEDIAN,
  /**
   * Percentile P in [0, 100]: numpy's linear interpolation for unit weights, weighted otherwise.
   */
  PERCENTILE,
  /**
   * The value with the largest total weight; of tied values the lowest, or the highest by the
   * request's tie rule.
   */
  MAJORITY,
  /**
   * The value with the smallest positive total weight; of tied values the lowest, or the highest by
   * the request's tie rule.
   */
  MINORITY,
  /** The number of distinct values among cells with positive weight. */
  VARIETY,
  /** The distinct values among cells with positive weight, ascending. */
  UNIQUE,
  /** Value → its share of the total weight, by ascending value. */
  DISTRIBUTION,
  /**
   * Value → its total weight, by ascending value: the number of cells of each class for unit
   * weights (what rasterstats' {@code categorical=True} gives), the covered area in cells under the
   * exact rule.
   */
  HISTOGRAM,
  /**
   * The weight of covered cells that hold no data. The accumulator sees only cells with data, so it
   * has no value for this (empty); the extraction answers it from what it tallied beside the
   * accumulator.
   */
  NODATA_COUNT;

  /**
   * @return whether the statistic is computed from the values themselves in order (MEDIAN,
   *     PERCENTILE): the accumulator stores every value, or answers from its value histogram when
   *     it keeps one anyway
   */
  public boolean needsValues() {
    return this == MEDIAN || this == PERCENTILE;
  }

  /**
   * @return whether the statistic is computed from the total weight of each distinct value
   *     (MAJORITY, MINORITY, VARIETY, UNIQUE, DISTRIBUTION)
   */
  public boolean needsHistogram() {
    return this == MAJORITY
        || this == MINORITY
        || this == VARIETY
        || this == UNIQUE
        || this == DISTRIBUTION
        || this == HISTOGRAM;
  }

  /**
   * @return whether the statistic needs the running weighted variance (STD, VARIANCE,
   *     COEFFICIENT_OF_VARIATION)
   */
  public boolean needsVariance() {
    return this == STD || this == VARIANCE || this == COEFFICIENT_OF_VARIATION;
  }

  /**
   * @return whether the statistic is one number (everything but UNIQUE, DISTRIBUTION and HISTOGRAM)
   */
  public boolean isScalar() {
    return this != UNIQUE && this != DISTRIBUTION && this != HISTOGRAM;
  }

  /**
   * @return the name a request uses, lower case ({@code "mean"}, {@code "percentile"}, ...)
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param key a statistic's name as a request spells it, any case ({@code "mean"}, {@code
   *     "MAJORITY"})
   * @return the statistic
   * @throws IllegalArgumentException if no statistic has that name
   */
  public static Statistic fromKey(String key) {
    for (Statistic statistic : values()) {
      if (statistic.name().equalsIgnoreCase(key)) {
        return statistic;
      }
    }
    throw new IllegalArgumentException("unknown statistic: " + key);
  }
}
