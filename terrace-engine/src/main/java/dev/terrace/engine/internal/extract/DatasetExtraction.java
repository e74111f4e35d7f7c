package dev.terrace.engine.internal.extract;

import dev.terrace.api.ExtractResult;
import dev.terrace.api.Interpolation;
import dev.terrace.api.PixelRule;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.UnreadableException;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.tiles.Mosaic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * One geometry read from one dataset: project it into the raster's pixel space, measure it — once
 * per timestamp of a time series, with the coverage computed once — and describe each answer with
 * {@link Results}. A dataset that cannot be read — one of the engine's expected failures: {@link
 * RasterIoException}, {@link RasterFormatException}, {@link UnreadableException} — yields a {@code
 * missing} result and a warning; the rest of the response stands. Anything else is a fault of the
 * engine and fails the request.
 */
final class DatasetExtraction {

  private final RequestGeometry geometry;
  private final CoordinateReferenceSystem inputCrs;
  private final ResultValues values;
  private final PixelRule rule;
  private final boolean bilinear;
  private final boolean densify;
  private final PixelBudget budget;
  private final TimeWindow window;
  private final TemporalAggregation temporalAggregation;
  private final CellRules cellRules;
  private final Weighting weighting;
  private final Results results;

  /**
   * @param options the request's options: aggregation, pixel rule, interpolation, densify, time
   *     range and temporal aggregation, minimum coverage and default value, tie rule
   * @param results where what is read is described, and the warnings go
   */
  DatasetExtraction(
      RequestGeometry geometry,
      CoordinateReferenceSystem inputCrs,
      Options options,
      PixelBudget budget,
      Results results) {
    this.geometry = geometry;
    this.inputCrs = inputCrs;
    this.values = options.values();
    this.bilinear = options.interpolation() == Interpolation.BILINEAR;
    this.densify = options.densify();
    this.rule = options.pixelRule();
    this.budget = budget;
    this.window = options.window();
    this.temporalAggregation = options.temporalAggregation();
    this.cellRules = options.cellRules();
    this.weighting = options.weighting();
    this.results = results;
  }

  /**
   * @return one result per timestamp read — one for a static dataset — or, with a temporal
   *     aggregation, the series collapsed into one; none (and a warning) when no timestamp lies in
   *     the request's time range
   */
  List<ExtractResult> run(CatalogDataset dataset) {
    return run(dataset, null).results();
  }

  /**
   * What one part of a polygon read.
   *
   * @param results the results of the whole dataset as far as this part read it: final when the
   *     part was read whole, to be completed with the merged partials otherwise; none for a part
   *     that is not its polygon's home
   * @param partial the part's measurements, or null when the polygon is not read in parts (the home
   *     part's results are then final)
   */
  record PartRead(List<ExtractResult> results, Partial partial) {}

  /**
   * @param part the part of the polygon to read, or null for all of it
   */
  PartRead run(CatalogDataset dataset, Part part) {
    long start = System.nanoTime();
    boolean onlyHome = part != null && !part.home();
    if (dataset.isMosaic()) {
      return onlyHome
          ? new PartRead(List.of(), null)
          : new PartRead(
              values.cells()
                  ? List.of(
                      results.failed(
                          dataset, null, new UnreadableException(CellsReader.NOT_TILED), start))
                  : mosaic(dataset),
              null);
    }
    List<Slices.Slice> slices = Slices.open(dataset, window, results, start);
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
    List<List<Layer>> grids = bySharedGrid(readable);
    Part read = part != null && inParts(grids, part) ? part : null;
    if (onlyHome && read == null) {
      return new PartRead(List.of(), null);
    }
    Partial partial = read == null ? null : Partial.of(out.length);
    int k = 0;
    for (List<Layer> sameGrid : grids) {
      int first = k;
      List<ExtractResult> measured =
          measure(
              dataset,
              sameGrid,
              read,
              partial == null
                  ? null
                  : (i, m, outside) -> partial.measured(at.get(first + i), m, outside),
              partial == null ? null : (i, failure) -> partial.failed(at.get(first + i), failure),
              start);
      for (ExtractResult r : measured) {
        out[at.get(k++)] = r;
      }
    }
    return new PartRead(
        onlyHome ? List.of() : TimeSeries.answer(Arrays.asList(out), temporalAggregation), partial);
  }

  /**
   * Whether the polygon can be read in parts whose measurements add up to the whole's exactly: see
   * {@link Part}.
   *
   * @param grids the readable slices, by grid
   */
  private boolean inParts(List<List<Layer>> grids, Part part) {
    if (grids.size() != 1
        || geometry.kind() != RequestGeometry.Kind.AREAS
        || values.cells()
        || !weighting.isNone()
        || temporalAggregation != null
        || densify) {
      return false;
    }
    // Each part a block of every slice, as reading the polygon whole takes them.
    for (Layer layer : grids.get(0)) {
      Blocks blocks = Blocks.of(layer.raster());
      Window w = part.window();
      if (!blocks.window(blocks.at(w.col(), w.row())).equals(w)) {
        return false;
      }
    }
    Window whole = part.whole();
    Grid grid = grids.get(0).get(0).raster().grid();
    try {
      var e = new PixelLocator(grid, inputCrs).toPixels(geometry.geometry()).getEnvelopeInternal();
      // The cells the polygon's box reaches within the raster, all of which the parts must hold.
      return e.isNull()
          || Math.max(0, Math.floor(e.getMinX())) >= whole.col()
              && Math.min(grid.width(), Math.ceil(e.getMaxX())) <= whole.endCol()
              && Math.max(0, Math.floor(e.getMinY())) >= whole.row()
              && Math.min(grid.height(), Math.ceil(e.getMaxY())) <= whole.endRow();
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      return false;
    }
  }

  /** Where a part's measurement of the slice at an index of the run goes. */
  private interface Measured {
    /**
     * @param outside the polygon's area beyond the raster's edge, which its home part counts
     */
    void add(int slice, Measurement m, double outside);
  }

  /** Where a part's failure to read the slice at an index of the run goes. */
  private interface Failed {
    void add(int slice, String failure);
  }

  /**
   * Slices on one grid: the geometry is projected, budgeted and covered once for all of them.
   *
   * @param part the part of the polygon read, or null for all of it
   * @param measured where the part's measurements go, null when read whole
   * @param failed where the part's failures go, null when read whole
   */
  private List<ExtractResult> measure(
      CatalogDataset dataset,
      List<Layer> sameGrid,
      Part part,
      Measured measured,
      Failed failed,
      long start) {
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
      // Points and lines weigh 1 and their length whatever coverage_weight says; only polygons
      // cover area.
      cellWeights =
          weighting.isNone() || weights == null && geometry.kind() != RequestGeometry.Kind.AREAS
              ? null
              : new CellWeights(
                  geometry.kind() == RequestGeometry.Kind.AREAS
                      ? weighting
                      : weighting.weightsOnly(),
                  grid,
                  weights,
                  1);
      pixels =
          new PixelLocator(grid, inputCrs)
              .toPixels(densify ? densified(grid) : geometry.geometry());
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      // Weights that cannot be opened, a degenerate geotransform, a geometry outside the CRS's
      // domain, or an
      // area asked of a grid that has none.
      return sameGrid.stream()
          .map(layer -> results.failed(dataset, layer.time(), e, start))
          .toList();
    }
    // The home part spends the whole polygon's cells, as reading it whole would.
    if (part == null || part.home()) {
      spend(dataset, grid, pixels, layers.size());
    }
    var centre = pixels.getEnvelopeInternal().centre();
    double outside =
        part != null && part.home()
            ? AreaReader.areaOutside(pixels, grid.width(), grid.height())
            : 0;
    Measurement[] m;
    try {
      m = read(layers, pixels, cellWeights, part);
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      if (layers.size() == 1) {
        if (failed != null) {
          failed.add(0, e.getMessage());
        }
        return List.of(results.failed(dataset, layers.get(0).time(), e, start));
      }
      // One unreadable slice must not sink the others: read them one at a time to find which it is.
      List<ExtractResult> out = new ArrayList<>(layers.size());
      for (int i = 0; i < layers.size(); i++) {
        out.add(
            readAlone(
                dataset,
                layers.get(i),
                i,
                pixels,
                cellWeights,
                centre,
                part,
                outside,
                measured,
                failed,
                start));
      }
      return out;
    }
    if (values.cells()) {
      budget.spendReturned(Arrays.stream(m).mapToLong(Measurement::validCells).sum(), dataset.id());
    }
    List<ExtractResult> out = new ArrayList<>(m.length);
    // The resolution and CRS reported are the dataset's own, even when cells were matched on a
    // finer grid.
    Grid own = sameGrid.get(0).raster().grid();
    double scaleCol = (double) own.width() / grid.width();
    double scaleRow = (double) own.height() / grid.height();
    for (int i = 0; i < m.length; i++) {
      out.add(
          results.measured(
              dataset, layers.get(i), own, m[i], centre.x * scaleCol, centre.y * scaleRow, start));
      if (measured != null) {
        measured.add(i, m[i], outside);
      }
    }
    return out;
  }

  private ExtractResult readAlone(
      CatalogDataset dataset,
      Layer layer,
      int slice,
      Geometry pixels,
      CellWeights weights,
      Coordinate centre,
      Part part,
      double outside,
      Measured measured,
      Failed failed,
      long start) {
    try {
      Measurement m = read(List.of(layer), pixels, weights, part)[0];
      if (values.cells()) {
        budget.spendReturned(m.validCells(), dataset.id());
      }
      ExtractResult r =
          results.measured(dataset, layer, layer.raster().grid(), m, centre.x, centre.y, start);
      if (measured != null) {
        measured.add(slice, m, outside);
      }
      return r;
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      if (failed != null) {
        failed.add(slice, e.getMessage());
      }
      return results.failed(dataset, layer.time(), e, start);
    }
  }

  /**
   * @param weights what cells weigh beyond their coverage, or null for nothing more
   * @param part the part of a polygon to read, or null for all of the geometry
   */
  private Measurement[] read(List<Layer> layers, Geometry pixels, CellWeights weights, Part part) {
    if (values.cells()) {
      return new CellsReader(
              rule, cellRules, new CellCentres(layers.get(0).raster().grid(), inputCrs))
          .read(layers, pixels, geometry.kind());
    }
    CellAccumulator[] accumulators = new CellAccumulator[layers.size()];
    Arrays.setAll(accumulators, i -> values.accumulator());
    if (geometry.kind() == RequestGeometry.Kind.AREAS) {
      return part == null
          ? AreaReader.read(layers, pixels, rule, cellRules, weights, accumulators)
          : AreaReader.readWindow(
              layers, pixels, rule, cellRules, weights, accumulators, part.window());
    }
    Measurement[] out = new Measurement[layers.size()];
    for (int i = 0; i < out.length; i++) {
      Layer l = layers.get(i);
      out[i] =
          geometry.kind() == RequestGeometry.Kind.POINTS
              ? PointReader.read(
                  l.raster(),
                  l.bandNumber(),
                  l.band(),
                  pixels,
                  bilinear,
                  cellRules,
                  weights,
                  accumulators[i])
              : LineReader.read(
                  l.raster(),
                  l.bandNumber(),
                  l.band(),
                  pixels,
                  rule,
                  cellRules,
                  weights,
                  accumulators[i]);
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

  /**
   * The geometry with extra vertices so that no edge is longer than about one cell of the raster,
   * for requests that want edges to follow their own CRS's straight lines (great circles in
   * lon/lat, roughly) rather than the raster's.
   */
  private Geometry densified(Grid grid) {
    return densified(grid.resolutionMetres(grid.width() / 2.0, grid.height() / 2.0));
  }

  private Geometry densified(double cellMetres) {
    double step =
        inputCrs.isGeographic()
            ? cellMetres / 111_320
            : cellMetres * inputCrs.getProjection().getFromMetres();
    return Densifier.densify(geometry.geometry(), step);
  }

  /**
   * Counts the cells this read may touch in every slice against the request's budget, before
   * reading any.
   */
  private void spend(CatalogDataset dataset, Grid grid, Geometry pixels, int slices) {
    budget.spend(PixelBudget.cells(pixels.getEnvelopeInternal(), grid) * slices, dataset.id());
  }

  /**
   * A dataset read as a mosaic (a grid of tiles, the items of a STAC catalog), once per timestamp
   * in the request's time range: each raster the geometry reaches is read, and the answer is the
   * one a single raster of all of them would give.
   *
   * @return one result per timestamp, or the series collapsed into one
   */
  private List<ExtractResult> mosaic(CatalogDataset dataset) {
    long start = System.nanoTime();
    if (!weighting.isNone()) {
      return List.of(
          results.failed(
              dataset,
              null,
              new UnreadableException(
                  "a mosaic of rasters (cog_tiles, stac) is read without"
                      + " weights and coverage_weight; they apply to datasets of single rasters"),
              start));
    }
    Geometry lonLat;
    List<CatalogDataset.TimedMosaic> mosaics;
    try {
      // The rasters are not open yet to say their cell size; a hundredth of a tile, or of a degree,
      // stands in when the catalog is silent.
      Geometry input =
          densify
              ? densified(
                  dataset
                      .statedResolutionM()
                      .orElse(dataset.tiles().map(t -> t.grid().size()).orElse(1) * 1113.2))
              : geometry.geometry();
      lonLat = TiledReader.toLonLat(input, inputCrs);
      mosaics = dataset.mosaics(lonLat.getEnvelopeInternal(), window.from(), window.to());
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      return List.of(results.failed(dataset, null, e, start));
    }
    if (mosaics.isEmpty()) {
      results.warn(
          dataset.searched()
              ? dataset.id()
                  + ": no item in time_range "
                  + window.asWritten()
                  + " meets the geometry"
              : Slices.noTimestampInRange(dataset, window));
    }
    List<ExtractResult> out = new ArrayList<>(mosaics.size());
    for (CatalogDataset.TimedMosaic m : mosaics) {
      out.add(tiled(dataset, lonLat, m.mosaic(), m.time()));
    }
    return TimeSeries.answer(out, temporalAggregation);
  }

  /**
   * One timestamp of a mosaic. When none of its rasters exists there, the catalog's resolution is
   * reported.
   *
   * @param lonLat the geometry in longitude/latitude
   * @param time the timestamp, or null for a dataset without time
   */
  private ExtractResult tiled(
      CatalogDataset dataset, Geometry lonLat, Mosaic<?> mosaic, Instant time) {
    long start = System.nanoTime();
    try {
      TiledReader.Read read =
          TiledReader.over(
                  mosaic, dataset, (grid, pixels) -> spend(dataset, grid, pixels, 1), cellRules)
              .read(lonLat, geometry.kind(), rule, bilinear, values.accumulator());
      read.warnings().forEach(w -> results.warn(dataset.id() + ": " + w));
      return read.grid() == null
          ? results.measured(
              dataset,
              read.measurement(),
              dataset.statedResolutionM().orElse(null),
              "EPSG:4326",
              time,
              start)
          : results.measured(
              dataset,
              read.measurement(),
              read.grid().resolutionMetres(read.col(), read.row()),
              read.grid().crsName(),
              time,
              start);
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      return results.failed(dataset, time, e, start);
    }
  }
}
