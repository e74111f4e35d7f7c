package dev.terrace.engine.stats;

import dev.terrace.api.Aggregation;

/**
 * A zonal statistic an accumulator computes, for the API's {@link Aggregation.Kind} of the same name (which names
 * it on the wire), and what an accumulator must keep to answer it. Running sums (count, sum, min, max) are always
 * kept; the rest is kept only for the statistics that need it, so that a request for {@code mean} over ten
 * million cells stores nothing per cell.
 */
public enum Statistic {
  /** Weighted mean, {@code Σ w·x / Σ w}. */
  MEAN(Aggregation.Kind.MEAN),
  /** Weighted sum, {@code Σ w·x}. */
  SUM(Aggregation.Kind.SUM),
  /** Sum of weights: the number of cells for unit weights, the covered cell area for coverage fractions. */
  COUNT(Aggregation.Kind.COUNT),
  /** Smallest value of a cell with positive weight, unweighted. */
  MIN(Aggregation.Kind.MIN),
  /** Largest value of a cell with positive weight, unweighted. */
  MAX(Aggregation.Kind.MAX),
  /** Weighted population standard deviation, {@code sqrt(Σ w·(x − mean)² / Σ w)}. */
  STD(Aggregation.Kind.STD),
  /** Weighted population variance, {@code Σ w·(x − mean)² / Σ w}: STD squared. */
  VARIANCE(Aggregation.Kind.VARIANCE),
  /** STD divided by MEAN (exactextract's {@code coefficient_of_variation}). */
  COEFFICIENT_OF_VARIATION(Aggregation.Kind.COEFFICIENT_OF_VARIATION),
  /** MAX minus MIN. */
  RANGE(Aggregation.Kind.RANGE),
  /** Median: numpy's for unit weights, the weighted quantile 0.5 otherwise. */
  MEDIAN(Aggregation.Kind.MEDIAN),
  /** Percentile P in [0, 100]: numpy's linear interpolation for unit weights, weighted otherwise. */
  PERCENTILE(Aggregation.Kind.PERCENTILE),
  /** The value with the largest total weight; of tied values the lowest, or the highest by the request's tie rule. */
  MAJORITY(Aggregation.Kind.MAJORITY),
  /**
   * The value with the smallest positive total weight; of tied values the lowest, or the highest by the request's
   * tie rule.
   */
  MINORITY(Aggregation.Kind.MINORITY),
  /** The number of distinct values among cells with positive weight. */
  VARIETY(Aggregation.Kind.VARIETY),
  /** The distinct values among cells with positive weight, ascending. */
  UNIQUE(Aggregation.Kind.UNIQUE),
  /** Value → its share of the total weight, by ascending value. */
  DISTRIBUTION(Aggregation.Kind.DISTRIBUTION),
  /**
   * Value → its total weight, by ascending value: the number of cells of each class for unit weights (what
   * rasterstats' {@code categorical=True} gives), the covered area in cells under the exact rule.
   */
  HISTOGRAM(Aggregation.Kind.HISTOGRAM),
  /**
   * The weight of covered cells that hold no data. The accumulator sees only cells with data, so it has no value
   * for this (empty); the extraction answers it from what it tallied beside the accumulator.
   */
  NODATA_COUNT(Aggregation.Kind.NODATA_COUNT);

  private final Aggregation.Kind kind;

  Statistic(Aggregation.Kind kind) {
    this.kind = kind;
  }

  /** @return the API's kind of this statistic, which names it */
  public Aggregation.Kind kind() {
    return kind;
  }

  /**
   * @return whether the statistic is computed from the values themselves in order (MEDIAN, PERCENTILE): the
   *     accumulator stores every value, or answers from its value histogram when it keeps one anyway
   */
  public boolean needsValues() {
    return this == MEDIAN || this == PERCENTILE;
  }

  /**
   * @return whether the statistic is computed from the total weight of each distinct value (MAJORITY, MINORITY,
   *     VARIETY, UNIQUE, DISTRIBUTION)
   */
  public boolean needsHistogram() {
    return this == MAJORITY || this == MINORITY || this == VARIETY || this == UNIQUE || this == DISTRIBUTION
        || this == HISTOGRAM;
  }

  /** @return whether the statistic needs the running weighted variance (STD, VARIANCE, COEFFICIENT_OF_VARIATION) */
  public boolean needsVariance() {
    return this == STD || this == VARIANCE || this == COEFFICIENT_OF_VARIATION;
  }

  /** @return whether the statistic is one number (everything but UNIQUE, DISTRIBUTION and HISTOGRAM) */
  public boolean isScalar() {
    return this != UNIQUE && this != DISTRIBUTION && this != HISTOGRAM;
  }

  /** @return the name a request uses, lower case ({@code "mean"}, {@code "percentile"}, ...): the API's */
  public String key() {
    return kind.wireName();
  }

  /**
   * @param kind a statistic as the API names it; a {@code weighted_*} statistic is the same statistic computed
   *     with other weights ({@code weighted_frac} is {@code distribution}), which the reader supplies
   * @return the statistic the accumulator computes for it
   * @throws IllegalArgumentException for {@code cells}, which returns the cells themselves: no statistic
   */
  public static Statistic of(Aggregation.Kind kind) {
    Aggregation.Kind computed = switch (kind) {
      case WEIGHTED_MEAN -> Aggregation.Kind.MEAN;
      case WEIGHTED_SUM -> Aggregation.Kind.SUM;
      case WEIGHTED_STD -> Aggregation.Kind.STD;
      case WEIGHTED_VARIANCE -> Aggregation.Kind.VARIANCE;
      case WEIGHTED_FRAC -> Aggregation.Kind.DISTRIBUTION;
      default -> kind;
    };
    for (Statistic statistic : values()) {
      if (statistic.kind == computed) {
        return statistic;
      }
    }
    throw new IllegalArgumentException("unknown statistic: " + kind);
  }
}
