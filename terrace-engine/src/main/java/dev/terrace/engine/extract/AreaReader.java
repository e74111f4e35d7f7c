package dev.terrace.engine.extract;

import dev.terrace.engine.coverage.Coverage;
import dev.terrace.engine.coverage.CoverageBlock;
import dev.terrace.engine.coverage.PixelRule;
import dev.terrace.engine.raster.Band;
import dev.terrace.engine.raster.RasterSource;
import dev.terrace.engine.raster.SampleType;
import dev.terrace.engine.raster.Samples;
import dev.terrace.engine.raster.Window;
import dev.terrace.engine.stats.CellAccumulator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Summarises the cells a polygon covers: coverage is computed block by block (a few hundred rows at a time),
 * each block's window is read into one reused array, and every covered cell with a value enters the
 * accumulator with its coverage as weight. Memory stays bounded whatever the polygon's size.
 */
final class AreaReader {

  static final int ROWS_PER_BLOCK = 256;

  private AreaReader() {}

  static Measurement read(RasterSource raster, int bandNumber, Band band, Geometry pixels, PixelRule rule,
      CellAccumulator values) {
    int width = raster.grid().width();
    int height = raster.grid().height();
    SampleType type = band.type();
    boolean rescale = band.scale() != 1 || band.offset() != 0;
    double[] weights = new double[2];
    long[] validCells = new long[1];
    Object[] buffer = {null};
    Coverage.visit(pixels, width, height, rule, ROWS_PER_BLOCK, (CoverageBlock block) -> {
      int cells = block.size();
      if (buffer[0] == null || java.lang.reflect.Array.getLength(buffer[0]) < cells) {
        buffer[0] = Samples.allocate(type, cells);
      }
      raster.readInto(Window.of(block.col(), block.row(), block.width(), block.height()), bandNumber, buffer[0]);
      double[] fractions = block.fractions();
      for (int i = 0; i < cells; i++) {
        double w = fractions[i];
        if (w <= 0) {
          continue;
        }
        double v = Samples.get(type, buffer[0], i);
        if (band.isNodata(v)) {
          weights[1] += w;
        } else {
          values.add(rescale ? band.physical(v) : v, w);
          weights[0] += w;
          validCells[0]++;
        }
      }
    });
    double outside = areaOutside(pixels, width, height);
    return new Measurement(values, weights[0], weights[1] + outside, validCells[0]);
  }

  /** The part of the polygon beyond the raster's edge counts as missing data, in cells. */
  private static double areaOutside(Geometry pixels, int width, int height) {
    Envelope raster = new Envelope(0, width, 0, height);
    if (raster.contains(pixels.getEnvelopeInternal())) {
      return 0;
    }
    Geometry inside = pixels.intersection(new GeometryFactory().toGeometry(raster));
    return Math.max(0, pixels.getArea() - inside.getArea());
  }
}
