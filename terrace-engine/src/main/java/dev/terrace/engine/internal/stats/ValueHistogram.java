package dev.terrace.engine.internal.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Total weight per distinct value: an open-addressing hash map from a double's bits to a
 * compensated weight sum, with linear probing. Primitive arrays rather than a {@code
 * HashMap<Double, Double>} because {@link #add} runs once per cell, ten million times a request,
 * and must neither box nor allocate.
 *
 * <p>Keys are exact doubles: two values are one class only if they are the same double. The caller
 * passes no NaN and no -0.0 ({@link CellAccumulator} folds -0.0 into 0.0), which lets the bits of
 * NaN mark empty slots.
 */
final class ValueHistogram {

  /** Marks an empty slot: the bits of the canonical NaN, which is never a key. */
  private static final long EMPTY = Double.doubleToRawLongBits(Double.NaN);

  private static final int INITIAL_CAPACITY = 16;

  /** Arrays are indexed by int; the largest power of two that fits. */
  private static final int MAX_CAPACITY = 1 << 30;

  private long[] keys;

  /** Compensated weight sums: the sum is {@code sums[i] + comps[i]}. */
  private double[] sums;

  private double[] comps;
  private int size;
  private int mask;

  /**
   * Grow when size exceeds this: 3/4 of the capacity, where linear probing still averages a few
   * probes.
   */
  private int threshold;

  /**
   * The last key added and its slot: rasters come in runs of one class (land cover, countries), and
   * most adds then skip hashing altogether. Reset whenever slots move.
   */
  private long lastKey = EMPTY;

  private int lastSlot = -1;

  ValueHistogram() {
    allocate(INITIAL_CAPACITY);
  }

  /**
   * @param value a value, not NaN and not -0.0
   * @param weight a positive weight
   */
  void add(double value, double weight) {
    long key = Double.doubleToRawLongBits(value);
    int slot = key == lastKey ? lastSlot : slotFor(key);
    double s = sums[slot];
    double t = s + weight;
    comps[slot] += Compensated.error(s, weight, t);
    sums[slot] = t;
  }

  /** Adds every class of {@code other} to this one, as if its cells had been added here. */
  void merge(ValueHistogram other) {
    long[] otherKeys = other.keys;
    for (int i = 0; i < otherKeys.length; i++) {
      long key = otherKeys[i];
      if (key != EMPTY) {
        int slot = slotFor(key);
        double s = sums[slot];
        double x = other.sums[i];
        double t = s + x;
        comps[slot] += Compensated.error(s, x, t) + other.comps[i];
        sums[slot] = t;
      }
    }
  }

  /**
   * Writes the classes for {@link #readFrom}: their number, then each one's value and its weight as
   * the sum and the compensation, all three as raw bits, in slot order. Only occupied slots are
   * written, so the encoding is as long as the classes, not the table.
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
  }

  /**
   * Reads what {@link #writeTo} wrote. Each class keeps its sum and compensation exactly, so later
   * adds and merges go on as they would have in the histogram written; only the slots may differ,
   * and no answer depends on them.
   *
   * @param maxClasses the most classes there can be (the accumulator's cells)
   * @throws IOException if the input ends early, or holds a NaN, -0.0 or repeated value, or a
   *     weight that is not positive
   */
  static ValueHistogram readFrom(DataInput in, long maxClasses) throws IOException {
    int n =
        (int)
            CellAccumulator.readLength(
                in, Math.min(maxClasses, MAX_CAPACITY - MAX_CAPACITY / 4), "classes");
    ValueHistogram histogram = new ValueHistogram();
    for (int i = 0; i < n; i++) {
      long key = in.readLong();
      double sum = Double.longBitsToDouble(in.readLong());
      double comp = Double.longBitsToDouble(in.readLong());
      double value = Double.longBitsToDouble(key);
      // add() never lets these in: NaN marks empty slots, and -0.0 would be a second class of 0.
      if (value != value || key == Double.doubleToRawLongBits(-0.0)) {
        throw CellAccumulator.corrupt("histogram class " + value);
      }
      if (!(sum > 0)) {
        throw CellAccumulator.corrupt("histogram weight " + sum + " of " + value);
      }
      int before = histogram.size;
      // slotFor grows the table as classes arrive, so a corrupt count cannot allocate ahead of
      // the bytes that back it.
      int slot = histogram.slotFor(key);
      if (histogram.size == before) {
        throw CellAccumulator.corrupt("histogram class " + value + " appears twice");
      }
      histogram.sums[slot] = sum;
      histogram.comps[slot] = comp;
    }
    return histogram;
  }

  /**
   * @return the number of distinct values
   */
  int size() {
    return size;
  }

  /**
   * @param largest whether to look for the largest total weight (majority) or the smallest
   *     (minority)
   * @param highest whether equal weights go to the highest value rather than the lowest
   * @return the value whose total weight is the largest (or smallest), among equal weights the
   *     lowest or the highest value; NaN if the histogram is empty
   */
  double extreme(boolean largest, boolean highest) {
    double bestValue = Double.NaN;
    double bestWeight = Double.NaN;
    for (int i = 0; i < keys.length; i++) {
      long key = keys[i];
      if (key == EMPTY) {
        continue;
      }
      double value = Double.longBitsToDouble(key);
      double weight = Compensated.value(sums[i], comps[i]);
      boolean better;
      if (Double.isNaN(bestValue)) {
        better = true;
      } else if (weight == bestWeight) {
        // Hash order is arbitrary, so the tie rule must not depend on it.
        better = highest ? value > bestValue : value < bestValue;
      } else {
        better = largest ? weight > bestWeight : weight < bestWeight;
      }
      if (better) {
        bestValue = value;
        bestWeight = weight;
      }
    }
    return bestValue;
  }

  /**
   * @return the distinct values, ascending, with their total weights
   */
  Sorted sorted() {
    double[] values = new double[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        values[n++] = Double.longBitsToDouble(key);
      }
    }
    Arrays.sort(values);
    double[] weights = new double[size];
    for (int i = 0; i < size; i++) {
      int slot = find(Double.doubleToRawLongBits(values[i]));
      weights[i] = Compensated.value(sums[slot], comps[slot]);
    }
    return new Sorted(values, weights);
  }

  /**
   * Distinct values and their total weights.
   *
   * @param values the distinct values, ascending
   * @param weights {@code weights[i]} is the total weight of {@code values[i]}
   */
  record Sorted(double[] values, double[] weights) {}

  /**
   * @return the slot holding {@code key}, claimed (with weight 0) if the key is new
   */
  private int slotFor(long key) {
    int slot = hash(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        break;
      }
      if (k == EMPTY) {
        if (size >= threshold) {
          grow();
          return slotFor(key);
        }
        keys[slot] = key;
        size++;
        break;
      }
      slot = (slot + 1) & mask;
    }
    lastKey = key;
    lastSlot = slot;
    return slot;
  }

  /**
   * @return the slot holding {@code key}, or -1
   */
  private int find(long key) {
    int slot = hash(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return slot;
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
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
    lastKey = EMPTY;
    lastSlot = -1;
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
   * MurmurHash3's 64-bit finaliser. The bits of small integers (the usual class codes) differ only
   * in the high bits of the exponent and mantissa and end in zeros, so the low bits used as the
   * slot need every input bit mixed into them.
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
