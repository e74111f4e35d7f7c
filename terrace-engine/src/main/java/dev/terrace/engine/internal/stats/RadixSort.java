package dev.terrace.engine.internal.stats;

import java.util.Arrays;

/**
 * Sorts doubles by a least-significant-digit radix sort on their bits, which takes a fixed number
 * of linear passes where a comparison sort takes log n: over the cells of a zone it is several
 * times faster than {@link Arrays#sort(double[], int, int)} (measured 0.2–0.35 of its time for 1
 * 000 to 1 000 000 Float32 elevations). Only the bytes in which the values differ get a pass;
 * values read from Float32 or integer rasters leave the low bytes of their doubles zero, and values
 * of one zone share their sign and most of the exponent, so typically four of the eight bytes are
 * sorted.
 *
 * <p>The result is that of {@link Arrays#sort(double[], int, int)} for values that are not NaN and
 * not -0.0, as the stored cells of an accumulator are.
 */
final class RadixSort {

  /**
   * Below this many values the JDK's insertion and quicksorts win over the radix sort's fixed
   * costs.
   */
  private static final int MIN_LENGTH = 256;

  private static final int DIGITS = Long.BYTES;

  private RadixSort() {}

  /**
   * @param values sorted ascending in place
   * @param n the number of values to sort (a prefix of the array)
   */
  static void sort(double[] values, int n) {
    if (n < MIN_LENGTH) {
      Arrays.sort(values, 0, n);
      return;
    }
    long first = key(values[0]);
    long differ = 0;
    for (int i = 1; i < n; i++) {
      differ |= key(values[i]) ^ first;
    }
    int[] shifts = new int[DIGITS];
    int passes = 0;
    for (int d = 0; d < DIGITS; d++) {
      if ((differ >>> (8 * d) & 0xFF) != 0) {
        shifts[passes++] = 8 * d;
      }
    }
    if (passes == 0) {
      return;
    }
    // starts[p][b]: where the next value with byte b in pass p goes.
    int[][] starts = new int[passes][257];
    for (int i = 0; i < n; i++) {
      long k = key(values[i]);
      for (int p = 0; p < passes; p++) {
        starts[p][(int) (k >>> shifts[p] & 0xFF) + 1]++;
      }
    }
    for (int[] s : starts) {
      for (int b = 0; b < 256; b++) {
        s[b + 1] += s[b];
      }
    }
    // Keys go through long arrays: doubles holding arbitrary bit patterns could be NaNs, whose bits
    // the JVM
    // need not preserve.
    long[] from = new long[n];
    int[] s = starts[0];
    for (int i = 0; i < n; i++) {
      long k = key(values[i]);
      from[s[(int) (k >>> shifts[0] & 0xFF)]++] = k;
    }
    long[] to = passes > 2 ? new long[n] : null;
    for (int p = 1; p < passes - 1; p++) {
      s = starts[p];
      for (int i = 0; i < n; i++) {
        long k = from[i];
        to[s[(int) (k >>> shifts[p] & 0xFF)]++] = k;
      }
      long[] t = from;
      from = to;
      to = t;
    }
    if (passes == 1) {
      for (int i = 0; i < n; i++) {
        values[i] = value(from[i]);
      }
      return;
    }
    s = starts[passes - 1];
    int shift = shifts[passes - 1];
    for (int i = 0; i < n; i++) {
      long k = from[i];
      values[s[(int) (k >>> shift & 0xFF)]++] = value(k);
    }
  }

  /**
   * @return bits that order as unsigned longs as the values order: negatives inverted, positives'
   *     sign set
   */
  private static long key(double value) {
    long bits = Double.doubleToRawLongBits(value);
    return bits ^ (bits >> 63 | Long.MIN_VALUE);
  }

  private static double value(long key) {
    return Double.longBitsToDouble(key ^ (~key >> 63 | Long.MIN_VALUE));
  }
}
