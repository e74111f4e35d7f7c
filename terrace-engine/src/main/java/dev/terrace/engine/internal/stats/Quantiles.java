package dev.terrace.engine.internal.stats;

import java.util.Arrays;

/**
 * Median and percentiles of a finished set of cells, built once per query and kept until the next
 * cell arrives. Two definitions, chosen by the weights:
 *
 * <ul>
 *   <li>All weights equal (always under the centre and all-touched rules): numpy's, over the cells
 *       as a sorted multiset x[0..n−1]. {@code median} is x[n/2] for odd n and (x[n/2−1] + x[n/2])
 *       / 2 for even n, as {@code np.median}; {@code percentile(P)} is {@code np.percentile(x, P)}
 *       with its default linear method: h = (n−1)·P/100, the result x[⌊h⌋] interpolated towards
 *       x[⌊h⌋+1] by h − ⌊h⌋, computed with numpy's own two-sided formula so the answers agree to
 *       the last bit.
 *   <li>Otherwise exactextract's weighted quantile, over the m distinct values x[0..m−1]
 *       (ascending) with total weights w[0..m−1]: each value sits at s[0] = 0, s[i] = i·w[i] +
 *       (m−1)·(w[0] + … + w[i−1]); quantile q is found at p = q·s[m−1] and interpolated linearly in
 *       s between its neighbours (the median is q = 0.5). For equal weights per value this is
 *       numpy's linear method again; q = 0 gives the minimum and q = 1 the maximum exactly. Since
 *       it reads only the total weight per value, a histogram answers it as well as the stored
 *       cells.
 * </ul>
 */
abstract sealed class Quantiles {

  /**
   * @return the median
   */
  abstract double median();

  /**
   * @param q the quantile, in [0, 1]
   * @return the quantile
   */
  abstract double quantile(double q);

  /**
   * @param percent the percentile P, in [0, 100]
   * @return the quantile P/100, the division first as {@code np.percentile} does it
   */
  double percentile(double percent) {
    return quantile(percent / 100.0);
  }

  /**
   * numpy's median and linear percentile over n cells, given as a sorted array or as counts per
   * value.
   */
  static final class Numpy extends Quantiles {

    /** Sorted cell values, or null when the cells are given by counts. */
    private final double[] sorted;

    /** Distinct values, ascending, when given by counts. */
    private final double[] distinct;

    /**
     * {@code cumulativeCounts[i]}: the number of cells whose value is at most {@code distinct[i]}.
     */
    private final long[] cumulativeCounts;

    private final long n;

    /**
     * @param sorted cell values, ascending
     * @param n how many elements of {@code sorted} are cells (at least 1)
     */
    Numpy(double[] sorted, int n) {
      this.sorted = sorted;
      this.distinct = null;
      this.cumulativeCounts = null;
      this.n = n;
    }

    /**
     * @param distinct distinct values, ascending
     * @param counts the number of cells with each value (positive)
     */
    Numpy(double[] distinct, long[] counts) {
      this.sorted = null;
      this.distinct = distinct;
      this.cumulativeCounts = new long[counts.length];
      long total = 0;
      for (int i = 0; i < counts.length; i++) {
        total += counts[i];
        cumulativeCounts[i] = total;
      }
      this.n = total;
    }

    /**
     * @return the k-th smallest cell value, 0-based
     */
    private double element(long k) {
      if (sorted != null) {
        return sorted[(int) k];
      }
      // The first value whose cumulative count exceeds k.
      int i = Arrays.binarySearch(cumulativeCounts, k + 1);
      return distinct[i >= 0 ? i : -i - 1];
    }

    @Override
    double median() {
      long half = n / 2;
      if (n % 2 == 1) {
        return element(half);
      }
      // np.median averages the two middle values as np.mean does: their sum divided by two.
      return (element(half - 1) + element(half)) / 2.0;
    }

    @Override
    double quantile(double q) {
      // numpy: virtual index (n−1)·q, neighbours floor and floor+1 (clipped to the last), gamma the
      // fraction.
      double h = (n - 1) * q;
      long below = (long) Math.floor(h);
      long above = Math.min(below + 1, n - 1);
      double gamma = h - below;
      double a = element(below);
      double b = element(above);
      // numpy's _lerp: from the nearer end, so that gamma = 1 gives b exactly and the result is
      // monotone.
      double diff = b - a;
      return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
  }

  /** exactextract's weighted quantile over distinct values and their total weights. */
  static final class Weighted extends Quantiles {

    private final double[] values;

    /**
     * The position of each value: {@code s[i] = i·w[i] + (m−1)·(w[0] + … + w[i−1])}, strictly
     * increasing.
     */
    private final double[] positions;

    /**
     * @param values distinct values, ascending (at least one)
     * @param weights the total weight of each value (positive)
     */
    Weighted(double[] values, double[] weights) {
      int m = values.length;
      this.values = values;
      this.positions = new double[m];
      double cumulative = 0;
      double compensation = 0;
      for (int i = 0; i < m; i++) {
        double before = Compensated.value(cumulative, compensation);
        positions[i] = i == 0 ? 0 : i * weights[i] + (m - 1) * before;
        double t = cumulative + weights[i];
        compensation += Compensated.error(cumulative, weights[i], t);
        cumulative = t;
      }
    }

    @Override
    double median() {
      return quantile(0.5);
    }

    @Override
    double quantile(double q) {
      int m = values.length;
      double p = q * positions[m - 1];
      // The first position beyond p; p ≥ 0 = positions[0], so it is at least 1.
      int right = upperBound(positions, p);
      if (right == m) {
        return values[m - 1];
      }
      int left = right - 1;
      return values[left]
          + (p - positions[left])
              * (values[right] - values[left])
              / (positions[right] - positions[left]);
    }

    private static int upperBound(double[] sorted, double key) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] <= key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
