package dev.terrace.engine.internal.extract;

import dev.terrace.api.ExtractResult;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * A batch of single points read from one dataset of single rasters, slice by slice, each slice
 * block by block (see {@link PointBatch}). Each point is answered as {@link DatasetExtraction}
 * would answer it alone.
 */
final class PointsExtraction {

  private final List<Coordinate> points;
  private final CoordinateReferenceSystem crs;
  private final ResultValues values;
  private final CellRules cellRules;
  private final TimeWindow window;
  private final TemporalAggregation temporalAggregation;
  private final Results results;

  /**
   * @param points the points, in the request's CRS
   * @param options the request's options
   * @param results where what is read is described, and the warnings go
   */
  PointsExtraction(
      List<Coordinate> points, CoordinateReferenceSystem crs, Options options, Results results) {
    this.points = points;
    this.crs = crs;
    this.values = options.values();
    this.cellRules = options.cellRules();
    this.window = options.window();
    this.temporalAggregation = options.temporalAggregation();
    this.results = results;
  }

  /**
   * @return for each point, in input order, its results: one per timestamp read, or the series
   *     collapsed
   */
  List<List<ExtractResult>> run(CatalogDataset dataset, int concurrency) {
    long start = System.nanoTime();
    List<ExtractResult[]> bySlice = new ArrayList<>();
    for (Slices.Slice slice : Slices.open(dataset, window, results, start)) {
      if (slice.failure() != null) {
        ExtractResult[] failed = new ExtractResult[points.size()];
        Arrays.fill(failed, slice.failure());
        bySlice.add(failed);
      } else {
        bySlice.add(
            new PointBatch(dataset, slice.layer(), values, cellRules, results)
                .read(points, crs, concurrency));
      }
    }
    List<List<ExtractResult>> out = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      List<ExtractResult> series = new ArrayList<>(bySlice.size());
      for (ExtractResult[] r : bySlice) {
        series.add(r[i]);
      }
      out.add(TimeSeries.answer(series, temporalAggregation));
    }
    return out;
  }
}
