package dev.terrace.engine.internal.coverage;

import dev.terrace.api.PixelRule;
import java.util.Arrays;
import java.util.Objects;

/**
 * The cells a line passes through, each once, with its weight under a {@link PixelRule}: the length
 * of line inside the cell in cell units (EXACT), or 1 (CENTER, ALL_TOUCHED). Cells are in the order
 * the line first reaches them and may lie outside the raster: the reader counts those as missing.
 */
public final class LineCells {

  private int[] rows = new int[16];
  private int[] cols = new int[16];
  private double[] weights = new double[16];
  private int size;
  // Open addressing from the packed (row, col) to index + 1 (0 marks an empty slot); a line's cells
  // are few
  // compared with its bounding box, so a grid-sized array would waste memory on long diagonals.
  private long[] keys = new long[64];
  private int[] slots = new int[64];

  LineCells() {}

  /**
   * @return how many distinct cells the line passes through
   */
  public int size() {
    return size;
  }

  /**
   * @return the row of cell {@code i}, zero-based; may be negative or beyond the raster
   */
  public int row(int i) {
    return rows[Objects.checkIndex(i, size)];
  }

  /**
   * @return the column of cell {@code i}, zero-based; may be negative or beyond the raster
   */
  public int col(int i) {
    return cols[Objects.checkIndex(i, size)];
  }

  /**
   * @return the weight of cell {@code i}: length inside it in cell units (EXACT), else 1
   */
  public double weight(int i) {
    return weights[Objects.checkIndex(i, size)];
  }

  /**
   * @return the sum of the weights: the line's length in cells (EXACT) or the cell count
   */
  public double sum() {
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += weights[i];
    }
    return sum;
  }

  /**
   * @return the weight of cell (row, col), 0 if the line does not pass through it
   */
  public double weightAt(int row, int col) {
    int i = find(key(row, col));
    return i < 0 ? 0 : weights[i];
  }

  /** Adds {@code w} to the cell's weight, entering the cell if it is new. */
  void add(int row, int col, double w) {
    long key = key(row, col);
    int i = find(key);
    if (i >= 0) {
      weights[i] += w;
      return;
    }
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
      cols = Arrays.copyOf(cols, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
    }
    rows[size] = row;
    cols[size] = col;
    weights[size] = w;
    size++;
    if (size * 2 > keys.length) {
      rehash();
    } else {
      insert(key, size);
    }
  }

  /** Enters the cell with weight 1 unless it is already there. */
  void mark(int row, int col) {
    if (find(key(row, col)) < 0) {
      add(row, col, 1);
    }
  }

  private static long key(int row, int col) {
    return ((long) row << 32) | (col & 0xFFFFFFFFL);
  }

  private static int hash(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    for (int s = hash(key, mask); slots[s] != 0; s = (s + 1) & mask) {
      if (keys[s] == key) {
        return slots[s] - 1;
      }
    }
    return -1;
  }

  private void insert(long key, int slot) {
    int mask = keys.length - 1;
    int s = hash(key, mask);
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    keys[s] = key;
    slots[s] = slot;
  }

  private void rehash() {
    keys = new long[keys.length * 2];
    slots = new int[slots.length * 2];
    for (int i = 0; i < size; i++) {
      insert(key(rows[i], cols[i]), i + 1);
    }
  }
}
