package dev.terrace.engine.internal.extract;

import dev.terrace.api.ExtractResult;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * Reads a batch of single points from one slice of a dataset grouped by the block (tile or strip)
 * each falls in: every block is read once, as one window, however many points share it and however
 * small the tile cache is. Points in input order would decode popular tiles over and over once the
 * raster outgrows the cache.
 */
final class PointBatch {

  private final CatalogDataset dataset;
  private final Layer layer;
  private final ResultValues values;
  private final CellRules cellRules;
  private final Results results;

  /**
   * @param layer the slice of the dataset to read
   * @param values what each point's accumulator is
   * @param cellRules the default value a cell without data reads, if any
   * @param results where each point's reading is described
   */
  PointBatch(
      CatalogDataset dataset,
      Layer layer,
      ResultValues values,
      CellRules cellRules,
      Results results) {
    this.dataset = dataset;
    this.layer = layer;
    this.values = values;
    this.cellRules = cellRules;
    this.results = results;
  }

  /**
   * @param points the points, in the request's CRS
   * @return one result per point, in input order
   */
  ExtractResult[] read(List<Coordinate> points, CoordinateReferenceSystem crs, int concurrency) {
    ExtractResult[] out = new ExtractResult[points.size()];
    RasterSource raster = layer.raster();
    Grid grid = raster.grid();
    PixelLocator locator = new PixelLocator(grid, crs);
    int n = points.size();
    double[] col = new double[n];
    double[] row = new double[n];
    long[] order = new long[n];
    Blocks blocks = Blocks.of(raster);
    for (int i = 0; i < n; i++) {
      double[] p = pixel(locator, points.get(i));
      col[i] = p[0];
      row[i] = p[1];
      order[i] = blocks.at(p[0], p[1]) << 32 | i;
    }
    Arrays.sort(order);
    List<int[]> runs = new ArrayList<>();
    for (int s = 0; s < n; ) {
      int e = s;
      while (e < n && order[e] >>> 32 == order[s] >>> 32) {
        e++;
      }
      runs.add(new int[] {s, e});
      s = e;
    }
    // A block's window is as large as a decoded tile (a megabyte of samples, say): each thread
    // reads its blocks into one reused window rather than allocating one per block, which with
    // tiles this size are humongous objects the garbage collector handles slowly.
    Queue<CellWindow> idle = new ConcurrentLinkedQueue<>();
    Parallel.map(
        runs,
        concurrency,
        run -> {
          CellWindow polled = idle.poll();
          CellWindow cells = polled != null ? polled : new CellWindow(layer, 0);
          readRun(run, order, col, row, out, blocks, cells);
          idle.add(cells);
          return null;
        });
    return out;
  }

  /** A point the CRS cannot project (outside its domain) is outside every raster: NaN. */
  private static double[] pixel(PixelLocator locator, Coordinate c) {
    try {
      return locator.pixel(c.x, c.y);
    } catch (Proj4jException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /**
   * @param reused where the run's block is read, whatever it held before
   */
  private void readRun(
      int[] run,
      long[] order,
      double[] col,
      double[] row,
      ExtractResult[] out,
      Blocks blocks,
      CellWindow reused) {
    long start = System.nanoTime();
    Grid grid = layer.raster().grid();
    long block = order[run[0]] >>> 32;
    CellWindow cells = null;
    Window window = null;
    if (block != Blocks.OUTSIDE) {
      window = blocks.window(block);
      cells = reused;
      try {
        cells.read(window);
      } catch (RasterIoException | RasterFormatException e) {
        for (int k = run[0]; k < run[1]; k++) {
          out[(int) order[k]] = results.failed(dataset, layer.time(), e, start);
        }
        return;
      }
    }
    for (int k = run[0]; k < run[1]; k++) {
      int i = (int) order[k];
      CellAccumulator accumulator = values.accumulator();
      Measurement m;
      if (cells == null) {
        m = new Measurement(accumulator, 0, 1, 0, 0);
      } else {
        int index = ((int) row[i] - window.row()) * window.width() + (int) col[i] - window.col();
        if (cells.holdsData(index)) {
          cells.addTo(accumulator, index, 1);
          m = new Measurement(accumulator, 1, 0, 1, 0);
        } else if (cellRules.fillsNodata()) {
          accumulator.add(cellRules.defaultValue(), 1);
          m = new Measurement(accumulator, 1, 0, 1, 0);
        } else {
          m = new Measurement(accumulator, 0, 1, 0, 1);
        }
      }
      out[i] = results.measured(dataset, layer, grid, m, col[i], row[i], start);
    }
  }
}
