package dev.terrace.engine.internal.coverage;

import java.util.Arrays;
import java.util.Objects;

/**
 * The coverage of a polygon over one window of cells: columns {@code [col, col + width)} and rows
 * {@code [row, row + height)} of the raster. The window spans the polygon's bounding box within the
 * raster (all of its columns, or those in the window a visit was asked for), restricted to the
 * block's rows. Coverage values are in [0, 1], row-major, 0 for cells the polygon does not cover.
 *
 * <p>During {@link Coverage#visit} the same block object and array are refilled for every block
 * (that is what keeps memory bounded); use {@link #copy()} to keep one.
 */
public final class CoverageBlock {

  private final double[] values;
  private int col;
  private int row;
  private int width;
  private int height;

  CoverageBlock(double[] values) {
    this.values = values;
  }

  static CoverageBlock empty() {
    return new CoverageBlock(new double[0]);
  }

  void window(int col, int row, int width, int height) {
    this.col = col;
    this.row = row;
    this.width = width;
    this.height = height;
  }

  /**
   * @return the first column of the window (zero-based, raster columns)
   */
  public int col() {
    return col;
  }

  /**
   * @return the first row of the window (zero-based, raster rows)
   */
  public int row() {
    return row;
  }

  /**
   * @return the number of columns in the window; 0 when the polygon covers no cell
   */
  public int width() {
    return width;
  }

  /**
   * @return the number of rows in the window; 0 when the polygon covers no cell
   */
  public int height() {
    return height;
  }

  /**
   * @return {@code width() * height()}, the number of values in this block
   */
  public int size() {
    return width * height;
  }

  /**
   * @return true if the window has no cells
   */
  public boolean isEmpty() {
    return width == 0 || height == 0;
  }

  /**
   * @param i row-major index within the window, {@code (r - row()) * width() + (c - col())}
   * @return the coverage of that cell, in [0, 1]
   * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
   */
  public double fraction(int i) {
    return values[Objects.checkIndex(i, size())];
  }

  /**
   * @param row raster row
   * @param col raster column
   * @return the coverage of cell (row, col), 0 if it lies outside the window
   */
  public double fractionAt(int row, int col) {
    int r = row - this.row;
    int c = col - this.col;
    if (r < 0 || r >= height || c < 0 || c >= width) {
      return 0;
    }
    return values[r * width + c];
  }

  /**
   * The backing array, for loops that must not pay a call per cell. Only the first {@link #size()}
   * entries belong to this block (the array is sized for the largest block); during {@link
   * Coverage#visit} it is overwritten by the next block.
   *
   * @return the row-major coverage values
   */
  public double[] fractions() {
    return values;
  }

  /**
   * @return the sum of the coverage values: covered area in cells (EXACT) or the cell count
   */
  public double sum() {
    double sum = 0;
    for (int i = 0, n = size(); i < n; i++) {
      sum += values[i];
    }
    return sum;
  }

  /**
   * @return an independent copy of this block, with an array of exactly {@link #size()} values
   */
  public CoverageBlock copy() {
    CoverageBlock copy = new CoverageBlock(Arrays.copyOf(values, size()));
    copy.window(col, row, width, height);
    return copy;
  }

  @Override
  public String toString() {
    return "CoverageBlock[col="
        + col
        + ", row="
        + row
        + ", width="
        + width
        + ", height="
        + height
        + "]";
  }
}
