package dev.terrace.engine.internal.preview;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import java.util.BitSet;

/**
 * The range of a raster's values and the class codes it holds, read from its coarsest overview: the
 * statistics a preview is stretched over when the catalog states no valid range.
 *
 * @param min the least value, NaN when no cell holds data
 * @param max the greatest value, NaN when no cell holds data
 * @param codes the integer values 0 to 65535 that occur
 */
record ValueSummary(double min, double max, BitSet codes) {

  /** Cells read at most: rows are skipped evenly beyond. */
  private static final long MAX_CELLS = 1 << 24;

  private static final int MAX_CODE = 65535;

  /**
   * @param raster the full-resolution raster; its coarsest overview is read, or itself without one
   * @param bandNumber the 1-based band
   * @param band what its values mean
   */
  static ValueSummary of(RasterSource raster, int bandNumber, Band band) {
    RasterSource image = raster.overviews().isEmpty() ? raster : raster.overviews().getLast();
    int width = image.grid().width();
    int height = image.grid().height();
    int rowStep = (int) Math.max(1, (long) width * height / MAX_CELLS);
    int rowsAtOnce = Math.max(1, (int) (MAX_CELLS / 16 / width));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    BitSet codes = new BitSet();
    boolean masked = image.hasMask(bandNumber);
    for (int row = 0; row < height; row += rowStep == 1 ? rowsAtOnce : rowStep) {
      int rows = rowStep == 1 ? Math.min(rowsAtOnce, height - row) : 1;
      Window window = new Window(0, row, width, rows);
      Raster values = image.read(window, bandNumber);
      byte[] valid = null;
      if (masked) {
        valid = new byte[(int) window.cells()];
        image.readMask(window, bandNumber, valid);
      }
      for (int i = 0; i < window.cells(); i++) {
        double stored = values.get(i);
        if (band.isNodata(stored) || valid != null && valid[i] == 0) {
          continue;
        }
        double v = stored * band.scale() + band.offset();
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (v >= 0 && v <= MAX_CODE && v == Math.rint(v)) {
          codes.set((int) v);
        }
      }
    }
    return min > max
        ? new ValueSummary(Double.NaN, Double.NaN, codes)
        : new ValueSummary(min, max, codes);
  }
}
