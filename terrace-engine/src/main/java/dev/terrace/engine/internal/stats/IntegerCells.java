package dev.terrace.engine.internal.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The exact side of a {@link CellAccumulator} fed 64-bit integers (INT64 and UINT64 bands without
 * scale or offset): min, max and, when asked for, the classes, kept as longs so that values beyond
 * 2^53, which doubles cannot tell apart, stay distinct. Mergeable like the accumulator: min, max
 * and histogram combine exactly.
 */
final class IntegerCells {

  private final boolean unsigned;

  /** Null unless the accumulator keeps a histogram. */
  private final LongHistogram histogram;

  private long cells;
  private long min;
  private long max;

  /**
   * @param unsigned whether the values are UINT64 bits
   * @param keepHistogram whether a statistic needs the classes
   */
  IntegerCells(boolean unsigned, boolean keepHistogram) {
    this(unsigned, keepHistogram ? new LongHistogram(unsigned) : null);
  }

  private IntegerCells(boolean unsigned, LongHistogram histogram) {
    this.unsigned = unsigned;
    this.histogram = histogram;
  }

  /**
   * Writes the signedness, the cell count, the exact min and max and, when kept, the histogram, for
   * {@link #readFrom}.
   */
  void writeTo(DataOutput out) throws IOException {
    out.writeBoolean(unsigned);
    CellAccumulator.writeLength(out, cells);
    out.writeLong(min);
    out.writeLong(max);
    if (histogram != null) {
      histogram.writeTo(out);
    }
  }

  /**
   * Reads what {@link #writeTo} wrote.
   *
   * @param keepHistogram whether the accumulator keeps a histogram, so whether one was written
   * @param maxCells the accumulator's cells, which include every integer cell
   * @throws IOException if the input ends early or is inconsistent: no cells, min above max, more
   *     classes than cells or none at all
   */
  static IntegerCells readFrom(DataInput in, boolean keepHistogram, long maxCells)
      throws IOException {
    boolean unsigned = CellAccumulator.readFlag(in, "integer signedness");
    long cells = CellAccumulator.readLength(in, maxCells, "integer cells");
    // The accumulator creates its integers with the first integer cell, so they are never empty.
    if (cells == 0) {
      throw CellAccumulator.corrupt("integer cells without a cell");
    }
    long min = in.readLong();
    long max = in.readLong();
    LongHistogram histogram = null;
    if (keepHistogram) {
      histogram = LongHistogram.readFrom(in, unsigned, cells);
      if (histogram.size() == 0) {
        throw CellAccumulator.corrupt(cells + " integer cells without a class");
      }
    }
    IntegerCells integers = new IntegerCells(unsigned, histogram);
    if (integers.compare(min, max) > 0) {
      throw CellAccumulator.corrupt("integer min " + min + " above max " + max);
    }
    integers.cells = cells;
    integers.min = min;
    integers.max = max;
    return integers;
  }

  boolean unsigned() {
    return unsigned;
  }

  /**
   * @return cells added, so the accumulator can tell whether every one of its cells came through
   *     here
   */
  long cells() {
    return cells;
  }

  /**
   * @param weight a positive, finite weight
   */
  void add(long value, double weight) {
    if (cells == 0) {
      min = value;
      max = value;
    } else {
      if (compare(value, min) < 0) {
        min = value;
      }
      if (compare(value, max) > 0) {
        max = value;
      }
    }
    cells++;
    if (histogram != null) {
      histogram.add(value, weight);
    }
  }

  /**
   * @throws IllegalArgumentException if {@code other} holds the other signedness
   */
  void merge(IntegerCells other) {
    if (other.unsigned != unsigned) {
      throw new IllegalArgumentException("INT64 and UINT64 cells cannot be merged");
    }
    if (other.cells == 0) {
      return;
    }
    if (cells == 0 || compare(other.min, min) < 0) {
      min = other.min;
    }
    if (cells == 0 || compare(other.max, max) > 0) {
      max = other.max;
    }
    cells += other.cells;
    if (histogram != null) {
      histogram.merge(other.histogram);
    }
  }

  long min() {
    return min;
  }

  long max() {
    return max;
  }

  /**
   * @return the histogram, or null when the accumulator keeps none
   */
  LongHistogram histogram() {
    return histogram;
  }

  int compare(long a, long b) {
    return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
  }

  /**
   * @return the value as the result carries it: a {@link Long}, or a {@link BigInteger} beyond a
   *     long's range
   */
  Number number(long value) {
    return unsigned && value < 0 ? new BigInteger(Long.toUnsignedString(value)) : (Number) value;
  }

  /**
   * @return the nearest double to the value
   */
  double toDouble(long value) {
    return toDouble(value, unsigned);
  }

  static double toDouble(long value, boolean unsigned) {
    if (!unsigned || value >= 0) {
      return value;
    }
    // Halve keeping the dropped bit as a sticky bit, so that rounding to 53 bits stays correct,
    // then double.
    return ((value >>> 1) | (value & 1)) * 2.0;
  }
}
