package dev.terrace.engine.internal.extract;

import dev.terrace.api.Cell;
import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.coverage.Coverage;
import dev.terrace.engine.internal.coverage.LineCells;
import dev.terrace.engine.internal.coverage.LineCoverage;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the covered cells themselves, for the {@code cells} aggregation, with the cells and weights
 * the summary readers use: a polygon's coverage ({@link Coverage#visit}, {@code min_coverage_frac}
 * applying), a line's cells ({@link LineCoverage}), the cell under each point. A cell that holds no
 * data is left out — its weight missing, as for any statistic — unless {@code default_value} stands
 * for it. Cells come in row-major order.
 *
 * <p>Several points in one cell make one cell whose coverage is their number, as {@code count}
 * would weigh them; a point reads the cell it lies in whatever the interpolation, since a cell is
 * what is returned.
 */
final class CellsReader {

  /**
   * Why a dataset read as a mosaic (tiles, STAC items) answers {@code cells} with no value: its
   * cells' rows and columns would be a tile's or an item's, not the dataset's, and one geometry's
   * cells would come from several rasters.
   */
  static final String NOT_TILED =
      "aggregation cells is not available for a dataset read as a mosaic (cog_tiles, stac):"
          + " a cell's row and column would be those of one tile or item; use a summary statistic";

  private static final Comparator<Cell> ROW_MAJOR =
      Comparator.comparingLong(Cell::row).thenComparingLong(Cell::col);

  private final PixelRule rule;
  private final CellRules rules;
  private final CellCentres centres;

  /**
   * @param rule which cells a polygon or line covers
   * @param rules the request's minimum coverage and default value
   * @param centres where the cells of the grid read are
   */
  CellsReader(PixelRule rule, CellRules rules, CellCentres centres) {
    this.rule = rule;
    this.rules = rules;
    this.centres = centres;
  }

  /**
   * @param layers rasters sharing one grid, the timestamps of a series; a polygon's coverage is
   *     computed once
   * @param pixels the geometry in the grid's pixel space
   * @param kind what the geometry is
   * @return one measurement per layer, carrying its cells
   */
  Measurement[] read(List<Layer> layers, Geometry pixels, RequestGeometry.Kind kind) {
    if (kind == RequestGeometry.Kind.AREAS) {
      return areas(layers, pixels);
    }
    Measurement[] out = new Measurement[layers.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          kind == RequestGeometry.Kind.POINTS
              ? points(layers.get(i), pixels)
              : line(layers.get(i), pixels);
    }
    return out;
  }

  private Measurement[] areas(List<Layer> layers, Geometry pixels) {
    Grid grid = layers.get(0).raster().grid();
    Found[] found = new Found[layers.size()];
    Arrays.setAll(found, i -> new Found());
    int[] blockStart = new int[found.length];
    AreaReader.sweep(
        layers,
        pixels,
        rule,
        (block, c0, cols, window, cells) -> {
          double[] fractions = block.fractions();
          for (int i = 0; i < found.length; i++) {
            if (c0 == 0) {
              blockStart[i] = found[i].cells.size();
            }
            for (int r = 0; r < block.height(); r++) {
              for (int c = 0; c < cols; c++) {
                double w = fractions[r * block.width() + c0 + c];
                if (w > 0 && w >= rules.minCoverage()) {
                  take(found[i], cells[i], r * cols + c, block.row() + r, block.col() + c0 + c, w);
                }
              }
            }
            if (c0 + cols == block.width() && c0 > 0) {
              // Read a slice of columns at a time, a block's cells came slice after slice, not row
              // after row.
              found[i].cells.subList(blockStart[i], found[i].cells.size()).sort(ROW_MAJOR);
            }
          }
        });
    double outside = AreaReader.areaOutside(pixels, grid.width(), grid.height());
    Measurement[] out = new Measurement[found.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = found[i].measurement(outside);
    }
    return out;
  }

  /** A line's weights are lengths, not coverage fractions: the minimum coverage does not apply. */
  private Measurement line(Layer layer, Geometry pixels) {
    Grid grid = layer.raster().grid();
    LineCells line = LineCoverage.compute(pixels, rule);
    // One cell is read at a time, as LineReader does: a line's cells are scattered along it.
    CellWindow cell = new CellWindow(layer, 1);
    Found found = new Found();
    double outside = 0;
    for (int i = 0; i < line.size(); i++) {
      int r = line.row(i);
      int c = line.col(i);
      double w = line.weight(i);
      if (w <= 0) {
        continue;
      }
      if (r < 0 || c < 0 || r >= grid.height() || c >= grid.width()) {
        outside += w;
        continue;
      }
      cell.read(Window.of(c, r, 1, 1));
      take(found, cell, 0, r, c, w);
    }
    found.cells.sort(ROW_MAJOR);
    return found.measurement(outside);
  }

  private Measurement points(Layer layer, Geometry pixels) {
    Grid grid = layer.raster().grid();
    List<int[]> inside = new ArrayList<>();
    double outside = 0;
    for (Coordinate p : pixels.getCoordinates()) {
      double c = Math.floor(p.x);
      double r = Math.floor(p.y);
      if (c >= 0 && r >= 0 && c < grid.width() && r < grid.height()) {
        inside.add(new int[] {(int) r, (int) c});
      } else {
        outside++;
      }
    }
    inside.sort(Comparator.<int[]>comparingInt(rc -> rc[0]).thenComparingInt(rc -> rc[1]));
    CellWindow cell = new CellWindow(layer, 1);
    Found found = new Found();
    for (int s = 0; s < inside.size(); ) {
      int[] rc = inside.get(s);
      int e = s + 1;
      while (e < inside.size() && inside.get(e)[0] == rc[0] && inside.get(e)[1] == rc[1]) {
        e++;
      }
      cell.read(Window.of(rc[1], rc[0], 1, 1));
      take(found, cell, 0, rc[0], rc[1], e - s);
      s = e;
    }
    return found.measurement(outside);
  }

  /**
   * Keeps a covered cell that holds data, or that {@code default_value} fills; otherwise its weight
   * is missing.
   */
  private void take(Found found, CellWindow cells, int index, int row, int col, double weight) {
    double value;
    if (cells.holdsData(index)) {
      value = cells.value(index);
    } else if (rules.fillsNodata()) {
      value = rules.defaultValue();
    } else {
      found.nodata += weight;
      return;
    }
    found.cells.add(centres.cell(row, col, value, weight));
    found.valid += weight;
  }

  /** One layer's cells so far, and the weights the coverage fraction and quality are judged on. */
  private static final class Found {
    final List<Cell> cells = new ArrayList<>();
    double valid;

    /** Weight on cells inside the raster that hold no data. */
    double nodata;

    /**
     * @param outside the weight beyond the raster's edge, missing but not nodata
     */
    Measurement measurement(double outside) {
      return Measurement.ofCells(cells, valid, nodata + outside, nodata);
    }
  }
}
