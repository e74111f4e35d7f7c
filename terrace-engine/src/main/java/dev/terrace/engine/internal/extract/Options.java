package dev.terrace.engine.internal.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.Interpolation;
import dev.terrace.api.PixelRule;
import dev.terrace.api.TemporalAggregation;

/**
 * What every geometry of a request is read with: the options {@code extract} and {@code
 * extract.batch} share.
 *
 * @param aggregation the statistic
 * @param pixelRule which cells count
 * @param interpolation how points read their value
 * @param densify whether edges are densified in the request's CRS first
 * @param window the timestamps read from time-varying datasets
 * @param temporalAggregation how a time series collapses into one result, or null for one per
 *     timestamp
 * @param cellRules the minimum coverage and default value cells are read with
 * @param weighting what covered cells weigh beyond their coverage: coverage_weight and the weights
 * @param values the statistic the aggregation is, and how a result's value is made of what was read
 */
record Options(
    Aggregation aggregation,
    PixelRule pixelRule,
    Interpolation interpolation,
    boolean densify,
    TimeWindow window,
    TemporalAggregation temporalAggregation,
    CellRules cellRules,
    Weighting weighting,
    ResultValues values) {

  static Options of(ExtractRequest r, TimeWindow window, Weighting weighting) {
    return new Options(
        r.aggregation(),
        r.pixelRule(),
        r.interpolation(),
        r.densify(),
        window,
        r.temporalAggregation(),
        CellRules.of(r.minCoverageFrac(), r.defaultValue()),
        weighting,
        new ResultValues(r.aggregation(), r.tie()));
  }

  static Options of(BatchExtractRequest r, TimeWindow window, Weighting weighting) {
    return new Options(
        r.aggregation(),
        r.pixelRule(),
        r.interpolation(),
        r.densify(),
        window,
        r.temporalAggregation(),
        CellRules.of(r.minCoverageFrac(), r.defaultValue()),
        weighting,
        new ResultValues(r.aggregation(), r.tie()));
  }
}
