package dev.terrace.engine.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Interpolation;
import dev.terrace.api.Quality;
import dev.terrace.engine.catalog.CatalogDataset;
import dev.terrace.engine.coverage.PixelRule;
import dev.terrace.engine.geometry.RequestGeometry;
import dev.terrace.engine.geotiff.GeoTiff;
import dev.terrace.engine.raster.Band;
import dev.terrace.engine.raster.Grid;
import dev.terrace.engine.raster.PixelLocator;
import dev.terrace.engine.raster.RasterFormatException;
import dev.terrace.engine.raster.RasterIoException;
import dev.terrace.engine.stats.CellAccumulator;
import dev.terrace.engine.stats.StatisticRequest;
import dev.terrace.engine.tiles.TileSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * One geometry read from one dataset: project it into the raster's pixel space, measure it, and describe the
 * answer with its quality. A dataset that cannot be read yields a {@code missing} result and a warning; the
 * rest of the response stands.
 */
final class DatasetExtraction {

  private final RequestGeometry geometry;
  private final CoordinateReferenceSystem inputCrs;
  private final Aggregation aggregation;
  private final StatisticRequest statistic;
  private final dev.terrace.api.PixelRule wireRule;
  private final PixelRule rule;
  private final boolean bilinear;
  private final boolean densify;
  private final PixelBudget budget;
  private final List<String> warnings;

  /**
   * @param options the request's options: aggregation, pixel rule, interpolation, densify
   */
  DatasetExtraction(RequestGeometry geometry, CoordinateReferenceSystem inputCrs, Options options, PixelBudget budget,
      List<String> warnings) {
    this.geometry = geometry;
    this.inputCrs = inputCrs;
    this.aggregation = options.aggregation();
    this.statistic = StatisticRequest.from(aggregation);
    this.bilinear = options.interpolation() == Interpolation.BILINEAR;
    this.densify = options.densify();
    this.wireRule = options.pixelRule();
    this.rule = switch (wireRule) {
      case EXACT -> PixelRule.EXACT;
      case CENTER -> PixelRule.CENTER;
      case ALL_TOUCHED -> PixelRule.ALL_TOUCHED;
    };
    this.budget = budget;
    this.warnings = warnings;
  }

  ExtractResult run(CatalogDataset dataset) {
    if (dataset.tiles().isPresent()) {
      return tiled(dataset, dataset.tiles().get());
    }
    long start = System.nanoTime();
    GeoTiff raster;
    Band band;
    Geometry pixels;
    try {
      raster = dataset.raster();
      band = dataset.band();
      pixels = new PixelLocator(raster.grid(), inputCrs).toPixels(densify ? densified(raster.grid())
          : geometry.geometry());
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException | IllegalStateException
        | Proj4jException e) {
      // Unreadable file, missing band, degenerate geotransform, or a geometry outside the CRS's domain.
      return failed(dataset, e, start);
    }
    spend(dataset, raster.grid(), pixels);
    CellAccumulator values = accumulator();
    Measurement m;
    try {
      m = switch (geometry.kind()) {
        case POINTS -> PointReader.read(raster, dataset.bandNumber(), band, pixels, bilinear, values);
        case LINES -> LineReader.read(raster, dataset.bandNumber(), band, pixels, values);
        case AREAS -> AreaReader.read(raster, dataset.bandNumber(), band, pixels, rule, values);
      };
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
      // The last: coordinates that projected to infinity, which no cell can hold.
      return failed(dataset, e, start);
    }
    var centre = pixels.getEnvelopeInternal().centre();
    return describe(dataset, raster.grid(), m, centre.x, centre.y, start);
  }

  /** @return a fresh accumulator for the requested statistic */
  CellAccumulator accumulator() {
    return CellAccumulator.of(List.of(statistic));
  }

  /**
   * @param col fractional column where the geometry is, for the resolution of longitude/latitude grids
   * @param row fractional row, likewise
   */
  ExtractResult describe(CatalogDataset dataset, Grid grid, Measurement m, double col, double row, long start) {
    return describe(dataset, m, grid.resolutionMetres(col, row), grid.crsName(), start);
  }

  private ExtractResult describe(CatalogDataset dataset, Measurement m, Double resolutionM, String crs, long start) {
    Object value = value(m.values());
    return new ExtractResult(dataset.id(), dataset.variable(), value, dataset.units().orElse(null), aggregation,
        wireRule, quality(m, value, dataset), m.coverageFraction(), m.validCells(), resolutionM,
        null, dataset.provider(), crs, millis(start));
  }

  /**
   * The geometry with extra vertices so that no edge is longer than about one cell of the raster, for
   * requests that want edges to follow their own CRS's straight lines (great circles in lon/lat, roughly)
   * rather than the raster's.
   */
  private Geometry densified(Grid grid) {
    return densified(grid.resolutionMetres(grid.width() / 2.0, grid.height() / 2.0));
  }

  private Geometry densified(double cellMetres) {
    double step = inputCrs.isGeographic() ? cellMetres / 111_320 : cellMetres * inputCrs.getProjection().getFromMetres();
    return Densifier.densify(geometry.geometry(), step);
  }

  /** Counts the cells this read may touch against the request's budget, before reading any. */
  private void spend(CatalogDataset dataset, Grid grid, Geometry pixels) {
    Envelope e = pixels.getEnvelopeInternal().intersection(new Envelope(0, grid.width(), 0, grid.height()));
    long cells = e.isNull() ? 0 : (long) (Math.ceil(e.getWidth()) + 1) * (long) (Math.ceil(e.getHeight()) + 1);
    budget.spend(cells, dataset.id());
  }

  private Object value(CellAccumulator values) {
    Object raw = values.result(statistic);
    if (raw instanceof Map<?, ?> distribution) {
      Map<String, Double> out = new LinkedHashMap<>();
      distribution.forEach((k, v) -> out.put(classLabel((Double) k), (Double) v));
      return out;
    }
    return raw;
  }

  /** Class codes read as integers ("11", not "11.0"), as users and GDAL's attribute tables write them. */
  private static String classLabel(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static Quality quality(Measurement m, Object value, CatalogDataset dataset) {
    double fraction = m.coverageFraction();
    if (m.validCells() == 0 || fraction < 0.3) {
      return Quality.MISSING;
    }
    if (fraction < 0.8) {
      return Quality.PARTIAL;
    }
    if (value instanceof Double v && dataset.validRange().isPresent() && !dataset.categorical()) {
      List<Double> range = dataset.validRange().get();
      if (v < range.get(0) || v > range.get(1)) {
        return Quality.SUSPECT;
      }
    }
    return Quality.GOOD;
  }

  ExtractResult failed(CatalogDataset dataset, RuntimeException e, long start) {
    warnings.add(dataset.id() + ": " + e.getMessage());
    return new ExtractResult(dataset.id(), dataset.variable(), null, dataset.units().orElse(null), aggregation,
        wireRule, Quality.MISSING, 0.0, 0, null, null, dataset.provider(), null, millis(start));
  }

  /**
   * A dataset stored as a global grid of tiles: each tile the geometry reaches is read, and the answer is the
   * one a single raster of all of them would give. When no tile exists there, the catalog's resolution is
   * reported.
   */
  private ExtractResult tiled(CatalogDataset dataset, TileSet tiles) {
    long start = System.nanoTime();
    try {
      // Tiles are not open yet to say their cell size; a hundredth of a tile stands in when the catalog is silent.
      Geometry input = densify ? densified(dataset.statedResolutionM().orElse(tiles.grid().size() * 1113.2))
          : geometry.geometry();
      TiledReader.Read read = new TiledReader(tiles, dataset, (grid, pixels) -> spend(dataset, grid, pixels))
          .read(TiledReader.toLonLat(input, inputCrs), geometry.kind(), rule, bilinear, accumulator());
      return read.grid() == null
          ? describe(dataset, read.measurement(), dataset.statedResolutionM().orElse(null), "EPSG:4326", start)
          : describe(dataset, read.grid(), read.measurement(), read.col(), read.row(), start);
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException | IllegalStateException
        | Proj4jException e) {
      return failed(dataset, e, start);
    }
  }

  static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
