package dev.terrace.engine.internal.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Every (value, weight) cell added, for quantiles. Cells of weight 1 (every cell under the centre
 * and all-touched rules, the interior of a polygon under the exact rule) are kept apart from the
 * others: their values alone sort as one primitive array, several times faster than sorting pairs,
 * and the few fractional boundary cells are sorted as pairs and merged in only when a query needs
 * the weighted definition.
 */
final class StoredValues {

  private final StoredPairs whole = new StoredPairs();
  private final StoredPairs fractional = new StoredPairs();

  /**
   * @param value a value, not NaN and not -0.0
   * @param weight a positive finite weight
   */
  void add(double value, double weight) {
    (weight == 1.0 ? whole : fractional).add(value, weight);
  }

  /** Adds every cell of {@code other}. */
  void merge(StoredValues other) {
    whole.merge(other.whole);
    fractional.merge(other.fractional);
  }

  int size() {
    return whole.size() + fractional.size();
  }

  /**
   * Writes every pair for {@link #readFrom}, in the order stored (no answer depends on it: queries
   * sort into one canonical order first): the whole cells' values, their weight 1 implied; then the
   * fractional cells, with their one common weight written once while they share it, or each pair's
   * weight. Values and weights are raw bits.
   */
  void writeTo(DataOutput out) throws IOException {
    int n = whole.size();
    CellAccumulator.writeLength(out, n);
    double[] values = whole.values();
    for (int i = 0; i < n; i++) {
      out.writeLong(Double.doubleToRawLongBits(values[i]));
    }
    n = fractional.size();
    CellAccumulator.writeLength(out, n);
    if (n == 0) {
      return;
    }
    values = fractional.values();
    double[] weights = fractional.weights();
    out.writeBoolean(weights == null);
    if (weights == null) {
      out.writeLong(Double.doubleToRawLongBits(fractional.uniformWeight()));
    }
    for (int i = 0; i < n; i++) {
      out.writeLong(Double.doubleToRawLongBits(values[i]));
      if (weights != null) {
        out.writeLong(Double.doubleToRawLongBits(weights[i]));
      }
    }
  }

  /**
   * Reads what {@link #writeTo} wrote into this store, which must be empty, adding the pairs in
   * their written order. Adding rebuilds the same state: the fractional cells keep one common
   * weight exactly when they shared one, since a store only starts keeping weights when a different
   * one arrives. (Once it does, which weight came first no longer matters to anything, so a store
   * sorted before it was written reads back equivalent.)
   *
   * @param cells the accumulator's cells: every one of them was stored
   * @throws IOException if the input ends early, holds a value that is NaN or -0.0 or a weight that
   *     is not positive and finite (or is 1 among the fractional cells), or does not hold exactly
   *     {@code cells} pairs
   */
  void readFrom(DataInput in, long cells) throws IOException {
    if (size() != 0) {
      throw new IllegalStateException("stored values are read into an empty store only");
    }
    int limit = (int) Math.min(cells, Integer.MAX_VALUE);
    // add() grows the arrays as pairs arrive, so a corrupt count cannot allocate ahead of the
    // bytes that back it.
    int n = (int) CellAccumulator.readLength(in, limit, "whole cells");
    for (int i = 0; i < n; i++) {
      whole.add(readValue(in), 1.0);
    }
    int m = (int) CellAccumulator.readLength(in, limit - n, "fractional cells");
    if (m > 0) {
      boolean uniform = CellAccumulator.readFlag(in, "uniform fractional weights");
      double common = uniform ? readFractionalWeight(in) : Double.NaN;
      for (int i = 0; i < m; i++) {
        double value = readValue(in);
        fractional.add(value, uniform ? common : readFractionalWeight(in));
      }
      if (!uniform && fractional.uniformWeights()) {
        throw CellAccumulator.corrupt("fractional cells said to differ in weight share one");
      }
    }
    if (n + m != cells) {
      throw CellAccumulator.corrupt(n + m + " stored values for " + cells + " cells");
    }
  }

  private static double readValue(DataInput in) throws IOException {
    long bits = in.readLong();
    double value = Double.longBitsToDouble(bits);
    // The accumulator never stores these: NaN is ignored and -0.0 folded into 0.0.
    if (value != value || bits == Double.doubleToRawLongBits(-0.0)) {
      throw CellAccumulator.corrupt("stored value " + value);
    }
    return value;
  }

  private static double readFractionalWeight(DataInput in) throws IOException {
    double weight = Double.longBitsToDouble(in.readLong());
    if (!(weight > 0 && weight < Double.POSITIVE_INFINITY) || weight == 1.0) {
      throw CellAccumulator.corrupt("stored fractional weight " + weight);
    }
    return weight;
  }

  /**
   * @return whether all weights are equal, so that {@link #sortedValues()} holds every cell
   */
  boolean uniformWeights() {
    return fractional.size() == 0 || (whole.size() == 0 && fractional.uniformWeights());
  }

  /**
   * @return every cell's value, ascending, in the first {@link #size()} elements
   * @throws IllegalStateException unless {@link #uniformWeights()}
   */
  double[] sortedValues() {
    if (!uniformWeights()) {
      throw new IllegalStateException("cells of different weights are not one sorted array");
    }
    StoredPairs all = fractional.size() == 0 ? whole : fractional;
    all.sort();
    return all.values();
  }

  /**
   * The distinct values and each one's total weight, as the weighted quantile reads them. Each
   * total is summed over its cells in ascending weight order, the order sorting every (value,
   * weight) pair would give, so the totals are the same to the bit however the cells arrived or
   * were split between accumulators.
   */
  Quantiles.Weighted weighted() {
    whole.sort();
    fractional.sort();
    double[] a = whole.values();
    int na = whole.size();
    double[] b = fractional.values();
    double[] bw = fractional.weights();
    double uniform = fractional.uniformWeight();
    int nb = fractional.size();

    double[] xs = new double[distinct(a, na, b, nb)];
    double[] ws = new double[xs.length];
    int k = -1;
    double s = 0;
    double c = 0;
    for (int i = 0, j = 0; i < na || j < nb; ) {
      // The next pair in (value, weight) order: a whole cell (weight 1) or a fractional one.
      double wj = j < nb ? (bw == null ? uniform : bw[j]) : Double.NaN;
      boolean takeWhole = j == nb || (i < na && (a[i] < b[j] || (a[i] == b[j] && 1.0 < wj)));
      double x = takeWhole ? a[i++] : b[j++];
      double w = takeWhole ? 1.0 : wj;
      if (k < 0 || x != xs[k]) {
        if (k >= 0) {
          ws[k] = Compensated.value(s, c);
        }
        xs[++k] = x;
        s = 0;
        c = 0;
      }
      double t = s + w;
      c += Compensated.error(s, w, t);
      s = t;
    }
    ws[k] = Compensated.value(s, c);
    return new Quantiles.Weighted(xs, ws);
  }

  /**
   * @return the number of distinct values in two sorted arrays together
   */
  private static int distinct(double[] a, int na, double[] b, int nb) {
    int count = 0;
    double last = Double.NaN;
    for (int i = 0, j = 0; i < na || j < nb; ) {
      double x = j == nb || (i < na && a[i] <= b[j]) ? a[i++] : b[j++];
      if (x != last) {
        count++;
        last = x;
      }
    }
    return count;
  }
}
