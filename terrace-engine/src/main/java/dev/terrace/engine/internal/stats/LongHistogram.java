package dev.terrace.engine.internal.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Total weight per distinct 64-bit integer: {@link ValueHistogram}'s open-addressing map, keyed by
 * the integer itself instead of a double's bits, so that INT64 and UINT64 classes beyond 2^53 stay
 * apart. Kept separate so that the double histogram every other band uses is untouched.
 *
 * <p>Every long is a possible key, so none can mark an empty slot by itself: {@link #EMPTY} does,
 * and the one key equal to it is kept beside the table.
 */
final class LongHistogram {

  /** Marks an empty slot; the key of this value lives in {@link #emptyKeySum} instead. */
  private static final long EMPTY = Long.MIN_VALUE;

  private static final int INITIAL_CAPACITY = 16;
  private static final int MAX_CAPACITY = 1 << 30;

  private final boolean unsigned;
  private long[] keys;
  private double[] sums;
  private double[] comps;
  private int size;
  private int mask;
  private int threshold;
  private boolean hasEmptyKey;
  private double emptyKeySum;
  private double emptyKeyComp;

  /**
   * @param unsigned whether keys are UINT64 bits, ordered unsigned
   */
  LongHistogram(boolean unsigned) {
    this.unsigned = unsigned;
    allocate(INITIAL_CAPACITY);
  }

  /**
   * @param weight a positive weight
   */
  void add(long key, double weight) {
    if (key == EMPTY) {
      double t = emptyKeySum + weight;
      emptyKeyComp += Compensated.error(emptyKeySum, weight, t);
      emptyKeySum = t;
      hasEmptyKey = true;
      return;
    }
    int slot = slotFor(key);
    double s = sums[slot];
    double t = s + weight;
    comps[slot] += Compensated.error(s, weight, t);
    sums[slot] = t;
  }

  /** Adds every class of {@code other} to this one, as if its cells had been added here. */
  void merge(LongHistogram other) {
    for (int i = 0; i < other.keys.length; i++) {
      long key = other.keys[i];
      if (key != EMPTY) {
        int slot = slotFor(key);
        double s = sums[slot];
        double x = other.sums[i];
        double t = s + x;
        comps[slot] += Compensated.error(s, x, t) + other.comps[i];
        sums[slot] = t;
      }
    }
    if (other.hasEmptyKey) {
      double t = emptyKeySum + other.emptyKeySum;
      emptyKeyComp += Compensated.error(emptyKeySum, other.emptyKeySum, t) + other.emptyKeyComp;
      emptyKeySum = t;
      hasEmptyKey = true;
    }
  }

  /**
   * Writes the classes for {@link #readFrom}: the number in the table, then each one's key and its
   * weight as the sum and the compensation (raw bits), in slot order; then whether the key {@link
   * #EMPTY} has cells and, if so, its weight. The signedness is the owner's to write.
   */
  void writeTo(DataOutput out) throws IOException {
    CellAccumulator.writeLength(out, size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        out.writeLong(keys[i]);
        out.writeLong(Double.doubleToRawLongBits(sums[i]));
        out.writeLong(Double.doubleToRawLongBits(comps[i]));
      }
    }
    out.writeBoolean(hasEmptyKey);
    if (hasEmptyKey) {
      out.writeLong(Double.doubleToRawLongBits(emptyKeySum));
      out.writeLong(Double.doubleToRawLongBits(emptyKeyComp));
    }
  }

  /**
   * Reads what {@link #writeTo} wrote, every class with its sum and compensation exactly.
   *
   * @param unsigned whether the keys are UINT64 bits
   * @param maxClasses the most classes there can be (the cells)
   * @throws IOException if the input ends early, or holds a repeated key, {@link #EMPTY} in the
   *     table, or a weight that is not positive
   */
  static LongHistogram readFrom(DataInput in, boolean unsigned, long maxClasses)
      throws IOException {
    int n =
        (int)
            CellAccumulator.readLength(
                in, Math.min(maxClasses, MAX_CAPACITY - MAX_CAPACITY / 4), "integer classes");
    LongHistogram histogram = new LongHistogram(unsigned);
    for (int i = 0; i < n; i++) {
      long key = in.readLong();
      double sum = Double.longBitsToDouble(in.readLong());
      double comp = Double.longBitsToDouble(in.readLong());
      if (key == EMPTY) {
        throw CellAccumulator.corrupt("integer class " + key + " inside the table");
      }
      if (!(sum > 0)) {
        throw CellAccumulator.corrupt("integer class weight " + sum + " of " + key);
      }
      int before = histogram.size;
      // slotFor grows the table as classes arrive, so a corrupt count cannot allocate ahead of
      // the bytes that back it.
      int slot = histogram.slotFor(key);
      if (histogram.size == before) {
        throw CellAccumulator.corrupt("integer class " + key + " appears twice");
      }
      histogram.sums[slot] = sum;
      histogram.comps[slot] = comp;
    }
    histogram.hasEmptyKey = CellAccumulator.readFlag(in, "integer class " + EMPTY);
    if (histogram.hasEmptyKey) {
      histogram.emptyKeySum = Double.longBitsToDouble(in.readLong());
      histogram.emptyKeyComp = Double.longBitsToDouble(in.readLong());
      if (!(histogram.emptyKeySum > 0)) {
        throw CellAccumulator.corrupt(
            "integer class weight " + histogram.emptyKeySum + " of " + EMPTY);
      }
    }
    if (histogram.size() > maxClasses) {
      throw CellAccumulator.corrupt(histogram.size() + " integer classes for " + maxClasses);
    }
    return histogram;
  }

  /**
   * @return the number of distinct values
   */
  int size() {
    return size + (hasEmptyKey ? 1 : 0);
  }

  /**
   * @param largest whether to look for the largest total weight (majority) or the smallest
   *     (minority)
   * @param highest whether equal weights go to the highest key rather than the lowest
   * @return the key whose total weight is the largest (or smallest), among equal weights the lowest
   *     or the highest key; undefined when empty
   */
  long extreme(boolean largest, boolean highest) {
    Sorted sorted = sorted();
    double[] weights = sorted.weights();
    int best = 0;
    for (int i = 1; i < weights.length; i++) {
      // Ascending keys: a strictly better weight keeps the lowest of a tie, an equal one too moves
      // to the highest.
      boolean better = largest ? weights[i] > weights[best] : weights[i] < weights[best];
      if (better || highest && weights[i] == weights[best]) {
        best = i;
      }
    }
    return sorted.keys()[best];
  }

  /**
   * @return the distinct keys in ascending order (unsigned for UINT64), with their total weights
   */
  Sorted sorted() {
    long[] out = new long[size()];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        out[n++] = key;
      }
    }
    if (hasEmptyKey) {
      out[n] = EMPTY;
    }
    if (unsigned) {
      // Flipping the top bit maps unsigned order onto signed order; flip it back after sorting.
      flipTopBits(out);
      Arrays.sort(out);
      flipTopBits(out);
    } else {
      Arrays.sort(out);
    }
    double[] weights = new double[out.length];
    for (int i = 0; i < out.length; i++) {
      weights[i] =
          out[i] == EMPTY ? Compensated.value(emptyKeySum, emptyKeyComp) : weightAt(find(out[i]));
    }
    return new Sorted(out, weights);
  }

  /**
   * Distinct keys and their total weights.
   *
   * @param keys ascending (unsigned for UINT64)
   * @param weights {@code weights[i]} is the total weight of {@code keys[i]}
   */
  record Sorted(long[] keys, double[] weights) {}

  private double weightAt(int slot) {
    return Compensated.value(sums[slot], comps[slot]);
  }

  private static void flipTopBits(long[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] ^= Long.MIN_VALUE;
    }
  }

  private int slotFor(long key) {
    int slot = hash(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return slot;
      }
      if (k == EMPTY) {
        if (size >= threshold) {
          grow();
          return slotFor(key);
        }
        keys[slot] = key;
        size++;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int find(long key) {
    int slot = hash(key) & mask;
    while (keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    if (keys.length >= MAX_CAPACITY) {
      throw new IllegalStateException("too many distinct values for a histogram: " + size);
    }
    long[] oldKeys = keys;
    double[] oldSums = sums;
    double[] oldComps = comps;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      long key = oldKeys[i];
      if (key != EMPTY) {
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        sums[slot] = oldSums[i];
        comps[slot] = oldComps[i];
      }
    }
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    sums = new double[capacity];
    comps = new double[capacity];
    mask = capacity - 1;
    threshold = capacity - capacity / 4;
  }

  /**
   * MurmurHash3's 64-bit finaliser, as {@link ValueHistogram}: class codes differ in their low bits
   * only.
   */
  private static int hash(long key) {
    long h = key;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
