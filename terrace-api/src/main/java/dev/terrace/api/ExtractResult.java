package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One dataset's answer for one geometry (and one timestamp of a time-varying dataset).
 *
 * <p>{@code value} is whatever the statistic yields, typed as a {@link ResultValue}: a number for
 * most statistics, an object {@code {class: fraction}} for {@code distribution}, {@code {class:
 * count}} for {@code histogram}, an array for {@code unique}, an array of cells for {@code cells},
 * or null when there is no value (then {@code quality} is usually {@code missing}). Match on it,
 * read the kind expected with its {@code as*} accessors ({@link ResultValue#asDouble()}, …), or use
 * {@link #number()}, {@link #distribution()}, {@link #values()} or {@link #cells()}, which answer
 * empty for another kind.
 *
 * @param datasetId the dataset's id, {@code provider:name}
 * @param variable the variable (or band) read
 * @param value the statistic's value, or null when there is none
 * @param units the value's units, for example {@code "m"}, or null when unitless or unknown
 * @param aggregation the statistic computed
 * @param pixelRule the pixel rule applied
 * @param quality how far the value can be trusted
 * @param coverageFraction valid covered area / covered area, in [0, 1], or null when nothing was
 *     covered
 * @param pixelCount the number of cells read
 * @param resolutionM the cell size actually read, in metres (coarser than the dataset's when an
 *     overview was used), or null when unknown
 * @param timestamp for a time-varying dataset the timestamp of this value (ISO-8601); for a series
 *     collapsed by {@code temporalAggregation} the interval of the timestamps it spans ({@code
 *     FIRST/LAST}); otherwise null
 * @param temporalAggregation how a series was collapsed into this one value, or null for a single
 *     timestamp or a static dataset
 * @param provider the provider's slug
 * @param crs the CRS the raster was read in, or null when not reported
 * @param elapsedMs the time spent on this result, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractResult(
    @JsonProperty("dataset_id") String datasetId,
    @JsonProperty("variable") String variable,
    @JsonProperty("value") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable ResultValue value,
    @JsonProperty("units") @Nullable String units,
    @JsonProperty("aggregation") Aggregation aggregation,
    @JsonProperty("pixel_rule") PixelRule pixelRule,
    @JsonProperty("quality") Quality quality,
    @JsonProperty("coverage_fraction") @Nullable Double coverageFraction,
    @JsonProperty("pixel_count") long pixelCount,
    @JsonProperty("resolution_m") @Nullable Double resolutionM,
    @JsonProperty("timestamp") @Nullable String timestamp,
    @JsonProperty("temporal_aggregation") @Nullable TemporalAggregation temporalAggregation,
    @JsonProperty("provider") String provider,
    @JsonProperty("crs") @Nullable String crs,
    @JsonProperty("elapsed_ms") double elapsedMs) {

  /**
   * Reads a result from JSON, where the value's kind follows from its shape and the aggregation.
   *
   * @param value the value as parsed: a number, a map, a list or null ({@link ResultValue#from})
   */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  static ExtractResult fromJson(
      @JsonProperty("dataset_id") String datasetId,
      @JsonProperty("variable") String variable,
      @JsonProperty("value") @Nullable Object value,
      @JsonProperty("units") @Nullable String units,
      @JsonProperty("aggregation") Aggregation aggregation,
      @JsonProperty("pixel_rule") PixelRule pixelRule,
      @JsonProperty("quality") Quality quality,
      @JsonProperty("coverage_fraction") @Nullable Double coverageFraction,
      @JsonProperty("pixel_count") long pixelCount,
      @JsonProperty("resolution_m") @Nullable Double resolutionM,
      @JsonProperty("timestamp") @Nullable String timestamp,
      @JsonProperty("temporal_aggregation") @Nullable TemporalAggregation temporalAggregation,
      @JsonProperty("provider") String provider,
      @JsonProperty("crs") @Nullable String crs,
      @JsonProperty("elapsed_ms") double elapsedMs) {
    return new ExtractResult(
        datasetId,
        variable,
        ResultValue.from(value, aggregation),
        units,
        aggregation,
        pixelRule,
        quality,
        coverageFraction,
        pixelCount,
        resolutionM,
        timestamp,
        temporalAggregation,
        provider,
        crs,
        elapsedMs);
  }

  /**
   * The value in its plain JSON form, for code that handles any JSON value alike (a table cell, a
   * CSV column).
   *
   * @return {@link ResultValue#toJson()}: a {@link Double}, a {@link Long} or {@link
   *     java.math.BigInteger}, a {@code Map} or a {@code List}; null when there is no value
   */
  @JsonIgnore
  public @Nullable Object jsonValue() {
    return value == null ? null : value.toJson();
  }

  /**
   * The value as a number, for every statistic but {@code distribution}, {@code histogram}, {@code
   * weighted_frac}, {@code unique} and {@code cells}.
   *
   * @return the number, or empty when the value is null or not a number
   */
  @JsonIgnore
  public OptionalDouble number() {
    return value instanceof ResultValue.Scalar
        ? OptionalDouble.of(value.asDouble())
        : OptionalDouble.empty();
  }

  /**
   * The value of a {@code distribution} or {@code weighted_frac} (each class with the fraction of
   * the covered area it occupies) or of a {@code histogram} (each class with its number of cells).
   *
   * @return class → fraction or count in the order received; empty when the value is neither
   */
  @JsonIgnore
  public Map<String, Double> distribution() {
    if (value instanceof ResultValue.Distribution) {
      return value.asDistribution();
    }
    return value instanceof ResultValue.Histogram ? value.asHistogram() : Map.of();
  }

  /**
   * The value of {@code cells}: the covered cells, whether the result was built in-process or read
   * from JSON.
   *
   * @return the cells in the order received; empty when the value is not cells
   */
  @JsonIgnore
  public List<Cell> cells() {
    return value instanceof ResultValue.Cells ? value.asCells() : List.of();
  }

  /**
   * The value of {@code unique}: the distinct values.
   *
   * @return the numbers in the order received, 64-bit integers beyond 2^53 rounded; empty when the
   *     value is not a list of unique values
   */
  @JsonIgnore
  public List<Double> values() {
    if (!(value instanceof ResultValue.Uniques)) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    for (ResultValue.Scalar v : value.asUniques()) {
      out.add(v.asDouble());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The time of this value as instants, whichever form {@link #timestamp()} takes.
   *
   * @return the instant of a single timestamp (start and end alike), the span from the first
   *     timestamp to the last of a series collapsed by {@code temporalAggregation}, or null for a
   *     static dataset
   * @throws IllegalArgumentException if the timestamp is not ISO 8601
   */
  @JsonIgnore
  public @Nullable TimeInterval timeInterval() {
    if (timestamp == null) {
      return null;
    }
    int slash = timestamp.indexOf('/');
    return slash < 0
        ? TimeInterval.of(timestamp)
        : TimeInterval.between(timestamp.substring(0, slash), timestamp.substring(slash + 1));
  }

  /**
   * The timestamp of a time-varying dataset's value as an instant.
   *
   * @return the instant, or null for a static dataset and for a collapsed series, which spans an
   *     interval ({@link #timeInterval()})
   * @throws IllegalArgumentException if the timestamp is not ISO 8601
   */
  @JsonIgnore
  public @Nullable Instant timestampInstant() {
    TimeInterval interval = timeInterval();
    return interval != null && interval.isInstant() ? interval.start() : null;
  }

  /**
   * A builder, convenient where most of the fourteen fields are set one at a time.
   *
   * @return a new builder with every field unset (null, or 0 for the counters)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this result's values, to derive a modified copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .datasetId(datasetId)
        .variable(variable)
        .value(value)
        .units(units)
        .aggregation(aggregation)
        .pixelRule(pixelRule)
        .quality(quality)
        .coverageFraction(coverageFraction)
        .pixelCount(pixelCount)
        .resolutionM(resolutionM)
        .timestamp(timestamp)
        .temporalAggregation(temporalAggregation)
        .provider(provider)
        .crs(crs)
        .elapsedMs(elapsedMs);
  }

  /** Builds an {@link ExtractResult}; every setter returns the builder. */
  public static final class Builder {
    private @Nullable String datasetId;
    private @Nullable String variable;
    private @Nullable ResultValue value;
    private @Nullable String units;
    private @Nullable Aggregation aggregation;
    private @Nullable PixelRule pixelRule;
    private @Nullable Quality quality;
    private @Nullable Double coverageFraction;
    private long pixelCount;
    private @Nullable Double resolutionM;
    private @Nullable String timestamp;
    private @Nullable TemporalAggregation temporalAggregation;
    private @Nullable String provider;
    private @Nullable String crs;
    private double elapsedMs;

    private Builder() {}

    /**
     * Sets the dataset id.
     *
     * @param datasetId {@code provider:name}
     * @return this builder
     */
    public Builder datasetId(String datasetId) {
      this.datasetId = datasetId;
      return this;
    }

    /**
     * Sets the variable read.
     *
     * @param variable the variable or band name
     * @return this builder
     */
    public Builder variable(String variable) {
      this.variable = variable;
      return this;
    }

    /**
     * Sets the value.
     *
     * @param value the statistic's value, or null when there is none
     * @return this builder
     */
    public Builder value(@Nullable ResultValue value) {
      this.value = value;
      return this;
    }

    /**
     * Sets the units.
     *
     * @param units for example {@code "m"}
     * @return this builder
     */
    public Builder units(@Nullable String units) {
      this.units = units;
      return this;
    }

    /**
     * Sets the statistic computed.
     *
     * @param aggregation the statistic
     * @return this builder
     */
    public Builder aggregation(Aggregation aggregation) {
      this.aggregation = aggregation;
      return this;
    }

    /**
     * Sets the pixel rule applied.
     *
     * @param pixelRule the rule
     * @return this builder
     */
    public Builder pixelRule(PixelRule pixelRule) {
      this.pixelRule = pixelRule;
      return this;
    }

    /**
     * Sets the quality flag.
     *
     * @param quality the flag
     * @return this builder
     */
    public Builder quality(Quality quality) {
      this.quality = quality;
      return this;
    }

    /**
     * Sets the valid coverage fraction.
     *
     * @param coverageFraction in [0, 1], or null
     * @return this builder
     */
    public Builder coverageFraction(@Nullable Double coverageFraction) {
      this.coverageFraction = coverageFraction;
      return this;
    }

    /**
     * Sets the number of cells read.
     *
     * @param pixelCount the count
     * @return this builder
     */
    public Builder pixelCount(long pixelCount) {
      this.pixelCount = pixelCount;
      return this;
    }

    /**
     * Sets the resolution read.
     *
     * @param resolutionM metres, or null
     * @return this builder
     */
    public Builder resolutionM(@Nullable Double resolutionM) {
      this.resolutionM = resolutionM;
      return this;
    }

    /**
     * Sets the timestamp of a time-varying dataset's value.
     *
     * @param timestamp ISO-8601, or null
     * @return this builder
     */
    public Builder timestamp(@Nullable String timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /**
     * Sets how a time series was collapsed into this value.
     *
     * @param temporalAggregation the temporal aggregation, or null
     * @return this builder
     */
    public Builder temporalAggregation(@Nullable TemporalAggregation temporalAggregation) {
      this.temporalAggregation = temporalAggregation;
      return this;
    }

    /**
     * Sets the provider's slug.
     *
     * @param provider the slug
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Sets the CRS the raster was read in.
     *
     * @param crs for example {@code "EPSG:2169"}, or null
     * @return this builder
     */
    public Builder crs(@Nullable String crs) {
      this.crs = crs;
      return this;
    }

    /**
     * Sets the time spent.
     *
     * @param elapsedMs milliseconds
     * @return this builder
     */
    public Builder elapsedMs(double elapsedMs) {
      this.elapsedMs = elapsedMs;
      return this;
    }

    /**
     * Builds the result.
     *
     * @return the result
     */
    public ExtractResult build() {
      return new ExtractResult(
          datasetId,
          variable,
          value,
          units,
          aggregation,
          pixelRule,
          quality,
          coverageFraction,
          pixelCount,
          resolutionM,
          timestamp,
          temporalAggregation,
          provider,
          crs,
          elapsedMs);
    }
  }
}
