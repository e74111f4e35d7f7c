package dev.terrace.engine.internal.extract;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.coverage.LineCells;
import dev.terrace.engine.internal.coverage.LineCoverage;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the cells a line (already in pixel space) passes through, each once, weighted as {@link
 * LineCoverage} says for the pixel rule: by the length of line inside the cell, in cell units
 * (EXACT), or 1 for each cell GDAL's rasterizer burns (CENTER) or the line touches (ALL_TOUCHED). A
 * cell beyond the raster, or holding nodata, adds its weight to the missing weight.
 */
final class LineReader {

  private LineReader() {}

  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      Geometry pixels,
      PixelRule rule,
      CellAccumulator values) {
    return read(raster, bandNumber, band, pixels, rule, CellRules.NONE, values);
  }

  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      Geometry pixels,
      PixelRule rule,
      CellRules cellRules,
      CellAccumulator values) {
    return read(raster, bandNumber, band, pixels, rule, cellRules, null, values);
  }

  /**
   * @param weights the weights each cell's length is multiplied by, or null for none
   */
  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      Geometry pixels,
      PixelRule rule,
      CellRules cellRules,
      CellWeights weights,
      CellAccumulator values) {
    return read(
        raster,
        bandNumber,
        band,
        LineCoverage.compute(pixels, rule),
        null,
        cellRules,
        weights,
        values);
  }

  /**
   * @param cells the line's cells and weights
   * @param own if not null, only the cells whose centre lies in this pixel-space box are read; the
   *     others are neither valid nor missing here (another tile reads them)
   * @param cellRules its default value stands for cells that hold no data; a line's weights are
   *     lengths, not coverage fractions, so the minimum coverage does not apply
   */
  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      LineCells cells,
      Envelope own,
      CellRules cellRules,
      CellAccumulator values) {
    return read(raster, bandNumber, band, cells, own, cellRules, null, values);
  }

  private static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      LineCells cells,
      Envelope own,
      CellRules cellRules,
      CellWeights weights,
      CellAccumulator values) {
    int width = raster.grid().width();
    int height = raster.grid().height();
    // One cell is read at a time: a line's cells are scattered along it, and the tile cache makes
    // the
    // neighbours' reads cheap.
    CellWindow cell = new CellWindow(new Layer(null, raster, bandNumber, band), 1);
    double valid = 0;
    double missing = 0;
    double nodata = 0;
    long validCells = 0;
    long unweighted = 0;
    for (int i = 0; i < cells.size(); i++) {
      int r = cells.row(i);
      int c = cells.col(i);
      double w = cells.weight(i);
      if (own != null && !own.contains(c + 0.5, r + 0.5)) {
        continue;
      }
      if (w <= 0) {
        continue;
      }
      if (r < 0 || c < 0 || r >= height || c >= width) {
        missing += w;
        continue;
      }
      Window window = Window.of(c, r, 1, 1);
      cell.read(window);
      boolean holdsData = cell.holdsData(0);
      if (!holdsData && !cellRules.fillsNodata()) {
        missing += w;
        nodata += w;
        continue;
      }
      double weighted = w;
      if (weights != null) {
        weights.read(window);
        weighted *= weights.weight(0);
      }
      if (Double.isNaN(weighted)) {
        unweighted++;
      } else if (holdsData) {
        cell.addTo(values, 0, weighted);
      } else {
        values.add(cellRules.defaultValue(), weighted);
      }
      valid += w;
      validCells++;
    }
    return new Measurement(values, valid, missing, validCells, nodata, unweighted);
  }
}
