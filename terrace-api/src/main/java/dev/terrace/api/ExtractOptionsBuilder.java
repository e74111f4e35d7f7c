package dev.terrace.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options {@code extract} and {@code extract.batch} share — datasets, statistic, pixel rule,
 * time range, temporal aggregation, CRS, densify, interpolation, repair, minimum coverage, default
 * value, weights and ties — set once here for both request builders. Every setter returns the
 * concrete builder; unset options take their defaults when the request is built.
 *
 * @param <B> the concrete builder
 */
public abstract class ExtractOptionsBuilder<B extends ExtractOptionsBuilder<B>> {

  /** The dataset ids added so far. */
  protected final List<String> datasetIds = new ArrayList<>();

  /** The statistic, or null for the default. */
  protected @Nullable Aggregation aggregation;

  /** The pixel rule, or null for the default. */
  protected @Nullable PixelRule pixelRule;

  /** The time range, or null for every timestamp. */
  protected @Nullable TimeRange timeRange;

  /** How a time series collapses, or null for one result per timestamp. */
  protected @Nullable TemporalAggregation temporalAggregation;

  /** The geometry's CRS, or null for the default. */
  protected @Nullable String crs;

  /** Whether long edges are densified. */
  protected boolean densify;

  /** How points read their value, or null for the default. */
  protected @Nullable Interpolation interpolation;

  /** Whether an invalid polygon is repaired rather than refused. */
  protected boolean repair;

  /** The smallest coverage fraction a cell needs to count, or null for every covered cell. */
  protected @Nullable Double minCoverageFrac;

  /** The value cells without data are read as, or null to leave them missing. */
  protected @Nullable Double defaultValue;

  /** The weighting dataset, or null for none. */
  protected @Nullable String weights;

  /** The weight of cells whose weight is nodata, or null to leave it undefined. */
  protected @Nullable Double defaultWeight;

  /** The weight of a covered cell, or null for the default. */
  protected @Nullable CoverageWeight coverageWeight;

  /** Which value majority and minority answer on a tie, or null for the default. */
  protected @Nullable Tie tie;

  /** For the two request builders only. */
  ExtractOptionsBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Adds dataset ids.
   *
   * @param ids ids such as {@code "lux:elevation"}
   * @return this builder
   */
  public B datasets(String... ids) {
    datasetIds.addAll(Arrays.asList(ids));
    return self();
  }

  /**
   * Replaces the dataset ids.
   *
   * @param ids the ids
   * @return this builder
   */
  public B datasetIds(List<String> ids) {
    datasetIds.clear();
    datasetIds.addAll(Objects.requireNonNull(ids, "datasetIds"));
    return self();
  }

  /**
   * Sets the statistic.
   *
   * @param value the statistic, or null for the default
   * @return this builder
   */
  public B aggregation(@Nullable Aggregation value) {
    aggregation = value;
    return self();
  }

  /**
   * Sets the statistic from its wire form.
   *
   * @param value for example {@code "median"} or {@code "percentile:90"}
   * @return this builder
   * @throws IllegalArgumentException if the name is invalid
   */
  public B aggregation(String value) {
    return aggregation(Aggregation.parse(value));
  }

  /**
   * Sets the pixel rule.
   *
   * @param value the rule, or null for the default
   * @return this builder
   */
  public B pixelRule(@Nullable PixelRule value) {
    pixelRule = value;
    return self();
  }

  /**
   * Sets the time range.
   *
   * @param value the range, or null for every timestamp
   * @return this builder
   */
  public B timeRange(@Nullable TimeRange value) {
    timeRange = value;
    return self();
  }

  /**
   * Sets the time range from its bounds.
   *
   * @param start the first instant included, or null for no lower bound
   * @param end the last instant included, or null for no upper bound
   * @return this builder
   */
  public B timeRange(@Nullable String start, @Nullable String end) {
    return timeRange(TimeRange.of(start, end));
  }

  /**
   * Collapses each time-varying dataset's series into one result.
   *
   * @param value {@code mean}, {@code min}, {@code max} or {@code sum} of the timestamps' values,
   *     or null for one result per timestamp (the default)
   * @return this builder
   */
  public B temporalAggregation(@Nullable TemporalAggregation value) {
    temporalAggregation = value;
    return self();
  }

  /**
   * Sets the CRS of the geometries' coordinates.
   *
   * @param value for example {@code "EPSG:3035"}, or null for the default
   * @return this builder
   */
  public B crs(@Nullable String value) {
    crs = value;
    return self();
  }

  /**
   * Sets whether long edges are densified before they are transformed.
   *
   * @param value true to densify
   * @return this builder
   */
  public B densify(boolean value) {
    densify = value;
    return self();
  }

  /**
   * Sets how points read their value.
   *
   * @param value {@code nearest} (the default) or {@code bilinear}
   * @return this builder
   */
  public B interpolation(@Nullable Interpolation value) {
    interpolation = value;
    return self();
  }

  /**
   * Sets whether an invalid polygon (a self-intersecting ring, a hole outside its shell) is
   * repaired with JTS's {@code GeometryFixer}, and a warning says so, rather than refused with a
   * 422 naming the ring.
   *
   * @param value true to repair
   * @return this builder
   */
  public B repair(boolean value) {
    repair = value;
    return self();
  }

  /**
   * Ignores the cells of a polygon whose coverage fraction is below {@code value}: they count
   * neither as valid nor as missing, as exactextract's {@code min_coverage_frac}. The engine
   * refuses a value outside [0, 1].
   *
   * @param value the fraction in [0, 1], or null for the default (0: every covered cell counts)
   * @return this builder
   */
  public B minCoverageFrac(@Nullable Double value) {
    minCoverageFrac = value;
    return self();
  }

  /**
   * Reads covered cells inside the raster that hold no data (nodata, NaN or masked) as {@code
   * value}, so that they count as valid, as exactextract's {@code default_value}. The engine
   * refuses a value that is not finite.
   *
   * @param value the value, or null for the default (such cells are missing)
   * @return this builder
   */
  public B defaultValue(@Nullable Double value) {
    defaultValue = value;
    return self();
  }

  /**
   * Names the dataset whose cells weigh each value cell in the {@code weighted_*} statistics, as
   * exactextract's weighting raster. The engine refuses weights with a statistic that does not use
   * them, and a weighted statistic without weights.
   *
   * @param value a dataset id such as {@code "lux:population"}, or null for none
   * @return this builder
   */
  public B weights(@Nullable String value) {
    weights = value;
    return self();
  }

  /**
   * Sets the weight of covered cells whose weight is nodata, as exactextract's {@code
   * default_weight}.
   *
   * @param value the weight, or null (the default) to leave it undefined: the weighted statistic is
   *     then null
   * @return this builder
   */
  public B defaultWeight(@Nullable Double value) {
    defaultWeight = value;
    return self();
  }

  /**
   * Sets the weight a covered cell carries in every statistic.
   *
   * @param value the weight, or null for {@link CoverageWeight#FRACTION}
   * @return this builder
   */
  public B coverageWeight(@Nullable CoverageWeight value) {
    coverageWeight = value;
    return self();
  }

  /**
   * Sets which value {@code majority} and {@code minority} answer when values tie.
   *
   * @param value the rule, or null for {@link Tie#LOWEST}
   * @return this builder
   */
  public B tie(@Nullable Tie value) {
    tie = value;
    return self();
  }
}
