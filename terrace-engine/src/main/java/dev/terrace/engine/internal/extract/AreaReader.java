package dev.terrace.engine.internal.extract;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.coverage.Coverage;
import dev.terrace.engine.internal.coverage.CoverageBlock;
import dev.terrace.engine.internal.coverage.CoverageVisitor;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Summarises the cells a polygon covers: coverage is computed block by block (a few hundred rows at
 * a time), each block's window is read into one reused array, and every covered cell with a value
 * enters the accumulator with its coverage as weight. Memory stays bounded whatever the polygon's
 * size.
 */
final class AreaReader {

  /** Coverage is swept this many rows at a time: 20 MB of fractions for a 20 000-column polygon. */
  static final int ROWS_PER_BLOCK = 128;

  /**
   * Each coverage block is read this many columns at a time, so that the tiles one read decodes
   * before the cache can take them stay few, whatever the polygon's width.
   */
  static final int COLUMNS_PER_READ = 2048;

  private AreaReader() {}

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
    return read(
        List.of(new Layer(null, raster, bandNumber, band)),
        pixels,
        rule,
        cellRules,
        new CellAccumulator[] {values})[0];
  }

  static Measurement[] read(
      List<Layer> layers, Geometry pixels, PixelRule rule, CellAccumulator[] values) {
    return read(layers, pixels, rule, CellRules.NONE, values);
  }

  /**
   * Reads several layers on the same grid — the timestamps of a series — with the coverage computed
   * once: each block of coverage is applied to every layer before the next block is swept.
   *
   * @param layers rasters sharing one grid
   * @param cellRules the request's minimum coverage and default value
   * @param values one accumulator per layer, in the same order
   * @return one measurement per layer
   */
  static Measurement[] read(
      List<Layer> layers,
      Geometry pixels,
      PixelRule rule,
      CellRules cellRules,
      CellAccumulator[] values) {
    return read(layers, pixels, rule, cellRules, null, values);
  }

  /**
   * {@link #read(List, Geometry, PixelRule, CellRules, CellAccumulator[])} with cells weighted
   * beyond their coverage.
   *
   * @param weights what each covered cell weighs in the accumulators, or null for its coverage
   *     alone; the measurement's valid and missing weights stay coverage
   */
  static Measurement[] read(
      List<Layer> layers,
      Geometry pixels,
      PixelRule rule,
      CellRules cellRules,
      CellWeights weights,
      CellAccumulator[] values) {
    RasterSource raster = layers.get(0).raster();
    Grid grid = raster.grid();
    Measurement[] out = new Measurement[layers.size()];
    Arrays.setAll(out, i -> new Measurement(values[i], 0, 0, 0, 0));
    Envelope e = pixels.getEnvelopeInternal();
    Blocks blocks = Blocks.of(raster);
    Blocks.Range range =
        e.isNull() ? null : blocks.reaching(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    for (long b : range == null ? List.<Long>of() : blocks.numbers(range)) {
      CellAccumulator[] block = new CellAccumulator[values.length];
      Arrays.setAll(block, i -> values[i].emptyCopy());
      Measurement[] m =
          readWindow(layers, pixels, rule, cellRules, weights, block, blocks.window(b));
      for (int i = 0; i < m.length; i++) {
        // Into the caller's accumulators, which may hold cells already (the tiles of a grid).
        out[i] = out[i].plus(m[i]);
      }
    }
    double outside = areaOutside(pixels, grid.width(), grid.height());
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i].plusMissing(outside);
    }
    return out;
  }

  /**
   * {@link #read(List, Geometry, PixelRule, CellRules, CellWeights, CellAccumulator[])} of the
   * cells of one window, each with the coverage the whole polygon gives it, and nothing of the area
   * beyond the raster's edge: one block's share of a polygon. A polygon is read block by block, its
   * blocks' statistics merged in block order and the area beyond the edge added last, so that a
   * polygon read in parts — each part a block, perhaps on another machine — merges to the answer it
   * gets read whole, to the bit.
   *
   * @param only the cells read
   */
  static Measurement[] readWindow(
      List<Layer> layers,
      Geometry pixels,
      PixelRule rule,
      CellRules cellRules,
      CellWeights weights,
      CellAccumulator[] values,
      Window only) {
    Tally[] tallies = new Tally[layers.size()];
    for (int i = 0; i < tallies.length; i++) {
      tallies[i] = new Tally(values[i], cellRules, weights);
    }
    sweep(
        layers,
        pixels,
        rule,
        only,
        (block, c0, cols, window, cells) -> {
          if (weights != null) {
            weights.read(window);
          }
          for (int i = 0; i < tallies.length; i++) {
            tallies[i].add(block, c0, cols, cells[i]);
          }
        });
    Measurement[] out = new Measurement[tallies.length];
    for (int i = 0; i < out.length; i++) {
      Tally t = tallies[i];
      out[i] =
          new Measurement(
              values[i],
              t.valid,
              t.missing,
              t.validCells,
              t.weights == null ? t.missing : t.nodata,
              t.unweighted);
    }
    return out;
  }

  /**
   * What is done with each window of a polygon's coverage, once every layer's cells of it are read.
   */
  interface WindowVisitor {
    /**
     * @param block the block of coverage the window belongs to
     * @param c0 the window's first column within the block
     * @param cols the window's width
     * @param window the window, in the grid
     * @param cells each layer's cells of the window, indexed row-major from 0
     */
    void visit(CoverageBlock block, int c0, int cols, Window window, CellWindow[] cells);
  }

  /**
   * Computes a polygon's coverage block by block (a few hundred rows at a time) and reads each
   * block's cells for every layer, {@link #COLUMNS_PER_READ} columns at a time, into arrays reused
   * from window to window.
   *
   * @param layers rasters sharing one grid
   */
  static void sweep(List<Layer> layers, Geometry pixels, PixelRule rule, WindowVisitor visitor) {
    sweep(layers, pixels, rule, null, visitor);
  }

  /**
   * {@link #sweep(List, Geometry, PixelRule, WindowVisitor)} over the cells of one window only.
   *
   * @param only the cells swept, or null for all the polygon covers
   */
  static void sweep(
      List<Layer> layers, Geometry pixels, PixelRule rule, Window only, WindowVisitor visitor) {
    Grid grid = layers.get(0).raster().grid();
    // Sized to the polygon, not to the largest read: most polygons are small, and a full-size
    // buffer for each
    // was a quarter of all the memory a batch of them allocated.
    CellWindow[] cells = new CellWindow[layers.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = new CellWindow(layers.get(i), readCells(pixels.getEnvelopeInternal()));
    }
    CoverageVisitor blocks =
        (CoverageBlock block) -> {
          for (int c0 = 0; c0 < block.width(); c0 += COLUMNS_PER_READ) {
            int cols = Math.min(COLUMNS_PER_READ, block.width() - c0);
            Window window = Window.of(block.col() + c0, block.row(), cols, block.height());
            for (CellWindow c : cells) {
              c.read(window);
            }
            visitor.visit(block, c0, cols, window, cells);
          }
        };
    if (only == null) {
      Coverage.visit(pixels, grid.width(), grid.height(), rule, ROWS_PER_BLOCK, blocks);
    } else {
      Coverage.visit(pixels, grid.width(), grid.height(), rule, ROWS_PER_BLOCK, only, blocks);
    }
  }

  /**
   * The cells of the largest read a polygon with this pixel envelope needs, with a cell to spare
   * each way.
   */
  static int readCells(Envelope e) {
    if (e.isNull()) {
      return 1;
    }
    long cols = Math.min(COLUMNS_PER_READ, (long) Math.ceil(e.getWidth()) + 3);
    long rows = Math.min(ROWS_PER_BLOCK, (long) Math.ceil(e.getHeight()) + 3);
    return (int) (cols * rows);
  }

  /** Folds covered cells into the accumulator and keeps the valid and missing weights. */
  private static final class Tally {
    private final CellAccumulator values;

    /**
     * Null when the request sets neither option, so that the plain loops run as they did without
     * them.
     */
    private final CellRules rules;

    /** Null when cells weigh their coverage alone, likewise. */
    final CellWeights weights;

    double valid;
    double missing;
    long validCells;

    /**
     * Under {@link #weights}: the weight of covered cells without data, in the accumulators' units.
     */
    double nodata;

    long unweighted;

    Tally(CellAccumulator values, CellRules rules, CellWeights weights) {
      this.values = values;
      this.rules = rules.isNone() ? null : rules;
      this.weights = weights;
    }

    /**
     * @param cells the window's cells, {@code cols} wide, starting at column {@code c0} of the
     *     block
     */
    void add(CoverageBlock block, int c0, int cols, CellWindow cells) {
      if (weights != null) {
        addWeighted(block, c0, cols, cells);
        return;
      }
      if (rules != null) {
        addWithRules(block, c0, cols, cells);
        return;
      }
      if (cells.integers()) {
        addIntegers(block, c0, cols, cells);
        return;
      }
      double[] fractions = block.fractions();
      for (int r = 0; r < block.height(); r++) {
        int from = r * block.width() + c0;
        for (int c = 0; c < cols; c++) {
          double w = fractions[from + c];
          if (w <= 0) {
            continue;
          }
          double v = cells.value(r * cols + c);
          if (Double.isNaN(v)) {
            missing += w;
          } else {
            values.add(v, w);
            valid += w;
            validCells++;
          }
        }
      }
    }

    /**
     * {@link #add} for 64-bit integer cells, which go to the accumulator exactly: a loop apart, so
     * that the loop every other band runs stays as it was.
     */
    private void addIntegers(CoverageBlock block, int c0, int cols, CellWindow cells) {
      double[] fractions = block.fractions();
      for (int r = 0; r < block.height(); r++) {
        int from = r * block.width() + c0;
        for (int c = 0; c < cols; c++) {
          double w = fractions[from + c];
          if (w <= 0) {
            continue;
          }
          int index = r * cols + c;
          if (cells.holdsData(index)) {
            cells.addTo(values, index, w);
            valid += w;
            validCells++;
          } else {
            missing += w;
          }
        }
      }
    }

    /**
     * {@link #add} under {@code min_coverage_frac} and {@code default_value}: a loop apart, so that
     * requests without them pay nothing for the extra tests.
     */
    private void addWithRules(CoverageBlock block, int c0, int cols, CellWindow cells) {
      double[] fractions = block.fractions();
      double minCoverage = rules.minCoverage();
      boolean fills = rules.fillsNodata();
      double fill = rules.defaultValue();
      for (int r = 0; r < block.height(); r++) {
        int from = r * block.width() + c0;
        for (int c = 0; c < cols; c++) {
          double w = fractions[from + c];
          if (w <= 0 || w < minCoverage) {
            continue;
          }
          int index = r * cols + c;
          if (cells.holdsData(index)) {
            cells.addTo(values, index, w);
          } else if (fills) {
            values.add(fill, w);
          } else {
            missing += w;
            continue;
          }
          valid += w;
          validCells++;
        }
      }
    }

    /**
     * {@link #add} with {@code coverage_weight} or weights: each valid cell enters the accumulator
     * with its coverage as counted, times its area and its weight, while the valid and missing
     * tallies stay coverage. A loop apart, so that requests without weights pay nothing for them.
     */
    private void addWeighted(CoverageBlock block, int c0, int cols, CellWindow cells) {
      double[] fractions = block.fractions();
      double minCoverage = rules == null ? 0 : rules.minCoverage();
      boolean fills = rules != null && rules.fillsNodata();
      double fill = fills ? rules.defaultValue() : Double.NaN;
      for (int r = 0; r < block.height(); r++) {
        int from = r * block.width() + c0;
        double area = weights.area(block.row() + r);
        for (int c = 0; c < cols; c++) {
          double f = fractions[from + c];
          if (f <= 0 || f < minCoverage) {
            continue;
          }
          int index = r * cols + c;
          double counted = weights.coverage(f) * area;
          boolean holdsData = cells.holdsData(index);
          if (!holdsData && !fills) {
            missing += f;
            nodata += counted;
            continue;
          }
          double w = counted * weights.weight(index);
          if (Double.isNaN(w)) {
            unweighted++;
          } else if (holdsData) {
            cells.addTo(values, index, w);
          } else {
            values.add(fill, w);
          }
          valid += f;
          validCells++;
        }
      }
    }
  }

  /** The part of the polygon beyond the raster's edge counts as missing data, in cells. */
  static double areaOutside(Geometry pixels, int width, int height) {
    Envelope raster = new Envelope(0, width, 0, height);
    if (raster.contains(pixels.getEnvelopeInternal())) {
      return 0;
    }
    Geometry inside = pixels.intersection(new GeometryFactory().toGeometry(raster));
    return Math.max(0, pixels.getArea() - inside.getArea());
  }
}
