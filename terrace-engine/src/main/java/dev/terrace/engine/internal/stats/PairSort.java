package dev.terrace.engine.internal.stats;

/**
 * Sorts two parallel double arrays in place by (value, weight): an introsort (quicksort with a
 * median-of-three pivot, insertion sort for short ranges, heapsort when the recursion gets too
 * deep, so never quadratic). The JDK sorts one primitive array or boxed objects; a weighted
 * quantile over millions of cells needs the pairs moved together without boxing each one.
 *
 * <p>Values and weights are never NaN here, and -0.0 never occurs, so {@code <} is a total order.
 */
final class PairSort {

  private static final int INSERTION_SORT_THRESHOLD = 24;

  private PairSort() {}

  /**
   * @param values the keys, sorted ascending
   * @param weights moved with their values; ties between values are ordered by weight
   * @param n the number of pairs to sort (a prefix of the arrays)
   */
  static void sort(double[] values, double[] weights, int n) {
    if (n > 1) {
      int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(n));
      introsort(values, weights, 0, n - 1, depthLimit);
    }
  }

  private static void introsort(double[] v, double[] w, int lo, int hi, int depth) {
    while (hi - lo > INSERTION_SORT_THRESHOLD) {
      if (depth-- == 0) {
        heapsort(v, w, lo, hi);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (less(v, w, mid, lo)) {
        swap(v, w, mid, lo);
      }
      if (less(v, w, hi, mid)) {
        swap(v, w, hi, mid);
        if (less(v, w, mid, lo)) {
          swap(v, w, mid, lo);
        }
      }
      double pv = v[mid];
      double pw = w[mid];
      int i = lo;
      int j = hi;
      // Hoare's partition: both scans stop on elements equal to the pivot, so runs of equal values
      // (common:
      // class codes, flat terrain) split evenly instead of degrading to quadratic time.
      while (i <= j) {
        while (v[i] < pv || (v[i] == pv && w[i] < pw)) {
          i++;
        }
        while (v[j] > pv || (v[j] == pv && w[j] > pw)) {
          j--;
        }
        if (i <= j) {
          swap(v, w, i, j);
          i++;
          j--;
        }
      }
      // Recurse into the smaller part and loop on the larger, so the stack stays O(log n).
      if (j - lo < hi - i) {
        introsort(v, w, lo, j, depth);
        lo = i;
      } else {
        introsort(v, w, i, hi, depth);
        hi = j;
      }
    }
    insertionSort(v, w, lo, hi);
  }

  private static void insertionSort(double[] v, double[] w, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      double x = v[i];
      double y = w[i];
      int j = i - 1;
      while (j >= lo && (v[j] > x || (v[j] == x && w[j] > y))) {
        v[j + 1] = v[j];
        w[j + 1] = w[j];
        j--;
      }
      v[j + 1] = x;
      w[j + 1] = y;
    }
  }

  /**
   * Heapsort of [lo, hi], the introsort's fallback; package-private so that tests reach it
   * directly.
   */
  static void heapsort(double[] v, double[] w, int lo, int hi) {
    int n = hi - lo + 1;
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(v, w, lo, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      swap(v, w, lo, lo + end);
      siftDown(v, w, lo, 0, end);
    }
  }

  private static void siftDown(double[] v, double[] w, int base, int root, int n) {
    while (true) {
      int child = 2 * root + 1;
      if (child >= n) {
        return;
      }
      if (child + 1 < n && less(v, w, base + child, base + child + 1)) {
        child++;
      }
      if (!less(v, w, base + root, base + child)) {
        return;
      }
      swap(v, w, base + root, base + child);
      root = child;
    }
  }

  private static boolean less(double[] v, double[] w, int a, int b) {
    return v[a] < v[b] || (v[a] == v[b] && w[a] < w[b]);
  }

  private static void swap(double[] v, double[] w, int a, int b) {
    double t = v[a];
    v[a] = v[b];
    v[b] = t;
    t = w[a];
    w[a] = w[b];
    w[b] = t;
  }
}
