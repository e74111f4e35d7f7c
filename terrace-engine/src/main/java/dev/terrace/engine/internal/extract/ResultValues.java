package dev.terrace.engine.internal.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.Tie;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.stats.Statistic;
import dev.terrace.engine.internal.stats.StatisticRequest;
import dev.terrace.engine.internal.stats.TieBreak;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a result's value is for the request's aggregation: the statistic the engine computes for it,
 * the accumulator every reader (areas, lines, points, batches of points, tiles) fills, and the
 * value made of what was read. The one place where the API's aggregation meets the engine's
 * statistics.
 */
final class ResultValues {

  private static final String WEIGHTED = "weighted_";

  /** Whether the cells themselves are returned ({@code cells}); then there is no statistic. */
  private final boolean cells;

  private final StatisticRequest statistic;
  private final TieBreak tie;

  /**
   * @param aggregation the request's aggregation
   * @param tie which value majority and minority answer on a tie; null for the lowest, the default
   */
  ResultValues(Aggregation aggregation, Tie tie) {
    this.cells = aggregation.equals(Aggregation.CELLS);
    this.statistic = cells ? null : statistic(aggregation);
    this.tie = tie == Tie.HIGHEST ? TieBreak.HIGHEST : TieBreak.LOWEST;
  }

  /**
   * @param aggregation a statistic as the API names it, not {@code cells}; a {@code weighted_*}
   *     statistic is the same statistic computed with other weights ({@code weighted_frac} is
   *     {@code distribution}), which the reader supplies
   * @return the statistic for the engine
   */
  static StatisticRequest statistic(Aggregation aggregation) {
    String name = aggregation.name();
    Statistic statistic =
        name.equals("weighted_frac")
            ? Statistic.DISTRIBUTION
            : Statistic.fromKey(
                name.startsWith(WEIGHTED) ? name.substring(WEIGHTED.length()) : name);
    return statistic == Statistic.PERCENTILE
        ? StatisticRequest.percentile(aggregation.percentile().orElseThrow())
        : StatisticRequest.of(statistic);
  }

  /**
   * @return whether the cells themselves are returned rather than a statistic
   */
  boolean cells() {
    return cells;
  }

  /**
   * @return whether the statistic is {@code nodata_count}, which counts cells rather than reads
   *     values
   */
  boolean countsNodata() {
    return !cells && statistic.statistic() == Statistic.NODATA_COUNT;
  }

  /**
   * @return a fresh accumulator for the requested statistic and tie rule
   */
  CellAccumulator accumulator() {
    return CellAccumulator.of(List.of(statistic), tie);
  }

  /**
   * @param m what was read
   * @param offRaster whether the geometry is points none of which is on the raster, which have no
   *     cell, so no zone, and no statistic at all: not even the 0 that {@code count}, {@code sum},
   *     {@code variety} and {@code nodata_count} answer for an empty zone, which areas and lines
   *     wholly beyond the raster do answer, as exactextract's polygons
   * @return the result's value: the cells, the statistic, or null when there is none
   */
  Object of(Measurement m, boolean offRaster) {
    if (cells) {
      return m.cells();
    }
    // nodata_count comes from the measurement: the accumulator never sees cells without data.
    return m.unweighted() > 0 || offRaster
        ? null
        : countsNodata() ? m.nodataWeight() : value(m.values());
  }

  private Object value(CellAccumulator values) {
    Object raw = values.result(statistic);
    if (raw instanceof Map<?, ?> distribution) {
      Map<String, Double> out = new LinkedHashMap<>();
      // 64-bit integer classes come as Long or BigInteger and are labelled as they are, exactly.
      distribution.forEach(
          (k, v) -> out.put(k instanceof Double d ? classLabel(d) : k.toString(), (Double) v));
      return out;
    }
    return raw;
  }

  /**
   * Class codes read as integers ("11", not "11.0"), as users and GDAL's attribute tables write
   * them.
   */
  private static String classLabel(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
