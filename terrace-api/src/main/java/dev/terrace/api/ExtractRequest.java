package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.terrace.api.geojson.Geometry;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extract} request: one geometry × N datasets (× the timestamps in {@code time_range}).
 *
 * <p>Defaults are applied on construction, so accessors never return null except for {@code
 * geometry} (when missing) and {@code time_range} (optional). Nothing else is validated here: the
 * engine checks the geometry, the dataset ids (1 to 50) and the CRS, and reports the offending
 * field.
 *
 * <pre>{@code
 * ExtractRequest request = ExtractRequest.builder()
 *         .geometry(Point.of(6.13, 49.61))
 *         .datasets("lux:elevation")
 *         .aggregation(Aggregation.MEAN)
 *         .build();
 * }</pre>
 *
 * @param geometry the geometry, lon/lat unless {@code crs} says otherwise; a {@code Feature} is
 *     unwrapped to its geometry
 * @param datasetIds the dataset ids ({@code provider:name}); an unmodifiable copy, empty when null
 * @param aggregation the statistic; {@link Aggregation#MEAN} when null
 * @param pixelRule which cells count; {@link PixelRule#EXACT} when null
 * @param timeRange the timestamps to read from time-varying datasets, or null for all of them
 * @param temporalAggregation how a time series collapses into one result per dataset, or null for
 *     one result per timestamp
 * @param crs the CRS of the geometry's coordinates; {@value #DEFAULT_CRS} when null. Also read from
 *     {@code target_crs}, as attribute-service clients send it. An EPSG code ({@code EPSG:32633},
 *     its URN {@code urn:ogc:def:crs:EPSG::32633} or URI {@code
 *     http://www.opengis.net/def/crs/EPSG/0/32633}) or {@code OGC:CRS84}; coordinates are always
 *     x/y (longitude first, as RFC 7946), whatever axis order the authority declares
 * @param densify whether to densify long edges before transforming them into each raster's CRS
 *     (default false)
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
public record ExtractRequest(
    @JsonProperty("geometry") @Nullable Geometry geometry,
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

  /** The CRS geometries are in unless a request names another: lon/lat WGS 84. */
  public static final String DEFAULT_CRS = "EPSG:4326";

  /**
   * Applies the defaults, unwraps a feature and copies the dataset ids.
   *
   * @param geometry the geometry or feature, or null (reported by the engine)
   * @param datasetIds the dataset ids, or null for none
   * @param aggregation the statistic, or null for {@code mean}
   * @param pixelRule the pixel rule, or null for {@code exact}
   * @param timeRange the time range, or null
   * @param temporalAggregation how a time series collapses, or null for one result per timestamp
   * @param crs the geometry's CRS, or null for {@value #DEFAULT_CRS}
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
  public ExtractRequest {
    geometry = geometry == null ? null : geometry.unwrap();
    datasetIds = Wire.copyOrEmpty(datasetIds);
    aggregation = aggregation == null ? Aggregation.MEAN : aggregation;
    pixelRule = pixelRule == null ? PixelRule.EXACT : pixelRule;
    crs = crs == null ? DEFAULT_CRS : crs;
    interpolation = interpolation == null ? Interpolation.NEAREST : interpolation;
  }

  /**
   * A request without {@code min_coverage_frac} and {@code default_value}, as before they existed.
   *
   * @param geometry the geometry or feature, or null
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
  public ExtractRequest(
      @Nullable Geometry geometry,
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
        geometry,
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
   * @param geometry the geometry or feature, or null
   * @param datasetIds the dataset ids, or null for none
   * @param aggregation the statistic, or null for {@code mean}
   * @param pixelRule the pixel rule, or null for {@code exact}
   * @param timeRange the time range, or null
   * @param temporalAggregation how a time series collapses, or null for one result per timestamp
   * @param crs the CRS, or null for {@value ExtractRequest#DEFAULT_CRS}
   * @param densify whether to densify long edges
   * @param interpolation how points read their value, or null for {@code nearest}
   */
  public ExtractRequest(
      @Nullable Geometry geometry,
      @Nullable List<String> datasetIds,
      @Nullable Aggregation aggregation,
      @Nullable PixelRule pixelRule,
      @Nullable TimeRange timeRange,
      @Nullable TemporalAggregation temporalAggregation,
      @Nullable String crs,
      boolean densify,
      @Nullable Interpolation interpolation) {
    this(
        geometry,
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
   * A request with every option at its default.
   *
   * @param geometry the geometry (a feature is unwrapped)
   * @param datasetIds the dataset ids
   * @return the request
   */
  public static ExtractRequest of(Geometry geometry, String... datasetIds) {
    return new ExtractRequest(
        geometry, Arrays.asList(datasetIds), null, null, null, null, null, false, null);
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
        .geometry(geometry)
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
   * Builds an {@link ExtractRequest}; every setter returns the builder, unset options take their
   * defaults.
   */
  public static final class Builder extends ExtractOptionsBuilder<Builder> {
    private @Nullable Geometry geometry;

    private Builder() {}

    /**
     * Sets the geometry.
     *
     * @param geometry the geometry or feature
     * @return this builder
     */
    public Builder geometry(@Nullable Geometry geometry) {
      this.geometry = geometry;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request, defaults applied
     */
    public ExtractRequest build() {
      return new ExtractRequest(
          geometry,
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
