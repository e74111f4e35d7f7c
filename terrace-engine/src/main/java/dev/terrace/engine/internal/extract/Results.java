package dev.terrace.engine.internal.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.ResultValue;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.failure.TerraceEngineException;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.time.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The results a response carries, and the warnings that go with them: what was read, with its value
 * and quality; a dataset that could not be read, or not by the deadline, as {@code missing}.
 */
final class Results {

  private final Aggregation aggregation;
  private final PixelRule rule;
  private final ResultValues values;
  private final Weighting weighting;
  private final boolean points;
  private final List<String> warnings;

  /**
   * @param kind what the geometries are: points have no statistic at all when none is on the raster
   * @param warnings where warnings are added, shared by the threads reading
   */
  Results(Options options, RequestGeometry.Kind kind, List<String> warnings) {
    this.aggregation = options.aggregation();
    this.rule = options.pixelRule();
    this.values = options.values();
    this.weighting = options.weighting();
    this.points = kind == RequestGeometry.Kind.POINTS;
    this.warnings = warnings;
  }

  /**
   * @param layer the slice read, whose timestamp the result carries
   * @param col fractional column where the geometry is, for the resolution of longitude/latitude
   *     grids
   * @param row fractional row, likewise
   * @param start when the read started ({@link System#nanoTime()})
   */
  ExtractResult measured(
      CatalogDataset dataset,
      Layer layer,
      Grid grid,
      Measurement m,
      double col,
      double row,
      long start) {
    return measured(
        dataset,
        m,
        grid.resolutionMetres(col, row),
        grid.crsName(),
        layer.time() == null ? null : Timestamps.format(layer.time()),
        layer.raster().damage(),
        start);
  }

  /**
   * @param resolutionM the resolution reported, or null when unknown
   * @param crs the CRS reported
   * @param time the timestamp read, or null for a dataset without time
   */
  ExtractResult measured(
      CatalogDataset dataset,
      Measurement m,
      Double resolutionM,
      String crs,
      Instant time,
      long start) {
    return measured(
        dataset,
        m,
        resolutionM,
        crs,
        time == null ? null : Timestamps.format(time),
        Optional.empty(),
        start);
  }

  private ExtractResult measured(
      CatalogDataset dataset,
      Measurement m,
      Double resolutionM,
      String crs,
      String timestamp,
      Optional<String> damage,
      long start) {
    if (m.unweighted() > 0) {
      warn(
          dataset.id()
              + ": "
              + m.unweighted()
              + " covered cells have no weight in "
              + weighting.weights().id()
              + " (nodata there, or beyond its extent), so "
              + aggregation
              + " has no value; set default_weight to"
              + " give them one");
    }
    boolean damaged = damage.isPresent() && m.missingWeight() != 0;
    if (damaged) {
      // Some of what was missing may be lost with the damaged part of the file: say so.
      warn(dataset.id() + ": " + damage.get());
    }
    Object value = values.of(m, points && !m.reachesRaster());
    return new ExtractResult(
        dataset.id(),
        dataset.variable(),
        ResultValue.from(value, aggregation),
        dataset.units().orElse(null),
        aggregation,
        rule,
        Grading.of(m, value, dataset, values.countsNodata(), damaged),
        m.coverageFraction(),
        m.validCells(),
        resolutionM,
        timestamp,
        null,
        dataset.provider(),
        crs,
        millis(start));
  }

  /**
   * A polygon's result read in parts, completed with what all its parts measured: its value,
   * quality, coverage fraction and cell count become those of the whole polygon; what describes the
   * dataset (resolution, CRS, timestamp) stays the home part's.
   *
   * @param provisional the result the polygon's home part gave
   * @param m the measurements of every part, merged
   */
  static ExtractResult completed(
      ExtractResult provisional, CatalogDataset dataset, ResultValues values, Measurement m) {
    Object value = values.of(m, false);
    return new ExtractResult(
        provisional.datasetId(),
        provisional.variable(),
        ResultValue.from(value, provisional.aggregation()),
        provisional.units(),
        provisional.aggregation(),
        provisional.pixelRule(),
        Grading.of(m, value, dataset, values.countsNodata(), false),
        m.coverageFraction(),
        m.validCells(),
        provisional.resolutionM(),
        provisional.timestamp(),
        provisional.temporalAggregation(),
        provisional.provider(),
        provisional.crs(),
        provisional.elapsedMs());
  }

  /**
   * @param provisional the result a polygon's home part gave
   * @return it {@code missing}, for a polygon another part of which could not be read: as {@link
   *     #failed} describes a dataset that could not be read
   */
  static ExtractResult lost(ExtractResult provisional) {
    return new ExtractResult(
        provisional.datasetId(),
        provisional.variable(),
        null,
        provisional.units(),
        provisional.aggregation(),
        provisional.pixelRule(),
        Quality.MISSING,
        0.0,
        0,
        null,
        provisional.timestamp(),
        provisional.temporalAggregation(),
        provisional.provider(),
        null,
        provisional.elapsedMs());
  }

  /**
   * What stands for a dataset not read by the request's deadline: {@code missing}, with a warning
   * that says so.
   *
   * @param start when the request started ({@link System#nanoTime()})
   * @param until its deadline
   */
  ExtractResult late(CatalogDataset dataset, long start, long until) {
    warn(lateWarning(dataset, Math.round((until - start) / 1e6) + " ms "));
    return new ExtractResult(
        dataset.id(),
        dataset.variable(),
        null,
        dataset.units().orElse(null),
        aggregation,
        rule,
        Quality.MISSING,
        0.0,
        0,
        null,
        null,
        null,
        dataset.provider(),
        null,
        millis(start));
  }

  /**
   * What stands for a dataset, or one of its timestamps, that cannot be read: {@code missing}, with
   * the failure as a warning.
   *
   * @param when the timestamp that could not be read, or null for a static dataset or the dataset
   *     as a whole
   * @param failure one of the engine's expected failures: the raster cannot be fetched or decoded,
   *     or cannot answer this request
   * @param start when the read started ({@link System#nanoTime()})
   */
  ExtractResult failed(
      CatalogDataset dataset, Instant when, TerraceEngineException failure, long start) {
    String time = when == null ? null : Timestamps.format(when);
    if (Thread.currentThread().isInterrupted()) {
      // Given up at the deadline, which is what the user needs to hear, not the read it
      // interrupted.
      warn(lateWarning(dataset, ""));
    } else {
      warn(failureWarning(dataset, time, failure.getMessage()));
    }
    return new ExtractResult(
        dataset.id(),
        dataset.variable(),
        null,
        dataset.units().orElse(null),
        aggregation,
        rule,
        Quality.MISSING,
        0.0,
        0,
        null,
        time,
        null,
        dataset.provider(),
        null,
        millis(start));
  }

  /**
   * @param time the timestamp that could not be read, or null for a static dataset
   * @return the warning that says a dataset, or one of its timestamps, could not be read
   */
  static String failureWarning(CatalogDataset dataset, String time, String message) {
    return dataset.id() + (time == null ? "" : " at " + time) + ": " + message;
  }

  /** Adds a warning once, however many timestamps or geometries meet it. */
  void warn(String warning) {
    synchronized (warnings) {
      if (!warnings.contains(warning)) {
        warnings.add(warning);
      }
    }
  }

  private static String lateWarning(CatalogDataset dataset, String deadline) {
    return dataset.id()
        + ": not read within its share (half) of the request's "
        + deadline
        + "deadline; its source ("
        + dataset.location()
        + ") is slow or not answering. The other results stand";
  }

  private static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
