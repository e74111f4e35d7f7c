package dev.terrace.engine.internal.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Quality;
import dev.terrace.api.ResultValue;
import dev.terrace.api.TemporalAggregation;
import java.util.List;

/**
 * Collapses one dataset's results over time into one, as {@code temporal_aggregation} asks: the
 * timestamps' values combined, timestamps without a value left out.
 *
 * <p>A timestamp whose zone holds no valid cell is left out too, though {@code count}, {@code sum}
 * and {@code variety} answer 0 there: that 0 says nothing was read, and would drag a mean over the
 * other timestamps toward 0. When every timestamp is left out so, the series answers what each of
 * them did (0). {@code nodata_count} is the exception: it counts the cells without data, so a
 * timestamp without valid cells is a reading like any.
 */
final class TimeSeries {

  /**
   * From best to worst: a collapsed result is as trustworthy as its least trustworthy timestamp.
   */
  private static final List<Quality> BEST_FIRST =
      List.of(
          Quality.GOOD,
          Quality.ESTIMATED,
          Quality.DEGRADED,
          Quality.SUSPECT,
          Quality.PARTIAL,
          Quality.MISSING);

  private TimeSeries() {}

  /**
   * @param series one dataset's results, one per timestamp read, in time order (one for a static
   *     dataset)
   * @param how the request's temporal aggregation, or null for a result per timestamp
   * @return the series as the response carries it: collapsed into one result when asked and
   *     time-varying
   */
  static List<ExtractResult> answer(List<ExtractResult> series, TemporalAggregation how) {
    boolean timeVarying = !series.isEmpty() && series.get(0).timestamp() != null;
    return how == null || !timeVarying ? series : List.of(collapse(series, how));
  }

  /**
   * @param steps one result per timestamp, in time order, at least one
   * @return one result whose timestamp is the interval {@code FIRST/LAST} of the steps
   */
  static ExtractResult collapse(List<ExtractResult> steps, TemporalAggregation how) {
    double combined =
        switch (how) {
          case MIN -> Double.POSITIVE_INFINITY;
          case MAX -> Double.NEGATIVE_INFINITY;
          case MEAN, SUM -> 0;
        };
    int valued = 0;
    Double empty = null;
    Quality worst = Quality.GOOD;
    double coverage = 0;
    long cells = 0;
    double elapsed = 0;
    for (ExtractResult r : steps) {
      if (r.value() instanceof ResultValue.Scalar n && readNothing(r)) {
        empty = n.asDouble();
      } else if (r.value() instanceof ResultValue.Scalar n) {
        double v = n.asDouble();
        combined =
            switch (how) {
              case MIN -> Math.min(combined, v);
              case MAX -> Math.max(combined, v);
              case MEAN, SUM -> combined + v;
            };
        valued++;
      }
      // A timestamp without any value leaves the others standing: the series is partial, not
      // missing.
      Quality q =
          (r.value() == null || readNothing(r)) && r.quality() == Quality.MISSING
              ? Quality.PARTIAL
              : r.quality();
      worst = BEST_FIRST.indexOf(q) > BEST_FIRST.indexOf(worst) ? q : worst;
      coverage += r.coverageFraction() == null ? 0 : r.coverageFraction();
      cells = Math.max(cells, r.pixelCount());
      elapsed += r.elapsedMs();
    }
    Double value =
        valued == 0
            ? empty
            : Double.valueOf(how == TemporalAggregation.MEAN ? combined / valued : combined);
    return steps.get(0).toBuilder()
        .value(value == null ? null : new ResultValue.Real(value))
        .quality(valued == 0 ? Quality.MISSING : worst)
        .coverageFraction(coverage / steps.size())
        .pixelCount(cells)
        .timestamp(steps.get(0).timestamp() + "/" + steps.get(steps.size() - 1).timestamp())
        .temporalAggregation(how)
        .elapsedMs(elapsed)
        .build();
  }

  /**
   * @return whether the result is a zone without a valid cell, whose value is a statistic's 0 for
   *     nothing
   */
  private static boolean readNothing(ExtractResult r) {
    return r.pixelCount() == 0 && !Aggregation.NODATA_COUNT.equals(r.aggregation());
  }
}
