package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.terrace.api.geojson.Geometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extract.batch} request: M geometries (1 to 1000) sharing the same datasets and
 * options. The response keeps the input order.
 *
 * <p>Defaults are applied on construction exactly as for {@link ExtractRequest}; nothing is
 * validated here.
 *
 * @param geometries the geometries; an unmodifiable copy, empty when null, with features unwrapped
 *     (null elements are kept so that the engine can report them by index)
 * @param datasetIds the dataset ids ({@code provider:name}); an unmodifiable copy, empty when null
 * @param aggregation the statistic; {@link Aggregation#MEAN} when null
 * @param pixelRule which cells count; {@link PixelRule#EXACT} when null
 * @param timeRange the timestamps to read from time-varying datasets, or null for all of them
 * @param temporalAggregation how a time series collapses into one result per dataset, or null for
 *     one result per timestamp
 * @param crs the CRS of the geometries' coordinates; {@value ExtractRequest#DEFAULT_CRS} when null.
 *     Also read from {@code target_crs}
 * @param densify whether to densify long edges before transforming them (default false)
 * @param interpolation how points read their value; {@link Interpolation#NEAREST} when null
 * @param repair whether an invalid polygon (a self-intersecting ring, a hole outside its shell or
 *     around it) is repaired with JTS's {@code GeometryFixer}, with a warning, rather than refused
 *     (default false; written only when true, so that a request without it reads the same to a
 *     service that predates it)
 * @param minCoverageFrac cells of a polygon whose coverage fraction is below this, in [0, 1], are
 *     ignored: neither valid nor missing, as exactextract's {@code min_coverage_frac}; null
 *     (omitted from JSON) for 0, every covered cell
 * @param defaultValue the value a covered cell inside the raster that holds no data (nodata, NaN or
 *     masked) is read as, so that it counts as valid, as exactextract's {@code default_value}; null
 *     (omitted from JSON) to leave such cells missing
 * @param weights the dataset whose cells weigh each value cell in the {@code weighted_*} statistics
 *     ({@code provider:name}), as exactextract's weighting raster; null (omitted from JSON) for
 *     none. Its grid may differ from the value raster's: see {@link Aggregation#WEIGHTED_MEAN} for
 *     how cells are matched
 * @param defaultWeight the weight of a covered cell whose weight is nodata, as exactextract's
 *     {@code default_weight}; null (omitted from JSON) to leave it undefined, which makes the
 *     weighted statistic of that geometry null, with a warning
 * @param coverageWeight the weight a covered cell carries in every statistic; null (omitted from
 *     JSON) for {@link CoverageWeight#FRACTION}
 * @param tie which value {@code majority} and {@code minority} answer on a tie; null (omitted from
 *     JSON) for {@link Tie#LOWEST}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchExtractRequest(
    @JsonProperty("geometries") List<Geometry> geometries,
    @JsonProperty("dataset_ids") List<String> datasetIds,
    @JsonProperty("aggregation") Aggregation aggregation,
    @JsonProperty("pixel_rule") PixelRule pixelRule,
    @JsonProperty("time_range") @Nullable TimeRange timeRange,
    @JsonProperty("temporal_aggregation") @Nullable TemporalAggregation temporalAggregation,
    @JsonProperty("crs") @JsonAlias("target_crs") String crs,
    @JsonProperty("densify") boolean densify,
    @JsonProperty("interpolation") Interpolation interpolation,
    @JsonProperty("repair") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean repair,
    @JsonProperty("min_coverage_frac") @Nullable Double minCoverageFrac,
    @JsonProperty("default_value") @Nullable Double defaultValue,
    @JsonProperty("weights") @Nullable String weights,
    @JsonProperty("default_weight") @Nullable Double defaultWeight,
    @JsonProperty("coverage_weight") @Nullable CoverageWeight coverageWeight,
    @JsonProperty("tie") @Nullable Tie tie) {

  /**
   * Applies the defaults, unwraps features and copies the lists.
   *
   * @param geometries the geometries or features, or null for none
   * @param datasetIds the dataset ids, or null for none
   * @param aggregation the statistic, or null for {@code mean}
   * @param pixelRule the pixel rule, or null for {@code exact}
   * @param timeRange the time range, or null
   * @param temporalAggregation how a time series collapses, or null for one result per timestamp
   * @param crs the geometries' CRS, or null for {@value ExtractRequest#DEFAULT_CRS}
   * @param densify whether to densify long edges
   * @param interpolation how points read their value, or null for {@code nearest}
   * @param repair whether an invalid polygon is repaired rather than refused
   * @param minCoverageFrac the smallest coverage fraction a cell needs to count, or null for 0
   * @param defaultValue the value cells without data are read as, or null to leave them missing
   * @param weights the weighting dataset, or null for none
   * @param defaultWeight the weight of cells whose weight is nodata, or null to leave it undefined
   * @param coverageWeight the weight of a covered cell, or null for {@code fraction}
   * @param tie which value {@code majority} and {@code minority} answer on a tie, or null for
   *     {@code lowest}
   */
  public BatchExtractRequest {
    if (geometries == null) {
      geometries = List.of();
    } else {
      List<Geometry> plain = new ArrayList<>(geometries.size());
      for (Geometry g : geometries) {
        plain.add(g == null ? null : g.unwrap());
      }
      geometries = Collections.unmodifiableList(plain);
    }
    datasetIds = Wire.copyOrEmpty(datasetIds);
    aggregation = aggregation == null ? Aggregation.MEAN : aggregation;
    pixelRule = pixelRule == null ? PixelRule.EXACT : pixelRule;
    crs = crs == null ? ExtractRequest.DEFAULT_CRS : crs;
    interpolation = interpolation == null ? Interpolation.NEAREST : interpolation;
  }

  /**
   * A request without {@code min_coverage_frac} and {@code default_value}, as before they existed.
   *
   * @param geometries the geometries or features, or null
   * @param datasetIds the dataset ids, or null for none
   * @param aggregation the statistic, or null for {@code mean}
   * @param pixelRule the pixel rule, or null for {@code exact}
   * @param timeRange the time range, or null
   * @param temporalAggregation how a time series collapses, or null for one result per timestamp
   * @param crs the CRS, or null for {@value ExtractRequest#DEFAULT_CRS}
   * @param densify whether to densify long edges
   * @param interpolation how points read their value, or null for {@code nearest}
   * @param repair whether an invalid polygon is repaired rather than refused
   */
  public BatchExtractRequest(
      @Nullable List<Geometry> geometries,
      @Nullable List<String> datasetIds,
      @Nullable Aggregation aggregation,
      @Nullable PixelRule pixelRule,
      @Nullable TimeRange timeRange,
      @Nullable TemporalAggregation temporalAggregation,
      @Nullable String crs,
      boolean densify,
      @Nullable Interpolation interpolation,
      boolean repair) {
    this(
        geometries,
        datasetIds,
        aggregation,
        pixelRule,
        timeRange,
        temporalAggregation,
        crs,
        densify,
        interpolation,
        repair,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * A request that refuses invalid polygons, as before {@code repair} existed.
   *
   * @param geometries the geometries or features, or null for none
   * @param datasetIds the dataset ids, or null for none
   * @param aggregation the statistic, or null for {@code mean}
   * @param pixelRule the pixel rule, or null for {@code exact}
   * @param timeRange the time range, or null
   * @param temporalAggregation how a time series collapses, or null for one result per timestamp
   * @param crs the CRS, or null for {@value ExtractRequest#DEFAULT_CRS}
   * @param densify whether to densify long edges
   * @param interpolation how points read their value, or null for {@code nearest}
   */
  public BatchExtractRequest(
      @Nullable List<Geometry> geometries,
      @Nullable List<String> datasetIds,
      @Nullable Aggregation aggregation,
      @Nullable PixelRule pixelRule,
      @Nullable TimeRange timeRange,
      @Nullable TemporalAggregation temporalAggregation,
      @Nullable String crs,
      boolean densify,
      @Nullable Interpolation interpolation) {
    this(
        geometries,
        datasetIds,
        aggregation,
        pixelRule,
        timeRange,
        temporalAggregation,
        crs,
        densify,
        interpolation,
        false);
  }

  /**
   * A batch with every option at its default.
   *
   * @param geometries the geometries (features are unwrapped)
   * @param datasetIds the dataset ids
   * @return the request
   */
  public static BatchExtractRequest of(List<? extends Geometry> geometries, String... datasetIds) {
    return new BatchExtractRequest(
        new ArrayList<>(geometries),
        Arrays.asList(datasetIds),
        null,
        null,
        null,
        null,
        null,
        false,
        null);
  }

  /**
   * A builder with every option at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this request's values, to derive a modified copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .geometries(geometries)
        .datasetIds(datasetIds)
        .aggregation(aggregation)
        .pixelRule(pixelRule)
        .timeRange(timeRange)
        .temporalAggregation(temporalAggregation)
        .crs(crs)
        .densify(densify)
        .interpolation(interpolation)
        .repair(repair)
        .minCoverageFrac(minCoverageFrac)
        .defaultValue(defaultValue)
        .weights(weights)
        .defaultWeight(defaultWeight)
        .coverageWeight(coverageWeight)
        .tie(tie);
  }

  /**
   * The same options applied to other geometries, for example one server-sized slice of a large
   * batch.
   *
   * @param geometries the geometries of the new batch
   * @return a copy with {@code geometries} replaced
   */
  public BatchExtractRequest withGeometries(List<? extends Geometry> geometries) {
    return new BatchExtractRequest(
        new ArrayList<>(geometries),
        datasetIds,
        aggregation,
        pixelRule,
        timeRange,
        temporalAggregation,
        crs,
        densify,
        interpolation,
        repair,
        minCoverageFrac,
        defaultValue,
        weights,
        defaultWeight,
        coverageWeight,
        tie);
  }

  /**
   * The single-geometry request for one element of this batch.
   *
   * @param index the geometry's position in {@link #geometries()}
   * @return an {@code extract} request with this batch's datasets and options
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  public ExtractRequest request(int index) {
    return new ExtractRequest(
        geometries.get(index),
        datasetIds,
        aggregation,
        pixelRule,
        timeRange,
        temporalAggregation,
        crs,
        densify,
        interpolation,
        repair,
        minCoverageFrac,
        defaultValue,
        weights,
        defaultWeight,
        coverageWeight,
        tie);
  }

  /**
   * Builds a {@link BatchExtractRequest}; every setter returns the builder, unset options take
   * their defaults.
   */
  public static final class Builder extends ExtractOptionsBuilder<Builder> {
    private final List<Geometry> geometries = new ArrayList<>();

    private Builder() {}

    /**
     * Adds geometries.
     *
     * @param geometries geometries or features
     * @return this builder
     */
    public Builder geometry(Geometry... geometries) {
      this.geometries.addAll(Arrays.asList(geometries));
      return this;
    }

    /**
     * Replaces the geometries.
     *
     * @param geometries geometries or features
     * @return this builder
     */
    public Builder geometries(List<? extends Geometry> geometries) {
      this.geometries.clear();
      this.geometries.addAll(Objects.requireNonNull(geometries, "geometries"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, defaults applied
     */
    public BatchExtractRequest build() {
      return new BatchExtractRequest(
          geometries,
          datasetIds,
          aggregation,
          pixelRule,
          timeRange,
          temporalAggregation,
          crs,
          densify,
          interpolation,
          repair,
          minCoverageFrac,
          defaultValue,
          weights,
          defaultWeight,
          coverageWeight,
          tie);
    }
  }
}
