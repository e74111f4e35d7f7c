package dev.terrace.engine.internal.extract;

import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the cells under points (already in pixel space): the cell containing each point ({@code
 * nearest}), or the bilinear interpolation of the four cell centres around it. A point outside the
 * raster, or whose cells hold nodata, adds nothing and counts as missing.
 */
final class PointReader {

  private PointReader() {}

  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      Geometry pixels,
      boolean bilinear,
      CellAccumulator values) {
    return read(raster, bandNumber, band, pixels, bilinear, CellRules.NONE, values);
  }

  /**
   * @param cellRules its default value stands for the cell under a point inside the raster that
   *     holds no data
   */
  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      Geometry pixels,
      boolean bilinear,
      CellRules cellRules,
      CellAccumulator values) {
    return read(raster, bandNumber, band, pixels, bilinear, cellRules, null, values);
  }

  /**
   * @param weights the weights each point's value is weighted by — the weight of the cell under it
   *     — or null for none
   */
  static Measurement read(
      RasterSource raster,
      int bandNumber,
      Band band,
      Geometry pixels,
      boolean bilinear,
      CellRules cellRules,
      CellWeights weights,
      CellAccumulator values) {
    double valid = 0;
    double missing = 0;
    double nodata = 0;
    long unweighted = 0;
    for (Coordinate c : pixels.getCoordinates()) {
      double weight = weights == null ? 1 : weightAt(weights, raster, c.x, c.y);
      // A point without a weight is read and counted as any other, but enters the statistic with
      // weight 0,
      // which the accumulator ignores; the statistic then has no value.
      boolean noWeight = Double.isNaN(weight);
      double w = noWeight ? 0 : weight;
      boolean found;
      if (bilinear) {
        double v = bilinear(raster, bandNumber, band, c.x, c.y);
        found = !Double.isNaN(v);
        if (found) {
          values.add(v, w);
        }
      } else {
        found = addNearest(raster, bandNumber, band, c.x, c.y, w, values);
      }
      if (!found && inside(raster, c.x, c.y) && cellRules.fillsNodata()) {
        values.add(cellRules.defaultValue(), w);
        found = true;
      }
      if (found) {
        valid++;
        unweighted += noWeight ? 1 : 0;
      } else {
        missing++;
        nodata += inside(raster, c.x, c.y) ? 1 : 0;
      }
    }
    return new Measurement(values, valid, missing, (long) valid, nodata, unweighted);
  }

  /**
   * @return the weight of the cell under (col, row), NaN when it has none or lies beyond the raster
   */
  private static double weightAt(CellWeights weights, RasterSource raster, double col, double row) {
    if (!inside(raster, col, row)) {
      return Double.NaN;
    }
    weights.read(Window.of((int) Math.floor(col), (int) Math.floor(row), 1, 1));
    return weights.weight(0);
  }

  /**
   * @return whether (col, row) lies on a cell of the raster
   */
  static boolean inside(RasterSource raster, double col, double row) {
    return col >= 0 && row >= 0 && col < raster.grid().width() && row < raster.grid().height();
  }

  /**
   * Adds the cell containing (col, row) to the accumulator, exactly for 64-bit integers ({@link
   * CellWindow#addTo}).
   *
   * @return whether it held data (false for nodata and outside)
   */
  private static boolean addNearest(
      RasterSource raster,
      int bandNumber,
      Band band,
      double col,
      double row,
      double weight,
      CellAccumulator values) {
    double c = Math.floor(col);
    double r = Math.floor(row);
    if (!(c >= 0 && r >= 0 && c < raster.grid().width() && r < raster.grid().height())) {
      return false;
    }
    CellWindow cell = new CellWindow(new Layer(null, raster, bandNumber, band), 1);
    cell.read(Window.of((int) c, (int) r, 1, 1));
    if (!cell.holdsData(0)) {
      return false;
    }
    cell.addTo(values, 0, weight);
    return true;
  }

  /**
   * @return the physical value of the cell containing (col, row), or NaN for nodata or outside
   */
  static double nearest(RasterSource raster, int bandNumber, Band band, double col, double row) {
    double c = Math.floor(col);
    double r = Math.floor(row);
    if (!(c >= 0 && r >= 0 && c < raster.grid().width() && r < raster.grid().height())) {
      return Double.NaN;
    }
    CellWindow cell = new CellWindow(new Layer(null, raster, bandNumber, band), 1);
    cell.read(Window.of((int) c, (int) r, 1, 1));
    return cell.value(0);
  }

  /**
   * Interpolates between the four cell centres around the point; near the edge, or next to nodata,
   * it falls back to the nearest cell, as GDAL's bilinear sampling does for the missing neighbours'
   * weights.
   */
  private static double bilinear(
      RasterSource raster, int bandNumber, Band band, double col, double row) {
    double x = col - 0.5;
    double y = row - 0.5;
    int c0 = (int) Math.floor(x);
    int r0 = (int) Math.floor(y);
    if (c0 < 0 || r0 < 0 || c0 + 1 >= raster.grid().width() || r0 + 1 >= raster.grid().height()) {
      return nearest(raster, bandNumber, band, col, row);
    }
    CellWindow cells = new CellWindow(new Layer(null, raster, bandNumber, band), 4);
    cells.read(Window.of(c0, r0, 2, 2));
    double fx = x - c0;
    double fy = y - r0;
    double[] w = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < 4; i++) {
      double v = cells.value(i);
      if (!Double.isNaN(v)) {
        sum += w[i] * v;
        weight += w[i];
      }
    }
    return weight > 0 ? sum / weight : Double.NaN;
  }
}
