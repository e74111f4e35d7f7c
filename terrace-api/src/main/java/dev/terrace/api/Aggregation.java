package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A statistic to compute over the cells a geometry covers: {@code mean}, {@code sum}, {@code
 * count}, {@code min}, {@code max}, {@code std}, {@code median}, {@code percentile:P}, {@code
 * majority}, {@code minority}, {@code variety}, {@code unique}, {@code distribution}, {@code
 * histogram}, {@code nodata_count}, the {@code weighted_*} statistics of a request with {@code
 * weights}, or {@code cells}.
 *
 * <p>A {@link Kind} of statistic and, for {@link Kind#PERCENTILE} only, its parameter P. On the
 * wire as its plain name ({@link #toString()}), for example {@code "mean"} or {@code
 * "percentile:90"}; {@link #parse(String)} reads it back, ignoring case. {@code distribution}
 * yields an object (class → covered fraction), {@code histogram} and {@code weighted_frac} an
 * object, {@code unique} and {@code cells} an array; every other statistic yields a number.
 *
 * <p><b>An empty zone</b> (no valid cell: a polygon over nodata only, beyond the raster's edge, or
 * too small to hold a cell centre under {@code center}) answers as exactextract does: {@code
 * count}, {@code sum}, {@code variety} and {@code weighted_sum} 0; {@code unique} an empty array;
 * {@code distribution}, {@code histogram} and {@code weighted_frac} an empty object; {@code
 * nodata_count} the nodata it covers; every statistic of the values themselves ({@code mean},
 * {@code min}, {@code max}, {@code range}, {@code std}, {@code variance}, {@code
 * coefficient_of_variation}, {@code median}, {@code percentile:P}, {@code majority}, {@code
 * minority} and the other {@code weighted_*}) null, where exactextract writes NaN or null. The
 * result's quality is {@code missing}. A point on a cell without data is such a zone of one cell; a
 * point beyond the raster has no cell, hence no zone, and every statistic is null. A {@code
 * temporal_aggregation} leaves out the timestamps of an empty zone, so that their 0 does not count
 * as a reading ({@code nodata_count} excepted).
 *
 * @param kind the statistic
 * @param percentile for {@link Kind#PERCENTILE} the requested percentile P in [0, 100], otherwise
 *     empty
 */
public record Aggregation(Kind kind, OptionalDouble percentile) {

  /** The statistics, each with its wire name; {@link #PERCENTILE} alone takes a parameter. */
  public enum Kind {
    /** Coverage-weighted mean of the valid cells (the default). */
    MEAN,
    /** Coverage-weighted sum of the valid cells. */
    SUM,
    /** Number of valid cells, weighted by coverage. */
    COUNT,
    /** Smallest valid cell value. */
    MIN,
    /** Largest valid cell value. */
    MAX,
    /** Coverage-weighted population standard deviation. */
    STD,
    /** Coverage-weighted population variance: {@code std} squared. */
    VARIANCE,
    /** {@code std} divided by {@code mean}. */
    COEFFICIENT_OF_VARIATION,
    /** {@code max} minus {@code min}. */
    RANGE,
    /** Coverage-weighted median (the 50th percentile). */
    MEDIAN,
    /** Coverage-weighted percentile P, written {@code percentile:P} with P in [0, 100]. */
    PERCENTILE,
    /**
     * The class with the largest covered area. When several share it, the request's {@link Tie}
     * picks one: the lowest class by default, the highest with {@code tie: highest} (exactextract's
     * {@code majority} takes the highest). 64-bit integer classes are compared exactly.
     */
    MAJORITY,
    /**
     * The class with the smallest covered area; among several, the lowest class, or the highest
     * with {@code tie: highest} (exactextract's {@code minority} takes the lowest).
     */
    MINORITY,
    /** The number of distinct classes. */
    VARIETY,
    /** The distinct classes, ascending, as an array. */
    UNIQUE,
    /** Each class with the fraction of the covered area it occupies, as an object. */
    DISTRIBUTION,
    /**
     * Each class with its number of cells (its covered area in cells under the {@code exact} rule),
     * as an object: what rasterstats' {@code categorical=True} gives.
     */
    HISTOGRAM,
    /**
     * The weight of covered cells inside the raster that hold no data (nodata, NaN or masked),
     * under the pixel rule: their number under {@code center} and {@code all_touched}, their
     * covered area in cells under {@code exact}. Area beyond the raster's edge is not counted. For
     * a point: 1 when the cell under it holds no data, 0 when it holds data, no value when the
     * point is outside the raster.
     */
    NODATA_COUNT,
    /**
     * {@code Σ x·c·w / Σ c·w}: the mean of the valid cells, each weighted by its coverage {@code c}
     * and by the request's {@code weights} dataset {@code w} (exactextract's {@code
     * weighted_mean}).
     *
     * <p>How a weight cell is matched to a value cell: on the same grid, cell by cell. When the two
     * grids share a CRS and are aligned (each cell size a whole multiple of the finer one, and the
     * coarser grid's origin on a line of the finer one), coverage is computed on the finer of the
     * two grids and each of its cells takes the value and the weight of the cells it lies in, as
     * exactextract does. Otherwise each value cell takes the weight of the weight cell under its
     * centre. A covered cell outside the weight raster, or whose weight is nodata, weighs {@code
     * default_weight}; without one the weighted statistic is null, with a warning.
     */
    WEIGHTED_MEAN,
    /**
     * {@code Σ x·c·w}: the sum of the valid cells weighted by coverage and weight (see {@link
     * #WEIGHTED_MEAN}).
     */
    WEIGHTED_SUM,
    /**
     * The population standard deviation weighted by coverage and weight (see {@link
     * #WEIGHTED_MEAN}).
     */
    WEIGHTED_STD,
    /** The population variance weighted by coverage and weight: {@code weighted_std} squared. */
    WEIGHTED_VARIANCE,
    /**
     * Each class with its share of the total {@code c·w}, as an object (exactextract's {@code
     * weighted_frac}): {@code distribution} with weights, for example the share of a population
     * living on each land cover class.
     */
    WEIGHTED_FRAC,
    /**
     * The covered cells themselves rather than a summary, as an array with one object per cell that
     * holds data (see {@link Cell}), in row-major order: what exactextract's {@code values}, {@code
     * coverage}, {@code center_x}, {@code center_y} and {@code cell_id} give. Bounded by the
     * request's cell budget.
     */
    CELLS;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /**
     * The name requests and results use.
     *
     * @return the lower-case name, for example {@code "mean"} or {@code "nodata_count"}; {@code
     *     "percentile"} is written {@code percentile:P} on the wire
     */
    public String wireName() {
      return wireName;
    }

    /**
     * Whether this statistic yields a number ({@code distribution}, {@code histogram} and {@code
     * weighted_frac} yield an object, {@code unique} and {@code cells} an array).
     *
     * @return {@code false} for those five, {@code true} otherwise
     */
    public boolean isNumeric() {
      return this != DISTRIBUTION
          && this != HISTOGRAM
          && this != WEIGHTED_FRAC
          && this != UNIQUE
          && this != CELLS;
    }

    /**
     * Whether this statistic weighs cells by the request's {@code weights} dataset as well as by
     * coverage.
     *
     * @return {@code true} for the {@code weighted_*} statistics
     */
    public boolean isWeighted() {
      return this == WEIGHTED_MEAN
          || this == WEIGHTED_SUM
          || this == WEIGHTED_STD
          || this == WEIGHTED_VARIANCE
          || this == WEIGHTED_FRAC;
    }

    /**
     * The wire name.
     *
     * @return {@link #wireName()}
     */
    @Override
    public String toString() {
      return wireName;
    }
  }

  /**
   * The statistic names ({@link Kind#wireName()}), in documentation order; {@code percentile} is
   * written {@code percentile:P}.
   */
  public static final List<String> NAMES =
      Arrays.stream(Kind.values()).map(Kind::wireName).toList();

  /** {@link Kind#MEAN}. */
  public static final Aggregation MEAN = of(Kind.MEAN);

  /** {@link Kind#SUM}. */
  public static final Aggregation SUM = of(Kind.SUM);

  /** {@link Kind#COUNT}. */
  public static final Aggregation COUNT = of(Kind.COUNT);

  /** {@link Kind#MIN}. */
  public static final Aggregation MIN = of(Kind.MIN);

  /** {@link Kind#MAX}. */
  public static final Aggregation MAX = of(Kind.MAX);

  /** {@link Kind#STD}. */
  public static final Aggregation STD = of(Kind.STD);

  /** {@link Kind#VARIANCE}. */
  public static final Aggregation VARIANCE = of(Kind.VARIANCE);

  /** {@link Kind#COEFFICIENT_OF_VARIATION}. */
  public static final Aggregation COEFFICIENT_OF_VARIATION = of(Kind.COEFFICIENT_OF_VARIATION);

  /** {@link Kind#RANGE}. */
  public static final Aggregation RANGE = of(Kind.RANGE);

  /** {@link Kind#MEDIAN}. */
  public static final Aggregation MEDIAN = of(Kind.MEDIAN);

  /** {@link Kind#MAJORITY}. */
  public static final Aggregation MAJORITY = of(Kind.MAJORITY);

  /** {@link Kind#MINORITY}. */
  public static final Aggregation MINORITY = of(Kind.MINORITY);

  /** {@link Kind#VARIETY}. */
  public static final Aggregation VARIETY = of(Kind.VARIETY);

  /** {@link Kind#UNIQUE}. */
  public static final Aggregation UNIQUE = of(Kind.UNIQUE);

  /** {@link Kind#DISTRIBUTION}. */
  public static final Aggregation DISTRIBUTION = of(Kind.DISTRIBUTION);

  /** {@link Kind#HISTOGRAM}. */
  public static final Aggregation HISTOGRAM = of(Kind.HISTOGRAM);

  /** {@link Kind#NODATA_COUNT}. */
  public static final Aggregation NODATA_COUNT = of(Kind.NODATA_COUNT);

  /** {@link Kind#WEIGHTED_MEAN}. */
  public static final Aggregation WEIGHTED_MEAN = of(Kind.WEIGHTED_MEAN);

  /** {@link Kind#WEIGHTED_SUM}. */
  public static final Aggregation WEIGHTED_SUM = of(Kind.WEIGHTED_SUM);

  /** {@link Kind#WEIGHTED_STD}. */
  public static final Aggregation WEIGHTED_STD = of(Kind.WEIGHTED_STD);

  /** {@link Kind#WEIGHTED_VARIANCE}. */
  public static final Aggregation WEIGHTED_VARIANCE = of(Kind.WEIGHTED_VARIANCE);

  /** {@link Kind#WEIGHTED_FRAC}. */
  public static final Aggregation WEIGHTED_FRAC = of(Kind.WEIGHTED_FRAC);

  /** {@link Kind#CELLS}. */
  public static final Aggregation CELLS = of(Kind.CELLS);

  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

  /**
   * Checks the percentile.
   *
   * @param kind the statistic
   * @param percentile P in [0, 100] for {@link Kind#PERCENTILE}, empty for every other statistic
   * @throws IllegalArgumentException if the percentile is missing, out of range or given for
   *     another statistic
   * @throws NullPointerException if an argument is null
   */
  public Aggregation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(percentile, "percentile");
    if (kind == Kind.PERCENTILE) {
      if (percentile.isEmpty()) {
        throw new IllegalArgumentException(
            "percentile needs P: write percentile:P with P in [0, 100]");
      }
      double p = percentile.getAsDouble();
      if (!(p >= 0 && p <= 100)) {
        throw new IllegalArgumentException("percentile:P needs P in [0, 100], not " + p);
      }
    } else if (percentile.isPresent()) {
      throw new IllegalArgumentException(kind + " takes no percentile");
    }
  }

  /**
   * A statistic without parameter.
   *
   * @param kind any statistic but {@link Kind#PERCENTILE}
   * @return the statistic
   * @throws IllegalArgumentException for {@link Kind#PERCENTILE}, which needs P: use {@link
   *     #percentile(double)}
   */
  public static Aggregation of(Kind kind) {
    return new Aggregation(kind, OptionalDouble.empty());
  }

  /**
   * The {@code percentile:P} statistic.
   *
   * @param p the percentile, in [0, 100]
   * @return the statistic
   * @throws IllegalArgumentException if {@code p} is outside [0, 100] or NaN
   */
  public static Aggregation percentile(double p) {
    return new Aggregation(Kind.PERCENTILE, OptionalDouble.of(p));
  }

  /**
   * Reads a statistic's wire form, ignoring case and surrounding blanks: {@code "mean"}, {@code
   * "MAX"}, {@code "percentile:90"}, {@code "percentile:2.5"}.
   *
   * @param value the wire form
   * @return the statistic
   * @throws IllegalArgumentException if {@code value} is null, unknown, or a percentile without a
   *     valid P in [0, 100]; the message lists the valid names
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Aggregation parse(String value) {
    if (value == null) {
      throw unknown(null);
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    String percentilePrefix = Kind.PERCENTILE.wireName() + ":";
    if (v.startsWith(percentilePrefix)) {
      String p = v.substring(percentilePrefix.length()).strip();
      if (!NUMBER.matcher(p).matches()) {
        throw new IllegalArgumentException(
            "Invalid aggregation '"
                + value
                + "': write percentile:P with P a number in [0, 100], for example percentile:90");
      }
      double percentile = Double.parseDouble(p);
      if (percentile > 100) {
        throw new IllegalArgumentException(
            "Invalid aggregation '" + value + "': percentile:P needs P in [0, 100]");
      }
      return percentile(percentile);
    }
    if (v.equals(Kind.PERCENTILE.wireName())) {
      throw new IllegalArgumentException(
          "Invalid aggregation '"
              + value
              + "': write percentile:P with P a number in [0, 100], for example percentile:90");
    }
    for (Kind kind : Kind.values()) {
      if (kind.wireName().equals(v)) {
        return of(kind);
      }
    }
    throw unknown(value);
  }

  /**
   * The statistic's name.
   *
   * @return {@link Kind#wireName()}, for example {@code "mean"} or {@code "percentile"}
   */
  public String name() {
    return kind.wireName();
  }

  /**
   * Whether this statistic yields a number ({@code distribution} and {@code histogram} yield an
   * object, {@code unique} and {@code cells} an array).
   *
   * @return {@link Kind#isNumeric()}
   */
  public boolean isNumeric() {
    return kind.isNumeric();
  }

  /**
   * The wire form.
   *
   * @return the name, or {@code percentile:P} with P written without a needless fraction ({@code
   *     percentile:90}, {@code percentile:2.5})
   */
  @JsonValue
  @Override
  public String toString() {
    if (percentile.isEmpty()) {
      return kind.wireName();
    }
    return kind.wireName()
        + ":"
        + BigDecimal.valueOf(percentile.getAsDouble()).stripTrailingZeros().toPlainString();
  }

  private static IllegalArgumentException unknown(@Nullable String value) {
    return new IllegalArgumentException(
        (value == null ? "Missing aggregation" : "Unknown aggregation '" + value + "'")
            + "; expected one of: mean, sum, count, min, max, std, median, percentile:P (P in [0, 100]), "
            + "majority, minority, variety, unique, distribution, histogram, nodata_count");
  }
}
