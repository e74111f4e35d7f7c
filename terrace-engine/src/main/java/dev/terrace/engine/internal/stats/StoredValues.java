package dev.terrace.engine.internal.stats;

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
