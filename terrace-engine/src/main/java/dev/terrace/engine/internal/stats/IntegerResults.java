package dev.terrace.engine.internal.stats;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statistics of 64-bit integer cells that are cell values, answered exactly from {@link
 * IntegerCells}: MIN, MAX, MAJORITY, MINORITY, UNIQUE and the classes of DISTRIBUTION; and MEAN,
 * MEDIAN and PERCENTILE when every cell holds one value, which they then equal. Every other
 * statistic is a double, computed as for any band.
 */
final class IntegerResults {

  /** Returned for a statistic that is not answered here. */
  static final Object NOT_EXACT = new Object();

  /** Orders the mix of {@link Long} and {@link BigInteger} a UINT64 result holds by value. */
  private static final Comparator<Number> BY_VALUE =
      (a, b) ->
          a instanceof Long x && b instanceof Long y
              ? Long.compare(x, y)
              : big(a).compareTo(big(b));

  private IntegerResults() {}

  /**
   * @param cells the exact side of a non-empty accumulator whose every cell is a 64-bit integer
   * @param count the accumulator's total weight
   * @param histogram whether the accumulator keeps a histogram
   * @param quantiles whether it answers quantiles
   * @param tie which of tied classes MAJORITY and MINORITY answer
   * @return the statistic as {@link CellAccumulator#result} returns it, or {@link #NOT_EXACT}
   * @throws IllegalStateException if the accumulator was not created for the statistic
   */
  static Object of(
      StatisticRequest request,
      IntegerCells cells,
      double count,
      boolean histogram,
      boolean quantiles,
      TieBreak tie) {
    Statistic statistic = request.statistic();
    return switch (statistic) {
      case MIN -> cells.number(cells.min());
      case MAX -> cells.number(cells.max());
      case MEAN -> constant(cells);
      case MEDIAN, PERCENTILE -> {
        CellAccumulator.require(quantiles, statistic);
        yield constant(cells);
      }
      case MAJORITY, MINORITY -> {
        CellAccumulator.require(histogram, statistic);
        yield cells.number(
            cells.histogram().extreme(statistic == Statistic.MAJORITY, tie == TieBreak.HIGHEST));
      }
      case UNIQUE -> {
        CellAccumulator.require(histogram, statistic);
        long[] keys = cells.histogram().sorted().keys();
        List<Number> values = new ArrayList<>(keys.length);
        for (long key : keys) {
          values.add(cells.number(key));
        }
        yield Collections.unmodifiableList(values);
      }
      case DISTRIBUTION, HISTOGRAM -> {
        CellAccumulator.require(histogram, statistic);
        LongHistogram.Sorted sorted = cells.histogram().sorted();
        double per = statistic == Statistic.DISTRIBUTION ? count : 1;
        SortedMap<Number, Double> weights = new TreeMap<>(BY_VALUE);
        for (int i = 0; i < sorted.keys().length; i++) {
          weights.put(cells.number(sorted.keys()[i]), sorted.weights()[i] / per);
        }
        yield Collections.unmodifiableSortedMap(weights);
      }
      case COUNT, SUM, STD, VARIANCE, COEFFICIENT_OF_VARIATION, RANGE, VARIETY, NODATA_COUNT ->
          NOT_EXACT;
    };
  }

  /** A statistic that lies between min and max is exactly their value when they are equal. */
  private static Object constant(IntegerCells cells) {
    return cells.min() == cells.max() ? cells.number(cells.min()) : NOT_EXACT;
  }

  private static BigInteger big(Number n) {
    return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
  }
}
