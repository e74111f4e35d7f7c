package dev.terrace.engine.internal.raster;

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
   * @param block a block's number, not {@link #OUTSIDE}
   * @return its cells, cut at the grid's right and bottom edges
   */
  public Window window(long block) {
    int c0 = (int) (block % across()) * blockWidth;
    int r0 = (int) (block / across()) * blockHeight;
    return Window.of(c0, r0, Math.min(blockWidth, width - c0), Math.min(blockHeight, height - r0));
  }
}
