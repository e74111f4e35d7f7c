package dev.terrace.engine.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Interpolation;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.ResultValue;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.Tie;
import dev.terrace.engine.catalog.CatalogDataset;
import dev.terrace.engine.catalog.Layer;
import dev.terrace.engine.geometry.RequestGeometry;
import dev.terrace.engine.raster.Grid;
import dev.terrace.engine.raster.PixelLocator;
import dev.terrace.engine.raster.RasterFormatException;
import dev.terrace.engine.raster.RasterIoException;
import dev.terrace.engine.stats.CellAccumulator;
import dev.terrace.engine.stats.Statistic;
import dev.terrace.engine.stats.StatisticRequest;
import dev.terrace.engine.tiles.TileSet;
import dev.terrace.engine.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * One geometry read from one dataset: project it into the raster's pixel space, measure it — once per timestamp
 * of a time series, with the coverage computed once — and describe each answer with its quality. A dataset that
 * cannot be read yields a {@code missing} result and a warning; the rest of the response stands.
 */
final class DatasetExtraction {

  private final RequestGeometry geometry;
  private final CoordinateReferenceSystem inputCrs;
  private final Aggregation aggregation;
  /** Whether the cells themselves are returned ({@code cells}); then there is no statistic. */
  private final boolean cells;
  private final StatisticRequest statistic;
  private final Tie tie;
  private final PixelRule rule;
  private final boolean bilinear;
  private final boolean densify;
  private final PixelBudget budget;
  private final TimeWindow window;
  private final TemporalAggregation temporalAggregation;
  private final CellRules cellRules;
  private final Weighting weighting;
  private final List<String> warnings;

  /**
   * @param options the request's options: aggregation, pixel rule, interpolation, densify, time range and
   *     temporal aggregation, minimum coverage and default value, tie rule
   */
  DatasetExtraction(RequestGeometry geometry, CoordinateReferenceSystem inputCrs, Options options, PixelBudget budget,
      List<String> warnings) {
    this.geometry = geometry;
    this.inputCrs = inputCrs;
    this.aggregation = options.aggregation();
    this.cells = aggregation.equals(Aggregation.CELLS);
    this.statistic = cells ? null : StatisticRequest.from(aggregation);
    this.tie = options.tie();
    this.bilinear = options.interpolation() == Interpolation.BILINEAR;
    this.densify = options.densify();
    this.rule = options.pixelRule();
    this.budget = budget;
    this.window = options.window();
    this.temporalAggregation = options.temporalAggregation();
    this.cellRules = options.cellRules();
    this.weighting = options.weighting();
    this.warnings = warnings;
  }

  /**
   * @return one result per timestamp read — one for a static dataset — or, with a temporal aggregation, the
   *     series collapsed into one; none (and a warning) when no timestamp lies in the request's time range
   */
  List<ExtractResult> run(CatalogDataset dataset) {
    long start = System.nanoTime();
    if (dataset.tiles().isPresent()) {
      return List.of(cells ? failed(dataset, new UnsupportedOperationException(CellsReader.NOT_TILED), start)
          : tiled(dataset, dataset.tiles().get()));
    }
    List<Slice> slices = open(dataset, start);
    ExtractResult[] out = new ExtractResult[slices.size()];
    List<Layer> readable = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      if (slices.get(i).failure() != null) {
        out[i] = slices.get(i).failure();
      } else {
        readable.add(slices.get(i).layer());
        at.add(i);
      }
    }
    int k = 0;
    for (List<Layer> sameGrid : bySharedGrid(readable)) {
      for (ExtractResult r : measure(dataset, sameGrid, start)) {
        out[at.get(k++)] = r;
      }
    }
    return collapse(Arrays.asList(out));
  }

  /**
   * A batch of single points read from one dataset block by block (see {@link PointBatch}).
   *
   * @param points the points, in the request's CRS
   * @return for each point, in input order, what {@link #run} would return for it
   */
  List<List<ExtractResult>> runPoints(List<Coordinate> points, CatalogDataset dataset, int concurrency) {
    long start = System.nanoTime();
    List<ExtractResult[]> bySlice = new ArrayList<>();
    for (Slice slice : open(dataset, start)) {
      if (slice.failure() != null) {
        ExtractResult[] failed = new ExtractResult[points.size()];
        Arrays.fill(failed, slice.failure());
        bySlice.add(failed);
      } else {
        bySlice.add(PointBatch.read(points, dataset, slice.layer(), inputCrs, this, concurrency));
      }
    }
    List<List<ExtractResult>> out = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      List<ExtractResult> series = new ArrayList<>(bySlice.size());
      for (ExtractResult[] r : bySlice) {
        series.add(r[i]);
      }
      out.add(collapse(series));
    }
    return out;
  }

  /** A slice to read, or the result standing for one that could not be opened. */
  private record Slice(Layer layer, ExtractResult failure) {}

  /**
   * Opens the slices in the request's time range, in time order. A file that cannot be opened fails its own
   * timestamp only; when not even the timestamps can be read the dataset fails as a whole.
   */
  private List<Slice> open(CatalogDataset dataset, long start) {
    List<Integer> steps;
    try {
      steps = dataset.steps(window.from(), window.to());
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
      return List.of(new Slice(null, failed(dataset, e, start)));
    }
    if (steps.isEmpty()) {
      warnings.add(noTimestampInRange(dataset));
    }
    List<Slice> out = new ArrayList<>(steps.size());
    for (int step : steps) {
      try {
        out.add(new Slice(dataset.layer(step), null));
      } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
        List<Instant> times = dataset.times();
        out.add(new Slice(null, failed(dataset, times.isEmpty() ? null : times.get(step), e, start)));
      }
    }
    return out;
  }

  /** Slices on one grid: the geometry is projected, budgeted and covered once for all of them. */
  private List<ExtractResult> measure(CatalogDataset dataset, List<Layer> sameGrid, long start) {
    Grid grid = sameGrid.get(0).raster().grid();
    List<Layer> layers = sameGrid;
    Layer weights = null;
    CellWeights cellWeights;
    Geometry pixels;
    try {
      if (weighting.weights() != null) {
        weights = weighting.weights().layer(0);
        grid = Weighting.common(grid, weights.raster().grid());
        Grid common = grid;
        layers = sameGrid.stream().map(l -> Weighting.on(l, common)).toList();
        weights = Weighting.on(weights, grid);
      }
      // Points and lines weigh 1 and their length whatever coverage_weight says; only polygons cover area.
      cellWeights = weighting.isNone() || weights == null && geometry.kind() != RequestGeometry.Kind.AREAS ? null
          : new CellWeights(geometry.kind() == RequestGeometry.Kind.AREAS ? weighting : weighting.weightsOnly(),
              grid, weights, 1);
      pixels = new PixelLocator(grid, inputCrs).toPixels(densify ? densified(grid) : geometry.geometry());
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException | IllegalStateException
        | Proj4jException e) {
      // A degenerate geotransform, a geometry outside the CRS's domain, weights that cannot be opened, or an
      // area asked of a grid that has none.
      return sameGrid.stream().map(layer -> failed(dataset, layer.time(), e, start)).toList();
    }
    spend(dataset, grid, pixels, layers.size());
    var centre = pixels.getEnvelopeInternal().centre();
    Measurement[] m;
    try {
      m = read(layers, pixels, cellWeights);
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
      // The last: coordinates that projected to infinity, which no cell can hold.
      if (layers.size() == 1) {
        return List.of(failed(dataset, layers.get(0).time(), e, start));
      }
      // One unreadable slice must not sink the others: read them one at a time to find which it is.
      return layers.stream().map(layer -> readAlone(dataset, layer, pixels, cellWeights, centre, start)).toList();
    }
    if (cells) {
      budget.spendReturned(Arrays.stream(m).mapToLong(Measurement::validCells).sum(), dataset.id());
    }
    List<ExtractResult> out = new ArrayList<>(m.length);
    // The resolution and CRS reported are the dataset's own, even when cells were matched on a finer grid.
    Grid own = sameGrid.get(0).raster().grid();
    double scaleCol = (double) own.width() / grid.width();
    double scaleRow = (double) own.height() / grid.height();
    for (int i = 0; i < m.length; i++) {
      out.add(describe(dataset, layers.get(i), own, m[i], centre.x * scaleCol, centre.y * scaleRow, start));
    }
    return out;
  }

  private ExtractResult readAlone(CatalogDataset dataset, Layer layer, Geometry pixels, CellWeights weights,
      Coordinate centre, long start) {
    try {
      Measurement m = read(List.of(layer), pixels, weights)[0];
      if (cells) {
        budget.spendReturned(m.validCells(), dataset.id());
      }
      return describe(dataset, layer, layer.raster().grid(), m, centre.x, centre.y, start);
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
      return failed(dataset, layer.time(), e, start);
    }
  }

  /** @param weights what cells weigh beyond their coverage, or null for nothing more */
  private Measurement[] read(List<Layer> layers, Geometry pixels, CellWeights weights) {
    if (cells) {
      return new CellsReader(rule, cellRules, new CellCentres(layers.get(0).raster().grid(), inputCrs))
          .read(layers, pixels, geometry.kind());
    }
    CellAccumulator[] values = new CellAccumulator[layers.size()];
    Arrays.setAll(values, i -> accumulator());
    if (geometry.kind() == RequestGeometry.Kind.AREAS) {
      return AreaReader.read(layers, pixels, rule, cellRules, weights, values);
    }
    Measurement[] out = new Measurement[layers.size()];
    for (int i = 0; i < out.length; i++) {
      Layer l = layers.get(i);
      out[i] = geometry.kind() == RequestGeometry.Kind.POINTS
          ? PointReader.read(l.raster(), l.bandNumber(), l.band(), pixels, bilinear, cellRules, weights,
              values[i])
          : LineReader.read(l.raster(), l.bandNumber(), l.band(), pixels, rule, cellRules, weights, values[i]);
    }
    return out;
  }

  /** Runs of consecutive slices on the same grid; a stack of files usually is one run. */
  private static List<List<Layer>> bySharedGrid(List<Layer> layers) {
    List<List<Layer>> runs = new ArrayList<>();
    List<Layer> run = new ArrayList<>();
    for (Layer layer : layers) {
      if (!run.isEmpty() && !run.get(0).raster().grid().sameCells(layer.raster().grid())) {
        runs.add(run);
        run = new ArrayList<>();
      }
      run.add(layer);
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  private List<ExtractResult> collapse(List<ExtractResult> series) {
    boolean timeVarying = !series.isEmpty() && series.get(0).timestamp() != null;
    return temporalAggregation == null || !timeVarying ? series
        : List.of(TimeSeries.collapse(series, temporalAggregation));
  }

  private String noTimestampInRange(CatalogDataset dataset) {
    List<Instant> times = dataset.times();
    return dataset.id() + ": no timestamp in time_range " + window.asWritten() + "; the dataset has "
        + times.size() + " from " + Timestamps.format(times.get(0)) + " to "
        + Timestamps.format(times.get(times.size() - 1));
  }

  /** @return the minimum coverage and default value cells are read with */
  CellRules cellRules() {
    return cellRules;
  }

  /**
   * @return a fresh accumulator for the requested statistic and tie rule: the one every reader (areas, lines,
   *     points, batches of points, tiles) fills
   */
  CellAccumulator accumulator() {
    return CellAccumulator.of(List.of(statistic), tie);
  }

  /**
   * @param layer the slice read, whose timestamp the result carries
   * @param col fractional column where the geometry is, for the resolution of longitude/latitude grids
   * @param row fractional row, likewise
   */
  ExtractResult describe(CatalogDataset dataset, Layer layer, Grid grid, Measurement m, double col, double row,
      long start) {
    ExtractResult result = describe(dataset, m, grid.resolutionMetres(col, row), grid.crsName(), timestamp(layer),
        start);
    var damage = layer.raster().damage();
    if (damage.isEmpty() || m.missingWeight() == 0) {
      return result;
    }
    // Some of what was missing may be lost with the damaged part of the file: say so, and never call it good.
    warn(dataset.id() + ": " + damage.get());
    return result.quality() == Quality.MISSING ? result : result.toBuilder().quality(Quality.PARTIAL).build();
  }

  /** Adds a warning once, however many timestamps or geometries meet it. */
  private void warn(String warning) {
    synchronized (warnings) {
      if (!warnings.contains(warning)) {
        warnings.add(warning);
      }
    }
  }

  private ExtractResult describe(CatalogDataset dataset, Measurement m, Double resolutionM, String crs,
      String timestamp, long start) {
    if (m.unweighted() > 0) {
      warn(dataset.id() + ": " + m.unweighted() + " covered cells have no weight in " + weighting.weights().id()
          + " (nodata there, or beyond its extent), so " + aggregation + " has no value; set default_weight to"
          + " give them one");
    }
    boolean nodataCount = !cells && statistic.statistic() == Statistic.NODATA_COUNT;
    Object value = cells ? m.cells() : m.unweighted() > 0 || pointsOffRaster(m) ? null
        : nodataCount ? m.nodataWeight() : value(m.values());
    return new ExtractResult(dataset.id(), dataset.variable(), ResultValue.from(value, aggregation),
        dataset.units().orElse(null), aggregation,
        rule, m.unweighted() > 0 ? Quality.MISSING : quality(m, value, dataset, nodataCount),
        m.coverageFraction(), m.validCells(), resolutionM,
        timestamp, null, dataset.provider(), crs, millis(start));
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

  /** Counts the cells this read may touch in every slice against the request's budget, before reading any. */
  private void spend(CatalogDataset dataset, Grid grid, Geometry pixels, int slices) {
    budget.spend(PixelBudget.cells(pixels.getEnvelopeInternal(), grid) * slices, dataset.id());
  }

  private Object value(CellAccumulator values) {
    Object raw = values.result(statistic);
    if (raw instanceof Map<?, ?> distribution) {
      Map<String, Double> out = new LinkedHashMap<>();
      // 64-bit integer classes come as Long or BigInteger and are labelled as they are, exactly.
      distribution.forEach((k, v) -> out.put(k instanceof Double d ? classLabel(d) : k.toString(), (Double) v));
      return out;
    }
    return raw;
  }

  /**
   * Points none of which is on the raster have no cell, so no zone, and no statistic at all: not even the 0 that
   * {@code count}, {@code sum}, {@code variety} and {@code nodata_count} answer for an empty zone, which areas and
   * lines wholly beyond the raster do answer, as exactextract's polygons. ({@code nodata_count} comes from the
   * measurement: the accumulator never sees cells without data.)
   */
  private boolean pointsOffRaster(Measurement m) {
    // Only batches of single points are read without a geometry of their own.
    return (geometry == null || geometry.kind() == RequestGeometry.Kind.POINTS) && !m.reachesRaster();
  }

  /** Class codes read as integers ("11", not "11.0"), as users and GDAL's attribute tables write them. */
  private static String classLabel(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static Quality quality(Measurement m, Object value, CatalogDataset dataset, boolean nodataCounted) {
    double fraction = m.coverageFraction();
    if (m.validCells() == 0 || fraction < 0.3) {
      return Quality.MISSING;
    }
    if (fraction < 0.8) {
      return Quality.PARTIAL;
    }
    // nodata_count counts cells; it is no reading the valid range could call suspect.
    if (value instanceof Number n && dataset.validRange().isPresent() && !dataset.categorical()
        && !nodataCounted) {
      // 64-bit integers come exact as Long or BigInteger; the range is a pair of doubles anyway.
      double v = n.doubleValue();
      List<Double> range = dataset.validRange().get();
      if (v < range.get(0) || v > range.get(1)) {
        return Quality.SUSPECT;
      }
    }
    return Quality.GOOD;
  }

  /**
   * What stands for a dataset not read by the request's deadline: {@code missing}, with a warning that says so.
   *
   * @param start when the request started ({@link System#nanoTime()})
   * @param until its deadline
   */
  ExtractResult late(CatalogDataset dataset, long start, long until) {
    warn(lateWarning(dataset, Math.round((until - start) / 1e6) + " ms "));
    return new ExtractResult(dataset.id(), dataset.variable(), null, dataset.units().orElse(null), aggregation,
        rule, Quality.MISSING, 0.0, 0, null, null, null, dataset.provider(), null, millis(start));
  }

  private static String lateWarning(CatalogDataset dataset, String deadline) {
    return dataset.id() + ": not read within its share (half) of the request's " + deadline + "deadline; its source ("
        + dataset.location() + ") is slow or not answering. The other results stand";
  }

  ExtractResult failed(CatalogDataset dataset, RuntimeException e, long start) {
    return failed(dataset, null, e, start);
  }

  /** @param when the timestamp that could not be read, or null for a static dataset or the dataset as a whole */
  ExtractResult failed(CatalogDataset dataset, Instant when, RuntimeException e, long start) {
    String time = when == null ? null : Timestamps.format(when);
    if (Thread.currentThread().isInterrupted()) {
      // Given up at the deadline, which is what the user needs to hear, not the read it interrupted.
      warn(lateWarning(dataset, ""));
    } else {
      warnings.add(dataset.id() + (time == null ? "" : " at " + time) + ": " + e.getMessage());
    }
    return new ExtractResult(dataset.id(), dataset.variable(), null, dataset.units().orElse(null), aggregation,
        rule, Quality.MISSING, 0.0, 0, null, time, null, dataset.provider(), null, millis(start));
  }

  private static String timestamp(Layer layer) {
    return layer.time() == null ? null : Timestamps.format(layer.time());
  }

  /**
   * A dataset stored as a global grid of tiles: each tile the geometry reaches is read, and the answer is the
   * one a single raster of all of them would give. When no tile exists there, the catalog's resolution is
   * reported.
   */
  private ExtractResult tiled(CatalogDataset dataset, TileSet tiles) {
    long start = System.nanoTime();
    if (!weighting.isNone()) {
      return failed(dataset, new IllegalArgumentException("a grid of tiles (cog_tiles) is read without weights and"
          + " coverage_weight; they apply to datasets of single rasters"), start);
    }
    try {
      // Tiles are not open yet to say their cell size; a hundredth of a tile stands in when the catalog is silent.
      Geometry input = densify ? densified(dataset.statedResolutionM().orElse(tiles.grid().size() * 1113.2))
          : geometry.geometry();
      TiledReader.Read read = new TiledReader(tiles, dataset, (grid, pixels) -> spend(dataset, grid, pixels, 1),
          cellRules)
          .read(TiledReader.toLonLat(input, inputCrs), geometry.kind(), rule, bilinear, accumulator());
      return read.grid() == null
          ? describe(dataset, read.measurement(), dataset.statedResolutionM().orElse(null), "EPSG:4326", null, start)
          : describe(dataset, read.measurement(), read.grid().resolutionMetres(read.col(), read.row()),
              read.grid().crsName(), null, start);
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException | IllegalStateException
        | Proj4jException e) {
      return failed(dataset, e, start);
    }
  }

  static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
