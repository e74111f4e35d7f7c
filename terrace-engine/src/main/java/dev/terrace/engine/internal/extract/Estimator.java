package dev.terrace.engine.internal.extract;

import dev.terrace.api.DatasetEstimate;
import dev.terrace.api.Estimate;
import dev.terrace.api.ExtractionRate;
import dev.terrace.api.LimitCheck;
import dev.terrace.api.Operation;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.UnreadableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * What a validated {@code extract} or {@code extract.batch} would read, from the rasters' headers
 * alone: for each dataset the blocks its geometries touch (each counted once, however many
 * geometries touch it, as the block cache reads it once), their stored bytes from the file's block
 * index, and the cells the pixel budget counts; then every limit, and a duration at the rate the
 * engine has measured on itself. No block is fetched or decoded.
 */
final class Estimator {

  /**
   * A block's pixel-space box is shrunk by this much before it is tested against a geometry, so
   * that a polygon whose edge runs along a block's border does not count the neighbouring block, of
   * which it covers no cell.
   */
  private static final double INSET = 1e-9;

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final Limits limits;
  private final ExtractionRate rate;
  private final List<String> warnings = new ArrayList<>();

  private Estimator(Limits limits, ExtractionRate rate) {
    this.limits = limits;
    this.rate = rate;
  }

  /**
   * @param operation the operation estimated
   * @param requested the geometries in the request, valid or not
   * @param geometries the geometries that would be read
   * @param datasetIds the dataset ids as requested
   * @param datasets the datasets, in request order
   * @param crs the geometries' CRS
   * @param window the timestamps read from time series
   * @param skipped warnings for geometries that would fail their own entry and read nothing
   */
  static Estimate estimate(
      Operation operation,
      int requested,
      List<RequestGeometry> geometries,
      int datasetIds,
      List<CatalogDataset> datasets,
      CoordinateReferenceSystem crs,
      TimeWindow window,
      List<String> skipped,
      Limits limits,
      ExtractionRate rate) {
    Estimator e = new Estimator(limits, rate);
    e.warnings.addAll(skipped);
    List<DatasetEstimate> each = new ArrayList<>(datasets.size());
    for (CatalogDataset d : datasets) {
      each.add(e.dataset(d, geometries, crs, window));
    }
    return e.total(operation, requested, geometries, datasetIds, each);
  }

  private Estimate total(
      Operation operation,
      int requested,
      List<RequestGeometry> geometries,
      int datasetIds,
      List<DatasetEstimate> each) {
    long[] tiles = new long[2];
    long[] bytes = new long[2];
    long cells = 0;
    for (DatasetEstimate d : each) {
      int where = d.remote() ? 1 : 0;
      tiles[where] += d.tiles() == null ? 0 : d.tiles();
      bytes[where] += d.bytes() == null ? 0 : d.bytes();
      cells += d.cells() == null ? 0 : d.cells();
    }
    int vertices = geometries.stream().mapToInt(RequestGeometry::vertices).max().orElse(0);
    List<LimitCheck> checks =
        List.of(
            LimitCheck.of("geometries", requested, limits.maxGeometries()),
            LimitCheck.of("datasets", datasetIds, limits.maxDatasets()),
            LimitCheck.of("vertices", vertices, limits.maxVertices()),
            LimitCheck.of("cells", cells, limits.maxCells()));
    return new Estimate(
        operation,
        requested,
        each,
        tiles[0] + tiles[1],
        bytes[0] + bytes[1],
        tiles[0],
        tiles[1],
        bytes[0],
        bytes[1],
        cells,
        checks,
        checks.stream().allMatch(LimitCheck::holds),
        cells / rate.cellsPerSecond(),
        rate,
        warnings);
  }

  /**
   * One dataset: its first timestamp's raster stands for every timestamp, whose files share a grid
   * and tiling.
   */
  private DatasetEstimate dataset(
      CatalogDataset d,
      List<RequestGeometry> geometries,
      CoordinateReferenceSystem crs,
      TimeWindow window) {
    if (d.isMosaic()) {
      warnings.add(d.id() + " is a mosaic of files; its reads are not counted");
      return new DatasetEstimate(d.id(), 1, false, null, null, null);
    }
    int timestamps;
    RasterSource raster;
    PixelLocator locator;
    try {
      timestamps = d.steps(window.from(), window.to()).size();
      raster = d.raster();
      locator = new PixelLocator(raster.grid(), crs);
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      warnings.add(
          d.id() + " cannot be opened (" + e.getMessage() + "); its reads are not counted");
      return new DatasetEstimate(d.id(), 0, d.remote(), null, null, null);
    }
    Grid grid = raster.grid();
    long cells = 0;
    Set<Long> blocks = new HashSet<>();
    for (RequestGeometry g : geometries) {
      Geometry pixels = UpFrontBudget.pixels(locator, g.geometry());
      if (pixels == null) {
        continue;
      }
      if (g.kind() == RequestGeometry.Kind.POINTS) {
        pointBlocks(pixels, grid, raster, blocks);
      } else {
        cells += PixelBudget.cells(pixels.getEnvelopeInternal(), grid);
        areaBlocks(pixels, grid, raster, blocks);
      }
    }
    Long bytes = bytes(blocks, raster, d);
    return new DatasetEstimate(
        d.id(),
        timestamps,
        d.remote(),
        (long) blocks.size() * timestamps,
        bytes == null ? null : bytes * timestamps,
        cells * timestamps);
  }

  /** The block of the cell each point falls in. */
  private static void pointBlocks(Geometry pixels, Grid grid, RasterSource raster, Set<Long> out) {
    for (Coordinate c : pixels.getCoordinates()) {
      if (c.x >= 0 && c.y >= 0 && c.x < grid.width() && c.y < grid.height()) {
        out.add(key((int) c.y / raster.blockHeight(), (int) c.x / raster.blockWidth()));
      }
    }
  }

  /** The blocks inside the geometry's window whose cells it covers, tested one by one. */
  private static void areaBlocks(Geometry pixels, Grid grid, RasterSource raster, Set<Long> out) {
    Envelope e =
        pixels.getEnvelopeInternal().intersection(new Envelope(0, grid.width(), 0, grid.height()));
    if (e.isNull()) {
      return;
    }
    int bw = raster.blockWidth();
    int bh = raster.blockHeight();
    int c0 = (int) (e.getMinX() / bw);
    int c1 = Math.min((int) Math.ceil(e.getMaxX() / bw), ceilDiv(grid.width(), bw)) - 1;
    int r0 = (int) (e.getMinY() / bh);
    int r1 = Math.min((int) Math.ceil(e.getMaxY() / bh), ceilDiv(grid.height(), bh)) - 1;
    PreparedGeometry prepared =
        c0 == c1 && r0 == r1 ? null : PreparedGeometryFactory.prepare(pixels);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        if (prepared == null || prepared.intersects(box(c, r, bw, bh))) {
          out.add(key(r, c));
        }
      }
    }
  }

  private static Geometry box(int col, int row, int bw, int bh) {
    return FACTORY.toGeometry(
        new Envelope(
            (double) col * bw + INSET,
            (double) (col + 1) * bw - INSET,
            (double) row * bh + INSET,
            (double) (row + 1) * bh - INSET));
  }

  /** The blocks' stored bytes, or null when the format keeps no index of them. */
  private Long bytes(Set<Long> blocks, RasterSource raster, CatalogDataset d) {
    long sum = 0;
    for (long k : blocks) {
      OptionalLong b;
      try {
        b = raster.storedBlockBytes((int) (k >>> 32), (int) k, d.bandNumber());
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (b.isEmpty()) {
        return null;
      }
      sum += b.getAsLong();
    }
    return sum;
  }

  private static long key(int row, int col) {
    return ((long) row << 32) | (col & 0xffffffffL);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
