package dev.terrace.engine.internal.stats;

import java.util.Arrays;

/**
 * (value, weight) pairs in growable primitive arrays. While all weights are equal only the values
 * are stored: the weights array is created the first time a different weight arrives, so equal
 * weights cost eight bytes a cell and sort as one primitive array.
 *
 * <p>Order is irrelevant to an accumulator, so {@link #sort()} sorts the arrays in place.
 */
final class StoredPairs {

  private static final int INITIAL_CAPACITY = 16;

  /** The largest array the JVM reliably allocates. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private double[] values = new double[INITIAL_CAPACITY];

  /** Null while every weight so far equals {@link #firstWeight}. */
  private double[] weights;

  private double firstWeight = Double.NaN;
  private int size;
  private boolean sorted = true;

  /**
   * @param value a value, not NaN and not -0.0
   * @param weight a positive finite weight
   */
  void add(double value, double weight) {
    if (size == values.length) {
      grow(size + 1);
    }
    if (weights == null && weight != firstWeight) {
      if (size == 0) {
        firstWeight = weight;
      } else {
        materializeWeights();
      }
    }
    values[size] = value;
    if (weights != null) {
      weights[size] = weight;
    }
    size++;
    sorted = false;
  }

  /** Appends every pair of {@code other}. */
  void merge(StoredPairs other) {
    int n = other.size;
    if (n == 0) {
      return;
    }
    if (size == 0 && weights == null) {
      firstWeight = other.firstWeight;
    }
    if (weights == null && (other.weights != null || other.firstWeight != firstWeight)) {
      materializeWeights();
    }
    if ((long) size + n > values.length) {
      grow((long) size + n);
    }
    System.arraycopy(other.values, 0, values, size, n);
    if (weights != null) {
      if (other.weights != null) {
        System.arraycopy(other.weights, 0, weights, size, n);
      } else {
        Arrays.fill(weights, size, size + n, other.firstWeight);
      }
    }
    size += n;
    sorted = false;
  }

  int size() {
    return size;
  }

  /**
   * @return whether all weights are equal (then {@link #weights()} is null)
   */
  boolean uniformWeights() {
    return weights == null;
  }

  /**
   * Sorts the pairs by value, and pairs with equal values by weight: one canonical order whatever
   * order the cells came in, so that everything computed from the sorted pairs is the same bit for
   * bit however the cells were split into partial accumulators and merged.
   */
  void sort() {
    if (!sorted) {
      if (weights == null) {
        RadixSort.sort(values, size);
      } else {
        PairSort.sort(values, weights, size);
      }
      sorted = true;
    }
  }

  /**
   * @return the values array (its first {@link #size()} elements), sorted after {@link #sort()}
   */
  double[] values() {
    return values;
  }

  /**
   * @return the weights array parallel to {@link #values()}, or null when all weights are equal
   */
  double[] weights() {
    return weights;
  }

  /**
   * @return every pair's weight while {@link #uniformWeights()}; NaN when empty
   */
  double uniformWeight() {
    return firstWeight;
  }

  private void materializeWeights() {
    weights = new double[values.length];
    Arrays.fill(weights, 0, size, firstWeight);
  }

  private void grow(long minCapacity) {
    if (minCapacity > MAX_CAPACITY) {
      throw new IllegalStateException("too many cells to store for a quantile: " + minCapacity);
    }
    long wanted = Math.max(minCapacity, (long) values.length + (values.length >> 1));
    int capacity = (int) Math.min(wanted, MAX_CAPACITY);
    values = Arrays.copyOf(values, capacity);
    if (weights != null) {
      weights = Arrays.copyOf(weights, capacity);
    }
  }
}
