package dev.terrace.engine.internal.preview;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import java.util.List;

/**
 * Paints one band of a raster into a Web Mercator tile as {@code gdalwarp -r near} warps it: each
 * pixel's centre is projected into the raster's CRS ({@link RowProjector}, within a ten-thousandth
 * of a cell) and takes the value of the cell it falls in, read from the overview {@code gdalwarp}'s
 * automatic choice would read.
 */
final class TileRenderer {

  /** Larger windows are read cell by cell from the block cache rather than whole. */
  private static final long WHOLE_WINDOW_CELLS = 1 << 22;

  private TileRenderer() {}

  /**
   * @param raster the full-resolution raster
   * @param bandNumber the 1-based band to paint
   * @param band what its values mean (nodata, scale, offset)
   * @param tile the tile
   * @param colouring the colour of each value
   * @return ARGB pixels row by row, or null when no pixel falls on the raster
   */
  static int[] render(
      RasterSource raster, int bandNumber, Band band, TileAddress tile, Colouring colouring) {
    int size = tile.pixels();
    RasterSource image = overview(raster, tile);
    Grid grid = image.grid();
    RowProjector projector = new RowProjector(tile, grid);
    // Two arrays rather than one of pairs: each stays below G1's humongous size at 256 pixels.
    int[] cols = new int[size * size];
    int[] rows = new int[size * size];
    int minCol = Integer.MAX_VALUE;
    int minRow = Integer.MAX_VALUE;
    int maxCol = -1;
    int maxRow = -1;
    for (int r = 0; r < size; r++) {
      projector.project(r);
      for (int c = 0; c < size; c++) {
        double x = projector.col(c);
        double y = projector.row(c);
        int i = r * size + c;
        if (x >= 0 && y >= 0 && x < grid.width() && y < grid.height()) {
          int col = (int) x;
          int row = (int) y;
          cols[i] = col;
          rows[i] = row;
          minCol = Math.min(minCol, col);
          minRow = Math.min(minRow, row);
          maxCol = Math.max(maxCol, col);
          maxRow = Math.max(maxRow, row);
        } else {
          cols[i] = -1;
        }
      }
    }
    if (maxCol < 0) {
      return null;
    }
    Window window = new Window(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
    return window.cells() <= WHOLE_WINDOW_CELLS
        ? paint(image, bandNumber, band, window, cols, rows, colouring)
        : paintCellByCell(image, bandNumber, band, cols, rows, colouring);
  }

  private static int[] paint(
      RasterSource image,
      int bandNumber,
      Band band,
      Window window,
      int[] cols,
      int[] rows,
      Colouring colouring) {
    Raster values = image.read(window, bandNumber);
    byte[] valid = null;
    if (image.hasMask(bandNumber)) {
      valid = new byte[(int) window.cells()];
      image.readMask(window, bandNumber, valid);
    }
    int[] argb = new int[cols.length];
    for (int i = 0; i < argb.length; i++) {
      int col = cols[i];
      if (col < 0) {
        continue;
      }
      int at = (rows[i] - window.row()) * window.width() + col - window.col();
      if (valid == null || valid[at] != 0) {
        argb[i] = colour(values.get(at), band, colouring);
      }
    }
    return argb;
  }

  private static int[] paintCellByCell(
      RasterSource image, int bandNumber, Band band, int[] cols, int[] rows, Colouring colouring) {
    boolean masked = image.hasMask(bandNumber);
    byte[] valid = new byte[1];
    int[] argb = new int[cols.length];
    for (int i = 0; i < argb.length; i++) {
      int col = cols[i];
      if (col < 0) {
        continue;
      }
      Window cell = new Window(col, rows[i], 1, 1);
      if (masked) {
        image.readMask(cell, bandNumber, valid);
        if (valid[0] == 0) {
          continue;
        }
      }
      argb[i] = colour(image.read(cell, bandNumber).get(0), band, colouring);
    }
    return argb;
  }

  private static int colour(double stored, Band band, Colouring colouring) {
    return band.isNodata(stored) ? 0 : colouring.argb(stored * band.scale() + band.offset());
  }

  /**
   * The image {@code gdalwarp -ovr AUTO} reads: the coarsest overview whose reduction factor is
   * below the tile's pixel size in full-resolution cells, or within 0.1 of it.
   */
  static RasterSource overview(RasterSource raster, TileAddress tile) {
    List<? extends RasterSource> overviews = raster.overviews();
    if (overviews.isEmpty()) {
      return raster;
    }
    double target = cellsPerPixel(raster.grid(), tile);
    if (!(target > 1)) {
      return raster;
    }
    RasterSource chosen = raster;
    double factor = 1;
    for (RasterSource overview : overviews) {
      double next = (double) raster.grid().width() / overview.grid().width();
      if (factor < target && next > target || Math.abs(factor - target) < 0.1) {
        break;
      }
      chosen = overview;
      factor = next;
    }
    return chosen;
  }

  /** How many full-resolution cells one pixel at the tile's centre spans, along its row. */
  private static double cellsPerPixel(Grid grid, TileAddress tile) {
    RowProjector projector = new RowProjector(tile, grid);
    int middle = tile.pixels() / 2;
    projector.project(middle);
    return Math.hypot(
        projector.col(middle + 1) - projector.col(middle),
        projector.row(middle + 1) - projector.row(middle));
  }
}
