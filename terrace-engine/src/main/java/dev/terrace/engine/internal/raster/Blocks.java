package dev.terrace.engine.internal.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * The blocks (tiles or strips) a raster stores its grid in, numbered row by row from the top left,
 * and which one a cell falls in: what readers group scattered points by, so that each block is
 * decoded once for all of them.
 *
 * @param width the grid's width in cells
 * @param height the grid's height in cells
 * @param blockWidth a block's width in cells
 * @param blockHeight a block's height in cells
 */
public record Blocks(int width, int height, int blockWidth, int blockHeight) {

  /** The number of a position outside the grid (or not a number): after every block's. */
  public static final long OUTSIDE = Long.MAX_VALUE >> 32;

  /**
   * @param raster the raster
   * @return its blocks
   */
  public static Blocks of(RasterSource raster) {
    Grid grid = raster.grid();
    return new Blocks(grid.width(), grid.height(), raster.blockWidth(), raster.blockHeight());
  }

  /**
   * @return the blocks in a row of them
   */
  public int across() {
    return (width + blockWidth - 1) / blockWidth;
  }

  /**
   * @param col a position's column in pixel space (fractional)
   * @param row its row
   * @return the number of the block holding it, or {@link #OUTSIDE}
   */
  public long at(double col, double row) {
    boolean inside = col >= 0 && row >= 0 && col < width && row < height;
    return inside ? (long) ((int) row / blockHeight) * across() + (int) col / blockWidth : OUTSIDE;
  }

  /**
   * The blocks holding the cells a box in pixel space reaches within the grid: those a polygon with
   * that box is read in, one after the other, and split into when it is read in parts. Both take
   * them from here, in the order {@link #numbers} gives, so that their statistics merge alike.
   *
   * @return the blocks, or null when the box reaches no cell of the grid
   */
  public Range reaching(double minCol, double minRow, double maxCol, double maxRow) {
    int c0 = (int) Math.max(0, Math.floor(minCol));
    int r0 = (int) Math.max(0, Math.floor(minRow));
    int c1 = (int) Math.min(width, Math.ceil(maxCol));
    int r1 = (int) Math.min(height, Math.ceil(maxRow));
    if (!(c0 < c1 && r0 < r1)) {
      return null;
    }
    return new Range(
        c0 / blockWidth, r0 / blockHeight, (c1 - 1) / blockWidth, (r1 - 1) / blockHeight);
  }

  /**
   * A rectangle of blocks, by their columns and rows of blocks, both ends included.
   *
   * @param col0 the first column of blocks
   * @param row0 the first row of blocks
   * @param col1 the last column of blocks
   * @param row1 the last row of blocks
   */
  public record Range(int col0, int row0, int col1, int row1) {

    /**
     * @return how many blocks the rectangle holds
     */
    public long count() {
      return (long) (col1 - col0 + 1) * (row1 - row0 + 1);
    }
  }

  /**
   * @return the numbers of a range's blocks, row by row from the top left
   */
  public List<Long> numbers(Range range) {
    List<Long> out = new ArrayList<>();
    for (int r = range.row0(); r <= range.row1(); r++) {
      for (int c = range.col0(); c <= range.col1(); c++) {
        out.add((long) r * across() + c);
      }
    }
    return out;
  }

  /**
   * @return the cells of a range's blocks together, cut at the grid's right and bottom edges
   */
  public Window window(Range range) {
    int c0 = range.col0() * blockWidth;
    int r0 = range.row0() * blockHeight;
    return Window.of(
        c0,
        r0,
        Math.min(width, (range.col1() + 1) * blockWidth) - c0,
        Math.min(height, (range.row1() + 1) * blockHeight) - r0);
  }

  /**
   * @param block a block's number, not {@link #OUTSIDE}
   * @return its cells, cut at the grid's right and bottom edges
   */
  public Window window(long block) {
    int c0 = (int) (block % across()) * blockWidth;
    int r0 = (int) (block / across()) * blockHeight;
    return Window.of(c0, r0, Math.min(blockWidth, width - c0), Math.min(blockHeight, height - r0));
  }
}
