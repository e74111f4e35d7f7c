package dev.terrace.engine.internal.raster;

/**
 * A rectangle of cells: columns {@code [col, col + width)} and rows {@code [row, row + height)}.
 *
 * @param col first column, zero-based from the left
 * @param row first row, zero-based from the top
 * @param width number of columns, at least 1
 * @param height number of rows, at least 1
 */
public record Window(int col, int row, int width, int height) {

  /**
   * @throws IllegalArgumentException if an origin is negative or a size is not positive
   */
  public Window {
    if (col < 0 || row < 0) {
      throw new IllegalArgumentException(
          "window origin must not be negative: col=" + col + ", row=" + row);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("window size must be positive: " + width + " x " + height);
    }
  }

  /**
   * @param col first column
   * @param row first row
   * @param width number of columns
   * @param height number of rows
   * @return the window
   */
  public static Window of(int col, int row, int width, int height) {
    return new Window(col, row, width, height);
  }

  /**
   * @return one past the last column
   */
  public int endCol() {
    return col + width;
  }

  /**
   * @return one past the last row
   */
  public int endRow() {
    return row + height;
  }

  /**
   * @return the number of cells
   */
  public long cells() {
    return (long) width * height;
  }
}
