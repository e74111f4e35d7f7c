package dev.terrace.cli;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CoverageWeight;
import dev.terrace.api.ExtractOptionsBuilder;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.Tie;
import dev.terrace.api.TimeRange;
import dev.terrace.api.geojson.Geometry;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What extract and batch ask for: the datasets, the statistic, the pixel rule, the time range, how
 * a time series collapses, polygon repair, the minimum coverage, the default value, weights,
 * coverage weights and the tie rule.
 */
final class ExtractOptions {

  @Option(
      names = {"-d", "--dataset"},
      required = true,
      paramLabel = "ID",
      split = ",",
      description =
          "Dataset id (provider:name), repeatable or comma-separated; 'terrace catalog datasets' lists"
              + " them.")
  List<String> datasets;

  @Option(
      names = "--aggregation",
      paramLabel = "STAT",
      defaultValue = "mean",
      converter = AggregationValue.class,
      description =
          "Statistic over a polygon: mean, sum, count, min, max, std, variance, coefficient_of_variation,"
              + " range, median, majority, minority, variety, unique, distribution, histogram, nodata_count, percentile:P,"
              + " with --weights weighted_mean, weighted_sum, weighted_std, weighted_variance or weighted_frac (default:"
              + " ${DEFAULT-VALUE}); or cells for the covered cells themselves, one output row per cell.")
  Aggregation aggregation;

  @Option(
      names = "--pixel-rule",
      paramLabel = "RULE",
      defaultValue = "exact",
      converter = PixelRuleValue.class,
      description =
          "Which cells a polygon counts: exact (weighted by coverage), center or all_touched"
              + " (default: ${DEFAULT-VALUE}).")
  PixelRule pixelRule;

  @Option(
      names = "--time-range",
      paramLabel = "START/END",
      converter = TimeRangeValue.class,
      description =
          "Timestamps to read from time-varying datasets, e.g. 2020-01-01/2020-12-31 (default: all).")
  TimeRange timeRange;

  @Option(
      names = "--temporal-aggregation",
      paramLabel = "HOW",
      converter = TemporalAggregationValue.class,
      description =
          "Collapse each time series into one value: mean, min, max or sum of the timestamps' values"
              + " (default: one value per timestamp).")
  TemporalAggregation temporalAggregation;

  @Option(
      names = "--repair",
      description =
          "Repair invalid polygons (a self-intersecting ring, a hole outside its"
              + " shell) with JTS's GeometryFixer, with a warning, instead of failing their rows.")
  boolean repair;

  @Option(
      names = "--min-coverage-frac",
      paramLabel = "FRACTION",
      description =
          "Ignore cells a polygon covers less than this fraction of, in [0, 1] (default: 0, every covered"
              + " cell).")
  Double minCoverageFrac;

  @Option(
      names = "--default-value",
      paramLabel = "VALUE",
      description =
          "Read cells that hold no data (nodata, NaN or masked) as this value, so that they count as"
              + " valid (default: they are missing).")
  Double defaultValue;

  @Option(
      names = "--weights",
      paramLabel = "ID",
      description =
          "Dataset whose cells weigh each value cell in the weighted_* statistics (provider:name).")
  String weights;

  @Option(
      names = "--default-weight",
      paramLabel = "WEIGHT",
      description =
          "Weight of covered cells whose weight is nodata (default: none, and the weighted statistic of"
              + " such a geometry is empty).")
  Double defaultWeight;

  @Option(
      names = "--coverage-weight",
      paramLabel = "HOW",
      converter = CoverageWeightValue.class,
      description =
          "What a polygon's covered cell weighs: fraction (default), none, area_cartesian or"
              + " area_spherical_m2.")
  CoverageWeight coverageWeight;

  @Option(
      names = "--tie",
      paramLabel = "RULE",
      converter = TieValue.class,
      description =
          "Which value majority and minority give when several tie: lowest or highest (default: lowest).")
  Tie tie;

  ExtractRequest request(Geometry geometry) {
    return options(ExtractRequest.builder().geometry(geometry)).build();
  }

  BatchExtractRequest batch(List<Geometry> geometries) {
    return options(BatchExtractRequest.builder().geometries(geometries)).build();
  }

  private <B extends ExtractOptionsBuilder<B>> B options(B builder) {
    return builder
        .datasetIds(datasets)
        .aggregation(aggregation)
        .pixelRule(pixelRule)
        .timeRange(timeRange)
        .temporalAggregation(temporalAggregation)
        .repair(repair)
        .minCoverageFrac(minCoverageFrac)
        .defaultValue(defaultValue)
        .weights(weights)
        .defaultWeight(defaultWeight)
        .coverageWeight(coverageWeight)
        .tie(tie);
  }

  /**
   * Reads a value with the API's own parser; its message, which lists the valid values, becomes the
   * error.
   */
  private static <T> T convert(String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static final class AggregationValue implements ITypeConverter<Aggregation> {
    @Override
    public Aggregation convert(String text) {
      return ExtractOptions.convert(text, Aggregation::parse);
    }
  }

  static final class CoverageWeightValue implements ITypeConverter<CoverageWeight> {
    @Override
    public CoverageWeight convert(String text) {
      return ExtractOptions.convert(text, CoverageWeight::of);
    }
  }

  static final class PixelRuleValue implements ITypeConverter<PixelRule> {
    @Override
    public PixelRule convert(String text) {
      return ExtractOptions.convert(text, PixelRule::of);
    }
  }

  static final class TimeRangeValue implements ITypeConverter<TimeRange> {
    @Override
    public TimeRange convert(String text) {
      return ExtractOptions.convert(text, TimeRange::parse);
    }
  }

  static final class TieValue implements ITypeConverter<Tie> {
    @Override
    public Tie convert(String text) {
      return ExtractOptions.convert(text, Tie::of);
    }
  }

  static final class TemporalAggregationValue implements ITypeConverter<TemporalAggregation> {
    @Override
    public TemporalAggregation convert(String text) {
      return ExtractOptions.convert(text, TemporalAggregation::of);
    }
  }
}
